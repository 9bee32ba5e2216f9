"""``mkdocs serve --dirty``: after each edit, the rebuilt site is, file for file, the site
that a clean build of the same sources makes, and only the pages the edit touches are
written again.

One serving process (``tests/servelike.py --dirty``) goes through the edits in order,
as an owner would, and a second one beside it without ``--dirty`` (a full rebuild after
each edit). After each edit, the first's site is compared with the second's, and with
the site a fresh process builds from the same sources into an empty folder. (One edit
leaves a data file unreadable: serving goes on showing its last good content, which a
fresh build cannot know; there, only the two serving processes are compared.) The edits cover every data file,
BibTeX entries (a title, a member's authorship, a paper added, renamed and taken out,
an entry broken and mended), pages (edited, added, removed), a data file that cannot be
read and its repair, and ``mkdocs.yml``.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import BUILD_DATE, ROOT, copy_project, files_of

SERVELIKE = [sys.executable, str(ROOT / "tests" / "servelike.py")]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(BUILD_DATE.timestamp()))}
PAPER_PAGES = "publications/"
UNREADABLE = "people.yml: cannot be read"

NEW_PAPER = """
@inproceedings{moreno2025attention,
  author    = {Moreno, Isabel and Lovelace, Ada},
  title     = {Attention That Reads Only What It Needs},
  booktitle = {Proceedings of the 42nd International Conference on Machine Learning},
  year      = {2025},
  abbr      = {ICML},
  keywords  = {pruning}
}
"""


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def data(name: str) -> str:
    return f"docs/data/{name}.yml"


# Each edit: its name, the file it edits, and what it does to it (old text -> new text, or a function).
EDITS = [
    ("nothing changes (a file saved as it was)", data("talks"), lambda p: p.write_bytes(p.read_bytes())),
    ("talks.yml: a talk's title", data("talks"), ("How sparse can a language model be?", "How sparse can a model be?")),
    ("bib: a paper's title", "bib/publications.bib",
     ("Small Weights Matter for Hard Tasks", "Small Weights Matter for the Hardest Tasks")),
    ("bib: a group member no longer an author", "bib/publications.bib",
     ("{Raman, Priya and Okafor, Grace and Lovelace, A.}", "{Raman, Priya and Lovelace, A.}")),
    ("bib: a paper added", "bib/publications.bib", lambda p: append(p, NEW_PAPER)),
    ("bib: a paper's key renamed", "bib/publications.bib", ("{rivera2025lowrank,", "{rivera2025budget,")),
    ("bib: a paper taken out", "bib/publications.bib", lambda p: replace(p, NEW_PAPER, "")),
    ("bib: an entry broken (no title)", "bib/publications.bib",
     ("  title        = {Dynamic Sparsity Learns Channels},\n", "")),
    ("bib: the entry mended", "bib/publications.bib",
     ("  author       = {Okafor, Grace and Lovelace, Ada and Fischer, Lena and Babbage, Charles},\n",
      "  author       = {Okafor, Grace and Lovelace, Ada and Fischer, Lena and Babbage, Charles},\n"
      "  title        = {Dynamic Sparsity Learns Channels},\n")),
    ("people.yml: a member's name", data("people"), ("- name: Isabel Moreno\n", "- name: Isabel Moreno Díaz\n")),
    (UNREADABLE, data("people"), ("people:\n", "people: [\n")),
    ("people.yml: mended", data("people"), ("people: [\n", "people:\n")),
    ("profile.yml: the position", data("profile"), ("position: Reader in Computing", "position: Professor of Computing")),
    ("awards.yml", data("awards"), ("Early Career Prize", "Early Career Medal")),
    ("education.yml", data("education"), ("MSc in Mathematics", "MSc in Applied Mathematics")),
    ("experience.yml", data("experience"), ("role: Research Intern", "role: Research Assistant")),
    ("grants.yml", data("grants"), ("amount: 452000", "amount: 462000")),
    ("news.yml", data("news"), ("Oliver Brandt joins the group", "Oliver Brandt joins us")),
    ("positions.yml", data("positions"), ("fully funded, 3.5 years", "fully funded, 4 years")),
    ("service.yml", data("service"), ("conferences: [ICML, ICLR]", "conferences: [ICML, ICLR, COLT]")),
    ("teaching.yml", data("teaching"), ("years: [2024]", "years: [2024, 2025]")),
    ("themes.yml", data("themes"), ("title: Sparse training", "title: Sparse training from scratch")),
    ("venues.yml", data("venues"), ("name: Symposium on Numerical Engines, rank: C",
                                    "name: Symposium on Numerical Engines, rank: B")),
    ("a page edited", "docs/research.md", lambda p: append(p, "\nOne more paragraph, citing [@lovelace2024small].\n")),
    # A page's own problem is listed on every served page, kept ones too.
    ("a page with a directive it cannot draw", "docs/research.md", lambda p: append(p, "\n[% nosuchthing %]\n")),
    ("another page edited while the problem stands", "docs/team.md", lambda p: append(p, "\nOne more line.\n")),
    ("the problem fixed", "docs/research.md", ("\n[% nosuchthing %]\n", "")),
    ("a draft edited", "docs/drafts/wip.md", lambda p: append(p, "\nMore to come.\n")),
    ("a page added", "docs/extra.md", lambda p: p.write_text("# Extra\n\n[% talks %]\n", encoding="utf-8")),
    ("the page removed", "docs/extra.md", lambda p: p.unlink()),
    ("a heading that the navigation shows", "docs/grants.md", ("# Grants and funding", "# Funding")),
    ("front matter that the navigation shows", "docs/teaching.md", ("icon: material/school", "icon: material/book")),
    ("mkdocs.yml: authors shown before 'and N more'", "mkdocs.yml", ("max_authors: 10", "max_authors: 5")),
]


class Served:
    """``tests/servelike.py`` on a project: rebuild() is what saving a file sets off."""

    def __init__(self, project: Path, site: Path, log: Path, *options: str) -> None:
        self.site = site
        self._log = log.open("w")
        self._process = subprocess.Popen([*SERVELIKE, str(project), str(site), *options], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._log, text=True, env=ENV)
        self._answer()

    def rebuild(self) -> None:
        self._process.stdin.write("\n")
        self._process.stdin.flush()
        self._answer()

    def _answer(self) -> None:
        answer = self._process.stdout.readline().strip()
        assert answer == "built", f"the serving process answered {answer!r}"

    def stop(self) -> None:
        self._process.stdin.close()
        self._process.wait(timeout=60)
        self._log.close()


def clean_build(project: Path, site: Path) -> Path:
    """The site that a first build of ``project`` under `mkdocs serve` writes, from scratch."""
    done = subprocess.run([*SERVELIKE, str(project), str(site)], input="", capture_output=True, text=True, env=ENV)
    assert done.stdout.strip() == "built", done.stderr[-3000:]
    return site


def differences(rebuilt: Path, clean: Path) -> list[str]:
    """What differs between two sites, one line per file, with the first lines that differ."""
    ours, theirs = files_of(rebuilt), files_of(clean)
    found = [f"only after the rebuild: {path}" for path in sorted(ours.keys() - theirs.keys())]
    found += [f"only in the clean build: {path}" for path in sorted(theirs.keys() - ours.keys())]
    for path in sorted(ours.keys() & theirs.keys()):
        if ours[path] != theirs[path]:
            diff = difflib.unified_diff(theirs[path].decode(errors="replace").splitlines(),
                                        ours[path].decode(errors="replace").splitlines(), "clean", "rebuilt",
                                        n=0, lineterm="")
            found.append(f"differs: {path}\n" + "\n".join(list(diff)[2:8]))
    return found


def page_times(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("index.html")}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rebuilds")
    project = copy_project(folder / "project")
    # Other pages show a page's title and front matter in their navigation: one page here
    # is titled by its heading, and one has an icon.
    replace(project / "mkdocs.yml", "  - Grants: grants.md\n", "  - grants.md\n")
    replace(project / "docs" / "grants.md", "\n# Grants\n", "\n# Grants and funding\n")
    replace(project / "docs" / "teaching.md", "---\n", "---\nicon: material/school\n")
    # A draft: built by `mkdocs serve` only.
    append(project / "mkdocs.yml", "\ndraft_docs: |\n  drafts/\n")
    (project / "docs" / "drafts").mkdir()
    (project / "docs" / "drafts" / "wip.md").write_text("# Work in progress\n\n[% talks %]\n", encoding="utf-8")
    server = Served(project, folder / "served", folder / "serve.log", "--dirty")
    server.full = Served(project, folder / "full", folder / "full.log")
    server.project, server.folder, server.written = project, folder, {}
    yield server
    server.stop()
    server.full.stop()


@pytest.mark.parametrize("name, path, edit", EDITS, ids=[name for name, _, _ in EDITS])
def test_a_rebuild_makes_the_site_a_clean_build_makes(served, name, path, edit):
    before = page_times(served.site)
    target = served.project / path
    edit(target) if callable(edit) else replace(target, *edit)
    served.rebuild()
    served.full.rebuild()
    after = page_times(served.site)
    served.written[name] = {page for page, time in after.items() if before.get(page) != time}
    assert differences(served.site, served.full.site) == []
    if name != UNREADABLE:
        clean = clean_build(served.project, served.folder / f"clean-{EDITS.index((name, path, edit))}")
        assert differences(served.site, clean) == []


def test_the_search_index_is_whole_after_rebuilds(served):
    # The comparison above holds it byte for byte; here, that it is no trivial match.
    index = json.loads((served.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    assert "talks/" in locations and any(place.startswith(PAPER_PAGES) for place in locations)


def written(served, name: str) -> set[str]:
    if name not in served.written:
        pytest.fail(f"the edit {name!r} did not run")
    return served.written[name]


def paper_page(slug: str) -> str:
    return f"{PAPER_PAGES}{slug}/index.html"


def test_an_unchanged_file_writes_no_page(served):
    assert written(served, "nothing changes (a file saved as it was)") == set()


def test_a_data_edit_writes_only_the_pages_that_show_it(served):
    pages = written(served, "talks.yml: a talk's title")
    assert "talks/index.html" in pages
    assert not any(page.startswith(PAPER_PAGES) for page in pages), pages
    assert "publications/index.html" not in pages


def test_a_title_edit_writes_its_paper_the_lists_and_papers_that_relate_to_it(served):
    pages = written(served, "bib: a paper's title")
    assert {paper_page("lovelace2024small"), "publications/index.html"} <= pages
    assert paper_page("tanaka2024comparisons") not in pages  # another topic: its page shows nothing of it
    assert "talks/index.html" not in pages


def test_settings_write_every_page(served):
    pages = written(served, "mkdocs.yml: authors shown before 'and N more'")
    assert pages == set(page_times(served.site))
