"""Cross-references: what a data file names in another file, or in the site, must exist.

A small made-up site of its own, so that each reference can be made stale by one edit.
"""

from __future__ import annotations

import pytest
import yaml
from sitebuild import run_build

from labsite import site, xrefs

FILES = {
    "bib/papers.bib": """\
@inproceedings{lovelace2024engines,
  author = {Ada Lovelace and Charles Babbage},
  title = {Sparse Analytical Engines},
  booktitle = {Proceedings of the Engine Conference},
  year = {2024},
  keywords = {sparse-engines},
}
""",
    "docs/research.md": """\
---
title: Research
---

# Research

## Sparse engines

Engines that skip most of their gears.

## Punched cards { #cards }
""",
    "docs/assets/ada.jpg": "",
    "docs/assets/people/charles.jpg": "",
    "docs/assets/cv.pdf": "",
    "docs/data/profile.yml": """\
name: Ada Lovelace
author_names: [A. Lovelace]
position: Professor
institution: University of Example
photo: assets/ada.jpg
cv_pdf: assets/cv.pdf
""",
    "docs/data/people.yml": """\
people:
  - name: Charles Babbage
    level: phd
    topic: Engines
    start: 2023
    author_names: [C. Babbage]
    photo: assets/people/charles.jpg
""",
    "docs/data/themes.yml": """\
themes:
  - title: Sparse engines
    summary: Engines that skip most of their gears.
    topic: sparse-engines
    section: sparse-engines
  - title: Punched cards
    summary: Programs on cards.
    topic: sparse-engines
    section: cards
topics:
  - topic: sparse-engines
    title: Sparse engines, again
""",
    "docs/data/awards.yml": """\
awards:
  - title: Best Paper Award
    event: Engine Conference 2024
    date: 2024-06
    paper: lovelace2024engines
""",
    "docs/data/news.yml": """\
news:
  - date: 2024-06-01
    text: Our engines paper is out.
    paper: lovelace2024engines
""",
}


def make(tmp_path, path="", old="", new=""):
    """The made-up site in ``tmp_path``, with ``old`` replaced by ``new`` in the file at ``path``."""
    for name, text in FILES.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == path:
            assert old in text
            text = text.replace(old, new)
        target.write_text(text, encoding="utf-8")
    return tmp_path


def load(project, docs=True):
    return site.load(project, project / "docs" / "data", [project / "bib" / "papers.bib"],
                     docs_dir=project / "docs" if docs else None)


def line_of(project, path, text):
    return (project / path).read_text(encoding="utf-8").splitlines().index(text) + 1


def test_references_that_exist_give_no_message(tmp_path):
    data, errors = load(make(tmp_path))
    assert errors == []
    assert len(data.themes) == 2 and len(data.publications) == 1


STALE = [  # file, line as written, line made stale, field, message
    ("themes.yml", "    topic: sparse-engines\n    section: sparse-engines", "    topic: sparse-engins\n"
     "    section: sparse-engines", "themes[0].topic",
     "no paper has the topic 'sparse-engins' in its keywords, did you mean 'sparse-engines'?"),
    ("themes.yml", "  - topic: sparse-engines\n    title", "  - topic: sparse-engine\n    title", "topics[0].topic",
     "no paper has the topic 'sparse-engine' in its keywords, did you mean 'sparse-engines'?"),
    ("themes.yml", "    section: sparse-engines", "    section: sparse-engine", "themes[0].section",
     "no heading of docs/research.md has the id 'sparse-engine', did you mean 'sparse-engines'?"),
    ("themes.yml", "    section: cards", "    section: punched-cards", "themes[1].section",
     "no heading of docs/research.md has the id 'punched-cards' (known: cards, research, sparse-engines)"),
    ("awards.yml", "    paper: lovelace2024engines", "    paper: lovelace2024engine", "awards[0].paper",
     "no publication has the key 'lovelace2024engine', did you mean 'lovelace2024engines'?"),
    ("news.yml", "    paper: lovelace2024engines", "    paper: Lovelace2024-engines", "news[0].paper",
     "no publication has the key 'Lovelace2024-engines', did you mean 'lovelace2024engines'?"),
    ("people.yml", "    author_names: [C. Babbage]", "    author_names: [C. Babage]", "people[0].author_names[0]",
     "no paper has the author 'C. Babage', did you mean 'Charles Babbage'?"),
    ("profile.yml", "author_names: [A. Lovelace]", "author_names: [A. Lovelance]", "author_names[0]",
     "no paper has the author 'A. Lovelance', did you mean 'Ada Lovelace'?"),
    ("people.yml", "    photo: assets/people/charles.jpg", "    photo: assets/people/charles.jpeg", "people[0].photo",
     "no file docs/assets/people/charles.jpeg, did you mean 'assets/people/charles.jpg'?"),
    ("profile.yml", "photo: assets/ada.jpg", "photo: /assets/ada.png", "photo",
     "no file docs/assets/ada.png, did you mean 'assets/ada.jpg'?"),
    ("profile.yml", "cv_pdf: assets/cv.pdf", "cv_pdf: assets/CV-2024.pdf", "cv_pdf",
     "no file docs/assets/CV-2024.pdf, did you mean 'assets/cv.pdf'?"),
    ("profile.yml", "photo: assets/ada.jpg", "photo: ../../ada.jpg", "photo", "'../../ada.jpg' leaves the docs folder"),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "message"), STALE, ids=[case[3] for case in STALE])
def test_a_stale_reference_is_a_warning_at_its_line_with_a_suggestion(tmp_path, name, old, new, field, message):
    project = make(tmp_path, f"docs/data/{name}", old, new)
    data, [error] = load(project)
    line = line_of(project, f"docs/data/{name}", new.splitlines()[0])
    assert error.warning  # the item stays on the site: only --strict fails
    assert str(error) == f"docs/data/{name}:{line}:{error.column}: {field}: {message}"
    assert data.themes and data.awards and data.news and data.members  # nothing was left out


def test_sections_are_the_ids_that_the_sites_own_markdown_settings_make():
    source = "---\ntitle: A heading? No: front matter\n---\n\n## Sparse engines\n\n## Sparse engines\n"
    assert xrefs.page_ids(source) == {"sparse-engines", "sparse-engines_1"}
    settings = {"extensions": ["toc"], "extension_configs": {"toc": {"separator": "_"}}}
    assert xrefs.page_ids(source, settings) == {"sparse_engines", "sparse_engines_1"}


def test_without_a_research_page_every_theme_says_where_its_link_leads(tmp_path):
    project = make(tmp_path)
    (project / "docs" / "research.md").unlink()
    _, errors = load(project)
    assert [(e.field, e.message, e.warning) for e in errors] == [
        (f"themes[{index}].section", "the theme links to docs/research.md, which does not exist", True)
        for index in range(2)]


def test_without_a_docs_folder_only_the_data_is_compared(tmp_path):
    project = make(tmp_path, "docs/data/themes.yml", "section: cards", "section: nowhere")
    assert load(project, docs=False)[1] == []


def test_a_paper_left_out_for_its_own_errors_is_reported_once(tmp_path):
    project = make(tmp_path)
    bib = project / "bib" / "papers.bib"
    bib.write_text(bib.read_text() + "@article{broken2024,\n  author = {Ada Lovelace},\n  year = {2024}\n}\n",
                   encoding="utf-8")  # no title: left out, with an error of its own
    awards = project / "docs" / "data" / "awards.yml"
    awards.write_text(awards.read_text().replace("lovelace2024engines", "broken2024"), encoding="utf-8")
    _, [error] = load(project)
    assert error.path == "bib/papers.bib" and error.message == "missing required field 'title'"


def test_a_cv_given_as_an_address_is_not_looked_for_in_the_docs_folder(tmp_path):
    project = make(tmp_path, "docs/data/profile.yml", "cv_pdf: assets/cv.pdf", "cv_pdf: https://example.org/cv.pdf")
    assert load(project)[1] == []


def test_a_stale_theme_section_fails_a_strict_build_at_its_line(project):
    themes = project / "docs" / "data" / "themes.yml"
    data = yaml.safe_load(themes.read_text(encoding="utf-8"))
    data["themes"][0]["section"] = "no-such-heading-anywhere"
    themes.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    line = line_of(project, "docs/data/themes.yml", "  section: no-such-heading-anywhere")

    strict, _ = run_build(project)
    assert strict.returncode != 0
    assert f"docs/data/themes.yml:{line}:3: themes[0].section: no heading of docs/research.md has the id " \
           "'no-such-heading-anywhere'" in strict.stderr
    relaxed, _ = run_build(project, strict=False)
    assert relaxed.returncode == 0, relaxed.stderr


def test_a_missing_picture_is_dropped_so_the_initials_show_instead_of_a_broken_image(tmp_path):
    project = make(tmp_path, "docs/data/people.yml", "    photo: assets/people/charles.jpg",
                   "    photo: assets/people/charles.jpeg")
    (project / "docs" / "assets" / "cv.pdf").unlink()
    data, errors = load(project)
    assert sorted(e.field for e in errors) == ["cv_pdf", "people[0].photo"] and all(e.warning for e in errors)
    assert data.members[0].photo == "" and data.profile.cv_pdf == ""
    assert data.profile.photo == "assets/ada.jpg"  # the file is there: kept
