"""The owner's own pages in Chromium: the CV printed to A4 (its page count for the current
data, the owner's contact details, the addresses of the owner's papers), and the site's
title on a phone. How the engine prints and lays out any site is tested on the example
(tests/test_browser_print.py, tests/test_browser_first_look.py)."""

from __future__ import annotations

import re

import pytest
from test_browser_print import A4_POINTS, page_lines, printed_cv, stranded_headings, text_of

pytestmark = pytest.mark.browser

# For the current data (53 papers, at 9 pt with one address each; 26 papers took 5 pages):
# a CV that outgrows it needs its print styles looked at.
MAX_PAGES = 7


@pytest.fixture(scope="module")
def cv(browser, owner_server, owner_site):
    """The owner's printed CV, and the texts of its headings."""
    return printed_cv(browser, owner_server, owner_site)


def test_the_owners_printed_cv_fits_on_a_few_a4_pages(cv):
    reader, _ = cv
    assert 2 <= len(reader.pages) <= MAX_PAGES
    assert all((int(page.mediabox.width), int(page.mediabox.height)) == A4_POINTS for page in reader.pages)


def test_no_heading_of_the_owners_cv_is_left_alone_at_the_foot_of_a_page(cv):
    reader, headings = cv
    assert {"Summary", "Publications", "2024"} <= headings
    assert stranded_headings(reader, headings) == []


def test_the_first_page_gives_the_owners_name_contact_details_and_the_date(cv):
    reader, _ = cv
    first = " ".join(page_lines(reader)[0])
    assert first.startswith("Lu Yin")
    for detail in ("l.yin@surrey.ac.uk", "Personal website: https://luuyin.github.io",
                   # The data's date, never after the build's (sitebuild.BUILD_DATE), which it is here.
                   "last updated 1 Jun 2025"):
        assert detail in first, detail


def test_the_owners_links_are_printed_with_their_address(cv):
    text = re.sub(r"\s+", "", text_of(cv[0]))  # addresses may wrap anywhere
    assert "GitHub:https://github.com/luuyin" in text
    assert "https://doi.org/10.1609/aaai.v37i9.26297" in text and "2208.10842" not in text
    assert "https://arxiv.org/abs/2211.15335" in text
    assert "publications/" not in text and "https://github.com/VITA-Group" not in text


def test_the_owners_site_title_is_not_cut_off_on_a_phone(browser, owner_server):
    context = browser.new_context(base_url=owner_server, viewport={"width": 375, "height": 740},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for url in ("", "publications/"):
            page.goto(url)
            title = page.locator(".md-header__topic:first-child .md-ellipsis")
            assert " ".join(title.inner_text().split()) == "Lu Yin · Efficient and Scalable AI"
            cut = title.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
            assert not cut, url
    finally:
        context.close()
