"""Every page in a real browser: no sideways scrolling on a phone, and the light/dark toggle."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone(browser, example_server):
    context = browser.new_context(base_url=example_server, viewport={"width": 375, "height": 740},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


SCROLL_WIDTH = "document.documentElement.scrollWidth"


def test_no_page_scrolls_sideways_on_a_375px_phone(phone, example_site):
    wide = []
    urls = example_site.urls()
    assert len(urls) > 25
    for url in urls:
        phone.goto(url)
        width = phone.evaluate(SCROLL_WIDTH)
        if width > 375:
            wide.append((url, width))
    assert wide == []


def test_the_width_check_catches_a_page_too_wide_for_a_phone(phone):
    phone.set_content('<meta name="viewport" content="width=device-width"><table><tr><td>'
                      + "unbreakable" * 40 + "</td></tr></table>")
    assert phone.evaluate(SCROLL_WIDTH) > 375


def test_light_dark_toggle_switches_the_scheme_and_remembers_it(browser, example_server):
    context = browser.new_context(base_url=example_server, color_scheme="light")
    page = context.new_page()
    page.goto("publications/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.click("form[data-md-component=palette] label:visible")
    assert page.evaluate(scheme) == "slate"
    page.goto("team/")
    assert page.evaluate(scheme) == "slate"  # kept across pages
    context.close()
