"""The supervision record: one table per level of study."""

from __future__ import annotations

from itertools import groupby

from ..people import LEVEL_NOUNS, LEVELS, Member, level_label
from ..profile import Profile
from ..publications import Publication
from .career import contact_links
from .html import block, element, heading, join_words, link, portrait, table, text


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


def team_cards(members: list[Member], year: int, papers: dict[str, list[Publication]], leader: Profile,
               root: str = "", depth: int = 2) -> str:
    """Markdown for the team page: the group's leader, current members by level, then the alumni.

    ``year`` decides who is current; ``papers`` maps a member's anchor to their
    papers; the leader's institution is left out of members' entries.
    """
    current = [m for m in members if m.is_current(year)]
    alumni = sorted((m for m in members if not m.is_current(year)), key=lambda m: -(m.end or m.start))
    parts = [heading(depth, "Group leader"), _leader_card(leader, root)] if leader.name else []
    if not members:
        return "".join(parts) + block('<p class="lab-empty">No members listed yet.</p>')
    for level, group in groupby(current, key=lambda m: m.level):  # members come ordered by level
        parts += [heading(depth, LEVELS[level]), _cards(list(group), papers, leader.institution, root, alumni=False)]
    if alumni:
        parts += [heading(depth, "Alumni"), _cards(alumni, papers, leader.institution, root, alumni=True)]
    return "".join(parts)


def _leader_card(leader: Profile, root: str) -> str:
    where = ", ".join(text(part) for part in (leader.unit, leader.institution) if part)
    lines = [element("p", element("strong", text(leader.name)), "lab-person__name"),
             element("p", f"{text(leader.position)}{' · ' + where if where else ''}", "lab-person__meta"),
             contact_links(leader)]
    return block(f'<div class="lab-team lab-team--leader"><article class="lab-person" id="person-leader">'
                 f'{portrait(leader.name, leader.photo, root, "lab-person__photo")}'
                 f'<div class="lab-person__body">{"".join(lines)}</div></article></div>')


def _cards(members: list[Member], papers: dict[str, list[Publication]], home: str, root: str, alumni: bool) -> str:
    cards = "".join(_card(m, papers.get(m.anchor, []), home, root, alumni) for m in members)
    return block(f'<div class="lab-team">{cards}</div>')


def _card(member: Member, papers: list[Publication], home: str, root: str, alumni: bool) -> str:
    when = member.years if alumni or member.end else f"since {member.start}"
    meta = [level_label(member.level), when]
    if member.institution and member.institution != home:
        meta.append(member.institution)
    lines = [element("p", element("strong", text(member.name)), "lab-person__name"),
             element("p", text(" · ".join(meta)), "lab-person__meta")]
    if member.topic:
        lines.append(element("p", f"Topic: {text(member.topic)}"))
    if member.co_supervisors:
        who = [link(c.url, text(c.name)) if c.url else text(c.name) for c in member.co_supervisors]
        lines.append(element("p", f"Co-supervised with {join_words(who)}"))
    if alumni and member.thesis:
        lines.append(element("p", f"Thesis: {element('em', text(member.thesis))}"))
    if alumni and member.next_position:
        lines.append(element("p", f"Then: {text(member.next_position)}"))
    links = ([link(member.homepage, "Homepage")] if member.homepage else []) + \
        [link(l.url, text(l.label)) for l in member.links]
    if links:
        lines.append(element("p", " · ".join(links), "lab-person__links"))
    if papers:
        items = "".join(element("li", f'{link(f"publications/{p.slug}/", text(p.title), root)} '
                                      f'<span class="lab-muted">{text(p.abbr or p.venue)} {p.year or ""}</span>')
                        for p in papers)
        # Out of search: each paper is found on its own page, not again on the team page.
        lines.append(f'<details class="lab-person__papers" data-search-exclude>'
                     f"<summary>Papers with the group ({len(papers)})</summary><ul>{items}</ul></details>")
    picture = portrait(member.name, member.photo, root, "lab-person__photo")
    return (f'<article class="lab-person" id="{text(member.anchor)}">{picture}'
            f'<div class="lab-person__body">{"".join(lines)}</div></article>')


def supervision_summary(members: list[Member], supervisor: str, year: int) -> str:
    """Counts of current and past students by level, with their institutions."""
    if not members:
        return block('<p class="lab-empty">No students listed yet.</p>')
    current = _counts([m for m in members if m.is_current(year)])
    past = _counts([m for m in members if not m.is_current(year)])
    sentences = []
    if current:
        sentences.append(f"{text(supervisor)} currently supervises {current}.")
    if past:
        sentences.append(f"{'Past' if current else text(supervisor) + ' has supervised'} "
                         f"{'students: ' if current else ''}{past}.")
    return block(element("p", " ".join(sentences), "lab-supervision"))


def _counts(members: list[Member]) -> str:
    parts = []
    for level in LEVELS:
        group = [m for m in members if m.level == level]
        if group:
            one, many = LEVEL_NOUNS[level]
            places = sorted({m.institution for m in group if m.institution})
            where = f" ({text(', '.join(places))})" if places else ""
            parts.append(f"{len(group)} {text(one if len(group) == 1 else many)}{where}")
    return join_words(parts)
