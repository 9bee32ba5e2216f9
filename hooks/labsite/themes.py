"""Research themes: what the group works on, each tied to its papers' topic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .records import build, items


@dataclass(frozen=True)
class Theme:
    """A research theme (``docs/data/themes.yml``)."""

    title: str
    summary: str
    topic: str
    section: str


def from_data(data: Any) -> list[Theme]:
    """Themes in the file's order."""
    return [build(Theme, item) for item in items(data, "themes")]
