"""Fixtures of the content tests: the owner's own site (the repository's mkdocs.yml,
docs/ and bib/) with the engine, built strictly once for the whole session.

These tests check that the owner's profile is on the site: their papers, students,
courses, talks, counts and wording. A fork that replaces the data and prose deletes
this folder, or rewrites it with its own facts; the engine tests in tests/ stay.
"""

from __future__ import annotations

import pytest

from sitebuild import ROOT, BuiltSite, build_once, serve


@pytest.fixture(scope="session")
def owner_site(tmp_path_factory) -> BuiltSite:
    """The owner's site (the repository's root) with the engine, built strictly once."""
    return build_once(tmp_path_factory.mktemp("owner"), ROOT)


@pytest.fixture(scope="session")
def owner_server(owner_site):
    """The owner's site served over HTTP on a free local port; yields its base address."""
    with serve(owner_site.folder) as address:
        yield address
