"""How often each paper is cited, by OpenAlex's count (``docs/data/citedby.yml``).

``labsite citations`` writes the file (``labsite.citing``); a build only reads it, so the
site never needs the network. Without the file the site shows no counts at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .records import build
from .yamldata import Document


@dataclass(frozen=True)
class CitedBy:
    """One paper's count of citing works, in total and by year."""

    key: str
    count: int
    work: str = ""  # the work's OpenAlex id, e.g. W2109415576
    by_year: tuple[tuple[int, int], ...] = ()  # (year, citing works that year), newest first


@dataclass(frozen=True)
class Counts:
    """The counts of every paper found, and the day they were fetched."""

    fetched: datetime.date | None = None
    source: str = "OpenAlex"
    papers: tuple[CitedBy, ...] = ()
    _by_key: dict[str, CitedBy] = field(default_factory=dict, compare=False, repr=False)

    def of(self, key: str) -> CitedBy | None:
        """The count of the paper with citation key ``key`` (any case), if it was found."""
        return self._by_key.get(key.lower())

    def __bool__(self) -> bool:
        return bool(self.papers)


def from_data(doc: Document) -> Counts:
    """The counts of a validated ``citedby.yml`` (none if it is missing or unusable)."""
    if not isinstance(doc.data, dict):
        return Counts()
    papers = []
    for path, item in doc.items("papers"):
        try:
            papers.append(build(CitedBy, {**item, "by_year": [tuple(pair) for pair in item.get("by_year", [])]}))
        except Exception as problem:  # the last guard, as in records.each
            doc.errors.append(doc.error_at(path, f"cannot be used, left out: {problem}"))
    try:  # the schema checked its form; a date not in the calendar was said there too
        day = datetime.date.fromisoformat(str(doc.data.get("fetched", "")))
    except ValueError:
        day = None
    return Counts(day, doc.data.get("source", "OpenAlex"), tuple(papers), {p.key.lower(): p for p in papers})


def h_index(counts: list[int]) -> int:
    """The largest h such that h of the papers have at least h citations each."""
    ordered = sorted(counts, reverse=True)
    return sum(1 for rank, count in enumerate(ordered, 1) if count >= rank)
