"""The owner's profile, career, awards and the CV summary."""

from __future__ import annotations

import datetime
from typing import Callable
from urllib.parse import quote

from ..career import Award, Degree, Position
from ..profile import Profile
from ..publications import Publication
from ..records import day_label, month_label
from ..themes import Theme
from .activities import period
from . import icons
from .html import block, element, link, portrait, text


def profile_card(profile: Profile, with_bio: bool = True, title: bool = False, affiliations: bool = True,
                 with_portrait: bool = True, root: str = "") -> str:
    """The owner at a glance: portrait, name, position, institution, contact links; then the biography.

    With ``title`` the name is the page's heading (the home page); ``affiliations``
    false leaves out the second homes, for a page whose biography already names them.
    """
    name = element("h1" if title else "p", text(profile.name), "lab-hero__name")
    where = f"{element('strong', text(profile.position))}, {text(profile.institution)}" \
        + (f"<br>{text(profile.unit)}" if profile.unit else "")
    lines = [name, element("p", where, "lab-hero__position")]
    if affiliations and profile.affiliations:
        items = "".join(element("li", f"{text(a.role)}, {link(a.url, text(a.name)) if a.url else text(a.name)}")
                        for a in profile.affiliations)
        lines.append(f'<ul class="lab-hero__affiliations">{items}</ul>')
    lines.append(contact_links(profile))
    picture = portrait(profile.name, profile.photo, root, "lab-hero__photo", lazy=False) if with_portrait else ""
    hero = f'<div class="lab-hero">{picture}<div class="lab-hero__text">{"".join(lines)}</div></div>'
    bio = "".join(element("p", text(paragraph)) for paragraph in profile.bio) if with_bio else ""
    return block(hero) + (block(f'<div class="lab-bio">{bio}</div>') if bio else "")


def contact_links(profile: Profile) -> str:
    """The owner's e-mail address and profile links, each with its icon (the footer's icons)."""
    items = "".join(element("li", link(url, icons.svg(icons.name_for(url)) + element("span", text(label)),
                                       css="lab-contact__link"))
                    for url, label in _addresses(profile))
    return f'<ul class="lab-contact">{items}</ul>' if items else ""


def social_links(profile: Profile) -> list[dict[str, str]]:
    """The owner's e-mail and profile links in the form of Material's ``extra.social``
    (its footer shows them as icons on every page)."""
    email = f"mailto:{profile.email}"
    return [{"icon": icons.name_for(url), "link": url, "name": f"E-mail {label}" if url == email else label}
            for url, label in _addresses(profile)]


def _addresses(profile: Profile) -> list[tuple[str, str]]:
    """(address, label) of the e-mail, first, labelled by itself, and of each profile link."""
    email = [(f"mailto:{profile.email}", profile.email)] if profile.email else []
    return email + [(item.url, item.label) for item in profile.links]


def interests_list(profile: Profile) -> str:
    """Research interests as a row of tags."""
    tags = "".join(element("li", text(interest)) for interest in profile.interests)
    return block(f'<ul class="lab-tags">{tags}</ul>')


def positions_list(positions: list[Position]) -> str:
    """Jobs held, most recent first, with their dates."""
    items = []
    for p in positions:
        where = ", ".join(text(x) for x in (p.organisation, p.location) if x)
        detail = " · ".join(text(x) for x in (p.unit, p.description) if x)
        items.append(_dated(period(p.start, p.end),
                            f"{element('strong', text(p.role))}, {where}", detail))
    return block(f'<ul class="lab-timeline">{"".join(items)}</ul>')


def degrees_list(degrees: list[Degree]) -> str:
    """Degrees, most recent first, with department, specialisation and supervisors."""
    items = []
    for d in degrees:
        detail = [text(d.department) if d.department else "",
                  f"Specialisation: {text(d.specialisation)}" if d.specialisation else "",
                  f"Supervisors: {text('; '.join(d.supervisors))}" if d.supervisors else ""]
        items.append(_dated(period(d.start, d.end), f"{element('strong', text(d.degree))}, {text(d.institution)}",
                            " · ".join(x for x in detail if x)))
    return block(f'<ul class="lab-timeline">{"".join(items)}</ul>')


def awards_list(awards: list[Award], find_paper: Callable[[str], Publication | None], root: str = "") -> str:
    """Awards, most recent first, each linked to its paper's page where one is given."""
    items = []
    for award in awards:
        paper = find_paper(award.paper) if award.paper else None
        detail = f"for “{link(f'publications/{paper.slug}/', text(paper.title), root)}”" if paper else ""
        items.append(_dated(month_label(award.date), f"{element('strong', text(award.title))}, {text(award.event)}",
                            detail))
    return block(f'<ul class="lab-timeline">{"".join(items)}</ul>')


def contact_card(profile: Profile) -> str:
    """Who to write to, where they work, and how to reach them (e-mail if given, profiles)."""
    where = ", ".join(text(part) for part in (profile.position, profile.unit, profile.institution) if part)
    return block(f'<div class="lab-contact-card"><p>{element("strong", text(profile.name))}<br>{where}</p>'
                 f"{contact_links(profile)}</div>")


def _dated(when: str, what_html: str, detail_html: str) -> str:
    detail = f'<br><span class="lab-muted">{detail_html}</span>' if detail_html else ""
    return (f'<li><span class="lab-timeline__when">{text(when)}</span> '
            f'<span class="lab-timeline__what">{what_html}{detail}</span></li>')


def themes_list(themes: list[Theme], by_topic: dict[str, list[Publication]], root: str = "") -> str:
    """Each theme with its summary, a link to its section of the research page, and its papers."""
    items = []
    for theme in themes:
        count = len(by_topic.get(theme.topic, []))
        papers = link(f"publications/?topic={quote(theme.topic)}", f"{count} paper{'s' if count != 1 else ''}", root)
        items.append(element("li", f"{link(theme.url, element('strong', text(theme.title)), root)}"
                                   f" ({papers}): {text(theme.summary)}"))
    return block(f'<ul class="lab-themes">{"".join(items)}</ul>')


def cv_header(profile: Profile, updated: datetime.date | None, root: str = "") -> str:
    """The line that says the page is a CV, the day its data last changed (``labsite.lastchange``),
    and offers its PDF (``cv_pdf``)."""
    updated = "Curriculum vitae" + (f', last updated <time datetime="{updated.isoformat()}">'
                                    f"{day_label(updated)}</time>" if updated else "")
    download = link(profile.cv_pdf, "Download CV (PDF)", root, "md-button lab-cv__download") if profile.cv_pdf else ""
    return block(element("p", f'<span class="lab-cv__updated">{updated}</span> {download}'.strip(), "lab-cv"))
