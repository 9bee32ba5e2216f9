"""A page per paper, with the metadata that Google Scholar and schema.org readers look for."""

from __future__ import annotations

import json

from pybtex.database import parse_string
from test_site_content import PUBLICATIONS, words

from labsite.bibtex_export import SITE_FIELDS


def meta(page, name):
    return [tag["content"] for tag in page.find_all("meta", attrs={"name": name})]


def json_ld(page):
    return [json.loads(tag.get_text()) for tag in page.find_all("script", type="application/ld+json")]


def test_every_paper_has_its_own_page_outside_the_navigation(real_site):
    for key, (title, _) in PUBLICATIONS.items():
        page = real_site.page(f"publications/{key}/")
        [heading] = page.select("h1")  # the theme adds its own title when the page has none
        assert title in words(heading), key
    nav_links = [a["href"] for a in real_site.page("").select("nav.md-nav a")]
    assert not any("yin2024outlier" in href for href in nav_links)


def test_paper_page_carries_google_scholar_tags(real_site):
    page = real_site.page("publications/yin2024outlier/")
    assert meta(page, "citation_title") == [
        "Outlier Weighed Layerwise Sparsity (OWL): A Missing Secret Sauce for Pruning LLMs to High Sparsity"]
    authors = meta(page, "citation_author")
    assert len(authors) == 13 and authors[0] == "Yin, Lu" and authors[-1] == "Liu, Shiwei"
    assert meta(page, "citation_publication_date") == ["2024"]
    assert meta(page, "citation_conference_title") == ["Proceedings of the 41st International Conference on Machine Learning"]
    assert meta(page, "citation_firstpage") == ["57101"] and meta(page, "citation_lastpage") == ["57115"]
    assert meta(page, "citation_arxiv_id") == ["2310.05175"]
    journal = real_site.page("publications/atashgahi2023supervised/")
    assert meta(journal, "citation_journal_title") == ["Transactions on Machine Learning Research"]
    assert meta(real_site.page("publications/yin2023lottery/"), "citation_doi") == ["10.1609/aaai.v37i9.26297"]


def test_paper_page_carries_schema_org_and_open_graph(real_site):
    page = real_site.page("publications/zhao2023rest/")
    [article] = json_ld(page)
    assert article["@type"] == "ScholarlyArticle"
    assert article["headline"].startswith("REST: Enhancing Group Robustness")
    assert [a["name"] for a in article["author"]][:2] == ["Jiaxu Zhao", "Lu Yin"]
    assert article["datePublished"] == "2023" and "https://doi.org/10.1007/978-3-031-43415-0_19" in article["sameAs"]
    og = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert og["og:type"] == "article" and og["og:title"] == article["headline"]


def test_paper_page_shows_everything_about_the_paper(real_site):
    page = real_site.content("publications/yin2024outlier/")
    text = words(page)
    assert "Michael Bendersky" in words(page.select_one(".lab-pub__authors"))  # the full list, not cut
    assert "@inproceedings{yin2024outlier," in page.select_one("pre code").get_text()
    related = [a["href"] for a in page.select(".lab-related a")]
    assert related and "../../publications/yin2024outlier/" not in related
    assert "../../publications/yin2024junk/" in related
    assert "ICML 2024" in text and "CORE2023 A*" in text


def test_home_page_carries_person_data_with_profiles(real_site):
    [person] = json_ld(real_site.page(""))
    assert person["@type"] == "Person" and person["name"] == "Lu Yin"
    assert person["sameAs"] == ["https://scholar.google.com/citations?user=G4Xe1NkAAAAJ"]
    assert person["affiliation"]["name"] == "University of Surrey"


def test_research_citations_link_to_paper_pages(real_site):
    page = real_site.content("research/")
    footnote = page.find(id="fn:yin2024outlier")
    title = "Outlier Weighed Layerwise Sparsity (OWL): A Missing Secret Sauce for Pruning LLMs to High Sparsity"
    assert footnote.find("a", string=title)["href"] == "../publications/yin2024outlier/"
    assert footnote.find("strong", class_="lab-owner").get_text() == "Lu Yin"
    assert "Proceedings of the 41st International Conference on Machine Learning" in words(footnote)


def test_list_titles_link_to_paper_pages(real_site):
    entry = real_site.content("publications/").find(id="yin2024outlier")
    assert entry.select_one("a.lab-pub__title")["href"] == "../publications/yin2024outlier/"


def test_whole_bibliography_downloads_as_clean_bibtex(real_site):
    text = (real_site.folder / "publications.bib").read_text(encoding="utf-8")
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == len(PUBLICATIONS)
    assert not any(name.lower() in SITE_FIELDS for entry in entries.values() for name in entry.fields)
    assert entries["yin2023lottery"].fields["doi"] == "10.1609/aaai.v37i9.26297"
    link = real_site.content("publications/").find("a", string="one BibTeX file")
    assert link["href"] == "../publications.bib"
