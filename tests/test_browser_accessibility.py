"""Accessibility: axe-core over every page, light and dark, desktop and phone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "tools" / "node_modules" / "axe-core" / "axe.min.js"
VIEWS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci --prefix tests/tools` (.ci/run does)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_accessibility_violations(browser, example_site, example_server, axe_source, scheme, view):
    context = browser.new_context(base_url=example_server, viewport=VIEWS[view], color_scheme=scheme)
    page = context.new_page()
    found = {}
    urls = example_site.urls()
    assert len(urls) > 25 and "publications/lovelace2024layerwise/" in urls and "404.html" in urls
    for url in urls:
        page.goto(url)
        page.add_script_tag(content=axe_source)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.setdefault(url or "/", []).append(f"{violation['id']}: {violation['help']} {targets}")
    context.close()
    assert found == {}, json.dumps(found, indent=1)


def test_axe_catches_a_deliberately_broken_page(browser, axe_source):
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><p style="color:#ccc;background:#fff">faint</p>'
                     '<button></button></body></html>')
    page.add_script_tag(content=axe_source)
    found = {v["id"] for v in page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]}
    page.close()
    assert {"image-alt", "color-contrast", "button-name"} <= found
