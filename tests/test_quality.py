"""Whole-site checks: links resolve, nothing unsafe, deploy files in place, a lean page."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, copy_project, run_build

SITE_URL = "https://lab.example/site/"


def pages(folder: Path):
    for path in sorted(folder.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def target_of(page: Path, folder: Path, reference: str, base_path: str) -> tuple[Path, str]:
    """The file and fragment a reference from ``page`` points to; ``base_path`` is the site's URL path."""
    parts = urlsplit(reference)
    path = unquote(parts.path)
    if path.startswith("/"):  # the 404 page links from the site's root, wherever it is shown
        target = folder / path.removeprefix(base_path)
    else:
        target = (page.parent / path).resolve() if path else page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


@pytest.fixture(scope="session")
def deployed_site(tmp_path_factory):
    """The example site built as the GitHub Pages workflow builds it, with its public address."""
    project = copy_project(tmp_path_factory.mktemp("deployed"))
    result, site = run_build(project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site


def broken_links(folder: Path, base_path: str = "/") -> tuple[list[str], set[str]]:
    """Internal references of every page that lead nowhere, and the external ones (not fetched)."""
    broken, external, ids = [], set(), {}
    for path, soup in pages(folder):
        for tag, attribute in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                reference = element[attribute]
                if reference.startswith(("http://", "https://", "mailto:")):
                    external.add(reference)
                    continue
                target, fragment = target_of(path, folder, reference, base_path)
                if not target.exists() or not target.resolve().is_relative_to(folder.resolve()):
                    broken.append(f"{path.relative_to(folder)}: {reference}")
                elif fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = {t["id"] for t in BeautifulSoup(target.read_text(), "html.parser")
                                       .find_all(id=True)}
                    if fragment not in ids[target]:
                        broken.append(f"{path.relative_to(folder)}: {reference} (no such anchor)")
    return broken, external


def unsafe_markup(folder: Path) -> list[str]:
    """Inline event handlers, script addresses and new windows without ``noopener``."""
    found = []
    for path, soup in pages(folder):
        for element in soup.find_all(True):
            if any(name.lower().startswith("on") for name in element.attrs):
                found.append(f"{path.name}: inline handler on <{element.name}>")
            if element.name == "a" and element.get("target") == "_blank" and "noopener" not in element.get("rel", []):
                found.append(f"{path.name}: new window without noopener")
            address = element.get("href") or element.get("src") or ""
            if address.strip().lower().startswith(("javascript:", "data:text")):
                found.append(f"{path.name}: script address {address[:30]}")
    return found


@pytest.mark.parametrize("build", ["example_site", "deployed_site"])
def test_every_internal_link_anchor_image_and_asset_resolves(build, request):
    built = request.getfixturevalue(build)
    folder = getattr(built, "folder", built)
    broken, external = broken_links(folder, urlsplit(SITE_URL).path if build == "deployed_site" else "/")
    assert broken == []
    print(f"{len(external)} external links, listed and not fetched:\n" + "\n".join(sorted(external)))
    assert "https://scholar.google.com/citations?user=ADA0LOVELACE" in external


def test_no_inline_event_handlers_and_new_windows_open_safely(example_site):
    assert unsafe_markup(example_site.folder) == []


def test_the_checks_catch_a_deliberately_broken_page(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../a/#here">fine</a></p>')
    (tmp_path / "index.html").write_text(
        '<a href="missing/">x</a><a href="a/#nowhere">y</a><img src="gone.png" alt="">'
        '<a href="https://example.org" target="_blank">z</a><button onclick="go()">b</button>'
        '<a href="javascript:alert(1)">c</a>')
    broken, external = broken_links(tmp_path)
    assert broken == ["index.html: missing/", "index.html: a/#nowhere (no such anchor)",
                      "index.html: javascript:alert(1)", "index.html: gone.png"]
    assert external == {"https://example.org"}
    assert unsafe_markup(tmp_path) == ["index.html: new window without noopener", "index.html: inline handler on <button>",
                                       "index.html: script address javascript:alert(1)"]


def test_deploy_files_canonical_links_and_metadata_use_the_public_address(deployed_site):
    home = BeautifulSoup((deployed_site / "index.html").read_text(), "html.parser")
    assert home.find("link", rel="canonical")["href"] == SITE_URL
    assert (deployed_site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"
    sitemap = (deployed_site / "sitemap.xml").read_text()
    assert f"<loc>{SITE_URL}team/</loc>" in sitemap and f"<loc>{SITE_URL}publications/lovelace2024layerwise/</loc>" in sitemap
    paper = BeautifulSoup((deployed_site / "publications/lovelace2024layerwise/index.html").read_text(), "html.parser")
    assert paper.find("meta", property="og:url")["content"] == f"{SITE_URL}publications/lovelace2024layerwise/"
    assert (deployed_site / "404.html").is_file()
    assert paper.find("meta", property="og:image")["content"] == f"{SITE_URL}assets/social-card.png"
    assert home.find("meta", property="og:title")["content"] == "Ada Lovelace · Frugal Machine Learning"
    assert home.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert (deployed_site / "assets" / "social-card.png").is_file()
    assert home.find("link", rel="icon")["href"].endswith("assets/favicon.svg")


def test_the_site_own_css_and_javascript_stay_small():
    total = sum(len(gzip.compress((ROOT / "docs" / "assets" / name).read_bytes(), 9))
                for name in ("lab.css", "publications.css", "print.css", "publications.js"))
    assert total < 15 * 1024, f"{total} bytes compressed"


def test_no_external_fonts_or_trackers(example_site):
    for path, soup in pages(example_site.folder):
        for element in soup.find_all(["link", "script", "img", "iframe"]):
            source = element.get("href") or element.get("src") or ""
            if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not source.startswith(("http://", "https://", "//")), (path, source)


@pytest.mark.parametrize("name", ["site.yml", "citations.yml"])
def test_github_workflow_is_valid(name):
    workflow = ROOT / ".github" / "workflows" / name
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
