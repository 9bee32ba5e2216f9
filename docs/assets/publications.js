// The site's own script (no framework), on every page:
// - "and N more" in an author list opens in place: the hidden names continue the line;
// - a copy button for each BibTeX block of a publication list, added when it is opened;
// - the filter bar of the publications page: narrows the list by text, year, type,
//   topic and rank; the state lives in the address (?text=...&topic=...) so a view can be
//   shared, and a paper's page links to its topics that way. Year headings, and their
//   entries in the table of contents, follow the list. With citation counts the list
//   can be sorted by them (?sort=citations): one list, most cited first, without year
//   headings. Without JavaScript the form stays hidden and the whole list shows.
(function () {
  "use strict";

  // A <details> can only be styled to open inline where the browser supports
  // ::details-content (publications.css); elsewhere its names would start a new line.
  // So a click swaps it for a plain span of the names, and focus stays at that place.
  document.addEventListener("click", (event) => {
    const summary = event.target.closest("details.lab-more-authors > summary");
    if (!summary) return;
    event.preventDefault();
    const more = summary.parentElement;
    const rest = document.createElement("span");
    rest.className = "lab-more-authors__rest";
    rest.tabIndex = -1;
    summary.remove();
    rest.append(...more.childNodes);
    more.replaceWith(rest);
    rest.focus({ preventScroll: true });
  });

  for (const block of document.querySelectorAll("details.lab-pub__bibtex")) {
    block.addEventListener("toggle", () => {
      if (!block.open || block.querySelector(".lab-copy")) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "lab-copy md-button";
      button.title = "Copy to clipboard";
      button.textContent = "Copy BibTeX";
      button.addEventListener("click", async () => {
        await navigator.clipboard.writeText(block.querySelector("pre.lab-bibtex").textContent);
        button.textContent = "Copied";
      });
      block.appendChild(button);
    });
  }

  const form = document.querySelector("form.lab-filter");
  if (!form) return;
  const entries = Array.from(document.querySelectorAll("ol.lab-pubs > li.lab-pub"));
  const lists = Array.from(document.querySelectorAll("ol.lab-pubs"));
  const count = form.querySelector(".lab-filter__count");
  const empty = document.querySelector(".lab-filter__empty");
  const fields = ["text", "year", "type", "topic", "rank", "sort"];
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const texts = new Map(entries.map((li) => [li, fold(li.textContent)]));

  function matches(li, state) {
    const words = fold(state.text).split(/\s+/).filter(Boolean);
    return words.every((w) => texts.get(li).includes(w)) &&
      (!state.year || li.dataset.year === state.year) &&
      (!state.type || li.dataset.type === state.type) &&
      (!state.topic || li.dataset.topics.split(" ").includes(state.topic)) &&
      (!state.rank || li.dataset.rank === state.rank);
  }

  // A heading hidden in the page is hidden in the table of contents too (Material
  // lists it there, and in the drawer of small screens, by a link to its id).
  function showHeading(title, visible) {
    title.hidden = !visible;
    if (!title.id) return;
    for (const link of document.querySelectorAll(`.md-nav--secondary a[href="#${CSS.escape(title.id)}"]`)) {
      link.closest("li").hidden = !visible;
    }
  }

  // Sorted by citations, every paper moves into one list before the first year, most
  // cited first (ties in the page's order); sorted back, each returns to its year's list.
  const homes = new Map(entries.map((li) => [li, li.parentElement]));
  let sorted = null;
  function arrange(byCitations) {
    if (byCitations && !sorted) {
      sorted = document.createElement("ol");
      sorted.className = "lab-pubs lab-pubs--sorted";
      const first = lists[0];
      const heading = first.previousElementSibling;
      (heading && /^H[2-4]$/.test(heading.tagName) ? heading : first).before(sorted);
      lists.push(sorted);
    }
    if (!sorted) return;
    const order = byCitations
      ? entries.slice().sort((a, b) => Number(b.dataset.citations || 0) - Number(a.dataset.citations || 0))
      : entries;
    for (const li of order) (byCitations ? sorted : homes.get(li)).appendChild(li);
  }

  function apply() {
    const state = Object.fromEntries(fields.map((f) => [f, form.elements[f] ? form.elements[f].value : ""]));
    arrange(state.sort === "citations");
    let shown = 0;
    for (const li of entries) {
      const visible = matches(li, state);
      li.hidden = !visible;
      if (visible) shown += 1;
    }
    // A year whose papers are all filtered out loses its heading too.
    for (const list of lists) {
      const visible = Boolean(list.querySelector("li.lab-pub:not([hidden])"));
      list.hidden = !visible;
      const title = list.previousElementSibling;
      if (title && /^H[2-4]$/.test(title.tagName)) showHeading(title, visible);
    }
    const filtered = fields.some((f) => f !== "sort" && state[f]);
    count.textContent = filtered ? `${shown} of ${entries.length} papers` : `${entries.length} papers`;
    if (empty) empty.hidden = shown > 0;
    const params = new URLSearchParams();
    for (const f of fields) if (state[f]) params.set(f, state[f]);
    const query = params.toString();
    history.replaceState(null, "", (query ? `?${query}` : location.pathname) + location.hash);
  }

  const params = new URLSearchParams(location.search);
  for (const f of fields) {
    const control = form.elements[f];
    if (control && params.has(f)) control.value = params.get(f);
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    // The empty state's button is about to be hidden: focus goes back to the filters.
    if (empty && empty.contains(document.activeElement)) form.elements.text.focus();
    setTimeout(apply);
  });
  form.hidden = false;
  apply();
})();
