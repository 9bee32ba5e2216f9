"""Directives: lines such as ``[% publications selected=true %]`` that pages use to
place rendered data.

A directive stands alone on its line, outside code blocks. Options are
``name=value`` pairs; values with spaces are quoted (``topic="llm pruning"``).
An unknown directive or option, or a bad value, is reported with the page and line.
"""

from __future__ import annotations

import datetime
import html
import re
import shlex
from dataclasses import dataclass, field
from collections.abc import Sized
from typing import Any, Callable

from . import pagetext
from .errors import DataError
from .people import LEVELS
from .render import activities, career, news, people, publications, stats, summary
from .render.html import block, text
from .site import SiteData

LINE = re.compile(r"^\[%\s*(?P<body>.*?)\s*%\]\s*$")
HEADING = re.compile(r"^(#{1,6})\s")  # an ATX heading
SHELL_SYNTAX = re.compile(r"[\"'\\]")  # what shlex reads otherwise than a split at white space


def boolean(value: str) -> bool:
    """``true``/``false`` (also yes/no)."""
    words = {"true": True, "yes": True, "false": False, "no": False}
    if value.lower() not in words:
        raise ValueError("expected true or false")
    return words[value.lower()]


def integer(value: str) -> int:
    """A positive whole number."""
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise ValueError("expected a positive whole number")
    return int(value)


def one_of(*choices: str) -> Callable[[str], str]:
    """A parser accepting exactly one of ``choices``."""
    def parse(value: str) -> str:
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}")
        return value
    return parse


def list_of(*choices: str) -> Callable[[str], list[str]]:
    """A parser for a comma-separated list drawn from ``choices``."""
    def parse(value: str) -> list[str]:
        items = [item.strip() for item in value.split(",") if item.strip()]
        wrong = [item for item in items if item not in choices]
        if wrong or not items:
            raise ValueError(f"expected a comma-separated list of {', '.join(choices)}")
        return items
    return parse


def heading_level(value: str) -> int:
    """A Markdown heading level from 2 to 4 (1 is the page title)."""
    if value not in ("2", "3", "4"):
        raise ValueError("expected 2, 3 or 4")
    return int(value)


def words(value: str) -> str:
    """Any non-empty text."""
    if not value:
        raise ValueError("expected a value")
    return value


@dataclass(frozen=True)
class PageInfo:
    """What a directive needs to know of the page it is on, and of the build."""

    root: str = ""  # leads from the page to the site root, e.g. "../"
    max_authors: int = 10
    today: datetime.date = field(default_factory=datetime.date.today)  # decides who is alumni, what expired


@dataclass(frozen=True)
class Directive:
    """What a directive draws, and the options it takes with their parsers."""

    render: Callable[[SiteData, dict[str, Any], PageInfo], str]
    options: dict[str, Callable[[str], Any]] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    # The records it lists, for directives that only list records: with none, it has nothing to show.
    records: Callable[[SiteData], Sized] | None = None


def paper_context(data: SiteData, page: PageInfo) -> publications.PaperContext:
    """The paper-rendering context of a page: who to mark, venues, the way to the root."""
    return publications.PaperContext(data.roster, data.venues, page.root, page.max_authors, data.topic_titles,
                                     data.citedby)


def _publications(data: SiteData, options: dict[str, Any], page: PageInfo) -> str:
    papers = data.publications
    if options.get("selected"):
        papers = [p for p in papers if p.selected]
    if "topic" in options:
        papers = [p for p in papers if options["topic"] in p.keywords]
    if "limit" in options:
        papers = papers[: options["limit"]]
    bar = block(publications.filter_bar(papers, data.venues, data.topic_titles, bool(data.citedby))) \
        if options.get("filters") and papers else ""
    return bar + publications.publication_list(papers, paper_context(data, page),
                                               by_year=options.get("group", "year") == "year",
                                               depth=options.get("heading", 2),
                                               with_details=options.get("details", True))


def _paper(data: SiteData, options: dict[str, Any], page: PageInfo) -> str:
    paper = data.publication(options["key"])
    if paper is None:
        raise ValueError(f"directive 'paper': no publication has the key '{options['key']}'")
    # By key, so that a rebuild can tell whether what this page shows of them changed (labsite.rebuilds).
    return publications.paper_page(paper, data.related(paper.key), paper_context(data, page))


def _updated(data: SiteData, page: PageInfo) -> datetime.date | None:
    """The day the data last changed, never after the build's day (a clock ahead, a build as of a past day)."""
    return min(data.updated, page.today) if data.updated else None


def _stats(data: SiteData, options: dict[str, Any], page: PageInfo) -> str:
    papers = data.publications
    return block(stats.record_line(data.profile.record, data.profile.name)
                 + stats.publication_counts(papers, data.venues, _updated(data, page))
                 + stats.citation_line(papers, data.citedby)
                 + stats.venue_counts(papers) + stats.papers_per_year_chart(papers))


DIRECTIVES: dict[str, Directive] = {
    "profile": Directive(lambda d, o, p: career.profile_card(d.profile, o.get("bio", True), o.get("title", False),
                                                             o.get("affiliations", True), o.get("portrait", True),
                                                             p.root),
                         {"bio": boolean, "title": boolean, "affiliations": boolean, "portrait": boolean}),
    "interests": Directive(lambda d, o, p: career.interests_list(d.profile)),
    "themes": Directive(lambda d, o, p: career.themes_list(d.themes, d.by_topic, p.root), records=lambda d: d.themes),
    "links": Directive(lambda d, o, p: block(career.contact_links(d.profile))),
    "publications": Directive(_publications, {"selected": boolean, "topic": words, "limit": integer,
                                              "group": one_of("year", "none"), "heading": heading_level,
                                              "filters": boolean, "details": boolean},
                              records=lambda d: d.publications),
    "publication-stats": Directive(_stats),
    "paper": Directive(_paper, {"key": words}, required=("key",)),
    "experience": Directive(lambda d, o, p: career.positions_list(d.positions), records=lambda d: d.positions),
    "education": Directive(lambda d, o, p: career.degrees_list(d.degrees), records=lambda d: d.degrees),
    "awards": Directive(lambda d, o, p: career.awards_list(d.awards, d.publication, p.root),
                        records=lambda d: d.awards),
    "contact": Directive(lambda d, o, p: career.contact_card(d.profile)),
    "cv-header": Directive(lambda d, o, p: career.cv_header(d.profile, _updated(d, p), p.root)),
    "supervision": Directive(lambda d, o, p: people.supervision_summary(d.members, d.profile.name or "The group",
                                                                        p.today.year)),
    "team": Directive(lambda d, o, p: people.team_cards(d.members, p.today.year, d.papers_by_member,
                                                        d.profile, p.root, o.get("heading", 2)),
                      {"heading": heading_level}, records=lambda d: d.members),
    "people": Directive(lambda d, o, p: people.people_tables(d.members, o.get("level"), o.get("heading", 2)),
                        {"level": list_of(*LEVELS), "heading": heading_level}, records=lambda d: d.members),
    "teaching": Directive(lambda d, o, p: activities.courses_table(d.courses), records=lambda d: d.courses),
    "talks": Directive(lambda d, o, p: activities.talks_list(d.talks, p.root, o.get("heading", 2)),
                       {"heading": heading_level}, records=lambda d: d.talks),
    "reviewing": Directive(lambda d, o, p: activities.reviewing_table(d.reviewing), records=lambda d: d.reviewing),
    "organisation": Directive(lambda d, o, p: activities.organised_list(d.organised, p.root),
                              records=lambda d: d.organised),
    "grants": Directive(lambda d, o, p: activities.grants_list(d.grants), records=lambda d: d.grants),
    "computing": Directive(lambda d, o, p: activities.computing_table(d.computing), records=lambda d: d.computing),
    "summary": Directive(lambda d, o, p: summary.summary_list(d), records=summary.counted_kinds),
    "news": Directive(lambda d, o, p: news.news_list(d.news, o.get("limit"), o.get("title", ""), p.root,
                                                     d.publication),
                      {"limit": integer, "title": words}, records=lambda d: d.news),
    # Not a list that may be left out: "no positions at the moment" answers what a student came to ask.
    "positions": Directive(lambda d, o, p: news.openings_list(d.openings, p.today, p.root)),
}


def shows_nothing(markdown: str, data: SiteData) -> bool:
    """Whether a page has directives and each only lists records, none of which there are.

    Such a page would only say that there is nothing (no talks yet), so the
    navigation leaves it out; it comes back with its first record.
    """
    names = _directives_in([(line, in_code) for _, line, in_code in pagetext.lines(markdown)])
    return names is not None and _all_empty(names, data)


def without_empty_sections(markdown: str, data: SiteData) -> str:
    """``markdown`` less each section (a heading and what follows it, down to the next
    heading of its level or above) that holds only directives listing records of kinds
    that have none, as on a new site's CV: no heading stands over nothing.

    The section's lines become blank lines, so the lines after it keep their numbers.
    """
    lines = list(pagetext.lines(markdown))
    dropped: set[int] = set()
    for start, (_, line, in_code) in enumerate(lines):
        level = _heading_level(line) if not in_code else 0
        if not level or start in dropped:
            continue
        end = next((n for n in range(start + 1, len(lines))
                    if not lines[n][2] and 0 < _heading_level(lines[n][1]) <= level), len(lines))
        if _lists_only_empty_kinds([(text, code) for _, text, code in lines[start + 1:end]], data):
            dropped.update(range(start, end))
    return "\n".join("" if n in dropped else line for n, (_, line, _) in enumerate(lines))


def _heading_level(line: str) -> int:
    match = HEADING.match(line)
    return len(match.group(1)) if match else 0


def _lists_only_empty_kinds(body: list[tuple[str, bool]], data: SiteData) -> bool:
    """Whether ``body`` (lines, each with whether it is code) has directives, each listing
    records of a kind with none, and nothing else but blank lines and headings."""
    if any(line.strip() and (in_code or not (LINE.match(line) or _heading_level(line))) for line, in_code in body):
        return False
    names = _directives_in(body)
    return names is not None and _all_empty(names, data)


def _directives_in(body: list[tuple[str, bool]]) -> list[str] | None:
    """The names of the directives in ``body``; None if one cannot be read (it shows its error box)."""
    names = []
    for line, in_code in body:
        match = None if in_code else LINE.match(line)
        if match:
            try:
                names.append(parse(match.group("body"))[0])
            except ValueError:
                return None
    return names


def _all_empty(names: list[str], data: SiteData) -> bool:
    """Whether there are directives ``names`` and each lists records of a kind with none."""
    return bool(names) and all(DIRECTIVES[name].records is not None and not DIRECTIVES[name].records(data)
                               for name in names)


def paper_page_source(paper: publications.Publication) -> str:
    """The Markdown of a paper's own page: the directive that draws it.

    The page address, not the key, names the paper: it is plain letters and digits, so
    no key (one holding "@", quotes or "%]") can be read as anything else here.
    """
    return f"[% paper key={paper.slug} %]\n"


def paper_page_meta(paper: publications.Publication) -> dict[str, Any]:
    """What a paper's page would say in front matter, given to it directly: read as YAML,
    front matter cost a thousand papers' pages more than their Markdown.

    The theme prints page titles without escaping them, so the title is HTML text.
    The page hides the theme's sidebars: its navigation would list only "Publications",
    and its few headings need no table of contents; the paper gets the whole width.
    """
    return {"title": html.escape(paper.title), "hide": ["navigation", "toc"]}


def expand(markdown: str, page: str, data: SiteData, info: PageInfo = PageInfo(),
           first_line: int = 1, drawn: dict | None = None) -> tuple[str, list[DataError]]:
    """Replace every directive line of ``markdown`` with what it draws.

    ``page`` names the page in errors, where ``first_line`` is the line number of
    the Markdown's first line in that file.
    A wrong directive becomes a visible error box, and its error is returned.
    ``drawn`` keeps what each directive drew, for the next expansion of the same page
    with the same data in this build, which takes it from there instead of drawing it again.
    """
    lines, errors = [], []
    markdown = without_empty_sections(markdown, data)
    drawn = {} if drawn is None else drawn
    for number, line, in_code in pagetext.lines(markdown, first_line):
        match = None if in_code else LINE.match(line)
        if match is None:
            lines.append(line)
            continue
        key = (match.group("body"), info)
        try:
            if key not in drawn:
                name, options = parse(match.group("body"))
                drawn[key] = DIRECTIVES[name].render(data, options, info)
            lines.append(drawn[key])
        except Exception as problem:  # a ValueError is the page's mistake; anything else must not stop the build
            message = str(problem) if isinstance(problem, ValueError) else \
                f"cannot draw '[% {match.group('body')} %]': {problem!r} (a bug in hooks/labsite: please report it)"
            error = DataError(page, number, message)
            errors.append(error)
            lines.append(_error_box(error))
    return "\n".join(lines), errors


def parse(body: str) -> tuple[str, dict[str, Any]]:
    """Split ``name key=value ...`` and check it; ValueError says what is wrong."""
    try:
        # Without quotes or backslashes, shlex would split at white space: do that, faster
        # (each paper's page has a directive).
        name, *pairs = shlex.split(body) if SHELL_SYNTAX.search(body) else body.split()
    except ValueError as problem:
        raise ValueError(f"cannot read directive '[% {body} %]': {problem}") from None
    directive = DIRECTIVES.get(name)
    if directive is None:
        raise ValueError(f"unknown directive '{name}' (known: {', '.join(sorted(DIRECTIVES))})")
    options = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if key not in directive.options or not equals:
            known = ", ".join(sorted(directive.options)) or "none"
            raise ValueError(f"directive '{name}': unknown option '{pair}' (options: {known})")
        try:
            options[key] = directive.options[key](value)
        except ValueError as problem:
            raise ValueError(f"directive '{name}', option '{key}': {problem}, got '{value}'") from None
    missing = [option for option in directive.required if option not in options]
    if missing:
        raise ValueError(f"directive '{name}' needs the option '{missing[0]}'")
    return name, options


def _error_box(error: DataError) -> str:
    return block(f'<div class="admonition failure"><p class="admonition-title">Error</p>'
                 f"<p>{text(error)}</p></div>")
