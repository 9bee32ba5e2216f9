"""Publication counts and the papers-per-year chart, computed from the data at build time."""

from __future__ import annotations

import datetime
from collections import Counter

from ..citedby import Counts, h_index
from ..profile import Record
from ..publications import Publication
from ..records import day_label
from ..venues import TOP_RANKS, Venues
from .html import element, text
from .publications import attribution

BAR_WIDTH, BAR_GAP, CHART_HEIGHT, LABEL_SPACE = 30, 10, 120, 18  # a slot fits a four-digit year
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def publication_counts(papers: list[Publication], venues: Venues, as_of: datetime.date | None = None) -> str:
    """One line: how many papers the site lists, and how many at top-ranked venues.

    For example "26 papers on this site as of 1 Jun 2025 · 12 at A* venues · 5 at A venues
    (CORE2023)"; "on this site" keeps it apart from the owner's whole record
    (``record_line``), and holds on any page, whichever papers the page itself lists.
    ``as_of`` is the day the data last changed, as the CV's "last updated" gives it.
    """
    ranks = Counter(venues.rank(p.abbr) for p in papers)
    dated = f' as of <time datetime="{as_of.isoformat()}">{day_label(as_of)}</time>' if as_of else ""
    parts = [f"{element('strong', str(len(papers)))} paper{'s' if len(papers) != 1 else ''} on this site{dated}"]
    parts += [f"{element('strong', str(ranks[rank]))} at {text(rank)} venues" for rank in TOP_RANKS if ranks[rank]]
    ranking = f" ({text(venues.ranking)})" if venues.ranking and len(parts) > 1 else ""
    return element("p", " · ".join(parts) + ranking, "lab-counts")


def citation_line(papers: list[Publication], counts: Counts) -> str:
    """The papers' citations in all and their h-index, with where and when they were counted,
    e.g. "1,204 citations · h-index 14 (OpenAlex, as of 8 Dec 2026)"; "" without counts."""
    found = [counted.count for paper in papers if (counted := counts.of(paper.key)) is not None] if counts else []
    if not found:
        return ""
    return element("p", f"{element('strong', f'{sum(found):,}')} citations · h-index "
                        f"{element('strong', str(h_index(found)))} ({text(attribution(counts))})", "lab-cited")


def record_line(record: Record | None, owner: str = "") -> str:
    """The owner's own dated summary of their whole record, as they stated it, e.g.
    "Lu Yin's own count, as of December 2024: …" (which the site's list need not reach)."""
    if record is None:
        return ""
    whose = f"{owner}'s own count" if owner else "The owner's own count"
    return element("p", f"{text(whose)}, as of {text(_month_year(record.as_of))}: {text(record.summary)}.",
                   "lab-record")


def _month_year(month: str) -> str:
    """``2024-12`` in words: ``December 2024``."""
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def venue_counts(papers: list[Publication]) -> str:
    """Papers per venue, most first, e.g. "5 ICML · 3 NeurIPS · …" (papers with an ``abbr``)."""
    per_venue = Counter(p.abbr for p in papers if p.abbr)
    ordered = sorted(per_venue.items(), key=lambda pair: (-pair[1], pair[0].lower()))
    return element("p", "By venue: " + " · ".join(f"{n} {text(abbr)}" for abbr, n in ordered),
                   "lab-venues") if ordered else ""


def papers_per_year_chart(papers: list[Publication]) -> str:
    """An inline SVG bar chart of papers per year, oldest year on the left.

    Years without papers between the first and the last get an empty slot, so the
    time axis is even. Screen readers get the numbers as the image's label.
    """
    per_year = Counter(p.year for p in papers if p.year is not None)
    if not per_year:
        return ""
    years = list(range(min(per_year), max(per_year) + 1))
    tallest = max(per_year.values())
    width = len(years) * (BAR_WIDTH + BAR_GAP) + BAR_GAP
    height = CHART_HEIGHT + 2 * LABEL_SPACE
    label = "Papers per year: " + ", ".join(f"{year}: {per_year[year]}" for year in years if per_year[year])
    bars = []
    for slot, year in enumerate(years):
        x = BAR_GAP + slot * (BAR_WIDTH + BAR_GAP)
        bar_height = round(CHART_HEIGHT * per_year[year] / tallest) if per_year[year] else 0
        y = LABEL_SPACE + CHART_HEIGHT - bar_height
        middle = x + BAR_WIDTH / 2
        if bar_height:
            bars.append(f'<rect class="lab-chart__bar" x="{x}" y="{y}" width="{BAR_WIDTH}" height="{bar_height}"/>'
                        f'<text x="{middle}" y="{y - 4}">{per_year[year]}</text>')
        bars.append(f'<text x="{middle}" y="{height - 4}">{year}</text>')
    # Drawn at its own size, so its labels are 12px; a narrower screen scales it down (publications.css).
    return (f'<figure class="lab-chart"><svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="{text(label)}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{text(label)}</title>{"".join(bars)}</svg>'
            f"<figcaption>Papers on this site, per year</figcaption></figure>")
