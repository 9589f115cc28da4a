// Admin (shown only when GET /session names the admin role): the projections with their rebuilds, and the
// events they parked. Every POST and DELETE carries X-CSRF-Token; a refusal shows its problem's detail.
//   projections:  #projections tbody tr[data-id="<name>"] with button[data-action="rebuild"]; #rebuild-all
//   dead letters: #dead-letters tbody tr[data-id="<id>"] with button[data-action="retry"|"evict"]
//   outcome:      #admin-message (what an action did), #admin-error (the problem's detail)
"use strict";

(() => {
  const { $, el, get, cell } = Dash;
  const fresh = Dash.latest();
  let poll = null;

  function actionCell(row, index, actions) {
    while (row.cells.length <= index) row.insertCell();
    const td = row.cells[index];
    if (!td.firstElementChild) {
      td.replaceChildren(...actions.map(([action, text]) => el("button", { type: "button", text, dataset: { action } })));
    }
  }

  function fillProjection(row, projection) {
    const rebuild = projection.rebuild;
    row.classList.toggle("late", projection.error);
    cell(row, 0, projection.name);
    cell(row, 1, projection.error ? "error" : projection.running ? "running" : "stopped");
    cell(row, 2, projection.lagEvents, "num");
    cell(row, 3, (projection.lagMillis / 1000).toFixed(1) + " s", "num");
    cell(row, 4, projection.eventsPerSecond.toFixed(1), "num");
    cell(row, 5, Dash.time(projection.lastEventAt));
    cell(row, 6, !rebuild ? "" : Dash.words(rebuild.state) + ", " + rebuild.replayedEvents + " replayed"
      + (rebuild.secondsLeft != null ? ", " + Math.round(rebuild.secondsLeft) + " s left" : "")
      + (rebuild.error ? ": " + rebuild.error : ""));
    actionCell(row, 7, [["rebuild", "Rebuild"]]);
  }

  function fillDeadLetter(row, letter) {
    cell(row, 0, letter.projection);
    cell(row, 1, letter.eventType);
    cell(row, 2, letter.sequence + " #" + letter.position);
    cell(row, 3, Dash.time(letter.enqueuedAt));
    cell(row, 4, letter.retries, "num");
    cell(row, 5, letter.cause, "cause");
    actionCell(row, 6, [["retry", "Retry"], ["evict", "Evict"]]);
  }

  async function load() {
    const answers = await fresh(Promise.all([get("/admin/projections"), get("/admin/dead-letters")]));
    if (!answers) return;
    const [projections, letters] = answers;
    Dash.rows($("#projections tbody"), projections, (projection) => projection.name, fillProjection);
    Dash.rows($("#dead-letters tbody"), letters, (letter) => letter.id, fillDeadLetter);
    $("#dead-letters-total").textContent = letters.length + (letters.length === 1 ? " parked event" : " parked events");
  }

  async function act(method, path, describe) {
    $("#admin-message").textContent = "";
    Dash.problem("admin", null);
    try {
      const answer = await Dash.request(method, path);
      $("#admin-message").textContent = describe(answer || {});
    } catch (error) {
      Dash.problem("admin", error);
    }
    await load().catch((error) => Dash.problem("admin", error));
  }

  const rebuild = (name) => act("POST", "/admin/projections/" + encodeURIComponent(name) + "/rebuild",
    (answer) => "Rebuild queued: " + (answer.queued || [name]).join(", "));

  $("#rebuild-all").addEventListener("click", () => rebuild("all"));
  $("#projections").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action='rebuild']");
    if (button) rebuild(button.closest("tr").dataset.id);
  });
  $("#dead-letters").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = encodeURIComponent(button.closest("tr").dataset.id);
    if (button.dataset.action === "retry") {
      act("POST", "/admin/dead-letters/" + id + "/retry", (outcome) => "Applied " + outcome.applied + ", still parked "
        + outcome.stillParked + (outcome.cause ? ": " + outcome.cause : ""));
    } else {
      act("DELETE", "/admin/dead-letters/" + id, (outcome) => "Evicted " + outcome.evicted);
    }
  });

  function show() {
    clearInterval(poll);
    // Lag and rebuild progress move without stream events: polled while the view is shown.
    poll = setInterval(() => load().catch((error) => Dash.problem("admin", error)), 5000);
    return load();
  }

  function hide() {
    clearInterval(poll);
  }

  Dash.view("admin", { show, hide });
})();
