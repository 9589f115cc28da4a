// Overview: the key figures, and the throughput and backorder trend over a chosen range.
//   figures: #kpi-open-orders #kpi-backordered #kpi-on-the-way #kpi-delayed #kpi-open-pos #kpi-overdue-pos #kpi-alerts
//   range:   #range (select hour|day|week), #range-now and #range-latest (buttons: the window ends now, or at the
//            latest event, so replayed history can be looked at), #range-until (where the window ends, as text)
//   charts:  #throughput[data-buckets][data-total-events][data-total-orders], #throughput-summary,
//            #backorders[data-points][data-latest]
//   hash:    #overview?range=day&until=2026-12-04T05:30:58Z
"use strict";

(() => {
  const { $, get, query } = Dash;
  const RANGES = { hour: "the last hour", day: "the last day", week: "the last week" };
  const state = { range: "hour", until: null };
  let answer = null;
  const freshFigures = Dash.latest(), freshThroughput = Dash.latest();

  const sum = (counts, keys) => keys.reduce((total, key) => total + ((counts || {})[key] || 0), 0);
  const figure = (id, value) => { $(id).textContent = Number(value).toLocaleString(); };

  async function loadFigures(live) {
    const answers = await freshFigures(Promise.all([get("/overview"),
      get("/shipments?status=DISPATCHED&delayed=true&size=1"), get("/purchase-orders?overdue=true&size=1"),
      get("/alerts?state=OPEN&size=1")]));
    if (!answers) return;
    const [overview, delayed, overdue, alerts] = answers;
    const render = () => {
      figure("#kpi-open-orders", sum(overview.orders, ["PLACED", "ALLOCATED", "BACKORDERED"]));
      figure("#kpi-backordered", sum(overview.orders, ["BACKORDERED"]));
      figure("#kpi-on-the-way", sum(overview.shipments, ["CREATED", "DISPATCHED"]));
      figure("#kpi-delayed", delayed.total);
      figure("#kpi-open-pos", sum(overview.purchaseOrders, ["OPEN", "PARTIALLY_RECEIVED"]));
      figure("#kpi-overdue-pos", overdue.total);
      figure("#kpi-alerts", alerts.total);
    };
    live ? Dash.timed(render) : render();
  }

  async function loadThroughput(live) {
    const loaded = await freshThroughput(get("/overview/throughput" + query(state)));
    if (!loaded) return;
    answer = loaded;
    live ? Dash.timed(draw) : draw();
  }

  function draw() {
    if (!answer) return;
    const buckets = answer.buckets || [];
    Charts.throughput($("#throughput"), buckets, answer.bucketSeconds);
    Charts.trend($("#backorders"), buckets, "openBackorders", answer.bucketSeconds);
    const total = (field) => buckets.reduce((sum, bucket) => sum + (bucket[field] || 0), 0).toLocaleString();
    const span = state.until ? "the " + state.range + " up to " + Dash.time(answer.until) : RANGES[state.range];
    $("#throughput-summary").textContent = total("events") + " events, " + total("ordersPlaced") + " orders placed, "
      + total("shipmentsDispatched") + " shipments dispatched, " + total("deliveries") + " deliveries, "
      + total("goodsReceipts") + " goods receipts, " + total("backorders") + " new backorders in " + span;
    $("#range-until").textContent = state.until ? "ending " + Dash.time(answer.until) : "ending now";
    $("#range-latest").disabled = !answer.latestEventAt;
    $("#range-latest").title = answer.latestEventAt ? "the latest event: " + new Date(answer.latestEventAt).toLocaleString()
      : "no events yet";
    $("#range-now").setAttribute("aria-pressed", String(!state.until));
    const last = buckets.length ? buckets[buckets.length - 1].openBackorders || 0 : 0;
    $("#backorders-summary").textContent = last.toLocaleString() + " backordered at the end of the range";
  }

  function show(parameters) {
    state.range = RANGES[parameters.get("range")] ? parameters.get("range") : "hour";
    state.until = parameters.get("until") || null;
    $("#range").value = state.range;
    return Promise.all([loadFigures(false), loadThroughput(false)]);
  }

  function choose(change) {
    Object.assign(state, change);
    Dash.remember({ range: state.range === "hour" ? null : state.range, until: state.until });
    loadThroughput(false).catch((error) => Dash.problem("overview", error));
  }

  $("#range").addEventListener("change", (event) => choose({ range: event.target.value }));
  $("#range-now").addEventListener("click", () => choose({ until: null }));
  $("#range-latest").addEventListener("click", () => answer && answer.latestEventAt && choose({ until: answer.latestEventAt }));

  // Any change may move the figures and the current bucket: refetched at most once a second.
  const refresh = Dash.throttle(() => Promise.all([loadFigures(true), loadThroughput(true)]), 1000);

  Dash.view("overview", { show, changed: refresh, resize: draw });
})();
