"""The owner's data files (docs/data/*.yml, bib/*.bib) load whole, without an error."""

from __future__ import annotations

import pytest
import yaml

from labsite import site, yamldata
from sitebuild import ROOT


def test_the_owners_data_loads_without_errors():
    data, errors = site.load(ROOT, ROOT / "docs" / "data", sorted((ROOT / "bib").glob("*.bib")),
                             docs_dir=ROOT / "docs")
    assert [str(error) for error in errors] == []
    assert data.profile.name == "Lu Yin" and len(data.publications) == 53 and len(data.members) == 11
    years = [p.year for p in data.publications]
    assert years == sorted(years, reverse=True)


def _marks(node):
    """Every node's start and end, depth first: where errors point (as in tests/test_yamldata.py)."""
    children = node.value if isinstance(node.value, list) else []
    pairs = [part for child in children for part in (child if isinstance(child, tuple) else (child,))]
    return [(node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)] + \
        [mark for child in pairs for mark in _marks(child)]


@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "data").glob("*.yml")), ids=lambda path: path.name)
def test_libyaml_and_pyyaml_read_the_owners_files_alike(path):
    assert issubclass(yamldata.FastLoader, yaml.CSafeLoader)
    text = path.read_text(encoding="utf-8") + "extra: \"Jörg Müller — 李\"\n"
    fast, slow = (yamldata._compose(text, loader) for loader in (yamldata.FastLoader, yamldata.SafeLoader))
    assert _marks(fast[0]) == _marks(slow[0]) and fast[1] == slow[1]
