"""The page for an address that does not exist (overrides/404.html): what happened, the
way home, a search of the site and its main pages, in the site's own name."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
import pytest
from sitebuild import run_build


def words(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def test_the_page_leads_home_to_search_and_to_the_main_pages(example_site):
    page = example_site.page("404.html")
    article = page.select_one("article")
    assert words(article.h1) == "Page not found" and page.title.get_text().startswith("Page not found - ")
    home = article.find("a", string="Go to the home page")["href"]
    assert home.startswith("/")  # GitHub Pages shows it at any depth: its links start from the root
    form = article.select_one("form[role=search]")
    assert form["action"] == home and form.find("input", type="search")["name"] == "q"  # Material reads ?q=
    assert form.find("label", string="Search the site")["for"] == form.input["id"]
    listed = [a["href"] for a in article.select(".lab-not-found__pages a")]
    assert "/publications/" in listed and "/team/" in listed and home not in listed


def test_the_page_speaks_in_the_sites_name_not_the_owners(project):
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_name: .*$", "site_name: The Frugal Lab", config.read_text(encoding="utf-8"),
                             flags=re.MULTILINE), encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    article = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert "on The Frugal Lab." in words(article) and "Lovelace" not in words(article)


@pytest.mark.browser
def test_a_visitor_gets_home_and_searches_from_it(browser, example_server):
    context = browser.new_context(base_url=example_server)
    page = context.new_page()
    page.goto("404.html")
    page.click("text=Go to the home page")
    page.wait_for_url(example_server)
    assert page.locator("article").is_visible() and "Page not found" not in page.locator("article").inner_text()
    page.goto("404.html")
    page.fill("input[name=q]", "sparse")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(f"{example_server}?q=sparse")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()  # Material opens its search with the words given, and lists what it found
    assert page.locator("input.md-search__input").input_value() == "sparse" and results.count() > 3
    context.close()
