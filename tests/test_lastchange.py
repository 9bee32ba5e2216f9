"""When the data last changed (labsite.lastchange): git's last commit of it, an edit saved
since, or the files' own times where there is no git."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from labsite.lastchange import last_change

COMMITTED = "2024-03-05T10:00:00+00:00"


def _saved(path: Path, day: str, text: str = "x: 1\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    stamp = datetime.datetime.fromisoformat(day).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def _git(folder: Path, *arguments: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED,
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True, env=env)


@pytest.fixture
def repository(tmp_path) -> Path:
    """A checkout whose data (docs/data, bib) was committed on 5 March 2024, its files saved later."""
    _saved(tmp_path / "docs/data/talks.yml", "2025-01-01T00:00:00+00:00")
    _saved(tmp_path / "bib/papers.bib", "2025-01-02T00:00:00+00:00", "@misc{a, title={A}}\n")
    _saved(tmp_path / "README.md", "2025-02-01T00:00:00+00:00")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "data")
    return tmp_path


def _paths(folder: Path) -> list[Path]:
    return [folder / "docs/data", folder / "bib/papers.bib"]


def test_outside_git_it_is_the_newest_time_a_data_file_was_saved(tmp_path):
    _saved(tmp_path / "docs/data/talks.yml", "2023-05-01T12:00:00+00:00")
    _saved(tmp_path / "docs/data/sub/news.yml", "2023-07-09T23:30:00+00:00")
    _saved(tmp_path / "bib/papers.bib", "2023-06-01T00:00:00+00:00")
    _saved(tmp_path / "docs/index.md", "2024-01-01T00:00:00+00:00")  # not data: does not count
    assert last_change(tmp_path, _paths(tmp_path)) == datetime.date(2023, 7, 9)


def test_in_a_checkout_it_is_the_last_commit_of_the_data_whatever_the_files_times_say(repository):
    # A fresh clone, a `touch` or a checkout of another branch give files new times: the date stays.
    assert last_change(repository, _paths(repository)) == datetime.date(2024, 3, 5)


def test_an_edit_saved_since_the_last_commit_dates_the_data(repository):
    _saved(repository / "docs/data/talks.yml", "2025-04-06T08:00:00+00:00", "talks: []\n")
    assert last_change(repository, _paths(repository)) == datetime.date(2025, 4, 6)
    _saved(repository / "docs/data/new.yml", "2025-05-07T08:00:00+00:00")  # a new file, not yet added
    assert last_change(repository, _paths(repository)) == datetime.date(2025, 5, 7)


def test_a_commit_of_other_files_does_not_date_the_data(repository):
    _saved(repository / "README.md", "2026-01-01T00:00:00+00:00", "changed\n")
    assert last_change(repository, _paths(repository)) == datetime.date(2024, 3, 5)


def test_without_git_the_files_times_decide(repository, monkeypatch):
    monkeypatch.setenv("PATH", str(repository / "no-programs-here"))
    assert last_change(repository, _paths(repository)) == datetime.date(2025, 1, 2)


def test_no_data_files_give_no_date(tmp_path):
    assert last_change(tmp_path, [tmp_path / "docs/data", tmp_path / "bib/none.bib"]) is None
