"""labsite.diskcache: results kept on disk until what they were made from, or the code, changes;
data and BibTeX files read through it (site._kept)."""

from __future__ import annotations

import pickle
import shutil

from sitebuild import files_of, run_build

from labsite import diskcache, site
from labsite.errors import DataError

ENTRY = "@misc{lovelace1843notes,\n  author = {Lovelace, Ada},\n  title = {Notes},\n  year = {1843}\n}\n"


class Reader:
    """site's own reading of a .bib file through the cache, counting the readings."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        read = site._read_bib

        def counted(path, shown_as):
            self.calls += 1
            return read(path, shown_as)
        monkeypatch.setattr(site, "_read_bib", counted)

    def __call__(self, folder, path, shown_as):
        return site._kept(folder, "bib", path, shown_as, lambda: site._read_bib(path, shown_as))


def test_a_file_is_read_once_while_it_stays_the_same(tmp_path, monkeypatch):
    bib, cache, read = tmp_path / "a.bib", tmp_path / "cache", Reader(monkeypatch)
    bib.write_text(ENTRY, encoding="utf-8")
    first = read(cache, bib, "bib/a.bib")
    again = read(cache, bib, "bib/a.bib")
    assert read.calls == 1 and again == first and again[0][0].title == "Notes"
    assert again[0][0].bibtex == first[0][0].bibtex  # the entry itself came back too


def test_a_change_to_the_file_its_name_or_the_code_reads_it_again(tmp_path, monkeypatch):
    bib, cache, read = tmp_path / "a.bib", tmp_path / "cache", Reader(monkeypatch)
    bib.write_text(ENTRY, encoding="utf-8")
    read(cache, bib, "bib/a.bib")
    bib.write_text(ENTRY.replace("Notes", "Sketch"), encoding="utf-8")
    assert read(cache, bib, "bib/a.bib")[0][0].title == "Sketch" and read.calls == 2
    assert read(cache, bib, "other/a.bib")[0][0].path == "other/a.bib" and read.calls == 3
    monkeypatch.setattr(diskcache, "_code", lambda: b"another version")
    read(cache, bib, "other/a.bib")
    assert read.calls == 4
    assert len(list(cache.iterdir())) == 1  # one file per .bib file, whatever its history


def test_errors_come_back_with_their_place(tmp_path, monkeypatch):
    bib, cache, read = tmp_path / "a.bib", tmp_path / "cache", Reader(monkeypatch)
    bib.write_text("@misc{untitled,\n  year = {2020}\n}\n", encoding="utf-8")
    first = read(cache, bib, "bib/a.bib")
    again = read(cache, bib, "bib/a.bib")
    assert read.calls == 1 and again[1] == first[1] and isinstance(again[1][0], DataError)
    assert str(again[1][0]).startswith("bib/a.bib:1")


def test_a_broken_or_unwritable_cache_only_costs_a_reading(tmp_path, monkeypatch):
    bib, cache, read = tmp_path / "a.bib", tmp_path / "cache", Reader(monkeypatch)
    bib.write_text(ENTRY, encoding="utf-8")
    read(cache, bib, "bib/a.bib")
    [kept] = cache.iterdir()
    kept.write_bytes(b"not a pickle")
    assert read(cache, bib, "bib/a.bib")[0][0].title == "Notes" and read.calls == 2
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    assert read(blocked / "cache", bib, "bib/a.bib")[0][0].title == "Notes"
    assert [path.name for path in cache.iterdir()] == [kept.name]  # no temporary file left behind


def test_without_a_folder_nothing_is_kept(tmp_path, monkeypatch):
    bib, read = tmp_path / "a.bib", Reader(monkeypatch)
    bib.write_text(ENTRY, encoding="utf-8")
    read(None, bib, "bib/a.bib")
    read(None, bib, "bib/a.bib")
    assert read.calls == 2 and list(tmp_path.iterdir()) == [bib]


def test_data_errors_pickle():
    error = DataError("bib/a.bib", 3, "bad", field="k.title", column=2, warning=True)
    assert pickle.loads(pickle.dumps(error)) == error


def test_a_build_from_the_cache_writes_the_same_site(project):
    result, site_dir = run_build(project)
    assert result.returncode == 0, result.stderr
    first = files_of(site_dir)
    kept = list((project / ".cache" / "labsite").glob("*.pickle"))
    data = list((project / "docs" / "data").glob("*.yml"))
    assert len(kept) == len(list((project / "bib").glob("*.bib"))) + len(data) + 1  # and the social card
    stamps = [path.stat().st_mtime_ns for path in kept]
    result, site_dir = run_build(project)
    assert result.returncode == 0, result.stderr
    assert files_of(site_dir) == first
    assert [path.stat().st_mtime_ns for path in kept] == stamps  # read from the cache, not written again


def test_any_result_is_kept_under_its_name(tmp_path):
    made = []

    def make():
        made.append(1)
        return {"card": b"PNG"}

    assert diskcache.cached(tmp_path, "card", b"profile", make) == {"card": b"PNG"}
    assert diskcache.cached(tmp_path, "card", b"profile", make) == {"card": b"PNG"} and len(made) == 1
    diskcache.cached(tmp_path, "card", b"another profile", make)
    assert len(made) == 2 and [path.name for path in tmp_path.iterdir()] == ["card.pickle"]


def test_compiled_templates_are_kept_and_a_cache_that_cannot_be_written_costs_nothing(project):
    result, site_dir = run_build(project)
    assert result.returncode == 0, result.stderr
    assert list((project / ".cache" / "labsite" / "templates").iterdir())  # Jinja's bytecode cache
    first = files_of(site_dir)
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("not a folder", encoding="utf-8")  # as a read-only place would refuse
    result, site_dir = run_build(project)
    assert result.returncode == 0, result.stderr
    assert files_of(site_dir) == first


def test_another_version_of_a_library_makes_results_again(tmp_path, monkeypatch):
    made = []
    diskcache.cached(tmp_path, "result", b"source", lambda: made.append(1))
    monkeypatch.setattr(diskcache, "_version", lambda library: "another")
    diskcache._code.cache_clear()
    diskcache.cached(tmp_path, "result", b"source", lambda: made.append(1))
    diskcache._code.cache_clear()  # computed again, with the real versions, by the next use
    assert len(made) == 2
