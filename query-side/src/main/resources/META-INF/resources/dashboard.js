// The live dashboard: loads each board from the query API, then follows GET /stream and updates in
// place without a reload. Same origin, so the browser's Basic credentials go along with every call.
"use strict";

const $ = (selector) => document.querySelector(selector);

async function get(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : text;
  if (className) td.className = className;
  return td;
}

function badge(status, title) {
  const span = document.createElement("span");
  span.className = "status " + status.replace(" ", "-");
  span.textContent = status;
  if (title) span.title = title;
  const td = document.createElement("td");
  td.appendChild(span);
  return td;
}

// --- stock table: one row per warehouse x SKU, kept by id so a stream event updates its row

const stockRows = new Map();

// The table's order: least available first, items never received after all others.
function rank(level) {
  return level.version < 0 ? Number.MAX_SAFE_INTEGER - 1 : level.available;
}

function stockRow(level) {
  const id = level.warehouse + ":" + level.sku;
  let row = stockRows.get(id);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.id = id;
    row.addEventListener("click", () => showHistory(level.warehouse, level.sku));
    stockRows.set(id, row);
    $("#stock tbody").appendChild(row);
  }
  row.dataset.rank = rank(level);
  // Never received: the item has no stock events yet, so no stockout alert either.
  const status = level.version >= 0 ? badge(level.status)
    : level.inbound > 0 ? badge("ON ORDER", "never received; " + level.inbound + " on order")
    : badge("NONE", "never received, nothing on order");
  row.replaceChildren(cell(level.warehouse), cell(level.sku), cell(level.onHand, "num"), cell(level.reserved, "num"),
    cell(level.available, "num"), cell(level.inbound, "num"), status);
  return row;
}

function flash(row) {
  row.classList.remove("changed");
  void row.offsetWidth; // restart the highlight
  row.classList.add("changed");
}

async function loadStock() {
  const page = await get("/stock-levels?sort=available&size=200");
  $("#stock tbody").replaceChildren();
  stockRows.clear();
  page.items.sort((a, b) => rank(a) - rank(b)).forEach(stockRow);
  const first = page.items.find((level) => level.version >= 0);
  if (!chosen && first) showHistory(first.warehouse, first.sku).catch(console.error);
}

function stockChanged(level) {
  const row = stockRow(level);
  // Keep the table in its order.
  const after = [...$("#stock tbody").children]
    .find((other) => other !== row && Number(other.dataset.rank) > rank(level));
  $("#stock tbody").insertBefore(row, after || null);
  flash(row);
  historyChanged(level);
}

// --- stock over time: the chosen item's history, extended live by its stock-level changes

let chosen = null; // { warehouse, sku, reorderPoint, points }

async function showHistory(warehouse, sku) {
  const item = encodeURIComponent(warehouse) + "/" + encodeURIComponent(sku);
  const picked = { warehouse, sku, reorderPoint: 0, points: [] };
  chosen = picked;
  $("#history-item").textContent = "— " + sku + " in " + warehouse;
  drawHistory($("#history"), [], 0);
  const [history, level] = await Promise.all([get("/stock-levels/" + item + "/history"), get("/stock-levels/" + item)]);
  if (chosen !== picked) return; // another item was picked meanwhile
  // Keep what the stream added while the history was on its way.
  const known = history.points.length ? history.points[history.points.length - 1].version : -1;
  chosen.points = history.points.concat(chosen.points.filter((point) => point.version > known));
  chosen.reorderPoint = level.reorderPoint;
  drawHistory($("#history"), chosen.points, chosen.reorderPoint);
}

function historyChanged(level) {
  if (!chosen || chosen.warehouse !== level.warehouse || chosen.sku !== level.sku) return;
  const last = chosen.points[chosen.points.length - 1];
  chosen.reorderPoint = level.reorderPoint;
  // Inbound and reorder-point changes keep the item's version: they add no point.
  if (level.version >= 0 && (!last || level.version > last.version)) {
    chosen.points.push({ version: level.version, at: level.updatedAt, onHand: level.onHand, available: level.available });
  }
  drawHistory($("#history"), chosen.points, chosen.reorderPoint);
}

// --- alerts feed

function alertItem(alert) {
  const li = document.createElement("li");
  li.dataset.id = alert.id;
  const type = document.createElement("span");
  type.className = "type " + alert.type;
  type.textContent = alert.type.replaceAll("_", " ").toLowerCase();
  const time = document.createElement("time");
  time.textContent = new Date(alert.openedAt).toLocaleTimeString();
  li.append(type, document.createTextNode(alert.detail || alert.subject), time);
  li.addEventListener("click", () => showSubject(alert));
  return li;
}

// An alert's subject: a stock item's history and row, or the purchase order's or shipment's row.
function showSubject(alert) {
  if (alert.sku && alert.warehouse && alert.subject.startsWith("stock:")) {
    showHistory(alert.warehouse, alert.sku).catch(console.error);
  }
  const row = [...document.querySelectorAll("tr[data-id]")]
    .find((candidate) => [candidate.dataset.id, "stock:" + candidate.dataset.id].includes(alert.subject)
      || alert.subject.endsWith(":" + candidate.dataset.id));
  if (row) {
    row.scrollIntoView({ block: "nearest" });
    flash(row);
  }
}

async function loadAlerts() {
  const page = await get("/alerts?state=OPEN&size=30");
  $("#alerts").replaceChildren(...page.items.map(alertItem));
  $("#kpi-alerts").textContent = page.total;
}

function alertChanged(alert) {
  const existing = $("#alerts").querySelector(`li[data-id="${CSS.escape(alert.id)}"]`);
  if (existing) existing.remove();
  if (alert.state === "OPEN") $("#alerts").prepend(alertItem(alert));
  scheduleRefresh();
}

// --- boards and key figures

let throughput = [];

async function loadBoards() {
  const [overview, delayed, overdue, alerts, purchaseOrders, shipments] = await Promise.all([
    get("/overview"), get("/shipments?delayed=true&status=DISPATCHED&size=1"), get("/purchase-orders?overdue=true&size=1"),
    get("/alerts?state=OPEN&size=1"),
    get("/purchase-orders?status=OPEN&sort=expectedDeliveryDate&size=25"),
    get("/shipments?status=DISPATCHED&sort=eta&size=25")]);
  const orders = overview.orders || {};
  const sum = (counts, keys) => keys.reduce((total, key) => total + (counts[key] || 0), 0);
  $("#kpi-open-orders").textContent = sum(orders, ["PLACED", "BACKORDERED", "ALLOCATED"]);
  $("#kpi-backordered").textContent = orders.BACKORDERED || 0;
  $("#kpi-on-the-way").textContent = sum(overview.shipments || {}, ["CREATED", "DISPATCHED"]);
  $("#kpi-delayed").textContent = delayed.total;
  $("#kpi-open-pos").textContent = sum(overview.purchaseOrders || {}, ["OPEN", "PARTIALLY_RECEIVED"]);
  $("#kpi-overdue-pos").textContent = overdue.total;
  $("#kpi-alerts").textContent = alerts.total;
  $("#purchase-orders tbody").replaceChildren(...purchaseOrders.items.map((po) => {
    const row = document.createElement("tr");
    row.dataset.id = po.id;
    if (po.overdue) row.className = "late";
    row.append(cell(po.supplier), cell(po.warehouse), cell(po.expectedDeliveryDate),
      cell(po.unitsReceived + " / " + po.unitsOrdered, "num"), cell(po.status.replaceAll("_", " ").toLowerCase()));
    return row;
  }));
  $("#shipments tbody").replaceChildren(...shipments.items.map((shipment) => {
    const row = document.createElement("tr");
    row.dataset.id = shipment.id;
    if (shipment.delayed) row.className = "late";
    row.append(cell(shipment.carrier), cell(shipment.warehouse), cell(shipment.eta), cell(shipment.lastLocation),
      cell(shipment.status.toLowerCase()));
    return row;
  }));
  throughput = overview.throughput || [];
  drawThroughput($("#throughput"), throughput);
}

// Boards are refreshed after a burst of changes, not on every one.
let refreshTimer = null;
function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => { refreshTimer = null; loadBoards().catch(console.error); }, 500);
}

// --- the stream

function follow() {
  const stream = new EventSource("/stream");
  stream.onopen = () => { $("#live").className = "live on"; $("#live-text").textContent = "live"; };
  stream.onerror = () => { $("#live").className = "live off"; $("#live-text").textContent = "reconnecting…"; };
  stream.addEventListener("stock-level", (event) => stockChanged(JSON.parse(event.data)));
  stream.addEventListener("alert", (event) => alertChanged(JSON.parse(event.data)));
  ["order", "shipment", "purchase-order"].forEach((type) => stream.addEventListener(type, scheduleRefresh));
  // The server no longer knows what was missed: start over from the read models.
  stream.addEventListener("reset", () => { loadAll().catch(console.error); });
}

async function loadAll() {
  await Promise.all([loadStock(), loadAlerts(), loadBoards()]);
}

// The charts fit their panels' width.
window.addEventListener("resize", () => {
  drawThroughput($("#throughput"), throughput);
  if (chosen) drawHistory($("#history"), chosen.points, chosen.reorderPoint);
});

loadAll().catch(console.error).finally(follow);
