"""``labsite add``: papers by DOI, arXiv id, .bib file and pasted BibTeX, answered by a local
server from recorded answers (tests/apiserver.py), into a copy of the example site."""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import sys

import pytest
from sitebuild import BuiltSite, copy_project, run_build, words

from labsite.adding import add
from labsite.scholarly import Client

BIB = "bib/publications.bib"
TODAY = datetime.date(2025, 6, 1)
SCHOLAR_EXPORT = """@inproceedings{lovelace2024layerwise,
  title={Layerwise sparsity for pruning language models to high sparsity},
  author={Lovelace, Ada and Okafor, Grace},
  booktitle={International Conference on Machine Learning},
  year={2024}
}

@article{osei2023tiny,
  title={Tiny {Engines} for {Edge} Devices},
  author={Osei, Samuel and Lovelace, Ada},
  journal={Transactions on Machine Learning Research},
  year={2023},
  keywords={pruning}
}
"""
PASTED = """@inproceedings{whatever2026,
  title = {Sparse Looms: Weaving Attention with Punched Cards},
  author = {<b>Lovelace, Ada</b> and Jacquard, Joseph},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2026},
  selected = {true}
}
"""


@pytest.fixture(scope="module")
def added(tmp_path_factory, services):
    """A copy of the example site after adding a paper of each source kind and upgrading a preprint,
    built strictly; with what each ``add`` printed."""
    project = copy_project(tmp_path_factory.mktemp("added"))
    (project / "scholar.bib").write_text(SCHOLAR_EXPORT, encoding="utf-8")
    runs = {
        "doi": add(project, ["https://doi.org/10.5555/frugal.2025.7"], today=TODAY),
        "arxiv": add(project, ["arXiv:2503.01234v2"], today=TODAY),
        "file": add(project, [str(project / "scholar.bib")], today=TODAY),
        "pasted": add(project, ["-"], stdin=io.StringIO(PASTED), today=TODAY),
        "upgrade": add(project, ["doi:10.5555/tmlr.2025.41"], today=TODAY),
    }
    result, folder = run_build(project)
    assert result.returncode == 0, result.stderr
    return project, runs, BuiltSite(folder, result.stderr)


def test_a_doi_becomes_an_entry_that_builds_strictly_with_venue_badge_rank_and_links(added):
    project, runs, site = added
    status, out, err = runs["doi"]
    assert status == 0 and err == [] and out[0] == (
        "Added lovelace2025calibrating to bib/publications.bib (from Crossref, DOI 10.5555/frugal.2025.7):")
    entry = site.content("publications/").find(id="lovelace2025calibrating")
    assert words(entry.select_one(".lab-pub__title")) == "Calibrating Sparse Engines: Layerwise Budgets for LLMs & Beyond"
    assert [words(b) for b in entry.select(".lab-badge")] == ["ICML 2025", "CORE2023 A*"]
    assert entry.find("a", string="DOI")["href"] == "https://doi.org/10.5555/frugal.2025.7"
    assert "Ada Lovelace, Mei Tanaka, Augustus De Morgan, The Frugal Engines Consortium" in words(entry)
    assert site.content("publications/lovelace2025calibrating/").h1 is not None


def test_an_arxiv_id_becomes_a_preprint_with_its_arxiv_pdf_and_code_links(added):
    _, runs, site = added
    assert runs["arxiv"][0] == 0
    entry = site.content("publications/").find(id="tanaka2025punched")
    assert entry["data-type"] == "Preprint"
    links = {words(a): a["href"] for a in entry.select("a.lab-pub__link")}
    assert links == {"PDF": "https://arxiv.org/pdf/2503.01234", "arXiv": "https://arxiv.org/abs/2503.01234",
                     "Code": "https://github.com/frugal-engines-example/punched-moe"}
    assert "Mei Tanaka, Ada Lovelace, Maurice van Keulen" in words(entry)


def test_a_bib_file_adds_what_is_new_and_leaves_out_what_the_site_has(added):
    project, runs, site = added
    status, out, err = runs["file"]
    assert status == 0 and out[0].startswith("Added osei2023tiny to bib/publications.bib (from BibTeX in scholar.bib)")
    [warning] = err
    assert warning.startswith("warning: BibTeX in scholar.bib: already on the site as lovelace2024layerwise "
                              "(bib/publications.bib:") and warning.endswith(", the same title); left out")
    entry = site.content("publications/").find(id="osei2023tiny")
    assert [words(b) for b in entry.select(".lab-badge")] == ["TMLR 2023"] and entry["data-topics"] == "pruning"


def test_pasted_bibtex_is_cleaned_given_a_key_of_its_own_and_keeps_the_sites_fields(added):
    project, runs, site = added
    assert runs["pasted"][0] == 0
    text = (project / BIB).read_text(encoding="utf-8")
    assert "@inproceedings{lovelace2026sparse," in text and "whatever2026" not in text and "<b>" not in text
    entry = site.content("publications/").find(id="lovelace2026sparse")
    assert [words(b) for b in entry.select(".lab-badge")] == ["NeurIPS 2026", "CORE2023 A*"]
    assert "lovelace2026sparse" in [li["id"] for li in site.content("").select("li.lab-pub")]  # selected


def test_a_preprint_on_the_site_gets_the_venue_its_doi_gives_keeping_its_key_and_fields(added):
    project, runs, site = added
    status, out, _ = runs["upgrade"]
    assert status == 0 and out[0].startswith("Published since: lovelace2025survey in bib/publications.bib")
    diff = "\n".join(out)
    assert "-@misc{lovelace2025survey," in diff and "+@article{lovelace2025survey," in diff
    assert "+  journal = {Transactions on Machine Learning Research}," in diff
    entry = site.content("publications/").find(id="lovelace2025survey")
    assert entry["data-type"] == "Journal article" and "TMLR 2025" in words(entry.select_one(".lab-pub__badges"))
    assert entry.find("a", string="Project page") is not None and "sparse-training" in entry["data-topics"]


def test_new_entries_go_where_the_files_order_puts_them_and_nothing_else_moves(added):
    project, _, _ = added
    before = (copy_project.__globals__["EXAMPLE"] / BIB).read_text(encoding="utf-8")
    after = (project / BIB).read_text(encoding="utf-8")
    keys = [line.split("{")[1].rstrip(",") for line in after.splitlines() if line.startswith("@") and "{" in line
            and not line.startswith("@string")]
    assert keys.index("lovelace2026sparse") == 0  # the file is newest first
    assert keys.index("lovelace2025calibrating") < keys.index("okafor2025sparse")
    assert keys.index("osei2023tiny") < keys.index("lovelace2023pools")
    # Take the added entries out again, and undo the upgrade: the rest is the file as it was.
    kept = after
    for key in ("lovelace2026sparse", "lovelace2025calibrating", "tanaka2025punched", "osei2023tiny"):
        start = kept.index(f"@{'misc' if key == 'tanaka2025punched' else 'article' if key == 'osei2023tiny' else 'inproceedings'}{{{key},")
        end = kept.index("\n}\n", start) + 3
        kept = kept[:start] + kept[end + 1:]
    assert kept.count("\n") > 100 and before.replace("@misc{lovelace2025survey,", "") in \
        kept.replace("@article{lovelace2025survey,", "").replace(
            "compute.},\n  journal = {Transactions on Machine Learning Research},\n  doi = {10.5555/tmlr.2025.41},\n"
            "  volume = {2025},\n  publisher = {OpenReview},\n  abbr = {TMLR},\n  sources = {venue from Crossref "
            "(api.crossref.org/works/10.5555/tmlr.2025.41), by labsite add}\n}", "compute.}\n}")


@pytest.fixture
def project(tmp_path, services):
    return copy_project(tmp_path)


@pytest.mark.parametrize("names", [["10.5555/frugal.2025.7"], ["arxiv.org/abs/2502.04321"],
                                   ["Frugal Engines: a survey of sparse computation in machine learning.bib"]],
                         ids=["same DOI twice", "an arXiv id already there", "the same title"])
def test_a_paper_already_on_the_site_is_refused_naming_the_entry(project, names):
    if names[0].endswith(".bib"):  # a file whose one entry has a title the site has, written otherwise
        path = project / "again.bib"
        path.write_text("@misc{x, title = {FRUGAL engines: a Survey of Sparse Computation in Machine Learning!}}\n",
                        encoding="utf-8")
        names = [str(path)]
    elif names[0].startswith("10."):
        assert add(project, names, today=TODAY)[0] == 0
    before = (project / BIB).read_bytes()
    status, out, err = add(project, names, today=TODAY)
    if names[0].endswith(".bib"):  # in a file, a duplicate is left out, and said so
        assert status == 0 and out == ["Nothing to add."] and "already on the site as lovelace2025survey" in err[0]
    else:
        assert status == 1 and out == [] and len(err) == 1
        assert "already on the site as" in err[0] and err[0].endswith("(nothing was written)")
    assert (project / BIB).read_bytes() == before


def test_a_dry_run_prints_the_entry_and_writes_nothing(project):
    before = (project / BIB).read_bytes()
    status, out, _ = add(project, ["2503.01234"], dry_run=True, today=TODAY)
    assert status == 0 and out[0].startswith("Would add tanaka2025punched") and out[1].startswith("@misc{")
    assert (project / BIB).read_bytes() == before


FAILURES = [  # what is asked, and the line that says why nothing was written
    ("10.5555/nothing", "Crossref does not know the DOI 10.5555/nothing (404 Not Found)"),
    ("9999.99999", "arXiv has no paper 9999.99999"),
    ("10.5555/busy", "Crossref is limiting requests (429) and still was after 4 tries; try again later"),
    ("10.5555/broken", "Crossref's answer for 10.5555/broken is not a work record this command can read"),
    ("10.5555/server-error", "Crossref answered 500 Internal Server Error"),
    ("not-an-identifier", "'not-an-identifier' is not a DOI (10.…), an arXiv id (2412.13795), a .bib file or -"),
]


@pytest.mark.parametrize("name, message", FAILURES, ids=[case[0] for case in FAILURES])
def test_each_failure_is_one_line_a_status_of_one_and_an_unchanged_file(project, name, message):
    before = (project / BIB).read_bytes()
    waits = []
    status, out, err = add(project, ["10.5555/frugal.2025.7", name], today=TODAY,
                           client=Client(sleep=waits.append))
    assert status == 1 and out == []
    assert err == [f"labsite add: {name}: {message} (nothing was written)"] or \
        (name == "not-an-identifier" and err[0].startswith(f"labsite add: {name}: {message}"))
    assert (project / BIB).read_bytes() == before  # the good DOI beside it is not written either
    if name == "10.5555/busy":
        assert waits == [0.0, 0.0, 0.0]  # as Retry-After asked, three times


def test_rate_limiting_once_is_waited_out(project, services):
    waits = []
    status, out, _ = add(project, ["10.5555/busy-once"], today=TODAY, client=Client(sleep=waits.append))
    assert status == 0 and waits == [0.0] and out[0].startswith("Added lovelace2025calibrating")


def test_a_timeout_and_no_network_are_one_line_each(project, monkeypatch):
    before = (project / BIB).read_bytes()
    status, _, err = add(project, ["10.5555/slow"], today=TODAY, client=Client(timeout=(2, 0.5)))
    assert (status, err) == (1, ["labsite add: 10.5555/slow: Crossref did not answer within 0.5 seconds; "
                                 "try again later (nothing was written)"])
    monkeypatch.setenv("LABSITE_ARXIV_URL", "http://127.0.0.1:9/arxiv")  # the discard port: nothing listens
    status, _, err = add(project, ["2503.01234"], today=TODAY)
    assert (status, err) == (1, ["labsite add: 2503.01234: cannot reach arXiv at 127.0.0.1:9: is there a network? "
                                 "(nothing was written)"])
    assert (project / BIB).read_bytes() == before


def test_the_command_line_adds_and_fails_in_one_line_without_a_traceback(project, services):
    command = [sys.executable, "-m", "labsite", "add", "--site", str(project)]
    env = dict(os.environ)  # pointing at the local services
    done = subprocess.run([*command, "10.5555/frugal.2025.7"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("Added lovelace2025calibrating"), done.stderr
    done = subprocess.run([*command, "10.5555/frugal.2025.7"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1 and done.stdout == "" and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr
    done = subprocess.run([*command, "-"], input=PASTED, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and "lovelace2026sparse" in done.stdout


def test_a_file_that_cannot_be_written_is_one_line_and_kept_whole(project, monkeypatch):
    from labsite import bibedit

    before = (project / BIB).read_bytes()

    def refused(path, text):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(bibedit, "write", refused)
    status, out, err = add(project, ["10.5555/frugal.2025.7"], today=TODAY)
    assert (status, out, err) == (1, [], ["labsite add: cannot write bib/publications.bib: Permission denied"])
    assert (project / BIB).read_bytes() == before


def test_a_target_file_that_is_not_utf8_is_refused_in_one_line(project):
    latin = project / "bib" / "latin.bib"
    latin.write_bytes("@misc{m, title = {J\xfcrgen}}\n".encode("latin-1"))
    status, _, err = add(project, ["10.5555/frugal.2025.7"], to=latin, today=TODAY)
    assert status == 1 and len(err) == 1 and "cannot be read as UTF-8 text" in err[0]
    assert latin.read_bytes() == "@misc{m, title = {J\xfcrgen}}\n".encode("latin-1")
