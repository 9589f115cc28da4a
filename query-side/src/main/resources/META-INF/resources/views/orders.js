// Orders: the board in three tabs (open, backordered, shipped late), paged, and the shipments on their way late.
//   tabs:      #orders-tab-open, #orders-tab-backordered, #orders-tab-late (buttons, aria-selected)
//   table:     #orders-table tbody tr[data-id="order:..."][data-status][data-late]
//   pages:     #orders-prev, #orders-next, #orders-page, #orders-total
//   shipments: #shipments-late tbody tr[data-id="shipment:..."], #shipments-late-total
//   hash:      #orders?tab=backordered&page=1
"use strict";

(() => {
  const { $, get, query, cell } = Dash;
  const SIZE = 50;
  const TABS = {
    open: { open: true, sort: "requestedDeliveryDate" },
    backordered: { status: "BACKORDERED", sort: "requestedDeliveryDate" },
    late: { shipped: true, late: true, sort: "-placedAt" },
  };
  const state = { tab: "open", page: 0 };
  const freshOrders = Dash.latest(), freshShipments = Dash.latest();

  function fillOrder(row, order) {
    row.dataset.status = order.status;
    row.dataset.late = String(Boolean(order.late));
    row.classList.toggle("late", Boolean(order.late));
    cell(row, 0, order.customer);
    cell(row, 1, order.warehouse);
    cell(row, 2, Dash.words(order.status));
    cell(row, 3, order.lineCount, "num");
    cell(row, 4, order.units, "num");
    cell(row, 5, order.requestedDeliveryDate);
    cell(row, 6, Dash.time(order.placedAt));
    cell(row, 7, Dash.time(order.shippedAt));
    cell(row, 8, order.late ? "late" : "");
  }

  function fillShipment(row, shipment) {
    cell(row, 0, shipment.carrier);
    cell(row, 1, shipment.trackingNumber);
    cell(row, 2, shipment.warehouse);
    cell(row, 3, shipment.promisedDeliveryDate);
    cell(row, 4, shipment.eta);
    cell(row, 5, shipment.lastLocation);
    cell(row, 6, Dash.time(shipment.dispatchedAt));
    cell(row, 7, shipment.lastException);
  }

  async function loadOrders(live) {
    const page = await freshOrders(get("/orders" + query({ ...TABS[state.tab], page: state.page, size: SIZE })));
    if (!page) return;
    const render = () => {
      Dash.rows($("#orders-table tbody"), page.items, (order) => order.id, fillOrder);
      Dash.pager("orders", page.page, SIZE, page.total, page.total === 1 ? "order" : "orders");
      $("#orders-empty").hidden = page.items.length > 0;
    };
    live ? Dash.timed(render) : render();
  }

  async function loadShipments(live) {
    const page = await freshShipments(get("/shipments?status=DISPATCHED&delayed=true&sort=eta&size=" + SIZE));
    if (!page) return;
    const render = () => {
      Dash.rows($("#shipments-late tbody"), page.items, (shipment) => shipment.id, fillShipment);
      $("#shipments-late-total").textContent = page.total.toLocaleString() + (page.total === 1 ? " shipment" : " shipments")
        + (page.total > page.items.length ? ", the " + page.items.length + " due soonest shown" : "");
    };
    live ? Dash.timed(render) : render();
  }

  function selectTab() {
    Object.keys(TABS).forEach((tab) => $("#orders-tab-" + tab).setAttribute("aria-selected", String(tab === state.tab)));
  }

  function change(update) {
    Object.assign(state, update);
    selectTab();
    Dash.remember({ tab: state.tab === "open" ? null : state.tab, page: state.page || null });
    loadOrders(false).then(() => Dash.problem("orders", null), (error) => Dash.problem("orders", error));
  }

  Object.keys(TABS).forEach((tab) => $("#orders-tab-" + tab).addEventListener("click", () => change({ tab, page: 0 })));
  $("#orders-prev").addEventListener("click", () => change({ page: Math.max(0, state.page - 1) }));
  $("#orders-next").addEventListener("click", () => change({ page: state.page + 1 }));

  // Orders and shipments change in bursts: each board is refetched at most once a second.
  const refetchOrders = Dash.throttle(() => loadOrders(true), 1000);
  const refetchShipments = Dash.throttle(() => loadShipments(true), 1000);
  function changed(type) {
    if (type === "order") refetchOrders();
    if (type === "shipment") refetchShipments();
  }

  function show(parameters) {
    state.tab = TABS[parameters.get("tab")] ? parameters.get("tab") : "open";
    state.page = Math.max(0, parseInt(parameters.get("page"), 10) || 0);
    selectTab();
    return Promise.all([loadOrders(false), loadShipments(false)]);
  }

  Dash.view("orders", { show, changed });
})();
