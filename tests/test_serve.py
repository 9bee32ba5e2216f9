"""The editing loop tells the truth: while `mkdocs serve` runs, pages say what is wrong
with the data; builds leave no temporary files behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request

import pytest
from bs4 import BeautifulSoup
from sitebuild import run_build
from test_editing import free_port, wait_for

from labsite import scratch
from labsite.errors import DataError
from labsite.render.problems import MOST, banner

BROKEN_PERSON = "  - name: Broken <Person>\n    level: wizard\n    topic: T\n    start: 2024\n"


def soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def test_the_banner_lists_errors_before_warnings_each_at_its_place():
    shown = soup(banner([DataError("bib/a.bib", 9, "odd <month>", warning=True),
                         DataError("docs/data/people.yml", 3, "bad <level>", field="people[0].level")]))
    alert = shown.select_one("[role=alert]")
    assert "failure" in alert["class"] and alert.has_attr("data-search-exclude")
    assert alert.select_one(".admonition-title").get_text().startswith("The data has 1 error and 1 warning")
    assert [li.get_text(" ", strip=True) for li in alert.select("li")] == [
        "Error docs/data/people.yml:3: people[0].level: bad <level>", "Warning bib/a.bib:9: odd <month>"]


def test_warnings_alone_make_a_quieter_banner_and_no_problems_none():
    assert "warning" in soup(banner([DataError("bib/a.bib", 9, "odd", warning=True)])).div["class"]
    assert banner([]) == ""


def test_a_long_list_is_cut_with_a_pointer_to_the_terminal():
    shown = soup(banner([DataError("bib/a.bib", n, "odd", warning=True) for n in range(MOST + 5)]))
    assert len(shown.select("li")) == MOST and "… and 5 more" in shown.get_text()


def test_the_scratch_folder_is_made_once_and_removed(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    scratch.remove()
    made = scratch.folder()
    assert made.parent == tmp_path and scratch.folder() == made and oct(made.stat().st_mode)[-3:] == "700"
    scratch.remove()
    assert not made.exists() and list(tmp_path.iterdir()) == []


def test_a_build_leaves_no_temporary_folder_behind_even_when_it_fails(project, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    result, site = run_build(project, env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr
    assert "lab-problems" not in (site / "index.html").read_text(encoding="utf-8")  # never in a build
    people = project / "docs" / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + BROKEN_PERSON, encoding="utf-8")
    result, site = run_build(project, env={"TMPDIR": str(temp)})
    assert result.returncode == 1 and "lab-problems" not in (site / "index.html").read_text(encoding="utf-8")
    assert list(temp.iterdir()) == []


@pytest.mark.browser
def test_served_pages_show_what_is_wrong_until_it_is_fixed(project, browser, tmp_path):
    people = project / "docs" / "data" / "people.yml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good + BROKEN_PERSON, encoding="utf-8")
    line = (good + BROKEN_PERSON).splitlines().index("    level: wizard") + 1
    temp = tmp_path / "temp"
    temp.mkdir()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)},
                              # Started in the background, the tests' shell ignores Ctrl-C, and the server
                              # would inherit that: it hears SIGINT again, as the owner's terminal sends it.
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    address = f"http://127.0.0.1:{port}/team/"
    page = browser.new_page()
    try:
        wait_for(lambda: "lab-problems" in urllib.request.urlopen(address, timeout=5).read().decode(), 90,
                 "the first build")
        page.goto(address)
        alert = page.locator(".lab-problems")
        assert alert.is_visible()
        assert f"docs/data/people.yml:{line}:" in alert.inner_text() and "wizard" in alert.inner_text()
        assert page.locator(".lab-person", has_text="Broken <Person>").count() == 0  # the item is left out
        people.write_text(good, encoding="utf-8")
        wait_for(lambda: "lab-problems" not in urllib.request.urlopen(address, timeout=5).read().decode(), 90,
                 "the rebuild after the fix")
    finally:
        page.close()
        server.send_signal(signal.SIGINT)  # Ctrl-C, as the owner stops it
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # never left running after the test, whatever it says
            server.kill()
            server.wait()
            raise
    assert list(temp.iterdir()) == []  # every rebuild used one folder, removed at shutdown
