"""Service to the community: reviewing and organising."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


@dataclass(frozen=True)
class Reviewing:
    """The venues reviewed for in one year (``reviewing`` in ``docs/data/service.yml``)."""

    year: int
    conferences: tuple[str, ...] = ()
    journals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organised:
    """A competition, workshop or similar event co-organised (``organisation``)."""

    year: int
    kind: str
    event: str
    title: str
    url: str = ""


def reviewing(doc: Document) -> list[Reviewing]:
    """Reviewing years, newest first."""
    return sorted(each(doc, "reviewing", lambda item: build(Reviewing, item)), key=lambda r: -r.year)


def organised(doc: Document) -> list[Organised]:
    """Organised events, newest first."""
    return sorted(each(doc, "organisation", lambda item: build(Organised, item)), key=lambda o: -o.year)
