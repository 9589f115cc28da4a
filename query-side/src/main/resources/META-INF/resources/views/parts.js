// The pieces the views share: table rows kept by id, pagers, sortable headers, and how values read.
//   pagers: #<view>-prev, #<view>-next, #<view>-page ("page 1 of 3"), #<view>-total
//   sortable headers: th[data-sort="<field>"][aria-sort="ascending|descending|none"]
"use strict";

Object.assign(Dash, (() => {
  const { $, el } = Dash;

  /** Sets the row's i-th cell, creating cells up to it; text only, changed only when it differs. */
  function cell(row, i, text, className) {
    while (row.cells.length <= i) row.insertCell();
    const td = row.cells[i], value = text == null ? "" : String(text);
    if (td.textContent !== value) td.textContent = value;
    if (className !== undefined && td.className !== className) td.className = className;
    return td;
  }

  /** The container (a tbody, a list) shows `items` in order, reusing the children it has (by data-id). */
  function rows(container, items, idOf, fill, tag = "tr") {
    const existing = new Map([...container.children].map((child) => [child.dataset.id, child]));
    container.replaceChildren(...items.map((item) => {
      const id = idOf(item);
      const child = existing.get(id) || el(tag, { dataset: { id } });
      fill(child, item);
      return child;
    }));
  }

  /** "page 1 of 3" with prev/next buttons #<prefix>-prev, #<prefix>-next, #<prefix>-page, #<prefix>-total. */
  function pager(prefix, page, size, total, noun) {
    const pages = Math.max(1, Math.ceil(total / size));
    $("#" + prefix + "-page").textContent = "page " + (page + 1) + " of " + pages;
    $("#" + prefix + "-total").textContent = total.toLocaleString() + " " + noun;
    $("#" + prefix + "-prev").disabled = page <= 0;
    $("#" + prefix + "-next").disabled = page + 1 >= pages;
  }

  /** Marks the header sorted by `sort` (a field, "-" in front for descending). */
  function markSort(table, sort) {
    const field = sort.replace(/^-/, "");
    table.querySelectorAll("th[data-sort]").forEach((th) => {
      th.setAttribute("aria-sort", th.dataset.sort === field ? (sort.startsWith("-") ? "descending" : "ascending") : "none");
    });
  }

  /** The next sort when a header is clicked: ascending first, then descending. */
  const nextSort = (current, field) => current === field ? "-" + field : field;

  const time = (at) => at ? new Date(at).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit",
    minute: "2-digit", hour12: false }) : "";
  const words = (code) => code ? code.replaceAll("_", " ").toLowerCase() : "";

  function flash(node) {
    node.classList.remove("changed");
    void node.offsetWidth; // restarts the highlight
    node.classList.add("changed");
  }

  return { cell, rows, pager, markSort, nextSort, time, words, flash };
})());
