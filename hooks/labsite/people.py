"""People supervised in the group: PhD, MSc and BSc students, interns, visitors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import fields
from .names import Name
from .profile import Link
from .records import build, each
from .yamldata import Document

LEVELS = {
    "postdoc": "Postdoctoral researchers",
    "phd": "PhD students",
    "msc": "MSc students",
    "bsc": "BSc students",
    "intern": "Interns",
    "visitor": "Visitors",
}
LEVEL_NOUNS = {  # one, many: for counts in running text
    "postdoc": ("postdoctoral researcher", "postdoctoral researchers"),
    "phd": ("PhD student", "PhD students"),
    "msc": ("MSc student", "MSc students"),
    "bsc": ("BSc student", "BSc students"),
    "intern": ("intern", "interns"),
    "visitor": ("visitor", "visitors"),
}


def level_label(level: str) -> str:
    """The singular noun of a level, capitalised for a label: "PhD student", "Intern"."""
    one = LEVEL_NOUNS[level][0]
    return one[0].upper() + one[1:]


# Projects that last about a year: without an ``end`` they count as current until
# the year after they start is over. Other levels are current until their ``end``.
ONE_YEAR_LEVELS = ("msc", "bsc", "intern")


@dataclass(frozen=True)
class CoSupervisor:
    """Someone who supervises a member together with the group's leader."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class Member:
    """One supervised person (``docs/data/people.yml``)."""

    name: str
    level: str
    topic: str  # "" when the data names none
    start: int
    end: int | None = None
    institution: str = ""
    co_supervisors: tuple[CoSupervisor, ...] = ()
    photo: str = ""
    homepage: str = ""
    thesis: str = ""
    next_position: str = ""
    author_names: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    def __post_init__(self) -> None:
        self.spellings()  # a name that cannot be read is this item's error, not a page's

    def is_current(self, year: int) -> bool:
        """Whether the person is still in the group in ``year`` (the build's year)."""
        last = self.end if self.end is not None else (self.start + 1 if self.level in ONE_YEAR_LEVELS else None)
        return last is None or year <= last

    def spellings(self) -> tuple[Name, ...]:
        """The name and its other spellings, for finding the person's papers."""
        return tuple(Name.parse(text) for text in (self.name, *self.author_names))

    @property
    def anchor(self) -> str:
        """The id of the person's row on the team page, e.g. ``person-andi-li``."""
        # A name in another script leaves no letters here: a short hash keeps it apart.
        return "person-" + (re.sub(r"[^a-z0-9]+", "-", fields.ascii_lower(self.name)).strip("-")
                            or fields.digest(self.name))

    @property
    def years(self) -> str:
        """"2024" or "2022–2023", as given in the data."""
        return f"{self.start}–{self.end}" if self.end and self.end != self.start else str(self.start)


def from_data(doc: Document) -> list[Member]:
    """Members from ``people.yml``, in the order of ``LEVELS`` and then newest first."""
    members = each(doc, "people", lambda item: build(Member, {
        "topic": "",  # not every group page names each project's topic
        **item,
        "links": [build(Link, link) for link in item.get("links", [])],
        # A co-supervisor is a name, or a name with an address.
        "co_supervisors": [CoSupervisor(who) if isinstance(who, str) else build(CoSupervisor, who)
                           for who in item.get("co_supervisors", [])],
    }))
    order = list(LEVELS)
    return sorted(members, key=lambda m: (order.index(m.level), -m.start))
