"""The owner's profile, career, awards and the CV summary."""

from __future__ import annotations

from typing import Callable
from urllib.parse import quote

from ..career import Award, Degree, Position
from ..profile import Profile
from ..publications import Publication
from ..records import month_label
from ..themes import Theme
from .activities import period
from .html import block, element, link, text


def profile_card(profile: Profile, with_bio: bool = True) -> str:
    """Position, institution, affiliations and profile links; then the biography."""
    lines = [element("p", f"{element('strong', text(profile.position))}, {text(profile.institution)}"
                     + (f"<br>{text(profile.unit)}" if profile.unit else ""), "lab-profile__position")]
    if profile.affiliations:
        items = "".join(element("li", f"{text(a.role)}, {link(a.url, text(a.name)) if a.url else text(a.name)}")
                        for a in profile.affiliations)
        lines.append(f'<ul class="lab-profile__affiliations">{items}</ul>')
    lines.append(links_row(profile))
    bio = "".join(element("p", text(paragraph)) for paragraph in profile.bio) if with_bio else ""
    return block(f'<div class="lab-profile">{"".join(lines)}</div>') + (block(bio) if bio else "")


def links_row(profile: Profile) -> str:
    """The owner's e-mail and profile links as buttons."""
    links = [link(l.url, text(l.label), css="md-button") for l in profile.links]
    if profile.email:
        links.insert(0, link(f"mailto:{profile.email}", text(profile.email), css="md-button md-button--primary"))
    return f'<p class="lab-links">{" ".join(links)}</p>' if links else ""


# Icons of Material's bundled sets for the addresses people link to, by a part of the address.
SOCIAL_ICONS = (("mailto:", "fontawesome/solid/envelope"), ("github.com", "fontawesome/brands/github"),
                ("twitter.com", "fontawesome/brands/x-twitter"), ("x.com", "fontawesome/brands/x-twitter"),
                ("scholar.google", "fontawesome/brands/google-scholar"), ("orcid.org", "fontawesome/brands/orcid"),
                ("linkedin.com", "fontawesome/brands/linkedin"), (".pdf", "fontawesome/solid/file-pdf"))
OTHER_ICON = "fontawesome/solid/globe"


def social_links(profile: Profile) -> list[dict[str, str]]:
    """The owner's e-mail and profile links in the form of Material's ``extra.social``
    (its footer shows them as icons on every page)."""
    entries = [(f"mailto:{profile.email}", f"E-mail {profile.email}")] if profile.email else []
    entries += [(item.url, item.label) for item in profile.links]
    return [{"icon": next((icon for part, icon in SOCIAL_ICONS if part in url.lower()), OTHER_ICON),
             "link": url, "name": name} for url, name in entries]


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
    return block(f'<div class="lab-contact"><p>{element("strong", text(profile.name))}<br>{where}</p>'
                 f"{links_row(profile)}</div>")


def _dated(when: str, what_html: str, detail_html: str) -> str:
    detail = f'<br><span class="lab-muted">{detail_html}</span>' if detail_html else ""
    return f'<li><span class="lab-timeline__when">{text(when)}</span> {what_html}{detail}</li>'


def themes_list(themes: list[Theme], by_topic: dict[str, list[Publication]], root: str = "") -> str:
    """Each theme with its summary, a link to its section of the research page, and its papers."""
    items = []
    for theme in themes:
        count = len(by_topic.get(theme.topic, []))
        papers = link(f"publications/?topic={quote(theme.topic)}", f"{count} paper{'s' if count != 1 else ''}", root)
        items.append(element("li", f"{link(f'research/#{theme.section}', element('strong', text(theme.title)), root)}"
                                   f" ({papers}): {text(theme.summary)}"))
    return block(f'<ul class="lab-themes">{"".join(items)}</ul>')
