// The dashboard's two charts, drawn as plain SVG without a library: throughput per hour (bars) and
// one stock item's levels over time (steps). Each redraw replaces the chart's shapes.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const CHART_HEIGHT = 170, AXIS_LEFT = 40, AXIS_BOTTOM = 18, CHART_TOP = 8;

function svgShape(name, attributes, text) {
  const shape = document.createElementNS(SVG_NS, name);
  Object.entries(attributes).forEach(([key, value]) => shape.setAttribute(key, value));
  if (text != null) shape.textContent = text;
  return shape;
}

// The smallest of 1, 2, 2.5, 5 x 10^n at or above the value: a scale top that reads well.
function roundScale(value) {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((top) => top >= value);
}

// Gridlines with labels at 0, half and the top; returns the y position of a value.
function yAxis(shapes, width, max) {
  const top = roundScale(max), plotHeight = CHART_HEIGHT - AXIS_BOTTOM - CHART_TOP;
  const y = (value) => CHART_HEIGHT - AXIS_BOTTOM - plotHeight * value / top;
  [0, top / 2, top].forEach((value) => {
    shapes.push(svgShape("line", { x1: AXIS_LEFT, x2: width, y1: y(value), y2: y(value), class: "grid" }));
    shapes.push(svgShape("text", { x: AXIS_LEFT - 4, y: y(value) + 3, "text-anchor": "end" }, value.toLocaleString()));
  });
  return y;
}

function chartWidth(svg, fallback) {
  const width = Math.max(320, svg.clientWidth || fallback);
  svg.setAttribute("viewBox", `0 0 ${width} ${CHART_HEIGHT}`);
  return width;
}

// The last 24 hours (UTC): events (grey) with the orders placed among them (dark), one slot per hour.
function drawThroughput(svg, hours) {
  const width = chartWidth(svg, 720), slot = (width - AXIS_LEFT) / 24;
  const shapes = [];
  const y = yAxis(shapes, width, Math.max(1, ...hours.map((hour) => hour.counts.events || 0)));
  const bar = (x, value, className) => {
    const rect = svgShape("rect", { x, y: y(value), width: slot * 0.38, height: y(0) - y(value), class: className });
    rect.appendChild(svgShape("title", {}, className + ": " + value));
    return rect;
  };
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  for (let i = 0; i < 24; i++) {
    const start = new Date(now.getTime() - (23 - i) * 3600_000);
    const hour = hours.find((h) => new Date(h.hour).getTime() === start.getTime());
    const counts = hour ? hour.counts : {};
    const x = AXIS_LEFT + i * slot + 2;
    shapes.push(bar(x, counts.events || 0, "events"), bar(x + slot * 0.4, counts.ordersPlaced || 0, "orders"));
    if (i % 3 === 0) {
      shapes.push(svgShape("text", { x, y: CHART_HEIGHT - 4 }, String(start.getUTCHours()).padStart(2, "0") + ":00"));
    }
  }
  svg.replaceChildren(...shapes);
}

// One item's on-hand and available units as steps from its first recorded event until now, with its
// reorder point; points are {at, onHand, available} in the order they happened.
function drawHistory(svg, points, reorderPoint) {
  const width = chartWidth(svg, 480);
  svg.dataset.points = points.length;
  if (points.length === 0) {
    svg.replaceChildren();
    return;
  }
  const shapes = [];
  const y = yAxis(shapes, width, Math.max(1, reorderPoint, ...points.map((point) => point.onHand)));
  const first = new Date(points[0].at).getTime();
  const last = Math.max(Date.now(), new Date(points[points.length - 1].at).getTime());
  const span = Math.max(1000, last - first);
  const x = (time) => AXIS_LEFT + (width - AXIS_LEFT - 4) * (time - first) / span;
  const steps = (field) => points.map((point, i) => (i === 0 ? "M" : "H") + x(new Date(point.at).getTime()) + " "
    + (i === 0 ? "" : "V") + y(point[field])).join(" ") + " H" + x(last);
  shapes.push(svgShape("line", { x1: AXIS_LEFT, x2: width, y1: y(reorderPoint), y2: y(reorderPoint), class: "reorder" }));
  shapes.push(svgShape("path", { d: steps("onHand"), class: "on-hand" }));
  shapes.push(svgShape("path", { d: steps("available"), class: "available" }));
  const format = span > 86_400_000
    ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }
    : { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
  [[first, "start"], [first + span / 2, "middle"], [last, "end"]].forEach(([time, anchor]) =>
    shapes.push(svgShape("text", { x: x(time), y: CHART_HEIGHT - 4, "text-anchor": anchor },
      new Date(time).toLocaleString([], format))));
  svg.replaceChildren(...shapes);
}
