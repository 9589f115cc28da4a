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

function badge(status) {
  const span = document.createElement("span");
  span.className = "status " + status;
  span.textContent = status;
  const td = document.createElement("td");
  td.appendChild(span);
  return td;
}

// --- stock table: one row per warehouse x SKU, kept by id so a stream event updates its row

const stockRows = new Map();

function stockRow(level) {
  const id = level.warehouse + ":" + level.sku;
  let row = stockRows.get(id);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.id = id;
    stockRows.set(id, row);
    $("#stock tbody").appendChild(row);
  }
  row.dataset.available = level.available;
  row.replaceChildren(cell(level.warehouse), cell(level.sku), cell(level.onHand, "num"), cell(level.reserved, "num"),
    cell(level.available, "num"), cell(level.inbound, "num"), badge(level.status));
  return row;
}

async function loadStock() {
  const page = await get("/stock-levels?sort=available&size=50");
  $("#stock tbody").replaceChildren();
  stockRows.clear();
  page.items.forEach(stockRow);
}

function stockChanged(level) {
  const row = stockRow(level);
  // Keep the table in its order, least available first.
  row.dataset.available = level.available;
  const after = [...$("#stock tbody").children]
    .find((other) => other !== row && Number(other.dataset.available) > level.available);
  $("#stock tbody").insertBefore(row, after || null);
  row.classList.remove("changed");
  void row.offsetWidth; // restart the highlight
  row.classList.add("changed");
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
  return li;
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
    if (po.overdue) row.className = "late";
    row.append(cell(po.supplier), cell(po.warehouse), cell(po.expectedDeliveryDate),
      cell(po.unitsReceived + " / " + po.unitsOrdered, "num"), cell(po.status.replaceAll("_", " ").toLowerCase()));
    return row;
  }));
  $("#shipments tbody").replaceChildren(...shipments.items.map((shipment) => {
    const row = document.createElement("tr");
    if (shipment.delayed) row.className = "late";
    row.append(cell(shipment.carrier), cell(shipment.warehouse), cell(shipment.eta), cell(shipment.lastLocation),
      cell(shipment.status.toLowerCase()));
    return row;
  }));
  drawThroughput(overview.throughput || []);
}

// A bar chart of the last 24 hours: events (grey) with the orders placed among them (dark).
function drawThroughput(hours) {
  const svg = $("#throughput");
  const width = Math.max(480, svg.clientWidth || 720), height = 160, bottom = 18, slot = width / 24;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const max = Math.max(1, ...hours.map((hour) => hour.counts.events || 0));
  const ns = "http://www.w3.org/2000/svg";
  const bar = (x, value, className) => {
    const rect = document.createElementNS(ns, "rect");
    const h = (height - bottom - 4) * value / max;
    rect.setAttribute("x", x); rect.setAttribute("y", height - bottom - h);
    rect.setAttribute("width", slot * 0.38); rect.setAttribute("height", h);
    rect.setAttribute("class", className);
    const title = document.createElementNS(ns, "title");
    title.textContent = className + ": " + value;
    rect.appendChild(title);
    return rect;
  };
  const shapes = [];
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  for (let i = 0; i < 24; i++) {
    const start = new Date(now.getTime() - (23 - i) * 3600_000);
    const hour = hours.find((h) => new Date(h.hour).getTime() === start.getTime());
    const counts = hour ? hour.counts : {};
    shapes.push(bar(i * slot + 2, counts.events || 0, "events"));
    shapes.push(bar(i * slot + 2 + slot * 0.4, counts.ordersPlaced || 0, "orders"));
    if (i % 3 === 0) {
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", i * slot + 2); label.setAttribute("y", height - 4);
      label.textContent = String(start.getUTCHours()).padStart(2, "0") + ":00";
      shapes.push(label);
    }
  }
  svg.replaceChildren(...shapes);
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

loadAll().catch(console.error).finally(follow);
