"""What Material's search index holds: each paper on its own page, not again from lists, BibTeX or related papers."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from test_example_site import PUBLICATIONS


@pytest.fixture(scope="module")
def index(example_site):
    return json.loads((example_site.folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_paper_is_found_on_its_own_page_with_its_authors(index):
    by_location = {entry["location"]: entry for entry in index}
    for key, (title, _) in PUBLICATIONS.items():
        entry = by_location[f"publications/{key}/"]
        assert title in entry["title"]
    layerwise = by_location["publications/lovelace2024layerwise/"]["text"]
    # The last of 13 authors, whom lists fold away, and the venue.
    assert "Isambard Brunel" in layerwise and "International Conference on Machine Learning" in layerwise


def test_publication_lists_do_not_find_a_paper_a_second_time(index):
    title = PUBLICATIONS["lovelace2024layerwise"][0]
    hits = [entry["location"] for entry in index if title in entry["title"] + entry["text"]
            and not entry["location"].startswith("team/")]  # see the test below
    # Its own page, and the references of the research page that cites it.
    assert hits == ["research/#references", "publications/lovelace2024layerwise/"]


def test_team_cards_do_not_find_a_paper_a_second_time(index):
    title = PUBLICATIONS["lovelace2024layerwise"][0]
    assert [entry["location"] for entry in index if entry["location"].startswith("team/")
            and title in entry["title"] + entry["text"]] == []


def test_bibtex_year_headings_and_related_papers_stay_out(index):
    texts = " ".join(entry["text"] for entry in index)
    assert "@inproceedings" not in texts and "booktitle" not in texts
    titles = Counter(entry["title"] for entry in index)
    assert not titles["Cite"] and not titles["Related papers"]
    year_sections = [entry["location"] for entry in index if entry["title"] == "2024"]
    assert year_sections == ["cv/#2024", "talks/#2024"]  # talks by year are searched; papers by year are not


def test_pages_show_what_search_skipped(example_site):
    listing = example_site.content("publications/")
    assert len(listing.select("ol.lab-pubs > li.lab-pub")) == len(PUBLICATIONS)
    paper = example_site.page("publications/lovelace2024layerwise/")
    assert paper.select_one("pre.lab-cite") and paper.select(".lab-related a")
    left = [path.relative_to(example_site.folder).as_posix() for path in example_site.folder.rglob("*.html")
            if "lab-stash" in (html := path.read_text(encoding="utf-8")) or "lab-search-text" in html]
    assert left == []


def test_a_papers_result_shows_its_title_once(index):
    papers = [entry for entry in index if entry["location"].startswith("publications/")
              and entry["location"] != "publications/" and "#" not in entry["location"]]
    assert len(papers) == len(PUBLICATIONS)
    # An abstract is found as a section of its paper's page, under a heading of its own.
    abstracts = {entry["location"]: entry for entry in index if entry["location"].endswith("/#abstract")}
    assert sorted(abstracts) == ["publications/lovelace2024layerwise/#abstract",
                                 "publications/lovelace2025survey/#abstract",
                                 "publications/okafor2025sparse/#abstract"]
    assert all(entry["title"] == "Abstract" and entry["text"].startswith("<p>") for entry in abstracts.values())
    for entry in papers:
        # The title is the result's heading; its text starts with the authors, not the title again.
        assert entry["title"] not in entry["text"], entry["location"]
        assert entry["text"].startswith("<p>"), entry["location"]


def test_citations_are_searched_as_their_brackets(index):
    by_location = {entry["location"]: entry["text"] for entry in index}
    assert "sparse networks wins more [6, 7]" in by_location["research/#sparse-training"]


@pytest.mark.browser
def test_no_search_result_shows_its_title_twice(browser, example_server):
    context = browser.new_context(base_url=example_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("")
    page.locator("input.md-search__input").press_sequentially("sparse")
    results = page.locator(".md-search-result__article")
    results.first.wait_for()
    shown = results.evaluate_all("articles => articles.map(a => [a.querySelector('h1, h2').textContent, "
                                 "[...a.querySelectorAll('p')].map(p => p.textContent).join(' ')])")
    context.close()
    assert len(shown) > 3
    assert [title for title, text in shown if title.strip() in text] == []


def test_a_papers_page_is_searched_for_the_paper_and_its_abstract_only(index):
    entries = [entry for entry in index if entry["location"].startswith("publications/lovelace2024layerwise/")]
    assert [entry["location"] for entry in entries] == ["publications/lovelace2024layerwise/",
                                                        "publications/lovelace2024layerwise/#abstract"]
    texts = " ".join(entry["text"] for entry in entries)
    # Not the legend of marks, the way back to the list, BibTeX or related papers.
    assert "member of the group" not in texts and "All publications" not in texts and "@inproceedings" not in texts
