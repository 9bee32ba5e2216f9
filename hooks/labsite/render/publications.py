"""Publication lists: one entry per paper, optionally under a heading per year."""

from __future__ import annotations

from itertools import groupby

from ..names import Name
from ..publications import Publication
from .html import block, element, heading, href, link, text


def publication_list(papers: list[Publication], owner: tuple[Name, ...], root: str = "",
                     by_year: bool = True, depth: int = 2) -> str:
    """Markdown for ``papers`` (already in display order).

    With ``by_year``, each year gets a heading of level ``depth``, so years
    appear in the page's table of contents.
    """
    if not papers:
        return block('<p class="lab-empty">No publications yet.</p>')
    if not by_year:
        return block(_list(papers, owner, root))
    parts = []
    for year, group in groupby(papers, key=lambda p: p.year):
        parts.append(heading(depth, str(year)))
        parts.append(block(_list(list(group), owner, root)))
    return "".join(parts)


def _list(papers: list[Publication], owner: tuple[Name, ...], root: str) -> str:
    entries = "".join(entry(paper, owner, root) for paper in papers)
    return f'<ol class="lab-pubs">{entries}</ol>'


def entry(paper: Publication, owner: tuple[Name, ...], root: str = "") -> str:
    """One paper as a list item: badges, title, authors, venue and links."""
    parts = [
        _badges(paper),
        element("span", text(paper.title), "lab-pub__title"),
        element("span", authors(paper, owner), "lab-pub__authors"),
        element("span", venue(paper), "lab-pub__venue"),
        _links(paper, root),
    ]
    return f'<li class="lab-pub" id="{text(paper.key)}">{"".join(p for p in parts if p)}</li>'


def authors(paper: Publication, owner: tuple[Name, ...]) -> str:
    """The author list, the owner in bold, equal contributors starred."""
    names = []
    for index, name in enumerate(paper.authors):
        if name.is_others:
            names.append("et al.")
            continue
        shown = text(name.display())
        if any(name.matches(spelling) for spelling in owner):
            shown = element("strong", shown, "lab-owner")
        if index in paper.equal_contribution:
            shown += '<sup title="equal contribution">*</sup>'
        names.append(shown)
    listed = ", ".join(names)
    if paper.equal_contribution:
        listed += ' <span class="lab-pub__legend">(* equal contribution)</span>'
    return listed


def venue(paper: Publication) -> str:
    """Where and when the paper appeared, e.g. "<em>Proceedings of …</em>, pp. 1–9. PMLR, 2024."."""
    parts = []
    if paper.venue:
        where = element("em", text(paper.venue))
        if paper.volume:
            where += f", vol. {text(paper.volume)}"
            if paper.number:
                where += f"({text(paper.number)})"
        if paper.pages:
            where += f", pp. {text(paper.pages)}"
        parts.append(where)
    elif paper.arxiv:
        parts.append(f"arXiv preprint arXiv:{text(paper.arxiv)}")
    if paper.note:
        parts.append(text(paper.note))
    parts.append(", ".join(text(p) for p in (paper.publisher, str(paper.year)) if p))
    return ". ".join(parts) + "."


def _badges(paper: Publication) -> str:
    badges = []
    if paper.abbr:
        badges.append(element("span", text(f"{paper.abbr} {paper.year}"), "lab-badge lab-badge--venue"))
    if paper.presentation:
        badges.append(element("span", text(paper.presentation.capitalize()), "lab-badge"))
    if paper.award:
        badges.append(element("span", text(paper.award), "lab-badge lab-badge--award"))
    return element("span", "".join(badges), "lab-pub__badges") if badges else ""


def _links(paper: Publication, root: str) -> str:
    """PDF first, then arXiv and DOI, then the other links in ``LINK_FIELDS`` order."""
    found = [(label, url, _base(label, url, root)) for label, url in paper.links]
    identifiers = []
    if paper.arxiv:
        identifiers.append(("arXiv", f"https://arxiv.org/abs/{paper.arxiv}", ""))
    if paper.doi:
        identifiers.append(("DOI", f"https://doi.org/{paper.doi}", ""))
    ordered = [f for f in found if f[0] == "PDF"] + identifiers + [f for f in found if f[0] != "PDF"]
    links = [link(url, text(label), base, "lab-pub__link") for label, url, base in ordered if href(url, base)]
    return element("span", " ".join(links), "lab-pub__links") if links else ""


def _base(label: str, url: str, root: str) -> str:
    # A bare PDF file name means docs/assets/pdf/<name>, as in al-folio.
    return root + "assets/pdf/" if label == "PDF" and "/" not in url else root
