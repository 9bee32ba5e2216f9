"""A new site in one command: ``python -m labsite new DIR --name NAME``.

The new site gets its own content from ``templates/new/`` (mkdocs.yml, the pages,
every data file with a commented example entry, an empty bib/, its README), and the
engine copied from the checkout this package runs from: hook, theme overrides, styles
and scripts, pyproject.toml, the CI script and workflow, and the engine's tests (which
build their own example site, so they pass whatever the new site holds). It builds
with ``mkdocs build --strict`` as written.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates" / "new"
# The checkout this package runs from (an editable install): hooks/labsite/ -> the repository.
CHECKOUT = Path(__file__).resolve().parent.parent.parent
# The engine, as paths in the checkout: copied as they are (the CI script stays executable).
ENGINE_FILES = ("hooks/lab.py", ".ci/run", ".github/workflows/site.yml", ".github/workflows/citations.yml",
                ".gitignore")
ENGINE_FOLDERS = ("hooks/labsite", "overrides", "tests")
ASSETS = ("*.css", "*.js", "*.svg")  # of docs/assets/: not social-card.png, which is the owner's
CACHES = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "node_modules", "artifacts", ".hypothesis")


def _ignored(folder: str, names: list[str]) -> set[str]:
    # tests/content/ checks that the checkout's owner is on the site: not the new one's.
    owners = {"content"} if Path(folder).name == "tests" else set()
    return set(CACHES(folder, names)) | (owners & set(names))
TOKEN = re.compile(r"\{\{ (\w+) \}\}")


class ScaffoldError(Exception):
    """Why no site was written: one line, for the user."""


def new_site(folder: Path, name: str, position: str = "Your position", institution: str = "Your institution",
             title: str | None = None, checkout: Path = CHECKOUT) -> list[Path]:
    """Write a new site into ``folder`` (absent or empty) for ``name``; returns the files written.

    ``title`` is the site's name (``site_name``), the owner's name by default.
    Raises ScaffoldError, writing nothing, if the folder holds anything or the engine
    is not found in ``checkout``.
    """
    folder = Path(folder)
    # One line each, spaces as one: line breaks in a name would break the files it goes into.
    given = {option: " ".join(value.split()) for option, value in
             {"name": name, "position": position, "institution": institution, "title": title or name}.items()}
    for option, value in given.items():
        if not value:
            raise ScaffoldError(f"--{option}: expected some text, got none")
    values = {**given, "site_name": given["title"], "initials_name": initials_name(given["name"])}
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder} exists and is not an empty folder: give a new or empty one")
    missing = [part for part in (*ENGINE_FILES, *ENGINE_FOLDERS, "pyproject.toml", "docs/assets")
               if not (checkout / part).exists()]
    if missing:
        raise ScaffoldError(f"the engine is not at {checkout} (no {missing[0]}): run this from a clone of the "
                            "site's repository, installed with `pip install -e .`")
    project = _project_file((checkout / "pyproject.toml").read_text(encoding="utf-8"), given["name"])

    written = []
    for source in sorted(path for path in TEMPLATES.rglob("*") if path.is_file() and "__pycache__" not in path.parts):
        relative = source.relative_to(TEMPLATES).as_posix()
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fill(source.read_text(encoding="utf-8"), values, yaml=source.suffix == ".yml"),
                          encoding="utf-8")
        written.append(target)
    (folder / "pyproject.toml").write_text(project, encoding="utf-8")
    written.append(folder / "pyproject.toml")
    for part in ENGINE_FILES:
        (folder / part).parent.mkdir(parents=True, exist_ok=True)
        written.append(Path(shutil.copy2(checkout / part, folder / part)))
    for part in ENGINE_FOLDERS:
        shutil.copytree(checkout / part, folder / part, ignore=_ignored)
        written.extend(path for path in (folder / part).rglob("*") if path.is_file())
    (folder / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    for pattern in ASSETS:
        for asset in sorted((checkout / "docs" / "assets").glob(pattern)):
            written.append(Path(shutil.copy2(asset, folder / "docs" / "assets" / asset.name)))
    return sorted(written)


def fill(template: str, values: dict[str, str], yaml: bool = False) -> str:
    """``template`` with each ``{{ key }}`` replaced by its value (quoted, in a YAML file)."""
    def value(match: re.Match) -> str:
        text = values[match.group(1)]
        return json.dumps(text, ensure_ascii=False) if yaml else text  # JSON strings are YAML strings
    return TOKEN.sub(value, template)


def initials_name(name: str) -> str:
    """The name as author lists often abbreviate it: "Ada King Lovelace" gives "A. K. Lovelace"."""
    *given, family = name.split() or [name]
    return " ".join([*(f"{part[0]}." for part in given), family])


def _project_file(text: str, name: str) -> str:
    """The checkout's pyproject.toml, with a project name and description of the new site's own."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "research"
    own = {"name": f'"{slug}-site"',
           "description": json.dumps(f"Website of {name}, built with MkDocs and Material from BibTeX and YAML data",
                                     ensure_ascii=False)}
    for key, value in own.items():
        text, found = re.subn(rf'^{key} = ".*"$', f"{key} = {value}", text, count=1, flags=re.MULTILINE)
        if not found:
            raise ScaffoldError(f"the checkout's pyproject.toml has no line `{key} = \"...\"` to replace")
    return text
