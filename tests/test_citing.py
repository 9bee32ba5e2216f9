"""``labsite citations`` (labsite.citing) and the counts on the site (labsite.citedby):
fetched from recorded OpenAlex answers on a local server, written into docs/data/citedby.yml,
shown with their date on entries, paper pages and the stats, sortable in the filter bar."""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from sitebuild import BuiltSite, copy_project, run_build, words

from labsite import yamldata
from labsite.citedby import h_index
from labsite.citing import refresh
from labsite.scholarly import Client

TODAY = datetime.date(2025, 5, 30)
COUNTS = {"lovelace2024layerwise": 120, "lovelace2023pools": 42, "okafor2023channels": 18,
          "tanaka2024comparisons": 7, "okafor2025sparse": 3}  # tests/fixtures/apis/openalex/


@pytest.fixture(scope="module")
def counted(tmp_path_factory, services):
    """A copy of the example site whose counts were fetched, built strictly; with what the command said."""
    project = copy_project(tmp_path_factory.mktemp("counted"))
    said = refresh(project, today=TODAY)
    result, folder = run_build(project)
    assert result.returncode == 0, result.stderr
    return project, said, BuiltSite(folder, result.stderr)


def test_the_command_writes_each_found_papers_count_with_the_date_into_a_valid_data_file(counted):
    project, (status, out, err), _ = counted
    assert status == 0 and out == ["Wrote 5 of 9 papers' counts to docs/data/citedby.yml "
                                   "(190 citations, OpenAlex, 2025-05-30)."]
    path = project / "docs" / "data" / "citedby.yml"
    document = yamldata.load(path, "docs/data/citedby.yml", "citedby")
    assert document.errors == []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["fetched"] == "2025-05-30" and data["source"] == "OpenAlex"
    assert {paper["key"]: paper["count"] for paper in data["papers"]} == COUNTS
    pools = next(paper for paper in data["papers"] if paper["key"] == "lovelace2023pools")
    assert pools["work"] == "W4000000001" and pools["by_year"] == [[2025, 15], [2024, 20], [2023, 7]]
    # Each paper OpenAlex does not know is a warning naming its entry.
    assert len(err) == 4 and all(re.match(r"warning: bib/publications\.bib:\d+: \w+: OpenAlex does not know", e)
                                 for e in err)


def test_entries_and_paper_pages_show_the_count_with_its_source_and_date(counted):
    _, _, site = counted
    entry = site.content("publications/").find(id="lovelace2024layerwise")
    assert words(entry.select_one(".lab-pub__cited")) == "120 citations (OpenAlex, as of 30 May 2025)"
    assert entry["data-citations"] == "120"
    page = site.content("publications/lovelace2024layerwise/")
    assert words(page.select_one(".lab-pub__cited")) == "120 citations (OpenAlex, as of 30 May 2025)"
    # A paper without a count shows none: no empty box, no "0 citations".
    thesis = site.content("publications/").find(id="lovelace2020thesis")
    assert thesis.select_one(".lab-pub__cited") is None and thesis["data-citations"] == "0"


def test_the_stats_give_the_total_and_the_h_index_with_the_same_date(counted):
    _, _, site = counted
    for url in ("", "publications/", "cv/"):
        assert words(site.content(url).select_one(".lab-cited")) == \
            f"190 citations · h-index {h_index(list(COUNTS.values()))} (OpenAlex, as of 30 May 2025)", url
    assert h_index(list(COUNTS.values())) == 4


def test_the_filter_bar_offers_to_sort_by_citations(counted):
    _, _, site = counted
    options = site.content("publications/").select("select[name=sort] option")
    assert [(o["value"], words(o)) for o in options] == [("", "Newest first"), ("citations", "Most cited")]


def test_without_the_file_there_are_no_counts_no_sort_and_no_empty_boxes(example_site):
    listing = example_site.content("publications/")
    assert not listing.select(".lab-pub__cited, .lab-cited, select[name=sort], li[data-citations]")


def test_a_paper_not_found_keeps_its_last_known_count(tmp_path, services):
    project = copy_project(tmp_path)
    path = project / "docs" / "data" / "citedby.yml"
    path.write_text("fetched: 2025-01-01\nsource: OpenAlex\npapers:\n  - key: lovelace2022graphs\n    count: 9\n",
                    encoding="utf-8")
    status, _, err = refresh(project, today=TODAY)
    assert status == 0 and any("lovelace2022graphs: OpenAlex does not know" in line for line in err)
    kept = {p["key"]: p["count"] for p in yaml.safe_load(path.read_text(encoding="utf-8"))["papers"]}
    assert kept["lovelace2022graphs"] == 9 and kept["lovelace2024layerwise"] == 120


def test_a_failure_writes_nothing_and_says_so_in_one_line(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    monkeypatch.setenv("LABSITE_OPENALEX_URL", "http://127.0.0.1:9/openalex")  # nothing listens there
    status, out, err = refresh(project, client=Client(sleep=lambda seconds: None), today=TODAY)
    assert (status, out) == (1, []) and len(err) == 1
    assert err[0].startswith("labsite citations: cannot reach OpenAlex at 127.0.0.1:9") and "nothing was written" in err[0]
    assert not (project / "docs" / "data" / "citedby.yml").exists()


@pytest.mark.parametrize("counts, h", [([], 0), ([0, 0], 0), ([5], 1), ([10, 8, 5, 4, 3], 4), ([3, 3, 3], 3)])
def test_the_h_index_is_the_largest_h_with_h_papers_cited_h_times(counts, h):
    assert h_index(counts) == h


@pytest.mark.browser
def test_sorting_by_citations_orders_the_list_lives_in_the_address_and_goes_back(counted, browser):
    from sitebuild import serve

    _, _, site = counted
    with serve(site.folder) as address:
        page = browser.new_page(base_url=address)
        try:
            page.goto("publications/")
            by_year = page.eval_on_selector_all("li.lab-pub:not([hidden])", "items => items.map(i => i.id)")
            page.select_option("select[name=sort]", "citations")
            assert "sort=citations" in page.url
            shown = page.eval_on_selector_all("li.lab-pub", "items => items.map(i => i.id)")
            assert shown[:5] == sorted(COUNTS, key=COUNTS.get, reverse=True)
            assert page.locator("h2:visible", has_text="2024").count() == 0  # one list, no years
            page.goto("publications/?sort=citations&topic=pruning")  # shared as an address
            assert page.input_value("select[name=sort]") == "citations"
            visible = page.eval_on_selector_all("li.lab-pub:not([hidden])", "items => items.map(i => i.id)")
            counts = [int(page.get_attribute(f"#{key}", "data-citations")) for key in visible]
            assert counts == sorted(counts, reverse=True) and visible
            page.click("form.lab-filter button[type=reset]")
            page.wait_for_function("() => !location.search")
            assert page.eval_on_selector_all("li.lab-pub:not([hidden])", "items => items.map(i => i.id)") == by_year
        finally:
            page.close()
