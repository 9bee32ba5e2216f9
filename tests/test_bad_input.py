"""Each kind of mistake stops `mkdocs build` with one line naming file, line and problem.

The build still writes every page, with everything but the broken item, so a
`mkdocs serve` session keeps showing the rest of the site.
"""

from __future__ import annotations

import re

import pytest
from sitebuild import run_build

GOOD_ENTRY = "lovelace2024layerwise"  # a paper of the example site (tests/example/)


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(path, needle):
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


BIB = "bib/publications.bib"

CASES = {
    "malformed BibTeX entry": (
        lambda p: append(p / BIB, "\n@inproceedings{broken2024,\n  title = {A}\n  year = {1999}\n}\n"),
        BIB, "year = {1999}", r"broken2024: syntax error: '}' expected \(is a comma missing"),
    "duplicate citation key": (
        lambda p: append(p / BIB, "\n@misc{lovelace2024layerwise,\n  author = {Lovelace, Ada},\n  title = {Again},\n"
                                   "  year = {2024}\n}\n"),
        BIB, "@misc{lovelace2024layerwise",
        r"lovelace2024layerwise: duplicate citation key \(first defined at line \d+\)"),
    "YAML syntax error": (
        lambda p: replace(p / "docs/data/talks.yml", "  - year: 2021\n", "  - year: [2021\n"),
        # PyYAML notices the unclosed list on the next line, and says where the list starts.
        "docs/data/talks.yml", "Programs for engines that learn", r"YAML syntax error: .*flow sequence that starts at line"),
    "YAML missing required field": (
        lambda p: replace(p / "docs/data/people.yml", "    institution: University of Ravensworth\n    start: 2024\n",
                          "    institution: University of Ravensworth\n"),
        "docs/data/people.yml", "name: Tomás Rivera", r"people\[2\]: missing required field 'start'"),
    "YAML wrong type": (
        lambda p: replace(p / "docs/data/talks.yml", "year: 2022", "year: twenty-two"),
        "docs/data/talks.yml", "twenty-two", r"talks\[3\]\.year: expected a whole number, got 'twenty-two'"),
    "YAML unknown key": (
        lambda p: replace(p / "docs/data/teaching.yml", "    years: [2020, 2021, 2022]", "    yaers: [2020]"),
        "docs/data/teaching.yml", "yaers", r"unknown key 'yaers', did you mean 'years'\?"),
    "citation of an unknown key": (
        lambda p: replace(p / "docs/research.md", "[@lovelace2024layerwise]", "[@lovelace2024layerwse]"),
        "docs/research.md", "[@lovelace2024layerwse]",
        r"cites unknown key 'lovelace2024layerwse', did you mean 'lovelace2024layerwise'\?"),
    "cited entry that is broken": (
        lambda p: replace(p / BIB, "  title        = {Dynamic Sparsity Learns Channels},\n", ""),
        BIB, "@inproceedings{okafor2023channels", r"okafor2023channels: missing required field 'title'"),
    "YAML date not in the calendar": (
        lambda p: (p / "docs/data/news.yml").write_text("news:\n  - date: 2023-02-31\n    text: Hi\n"),
        "docs/data/news.yml", "2023-02-31", r"news\[0\]\.date: expected a date .*not in the calendar"),
    "YAML deadline not in the calendar, quoted": (
        lambda p: replace(p / "docs/data/positions.yml", "    deadline: 2099-01-31", "    deadline: '2099-02-30'"),
        "docs/data/positions.yml", "2099-02-30", r"positions\[0\]\.deadline: expected a date"),
    "YAML value with a tag it cannot build": (
        lambda p: replace(p / "docs/data/talks.yml", "  - year: 2024\n", "  - year: !!float x\n"),
        "docs/data/talks.yml", "!!float x", r"YAML error: cannot read this value"),
    "YAML alias inside itself": (
        lambda p: (p / "docs/data/news.yml").write_text("news: &a [*a]\n"),
        "docs/data/news.yml", "news: &a", r"the alias \*a stands inside the very value it names"),
    "a name that is not one, in people.yml": (
        lambda p: replace(p / "docs/data/people.yml", "  - name: Mei Tanaka\n", "  - name: Tanaka, Mei, Jr, X\n"),
        "docs/data/people.yml", "Tanaka, Mei, Jr, X", r"people\[3\]: cannot be used, left out: .*Too many commas"),
    "unknown directive": (
        lambda p: append(p / "docs/team.md", "\n[% pepole %]\n"),
        "docs/team.md", "[% pepole %]", r"unknown directive 'pepole'"),
    "unknown directive option": (
        lambda p: append(p / "docs/talks.md", "\n[% talks colour=red %]\n"),
        "docs/talks.md", "colour=red", r"directive 'talks': unknown option 'colour=red'"),
}


# Mistakes that leave the item usable: the item is shown without the bad value, the
# build passes, and only a strict build fails (as MkDocs does for its own warnings).
WARNING_CASES = {
    "BibTeX year that is not a number": (
        lambda p: append(p / BIB, "\n@article{badyear,\n  author = {Lovelace, Ada},\n  title = {Bad Year},\n"
                                   "  journal = {J},\n  year = {twenty}\n}\n"),
        BIB, "@article{badyear", r"badyear\.year: 'twenty' is not a year: the paper is listed under Undated",
        "publications/badyear/"),
    "BibTeX entry without a year": (
        lambda p: append(p / BIB, "\n@article{noyear,\n  author = {Lovelace, Ada},\n  title = {No Year},\n"
                                   "  journal = {J},\n  yaer = {2020}\n}\n"),
        BIB, "@article{noyear", r"noyear\.year: no year: the paper is listed under Undated", "publications/noyear/"),
    "BibTeX year in digits that are not ASCII": (
        lambda p: append(p / BIB, "\n@article{superyear,\n  author = {Lovelace, Ada},\n  title = {Super Year},\n"
                                   "  journal = {J},\n  year = {²⁰²⁴}\n}\n"),
        BIB, "@article{superyear", r"superyear\.year: '²⁰²⁴' is not a year", "publications/superyear/"),
    "BibTeX PDF outside the docs folder": (
        lambda p: append(p / BIB, "\n@misc{outside2024,\n  author = {Lovelace, Ada},\n  title = {Outside},\n"
                                   "  year = {2024},\n  pdf = {../mkdocs.yml}\n}\n"),
        BIB, "@misc{outside2024", r"outside2024\.pdf: '\.\./mkdocs\.yml' leaves the docs folder: link left out",
        "publications/outside2024/"),
    "BibTeX PDF that is not in docs/assets/pdf": (
        lambda p: append(p / BIB, "\n@misc{nofile2024,\n  author = {Lovelace, Ada},\n  title = {No File},\n"
                                   "  year = {2024},\n  pdf = {nofile.pdf}\n}\n"),
        BIB, "@misc{nofile2024", r"nofile2024\.pdf: no file docs/assets/pdf/nofile\.pdf: link left out",
        "publications/nofile2024/"),
    "BibTeX string name that is not defined": (
        lambda p: append(p / BIB, "\n@misc{macro2024,\n  author = {Lovelace, Ada},\n  title = {Macro},\n"
                                   "  year = {2024},\n  bibtex_show = true\n}\n"),
        BIB, "@misc{macro2024", r"macro2024\.bibtex_show: 'true' is not a defined @string name",
        "publications/macro2024/"),
    "paper whose page address a page already has": (
        lambda p: (p / "docs/publications").mkdir() or (p / "docs/publications/lovelace2024small.md").write_text("# Mine\n"),
        BIB, "@inproceedings{lovelace2024small",
        r"lovelace2024small: its page address publications/lovelace2024small/ belongs to a page",
        "publications/lovelace2024small/"),
}


@pytest.mark.parametrize("case", WARNING_CASES, ids=list(WARNING_CASES))
def test_a_mistake_that_leaves_the_item_usable_is_a_warning(project, case):
    break_it, file, needle, message, page = WARNING_CASES[case]
    break_it(project)
    result, site = run_build(project, strict=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    warnings = [entry for entry in result.stderr.splitlines() if entry.startswith("WARNING")]
    assert len(warnings) == 1, result.stderr
    assert re.search(rf"{re.escape(file)}:{line_of(project / file, needle)}: .*{message}", warnings[0]), warnings[0]
    assert (site / page / "index.html").is_file()
    assert run_build(project, strict=True)[0].returncode != 0


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_fails_the_build_with_file_and_line(project, case):
    break_it, file, needle, message = CASES[case]
    break_it(project)
    result, site = run_build(project, strict=False)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    line = line_of(project / file, needle)
    errors = [entry for entry in result.stderr.splitlines() if entry.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    assert re.search(rf"{re.escape(file)}:{line}(:\d+)?: .*{message}", errors[0]), errors[0]
    # Everything else was still built.
    assert GOOD_ENTRY in (site / "publications" / "index.html").read_text(encoding="utf-8")
    assert "Grace Okafor" in (site / "team" / "index.html").read_text(encoding="utf-8")


def test_strict_build_fails_on_the_same_mistakes(project):
    CASES["YAML wrong type"][0](project)
    result, _ = run_build(project, strict=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_a_bad_setting_in_mkdocs_yml_stops_the_build_in_one_line(project):
    replace(project / "mkdocs.yml", "max_authors: 10", "max_authors: 0")
    result, _ = run_build(project, strict=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    # MkDocs prints an abort on standard output.
    assert "mkdocs.yml: extra.lab.max_authors: expected a positive whole number, got 0" in result.stdout
