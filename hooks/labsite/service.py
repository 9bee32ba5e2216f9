"""Service to the community: reviewing and organising."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .records import build, items


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


def reviewing(data: Any) -> list[Reviewing]:
    """Reviewing years, newest first."""
    return sorted((build(Reviewing, item) for item in items(data, "reviewing")), key=lambda r: -r.year)


def organised(data: Any) -> list[Organised]:
    """Organised events, newest first."""
    return sorted((build(Organised, item) for item in items(data, "organisation")), key=lambda o: -o.year)
