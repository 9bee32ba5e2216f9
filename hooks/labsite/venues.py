"""Venues: the long name and rank of each venue abbreviation used in BibTeX."""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import build, each
from .yamldata import Document

TOP_RANKS = ("A*", "A")
# How ranks are listed (the filter bar): best first, as CORE orders them, then any other alphabetically.
RANK_ORDER = ("A*", "A", "B", "C")


def rank_order(rank: str) -> tuple[int, str]:
    """A sort key that puts ``rank`` in ``RANK_ORDER``'s place, or after all of them."""
    return (RANK_ORDER.index(rank), "") if rank in RANK_ORDER else (len(RANK_ORDER), rank.lower())


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
