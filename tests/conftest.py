"""Shared fixtures: copies of the real project, and builds of it with MkDocs."""

from __future__ import annotations

import contextlib
import datetime
import gzip
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "bib", "hooks", "overrides")


def copy_project(destination: Path) -> Path:
    """A copy of the site's sources (config, pages, data, BibTeX, hook, theme overrides) in ``destination``."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


# The build date of the test builds (via SOURCE_DATE_EPOCH): who is alumni and which
# positions are open must not depend on the day the tests run.
BUILD_DATE = datetime.datetime(2025, 6, 1, tzinfo=datetime.timezone.utc)


def run_build(project: Path, *, strict: bool = True, date: datetime.datetime = BUILD_DATE,
              env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, Path]:
    """Run ``mkdocs build`` on ``project`` the way a user does; returns the result and the site folder."""
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": str(int(date.timestamp())), **(env or {})}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    return result, site


class BuiltSite:
    """A built site, read page by page."""

    def __init__(self, folder: Path, log: str):
        self.folder = folder
        self.log = log

    def page(self, url: str) -> BeautifulSoup:
        """The parsed HTML of the page at ``url`` (e.g. ``"team/"``, ``""`` for home)."""
        path = self.folder / url / "index.html" if not url.endswith(".html") else self.folder / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def content(self, url: str) -> BeautifulSoup:
        """Only the article of the page: without navigation, header and footer."""
        return self.page(url).select_one("article.md-content__inner")

    def urls(self) -> list[str]:
        """The address of every page, relative to the root ("" for home), and the 404 page."""
        return sorted(f"{p.parent.relative_to(self.folder).as_posix()}/" if p.parent != self.folder else ""
                      for p in self.folder.rglob("index.html")) + ["404.html"]


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    """The real site, built strictly once for the whole test session."""
    project = copy_project(tmp_path_factory.mktemp("real"))
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site, result.stderr)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the project, free to be broken by the test."""
    return copy_project(tmp_path)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def serve(folder: Path):
    """``folder`` served over HTTP on a free local port, gzip-compressed as GitHub Pages
    does; yields its base address."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            path = path / "index.html" if path.is_dir() else path
            if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
                return super().send_head()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_server(real_site):
    """The real site served over HTTP on a free local port; yields its base address."""
    with serve(real_site.folder) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `sudo apt-get install chromium` "
                    "(the browser tests need it; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
