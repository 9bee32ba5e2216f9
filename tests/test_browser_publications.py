"""The publications page and papers' pages in a real browser: filters, their address and
the table of contents, folding, copying, and the measurable parts of the layout."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# The example's paper with 13 authors: 10 are shown (extra.lab.max_authors), then "and 3 more".
LONG = "lovelace2024layerwise"
LAST_SHOWN, HIDDEN = "Georg Scheutz", "Florence Nightingale, John Herschel, Isambard Brunel"


@pytest.fixture
def page(browser, example_server):
    context = browser.new_context(base_url=example_server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=example_server.rstrip("/"))
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

    page.select_option("select[name=topic]", "pruning")
    expected = [e["id"] for e in entries if "pruning" in e["topics"]]
    assert visible_keys(page) == expected and 0 < len(expected) < len(entries)
    assert page.locator(".lab-filter__count").inner_text() == f"{len(expected)} of {len(entries)} papers"
    assert "topic=pruning" in page.url

    page.fill("input[name=text]", "Lovelace sparsity")
    page.select_option("select[name=year]", "2024")
    expected = [e["id"] for e in entries if "pruning" in e["topics"] and e["year"] == "2024"
                and "lovelace" in e["text"] and "sparsity" in e["text"]]
    assert visible_keys(page) == expected and expected
    assert re.search(r"\?(?=.*text=Lovelace\+sparsity)(?=.*year=2024)(?=.*topic=pruning)", page.url)
    # Years without a visible paper lose their heading.
    assert page.locator("h2[id='2023']").is_hidden() and page.locator("h2[id='2024']").is_visible()

    page.click("form.lab-filter button[type=reset]")
    page.wait_for_function("document.querySelectorAll('li.lab-pub[hidden]').length === 0")
    assert page.url.endswith("/publications/")


def test_a_shared_address_restores_the_filtered_view(page):
    page.goto("publications/?rank=A&type=Conference+paper&text=comparison")
    entries = all_entries(page)
    expected = [e["id"] for e in entries if e["rank"] == "A" and e["type"] == "Conference paper"
                and "comparison" in e["text"]]
    assert visible_keys(page) == expected and expected
    assert page.input_value("select[name=rank]") == "A"
    assert page.input_value("select[name=type]") == "Conference paper"
    assert page.input_value("input[name=text]") == "comparison"
    assert page.locator(".md-search__input").input_value() == ""  # Material's search, which reads ?q=, stays shut


def test_without_javascript_the_whole_list_shows_and_folds_still_open(browser, example_server):
    context = browser.new_context(base_url=example_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("publications/?topic=pruning")
    assert page.locator("form.lab-filter").is_hidden()
    assert len(visible_keys(page)) == page.locator("li.lab-pub").count() > 10
    authors = page.locator(f"#{LONG} .lab-pub__authors")
    assert authors.inner_text().endswith(f"{LAST_SHOWN}, and 3 more")  # innerText leaves out what is not shown
    authors.locator("summary").click()
    assert authors.inner_text().endswith(f"{LAST_SHOWN}, {HIDDEN}")
    context.close()


def test_bibtex_block_opens_and_its_copy_button_copies_it(page):
    page.goto("publications/")
    bibtex = page.locator(f"#{LONG} details.lab-pub__bibtex")
    bibtex.locator("summary").click()
    code = bibtex.locator("pre.lab-bibtex")
    assert code.is_visible() and code.inner_text().startswith(f"@inproceedings{{{LONG},")
    bibtex.locator("button[title='Copy to clipboard']").click()
    page.wait_for_function(f"document.querySelector('#{LONG} .lab-copy').textContent === 'Copied'")
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


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def open_page(browser, example_server):
    """Opens a page in a fresh browser context of the given size, scheme and scripting."""
    contexts = []

    def opener(url, viewport=DESKTOP, scheme="light", javascript=True):
        context = browser.new_context(base_url=example_server, viewport=viewport, color_scheme=scheme,
                                      java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


def boxes(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().toJSON())")


def test_link_buttons_are_compact_on_a_desktop_and_finger_sized_on_a_phone(open_page):
    for viewport, lowest, highest in ((DESKTOP, 24, 30), (PHONE, 44, 60)):
        page = open_page("publications/", viewport)
        buttons = boxes(page, "li.lab-pub a.lab-pub__link")
        assert len(buttons) >= 15 and all(lowest <= box["height"] <= highest for box in buttons), viewport
        toggles = boxes(page, "li.lab-pub details.lab-pub__toggle > summary")
        assert toggles and all(box["height"] >= lowest for box in toggles), viewport
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_the_bibtex_toggle_is_quieter_than_the_link_buttons(page):
    page.goto("publications/")
    style = "e => { const s = getComputedStyle(e); return [parseFloat(s.fontSize), parseInt(s.fontWeight), " \
            "s.borderTopStyle]; }"
    link = page.locator(f"#{LONG} a.lab-pub__link").first.evaluate(style)
    toggle = page.locator(f"#{LONG} details.lab-pub__bibtex > summary").evaluate(style)
    assert toggle[0] <= link[0] and toggle[1] < link[1] and link[2] == "solid" and toggle[2] == "none"


# The names on either side of the fold, as laid out: the top of the last shown name's
# last line box and the top of the first hidden name's first letter. The author line is
# kept from wrapping first, so the two share a line unless a box breaks it.
NAMES_AT_THE_FOLD = """authors => {
  authors.style.whiteSpace = "nowrap";
  const rest = authors.querySelector(".lab-more-authors__rest, details.lab-more-authors");
  const last = document.createRange();
  last.selectNode(rest.previousSibling);
  const lastBoxes = last.getClientRects();
  const names = Array.from(rest.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const first = document.createRange();
  first.setStart(names, 2);  // after the ", " that separates it from the last shown name
  first.setEnd(names, 3);
  return [lastBoxes[lastBoxes.length - 1].top, first.getBoundingClientRect().top, names.textContent];
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_more_authors_continue_the_line_they_were_hidden_from(open_page, javascript):
    page = open_page("publications/", javascript=javascript)
    authors = page.locator(f"#{LONG} .lab-pub__authors")
    assert authors.inner_text().endswith(f"{LAST_SHOWN}, and 3 more")
    authors.locator("summary").click()
    last_shown, first_hidden, names = authors.evaluate(NAMES_AT_THE_FOLD)
    assert names.startswith(", " + HIDDEN.split(",")[0])
    assert first_hidden == pytest.approx(last_shown, abs=1)
    assert authors.inner_text().endswith(f"{LAST_SHOWN}, {HIDDEN}")
    if javascript:  # the control is gone; focus stays where it was, on the names it showed
        assert page.evaluate("document.activeElement.className") == "lab-more-authors__rest"


def test_printing_shows_every_author(page):
    page.goto("publications/")
    page.emulate_media(media="print")
    assert page.locator(f"#{LONG} .lab-pub__authors").inner_text().endswith(f"{LAST_SHOWN}, {HIDDEN}")


def visible_toc_years(page):
    return page.eval_on_selector_all(".md-sidebar--secondary a.md-nav__link",
                                     "els => els.filter(e => e.checkVisibility()).map(e => e.textContent.trim())")


def test_no_match_shows_an_empty_state_and_the_table_of_contents_follows_the_list(open_page):
    page = open_page("publications/")
    years = visible_toc_years(page)
    empty = page.locator(".lab-filter__empty")
    assert "2024" in years and len(years) > 3 and empty.is_hidden()

    page.select_option("select[name=year]", "2024")
    assert visible_toc_years(page) == ["2024"] and empty.is_hidden()

    page.fill("input[name=text]", "a phrase that no paper has")
    assert empty.is_visible() and empty.inner_text().startswith("No papers match these filters.")
    assert visible_toc_years(page) == [] and page.locator("article h2:visible").count() == 0
    assert page.locator(".lab-filter__count").inner_text().startswith("0 of ")

    empty.get_by_role("button", name="Clear the filters").click()
    page.wait_for_function("!document.querySelector('li.lab-pub[hidden]')")
    assert empty.is_hidden() and visible_toc_years(page) == years
    assert page.evaluate("document.activeElement.name") == "text"  # not lost with the hidden button
    assert page.input_value("input[name=text]") == "" and page.input_value("select[name=year]") == ""


def test_filter_bar_is_one_aligned_row_on_a_desktop_and_a_stack_on_a_phone(open_page):
    controls = "form.lab-filter :is(input, select, button)"
    row = boxes(open_page("publications/", DESKTOP), controls)
    assert len(row) == 6
    assert all(box["bottom"] == pytest.approx(row[0]["bottom"], abs=1) for box in row)
    search, *others = row
    assert all(search["width"] > box["width"] for box in others)

    page = open_page("publications/", PHONE)
    stack = boxes(page, controls)
    form = page.locator("form.lab-filter").evaluate("e => e.clientWidth - parseFloat(getComputedStyle(e).paddingLeft)"
                                                    " - parseFloat(getComputedStyle(e).paddingRight)")
    assert all(box["width"] == pytest.approx(form, abs=1) and box["height"] >= 44 for box in stack)
    assert all(upper["bottom"] <= lower["top"] for upper, lower in zip(stack, stack[1:]))


def test_rank_presentation_and_venue_badges_and_link_buttons_look_different(page):
    page.goto("publications/")
    look = "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.borderTopColor, s.borderRadius]; }"
    venue, rank, presentation, button = (page.locator(selector).first.evaluate(look) for selector in (
        ".lab-badge--venue", ".lab-badge--rank", ".lab-badge--presentation", "a.lab-pub__link"))
    assert len({tuple(venue), tuple(rank), tuple(presentation), tuple(button)}) == 4
    assert rank[0] == "rgba(0, 0, 0, 0)" and venue[0] != rank[0]  # outlined against filled


def rgb(css_colour):
    return [int(part) for part in re.findall(r"\d+", css_colour)[:3]]


def contrast(first, second):
    def luminance(colour):
        channels = [c / 255 for c in colour]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_bars_stand_out_from_the_page_in_either_scheme(open_page, scheme):
    page = open_page("publications/", scheme=scheme)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    bar = page.locator(".lab-chart__bar").first.evaluate("e => getComputedStyle(e).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast(rgb(bar), rgb(background)) >= 3, (bar, background)


def test_a_papers_page_marks_the_publications_tab(page):
    page.goto(f"publications/{LONG}/")
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1 and active.inner_text().strip() == "Publications"
    opacity = "e => parseFloat(getComputedStyle(e).opacity)"
    other = page.locator(".md-tabs__item:not(.md-tabs__item--active) .md-tabs__link").first
    assert active.locator(".md-tabs__link").evaluate(opacity) > other.evaluate(opacity)


def test_a_papers_bibtex_wraps_on_a_phone(open_page):
    page = open_page(f"publications/{LONG}/", PHONE)
    code = page.locator("pre.lab-cite code")
    assert "https://proceedings.example.org/v235/lovelace24a.html" in code.inner_text().replace("\n", "")
    scroll, width = code.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll <= width and page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_papers_topic_opens_the_list_filtered_to_it(page):
    page.goto(f"publications/{LONG}/")
    page.locator(".lab-paper__topics a", has_text="pruning").click()
    page.wait_for_url("**/publications/?topic=pruning")
    assert page.input_value("select[name=topic]") == "pruning"
    shown = visible_keys(page)
    assert LONG in shown and len(shown) < page.locator("li.lab-pub").count()
