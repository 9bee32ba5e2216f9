"""HTML validity: the Nu HTML Checker (npm vnu-jar, run with Java) over every built page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # a tool of tests/tools, run with Java

VNU = Path(__file__).parent / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that Material for MkDocs' own templates cause, on every page, none from our content:
# (start of the checker's message, a marker of Material's element in the extract, why).
MATERIAL_EXCEPTIONS = [
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"',
     "Material turns autocomplete off on its checkbox toggles so that browsers do not restore open drawers"),
    ("Attribute “autocorrect” not allowed on element “input”", 'class="md-search__input"',
     "Material's search box sets Safari's non-standard autocorrect attribute"),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     'for="__toc"', "Material's table-of-contents title points at its toggle, absent when a page has no contents"),
]


def is_known(message: dict) -> bool:
    return any(message["message"].startswith(start) and marker in message.get("extract", "")
               for start, marker, _ in MATERIAL_EXCEPTIONS)


def checker_errors(folder: Path) -> list[str]:
    """The Nu HTML Checker's errors over every page in ``folder``, less the known Material ones."""
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `npm ci --prefix tests/tools` (.ci/run does)")
    if shutil.which("java") is None:
        pytest.fail("java is missing: install it with `apt-get install default-jre-headless` (.ci/run does)")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(folder)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]  # fails unless the checker ran and answered
    return [f"{m['url'].split(str(folder))[-1]}:{m.get('lastLine')}: {m['message']} | {m.get('extract')}"
            for m in messages if not is_known(m)]


def test_every_page_is_valid_html_except_for_known_material_issues(example_site):
    assert checker_errors(example_site.folder) == []


def test_the_checker_catches_a_deliberately_broken_page(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><html lang=en><title>x</title><p><div>block in p</p>"
                                         '<a href="x" href="y">twice</a>')
    errors = checker_errors(tmp_path)
    assert errors and any("Duplicate attribute" in error for error in errors)
