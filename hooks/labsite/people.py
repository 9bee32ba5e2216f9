"""People supervised in the group: PhD, MSc and BSc students, interns, visitors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .profile import Link
from .records import build, items

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


@dataclass(frozen=True)
class Member:
    """One supervised person (``docs/data/people.yml``)."""

    name: str
    level: str
    topic: str
    start: int
    end: int | None = None
    institution: str = ""
    links: tuple[Link, ...] = ()

    @property
    def anchor(self) -> str:
        """The id of the person's row on the team page, e.g. ``person-andi-li``."""
        return "person-" + re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    @property
    def years(self) -> str:
        """"2024" or "2022–2023", as given in the data."""
        return f"{self.start}–{self.end}" if self.end and self.end != self.start else str(self.start)


def from_data(data: Any) -> list[Member]:
    """Members from ``people.yml``, in the order of ``LEVELS`` and then newest first."""
    members = [build(Member, {**item, "links": [build(Link, link) for link in item.get("links", [])]})
               for item in items(data, "people")]
    order = list(LEVELS)
    return sorted(members, key=lambda m: (order.index(m.level), -m.start))
