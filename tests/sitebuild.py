"""Copies of a site with the engine, builds of it with MkDocs, and serving it: what the
engine tests (tests/) and the content tests (tests/content/) share.

A site is its content (``mkdocs.yml``, ``docs/`` with its pages and ``docs/data/``,
``bib/``) and the engine, which always comes from the repository's root (``hooks/``,
``overrides/``, ``docs/assets/``). The engine tests build the fictional example site
in ``tests/example/``; the content tests build the owner's site at the root.

Not a conftest: tests import these helpers by this module's name, since tests/ and
tests/content/ each have a conftest.py and ``import conftest`` could find either.
"""

from __future__ import annotations

import contextlib
import datetime
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "example"  # the engine tests' site: a fictional group
CONTENT_PARTS = ("mkdocs.yml", "docs", "bib")  # taken from the site being copied
ENGINE_PARTS = ("hooks", "overrides", "docs/assets")  # always taken from the repository's root
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info")


def copy_project(destination: Path, site: Path = EXAMPLE) -> Path:
    """A copy in ``destination`` of ``site``'s content (config, pages, data, BibTeX) with
    the repository's engine (hook, theme overrides, assets); the example site by default."""
    for part in CONTENT_PARTS:
        _copy(site / part, destination / part)
    for part in ENGINE_PARTS:
        _copy(ROOT / part, destination / part)
    return destination


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=IGNORED, dirs_exist_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


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


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path; compressed files as their content."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            found[path.relative_to(site).as_posix()] = gzip.decompress(content) if path.suffix == ".gz" else content
    return found


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


def build_once(destination: Path, site: Path) -> BuiltSite:
    """``site`` copied with the engine into ``destination`` and built strictly; fails the
    test that needs it if the build fails."""
    project = copy_project(destination, site)
    result, folder = run_build(project)
    assert result.returncode == 0, result.stderr
    return BuiltSite(folder, result.stderr)


# Debian's Chromium by default; LABSITE_CHROMIUM points the browser tests at another build of it.
CHROMIUM = Path(os.environ.get("LABSITE_CHROMIUM", "/usr/bin/chromium"))
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


def words(node) -> str:
    """The visible text of ``node`` with white space folded, as a reader sees it."""
    folded = re.sub(r"\s+", " ", node.get_text(" ")).strip()
    return re.sub(r" ([,.;:)])", r"\1", folded)
