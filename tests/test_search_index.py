"""What Material's search index holds: each paper on its own page, not again from lists, BibTeX or related papers."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from test_site_content import PUBLICATIONS


@pytest.fixture(scope="module")
def index(real_site):
    return json.loads((real_site.folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_paper_is_found_on_its_own_page_with_its_authors(index):
    by_location = {entry["location"]: entry for entry in index}
    for key, (title, _) in PUBLICATIONS.items():
        entry = by_location[f"publications/{key}/"]
        assert title in entry["title"]
    owl = by_location["publications/yin2024outlier/"]["text"]
    assert "Michael Bendersky" in owl and "International Conference on Machine Learning" in owl


def test_publication_lists_do_not_find_a_paper_a_second_time(index):
    title = PUBLICATIONS["yin2024outlier"][0]
    hits = [entry["location"] for entry in index if title in entry["title"] + entry["text"]]
    # Its own page, and the references of the research page that cites it.
    assert hits == ["research/#references", "publications/yin2024outlier/"]


def test_bibtex_year_headings_and_related_papers_stay_out(index):
    texts = " ".join(entry["text"] for entry in index)
    assert "@inproceedings" not in texts and "booktitle" not in texts
    titles = Counter(entry["title"] for entry in index)
    assert not titles["Cite"] and not titles["Related papers"]
    year_sections = [entry["location"] for entry in index if entry["title"] == "2024"]
    assert year_sections == ["cv/#2024", "talks/#2024"]  # talks by year are searched; papers by year are not


def test_pages_show_what_search_skipped(real_site):
    listing = real_site.content("publications/")
    assert len(listing.select("ol.lab-pubs > li.lab-pub")) == len(PUBLICATIONS)
    paper = real_site.page("publications/yin2024outlier/")
    assert paper.select_one("pre.lab-cite") and paper.select(".lab-related a")
    left = [path.relative_to(real_site.folder).as_posix() for path in real_site.folder.rglob("*.html")
            if "lab-stash" in (html := path.read_text(encoding="utf-8")) or "lab-search-text" in html]
    assert left == []
