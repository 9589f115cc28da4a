// Alerts: open or resolved, grouped by type, filtered by type and warehouse, newest first, updated live.
// PROJECTED_STOCKOUT reads "will run out": the items that run out before new stock can come.
//   filters: #alert-type (select: "" or a type), #alert-warehouse (exact code), #alert-state (select OPEN|RESOLVED)
//   groups:  #alert-groups button[data-type][aria-pressed] ("" for all), each with its count in .count
//   list:    #alerts-list li[data-id][data-type][data-subject][data-state] with .type, .detail, time,
//            .reorder ("Reorder N", when nothing is inbound) and .duration (resolved: how long it lasted)
//   pages:   #alerts-prev, #alerts-next, #alerts-page, #alerts-total
//   hash:    #alerts?type=STOCKOUT&warehouse=BER-1&state=RESOLVED&page=1
"use strict";

(() => {
  const { $, el, get, query } = Dash;
  const SIZE = 50;
  const TYPES = ["LOW_STOCK", "STOCKOUT", "PROJECTED_STOCKOUT", "DEMAND_SPIKE", "OVERDUE_PURCHASE_ORDER",
    "DELAYED_SHIPMENT", "ANOMALOUS_ADJUSTMENT"];
  const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
  const state = { type: "", warehouse: "", state: "OPEN", page: 0 };
  const list = $("#alerts-list");
  const freshList = Dash.latest(), freshGroups = Dash.latest();

  const label = (type) => type === "PROJECTED_STOCKOUT" ? "will run out" : Dash.words(type);

  function duration(seconds) {
    if (seconds == null) return "";
    if (seconds < 60) return seconds + " s";
    const minutes = Math.floor(seconds / 60), hours = Math.floor(minutes / 60), days = Math.floor(hours / 24);
    if (days > 0) return days + " d" + (hours % 24 ? " " + (hours % 24) + " h" : "");
    if (hours > 0) return hours + " h" + (minutes % 60 ? " " + (minutes % 60) + " min" : "");
    return minutes + " min";
  }

  function fill(li, alert) {
    Object.assign(li.dataset, { type: alert.type, subject: alert.subject, state: alert.state });
    li.className = "alert " + alert.type;
    const parts = [el("span", { className: "type " + alert.type, text: label(alert.type) }),
      el("span", { className: "detail", text: alert.detail || alert.subject })];
    if (alert.reorderNow) {
      parts.push(el("strong", { className: "reorder", text: "Reorder " + alert.suggestedReorderQuantity,
        title: "nothing is inbound: order " + alert.suggestedReorderQuantity + " of " + alert.sku + " for " + alert.warehouse }));
    }
    if (alert.sku && alert.warehouse && alert.subject.startsWith("stock:")) {
      const item = alert.warehouse + ":" + alert.sku;
      parts.push(el("a", { className: "subject", text: "stock", title: "this item's stock over time",
        href: "#stock" + query({ warehouse: alert.warehouse, search: alert.sku, item }) }));
    }
    const times = [el("time", { text: "opened " + Dash.time(alert.openedAt), dateTime: alert.openedAt })];
    if (alert.state === "RESOLVED") {
      times.push(el("span", { className: "duration", text: duration(alert.durationSeconds),
        title: "resolved " + Dash.time(alert.resolvedAt) }));
    }
    parts.push(el("span", { className: "when" }, ...times));
    li.replaceChildren(...parts);
  }

  function matches(alert) {
    return alert.state === state.state && (!state.type || alert.type === state.type)
      && (!state.warehouse || alert.warehouse === state.warehouse);
  }

  async function loadList(live) {
    const page = await freshList(get("/alerts" + query({ state: state.state, type: state.type,
      warehouse: state.warehouse, sort: "-openedAt", page: state.page, size: SIZE })));
    if (!page) return;
    const render = () => {
      Dash.rows(list, page.items, (alert) => alert.id, fill, "li");
      Dash.pager("alerts", page.page, SIZE, page.total, page.total === 1 ? "alert" : "alerts");
      $("#alerts-empty").hidden = page.items.length > 0;
    };
    live ? Dash.timed(render) : render();
  }

  async function loadGroups(live) {
    const answer = await freshGroups(get("/alerts/groups" + query({ state: state.state, warehouse: state.warehouse })));
    if (!answer) return;
    const total = answer.groups.reduce((sum, group) => sum + group.count, 0);
    const render = () => Dash.rows($("#alert-groups"), [{ type: "", count: total }, ...answer.groups],
      (group) => group.type, (chip, group) => {
        chip.dataset.type = group.type;
        chip.type = "button";
        chip.setAttribute("aria-pressed", String(group.type === state.type));
        chip.title = group.latestAt ? "latest opened " + Dash.time(group.latestAt) : "";
        chip.replaceChildren(el("span", { className: "name", text: group.type ? label(group.type) : "all" }), " ",
          el("span", { className: "count", text: group.count.toLocaleString() }));
      }, "button");
    live ? Dash.timed(render) : render();
  }

  const load = (live) => Promise.all([loadList(live), loadGroups(live)]);

  function change(update, keepPage) {
    Object.assign(state, update);
    if (!keepPage) state.page = 0;
    if (state.warehouse && !KEY.test(state.warehouse)) {
      $("#alert-warehouse").classList.add("invalid");
      return;
    }
    $("#alert-warehouse").classList.remove("invalid");
    $("#alert-type").value = state.type;
    Dash.remember({ type: state.type, warehouse: state.warehouse, state: state.state === "OPEN" ? null : state.state,
      page: state.page || null });
    load(false).then(() => Dash.problem("alerts", null), (error) => Dash.problem("alerts", error));
  }

  // --- live: the alert changes in place at once; counts and the page are refetched at most once a second

  const refetch = Dash.throttle(() => load(true), 1000);

  function changed(type, alert) {
    if (type !== "alert") return;
    Dash.inFrame("alert:" + alert.id, () => {
      const li = list.querySelector(`li[data-id="${CSS.escape(alert.id)}"]`);
      if (li && matches(alert)) {
        fill(li, alert);
        Dash.flash(li);
      } else if (li) {
        li.remove();
      } else if (matches(alert) && state.page === 0) {
        const added = el("li", { dataset: { id: alert.id } });
        fill(added, alert);
        list.prepend(added);
        Dash.flash(added);
        while (list.children.length > SIZE) list.lastElementChild.remove();
        $("#alerts-empty").hidden = true;
      }
    });
    refetch();
  }

  // --- controls

  TYPES.forEach((type) => $("#alert-type").append(el("option", { value: type, text: label(type) })));
  $("#alert-type").addEventListener("change", (event) => change({ type: event.target.value }));
  $("#alert-state").addEventListener("change", (event) => change({ state: event.target.value }));
  $("#alert-warehouse").addEventListener("input",
    Dash.debounce(() => change({ warehouse: $("#alert-warehouse").value.trim() }), 250));
  $("#alert-groups").addEventListener("click", (event) => {
    const chip = event.target.closest("button[data-type]");
    if (chip) change({ type: chip.dataset.type === state.type ? "" : chip.dataset.type });
  });
  $("#alerts-prev").addEventListener("click", () => change({ page: Math.max(0, state.page - 1) }, true));
  $("#alerts-next").addEventListener("click", () => change({ page: state.page + 1 }, true));

  function show(parameters) {
    state.type = TYPES.includes(parameters.get("type")) ? parameters.get("type") : "";
    state.warehouse = parameters.get("warehouse") || "";
    state.state = parameters.get("state") === "RESOLVED" ? "RESOLVED" : "OPEN";
    state.page = Math.max(0, parseInt(parameters.get("page"), 10) || 0);
    $("#alert-type").value = state.type;
    $("#alert-warehouse").value = state.warehouse;
    $("#alert-state").value = state.state;
    return load(false);
  }

  Dash.view("alerts", { show, changed });
})();
