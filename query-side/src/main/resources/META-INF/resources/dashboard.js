// The analysts' dashboard: tabs with hash routing (#overview, #stock?search=..., #alerts, #orders,
// #suppliers, #admin), each view in views/*.js, all following one live stream (GET /stream).
// Same origin, so the browser's credentials go along with every call. Data from the API is
// untrusted text: it only ever reaches the page through textContent and attributes.
//   header: #user (signed-in name), #sign-out (a link, hidden without one), #live (class "on" while live)
//   tabs:   nav a#tab-<view> (the admin tab is a#admin, shown only to admins); sections #view-<view>
//   window.dashboardStats = {readyMs, updates, updateMsTotal, updateMsMax, events (stream events received)};
//   performance mark "dashboard-ready"
"use strict";

const Dash = (() => {
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

  // --- views and the hash: #name?key=value&...

  const views = new Map();
  let current = null;

  function view(name, implementation) {
    views.set(name, implementation);
  }

  function hashState() {
    const [name, parameters] = window.location.hash.slice(1).split("?");
    return { name: views.has(name) ? name : "overview", parameters: new URLSearchParams(parameters || "") };
  }

  /** Keeps a view's state in the hash without a navigation, so a reload shows the same. */
  function remember(parameters) {
    history.replaceState(null, "", "#" + current + query(parameters));
  }

  let first = true;
  async function route() {
    let { name, parameters } = hashState();
    if (name === "admin" && !(await sessionLoaded).roles.includes("admin")) name = "overview";
    if (current && current !== name) views.get(current).hide?.();
    current = name;
    document.querySelectorAll("main > section").forEach((section) => { section.hidden = section.id !== "view-" + name; });
    document.querySelectorAll("nav a[data-view]").forEach((tab) =>
      tab.setAttribute("aria-selected", String(tab.dataset.view === name)));
    const shown = Promise.resolve(views.get(name).show(parameters))
      .then(() => problem(name, null), (error) => problem(name, error));
    if (first) {
      first = false;
      shown.then(ready);
    }
  }

  // --- who is signed in

  async function loadSession() {
    try {
      Object.assign(session, await get("/session"));
    } catch (error) {
      console.warn("No session information:", error.message);
    }
    $("#user").textContent = session.user || "";
    const signOut = $("#sign-out");
    signOut.hidden = !session.signOut;
    if (session.signOut) signOut.href = session.signOut;
    $("#admin").hidden = !(session.roles || []).includes("admin");
    return session;
  }
  let sessionLoaded = null;

  // --- the live stream: every change goes to the view on show

  const TYPES = ["stock-level", "order", "shipment", "purchase-order", "alert"];

  let stream = null;

  function follow() {
    stream = new EventSource("/stream");
    const live = $("#live");
    stream.onopen = () => { live.className = "live on"; $("#live-text").textContent = "live"; };
    stream.onerror = () => {
      live.className = "live off";
      $("#live-text").textContent = "reconnecting…";
      // A stream refused because the session ended would retry forever: asking for the session reloads then.
      get("/session").catch(() => {});
    };
    TYPES.forEach((type) => stream.addEventListener(type, (event) => {
      stats.events++;
      const shown = views.get(current);
      if (shown && shown.changed) shown.changed(type, JSON.parse(event.data));
    }));
    // The server no longer knows what was missed: the view starts over from the read models.
    stream.addEventListener("reset", () => route().catch(console.error));
  }

  function start() {
    sessionLoaded = loadSession();
    window.addEventListener("hashchange", () => route().catch(console.error));
    window.addEventListener("resize", debounce(() => views.get(current)?.resize?.(), 150));
    route().catch(console.error);
    follow();
    // A page left for another keeps no stream: the browser allows only a few connections to one server, and a
    // stream held by a page in the back-forward cache would starve the next page's requests. Back again, it reloads.
    window.addEventListener("pagehide", () => stream.close());
    window.addEventListener("pageshow", (event) => {
      if (!event.persisted) return;
      route().catch(console.error);
      follow();
    });
  }
  document.addEventListener("DOMContentLoaded", start);

  return { $, el, get, request, query, session, timed, inFrame, throttle, debounce, latest, problem, view, remember };
})();
