"""Invited talks."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


@dataclass(frozen=True)
class Talk:
    """A talk given (``docs/data/talks.yml``)."""

    year: int
    title: str
    host: str
    institution: str = ""
    place: str = ""
    slides: str = ""


def from_data(doc: Document) -> list[Talk]:
    """Talks, newest first (the file's order within a year)."""
    return sorted(each(doc, "talks", lambda item: build(Talk, item)), key=lambda t: -t.year)
