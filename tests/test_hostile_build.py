"""A build with hostile data in every field (tests/hostile.py): no output file holds
live script, read as a browser reads it, and Chromium loading every page sees no dialog."""

from __future__ import annotations

import html
import json

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import BuiltSite, run_build, serve
from hostile import PAYLOADS, hostile_bibtex, make_hostile_project, valid_document
from scan import TOLERATED_IF_CLEAN, report, scan_site, unexplained
from labsite import yamldata
from labsite.latex import latex_to_text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> BuiltSite:
    """The example site with hostile data everywhere, built once (not strictly: warnings are fine)."""
    project = make_hostile_project(tmp_path_factory.mktemp("hostile"))
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, f"the hostile build failed:\n{result.stderr}"
    return BuiltSite(site, result.stderr)


@pytest.mark.parametrize("name", sorted(path.name.removesuffix(".schema.json")
                                        for path in yamldata.SCHEMA_DIR.glob("*.schema.json")
                                        if path.name != "common.schema.json"))
def test_the_hostile_data_is_valid_so_the_build_uses_it(name):
    for payload in PAYLOADS:
        document = yamldata.parse(yaml.safe_dump(valid_document(name, payload), allow_unicode=True), "x.yml", name)
        assert document.errors == [], (payload, [str(error) for error in document.errors])


def test_the_clean_build_holds_nothing_but_the_themes_own_scripts(example_site):
    # Else the hostile build's findings would be the theme's, not the data's.
    wrong = [s for s in scan_site(example_site.folder) if s.kind not in TOLERATED_IF_CLEAN]
    assert wrong == [], report(wrong)


def test_no_output_file_holds_live_script(hostile_site, example_site):
    wrong = unexplained(scan_site(hostile_site.folder), scan_site(example_site.folder))
    assert wrong == [], report(wrong)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _shown_wrongly(page_text: str, texts: list[str]) -> list[str]:
    """The texts that the page does not show exactly as written (missing, or escaped twice)."""
    page_text = _plain(page_text)
    return [t for t in texts if _plain(t) not in page_text
            or (html.escape(t, quote=False) != t and _plain(html.escape(t, quote=False)) in page_text)]


@pytest.mark.parametrize("url", ["news/", "team/", "talks/", "teaching/", "service/", "grants/"])
def test_the_payloads_show_as_text(hostile_site, url):
    page = BeautifulSoup((hostile_site.folder / url / "index.html").read_text(encoding="utf-8"), "html5lib")
    assert _shown_wrongly(page.body.get_text(), PAYLOADS) == []


def test_each_hostile_paper_shows_its_payload_as_text(hostile_site):
    wrong = {}
    for number, payload in enumerate(PAYLOADS):
        page = BeautifulSoup((hostile_site.folder / f"publications/hostile{number}/index.html")
                             .read_text(encoding="utf-8"), "html5lib")
        # As BibTeX holds it (hostile.hostile_bibtex), read as plain text ("--" is a dash).
        shown = latex_to_text(payload.replace("{", "(").replace("}", ")"))
        if _shown_wrongly(page.body.get_text(), [shown]):
            wrong[f"hostile{number}"] = shown
    assert wrong == {}


@pytest.mark.browser
def test_chromium_sees_no_dialog(browser, hostile_site):
    dialogs = []
    urls = hostile_site.urls()
    assert len(urls) > 30 and {f"publications/hostile{n}/" for n in range(len(PAYLOADS))} <= set(urls)
    with serve(hostile_site.folder) as address:
        context = browser.new_context(base_url=address)
        page = context.new_page()

        def record(dialog):
            dialogs.append(f"{page.url}: {dialog.type} {dialog.message!r}")
            dialog.dismiss()

        page.on("dialog", record)
        try:
            for url in urls:
                page.goto(url, wait_until="load")
                page.wait_for_timeout(300)  # for handlers such as onfocus and onerror to fire
        finally:
            context.close()
    assert dialogs == []


def test_the_scan_catches_a_deliberately_broken_site(tmp_path):
    (tmp_path / "index.html").write_text('<p autofocus onfocus=alert(1)>x</p><a href=" java&#10;script:alert(1)">y</a>'
                                         '<script>alert(2)</script>')
    (tmp_path / "news.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><link href="JavaScript:alert(1)"/>'
                                       "</feed>")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(
        {"docs": [{"location": "", "title": "t", "text": "<img src=x onerror=alert(1)>"}]}))
    found = {(s.file, s.kind) for s in unexplained(scan_site(tmp_path), [])}
    assert found == {("index.html", "autofocus"), ("index.html", "event-handler"), ("index.html", "javascript-url"),
                     ("index.html", "script"), ("news.xml", "javascript-url"),
                     ("search/search_index.json ()", "event-handler")}


def test_hostile_bibtex_keeps_the_payload_in_one_author_name():
    from labsite import bibliography

    parsed = bibliography.parse(hostile_bibtex("a and b, c {d}", "k"), "x.bib")
    assert parsed.errors == []
    assert len(parsed.entries[0].entry.persons["author"]) == 2
