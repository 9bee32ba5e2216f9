"""Publication counts and the papers-per-year chart, computed from the data at build time."""

from __future__ import annotations

from collections import Counter

from ..profile import Record
from ..publications import Publication
from ..records import month_label
from ..venues import TOP_RANKS, Venues
from .html import element, text

BAR_WIDTH, BAR_GAP, CHART_HEIGHT, LABEL_SPACE = 28, 10, 120, 18


def publication_counts(papers: list[Publication], venues: Venues) -> str:
    """One sentence: how many papers the site lists, and how many at top-ranked venues.

    For example "On this site: 26 publications, 12 at CORE2023 A* venues and 5 at A venues."
    """
    ranks = Counter(venues.rank(p.abbr) for p in papers)
    sentence = f"On this site: {element('strong', str(len(papers)))} publication{'s' if len(papers) != 1 else ''}"
    top = [(rank, ranks[rank]) for rank in TOP_RANKS if ranks[rank]]
    if top:
        ranking = f"{text(venues.ranking)} " if venues.ranking else ""
        parts = [f"{element('strong', str(count))} at {ranking if i == 0 else ''}{text(rank)} venues"
                 for i, (rank, count) in enumerate(top)]
        sentence += ", " + " and ".join(parts)
    return element("p", sentence + ".", "lab-counts")


def record_line(record: Record | None) -> str:
    """The owner's dated summary of their whole record, e.g. "Overall (as of Dec 2024): …"."""
    if record is None:
        return ""
    return element("p", f"Overall (as of {text(month_label(record.as_of))}): {text(record.summary)}.",
                   "lab-record")


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
        bars.append(f'<text x="{middle}" y="{height - 4}">{year % 100:02d}</text>')
    return (f'<figure class="lab-chart"><svg viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{text(label)}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{text(label)}</title>{"".join(bars)}</svg>'
            f"<figcaption>Papers per year, {years[0]}–{years[-1]} (years shown as two digits)</figcaption></figure>")
