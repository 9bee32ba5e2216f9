"""A bounded run of the data fuzzer (tests/fuzz.py), and proof that it can fail."""

from __future__ import annotations

import random

import fuzz
from labsite import bibliography, publications
from labsite.errors import DataError

# About 0.15 s a mutation on this machine: a fixed budget that CI runs in well under a minute.
RUNS = 150


def test_mutated_data_never_crashes_misplaces_an_error_or_renders_script():
    assert fuzz.run(seed=20261126, runs=RUNS) == []


def test_mutations_are_reproducible_from_the_seed():
    text = (fuzz.EXAMPLE / "docs" / "data" / "people.yml").read_text(encoding="utf-8")
    assert fuzz.mutate(text, random.Random(5)) == fuzz.mutate(text, random.Random(5)) != text


def test_the_checks_catch_script_a_crash_and_a_misplaced_error(tmp_path, monkeypatch):
    site = fuzz.Site(tmp_path)
    pages = {"index.md": '<p class="x" onclick="alert(1)">x</p><a href="java&#10;script:alert(1)">y</a>'}
    errors = [DataError("docs/data/nowhere.yml", 1, "x"), DataError("docs/data/news.yml", 10_000, "x")]
    problems = fuzz.problems_of(site, pages, errors)
    assert len(problems) == 4 and "onclick" in problems[2] and "javascript" in problems[3]

    def crash(*args, **kwargs):
        raise RuntimeError("a traceback")

    monkeypatch.setattr(fuzz, "load", crash)
    [where, problem] = fuzz.run(seed=1, runs=1)
    assert where.startswith("seed 1, run 0") and "RuntimeError: a traceback" in problem


def test_mutated_real_bibliographies_never_raise_and_blame_their_own_lines():
    rng = random.Random(2026)
    for path in sorted((fuzz.ROOT / "tests" / "fixtures" / "real").glob("*.bib")):
        original = path.read_text(encoding="utf-8")
        for _ in range(150):
            text = fuzz.mutate(original, rng)
            bib = bibliography.parse(text, "bib/x.bib")
            papers, problems = publications.from_entries(bib.entries)
            lines = text.count("\n") + 1
            assert all(e.path == "bib/x.bib" and (e.line is None or 1 <= e.line <= lines) for e in bib.errors + problems)
            assert len(papers) <= len(bib.entries)
