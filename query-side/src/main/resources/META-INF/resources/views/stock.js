// Stock: every item, searched, filtered, sorted and paged by the server (50 a page), updated live in place;
// a row's click shows that item's stock over time.
//   filters: #stock-search (SKU or warehouse, part of it), #stock-warehouse (exact code, suggestions in
//            #stock-warehouses), #stock-status (select: "", OK, LOW, OUT)
//   table:   #stock-table th[data-sort][aria-sort], tbody tr[data-id="WH:SKU"] with cells warehouse, SKU, on hand,
//            reserved, available, inbound, status
//   pages:   #stock-prev, #stock-next, #stock-page ("page 1 of 3"), #stock-total ("120 items")
//   history: #history[data-points], #history-item
//   hash:    #stock?search=BOLT&warehouse=BER-1&status=LOW&sort=-available&page=2&item=BER-1:BOLT
"use strict";

(() => {
  const { $, el, get, query, cell } = Dash;
  const SIZE = 50;
  const SEARCH = /^[A-Za-z0-9._:/-]{1,100}$/, KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
  const SORTS = /^-?(sku|warehouse|onHand|reserved|available|inbound|status|updatedAt)$/;
  const state = { search: "", warehouse: "", status: "", sort: "sku", page: 0, item: "" };
  const table = $("#stock-table"), tbody = $("#stock-table tbody");
  const fresh = Dash.latest();
  const warehouses = new Set();

  const idOf = (level) => level.warehouse + ":" + level.sku;

  // Never received: the item has no stock events yet (only inbound or a reorder point), so no status of its own.
  function statusOf(level) {
    if (level.version >= 0) return level.status;
    return level.inbound > 0 ? "ON ORDER" : "NONE";
  }

  function fill(row, level) {
    cell(row, 0, level.warehouse);
    cell(row, 1, level.sku);
    cell(row, 2, level.onHand, "num");
    cell(row, 3, level.reserved, "num");
    cell(row, 4, level.available, "num");
    cell(row, 5, level.inbound, "num");
    const status = statusOf(level);
    while (row.cells.length < 7) row.insertCell();
    const td = row.cells[6], badge = td.firstElementChild || td.appendChild(el("span"));
    badge.className = "status " + status.replace(" ", "-");
    badge.textContent = status;
    row.dataset.status = status;
    row.classList.toggle("chosen", row.dataset.id === state.item);
  }

  function seeWarehouse(code) {
    if (warehouses.has(code) || warehouses.size >= 500) return;
    warehouses.add(code);
    $("#stock-warehouses").append(el("option", { value: code }));
  }

  function valid() {
    const search = !state.search || SEARCH.test(state.search), warehouse = !state.warehouse || KEY.test(state.warehouse);
    $("#stock-search").classList.toggle("invalid", !search);
    $("#stock-warehouse").classList.toggle("invalid", !warehouse);
    return search && warehouse;
  }

  async function load(live) {
    if (!valid()) return;
    const page = await fresh(get("/stock-levels" + query({ search: state.search, warehouse: state.warehouse,
      status: state.status, sort: state.sort, page: state.page, size: SIZE })));
    if (!page) return;
    const render = () => {
      Dash.rows(tbody, page.items, idOf, fill);
      page.items.forEach((level) => seeWarehouse(level.warehouse));
      Dash.pager("stock", page.page, SIZE, page.total, page.total === 1 ? "item" : "items");
      Dash.markSort(table, state.sort);
      $("#stock-empty").hidden = page.items.length > 0;
    };
    live ? Dash.timed(render) : render();
    Dash.problem("stock", null);
  }

  function change(update, keepPage) {
    Object.assign(state, update);
    if (!keepPage) state.page = 0;
    Dash.remember({ ...state, sort: state.sort === "sku" ? null : state.sort, page: state.page || null });
    load(false).catch((error) => Dash.problem("stock", error));
  }

  // --- live: rows of the visible page change in place; an item that may belong on it brings a refetch

  function matches(level) {
    const search = state.search.toLowerCase();
    return (!search || level.sku.toLowerCase().includes(search) || level.warehouse.toLowerCase().includes(search))
      && (!state.warehouse || level.warehouse === state.warehouse) && (!state.status || level.status === state.status);
  }

  const refetch = Dash.throttle(() => load(true), 1000);

  function changed(type, level) {
    if (type !== "stock-level") return;
    const id = idOf(level);
    Dash.inFrame("stock:" + id, () => {
      const row = tbody.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
      if (row) {
        fill(row, level);
        Dash.flash(row);
      } else if (matches(level)) {
        refetch();
      }
      if (id === state.item) historyChanged(level);
    });
  }

  // --- the chosen item's stock over time, extended live by its changes

  let chosen = null; // { id, warehouse, sku, reorderPoint, points }

  async function showHistory(id) {
    const [warehouse, sku] = id.split(":");
    const picked = { id, warehouse, sku, reorderPoint: 0, points: [] };
    chosen = picked;
    $("#history-item").textContent = "— " + sku + " in " + warehouse;
    Charts.history($("#history"), [], 0);
    const item = encodeURIComponent(warehouse) + "/" + encodeURIComponent(sku);
    const [history, level] = await Promise.all([get("/stock-levels/" + item + "/history"), get("/stock-levels/" + item)]);
    if (chosen !== picked) return; // another item was picked meanwhile
    // Keep what the stream added while the history was on its way.
    const known = history.points.length ? history.points[history.points.length - 1].version : -1;
    chosen.points = history.points.concat(chosen.points.filter((point) => point.version > known));
    chosen.reorderPoint = level.reorderPoint;
    drawHistory();
  }

  function historyChanged(level) {
    if (!chosen || chosen.id !== idOf(level)) return;
    const last = chosen.points[chosen.points.length - 1];
    chosen.reorderPoint = level.reorderPoint;
    // Inbound and reorder-point changes keep the item's version: they add no point.
    if (level.version >= 0 && (!last || level.version > last.version)) {
      chosen.points.push({ version: level.version, at: level.updatedAt, onHand: level.onHand, available: level.available });
    }
    drawHistory();
  }

  function drawHistory() {
    if (chosen) Charts.history($("#history"), chosen.points, chosen.reorderPoint);
  }

  function choose(id) {
    state.item = id;
    Dash.remember({ ...state, sort: state.sort === "sku" ? null : state.sort, page: state.page || null });
    tbody.querySelectorAll("tr.chosen").forEach((row) => row.classList.remove("chosen"));
    tbody.querySelector(`tr[data-id="${CSS.escape(id)}"]`)?.classList.add("chosen");
    showHistory(id).catch((error) => Dash.problem("stock", error));
  }

  // --- controls

  const typed = Dash.debounce(() => change({ search: $("#stock-search").value.trim() }), 250);
  $("#stock-search").addEventListener("input", typed);
  const warehouseTyped = Dash.debounce(() => change({ warehouse: $("#stock-warehouse").value.trim() }), 250);
  $("#stock-warehouse").addEventListener("input", warehouseTyped);
  $("#stock-status").addEventListener("change", (event) => change({ status: event.target.value }));
  $("#stock-prev").addEventListener("click", () => change({ page: Math.max(0, state.page - 1) }, true));
  $("#stock-next").addEventListener("click", () => change({ page: state.page + 1 }, true));
  table.querySelectorAll("th[data-sort]").forEach((th) =>
    th.addEventListener("click", () => change({ sort: Dash.nextSort(state.sort, th.dataset.sort) })));
  tbody.addEventListener("click", (event) => {
    const row = event.target.closest("tr[data-id]");
    if (row) choose(row.dataset.id);
  });

  function show(parameters) {
    state.search = parameters.get("search") || "";
    state.warehouse = parameters.get("warehouse") || "";
    state.status = ["OK", "LOW", "OUT"].includes(parameters.get("status")) ? parameters.get("status") : "";
    state.sort = SORTS.test(parameters.get("sort")) ? parameters.get("sort") : "sku";
    state.page = Math.max(0, parseInt(parameters.get("page"), 10) || 0);
    state.item = parameters.get("item") || "";
    $("#stock-search").value = state.search;
    $("#stock-warehouse").value = state.warehouse;
    $("#stock-status").value = state.status;
    if (state.item && (!chosen || chosen.id !== state.item)) showHistory(state.item).catch(console.error);
    return load(false);
  }

  Dash.view("stock", { show, changed, resize: drawHistory });
})();
