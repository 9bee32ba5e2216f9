"""The example site that the engine tests build (tests/example/) stays in step with this
site: the same settings, pages and directives, so the engine is tested as this site uses
it; and it is fictional: no one and nothing of the owner's data is in it."""

from __future__ import annotations

import re

import yaml

from labsite import site
from sitebuild import EXAMPLE, ROOT

OWNER_SETTINGS = {"site_name", "site_description", "site_author", "copyright"}


def settings(path):
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: ("!ENV", loader.construct_scalar(node)))
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    return {key: value for key, value in config.items() if key not in OWNER_SETTINGS}


def test_the_examples_settings_are_this_sites_less_what_names_the_owner():
    assert settings(EXAMPLE / "mkdocs.yml") == settings(ROOT / "mkdocs.yml")


def directives(folder):
    return {page.name: sorted(re.findall(r"(?m)^\[% .* %\]$", page.read_text(encoding="utf-8")))
            for page in sorted((folder / "docs").glob("*.md"))}


def test_the_example_has_this_sites_pages_with_the_same_directives_and_every_data_file():
    assert directives(EXAMPLE) == directives(ROOT)
    assert sorted(p.name for p in (EXAMPLE / "docs" / "data").glob("*.yml")) == \
        sorted(p.name for p in (ROOT / "docs" / "data").glob("*.yml"))


def owners_people() -> set[str]:
    """Everyone the owner's data names: the owner, students, co-supervisors, supervisors,
    investigators and co-authors, each as "Given Family" and "Family, Given"."""
    data, _ = site.load(ROOT, ROOT / "docs" / "data", sorted((ROOT / "bib").glob("*.bib")))
    names = {data.profile.name}
    for member in data.members:
        names |= {member.name, *(co.name for co in member.co_supervisors)}
    for grant in data.grants:
        names |= set(grant.investigators)
    for degree in data.degrees:
        names |= {re.sub(r"^(Prof\.|Dr\.|\s)+", "", who) for who in degree.supervisors}
    spellings = set()
    for paper in data.publications:
        for author in paper.authors:
            spellings |= {author.display()}
    for name in names | spellings:
        parts = name.split()
        spellings |= {name, f"{parts[-1]}, {' '.join(parts[:-1])}"} if len(parts) > 1 else {name}
    return {name for name in spellings if len(name) > 4}


def test_the_example_names_no_one_of_the_owners_data_and_not_the_owners_places():
    names = owners_people()
    assert {"Lu Yin", "Yin, Lu", "Andi Li", "Xilu Wang", "Mykola Pechenizkiy", "Liu, Shiwei"} <= names
    assert len(names) > 50
    found = []
    for path in sorted(p for p in EXAMPLE.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(EXAMPLE)}: {name}" for name in sorted(names) if name in text]
        found += [f"{path.relative_to(EXAMPLE)}: {word}" for word in ("Yin", "Surrey", "luuyin", "Eindhoven")
                  if re.search(rf"\b{word}\b", text)]
    assert found == []
