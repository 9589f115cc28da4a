// The analysts' dashboard: tabs with hash routing (#overview, #stock?search=..., #alerts, #orders,
// #suppliers, #admin), each view in views/*.js, all following one live stream (GET /stream); built with
// the toolkit in toolkit.js. Same origin, so the browser's credentials go along with every call.
//   header: #user (signed-in name), #sign-out (a link, hidden without one), #live (class "on" while live)
//   tabs:   nav a#tab-<view> (the admin tab is a#admin, shown only to admins); sections #view-<view>
"use strict";

const Dash = (() => {
  const { $, el, get, request, query, session, stats, ready, timed, inFrame, throttle, debounce, latest, problem } = DashKit;

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
