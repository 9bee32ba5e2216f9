"""Cross-references: what one data file names in another, or in the site, must exist.

A theme names a topic of papers and a heading of the research page, an award or a
news item a paper, a person the spellings of their name in author lists, and photos
and the CV files of the docs folder. When the thing named is gone (a heading renamed,
a key mistyped), the page still builds, with a link that leads nowhere or a list that
stays empty: each such value is a warning at its line, with the nearest name that
does exist. The item itself is kept, so only ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import dataclasses
import difflib
import mimetypes
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import markdown

from . import fields
from .errors import DataError
from .names import Name
from .themes import RESEARCH_PAGE
from .yamldata import Document, Path_

if TYPE_CHECKING:
    from .site import SiteData

# How pages are read when the site's own Markdown settings are not given: MkDocs'
# table of contents gives headings their ids, attr_list lets a heading choose one.
DEFAULT_MARKDOWN: dict[str, Any] = {"extensions": ["toc", "attr_list"]}
# MkDocs' own pattern for a page's YAML front matter, which is not part of its Markdown.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
MAX_LISTED = 8  # choices named in a message when none is close to what was written


@dataclass(frozen=True)
class SiteFiles:
    """What the data may name outside the data files: the docs folder's files and the
    ids of the research page (None if the site has no such page)."""

    docs_dir: Path
    shown_as: str  # the docs folder as messages name it, e.g. "docs"
    research_ids: frozenset[str] | None


def site_files(docs_dir: Path, shown_as: str, markdown_settings: dict[str, Any] | None = None) -> SiteFiles:
    """The files of ``docs_dir`` and the ids of its research page, read with
    ``markdown_settings`` (keyword arguments of ``markdown.Markdown``, as MkDocs uses them)."""
    page = docs_dir / RESEARCH_PAGE
    ids = page_ids(page.read_text(encoding="utf-8-sig", errors="replace"), markdown_settings) \
        if page.is_file() else None
    return SiteFiles(docs_dir, shown_as, ids)


def page_ids(source: str, markdown_settings: dict[str, Any] | None = None) -> frozenset[str]:
    """Every id that a link into the page written in ``source`` can name.

    The page is converted as MkDocs converts it, so heading ids come from the same
    slugify, with the same settings and the same ``_1`` suffixes for repeated headings.
    (Headings that directives add at build time are not seen: they are never a theme's.)
    """
    found = FRONT_MATTER.match(source)
    converter = markdown.Markdown(**(markdown_settings or DEFAULT_MARKDOWN))
    collector = _Ids()
    collector.feed(converter.convert(source[found.end():] if found else source))
    return frozenset(collector.ids)


class _Ids(HTMLParser):
    """The ids of the elements of an HTML text."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def check(data: SiteData, documents: dict[str, Document], files: SiteFiles | None = None) -> list[DataError]:
    """A warning for each value of the data files that names something that is not there.

    ``documents`` are the loaded data files by name; without ``files`` (no docs folder)
    the sections of themes and the files that the data names are not checked.
    """
    people, profile, themes = documents["people"], documents["profile"], documents["themes"]
    errors = [*_papers(data, documents["awards"], "awards"), *_papers(data, documents["news"], "news"),
              *_topics(data, themes), *_author_names(data, people, profile)]
    if files is not None:
        errors += [*_sections(themes, files), *_files(people, profile, files)]
    return errors


def _papers(data: SiteData, doc: Document, key: str) -> Iterator[DataError]:
    """Each ``paper`` of the items under ``key`` that no publication has as its key."""
    keys = [paper.key for paper in data.publications]
    for path, item in doc.items(key):
        cited = item.get("paper")
        # A paper left out for its own errors is already reported, at its entry.
        if cited and data.publication(cited) is None and cited.lower() not in data.broken_keys:
            yield _stale(doc, path + ("paper",), f"no publication has the key '{cited}'", cited, keys)


def _topics(data: SiteData, doc: Document) -> Iterator[DataError]:
    """Each ``topic`` of a theme or a titled topic that no paper has among its BibTeX ``keywords``."""
    for key in ("themes", "topics"):
        for path, item in doc.items(key):
            if item["topic"] not in data.by_topic:
                yield _stale(doc, path + ("topic",), f"no paper has the topic '{item['topic']}' in its keywords",
                             item["topic"], list(data.by_topic))


def _sections(doc: Document, files: SiteFiles) -> Iterator[DataError]:
    """Each theme's ``section`` that is not an id of the research page, which it links to."""
    page = f"{files.shown_as}/{RESEARCH_PAGE}"
    for path, item in doc.items("themes"):
        where = path + ("section",)
        if files.research_ids is None:
            yield _warning(doc, where, f"the theme links to {page}, which does not exist")
        elif item["section"] not in files.research_ids:
            yield _stale(doc, where, f"no heading of {page} has the id '{item['section']}'",
                         item["section"], sorted(files.research_ids))


def _author_names(data: SiteData, people: Document, profile: Document) -> Iterator[DataError]:
    """Each spelling in ``author_names`` (the owner's and the members') that no author
    list has: it exists only to find the person's papers."""
    authors = {author for paper in data.publications for author in paper.authors if not author.is_others}
    written = sorted({author.display() for author in authors})
    for doc, path, spelling in _spellings(people, profile):
        try:
            name = Name.parse(spelling)
        except Exception:  # the record refused it, and said so (records.each, records.one)
            continue
        if not any(name.matches(author) for author in authors):
            yield _stale(doc, path, f"no paper has the author '{spelling}'", spelling, written)


def _spellings(people: Document, profile: Document) -> Iterator[tuple[Document, Path_, str]]:
    """Each ``author_names`` entry of the people and of the profile, with its path."""
    owner = profile.data.get("author_names", []) if isinstance(profile.data, dict) else []
    for index, spelling in enumerate(owner):
        yield profile, ("author_names", index), spelling
    for path, item in people.items("people"):
        for index, spelling in enumerate(item.get("author_names", [])):
            yield people, path + ("author_names", index), spelling


def _files(people: Document, profile: Document, files: SiteFiles) -> Iterator[DataError]:
    """Each photo, and the CV's PDF when it is not a web address, that the docs folder lacks."""
    named = [(people, path + ("photo",), item["photo"]) for path, item in people.items("people") if "photo" in item]
    if isinstance(profile.data, dict):
        named += [(profile, (key,), profile.data[key]) for key in ("photo", "cv_pdf") if key in profile.data]
    present: list[str] = []
    for doc, path, value in named:
        if is_there(value, files.docs_dir):
            continue
        inside = fields.file_path(value, "")
        if not inside:
            yield _warning(doc, path, f"'{value}' leaves the {files.shown_as} folder")
        else:
            present = present or _files_below(files.docs_dir)
            alike = [name for name in present if _kind(name) == _kind(inside)]
            yield _stale(doc, path, f"no file {files.shown_as}/{inside}", inside, alike)


def is_there(value: str, docs_dir: Path) -> bool:
    """Whether what a data file names by ``value`` is there: a web address, or a file of
    the docs folder (a path from it that stays inside it)."""
    if fields.WEB.match(value):
        return True
    inside = fields.file_path(value, "")
    return bool(inside) and (docs_dir / inside).is_file()


def _files_below(folder: Path) -> list[str]:
    """Every file of ``folder``, as a path from it."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def _kind(name: str) -> str:
    """What sort of file ``name`` is: "image" for any picture (a photo.jpg may really be a
    photo.png), else its type, so that a missing photo is never offered a script instead."""
    kind = mimetypes.guess_type(name)[0] or ""
    return "image" if kind.startswith("image/") else kind


def _stale(doc: Document, path: Path_, message: str, value: str, known: list[str]) -> DataError:
    """A warning that ``value`` names nothing, with the closest of ``known`` (any case)."""
    by_folded = {name.lower(): name for name in known}
    close = difflib.get_close_matches(value.lower(), list(by_folded), n=1)
    if close:
        message += f", did you mean '{by_folded[close[0]]}'?"
    elif known and len(known) <= MAX_LISTED:
        message += f" (known: {', '.join(known)})"
    return _warning(doc, path, message)


def _warning(doc: Document, path: Path_, message: str) -> DataError:
    return dataclasses.replace(doc.error_at(path, message), warning=True)
