// The site's own script (no framework), on every page:
// - a copy button for each BibTeX block of a publication list, added when it is opened;
// - the filter bar of the publications page: narrows the list by text, year, type,
//   topic and rank; the state lives in the address (?q=...&year=...) so a view can be
//   shared. Without JavaScript the form stays hidden and the whole list shows.
(function () {
  "use strict";

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
  const fields = ["q", "year", "type", "topic", "rank"];
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const texts = new Map(entries.map((li) => [li, fold(li.textContent)]));

  function matches(li, state) {
    const words = fold(state.q).split(/\s+/).filter(Boolean);
    return words.every((w) => texts.get(li).includes(w)) &&
      (!state.year || li.dataset.year === state.year) &&
      (!state.type || li.dataset.type === state.type) &&
      (!state.topic || li.dataset.topics.split(" ").includes(state.topic)) &&
      (!state.rank || li.dataset.rank === state.rank);
  }

  function apply() {
    const state = Object.fromEntries(fields.map((f) => [f, form.elements[f] ? form.elements[f].value : ""]));
    let shown = 0;
    for (const li of entries) {
      const visible = matches(li, state);
      li.hidden = !visible;
      if (visible) shown += 1;
    }
    // A year whose papers are all filtered out loses its heading too.
    for (const list of lists) {
      const empty = !list.querySelector("li.lab-pub:not([hidden])");
      list.hidden = empty;
      const title = list.previousElementSibling;
      if (title && /^H[2-4]$/.test(title.tagName)) title.hidden = empty;
    }
    const filtered = fields.some((f) => state[f]);
    count.textContent = filtered ? `${shown} of ${entries.length} papers` : `${entries.length} papers`;
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
  form.addEventListener("reset", () => setTimeout(apply));
  form.hidden = false;
  apply();
})();
