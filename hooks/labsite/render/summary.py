"""The CV's summary: counts of everything the site lists, computed from the data."""

from __future__ import annotations

from collections import Counter

from ..people import LEVELS
from ..site import SiteData
from .html import block, element, text


def summary_list(data: SiteData) -> str:
    """One line per kind of activity, each with its count and breakdown."""
    papers = data.publications
    kinds = Counter(p.kind_label for p in papers)
    levels = Counter(m.level for m in data.members)
    venues = {v for r in data.reviewing for v in (*r.conferences, *r.journals)}
    lines = [
        ("Publications", len(papers), ", ".join(f"{n} {k.lower()}{'s' if n > 1 else ''}"
                                                for k, n in kinds.most_common())),
        ("Students supervised", len(data.members),
         ", ".join(f"{levels[level]} {LEVELS[level].split()[0]}" for level in LEVELS if levels[level])),
        ("Courses taught", len(data.courses), f"{sum(len(c.years) for c in data.courses)} course runs"),
        ("Invited talks", len(data.talks), ""),
        ("Reviewing", len(venues), "conferences and journals"),
        ("Events organised", len(data.organised), ""),
        ("Grants", len(data.grants), f"plus {len(data.computing)} computing-time awards" if data.computing else ""),
        ("Awards", len(data.awards), ""),
    ]
    items = "".join(
        element("li", f"{element('strong', text(label))}: {count}"
                      + (f' <span class="lab-muted">({text(detail)})</span>' if detail else ""))
        for label, count, detail in lines if count
    )
    return block(f'<ul class="lab-summary">{items}</ul>')
