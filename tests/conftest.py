"""Fixtures of the engine tests: the example site (tests/example/, a fictional group)
with the repository's engine, as a copy to break and as one strict build per session.

The engine tests never read the owner's data: a fork that replaces docs/, bib/ and
mkdocs.yml keeps them passing. Tests of the owner's own facts are in tests/content/.
The helpers live in ``sitebuild``: import them from there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from apiserver import pointed_at
from sitebuild import CHROMIUM, CHROMIUM_ARGS, EXAMPLE, BuiltSite, build_once, copy_project, serve


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> BuiltSite:
    """The example site with the engine, built strictly once for the whole test session."""
    return build_once(tmp_path_factory.mktemp("example"), EXAMPLE)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the example site with the engine, free to be broken by the test."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def example_server(example_site):
    """The example site served over HTTP on a free local port; yields its base address."""
    with serve(example_site.folder) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `sudo apt-get install chromium`, or set "
                    "LABSITE_CHROMIUM to a Chromium or Chrome binary "
                    "(the browser tests need it; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def services():
    """Crossref, arXiv and OpenAlex answering from recorded answers on 127.0.0.1, with labsite
    pointed at them for the module's tests (tests/apiserver.py); yields the answers."""
    with pointed_at() as answers:
        yield answers
