"""News items and open positions (openings): dated data that the build date filters."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


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


def news(doc: Document) -> list[NewsItem]:
    """News items, newest first."""
    return sorted(each(doc, "news", lambda item: build(NewsItem, item)), key=lambda n: n.date, reverse=True)


def openings(doc: Document) -> list[Opening]:
    """Open positions, the nearest deadline first."""
    return sorted(each(doc, "positions", lambda item: build(Opening, item)), key=lambda p: p.deadline)
