// Suppliers: how each delivers (on-time rate, fill rate, lead time, overdue orders), sorted by the server,
// and the purchase orders still expected after their day.
//   table:   #suppliers-table th[data-sort][aria-sort] (code, name, leadTimeDays, orders, overdueOrders, onTimeRate,
//            fillRate, averageLeadTimeDays), tbody tr[data-id="CODE"]
//   pages:   #suppliers-prev, #suppliers-next, #suppliers-page, #suppliers-total
//   overdue: #po-overdue tbody tr[data-id="purchase-order:..."], #po-overdue-total
//   hash:    #suppliers?sort=-onTimeRate&page=1
"use strict";

(() => {
  const { $, get, query, cell } = Dash;
  const SIZE = 50;
  const SORTS = /^-?(code|name|leadTimeDays|orders|overdueOrders|onTimeRate|fillRate|averageLeadTimeDays)$/;
  const state = { sort: "code", page: 0 };
  const table = $("#suppliers-table");
  const freshSuppliers = Dash.latest(), freshOverdue = Dash.latest();

  const percent = (rate) => rate == null ? "–" : (rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1) + " %";
  const days = (value) => value == null ? "–" : value.toFixed(1);

  function fillSupplier(row, supplier) {
    row.classList.toggle("late", supplier.openLatePurchaseOrders > 0);
    row.classList.toggle("suspended", supplier.suspended);
    cell(row, 0, supplier.code);
    cell(row, 1, supplier.name + (supplier.suspended ? " (suspended)" : ""));
    cell(row, 2, supplier.leadTimeDays, "num");
    cell(row, 3, supplier.purchaseOrders, "num");
    cell(row, 4, supplier.openPurchaseOrders, "num");
    cell(row, 5, supplier.openLatePurchaseOrders, "num");
    cell(row, 6, supplier.deliveredPurchaseOrders, "num");
    cell(row, 7, percent(supplier.onTimeDeliveryRate), "num");
    cell(row, 8, percent(supplier.fillRate), "num");
    cell(row, 9, days(supplier.averageLeadTimeDays), "num");
  }

  function fillPurchaseOrder(row, order) {
    cell(row, 0, order.supplier);
    cell(row, 1, order.warehouse);
    cell(row, 2, order.expectedDeliveryDate);
    cell(row, 3, order.unitsReceived + " / " + order.unitsOrdered, "num");
    cell(row, 4, Dash.words(order.status));
  }

  async function loadSuppliers(live) {
    const page = await freshSuppliers(get("/suppliers/performance" + query({ sort: state.sort, page: state.page, size: SIZE })));
    if (!page) return;
    const render = () => {
      Dash.rows(table.tBodies[0], page.items, (supplier) => supplier.code, fillSupplier);
      Dash.pager("suppliers", page.page, SIZE, page.total, page.total === 1 ? "supplier" : "suppliers");
      Dash.markSort(table, state.sort);
    };
    live ? Dash.timed(render) : render();
  }

  async function loadOverdue(live) {
    const page = await freshOverdue(get("/purchase-orders?overdue=true&sort=expectedDeliveryDate&size=" + SIZE));
    if (!page) return;
    const render = () => {
      Dash.rows($("#po-overdue tbody"), page.items, (order) => order.id, fillPurchaseOrder);
      $("#po-overdue-total").textContent = page.total.toLocaleString() + " overdue"
        + (page.total > page.items.length ? ", the " + page.items.length + " most overdue shown" : "");
    };
    live ? Dash.timed(render) : render();
  }

  function change(update) {
    Object.assign(state, update);
    Dash.remember({ sort: state.sort === "code" ? null : state.sort, page: state.page || null });
    loadSuppliers(false).then(() => Dash.problem("suppliers", null), (error) => Dash.problem("suppliers", error));
  }

  table.querySelectorAll("th[data-sort]").forEach((th) =>
    th.addEventListener("click", () => change({ sort: Dash.nextSort(state.sort, th.dataset.sort), page: 0 })));
  $("#suppliers-prev").addEventListener("click", () => change({ page: Math.max(0, state.page - 1) }));
  $("#suppliers-next").addEventListener("click", () => change({ page: state.page + 1 }));

  // Purchase-order changes move the measures: refetched at most once a second.
  const refetch = Dash.throttle(() => Promise.all([loadSuppliers(true), loadOverdue(true)]), 1000);
  function changed(type) {
    if (type === "purchase-order") refetch();
  }

  function show(parameters) {
    state.sort = SORTS.test(parameters.get("sort")) ? parameters.get("sort") : "code";
    state.page = Math.max(0, parseInt(parameters.get("page"), 10) || 0);
    return Promise.all([loadSuppliers(false), loadOverdue(false)]);
  }

  Dash.view("suppliers", { show, changed });
})();
