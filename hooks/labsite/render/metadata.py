"""Machine-readable metadata for a page's <head>: Google Scholar, schema.org, Open Graph."""

from __future__ import annotations

import json

from ..profile import Profile
from ..publications import Publication
from .html import text


def paper_head(paper: Publication, page_url: str | None, pdf_url: str | None) -> str:
    """Google Scholar tags and schema.org data for a paper's own page.

    ``page_url`` and ``pdf_url`` must be absolute (or None when the site's address
    is unknown): indexers do not resolve relative addresses in metadata.
    """
    return "\n".join(_scholar_tags(paper, pdf_url) + [json_ld(_scholarly_article(paper, page_url))])


def paper_summary(paper: Publication) -> str:
    """A one-line description of a paper: its abstract, or authors, venue and year."""
    when = f", {paper.year}" if paper.year else ""
    return paper.abstract or f"{paper.byline}. {paper.venue or paper.kind_label}{when}."


def site_settings(profile: Profile) -> dict[str, str]:
    """The site-wide settings that name the owner, from the profile: the author (the
    pages' ``author`` tag), the footer's copyright line and the site's description."""
    where = f" at {profile.institution}" if profile.institution else ""
    role = f", {profile.position}{where}" if profile.position else where
    topics = f": {', '.join(profile.interests)}" if profile.interests else ""
    return {"site_author": profile.name,
            "copyright": ", ".join(part for part in (profile.name, profile.institution) if part),
            "site_description": f"{profile.name}{role}{topics}." if profile.name else ""}


def social_tags(title: str, description: str, site_name: str, page_url: str | None, image_url: str | None,
                kind: str = "website") -> str:
    """Open Graph and Twitter card tags: what a link to the page shows when shared."""
    tags = [("og:type", kind), ("og:title", title), ("og:description", description[:300]),
            ("og:site_name", site_name)]
    if page_url:
        tags.append(("og:url", page_url))
    if image_url:
        tags += [("og:image", image_url), ("og:image:width", "1200"), ("og:image:height", "630")]
    lines = [f'<meta property="{name}" content="{text(value)}">' for name, value in tags]
    lines.append(f'<meta name="twitter:card" content="{"summary_large_image" if image_url else "summary"}">')
    return "\n".join(lines)


def _scholar_tags(paper: Publication, pdf_url: str | None) -> list[str]:
    tags = [("citation_title", paper.title)]
    tags += [("citation_author", f"{a.last}, {a.first}" if a.first else a.last)
             for a in paper.authors if not a.is_others]
    if paper.year:
        tags += [("citation_publication_date", f"{paper.year}/{paper.month:02d}" if paper.month else str(paper.year))]
    venue_tag = {"article": "citation_journal_title", "phdthesis": "citation_dissertation_institution",
                 "mastersthesis": "citation_dissertation_institution",
                 "techreport": "citation_technical_report_institution"}.get(paper.kind, "citation_conference_title")
    if paper.venue:
        tags.append((venue_tag, paper.venue))
    first, _, last = paper.pages.partition("–")
    tags += [(name, value) for name, value in (
        ("citation_volume", paper.volume), ("citation_issue", paper.number), ("citation_firstpage", first),
        ("citation_lastpage", last), ("citation_publisher", paper.publisher), ("citation_doi", paper.doi),
        ("citation_arxiv_id", paper.arxiv), ("citation_pdf_url", pdf_url or ""),
        ("citation_keywords", "; ".join(paper.keywords))) if value]
    return [f'<meta name="{name}" content="{text(value)}">' for name, value in tags]


def _scholarly_article(paper: Publication, page_url: str | None) -> dict:
    article = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": paper.title,
        "name": paper.title,
        "author": [{"@type": "Person", "name": a.display()} for a in paper.authors if not a.is_others],
    }
    if paper.year:
        article["datePublished"] = f"{paper.year}-{paper.month:02d}" if paper.month else str(paper.year)
    if paper.venue:
        article["isPartOf"] = {"@type": "PublicationIssue" if paper.kind == "article" else "CreativeWork",
                               "name": paper.venue}
    if paper.abstract:
        article["abstract"] = paper.abstract
    if paper.keywords:
        article["keywords"] = list(paper.keywords)
    same_as = ([f"https://doi.org/{paper.doi}"] if paper.doi else []) + \
        ([f"https://arxiv.org/abs/{paper.arxiv}"] if paper.arxiv else [])
    if same_as:
        article["sameAs"] = same_as
    if paper.doi:
        article["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": paper.doi}
    if page_url:
        article["url"] = page_url
    return article


def person_head(profile: Profile, site_url: str | None) -> str:
    """schema.org Person data for the home page, with the owner's profiles as ``sameAs``."""
    person = {"@context": "https://schema.org", "@type": "Person", "name": profile.name}
    if profile.position:
        person["jobTitle"] = profile.position
    if profile.institution:
        person["affiliation"] = {"@type": "Organization", "name": profile.institution}
    if profile.email:
        person["email"] = f"mailto:{profile.email}"
    if profile.interests:
        person["knowsAbout"] = list(profile.interests)
    if profile.links:
        person["sameAs"] = [link.url for link in profile.links]
    if site_url:
        person["url"] = site_url
    return json_ld(person)


def json_ld(data: dict) -> str:
    """A JSON-LD script element; ``<``, ``>`` and ``&`` are escaped so data cannot close it."""
    payload = json.dumps(data, ensure_ascii=False, indent=None)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{payload}</script>'
