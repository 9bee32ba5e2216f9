"""What a visitor sees first, measured in a real browser: who the site is about, how to
reach them, where the group's pages are, and that nothing on a phone is cut off."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module", params=["light", "dark"])
def desktop(browser, example_server, request):
    context = browser.new_context(base_url=example_server, viewport=DESKTOP, color_scheme=request.param)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def phone(browser, example_server):
    context = browser.new_context(base_url=example_server, viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    yield context.new_page()
    context.close()


LARGEST_TEXT_ON_FIRST_SCREEN = """() => {
  const seen = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility()) continue;
    const box = element.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= innerHeight || box.width === 0) continue;
    seen.push([parseFloat(getComputedStyle(element).fontSize), node.textContent.trim()]);
  }
  seen.sort((a, b) => b[0] - a[0]);
  return seen;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_owners_name_is_the_largest_text_on_the_home_pages_first_screen(browser, example_server, viewport):
    context = browser.new_context(base_url=example_server, viewport=viewport)
    page = context.new_page()
    page.goto("")
    (size, largest), (next_size, _) = page.evaluate(LARGEST_TEXT_ON_FIRST_SCREEN)[:2]
    context.close()
    assert largest == "Ada Lovelace" and size > next_size


def test_the_home_page_has_a_portrait_or_initials_beside_the_name(desktop):
    desktop.goto("")
    mark = desktop.locator(".lab-hero__photo")
    assert mark.is_visible()
    name = desktop.locator(".lab-hero__name").bounding_box()
    box = mark.bounding_box()
    assert box["width"] >= 80 and box["x"] + box["width"] <= name["x"]  # to the left of the name


@pytest.mark.parametrize("url", ["", "join/"])
def test_email_and_profile_links_with_icons_are_visible_in_the_page(desktop, url):
    desktop.goto(url)
    links = desktop.locator("article .lab-contact a.lab-contact__link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs[0] == "mailto:ada.lovelace@example.org"
    assert "https://scholar.google.com/citations?user=ADA0LOVELACE" in hrefs
    assert "https://github.com/frugal-engines-example" in hrefs
    for i in range(links.count()):
        link = links.nth(i)
        assert link.is_visible() and link.locator("svg").is_visible()


@pytest.mark.parametrize("url", ["", "join/", "team/", "publications/"])
def test_every_pages_footer_shows_the_contact_icons(desktop, url):
    desktop.goto(url)
    footer = desktop.locator("footer .md-social a")
    titles = [footer.nth(i).get_attribute("title") for i in range(footer.count())]
    assert titles[0] == "E-mail ada.lovelace@example.org" and "GitHub" in titles
    assert all(footer.nth(i).is_visible() for i in range(footer.count()))


def test_on_a_phone_each_contact_link_is_a_44px_touch_target(phone):
    phone.goto("")
    links = phone.locator("article .lab-contact a")
    assert links.count() >= 2
    assert all(links.nth(i).bounding_box()["height"] >= 44 for i in range(links.count()))


def test_no_navigation_entry_leads_to_a_page_that_says_there_is_nothing(desktop):
    desktop.goto("")
    tabs = desktop.locator(".md-tabs__link")
    addresses = [tabs.nth(i).get_attribute("href") for i in range(tabs.count())]
    assert len(addresses) >= 8
    for address in addresses:
        desktop.goto(address)
        article = desktop.locator("article")
        shown = article.locator("[class^='lab-']:not(.lab-empty)")
        assert shown.count() > 0, f"{address} shows no data"
        empty = article.locator(".lab-empty")
        # The only "none" a visitor may meet in the navigation is an answer to a question
        # they came with: are there open positions?
        assert all("positions" in empty.nth(i).inner_text() for i in range(empty.count())), address


@pytest.mark.parametrize("url", ["", "team/", "join/", "publications/", "cv/"])
def test_pages_outside_a_section_do_not_show_a_left_sidebar_that_repeats_the_tab(desktop, url):
    desktop.goto(url)
    assert not desktop.locator(".md-sidebar--primary").is_visible()
    content = desktop.locator(".md-content").bounding_box()
    assert content["width"] > 900  # the content takes the width the sidebar left


def test_team_cards_form_a_grid_on_a_desktop_and_a_column_of_equal_cards_on_a_phone(desktop, phone):
    desktop.goto("team/")
    tops = desktop.locator("#phd-students + .lab-team .lab-person").evaluate_all(
        "cards => cards.map(card => Math.round(card.getBoundingClientRect().top))")
    assert len(tops) >= 2 and tops[0] == tops[1]  # side by side
    phone.goto("team/")
    widths = phone.locator(".lab-person").evaluate_all(
        "cards => cards.map(card => Math.round(card.getBoundingClientRect().width))")
    assert len(set(widths)) == 1 and widths[0] <= 375


def test_the_team_page_starts_with_the_group_leader(desktop):
    desktop.goto("team/")
    headings = desktop.locator("article h2").all_inner_texts()
    assert headings[0].rstrip("¶ \n") == "Group leader"
    leader = desktop.locator("#person-leader")
    assert "Ada Lovelace" in leader.inner_text()
    assert leader.locator("a[href='mailto:ada.lovelace@example.org']").is_visible()


def test_the_site_title_is_not_cut_off_on_a_phone(phone):
    for url in ("", "publications/"):
        phone.goto(url)
        title = phone.locator(".md-header__topic:first-child .md-ellipsis")
        assert " ".join(title.inner_text().split()) == "Ada Lovelace · Frugal Machine Learning"
        cut = title.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
        assert not cut, url
        box, header = title.bounding_box(), phone.locator(".md-header").bounding_box()
        assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]


def test_timeline_entries_keep_wrapped_lines_beside_the_date(desktop, phone):
    desktop.goto("cv/")
    entries = desktop.locator(".lab-timeline > li")
    assert entries.count() > 5
    for i in range(entries.count()):
        when = entries.nth(i).locator(".lab-timeline__when").bounding_box()
        what = entries.nth(i).locator(".lab-timeline__what").bounding_box()
        assert what["x"] >= when["x"] + when["width"]  # a column of its own: no line runs under the date
        assert what["height"] >= when["height"] - 1


# For each news item: the right edge of its date, and the left edge of its text, a link or
# plain text (measured with a range, which a text node has no box of its own for).
NEWS_COLUMNS = """items => items.map(li => {
  const range = document.createRange();
  range.selectNodeContents(li);
  range.setStartAfter(li.querySelector('time'));
  const lines = Array.from(range.getClientRects()).filter((box) => box.width > 0);
  return [li.querySelector('time').getBoundingClientRect().right, Math.min(...lines.map((box) => box.left))];
})"""


def test_news_dates_stand_in_a_column_of_their_own(desktop):
    desktop.goto("news/")
    columns = desktop.locator(".lab-news > li").evaluate_all(NEWS_COLUMNS)
    texts = [left for _, left in columns]
    assert len(texts) == 6 and len(set(round(left) for left in texts)) == 1  # every text starts at one line
    assert all(left >= right for right, left in columns)
