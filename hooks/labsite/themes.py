"""Research themes: what the group works on, each tied to its papers' topic."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


@dataclass(frozen=True)
class Theme:
    """A research theme (``docs/data/themes.yml``)."""

    title: str
    summary: str
    topic: str
    section: str


def from_data(doc: Document) -> list[Theme]:
    """Themes in the file's order."""
    return each(doc, "themes", lambda item: build(Theme, item))
