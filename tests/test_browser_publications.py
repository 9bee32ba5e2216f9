"""The publications page in a real browser: filters, their address, folding, copying."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def page(browser, site_server):
    context = browser.new_context(base_url=site_server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    page = context.new_page()
    yield page
    context.close()


def visible_keys(page):
    return page.eval_on_selector_all("ol.lab-pubs > li.lab-pub:not([hidden])", "els => els.map(e => e.id)")


def all_entries(page):
    return page.eval_on_selector_all(
        "ol.lab-pubs > li.lab-pub",
        "els => els.map(e => ({id: e.id, year: e.dataset.year, type: e.dataset.type, "
        "topics: e.dataset.topics.split(' '), rank: e.dataset.rank, text: e.textContent.toLowerCase()}))")


def test_filters_combine_count_and_live_in_the_address(page):
    page.goto("publications/")
    form = page.locator("form.lab-filter")
    assert form.is_visible()
    entries = all_entries(page)
    assert page.locator(".lab-filter__count").inner_text() == f"{len(entries)} papers"

    page.select_option("select[name=topic]", "llm-pruning")
    expected = [e["id"] for e in entries if "llm-pruning" in e["topics"]]
    assert visible_keys(page) == expected and 0 < len(expected) < len(entries)
    assert page.locator(".lab-filter__count").inner_text() == f"{len(expected)} of {len(entries)} papers"
    assert "topic=llm-pruning" in page.url

    page.fill("input[name=q]", "Yin sparsity")
    page.select_option("select[name=year]", "2024")
    expected = [e["id"] for e in entries if "llm-pruning" in e["topics"] and e["year"] == "2024"
                and "yin" in e["text"] and "sparsity" in e["text"]]
    assert visible_keys(page) == expected and expected
    assert re.search(r"\?(?=.*q=Yin\+sparsity)(?=.*year=2024)(?=.*topic=llm-pruning)", page.url)
    # Years without a visible paper lose their heading.
    assert page.locator("h2[id='2023']").is_hidden() and page.locator("h2[id='2024']").is_visible()

    page.click("form.lab-filter button[type=reset]")
    page.wait_for_function("document.querySelectorAll('li.lab-pub[hidden]').length === 0")
    assert page.url.endswith("/publications/")


def test_a_shared_address_restores_the_filtered_view(page):
    page.goto("publications/?rank=A&type=Conference+paper")
    entries = all_entries(page)
    expected = [e["id"] for e in entries if e["rank"] == "A" and e["type"] == "Conference paper"]
    assert visible_keys(page) == expected and expected
    assert page.input_value("select[name=rank]") == "A"
    assert page.input_value("select[name=type]") == "Conference paper"


def test_without_javascript_the_whole_list_shows_and_folds_still_open(browser, site_server):
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("publications/?topic=llm-pruning")
    assert page.locator("form.lab-filter").is_hidden()
    assert len(visible_keys(page)) == page.locator("li.lab-pub").count() > 20
    authors = page.locator("#yin2024outlier .lab-pub__authors")
    assert authors.inner_text().endswith("Yi Liang, and 3 more")  # innerText leaves out what is not shown
    authors.locator("summary").click()
    assert authors.inner_text().endswith("Yi Liang, Michael Bendersky, Zhangyang Wang, Shiwei Liu")
    context.close()


def test_bibtex_block_opens_and_its_copy_button_copies_it(page):
    page.goto("publications/")
    bibtex = page.locator("#yin2024outlier details.lab-pub__bibtex")
    bibtex.locator("summary").click()
    code = bibtex.locator("pre.lab-bibtex")
    assert code.is_visible() and code.inner_text().startswith("@inproceedings{yin2024outlier,")
    bibtex.locator("button[title='Copy to clipboard']").click()
    page.wait_for_function("document.querySelector('#yin2024outlier .lab-copy').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.inner_text().strip()
    assert "selected" not in copied and "abbr" not in copied


def test_printed_cv_has_no_navigation_header_or_footer(page):
    page.goto("cv/")
    assert page.locator("header.md-header").is_visible()
    page.emulate_media(media="print")
    for chrome in ("header.md-header", "nav.md-tabs", "footer.md-footer", ".md-sidebar--primary"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator("h1").is_visible() and page.locator(".lab-summary").is_visible()
