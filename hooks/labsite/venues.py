"""Venues: the long name and rank of each venue abbreviation used in BibTeX."""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import build, each
from .yamldata import Document

TOP_RANKS = ("A*", "A")


@dataclass(frozen=True)
class Venue:
    """One venue (``docs/data/venues.yml``), found by the ``abbr`` of its papers."""

    abbr: str
    name: str
    rank: str = ""


@dataclass(frozen=True)
class Venues:
    """All venues, and the ranking their ranks come from."""

    ranking: str = ""
    venues: tuple[Venue, ...] = ()
    _by_abbr: dict[str, Venue] = field(default_factory=dict, compare=False, repr=False)

    def rank(self, abbr: str) -> str:
        """The rank of the venue called ``abbr`` (any case), or "" if it has none."""
        venue = self._by_abbr.get(abbr.lower())
        return venue.rank if venue else ""


def from_data(doc: Document) -> Venues:
    """The venues of a validated ``venues.yml`` (none if it is missing or unusable)."""
    venues = tuple(each(doc, "venues", lambda item: build(Venue, item)))
    ranking = doc.data.get("ranking", "") if isinstance(doc.data, dict) else ""
    return Venues(ranking, venues, {v.abbr.lower(): v for v in venues})
