"""A page per paper, with the metadata that Google Scholar and schema.org readers look for."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from sitebuild import run_build
from pybtex.database import parse_string
from test_example_site import OWNER, PUBLICATIONS, words

from labsite.bibtex_export import SITE_FIELDS
from labsite.names import Name
from labsite.publications import Publication
from labsite.render import metadata
from labsite.render.publications import pdf_url


def meta(page, name):
    return [tag["content"] for tag in page.find_all("meta", attrs={"name": name})]


def json_ld(page):
    return [json.loads(tag.get_text()) for tag in page.find_all("script", type="application/ld+json")]


def test_every_paper_has_its_own_page_outside_the_navigation(example_site):
    for key, (title, _) in PUBLICATIONS.items():
        page = example_site.page(f"publications/{key}/")
        [heading] = page.select("h1")  # the theme adds its own title when the page has none
        assert title in words(heading), key
    nav_links = [a["href"] for a in example_site.page("").select("nav.md-nav a")]
    assert not any("lovelace2024layerwise" in href for href in nav_links)
    assert not (example_site.folder / "publications" / "fml2022").exists()  # a crossref'd volume is no paper


def test_paper_page_carries_google_scholar_tags(example_site):
    page = example_site.page("publications/lovelace2024layerwise/")
    assert meta(page, "citation_title") == ["Layerwise Sparsity for Pruning Language Models to High Sparsity"]
    authors = meta(page, "citation_author")
    assert len(authors) == 13 and authors[0] == "Lovelace, Ada" and authors[-1] == "Brunel, Isambard"
    assert meta(page, "citation_publication_date") == ["2024"]
    assert meta(page, "citation_conference_title") == ["Proceedings of the 41st International Conference on Machine Learning"]
    assert meta(page, "citation_firstpage") == ["2101"] and meta(page, "citation_lastpage") == ["2115"]
    assert meta(page, "citation_arxiv_id") == ["2405.01234"]
    assert meta(page, "citation_pdf_url") == ["https://proceedings.example.org/v235/lovelace24a.pdf"]
    journal = example_site.page("publications/fischer2023stable/")
    assert meta(journal, "citation_journal_title") == ["Transactions on Machine Learning Research"]
    assert meta(example_site.page("publications/lovelace2023pools/"), "citation_doi") == ["10.5555/aaai.v37i9.1843"]


def test_paper_page_carries_schema_org_and_open_graph(example_site):
    page = example_site.page("publications/tanaka2024comparisons/")
    [article] = json_ld(page)
    assert article["@type"] == "ScholarlyArticle"
    assert article["headline"].startswith("Asking People, Not Labels")
    assert [a["name"] for a in article["author"]][:2] == ["Mei Tanaka", OWNER]
    assert article["datePublished"] == "2024" and "https://doi.org/10.5555/ecml.2024.0210" in article["sameAs"]
    og = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert og["og:type"] == "article" and og["og:title"] == article["headline"]


def test_paper_page_shows_everything_about_the_paper(example_site):
    page = example_site.content("publications/lovelace2024layerwise/")
    text = words(page)
    authors = words(page.select_one(".lab-pub__authors"))
    assert "Isambard Brunel" in authors and "more" not in authors  # the full list, not cut
    assert "@inproceedings{lovelace2024layerwise," in page.select_one("pre code").get_text()
    related = [a["href"] for a in page.select(".lab-related a")]
    assert related and "../../publications/lovelace2024layerwise/" not in related
    assert "../../publications/lovelace2024small/" in related  # shares the keyword "pruning"
    assert "ICML 2024" in text and "CORE2023 A*" in text
    abstract = page.find(id="abstract")  # a section of its own, below the paper
    assert abstract.name == "h2" and "We give each layer a sparsity of its own" in words(abstract.find_next("p"))
    assert [(h.get("id"), words(h)) for h in page.select("h2")] == [
        ("abstract", "Abstract"), ("cite", "Cite"), ("related-papers", "Related papers")]  # links can point at each


THEMES = {"pruning": "Pruning large models"}  # topic -> title, as in tests/example/docs/data/themes.yml


def test_paper_page_has_the_whole_width_and_its_topics_lead_to_the_filtered_list(example_site):
    page = example_site.page("publications/lovelace2024layerwise/")
    assert page.select_one(".md-sidebar--primary").has_attr("hidden")
    assert page.select_one(".md-sidebar--secondary").has_attr("hidden")
    topics = [(words(a), a["href"]) for a in page.select(".lab-paper__topics a")]
    # Shown by its research theme's title (themes.yml), filtered by its keyword.
    assert topics == [(THEMES["pruning"], "../../publications/?topic=pruning")]
    assert page.select_one(".lab-paper .lab-pub__actions a.lab-pub__link")


def test_paper_page_marks_the_publications_tab_active_and_no_other(example_site):
    for url in ("publications/lovelace2024layerwise/", "publications/", "team/"):
        [active] = example_site.page(url).select("li.md-tabs__item--active")
        assert words(active) == ("Team" if url == "team/" else "Publications"), url


def test_home_page_carries_person_data_with_profiles(example_site):
    [person] = json_ld(example_site.page(""))
    assert person["@type"] == "Person" and person["name"] == OWNER
    assert person["sameAs"][:2] == ["https://scholar.google.com/citations?user=ADA0LOVELACE",
                                    "https://github.com/frugal-engines-example"]
    assert person["email"] == "mailto:ada.lovelace@example.org"
    assert person["affiliation"]["name"] == "Analytical Engine Institute"


def test_research_citations_link_to_paper_pages(example_site):
    page = example_site.content("research/")
    footnote = page.find(id="fn:lovelace2024layerwise")
    title = "Layerwise Sparsity for Pruning Language Models to High Sparsity"
    assert footnote.find("a", string=title)["href"] == "../publications/lovelace2024layerwise/"
    assert footnote.find("strong", class_="lab-owner").get_text() == OWNER
    assert "Proceedings of the 41st International Conference on Machine Learning" in words(footnote)


def test_list_titles_link_to_paper_pages(example_site):
    entry = example_site.content("publications/").find(id="lovelace2024layerwise")
    assert entry.select_one("a.lab-pub__title")["href"] == "../publications/lovelace2024layerwise/"


def test_whole_bibliography_downloads_as_clean_bibtex(example_site):
    text = (example_site.folder / "publications.bib").read_text(encoding="utf-8")
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == len(PUBLICATIONS)
    assert not any(name.lower() in SITE_FIELDS for entry in entries.values() for name in entry.fields)
    assert entries["lovelace2023pools"].fields["doi"] == "10.5555/aaai.v37i9.1843"
    # A crossref'd entry stands alone: the volume's fields are in it, the crossref is not.
    judgements = entries["tanaka2022judgements"].fields
    assert "crossref" not in {name.lower() for name in judgements} and judgements["year"] == "2022"
    assert judgements["booktitle"] == "Proceedings of the Workshop on Frugal Machine Learning"
    link = example_site.content("publications/").find("a", string="one BibTeX file")
    assert link["href"] == "../publications.bib"


ODD_KEYS = {"index": "paper-index", "café2024": "cafe2024", "x@y2024": "x-y2024", "Mixed.Case-2024": "mixed.case-2024"}


def test_the_bibtex_a_visitor_copies_has_only_what_a_citing_author_needs(example_site):
    # The list's folded BibTeX (copied with its button) and the paper page's Cite block.
    listed = example_site.content("publications/").find(id="lovelace2024layerwise").select_one("pre.lab-bibtex")
    cite = example_site.content("publications/lovelace2024layerwise/").select_one("pre.lab-cite")
    for shown in (listed.get_text(), cite.get_text()):
        fields = {name.lower() for name in parse_string(shown, "bibtex").entries["lovelace2024layerwise"].fields}
        assert {"title", "booktitle", "year", "pages", "publisher", "eprint"} <= fields
        assert not fields & {"keywords", "selected", "abbr", "sources", "code", "pdf"}, fields
    # Where the facts were checked is for the owner: nowhere on the site, nor in its download.
    for path in ("publications/lovelace2024layerwise/index.html", "publications/index.html", "publications.bib"):
        assert "Authors and venue:" not in (example_site.folder / path).read_text(encoding="utf-8"), path


def test_any_citation_key_gets_a_page_of_its_own_and_never_replaces_another(project):
    entries = [f"@misc{{{key},\n  author = {{Lovelace, Ada}},\n  title = {{Title of {key}}},\n  year = {{2024}}\n}}\n"
               for key in [*ODD_KEYS, ".", ".."]]
    bib = project / "bib" / "publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + "\n".join(entries), encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    listing = (site / "publications" / "index.html").read_text(encoding="utf-8")
    assert listing.count('class="lab-pub"') >= len(PUBLICATIONS) + 6  # still the list, not one paper
    for key, slug in ODD_KEYS.items():
        [heading] = BeautifulSoup((site / "publications" / slug / "index.html").read_text(), "html.parser").select("h1")
        assert words(heading) == f"Title of {key}"
    dotted = [p.parent.name for p in (site / "publications").glob("paper-*/index.html") if p.parent.name != "paper-index"]
    assert len(dotted) == 2 and all(len(name) == 16 for name in dotted)


def test_cited_entries_that_mkdocs_bibtex_could_not_format_are_cited_all_the_same(project):
    bib = project / "bib" / "publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + (
        "\n@article{nojournal2024,\n  author = {Lovelace, Ada},\n  title = {No Journal Here},\n  year = {2024}\n}\n"
        "\n@conference{percent2024,\n  author = {Lovelace, Ada},\n  title = {Top 1% of {LLM} Weights},\n"
        "  booktitle = {Workshop 50% Off},\n  year = {2024}\n}\n"), encoding="utf-8")
    research = project / "docs" / "research.md"
    research.write_text(research.read_text(encoding="utf-8") + "\nSee [@nojournal2024] and [@percent2024].\n",
                        encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    page = BeautifulSoup((site / "research" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert words(page.find(id="fn:nojournal2024").find("a")) == "No Journal Here"
    assert words(page.find(id="fn:percent2024").find("a")) == "Top 1% of LLM Weights"
    assert "Workshop 50% Off" in words(page.find(id="fn:percent2024"))


def test_the_pdf_address_in_scholar_metadata_is_escaped_once():
    paper = Publication("k2024", "misc", "T", (Name("Lu", "Yin"),), 2024,
                        links=(("PDF", "https://example.org/get?id=1&format=pdf"),))
    head = metadata.paper_head(paper, "https://example.org/p/", pdf_url(paper, "https://example.org/"))
    assert '<meta name="citation_pdf_url" content="https://example.org/get?id=1&amp;format=pdf">' in head
