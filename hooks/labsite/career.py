"""The owner's career: positions held, degrees and awards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .records import build, items


@dataclass(frozen=True)
class Position:
    """A job (``docs/data/experience.yml``); no ``end`` while it lasts."""

    role: str
    organisation: str
    start: str
    end: str = ""
    location: str = ""
    unit: str = ""
    description: str = ""


@dataclass(frozen=True)
class Degree:
    """A degree earned (``docs/data/education.yml``)."""

    degree: str
    institution: str
    start: str
    end: str
    department: str = ""
    specialisation: str = ""
    supervisors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Award:
    """An award or honour (``docs/data/awards.yml``), optionally for one paper."""

    title: str
    event: str
    date: str
    paper: str = ""


def positions(data: Any) -> list[Position]:
    """Positions from ``experience.yml``, most recent first."""
    return sorted((build(Position, item) for item in items(data, "experience")),
                  key=lambda p: p.start, reverse=True)


def degrees(data: Any) -> list[Degree]:
    """Degrees from ``education.yml``, most recent first."""
    return sorted((build(Degree, item) for item in items(data, "education")),
                  key=lambda d: d.end, reverse=True)


def awards(data: Any) -> list[Award]:
    """Awards from ``awards.yml``, most recent first."""
    return sorted((build(Award, item) for item in items(data, "awards")),
                  key=lambda a: a.date, reverse=True)
