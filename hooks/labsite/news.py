"""News items and open positions (openings): dated data that the build date filters."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from .records import build, items


@dataclass(frozen=True)
class NewsItem:
    """One dated piece of news (``docs/data/news.yml``)."""

    date: str
    text: str
    url: str = ""
    paper: str = ""

    @property
    def day(self) -> datetime.date:
        """The item's date as a date."""
        return datetime.date.fromisoformat(self.date)


@dataclass(frozen=True)
class Opening:
    """An open position (``docs/data/positions.yml``), shown until its deadline has passed."""

    title: str
    level: str
    deadline: str
    funding: str = ""
    description: str = ""
    url: str = ""

    def is_open(self, today: datetime.date) -> bool:
        """Open up to and including the deadline's day."""
        return today <= datetime.date.fromisoformat(self.deadline)


def news(data: Any) -> list[NewsItem]:
    """News items, newest first."""
    return sorted((build(NewsItem, item) for item in items(data, "news")), key=lambda n: n.date, reverse=True)


def openings(data: Any) -> list[Opening]:
    """Open positions, the nearest deadline first."""
    return sorted((build(Opening, item) for item in items(data, "positions")), key=lambda p: p.deadline)
