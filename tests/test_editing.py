"""Editing the data: schemas that catch mistakes, and `mkdocs serve` showing changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from labsite import yamldata
from labsite.site import DATA_FILES

# For each data file: a valid item, and a key to misspell in it.
ITEMS = {
    "people": ("people", "  - name: A\n    level: phd\n    topic: T\n    start: 2024\n", "topic"),
    "talks": ("talks", "  - year: 2024\n    title: T\n    host: H\n", "title"),
    "teaching": ("courses", "  - title: T\n    institution: I\n    years: [2024]\n", "institution"),
    "service": ("reviewing", "  - conferences: [ICML]\n    year: 2024\n", "year"),
    "grants": ("grants", "  - title: T\n    funder: F\n    start: 2024-01\n    role: PI\n", "funder"),
    "experience": ("experience", "  - role: R\n    organisation: O\n    start: 2024-01\n", "organisation"),
    "education": ("education", "  - degree: D\n    institution: I\n    start: 2010-09\n    end: 2014-07\n",
                  "degree"),
    "awards": ("awards", "  - title: T\n    event: E\n    date: 2024-01\n", "event"),
    "venues": ("venues", "  - abbr: ICML\n    name: N\n    rank: A*\n", "rank"),
    "news": ("news", "  - date: 2025-01-31\n    text: T\n", "text"),
    "positions": ("positions", "  - title: T\n    level: phd\n    deadline: 2025-01-31\n", "deadline"),
    "themes": ("themes", "  - title: T\n    summary: S\n    topic: t\n    section: s\n", "summary"),
    "citedby": ("papers", "  - key: lovelace2024layerwise\n    count: 12\n    work: W1\n", "count"),
}


def test_every_data_file_has_a_schema_and_a_case_here():
    assert set(ITEMS) | {"profile"} == set(DATA_FILES)
    for name in DATA_FILES:
        assert (yamldata.SCHEMA_DIR / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_each_schema_accepts_a_good_file_and_names_a_misspelt_key(name):
    key, item, field = ITEMS[name]
    good = f"{key}:\n{item}"
    assert yamldata.parse(good, f"docs/data/{name}.yml", name).errors == []
    misspelt = field[0] + field[2] + field[1] + field[3:]  # e.g. "topic" -> "tpoic"
    bad = good.replace(f"    {field}:", f"    {misspelt}:").replace(f"  - {field}:", f"  - {misspelt}:")
    [error] = yamldata.parse(bad, f"docs/data/{name}.yml", name).errors
    line = next(n for n, text in enumerate(bad.splitlines(), 1) if f"{misspelt}:" in text)
    assert str(error) == (f"docs/data/{name}.yml:{line}:5: {key}[0].{misspelt}: "
                          f"unknown key '{misspelt}', did you mean '{field}'?")


def test_profile_schema_names_a_misspelt_key():
    text = "name: Lu Yin\npositoin: Assistant Professor\ninstitution: Surrey\n"
    errors = [str(e) for e in yamldata.parse(text, "docs/data/profile.yml", "profile").errors]
    assert errors == ["docs/data/profile.yml:2:1: positoin: unknown key 'positoin', did you mean 'position'?"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"timed out after {seconds} s waiting for {what}")


@pytest.mark.parametrize("options", [[], ["--dirty"]], ids=["mkdocs serve", "mkdocs serve --dirty"])
def test_mkdocs_serve_rebuilds_when_a_data_file_changes(project, tmp_path_factory, options):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}", *options], stdout=subprocess.DEVNULL, stderr=log.open("w"), env=env)
    team = f"http://127.0.0.1:{port}/team/"
    try:
        wait_for(lambda: "Grace Okafor" in fetch(team), 90, "the first build")
        people = project / "docs" / "data" / "people.yml"
        people.write_text(people.read_text() + "  - name: Nadia Petrova\n    level: phd\n    topic: Engines\n"
                                                "    start: 2025\n")
        wait_for(lambda: "Nadia Petrova" in fetch(team), 90, "the rebuild after editing people.yml")
        bib = project / "bib" / "publications.bib"
        bib.write_text(bib.read_text().replace("Layerwise Sparsity for Pruning", "Layer-Wise Sparsity for Pruning"))
        publications = f"http://127.0.0.1:{port}/publications/"
        wait_for(lambda: "Layer-Wise Sparsity for Pruning" in fetch(publications), 90, "the rebuild after editing the .bib")
        assert "Layer-Wise Sparsity for Pruning" in fetch(f"{publications}lovelace2024layerwise/")  # its own page
    except BaseException:
        print(log.read_text())  # shown by pytest when the test fails
        raise
    finally:
        server.terminate()
        server.wait(timeout=30)
