"""MkDocs hook of the lab site: turns MkDocs events into calls of ``labsite``.

- ``on_config`` loads ``docs/data/*.yml`` and the BibTeX files, logs each data
  error or warning as one line, takes the site's author, copyright line and
  description from the profile where ``mkdocs.yml`` does not set them, and hands
  mkdocs-bibtex a stub entry for each paper that pages cite
  (``citations.stub_bibliography``): it numbers the footnotes, whose text the hook
  writes, so no entry can be one that it fails to format;
- ``on_files`` adds a page per paper (``publications/<key>/``), the cleaned
  bibliography (``publications.bib``), the news feed (``news.xml``), the image shown
  when a page is shared (drawn from the profile) and ``robots.txt``;
- ``on_nav`` leaves out of the navigation the pages that would only say there is
  nothing yet (``directives.shows_nothing``); ``on_pre_page`` makes each paper's page
  a child of the publication list's, so that the Publications tab is marked;
- ``on_page_markdown`` checks citations before mkdocs-bibtex sees them, then expands
  the ``[% ... %]`` directives and writes the citations' footnotes; all HTML made from
  data is stashed away from Python-Markdown (``labsite.stash``), which never reads it.
  A page outside any section hides the left sidebar, which would only repeat its tab;
- ``on_page_content`` makes each run of citations one bracket, "[10, 11]"
  (``citations.bracketed``), and puts back what search should read; ``on_post_page``
  puts back the rest (publication lists, BibTeX, related papers), then machine-readable metadata
  into every page's head (Scholar and schema.org data on papers' pages, Person data on
  the home page, sharing cards);
- ``on_shutdown`` removes the hook's temporary folder;
- ``on_post_build`` fails ``mkdocs build`` if there were errors, after the rest of
  the site was written; ``mkdocs serve`` keeps serving it, each page with a banner
  that lists the problems (``render.problems``).

Settings (``extra.lab`` in mkdocs.yml): ``max_authors``, the number of authors shown
before "and N more" (default 10). ``SOURCE_DATE_EPOCH`` sets the build's "today".
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import os
from html import escape, unescape
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from labsite import citations, directives, scratch, stash
from labsite.bibtex_export import cleaned_bibtex
from labsite.render import career, metadata, problems
from labsite.render.news import atom_feed
from labsite.render.publications import pdf_url
from labsite.render.social_card import social_card
from labsite.site import FileCache, SiteData, load

log = logging.getLogger("mkdocs.hooks.lab")

BIBLIOGRAPHY_FILE = "publications.bib"
NEWS_FEED = "news.xml"
SOCIAL_CARD = "assets/social-card.png"  # shown when a page is shared; drawn from the profile
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
ARTICLE = '<article class="md-content__inner md-typeset">'

_command: str | None = None
_cache = FileCache()
_data = SiteData()
_errors: list = []
_paper_pages: dict = {}  # source path of each generated paper page -> its publication
_stashed: dict = {}  # source path of a page -> its HTML blocks, kept from Markdown (see labsite.stash)
_build_info = directives.PageInfo()  # what every page of this build shares: settings, "today"


def on_startup(command, dirty):
    global _command
    _command = command


@event_priority(100)  # before mkdocs-bibtex reads its bib_file
def on_config(config):
    global _data, _build_info
    _build_info = directives.PageInfo(max_authors=_settings(config)["max_authors"], today=_build_date())
    project = Path(config.config_file_path).parent
    bibtex = config.plugins.get("bibtex")
    bib_dir = Path(bibtex.config.bib_dir) if bibtex and bibtex.config.bib_dir else project / "bib"
    docs = Path(config.docs_dir)
    # The pages' Markdown settings: the themes' sections are checked against the heading ids they make.
    markdown = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs}
    _data, found = load(project, docs / "data", sorted(bib_dir.glob("*.bib")), _cache, docs_dir=docs,
                        markdown=markdown)
    _errors.clear()
    _report(found)
    if "social" not in config.extra:  # the footer's icons: the profile's links, unless mkdocs.yml gives its own
        config.extra["social"] = career.social_links(_data.profile)
    for name, value in metadata.site_settings(_data.profile).items():  # what mkdocs.yml leaves to the profile
        if not config[name]:
            config[name] = escape(value)  # the theme prints these as HTML, in the footer and in attributes
    if bibtex:
        # Only what the pages cite: mkdocs-bibtex parses its whole file on every build.
        cited = set().union(*(citations.cited_keys(page.read_text(encoding="utf-8"))
                              for page in docs.rglob("*.md")))
        papers = [paper for paper in _data.publications if paper.key.lower() in cited]
        # Outside the project, so that writing it never triggers a `mkdocs serve` rebuild.
        stubs = scratch.folder() / "bibliography.bib"
        bibtex.config.bib_file = str(_write_if_changed(stubs, citations.stub_bibliography(papers)))
    return config


def on_files(files, config):
    _paper_pages.clear()
    for paper in _data.publications:
        path = f"publications/{paper.slug}.md"
        files.append(File.generated(config, path, content=directives.paper_page_source(paper)))
        _paper_pages[path] = paper
    files.append(File.generated(config, BIBLIOGRAPHY_FILE, content=cleaned_bibtex(_data.publications)))
    feed = atom_feed(_data.news, config.site_name, _data.profile.name, config.site_url, _build_info.today)
    files.append(File.generated(config, NEWS_FEED, content=feed))
    files.append(File.generated(config, SOCIAL_CARD, content=social_card(_data.profile)))
    sitemap = f"Sitemap: {config.site_url}sitemap.xml\n" if config.site_url else ""
    files.append(File.generated(config, "robots.txt", content=f"User-agent: *\nAllow: /\n{sitemap}"))
    return files


def on_nav(nav, config, files):
    # A page that would only say there is nothing (no talks yet) is not offered in the navigation.
    empty = {page.file.src_uri for page in nav.pages if directives.shows_nothing(page.file.content_string, _data)}
    if empty:
        nav.items = _without(nav.items, empty)
        nav.pages = [page for page in nav.pages if page.file.src_uri not in empty]
    return nav


def _without(items: list, pages: set[str]) -> list:
    kept = []
    for item in items:
        if item.is_section:
            item.children = _without(item.children, pages)
            if not item.children:
                continue
        elif item.is_page and item.file.src_uri in pages:
            continue
        kept.append(item)
    return kept


def on_pre_page(page, config, files):
    # A paper's page is in no navigation; as a child of the list's page, it makes the
    # theme mark the Publications tab active (a page is active with its parents).
    listing = files.get_file_from_path("publications.md")
    if page.file.src_uri in _paper_pages and listing is not None:
        page.parent = listing.page
    return page


@event_priority(50)  # before mkdocs-bibtex, which cannot report a bad key usefully
def _check_citations(markdown, page, config, files):
    markdown, errors = citations.check(markdown, _page_name(page, config), _data.publications,
                                       _data.broken_keys, _body_start(page))
    _report(errors)
    return markdown


@event_priority(-50)  # after mkdocs-bibtex has turned [@key] citations into footnotes
def _expand_directives(markdown, page, config, files):
    info = dataclasses.replace(_build_info, root="../" * page.url.count("/"))
    markdown, errors = directives.expand(markdown, _page_name(page, config), _data, info, _body_start(page))
    _report(errors)
    markdown, blocks = stash.stash(markdown)
    # After the stash, so that no data text can pass for a footnote line.
    markdown = citations.references(markdown, _data.publications, directives.paper_context(_data, info))
    markdown, _stashed[page.file.src_uri] = stash.stash(markdown, blocks)
    return markdown


def on_page_content(html, page, config, files):
    # Before the data goes back in, so that only Python-Markdown's own footnote references are read.
    html = citations.bracketed(html, _data.publications)
    # What search leaves out goes in after it has read the page (on_post_page).
    return stash.unstash(html, _stashed.get(page.file.src_uri, []), searched_only=True)


def _full_width(markdown, page, config, files):
    # With navigation tabs, the left sidebar of a page outside any section would only
    # repeat its tab's name: hide it, and let the content use the width.
    if page.parent is None and "navigation.tabs" in config.theme.get("features", []):
        hidden = page.meta.get("hide") or []
        if "navigation" not in hidden:
            page.meta["hide"] = [*hidden, "navigation"]
    return markdown


on_page_markdown = CombinedEvent(_check_citations, _expand_directives, _full_width)


@event_priority(100)  # before any plugin that edits the page: it must see the whole page, not placeholders
def on_post_page(output, page, config):
    output = stash.unstash(output, _stashed.pop(page.file.src_uri, []))
    root = "../" * page.url.count("/")
    site_url = config.site_url
    page_url = site_url + page.url if site_url else None
    head = [f'<link rel="alternate" type="application/atom+xml" title="News" href="{root}{NEWS_FEED}">']
    paper = _paper_pages.get(page.file.src_uri)
    if paper is not None:
        # Metadata needs absolute addresses: a local PDF has one only when site_url is set.
        pdf = pdf_url(paper, site_url or "")
        head.append(metadata.paper_head(paper, page_url, pdf if pdf and pdf.startswith("http") else None))
        title, description, kind = paper.title, metadata.paper_summary(paper), "article"
    else:
        title = page.title if not page.is_homepage else config.site_name
        # mkdocs.yml's description is HTML to the theme; the sharing tags escape what they get.
        description = page.meta.get("description") or unescape(config.site_description or "")
        kind = "website"
    if page.is_homepage:
        head.append(metadata.person_head(_data.profile, site_url))
    image = f"{site_url}{SOCIAL_CARD}" if site_url else None
    head.append(metadata.social_tags(title, description, config.site_name, page_url, image, kind))
    output = output.replace("</head>", "\n".join(head) + "\n</head>", 1)
    if _command == "serve" and _errors:  # the editor sees why a page did not change; a build never shows it
        output = output.replace(ARTICLE, ARTICLE + problems.banner(_errors), 1)
    return _named_search(output)


def on_post_template(output_content, template_name, config):
    return _named_search(output_content) if template_name.endswith(".html") else output_content


def _named_search(html_page: str) -> str:
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    return html_page.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)


def on_post_build(config):
    if not _errors:
        return
    errors = [error for error in _errors if not error.warning]
    summary = (f"{len(_data.publications)} papers shown, {_data.papers_left_out} left out; "
               f"{len(errors)} error(s) and {len(_errors) - len(errors)} warning(s) listed above")
    if errors and _command != "serve":
        raise Abort(f"Aborted: {summary}. The site was written without the broken items.")
    log.info(summary)


def on_shutdown():
    scratch.remove()  # after a build, or when `mkdocs serve` stops


def _build_date() -> datetime.date:
    # SOURCE_DATE_EPOCH (reproducible-builds.org) fixes "today" for tests and for
    # builds that must come out the same; otherwise it is the day of the build.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.date.today()
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()


def _report(errors) -> None:
    for error in errors:
        (log.warning if error.warning else log.error)(str(error))
    _errors.extend(errors)


def _page_name(page, config) -> str:
    return f"{Path(config.docs_dir).name}/{page.file.src_uri}"


def _settings(config) -> dict:
    settings = {"max_authors": 10, **(config.extra.get("lab") or {})}
    if not isinstance(settings["max_authors"], int) or settings["max_authors"] < 1:
        raise Abort(f"mkdocs.yml: extra.lab.max_authors: expected a positive whole number, "
                    f"got {settings['max_authors']!r}")
    return settings


def _body_start(page) -> int:
    # MkDocs hands over the Markdown without its front matter (``page.markdown`` keeps
    # that body until every handler has run); errors need the file's own line numbers.
    source = page.file.content_string
    return source[: len(source) - len(page.markdown)].count("\n") + 1


def _write_if_changed(path: Path, content: str) -> Path:
    # mkdocs-bibtex re-reads its file only when it is newer than its last read.
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return path
