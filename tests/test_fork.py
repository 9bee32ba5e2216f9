"""A fork that replaces the owner's data and prose: the engine and its tests need no change.

The repository is copied as a fork has it (the files git tracks, and new files it does
not ignore), then the owner's content is swapped for the example site's, as a forker
who replaced data and prose would have it: mkdocs.yml, the pages of docs/, docs/data/
and bib/. tests/content/, the owner's own facts, is deleted. Then the site must build
strictly with no trace of the owner, and the engine tests must pass in the copy.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitebuild import ENGINE_PARTS, EXAMPLE, ROOT, run_build

# Without git (a copy that is no clone), the parts of the repository that a fork needs.
PARTS = ("mkdocs.yml", "docs", "bib", "hooks", "overrides", "tests", "pyproject.toml", ".github", ".ci")
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info", "node_modules", "artifacts", ".hypothesis",
                                 ".pytest_cache", "site")
OWNER = ("Lu Yin", "Surrey")  # what no output file of the fork may name (in any case)
# The engine tests the fork runs: all but the browser and tool tests (-m "not browser"),
# the two that make a copy and run these tests in it (no fork within the fork), and,
# left out for time (under two minutes in all), the two that try random input for a
# fixed budget and the edit-by-edit check of `mkdocs serve --dirty`, which all test the
# same whatever the content.
FORK_RUN = ["-m", "not browser", "--ignore=tests/test_fork.py", "--ignore=tests/test_new_site.py",
            "--ignore=tests/test_fuzz.py", "--ignore=tests/test_properties.py", "--ignore=tests/test_serve_dirty.py"]


def repository_files() -> list[Path]:
    """The repository's files as a fork has them: tracked, or new and not ignored (relative paths)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({Path(name) for name in listed.decode("utf-8").split("\0") if name and (ROOT / name).is_file()})


def copy_repository(destination: Path) -> None:
    files = repository_files()
    if files:
        for name in files:
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
        return
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=IGNORED)
        elif source.is_file():
            shutil.copy2(source, destination / part)


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """A copy of the repository whose content is the example site's, without tests/content/."""
    fork = tmp_path_factory.mktemp("fork") / "repository"
    copy_repository(fork)
    shutil.copy2(EXAMPLE / "mkdocs.yml", fork / "mkdocs.yml")
    for page in (fork / "docs").glob("*.md"):
        page.unlink()
    for page in (EXAMPLE / "docs").glob("*.md"):
        shutil.copy2(page, fork / "docs" / page.name)
    for folder in ("docs/data", "bib"):
        shutil.rmtree(fork / folder)
        shutil.copytree(EXAMPLE / folder, fork / folder)
    shutil.rmtree(fork / "tests" / "content")
    return fork


def owner_mentions(folder: Path) -> list[str]:
    """Every file under ``folder`` (a .gz file read uncompressed) that names the owner, with what it names."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace").lower()
        found += [f"{path.relative_to(folder)}: {name}" for name in OWNER if name.lower() in text]
    return found


def test_the_fork_holds_the_example_and_the_engine_but_not_the_owners_content(fork):
    assert (fork / "hooks" / "lab.py").is_file() and (fork / "docs" / "assets" / "lab.css").is_file()
    assert (fork / "tests" / "example" / "mkdocs.yml").is_file() and not (fork / "tests" / "content").exists()
    assert owner_mentions(fork / "docs") == [] and owner_mentions(fork / "bib") == []
    assert (fork / "mkdocs.yml").read_bytes() == (EXAMPLE / "mkdocs.yml").read_bytes()
    assert not [part for part in ENGINE_PARTS if (EXAMPLE / part).exists()]  # the example has no engine of its own


def test_the_fork_builds_strictly_and_no_output_file_names_the_owner(fork):
    result, site = run_build(fork, env={"SITE_URL": "https://fork.example.org/"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    assert (site / "index.html").is_file() and (site / "sitemap.xml.gz").is_file()
    assert owner_mentions(site) == []


def test_the_check_finds_the_owner_in_any_file_compressed_or_not(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text("<p>Group of LU YIN</p>", encoding="utf-8")
    (tmp_path / "map.xml.gz").write_bytes(gzip.compress(b"<loc>https://surrey.example/</loc>"))
    (tmp_path / "clean.txt").write_text("Ada Lovelace", encoding="utf-8")
    assert owner_mentions(tmp_path) == ["a/page.html: Lu Yin", "map.xml.gz: Surrey"]


def test_the_engine_tests_pass_in_the_fork(fork):
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "PYTEST_ADDOPTS")}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *FORK_RUN],
                            cwd=fork, capture_output=True, text=True, timeout=900,
                            env={**env, "PYTHONDONTWRITEBYTECODE": "1"})
    report = result.stdout[-6000:] + result.stderr[-2000:]
    print(f"engine tests in the fork: {time.monotonic() - started:.0f} s\n{report}")
    assert result.returncode == 0, report
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "skipped" not in summary and "error" not in summary, summary
