"""Invited talks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .records import build, items


@dataclass(frozen=True)
class Talk:
    """A talk given (``docs/data/talks.yml``)."""

    year: int
    title: str
    host: str
    institution: str = ""
    place: str = ""
    slides: str = ""


def from_data(data: Any) -> list[Talk]:
    """Talks, newest first (the file's order within a year)."""
    return sorted((build(Talk, item) for item in items(data, "talks")), key=lambda t: -t.year)
