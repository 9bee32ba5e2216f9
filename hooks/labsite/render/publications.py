"""Publications: list entries, the list with its filter bar, and a paper's own page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import groupby
from urllib.parse import quote

from ..citedby import Counts
from ..names import Name, Roster
from ..records import day_label
from ..publications import Publication
from ..venues import Venues, rank_order
from .html import block, element, heading, href, html_heading, link, safe_url, text

EQUAL_MARK, CORRESPONDING_MARK = "*", "†"
FILTER_FORM = "lab-filter"  # the form's id, which the empty state's Clear button names


@dataclass(frozen=True)
class PaperContext:
    """What rendering a paper needs besides the paper: who to mark, ranks, where the root is."""

    roster: Roster = field(default_factory=Roster)
    venues: Venues = Venues()
    root: str = ""
    max_authors: int = 10
    topics: dict[str, str] = field(default_factory=dict)  # a topic's name for readers (themes.yml), by keyword
    citedby: Counts = field(default_factory=Counts)  # OpenAlex's counts (docs/data/citedby.yml), if fetched

    def paper_url(self, paper: Publication) -> str:
        """The address of the paper's own page, from the current page."""
        return f"{self.root}publications/{paper.slug}/"


def publication_list(papers: list[Publication], context: PaperContext, by_year: bool = True,
                     depth: int = 2, with_details: bool = True) -> str:
    """Markdown for ``papers`` (already in display order), with a legend of the marks used.

    With ``by_year``, each year gets a heading of level ``depth``, so years
    appear in the page's table of contents. Without ``with_details``, entries leave
    out the folded abstract and BibTeX (the paper's own page has them).
    """
    if not papers:
        return block('<p class="lab-empty">No publications yet.</p>')
    parts = [block(legend(papers, context))]
    groups = groupby(papers, key=lambda p: p.year_label) if by_year else [(None, papers)]
    for year, group in groups:
        if year is not None:
            # Each paper has a page of its own, which search finds: a list would find it twice.
            parts.append(heading(depth, year, searched=False))
        entries = "".join(entry(paper, context, with_details) for paper in group)
        parts.append(block(f'<ol class="lab-pubs" data-search-exclude>{entries}</ol>'))
    return "".join(parts)


def legend(papers: list[Publication], context: PaperContext) -> str:
    """A line explaining the marks that ``papers`` use (empty if they use none)."""
    marks = []
    if any(context.roster.role(name)[0] == "member" for p in papers for name in p.authors):
        marks.append(f'{element("span", "Underlined", "lab-member")}: member of the group')
    if any(p.equal_contribution for p in papers):
        marks.append(f"<sup>{EQUAL_MARK}</sup> equal contribution")
    if any(p.corresponding for p in papers):
        marks.append(f"<sup>{CORRESPONDING_MARK}</sup> corresponding author")
    return element("p", " · ".join(marks), "lab-legend") if marks else ""


def entry(paper: Publication, context: PaperContext, with_details: bool = True) -> str:
    """One paper as a list item: badges, title, authors, venue, links, abstract, BibTeX.

    The ``data-*`` attributes feed the filter bar.
    """
    title = link(context.paper_url(paper), text(paper.title), css="lab-pub__title")
    where = venue(paper)
    parts = [
        badges(paper, context.venues),
        title,
        element("div", authors(paper, context), "lab-pub__authors"),
        element("span", where, "lab-pub__venue") if where else "",
        cited_line(paper, context.citedby),
        actions(paper, context.root, with_details),
    ]
    data = {"year": paper.year_label, "type": paper.kind_label, "topics": " ".join(paper.keywords),
            "rank": context.venues.rank(paper.abbr)}
    if context.citedby:  # the filter bar sorts by it; a paper OpenAlex did not find counts as none
        counted = context.citedby.of(paper.key)
        data["citations"] = str(counted.count if counted else 0)
    attributes = "".join(f' data-{name}="{text(value)}"' for name, value in data.items())
    return f'<li class="lab-pub" id="{text(paper.key)}"{attributes}>{"".join(p for p in parts if p)}</li>'


def authors(paper: Publication, context: PaperContext) -> str:
    """The author list: the owner in bold, group members linked, marks as superscripts.

    A list longer than ``context.max_authors`` is cut, never before a marked author,
    and the rest is behind an "and N more" that opens without JavaScript; opened, the
    names continue the line (publications.css, and publications.js for browsers whose
    <details> cannot be styled so).
    """
    shown = [_author(index, name, paper, context) for index, name in enumerate(paper.authors)]
    marked = [i for i, name in enumerate(paper.authors) if context.roster.role(name)[0]]
    visible = max(context.max_authors, marked[-1] + 1 if marked else 0)
    if len(shown) <= visible + 1:
        return ", ".join(shown)
    rest = len(shown) - visible
    # The separators live inside <details>: a space at the start of its content would collapse.
    return (", ".join(shown[:visible]) + f'<details class="lab-more-authors"><summary>, and {rest} more</summary>, '
            + ", ".join(shown[visible:]) + "</details>")


def _author(index: int, name: Name, paper: Publication, context: PaperContext) -> str:
    if name.is_others:
        return "et al."
    shown = text(name.display())
    role, address = context.roster.role(name)
    if role == "owner":
        shown = element("strong", shown, "lab-owner")
    elif role == "member":
        shown = f'<a class="lab-member" href="{text(context.root + address)}" title="Member of the group">{shown}</a>'
    marks = (EQUAL_MARK if index in paper.equal_contribution else "") + \
        (CORRESPONDING_MARK if index in paper.corresponding else "")
    return shown + (f"<sup>{marks}</sup>" if marks else "")


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
    # Venues often name the year already: al-folio's "NeurIPS 2025", or "… 38 (NeurIPS 2025)",
    # after which a year alone would only repeat it (beside a publisher it dates the volume).
    named = paper.venue.endswith(str(paper.year)) or (_names_year(paper.venue, paper.year)
                                                      and not (paper.publisher or paper.address))
    year = str(paper.year) if paper.year and not named else ""
    parts.append(", ".join(text(p) for p in (paper.publisher, paper.address, year) if p))
    written = ". ".join(part for part in parts if part)
    return written + "." if written else ""


def _names_year(venue: str, year: int) -> bool:
    """Whether ``venue`` names ``year`` as a number of its own ("ICLR 2025", "(NeurIPS 2025)"), not inside another."""
    return re.search(rf"(?<!\d){year}(?!\d)", venue) is not None


def cited_line(paper: Publication, counts: Counts) -> str:
    """"12 citations (OpenAlex, as of 8 Dec 2026)", or "" when the paper has no count."""
    counted = counts.of(paper.key) if counts else None
    if counted is None:
        return ""
    noun = "citation" if counted.count == 1 else "citations"
    return element("span", text(f"{counted.count:,} {noun} ({attribution(counts)})"), "lab-pub__cited")


def attribution(counts: Counts) -> str:
    """Where and when the counts were counted, as readers see it: "OpenAlex, as of 8 Dec 2026"."""
    return counts.source + (f", as of {day_label(counts.fetched)}" if counts.fetched else "")


def badges(paper: Publication, venues: Venues) -> str:
    """Venue and year, the venue's rank, presentation type and award, as badges."""
    found = []
    if paper.abbr:
        year = f" {paper.year}" if paper.year and not paper.abbr.endswith(str(paper.year)) else ""
        found.append(element("span", text(paper.abbr + year), "lab-badge lab-badge--venue"))
    rank = venues.rank(paper.abbr)
    if rank and rank.lower() != "unranked":
        label = f"{venues.ranking} {rank}" if venues.ranking else rank
        found.append(element("span", text(label), "lab-badge lab-badge--rank"))
    if paper.presentation:
        found.append(element("span", text(paper.presentation.capitalize()), "lab-badge lab-badge--presentation"))
    if paper.award:
        found.append(element("span", text(paper.award), "lab-badge lab-badge--award"))
    return element("span", "".join(found), "lab-pub__badges") if found else ""


def actions(paper: Publication, root: str, with_details: bool = True) -> str:
    """The row under an entry: its link buttons, then the abstract and BibTeX toggles."""
    row = links(paper, root) + (details(paper) if with_details else "")
    return element("div", row, "lab-pub__actions") if row else ""


def links(paper: Publication, root: str) -> str:
    """PDF first, then arXiv and DOI, then the other links in ``LINK_FIELDS`` order, as buttons."""
    found = list(paper.links)
    identifiers = []
    if paper.arxiv:
        identifiers.append(("arXiv", f"https://arxiv.org/abs/{paper.arxiv}"))
    if paper.doi:
        identifiers.append(("DOI", f"https://doi.org/{paper.doi}"))
    ordered = [f for f in found if f[0] == "PDF"] + identifiers + [f for f in found if f[0] != "PDF"]
    anchors = [link(url, text(label), root, "lab-pub__link") for label, url in ordered if href(url, root)]
    return element("span", " ".join(anchors), "lab-pub__links") if anchors else ""


def reference(paper: Publication, context: PaperContext) -> str:
    """The paper as a reference, for a footnote: every author, the title linked to its page, the venue."""
    everyone = replace(context, max_authors=len(paper.authors))
    return f"{authors(paper, everyone)}. {link(context.paper_url(paper), text(paper.title))}. {venue(paper)}"


def pdf_url(paper: Publication, root: str) -> str | None:
    """The address of the paper's PDF, if it has one."""
    return safe_url(paper.pdf, root) if paper.pdf else None


def details(paper: Publication) -> str:
    """The abstract and the BibTeX, each folded away until opened."""
    parts = []
    if paper.abstract:
        parts.append(f'<details class="lab-pub__toggle lab-pub__abstract"><summary>Abstract</summary>'
                     f"<p>{text(paper.abstract)}</p></details>")
    if paper.entry is not None:
        # A plain <pre>, not <pre><code>: Material's script would set up every code
        # block of a long list (hundreds of milliseconds on a phone); ours adds a copy
        # button to a block when it is opened.
        parts.append(f'<details class="lab-pub__toggle lab-pub__bibtex" data-search-exclude><summary>BibTeX</summary>'
                     f'<pre class="lab-bibtex">{text(paper.bibtex.strip())}</pre></details>')
    return "".join(parts)


def paper_page(paper: Publication, related: list[Publication], context: PaperContext) -> str:
    """The body of a paper's own page: everything known about it, and related papers."""
    everyone = replace(context, max_authors=len(paper.authors))
    # The title stays in the page that the theme renders: without an <h1> there, it adds its own.
    # Search has the title from the page's front matter: reading this heading too, each
    # result would show the title twice. (The wrapper keeps the block itself searched, and so
    # in the page when the theme looks for an <h1>: see labsite.stash.)
    title = f'<header><h1 class="lab-paper__title" data-search-exclude>{text(paper.title)}</h1></header>'
    head = (f'<div class="lab-paper" data-search-exclude>{badges(paper, context.venues)}'
            f'<div class="lab-pub__authors">{authors(paper, everyone)}</div>'
            f'<p class="lab-pub__venue">{venue(paper)}</p>{cited_line(paper, context.citedby)}'
            f'{actions(paper, context.root, with_details=False)}'
            f'{topic_links(paper, context.root, context.topics)}{legend([paper], context)}</div>')
    # Search reads this plain text instead of the head (labsite.stash): the same words in
    # a tenth of the tags, which a thousand papers' pages make worth it, and cleaner results.
    # (The search result's title is the page's.)
    where = " ".join(part for part in (paper.venue or paper.kind_label, paper.abbr, str(paper.year or "")) if part)
    search_text = f'<p class="lab-search-text">{text(paper.byline)}. {text(where)}.</p>'
    # Every part is a block, headings too: Markdown then reads the page as one piece, which
    # a thousand papers' pages make worth it (the table of contents is hidden here).
    parts = [title, search_text, head]
    if paper.abstract:
        parts += [html_heading(2, "Abstract", "abstract"), element("p", text(paper.abstract), "lab-paper__abstract")]
    # BibTeX repeats what the page says: searching it would only find every paper twice.
    # Nothing from here on is searched: the headings say so too, for search to skip their sections.
    parts += [html_heading(2, "Cite", "cite", searched=False),
              f'<pre class="lab-cite" data-search-exclude><code>{text(paper.bibtex.strip())}</code></pre>']
    if related:
        items = "".join(f"<li>{link(context.paper_url(p), text(p.title))} "
                        f'<span class="lab-muted">{text(p.abbr or p.venue)} {p.year or ""}</span></li>' for p in related)
        # Out of search: a search for one paper's title would find every related page too.
        parts += [html_heading(2, "Related papers", "related-papers", searched=False),
                  f'<ul class="lab-related" data-search-exclude>{items}</ul>']
    back = link(f"{context.root}publications/#{paper.key}", "All publications")
    parts.append(f'<p class="lab-paper__back" data-search-exclude>← {back}</p>')
    return "".join(block(part) for part in parts)


def topic_links(paper: Publication, root: str, names: dict[str, str] | None = None) -> str:
    """The paper's topics, each a link to the publication list filtered to it (publications.js reads ``?topic=``).

    A topic shows by its name in ``names`` (a research theme's title) where it has one, else as written.
    """
    if not paper.keywords:
        return ""
    names = names or {}
    tags = "".join(f"<li>{link(root + 'publications/?topic=' + quote(topic, safe=''), text(names.get(topic, topic)))}"
                   "</li>" for topic in paper.keywords)
    return f'<div class="lab-paper__topics">Topics: <ul class="lab-topics">{tags}</ul></div>'


def filter_bar(papers: list[Publication], venues: Venues, topic_names: dict[str, str] | None = None,
               sortable: bool = False) -> str:
    """The filter form above a publication list, and what shows when nothing matches.

    Topics show by their names in ``topic_names`` (research themes' titles) where they have one.

    Both start hidden and the site's script shows them, so that a reader without
    JavaScript sees the full list and no controls that do nothing.
    """
    years = list(dict.fromkeys(p.year_label for p in sorted(papers, key=lambda p: p.order)))
    kinds = sorted({p.kind_label for p in papers})
    names = topic_names or {}
    topics = sorted({t for p in papers for t in p.keywords}, key=lambda topic: names.get(topic, topic).lower())
    ranks = sorted((rank for rank in {venues.rank(p.abbr) for p in papers} if rank), key=rank_order)
    selects = "".join(_select(name, label, [(value, shown.get(value, value)) for value in values])
                      for name, label, values, shown in (("year", "Year", years, {}), ("type", "Type", kinds, {}),
                                                         ("topic", "Topic", topics, names),
                                                         ("rank", "Rank", ranks, {}))
                      if values)
    if sortable:  # with citation counts: newest first (as the page is written), or most cited first
        selects += ('<label>Sort <select name="sort"><option value="">Newest first</option>'
                    '<option value="citations">Most cited</option></select></label>')
    return (
        f'<form class="lab-filter" id="{FILTER_FORM}" role="search" aria-label="Filter publications" hidden>'
        # Not "q": Material opens its own search for an address with ?q=.
        '<label class="lab-filter__search">Search <input type="search" name="text" '
        'placeholder="Title, author, venue…" autocomplete="off"></label>'
        f'{selects}<button type="reset" class="md-button">Clear</button>'
        f'<p class="lab-filter__count" aria-live="polite">{len(papers)} papers</p></form>'
        # Where the list would be, outside the grey form; its button clears the form all the same.
        '<p class="lab-filter__empty" hidden>No papers match these filters. '
        f'<button type="reset" form="{FILTER_FORM}" class="md-button">Clear the filters</button></p>'
    )


def _select(name: str, label: str, choices: list[tuple[str, str]]) -> str:
    """A labelled select of ``choices``, each a value and what the reader sees, after "All"."""
    options = '<option value="">All</option>' + "".join(
        f'<option value="{text(value)}">{text(shown)}</option>' for value, shown in choices)
    return f'<label>{text(label)} <select name="{name}">{options}</select></label>'
