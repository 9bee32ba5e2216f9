"""Publications: BibTeX entries checked and turned into :class:`Publication` records.

Entries written for al-folio load unchanged: its site fields (``abbr``,
``selected``, ``pdf``, ``award``/``award_name``, ``arxiv``, ``supp``, ...) are read,
and the ones this site has no use for (``preview``, ``altmetric``, ...) are ignored.

As BibTeX and biber do, a paper is kept whenever it can be: only an entry without a
title is an error (and, elsewhere, one that cannot be parsed or repeats a key). Any
other problem is a warning, and the field is left out or read as well as it can be
(``labsite.fields``): a visitor never sees a warning, only a missing paper.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pybtex.database import Entry

from . import fields
from .bibliography import SourcedEntry
from .bibtex_export import entry_text
from .errors import DataError
from .latex import latex_to_text
from .names import Name

# Where an entry appeared, per entry type: the fields tried in order.
VENUE_FIELDS = {
    "article": ("journal",),
    "inproceedings": ("booktitle",),
    "conference": ("booktitle",),
    "incollection": ("booktitle",),
    "inbook": ("booktitle", "publisher"),
    "book": ("publisher",),
    "proceedings": ("publisher",),
    "phdthesis": ("school",),
    "mastersthesis": ("school",),
    "techreport": ("institution",),
    "misc": ("howpublished", "publisher"),
    "unpublished": ("howpublished",),
    "online": ("howpublished", "publisher"),
}
# Entry types of biblatex and others, shown as publications with whatever venue they name.
# Entry types that hold other entries: a venue when another entry refers to them.
CONTAINER_TYPES = {"proceedings", "mvproceedings", "collection", "mvcollection", "book", "mvbook"}
OTHER_VENUE_FIELDS = ("journal", "booktitle", "howpublished", "publisher", "institution", "school", "organization")

KIND_LABEL = {
    "article": "Journal article",
    "inproceedings": "Conference paper",
    "conference": "Conference paper",
    "incollection": "Book chapter",
    "inbook": "Book chapter",
    "book": "Book",
    "proceedings": "Edited volume",
    "phdthesis": "PhD thesis",
    "mastersthesis": "Master's thesis",
    "techreport": "Technical report",
    "misc": "Preprint",
    "unpublished": "Preprint",
    "online": "Preprint",
    "software": "Software",
    "dataset": "Dataset",
    "patent": "Patent",
    "thesis": "Thesis",
    "report": "Report",
    "manual": "Manual",
    "booklet": "Booklet",
}
OTHER_LABEL = "Publication"
WORKSHOP_LABEL = "Workshop paper"

# Link fields in the order their buttons appear, with their labels.
LINK_FIELDS = {
    "pdf": "PDF",
    "url": "Paper",
    "html": "HTML",
    "code": "Code",
    "website": "Project page",
    "supp": "Supplement",
    "slides": "Slides",
    "poster": "Poster",
    "video": "Video",
    "blog": "Blog",
}
PREPRINT_LABEL = "Preprint"  # an ``eprint`` that is an address but not arXiv's

SLUG_UNSAFE = re.compile(r"[^a-z0-9_.-]+")
# Page names that MkDocs gives a meaning of its own: publications/index.md would replace the list.
RESERVED_SLUGS = {"index", "readme"}
MAX_SLUG = 100  # file systems allow 255 bytes a name; addresses should stay readable


@dataclass(frozen=True)
class Publication:
    """One paper, ready to render: every text is plain Unicode, never LaTeX."""

    key: str
    kind: str
    title: str
    authors: tuple[Name, ...]
    year: int | None  # None: undated, listed last
    venue: str = ""
    month: int | None = None
    abbr: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    address: str = ""
    note: str = ""
    doi: str = ""
    arxiv: str = ""
    links: tuple[tuple[str, str], ...] = ()
    selected: bool = False
    award: str = ""
    presentation: str = ""
    keywords: tuple[str, ...] = ()
    abstract: str = ""
    equal_contribution: frozenset[int] = field(default_factory=frozenset)
    corresponding: frozenset[int] = field(default_factory=frozenset)
    path: str = ""
    line: int = 0
    entry: Entry | None = field(default=None, compare=False, repr=False)
    slug: str = ""  # the paper's own page address below publications/; by default :func:`slug_of` its key

    def __post_init__(self) -> None:
        if not self.slug:
            object.__setattr__(self, "slug", slug_of(self.key))

    @cached_property
    def bibtex(self) -> str:
        """The entry as BibTeX for readers, without site-only fields ("" if not read from a file).

        Worked out once: a paper's BibTeX shows in lists, on its page and in ``publications.bib``.
        """
        return entry_text(self.key, self.entry) if self.entry is not None else ""

    @property
    def byline(self) -> str:
        """The authors as plain text, "First Last, First Last", without BibTeX's ``others``."""
        return ", ".join(name.display() for name in self.authors if not name.is_others)

    @property
    def kind_label(self) -> str:
        """A reader's name for the entry type, e.g. "Journal article" or "Workshop paper"."""
        if self.kind in ("inproceedings", "conference") and "workshop" in f"{self.venue} {self.abbr}".lower():
            return WORKSHOP_LABEL
        return KIND_LABEL.get(self.kind, OTHER_LABEL)

    @property
    def year_label(self) -> str:
        """The year as shown: "2024", or "Undated"."""
        return str(self.year) if self.year is not None else "Undated"

    @property
    def order(self) -> tuple:
        """Sorts newest first, undated papers last."""
        return (self.year is None, -(self.year or 0), -(self.month or 0))

    @property
    def pdf(self) -> str:
        """The PDF's address: a web address, or a file's path from the docs folder ("" if none)."""
        return next((url for label, url in self.links if label == "PDF"), "")

    @property
    def local_files(self) -> list[tuple[str, str]]:
        """(label, path from the docs folder) of each link to a file of the site."""
        return [(label, url) for label, url in self.links if not fields.WEB.match(url)]


def slug_of(key: str) -> str:
    """The page address of the paper with citation key ``key``, below ``publications/``.

    The key in lower case, accents dropped (``café2024`` gives ``cafe2024``) and any
    other character that is not a letter, digit, ``_``, ``.`` or ``-`` replaced, so the
    address is safe in a URL and the same on every system. A key that leaves nothing
    usable (``.``, ``..``, a key in another script) or a name MkDocs reserves gets
    ``paper-`` and a short hash of the key: still stable, never a real page. A key
    too long for a folder name is cut, and the hash keeps it apart from its neighbours.
    """
    slug = SLUG_UNSAFE.sub("-", fields.ascii_lower(key)).strip("-.")
    digest = fields.digest(key)
    if slug in RESERVED_SLUGS:
        return f"paper-{slug}"
    if not slug or not any(char.isalnum() for char in slug):
        return f"paper-{digest}"
    if len(slug) > MAX_SLUG:
        return f"{slug[:MAX_SLUG - 11].rstrip('-.')}-{digest}"
    return slug


def from_entries(entries: list[SourcedEntry]) -> tuple[list[Publication], list[DataError]]:
    """Check and convert parsed entries; an entry with errors is left out and reported.

    ``crossref`` is resolved among ``entries`` (BibTeX's rule: missing fields come
    from the referenced entry, its ``title`` becoming ``booktitle``); proceedings,
    collections and books that others refer to are their venue, not publications of
    their own. Any other entry, and one that refers to itself, is shown.
    """
    by_key = {sourced.key.lower(): sourced for sourced in entries}
    venues = {s.entry.fields["crossref"].lower() for s in entries
              if s.entry.fields.get("crossref", "").lower() not in ("", s.key.lower())}
    publications, errors = [], []
    for sourced in entries:
        if sourced.key.lower() in venues and sourced.entry.type.lower() in CONTAINER_TYPES:
            continue
        try:
            sourced, problems = _with_crossref(sourced, by_key)
            publication = _read(sourced, problems)
            if publication is not None:
                publications.append(publication)
        except Exception as problem:  # the last guard: whatever one entry does is that entry's error
            problems = [DataError(sourced.path, sourced.line, f"cannot be used, left out: {problem!r}",
                                  field=sourced.key)]
        errors.extend(problems)
    return publications, errors


def unique(publications: list[Publication], pages: frozenset[str] = frozenset()) -> tuple[list[Publication],
                                                                                         list[DataError]]:
    """The first record of each citation key (compared without case, as BibTeX does), each
    with a page address of its own.

    A later record with the same key is left out, with an error where it stands. A key
    whose address an earlier key (``müller2020`` and ``muller2020``) or one of the site's
    own ``pages`` below ``publications/`` already has gets that address and a short hash
    of the key, with a warning naming both.
    """
    by_key: dict[str, Publication] = {}
    by_slug: dict[str, Publication] = {}
    errors = []
    for publication in publications:
        seen = by_key.setdefault(publication.key.lower(), publication)
        if seen is not publication:
            where = f"line {seen.line}" if seen.path == publication.path else f"{seen.path}:{seen.line}"
            errors.append(DataError(publication.path, publication.line,
                                    f"duplicate citation key (first defined at {where})", field=publication.key))
            continue
        if publication.slug in by_slug or publication.slug in pages:
            holder = f"the key '{by_slug[publication.slug].key}'" if publication.slug in by_slug else "a page"
            slug = f"{publication.slug}-{fields.digest(publication.key)}"
            errors.append(DataError(publication.path, publication.line, f"its page address publications/"
                                    f"{publication.slug}/ belongs to {holder}: it gets publications/{slug}/",
                                    field=publication.key, warning=True))
            publication = dataclasses.replace(publication, slug=slug)
        by_slug[publication.slug] = publication
    return list(by_slug.values()), errors


def _with_crossref(sourced: SourcedEntry, by_key: dict[str, SourcedEntry]) -> tuple[SourcedEntry, list[DataError]]:
    target_key = sourced.entry.fields.get("crossref")
    if not target_key:
        return sourced, []
    target = by_key.get(target_key.lower())
    if target is None or target is sourced:
        why = "refers to the entry itself" if target is sourced else f"no entry has the key '{target_key}'"
        return sourced, [DataError(sourced.path, sourced.line, f"{why}; the entry keeps its own fields",
                                   field=f"{sourced.key}.crossref", warning=True)]
    inherited = dict(target.entry.fields)
    if "title" in inherited:
        inherited.setdefault("booktitle", inherited.pop("title"))
    own = {k: v for k, v in sourced.entry.fields.items() if k.lower() != "crossref"}
    persons = {**target.entry.persons, **sourced.entry.persons}
    merged = Entry(sourced.entry.type, fields={**inherited, **own}, persons=persons)
    taken = frozenset(name.lower() for name in inherited if name.lower() not in {k.lower() for k in own})
    return dataclasses.replace(sourced, entry=merged, parent=target, inherited=taken), []


class _Problems:
    """The problems of one entry, each naming the entry's file and line."""

    def __init__(self, sourced: SourcedEntry, found: list[DataError]):
        self._sourced, self._found = sourced, found

    def warn(self, name: str, message: str) -> None:
        """A warning about field ``name`` (the paper is shown), if ``message`` says anything.

        A field that ``crossref`` brought in is blamed on the entry it was written in.
        """
        if message:
            source = self._sourced.parent if name in self._sourced.inherited else self._sourced
            self._found.append(DataError(source.path, source.line, message,
                                         field=f"{self._sourced.key}.{name}", warning=True))

    def error(self, message: str) -> None:
        """An error: the entry cannot be used."""
        self._found.append(DataError(self._sourced.path, self._sourced.line, message, field=self._sourced.key))


def _read(sourced: SourcedEntry, found: list[DataError]) -> Publication | None:
    """The publication of an entry, or None if it has no title; problems go to ``found``."""
    entry, values, problems = sourced.entry, sourced.entry.fields, _Problems(sourced, found)

    @lru_cache(maxsize=None)
    def text(name: str) -> str:
        # al-folio files often end values with a comma that its template relies on.
        return latex_to_text(values.get(name, "")).strip().rstrip(",").strip()

    if not text("title"):
        problems.error(_missing("title", values))
        return None
    kind = entry.type.lower()
    if kind not in VENUE_FIELDS and kind not in KIND_LABEL:
        problems.warn("type", f"'@{entry.type}' is not a BibTeX entry type: shown as a publication")
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    if not persons:
        problems.warn("author", _missing("author", list(values) + list(entry.persons)) + ": shown without authors")
    authors = tuple(Name.from_person(person) for person in persons)
    year, said = fields.year(values.get("year", ""))
    problems.warn("year", said)
    month, said = fields.month(values.get("month", ""))
    problems.warn("month", said)
    venue = next((text(name) for name in VENUE_FIELDS.get(kind, OTHER_VENUE_FIELDS) if text(name)), "")
    doi, said = fields.doi(values["doi"]) if values.get("doi", "").strip() else ("", "")
    problems.warn("doi", said)
    arxiv, preprint, said = fields.arxiv(values)
    problems.warn("arxiv" if values.get("arxiv", "").strip() else "eprint", said)
    links = _links(values, problems) + ((PREPRINT_LABEL, preprint),) * bool(preprint)
    selected, said = fields.flag(values.get("selected", ""))
    problems.warn("selected", said)
    return Publication(
        key=sourced.key, kind=kind, title=text("title"), authors=authors, year=year, venue=venue, month=month,
        abbr=text("abbr"), volume=text("volume"), number=text("number") or text("issue"), pages=text("pages"),
        publisher=text("publisher") if venue != text("publisher") else "", address=text("address"),
        note=text("note") or (text("howpublished") if venue != text("howpublished") else ""),
        doi=doi, arxiv=arxiv, links=links, selected=selected, award=text("award_name") or text("award"),
        presentation=text("presentation"),
        keywords=tuple(word.strip() for word in re.split(r"[,;]", text("keywords")) if word.strip()),
        abstract=text("abstract"),
        equal_contribution=_positions(text("equal_contribution"), authors) | sourced.equal,
        corresponding=_positions(text("corresponding"), authors) | sourced.corresponding,
        path=sourced.path, line=sourced.line, entry=entry,
    )


def _links(values, problems: _Problems) -> tuple[tuple[str, str], ...]:
    found = []
    for name, label in LINK_FIELDS.items():
        if values.get(name, "").strip():
            address, said = fields.link(name, values[name])
            problems.warn(name, said)
            if address:
                found.append((label, address))
    return tuple(found)


def _missing(name: str, present) -> str:
    others = [str(key).lower() for key in present if str(key).lower() != name]
    close = difflib.get_close_matches(name, others, n=1, cutoff=0.75)
    hint = f", did you mean to write '{name}' instead of '{close[0]}'?" if close else ""
    return f"missing required field '{name}'{hint}"


def _positions(names: str, authors: tuple[Name, ...]) -> frozenset[int]:
    wanted = []
    for name in filter(str.strip, names.split(",")):
        try:
            wanted.append(Name.parse(name))
        except ValueError:  # not a name: it marks no one
            continue
    return frozenset(index for index, author in enumerate(authors) if any(author.matches(w) for w in wanted))
