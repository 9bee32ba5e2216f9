"""The CV's summary: counts of everything the site lists, computed from the data."""

from __future__ import annotations

from collections import Counter

from ..people import LEVEL_NOUNS, LEVELS
from ..site import SiteData
from .html import block, element, text

IRREGULAR_PLURALS = {"PhD thesis": "PhD theses", "Master's thesis": "Master's theses"}


def counted(count: int, one: str, many: str | None = None) -> str:
    """"1 journal article", "3 journal articles"."""
    return f"{count} {one if count == 1 else many or IRREGULAR_PLURALS.get(one, one + 's')}"


def counted_kinds(data: SiteData) -> list[list]:
    """The kinds of record that the summary counts and that have any: with none, it has nothing to say."""
    kinds = (data.publications, data.members, data.courses, data.talks, data.reviewing, data.organised, data.grants,
             data.awards)
    return [kind for kind in kinds if kind]


def summary_list(data: SiteData) -> str:
    """One line per kind of activity listed on the site, each with its count and breakdown."""
    kinds = Counter(p.kind_label for p in data.publications)
    levels = Counter(m.level for m in data.members)
    venues = {v for r in data.reviewing for v in (*r.conferences, *r.journals)}
    lines = [
        ("Publications listed", len(data.publications),
         ", ".join(counted(n, _in_running_text(kind)) for kind, n in kinds.most_common())),
        ("People supervised", len(data.members),
         ", ".join(counted(levels[level], *LEVEL_NOUNS[level]) for level in LEVELS if levels[level])),
        ("Courses taught", len(data.courses), counted(sum(len(c.years) for c in data.courses), "course run")),
        ("Invited talks", len(data.talks), ""),
        ("Venues reviewed for", len(venues), "conferences and journals"),
        ("Events organised", len(data.organised), ""),
        ("Grants", len(data.grants), f"plus {counted(len(data.computing), 'computing-time award')}"
         if data.computing else ""),
        ("Awards", len(data.awards), ""),
    ]
    items = "".join(
        element("li", f"{element('strong', text(label))}: {count}"
                      + (f' <span class="lab-muted">({text(detail)})</span>' if detail else ""))
        for label, count, detail in lines if count
    )
    return block(f'<ul class="lab-summary">{items}</ul>')


def _in_running_text(label: str) -> str:
    """A label as it reads inside a sentence: "Journal article" gives "journal article",
    but "PhD thesis" keeps its capitals (a word with a capital after its first letter)."""
    first = label.split(" ", 1)[0]
    return label if any(c.isupper() for c in first[1:]) else label[:1].lower() + label[1:]
