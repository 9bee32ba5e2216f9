"""News (home page, news page, Atom feed) and open positions that expire by themselves."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from sitebuild import run_build

from labsite import yamldata
from labsite.names import Name
from labsite.news import NewsItem, Opening
from labsite.publications import Publication
from labsite.render.news import ATOM, atom_feed, news_list, openings_list

TODAY = datetime.date(2025, 6, 1)
ITEMS = [NewsItem("2025-03-01", "Paper at <ICML>", "https://example.org/icml"), NewsItem("2025-02-01", "Talk"),
         NewsItem("2025-01-01", "Grant"), NewsItem("2024-12-01", "Welcome")]


def soup(markup):
    return BeautifulSoup(markup, "html.parser")


def line(node):
    return " ".join(node.get_text(" ").split())


def test_an_item_that_names_a_paper_links_to_its_page_unless_it_has_an_address():
    paper = Publication("lovelace2024", "misc", "Engines", (Name("Ada", "Lovelace"),), 2024, slug="lovelace2024")
    items = [NewsItem("2025-03-01", "Out now", paper="Lovelace2024"), NewsItem("2025-02-01", "Elsewhere",
                                                                              "https://x.example", "lovelace2024"),
             NewsItem("2025-01-01", "Gone", paper="nokey")]
    found = {"lovelace2024": paper}.get
    links = [li.a["href"] if li.a else None
             for li in soup(news_list(items, root="../", find_paper=lambda key: found(key.lower()))).select("li")]
    assert links == ["../publications/lovelace2024/", "https://x.example", None]


def test_latest_news_with_a_link_to_the_rest():
    markdown = news_list(ITEMS, limit=3, title="News")
    assert markdown.startswith("\n\n## News\n")
    page = soup(markdown)
    assert line(page.select_one("li")) == "1 Mar 2025 Paper at <ICML>"
    assert len(page.select("li")) == 3 and page.find("a", string="All news")["href"] == "news/"
    assert news_list([], limit=3, title="News") == ""  # no heading over nothing on the home page
    assert "No news yet." in news_list([])


def test_feed_is_valid_atom_with_every_item():
    feed = ElementTree.fromstring(atom_feed(ITEMS, "Lab", "Ada Lovelace", "https://lab.example/", TODAY))
    entries = feed.findall(f"{{{ATOM}}}entry")
    assert len(entries) == 4 and feed.find(f"{{{ATOM}}}updated").text == "2025-03-01T00:00:00Z"
    assert entries[0].find(f"{{{ATOM}}}title").text == "Paper at <ICML>"
    assert entries[0].find(f"{{{ATOM}}}link").get("href") == "https://example.org/icml"
    assert entries[1].find(f"{{{ATOM}}}link").get("href") == "https://lab.example/news/"
    assert feed.find(f"{{{ATOM}}}id").text == "https://lab.example/news/"
    empty = ElementTree.fromstring(atom_feed([], "Lab", "Ada Lovelace", None, TODAY))
    assert empty.find(f"{{{ATOM}}}id").text.startswith("urn:")
    assert empty.find(f"{{{ATOM}}}updated").text == "2025-06-01T00:00:00Z"  # the build's day, not 1970


def test_positions_disappear_after_their_deadline():
    openings = [Opening("PhD on sparse LLMs", "phd", "2025-01-31", "fully funded"),
                Opening("Intern", "intern", "2025-03-31")]
    page = soup(openings_list(openings, datetime.date(2025, 1, 31)))
    assert [li.strong.get_text() for li in page.select("li")] == ["PhD on sparse LLMs", "Intern"]
    assert "PhD student · apply by 31 Jan 2025 · fully funded" in page.get_text()
    page = soup(openings_list(openings, datetime.date(2025, 2, 1)))
    assert [li.strong.get_text() for li in page.select("li")] == ["Intern"]
    assert "No positions are advertised" in openings_list(openings, datetime.date(2025, 4, 1))


def test_dates_may_be_written_without_quotes():
    doc = yamldata.parse("news:\n  - date: 2025-01-31\n    text: Hello\n", "news.yml", "news")
    assert doc.errors == [] and doc.data["news"][0]["date"] == "2025-01-31"
    [error] = yamldata.parse("news:\n  - date: 31/01/2025\n    text: Hello\n", "news.yml", "news").errors
    assert "expected a date written YYYY-MM-DD" in str(error)


def test_real_build_shows_news_feed_and_only_open_positions(project):
    (project / "docs" / "data" / "news.yml").write_text(
        "news:\n" + "".join(f"  - date: 2025-0{m}-01\n    text: Item {m}\n" for m in range(1, 6)))
    (project / "docs" / "data" / "positions.yml").write_text(
        "positions:\n  - title: Closed PhD\n    level: phd\n    deadline: 2025-05-31\n"
        "  - title: Open PhD\n    level: phd\n    deadline: 2025-06-30\n    funding: funded\n")
    result, site = run_build(project)  # built on 2025-06-01
    assert result.returncode == 0, result.stderr
    home = soup((site / "index.html").read_text())
    assert [line(li) for li in home.select(".lab-news li")] == [
        "1 May 2025 Item 5", "1 Apr 2025 Item 4", "1 Mar 2025 Item 3"]
    assert len(soup((site / "news" / "index.html").read_text()).select(".lab-news li")) == 5
    feed = ElementTree.parse(site / "news.xml").getroot()
    assert len(feed.findall(f"{{{ATOM}}}entry")) == 5
    assert home.find("link", type="application/atom+xml")["href"] == "news.xml"
    join = soup((site / "join" / "index.html").read_text())
    assert [li.strong.get_text() for li in join.select(".lab-positions li")] == ["Open PhD"]


def test_a_site_without_news_or_positions_reads_well(project):
    (project / "docs" / "data" / "news.yml").write_text("news: []\n", encoding="utf-8")
    (project / "docs" / "data" / "positions.yml").write_text("positions: []\n", encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    home = soup((site / "index.html").read_text(encoding="utf-8"))
    assert home.find("h2", id="news") is None and not home.select(".lab-news")
    assert "News" not in [a.get_text(strip=True) for a in home.select("nav.md-tabs a")]
    assert "No positions are advertised at the moment" in soup((site / "join" / "index.html").read_text()).get_text()
    assert "No news yet." in soup((site / "news" / "index.html").read_text()).get_text()


def test_the_built_site_shows_the_latest_news_first_and_all_of_it_on_the_news_page(example_site):
    latest = [li.find("time")["datetime"] for li in example_site.content("").select(".lab-news li")]
    assert latest == ["2025-05-02", "2025-02-10", "2024-12-20"]
    everything = example_site.content("news/").select(".lab-news li")
    assert len(everything) == 6 and everything[-1].find("time")["datetime"] == "2023-09-01"
    # An item with an address links to it; the others are plain text.
    assert [li.find("a")["href"] if li.find("a") else None for li in everything[1:3]] == \
        [None, "https://example.org/news/icassp-2025"]
