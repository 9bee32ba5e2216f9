"""Teaching, talks, service and grants: tables and lists of the owner's activities."""

from __future__ import annotations

from itertools import groupby

from ..grants import ComputeAward, Grant
from ..records import month_label
from ..service import Organised, Reviewing
from ..talks import Talk
from ..teaching import Course
from .html import block, element, heading, join_words, link, table, text


def courses_table(courses: list[Course]) -> str:
    """One row per course with all the years it was taught."""
    rows = [[element("strong", text(c.title)), text(c.code), text(c.institution),
             text(", ".join(str(y) for y in c.years))] for c in courses]
    return block(table(["Course", "Code", "Institution", "Years"], rows, "lab-teaching"))


def talks_list(talks: list[Talk], root: str = "", depth: int = 2) -> str:
    """Markdown: a heading (of level ``depth``) per year and the year's talks under it."""
    parts = []
    for year, group in groupby(talks, key=lambda t: t.year):
        items = "".join(element("li", _talk(t, root)) for t in group)
        parts.append(heading(depth, str(year)))
        parts.append(block(f'<ul class="lab-talks">{items}</ul>'))
    return "".join(parts) or block('<p class="lab-empty">No talks listed yet.</p>')


def _talk(talk: Talk, root: str) -> str:
    host = ", ".join(text(part) for part in (talk.host, talk.institution, talk.place) if part)
    slides = f' · {link(talk.slides, "slides", root)}' if talk.slides else ""
    return f'{element("strong", text(talk.title))} <span class="lab-muted">{host}</span>{slides}'


def reviewing_table(years: list[Reviewing]) -> str:
    """Reviewing duties, one row per year."""
    rows = [[text(r.year), text(", ".join(r.conferences)) or "–", text(", ".join(r.journals)) or "–"]
            for r in years]
    return block(table(["Year", "Conferences", "Journals"], rows, "lab-reviewing"))


def organised_list(events: list[Organised], root: str = "") -> str:
    """Events co-organised, newest first."""
    items = []
    for event in events:
        title = element("strong", text(event.title))
        if event.url:
            title = link(event.url, title, root)
        items.append(element("li", f"{title} <span class=\"lab-muted\">{text(event.kind.capitalize())}, "
                                   f"{text(event.event)}</span>"))
    return block(f'<ul class="lab-organised">{"".join(items)}</ul>')


def grants_list(grants: list[Grant]) -> str:
    """Grants as a table: title, funder, amount, period and role."""
    rows = [[element("strong", text(g.title)), text(g.funder), text(amount(g)), text(period(g.start, g.end)),
             _role(g)] for g in grants]
    return block(table(["Grant", "Funder", "Amount", "Period", "Role"], rows, "lab-grants"))


def _role(grant: Grant) -> str:
    if not grant.investigators:
        return text(grant.role)
    return f"{text(grant.role)} (with {join_words([text(name) for name in grant.investigators])})"


def computing_table(awards: list[ComputeAward]) -> str:
    """Computing-time awards with each of their resources."""
    rows = []
    for award in awards:
        resources = "<br>".join(f"{text(r.resource)}: {text(r.amount)}" for r in award.resources)
        name = f'{text(award.id)}<br><span class="lab-muted">{text(award.funder)}</span>'
        rows.append([text(award.year), name, resources])
    return block(table(["Year", "Award", "Resources"], rows, "lab-computing"))


def amount(grant: Grant) -> str:
    """"$90,431.50"-style amount with its currency, or "–" when not given."""
    if grant.amount is None:
        return "–"
    number = f"{grant.amount:,.2f}".removesuffix(".00")
    if grant.currency in ("$", "€", "£", "¥"):
        return f"{grant.currency}{number}"
    return f"{number} {grant.currency}".strip()


def period(start: str, end: str) -> str:
    """"Apr 2023 – Apr 2025", or "Apr 2023 – present" while it lasts."""
    return f"{month_label(start)} – {month_label(end) if end else 'present'}"
