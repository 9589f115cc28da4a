// The toolkit the dashboard's views are built with (window.DashKit, re-exported by Dash): elements from
// untrusted data, calls to the API, the page's measurements and the scheduling of stream-driven updates.
// Data from the API is untrusted text: it only ever reaches the page through textContent and attributes.
//   window.dashboardStats = {readyMs, updates, updateMsTotal, updateMsMax, events (stream events received)};
//   performance mark "dashboard-ready"
"use strict";

const DashKit = (() => {
  const $ = (selector, root = document) => root.querySelector(selector);

  /** An element: props {className, text, title, href, type, hidden, dataset, on: {event: handler}}. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(props).forEach(([key, value]) => {
      if (value == null) return;
      if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "on") Object.entries(value).forEach(([event, handler]) => node.addEventListener(event, handler));
      else node[key] = value;
    });
    children.forEach((child) => child != null && node.append(child));
    return node;
  }

  // --- the API: JSON in, problem+json's detail as the error's message

  const session = { user: null, roles: [], csrfToken: null, signOut: null };

  // Signed in at an OpenID Connect provider, a request after the session ended is answered 499 rather than
  // redirected to the provider (the header says a script asks): a full reload then signs in again.
  async function request(method, path) {
    const headers = { Accept: "application/json", "X-Requested-With": "JavaScript" };
    if (method !== "GET" && session.csrfToken) headers["X-CSRF-Token"] = session.csrfToken;
    const response = await fetch(path, { method, headers, credentials: "same-origin" });
    if (response.status === 499) {
      location.reload();
      throw new Error("The session ended; signing in again");
    }
    const type = response.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await response.json().catch(() => null) : null;
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || method + " " + path + " answered " + response.status);
      error.status = response.status;
      throw error;
    }
    return body;
  }
  const get = (path) => request("GET", path);

  /** "?a=1&b=x" from the parameters that have a value. */
  function query(parameters) {
    const search = new URLSearchParams();
    Object.entries(parameters).forEach(([key, value]) => {
      if (value != null && value !== "") search.set(key, value);
    });
    const text = search.toString();
    return text ? "?" + text : "";
  }

  // --- measurements: time to the first view's data, and the cost of each stream-driven update

  const stats = window.dashboardStats = { readyMs: null, updates: 0, updateMsTotal: 0, updateMsMax: 0, events: 0 };

  function ready() {
    if (stats.readyMs != null) return;
    performance.mark("dashboard-ready");
    stats.readyMs = Math.round(performance.now());
    document.body.dataset.ready = "true";
  }

  /** Runs a stream-driven DOM update and counts its cost. */
  function timed(update) {
    const start = performance.now();
    try {
      update();
    } finally {
      const spent = performance.now() - start;
      stats.updates++;
      stats.updateMsTotal += spent;
      stats.updateMsMax = Math.max(stats.updateMsMax, spent);
    }
  }

  // Updates wait for the next animation frame; one per key per frame, whatever arrived meanwhile.
  const pending = new Map();
  let frameRequested = false;
  function inFrame(key, update) {
    pending.set(key, update);
    if (frameRequested) return;
    frameRequested = true;
    // A hidden page gets no frames: it catches up four times a second instead of piling up changes.
    (document.hidden ? (flush) => setTimeout(flush, 250) : requestAnimationFrame)(() => {
      frameRequested = false;
      const updates = [...pending.values()];
      pending.clear();
      updates.forEach((update) => timed(update));
    });
  }

  /** At most one call per `ms`: at once when quiet, else when the time is up (one call for any number asked). */
  function throttle(call, ms = 1000) {
    let last = 0, timer = null;
    return () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        Promise.resolve().then(call).catch(console.error);
      }, Math.max(0, last + ms - Date.now()));
    };
  }

  function debounce(call, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => call(...args), ms);
    };
  }

  /** Answers in the order asked: a load started later makes an earlier one's answer stale. */
  function latest() {
    let ticket = 0;
    return async (promise) => {
      const mine = ++ticket;
      const answer = await promise;
      return mine === ticket ? answer : null;
    };
  }

  /** Shows a failure in the view's error line (#<view>-error), or clears it. */
  function problem(view, error) {
    const line = $("#" + view + "-error");
    if (!line) return;
    line.textContent = error ? error.message : "";
    line.hidden = !error;
  }

  return { $, el, get, request, query, session, stats, ready, timed, inFrame, throttle, debounce, latest, problem };
})();
