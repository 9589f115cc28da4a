// The dashboard's charts, plain SVG without a library; each redraw replaces the chart's shapes.
//   throughput (bars per bucket): svg[data-buckets][data-total-events][data-total-orders]
//   trend (a line per bucket, the backorders):  svg[data-points][data-latest]
//   history (one item's stock as steps):         svg[data-points]
"use strict";

const Charts = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const HEIGHT = 170, LEFT = 40, BOTTOM = 18, TOP = 8;

  function shape(name, attributes, text) {
    const node = document.createElementNS(SVG_NS, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    if (text != null) node.textContent = text;
    return node;
  }

  // The smallest of 1, 2, 2.5, 5 x 10^n at or above the value: a scale top that reads well.
  function roundScale(value) {
    const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, value)));
    return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((top) => top >= value);
  }

  // Gridlines labelled at 0, half and the top; returns the y position of a value.
  function yAxis(shapes, width, max) {
    const top = roundScale(max), plot = HEIGHT - BOTTOM - TOP;
    const y = (value) => HEIGHT - BOTTOM - plot * value / top;
    [0, top / 2, top].forEach((value) => {
      shapes.push(shape("line", { x1: LEFT, x2: width, y1: y(value), y2: y(value), class: "grid" }));
      shapes.push(shape("text", { x: LEFT - 4, y: y(value) + 3, "text-anchor": "end" }, value.toLocaleString()));
    });
    return y;
  }

  function widthOf(svg, fallback) {
    const width = Math.max(320, svg.clientWidth || fallback);
    svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    return width;
  }

  // A bucket's start as a label: the time of day, with the date when the chart spans more than a day's hours.
  function label(start, withDate) {
    const time = start.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
    return withDate ? start.toLocaleDateString([], { month: "short", day: "numeric" }) + " " + time : time;
  }

  /** Events (grey) and the orders placed among them (dark) per bucket, oldest first. */
  function throughput(svg, buckets, bucketSeconds) {
    const width = widthOf(svg, 720), slot = (width - LEFT) / Math.max(1, buckets.length);
    const shapes = [];
    const y = yAxis(shapes, width, Math.max(1, ...buckets.map((bucket) => bucket.events)));
    const every = Math.ceil(buckets.length / 8), withDate = bucketSeconds * buckets.length >= 86_400;
    buckets.forEach((bucket, i) => {
      const x = LEFT + i * slot;
      const start = new Date(bucket.start);
      [["events", bucket.events, 0], ["orders", bucket.ordersPlaced, 0.45]].forEach(([name, value, offset]) => {
        const bar = shape("rect", { x: x + slot * offset + 0.5, y: y(value), width: Math.max(0.5, slot * 0.45 - 0.5),
          height: y(0) - y(value), class: name });
        bar.appendChild(shape("title", {}, start.toLocaleString() + " — " + name + ": " + value));
        shapes.push(bar);
      });
      if (i % every === 0) shapes.push(shape("text", { x, y: HEIGHT - 4 }, label(start, withDate)));
    });
    svg.dataset.buckets = buckets.length;
    svg.dataset.totalEvents = buckets.reduce((sum, bucket) => sum + bucket.events, 0);
    svg.dataset.totalOrders = buckets.reduce((sum, bucket) => sum + bucket.ordersPlaced, 0);
    svg.replaceChildren(...shapes);
  }

  /** One value per bucket as a line (the backorders open at each bucket's end). */
  function trend(svg, buckets, field, bucketSeconds) {
    const width = widthOf(svg, 480), shapes = [];
    const values = buckets.map((bucket) => bucket[field] || 0);
    const y = yAxis(shapes, width, Math.max(1, ...values));
    const step = (width - LEFT - 4) / Math.max(1, values.length - 1);
    const x = (i) => LEFT + i * step;
    if (values.length) {
      shapes.push(shape("path", { d: values.map((value, i) => (i ? "L" : "M") + x(i) + " " + y(value)).join(" "),
        class: "trend" }));
      const every = Math.ceil(values.length / 6), withDate = bucketSeconds * buckets.length >= 86_400;
      buckets.forEach((bucket, i) => {
        if (i % every === 0) shapes.push(shape("text", { x: x(i), y: HEIGHT - 4 }, label(new Date(bucket.start), withDate)));
      });
    }
    svg.dataset.points = values.length;
    svg.dataset.latest = values.length ? values[values.length - 1] : 0;
    svg.replaceChildren(...shapes);
  }

  /**
   * One item's on-hand and available units as steps from its first recorded event until now, with its
   * reorder point; points are {at, onHand, available} in the order they happened.
   */
  function history(svg, points, reorderPoint) {
    const width = widthOf(svg, 480);
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
    const x = (time) => LEFT + (width - LEFT - 4) * (time - first) / span;
    const steps = (field) => points.map((point, i) => (i === 0 ? "M" : "H") + x(new Date(point.at).getTime()) + " "
      + (i === 0 ? "" : "V") + y(point[field])).join(" ") + " H" + x(last);
    shapes.push(shape("line", { x1: LEFT, x2: width, y1: y(reorderPoint), y2: y(reorderPoint), class: "reorder" }));
    shapes.push(shape("path", { d: steps("onHand"), class: "on-hand" }));
    shapes.push(shape("path", { d: steps("available"), class: "available" }));
    const format = span > 86_400_000
      ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }
      : { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
    [[first, "start"], [first + span / 2, "middle"], [last, "end"]].forEach(([time, anchor]) =>
      shapes.push(shape("text", { x: x(time), y: HEIGHT - 4, "text-anchor": anchor }, new Date(time).toLocaleString([], format))));
    svg.replaceChildren(...shapes);
  }

  return { throughput, trend, history };
})();
