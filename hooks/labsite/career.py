"""The owner's career: positions held, degrees and awards."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


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


def positions(doc: Document) -> list[Position]:
    """Positions from ``experience.yml``, most recent first."""
    return sorted(each(doc, "experience", lambda item: build(Position, item)),
                  key=lambda p: p.start, reverse=True)


def degrees(doc: Document) -> list[Degree]:
    """Degrees from ``education.yml``, most recent first."""
    return sorted(each(doc, "education", lambda item: build(Degree, item)),
                  key=lambda d: d.end, reverse=True)


def awards(doc: Document) -> list[Award]:
    """Awards from ``awards.yml``, most recent first."""
    return sorted(each(doc, "awards", lambda item: build(Award, item)),
                  key=lambda a: a.date, reverse=True)
