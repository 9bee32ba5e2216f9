"""The CV printed to A4 by Chromium, as a visitor's "Print to PDF" makes it: few pages,
no heading alone at the foot of a page, nothing that only works on a screen, and the
address of every link that leaves the site. The example site's CV here; the owner's
own CV and its page count are checked in tests/content/test_owner_print.py."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

MAX_PAGES = 4  # for the example's data; a CV that outgrows it needs its print styles looked at
A4_POINTS = (595, 842)  # 210 x 297 mm


def page_lines(reader: PdfReader) -> list[list[str]]:
    """The non-empty lines of text of each page of a PDF."""
    return [[line.strip() for line in page.extract_text().splitlines() if line.strip()] for page in reader.pages]


def stranded_headings(reader: PdfReader, headings: set[str]) -> list[tuple[int, str]]:
    """The pages (numbered from 1) whose last line is one of ``headings``, with that line."""
    return [(number, lines[-1]) for number, lines in enumerate(page_lines(reader), 1)
            if lines and lines[-1] in headings]


def printed(page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def printed_cv(browser, server, built) -> tuple[PdfReader, set[str]]:
    """The CV of the site ``built``, served at ``server``, printed; and the texts of its headings."""
    context = browser.new_context(base_url=server)
    page = context.new_page()
    page.goto("cv/")
    reader = printed(page)
    context.close()
    headings = {heading.get_text(" ", strip=True).removesuffix("¶").strip()
                for heading in built.content("cv/").select("h1, h2, h3")}
    return reader, headings


@pytest.fixture(scope="module")
def cv(browser, example_server, example_site):
    """The example's printed CV, and the texts of its headings."""
    return printed_cv(browser, example_server, example_site)


def text_of(reader: PdfReader) -> str:
    return "\n".join("\n".join(lines) for lines in page_lines(reader))


def test_the_printed_cv_fits_on_a_few_a4_pages(cv):
    reader, _ = cv
    assert 2 <= len(reader.pages) <= MAX_PAGES
    assert all((int(page.mediabox.width), int(page.mediabox.height)) == A4_POINTS for page in reader.pages)


def test_no_heading_is_left_alone_at_the_foot_of_a_page(cv):
    reader, headings = cv
    assert {"Summary", "Publications", "2024"} <= headings
    assert stranded_headings(reader, headings) == []


def test_the_check_finds_a_heading_left_at_the_foot_of_a_page(browser):
    page = browser.new_page()
    page.set_content('<p style="height: 250mm">Body text</p><h2 style="break-after: page">Alone</h2><p>Next</p>')
    assert stranded_headings(printed(page), {"Alone"}) == [(1, "Alone")]
    page.close()


def test_the_first_page_gives_name_contact_details_and_the_date(cv):
    reader, _ = cv
    first = " ".join(page_lines(reader)[0])
    assert first.startswith("Ada Lovelace")
    for detail in ("ada.lovelace@example.org", "Personal website: https://ada.example.org",
                   "last updated 1 Jun 2025"):  # the data's date, never after the build's (sitebuild.BUILD_DATE)
        assert detail in first, detail


def test_nothing_that_only_works_on_a_screen_is_printed(cv):
    text = text_of(cv[0])
    for part in ("Skip to content", "Table of contents", "Made with", "Search", "Download CV (PDF)",
                 "Papers per year", "Back to top", "Abstract", "BibTeX", "¶"):
        assert part not in text, part


def test_links_that_leave_the_site_are_printed_with_their_address(cv):
    text = re.sub(r"\s+", "", text_of(cv[0]))  # addresses may wrap anywhere
    assert "GitHub:https://github.com/frugal-engines-example" in text
    # A paper with a DOI shows it, and not its arXiv page too; one without, its arXiv page.
    assert "https://doi.org/10.5555/aaai.v37i9.1843" in text and "2208.01843" not in text
    assert "https://arxiv.org/abs/2211.01815" in text
    # Its title leads to its page on the site, which the paper does not need; its code is there too.
    assert "publications/" not in text and "https://github.com/frugal-engines-example/layerwise" not in text
