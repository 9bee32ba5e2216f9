"""Research grants and computing-time awards."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


@dataclass(frozen=True)
class Grant:
    """A grant (``grants`` in ``docs/data/grants.yml``)."""

    title: str
    funder: str
    start: str
    role: str
    end: str = ""
    amount: float | None = None
    currency: str = ""
    investigators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resource:
    """One resource of a computing award, e.g. "NVIDIA A100" and its amount."""

    resource: str
    amount: str


@dataclass(frozen=True)
class ComputeAward:
    """A computing-time award (``computing``), identified by the funder's id."""

    year: int
    funder: str
    id: str
    resources: tuple[Resource, ...]


def grants(doc: Document) -> list[Grant]:
    """Grants, most recent first."""
    return sorted(each(doc, "grants", lambda item: build(Grant, item)), key=lambda g: g.start, reverse=True)


def computing(doc: Document) -> list[ComputeAward]:
    """Computing awards, most recent first (the file's order within a year)."""
    awards = each(doc, "computing",
                  lambda item: build(ComputeAward,
                                     {**item, "resources": [build(Resource, r) for r in item["resources"]]}))
    return sorted(awards, key=lambda a: -a.year)
