"""The supervision record: one table per level of study."""

from __future__ import annotations

from itertools import groupby

from ..people import LEVEL_NOUNS, LEVELS, Member
from .html import block, element, heading, join_words, link, table, text


def people_tables(members: list[Member], levels: list[str] | None = None, depth: int = 2) -> str:
    """Markdown: a heading (of level ``depth``) and a table for each level that has members.

    ``levels`` limits and orders the levels shown (all of ``LEVELS`` by default).
    """
    wanted = levels or list(LEVELS)
    chosen = [m for m in members if m.level in wanted]
    if not chosen:
        return block('<p class="lab-empty">No students listed yet.</p>')
    parts = []
    for level, group in groupby(sorted(chosen, key=lambda m: wanted.index(m.level)), key=lambda m: m.level):
        group = list(group)
        rows = [[_name(m), text(m.topic), text(m.institution), text(m.years)] for m in group]
        parts.append(heading(depth, LEVELS[level]))
        parts.append(block(table(["Name", "Topic", "Institution", "Year"], rows, "lab-people",
                                 row_ids=[m.anchor for m in group])))
    return "".join(parts)


def _name(member: Member) -> str:
    name = element("strong", text(member.name))
    links = [link(l.url, text(l.label)) for l in member.links]
    return name + (f" ({join_words(links)})" if links else "")


def supervision_summary(members: list[Member], supervisor: str) -> str:
    """One sentence counting the people supervised, by level, with their institutions."""
    if not members:
        return block('<p class="lab-empty">No students listed yet.</p>')
    parts = []
    for level in LEVELS:
        group = [m for m in members if m.level == level]
        if group:
            one, many = LEVEL_NOUNS[level]
            places = sorted({m.institution for m in group if m.institution})
            where = f" ({text(', '.join(places))})" if places else ""
            parts.append(f"{len(group)} {text(one if len(group) == 1 else many)}{where}")
    return block(element("p", f"{text(supervisor)} supervises or has supervised {join_words(parts)}.",
                         "lab-supervision"))
