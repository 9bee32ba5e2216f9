"""MkDocs hook of the lab site: turns MkDocs events into calls of ``labsite``.

- ``on_config`` loads ``docs/data/*.yml`` and the BibTeX files (what reading each
  gave is kept in ``.cache/labsite/`` between builds: ``labsite.diskcache``), logs each data
  error or warning as one line, takes the site's author, copyright line and
  description from the profile where ``mkdocs.yml`` does not set them, and hands
  mkdocs-bibtex a stub entry for each paper that pages cite
  (``citations.stub_bibliography``): it numbers the footnotes, whose text the hook
  writes, so no entry can be one that it fails to format;
- ``on_files`` adds a page per paper (``publications/<key>/``), the cleaned
  bibliography (``publications.bib``), the news feed (``news.xml``), the image shown
  when a page is shared (drawn from the profile) and ``robots.txt``;
- ``on_nav`` leaves out of the navigation the pages that would only say there is
  nothing yet (``directives.shows_nothing``); ``on_env`` keeps the theme's compiled
  templates and, under serve, makes the banner of problems once every page has been
  read; ``on_pre_page`` makes each paper's page a child of the publication
  list's, so that the Publications tab is marked;
- ``on_page_markdown`` checks citations before mkdocs-bibtex sees them, then expands
  the ``[% ... %]`` directives and writes the citations' footnotes; all HTML made from
  data is stashed away from Python-Markdown (``labsite.stash``), which never reads it.
  A page outside any section hides the left sidebar, which would only repeat its tab;
- ``on_page_content`` makes each run of citations one bracket, "[10, 11]"
  (``citations.bracketed``), and puts back what search should read; ``on_post_page``
  puts back the rest (publication lists, BibTeX, related papers), then machine-readable metadata
  into every page's head (Scholar and schema.org data on papers' pages, Person data on
  the home page, sharing cards);
- with ``--dirty`` (``mkdocs serve --dirty``), only the pages that an edit touches are
  written again (``labsite.rebuilds``): each page reads the data through a view that
  notes what it read, and ``on_nav`` marks a page unmodified for MkDocs when its source,
  what it read and the site-wide key (settings, navigation, theme and hook code, the
  problems listed) are as they were. A kept page's title and front matter are put back
  for the navigation of the others; ``on_page_context`` keeps each page's search
  entries, and ``on_post_build`` hands Material's search the whole index; files that
  are gone (a paper taken out) are removed from the site;
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

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

from labsite import citations, directives, diskcache, rebuilds, scratch, stash
from labsite.bibtex_export import cleaned_bibtex
from labsite.render import career, metadata, problems
from labsite.render.news import atom_feed
from labsite.render.publications import pdf_url
from labsite.render.social_card import drawn_from, social_card
from labsite.site import FileCache, SiteData, load

log = logging.getLogger("mkdocs.hooks.lab")

BIBLIOGRAPHY_FILE = "publications.bib"
NEWS_FEED = "news.xml"
SOCIAL_CARD = "assets/social-card.png"  # shown when a page is shared; drawn from the profile
CACHE_DIR = ".cache/labsite"  # parsed data, the social card, compiled templates: kept between builds
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
ARTICLE = '<article class="md-content__inner md-typeset">'

_command: str | None = None
_dirty = False  # `--dirty`: write again only the pages that changed (labsite.rebuilds)
_cache = FileCache()
_data = SiteData()
_errors: list = []  # the data's problems; each page's are in _page_errors (see _problems)
_paper_pages: dict = {}  # source path of each generated paper page -> its publication
_stashed: dict = {}  # source path of a page -> its HTML blocks, kept from Markdown (see labsite.stash)
_build_info = directives.PageInfo()  # what every page of this build shares: settings, "today"
_rebuilds = rebuilds.Rebuilds()  # what each page was last written from, kept between `mkdocs serve` rebuilds
_digests = rebuilds.Digests(_data)  # of this build's data
_reads: dict = {}  # source path of a page being built -> what it reads of the data (rebuilds.Reads)
_drawn: dict = {}  # source path of a page -> what its directives drew while its problems were predicted
_sources: dict = {}  # source path of each page -> digest of its source, this build
_search = None  # Material's search plugin, whose index a dirty rebuild completes with the pages it kept
_entries_before = 0  # the search index's length before the page being written
_page_entries: dict = {}  # source path of a page -> its search entries, this build
_outputs: set = set()  # every file the last dirty build wrote
_page_errors: dict = {}  # source path of a page -> the problems found in it, this build (see _problems)
_shown_errors: list = []  # the problems that the pages of the last dirty build list (under serve)
_banner = ""  # the list of problems shown on every page under serve, this build


def on_startup(command, dirty):
    global _command, _dirty
    _command, _dirty = command, dirty
    if dirty:  # MkDocs warns that a dirty build is inaccurate; with this hook it is not
        logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)


@event_priority(100)  # before mkdocs-bibtex reads its bib_file
def on_config(config):
    global _data, _build_info, _digests
    _build_info = directives.PageInfo(max_authors=_settings(config)["max_authors"], today=_build_date())
    project = _project(config)
    bibtex = config.plugins.get("bibtex")
    bib_dir = Path(bibtex.config.bib_dir) if bibtex and bibtex.config.bib_dir else project / "bib"
    docs = Path(config.docs_dir)
    # The pages' Markdown settings: the themes' sections are checked against the heading ids they make.
    markdown = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs}
    _data, found = load(project, docs / "data", sorted(bib_dir.glob("*.bib")), _cache, docs_dir=docs,
                        markdown=markdown, cache_dir=project / CACHE_DIR)
    _errors.clear()
    _page_errors.clear()
    _reads.clear()
    _drawn.clear()
    _digests = rebuilds.Digests(_data)
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
    card = diskcache.cached(_project(config) / CACHE_DIR, "social-card", drawn_from(_data.profile).encode(),
                            lambda: social_card(_data.profile))
    files.append(File.generated(config, SOCIAL_CARD, content=card))
    sitemap = f"Sitemap: {config.site_url}sitemap.xml\n" if config.site_url else ""
    files.append(File.generated(config, "robots.txt", content=f"User-agent: *\nAllow: /\n{sitemap}"))
    return files


def _hide_empty_pages(nav, config, files):
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


@event_priority(-100)  # once every plugin has shaped the navigation, which every page shows
def _plan_rebuild(nav, config, files):
    # Under `--dirty`, MkDocs writes again only the pages whose file says it was modified.
    if not _dirty:
        return nav
    global _search, _outputs
    _search, searchable = _search_plugin(config)
    if not searchable:
        log.info("Writing every page again: only Material's search index can be completed with the pages kept")
    pages = _built_pages(files)
    _sources.clear()
    _sources.update(_page_sources(files, pages))
    stale = _rebuilds.stale(_site_key(config, nav), _sources, _digests) if searchable else set(_sources)
    stale |= {file.src_uri for file in pages if not os.path.isfile(file.abs_dest_path)}
    if _command == "serve" and len(stale) < len(pages) and _problems_listed(pages, stale, config) != _shown_errors:
        stale = set(_sources)  # every served page lists the problems, and the list changes
    for file in pages:
        kept = file.src_uri not in stale
        file.is_modified = (lambda: False) if kept else (lambda: True)
        if kept:
            built = _rebuilds.built(file.src_uri)
            # Its problems stand as when it was built, and a full build would report them again.
            _report(built.errors, file.src_uri)
            if file.page is not None:  # (a draft has none yet, and is in no navigation)
                # Other pages' navigation shows its title and front matter, which it does not read again.
                file.page.title, file.page.meta = built.title, built.meta
    log.info(f"Writing all {len(stale)} pages" if len(stale) == len(pages) else
             f"Writing {len(stale)} of {len(pages)} pages: the others are unchanged")
    _outputs, gone = {file.abs_dest_path for file in files}, _outputs
    _remove(gone - _outputs, Path(config.site_dir))
    return nav


def _built_pages(files) -> list:
    """The pages that MkDocs builds: under `mkdocs serve`, drafts too."""
    return files.documentation_pages(inclusion=InclusionLevel.is_in_serve if _command == "serve"
                                     else InclusionLevel.is_included)


def _page_sources(files, pages) -> dict:
    """Each page's source path, with a digest of what it is written from besides the data it reads."""
    # An authored page's own links resolve against the site's files; a paper's page has none.
    links = rebuilds.digest(sorted(file.src_uri for file in files))
    return {file.src_uri: rebuilds.digest(file.content_bytes, "" if file.src_uri in _paper_pages else links)
            for file in pages}


def _problems_listed(pages, stale: set, config) -> list:
    """The problems that the served pages will list after this build: the data's, those of each
    page kept (as when it was built) and those that each page written again will find."""
    found = list(_errors)  # the data's, then page by page as in _problems
    for file in pages:
        built = _rebuilds.built(file.src_uri)
        found += _problems_of(file, config) if file.src_uri in stale or built is None else built.errors
    return found


def _problems_of(file, config) -> list:
    """The problems that building the page of ``file`` finds: its citations and directives,
    checked as ``on_page_markdown`` checks them."""
    markdown = get_data(file.content_string)[0]
    first_line = _first_line(file, markdown)
    name = _page_name(file, config)
    data = _view(file.src_uri)  # what the page reads, as it will read it
    markdown, found = citations.check(markdown, name, data, first_line)
    # The page's expansion takes what was drawn here: a publication list is not drawn twice.
    drawn = _drawn.setdefault(file.src_uri, {})
    return found + directives.expand(markdown, name, data, _page_info(file.url), first_line, drawn)[1]


on_nav = CombinedEvent(_hide_empty_pages, _plan_rebuild)


def on_env(env, config, files):
    global _banner
    # Every page has been read by now, so every problem is known. The editor sees on each
    # page why it did not change; a build never shows it.
    found = _problems() if _command == "serve" else []
    _banner = problems.banner(found) if found else ""
    env.bytecode_cache = _compiled_templates(config)
    return env


def _compiled_templates(config) -> FileSystemBytecodeCache | None:
    # MkDocs gives every build (each `mkdocs serve` rebuild too) a new template environment,
    # which compiles the theme's templates again: a fifth of a second. Jinja can keep their
    # compiled form, checked against each template's source; it goes with the hook's other results.
    folder = _project(config) / CACHE_DIR / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: compile, as without the hook
        return None
    return _CompiledTemplates(str(folder))


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder, which builds on when it cannot read or write it."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a file cut short (a full disk): compile again
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def on_pre_page(page, config, files):
    # A paper's page is in no navigation; as a child of the list's page, it makes the
    # theme mark the Publications tab active (a page is active with its parents).
    listing = files.get_file_from_path("publications.md")
    if page.file.src_uri in _paper_pages and listing is not None:
        page.parent = listing.page
    return page


@event_priority(50)  # before mkdocs-bibtex, which cannot report a bad key usefully
def _check_citations(markdown, page, config, files):
    markdown, errors = citations.check(markdown, _page_name(page.file, config), _view(page.file.src_uri),
                                       _first_line(page.file, page.markdown))
    _report(errors, page.file.src_uri)
    return markdown


@event_priority(-50)  # after mkdocs-bibtex has turned [@key] citations into footnotes
def _expand_directives(markdown, page, config, files):
    paper = _paper_pages.get(page.file.src_uri)
    if paper is not None:  # its title and the sidebars it hides, which a paper's page has no front matter for
        page.meta.update(directives.paper_page_meta(paper))
    info = _page_info(page.url)
    data = _view(page.file.src_uri)
    markdown, errors = directives.expand(markdown, _page_name(page.file, config), data, info,
                                         _first_line(page.file, page.markdown), _drawn.pop(page.file.src_uri, None))
    _report(errors, page.file.src_uri)
    markdown, blocks = stash.stash(markdown)
    # After the stash, so that no data text can pass for a footnote line.
    markdown = citations.references(markdown, data, directives.paper_context(data, info))
    markdown, _stashed[page.file.src_uri] = stash.stash(markdown, blocks)
    return markdown


def on_page_content(html, page, config, files):
    # Before the data goes back in, so that only Python-Markdown's own footnote references are read.
    html = citations.bracketed(html, _view(page.file.src_uri))
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


@event_priority(100)  # before the search plugin indexes the page
def _count_search_entries(context, page, config, nav):
    global _entries_before
    if _dirty and _search is not None:
        _entries_before = len(_search.search_index.entries)
    return context


@event_priority(-100)  # after it: what it added is this page's, kept for rebuilds that keep the page
def _take_search_entries(context, page, config, nav):
    if _dirty and _search is not None:
        _page_entries[page.file.src_uri] = _search.search_index.entries[_entries_before:]
    return context


on_page_context = CombinedEvent(_count_search_entries, _take_search_entries)


@event_priority(100)  # before any plugin that edits the page: it must see the whole page, not placeholders
def _finish_page(output, page, config):
    output = stash.unstash(output, _stashed.pop(page.file.src_uri, []))
    root = _root(page.url)
    site_url = config.site_url
    page_url = site_url + page.url if site_url else None
    head = [f'<link rel="alternate" type="application/atom+xml" title="News" href="{root}{NEWS_FEED}">']
    paper = _paper_pages.get(page.file.src_uri)
    if paper is not None:
        paper = _view(page.file.src_uri).publication(paper.slug)
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
        head.append(metadata.person_head(_view(page.file.src_uri).profile, site_url))
    image = f"{site_url}{SOCIAL_CARD}" if site_url else None
    head.append(metadata.social_tags(title, description, config.site_name, page_url, image, kind))
    output = output.replace("</head>", "\n".join(head) + "\n</head>", 1)
    if _banner:
        output = output.replace(ARTICLE, ARTICLE + _banner, 1)
    return _named_search(output)


@event_priority(-100)  # once every plugin has had the page
def _remember_page(output, page, config):
    reads = _reads.pop(page.file.src_uri, None)
    if _dirty:
        read = {thing: _digests.of(thing) for thing in (reads.read if reads else ())}
        _rebuilds.record(page.file.src_uri, rebuilds.Built(_sources[page.file.src_uri], read, page.title,
                                                           page.meta, _page_entries.pop(page.file.src_uri, []),
                                                           _page_errors.get(page.file.src_uri, [])))
    return output


on_post_page = CombinedEvent(_finish_page, _remember_page)


def on_post_template(output_content, template_name, config):
    return _named_search(output_content) if template_name.endswith(".html") else output_content


def _named_search(html_page: str) -> str:
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    return html_page.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)


@event_priority(100)  # before the search plugin writes its index
def _complete_search_index(config):
    # Material merges a dirty rebuild's entries as if one page had changed: give it the
    # whole index instead, each page's entries as that page was last written, in page order.
    if _dirty and _search is not None:
        _search.search_index.entries = [entry for path in _sources if (built := _rebuilds.built(path))
                                        for entry in built.search]
        _search.search_index_prev = None


def _fail_on_errors(config):
    found = _problems()
    if _dirty:
        _shown_errors[:] = found
    if not found:
        return
    errors = [error for error in found if not error.warning]
    summary = (f"{len(_data.publications)} papers shown, {_data.papers_left_out} left out; "
               f"{len(errors)} error(s) and {len(found) - len(errors)} warning(s) listed above")
    if errors and _command != "serve":
        raise Abort(f"Aborted: {summary}. The site was written without the broken items.")
    log.info(summary)


on_post_build = CombinedEvent(_complete_search_index, _fail_on_errors)


def on_shutdown():
    scratch.remove()  # after a build, or when `mkdocs serve` stops


def _view(path: str):
    """The site's data as the page of source path ``path`` reads it: under ``--dirty``, through
    a view that notes what it reads, for rebuilds (a full build spares its pages the view)."""
    if not _dirty:
        return _data
    reads = _reads.get(path)
    if reads is None:
        reads = _reads[path] = rebuilds.Reads(_data)
    return reads


def _search_plugin(config) -> tuple:
    """Material's search plugin (or None), and whether a dirty rebuild can complete the site's search index."""
    plugin = config.plugins.get("material/search")
    if plugin is None:  # another search plugin would lose the pages a rebuild keeps
        return None, not any(name.endswith("search") for name in config.plugins)
    index = getattr(plugin, "search_index", None)
    return plugin, isinstance(getattr(index, "entries", None), list) and hasattr(plugin, "search_index_prev")


def _site_key(config, nav) -> str:
    """A digest of what every page shows or is written with: when it changes, every page is written again."""
    project = _project(config)
    code = [Path(folder) for folder in config.theme.dirs if Path(folder).is_relative_to(project)]
    # The hooks' folders; not the project itself, which each build writes into.
    code += [Path(hook.__file__).parent for hook in config.hooks.values() if Path(hook.__file__).parent != project]
    stamps = [stamp for folder in code for stamp in _stamps(folder)]
    settings = (config.site_url, config.site_author, config.copyright, config.site_description, config.extra)
    return rebuilds.digest(Path(config.config_file_path).read_bytes(), settings, _build_info, stamps,
                           _outline(nav.items))


def _stamps(folder: Path) -> list:
    """(path, time, size) of each file below ``folder``, compiled Python aside."""
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            stat = path.stat()
        except OSError:  # gone since it was listed: an editor's temporary file
            continue
        if path.is_file() and "__pycache__" not in path.parts:
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return found


def _outline(items) -> list:
    """The navigation as pages show it: titles, addresses, and the front matter of each page
    (its icon, status...); a page titled by its own heading stands for its whole source."""
    outline = []
    for item in items:
        if item.is_page:
            source = _sources[item.file.src_uri] if item.title is None else ""
            outline.append((item.title, item.url, get_data(item.file.content_string)[1], source))
        else:
            outline.append((item.title, getattr(item, "url", None), _outline(getattr(item, "children", None) or [])))
    return outline


def _remove(paths: set, site_dir: Path) -> None:
    # What a dirty rebuild leaves of files that are gone (a paper taken out), and the folders they leave empty.
    for path in map(Path, paths):
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != site_dir and folder.is_relative_to(site_dir) and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    return "A 'dirty' build is being performed" not in record.getMessage()


def _build_date() -> datetime.date:
    # SOURCE_DATE_EPOCH (reproducible-builds.org) fixes "today" for tests and for
    # builds that must come out the same; otherwise it is the day of the build.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.date.today()
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()


def _report(errors, page: str | None = None) -> None:
    """Log each problem and keep it for the banner and the summary: the data's, or those of
    the page whose source path is ``page``."""
    for error in errors:
        (log.warning if error.warning else log.error)(str(error))
    if errors:
        (_errors if page is None else _page_errors.setdefault(page, [])).extend(errors)


def _problems() -> list:
    """Every problem of this build as a full build finds them: the data's, then page by page."""
    pages = _sources if _dirty else _page_errors  # a full build finds them in page order
    return _errors + [error for path in pages for error in _page_errors.get(path, [])]


def _project(config) -> Path:
    return Path(config.config_file_path).parent


def _page_name(file, config) -> str:
    return f"{Path(config.docs_dir).name}/{file.src_uri}"


def _page_info(url: str) -> directives.PageInfo:
    """What a directive needs to know of the page at ``url``, and of the build."""
    return dataclasses.replace(_build_info, root=_root(url))


def _root(url: str) -> str:
    """The way from the page at ``url`` to the site's root, e.g. "../"."""
    return "../" * url.count("/")


def _settings(config) -> dict:
    settings = {"max_authors": 10, **(config.extra.get("lab") or {})}
    if not isinstance(settings["max_authors"], int) or settings["max_authors"] < 1:
        raise Abort(f"mkdocs.yml: extra.lab.max_authors: expected a positive whole number, "
                    f"got {settings['max_authors']!r}")
    return settings


def _first_line(file, markdown: str) -> int:
    # MkDocs hands over the Markdown without its front matter (``page.markdown`` keeps
    # that body until every handler has run); errors need the file's own line numbers.
    source = file.content_string
    return source[: len(source) - len(markdown)].count("\n") + 1


def _write_if_changed(path: Path, content: str) -> Path:
    # mkdocs-bibtex re-reads its file only when it is newer than its last read.
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return path
