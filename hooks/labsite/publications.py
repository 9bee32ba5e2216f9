"""Publications: BibTeX entries checked and turned into :class:`Publication` records.

Entries written for al-folio load unchanged: its site fields (``abbr``,
``selected``, ``pdf``, ``award``/``award_name``, ``arxiv``, ``supp``, ...) are read,
and the ones this site has no use for (``preview``, ``altmetric``, ...) are ignored.
"""

from __future__ import annotations

import difflib
import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pybtex.database import Entry

from .bibliography import SourcedEntry
from .bibtex_export import entry_text
from .errors import DataError
from .names import Name, latex_to_text

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
    "online": ("publisher",),
}

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
}
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

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
TRUE_WORDS, FALSE_WORDS = {"true", "yes", "1"}, {"false", "no", "0"}
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z.-]+/\d{7})(v\d+)?$", re.IGNORECASE)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
SLUG_UNSAFE = re.compile(r"[^a-z0-9_.-]+")
YEAR = re.compile(r"[0-9]{4}")  # ASCII digits: str.isdigit() also takes "²⁰²⁴", which int() refuses
# Page names that MkDocs gives a meaning of its own: publications/index.md would replace the list.
RESERVED_SLUGS = {"index", "readme"}


@dataclass(frozen=True)
class Publication:
    """One paper, ready to render: every text is plain Unicode, never LaTeX."""

    key: str
    kind: str
    title: str
    authors: tuple[Name, ...]
    year: int
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
        return KIND_LABEL[self.kind]

    @property
    def pdf(self) -> str:
        """The ``pdf`` field as given: a web address or a file of the site ("" if none)."""
        return next((url for label, url in self.links if label == "PDF"), "")

    @property
    def local_pdf(self) -> str:
        """The PDF's path in the site when it is one of the site's files, else "".

        A bare file name means ``assets/pdf/<name>``, as in al-folio.
        """
        pdf = self.pdf
        if not pdf or pdf.lower().startswith(("http://", "https://")):
            return ""
        return pdf_path(pdf)

    @cached_property
    def slug(self) -> str:
        """The paper's own page address below ``publications/``: see :func:`slug_of`."""
        return slug_of(self.key)


def slug_of(key: str) -> str:
    """The page address of the paper with citation key ``key``, below ``publications/``.

    The key in lower case, accents dropped (``café2024`` gives ``cafe2024``) and any
    other character that is not a letter, digit, ``_``, ``.`` or ``-`` replaced, so the
    address is safe in a URL and the same on every system. A key that leaves nothing
    usable (``.``, ``..``, a key in another script) or a name MkDocs reserves gets
    ``paper-`` and a short hash of the key: still stable, never a real page.
    """
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().lower()
    slug = SLUG_UNSAFE.sub("-", plain).strip("-.")
    if slug in RESERVED_SLUGS:
        return f"paper-{slug}"
    if not slug or not any(char.isalnum() for char in slug):
        return "paper-" + hashlib.sha1(key.encode()).hexdigest()[:10]
    return slug


def pdf_path(pdf: str) -> str:
    """Where a ``pdf`` field that names a file of the site points, from the docs folder.

    A bare name is in ``assets/pdf/``; a path is taken from the docs folder. "" when
    the path would leave its folder (``../mkdocs.yml``, ``..``).
    """
    folder = "" if "/" in pdf else "assets/pdf"
    path = posixpath.normpath(posixpath.join(folder, pdf.lstrip("/")))
    inside = path.startswith(f"{folder}/") if folder else not (path in (".", "..") or path.startswith("../"))
    return path if inside else ""


def from_entries(entries: list[SourcedEntry]) -> tuple[list[Publication], list[DataError]]:
    """Check and convert parsed entries; an entry with errors is left out and reported.

    ``crossref`` is resolved among ``entries`` (BibTeX's rule: missing fields come
    from the referenced entry, its ``title`` becoming ``booktitle``); an entry that
    others refer to is their venue, not a publication of its own.
    """
    by_key = {sourced.key.lower(): sourced for sourced in entries}
    referenced = {s.entry.fields["crossref"].lower() for s in entries if "crossref" in s.entry.fields}
    publications, errors = [], []
    for sourced in entries:
        if sourced.key.lower() in referenced:
            continue
        try:
            sourced, problems = _with_crossref(sourced, by_key)
            problems += _check(sourced)
            if not any(not problem.warning for problem in problems):
                publications.append(_convert(sourced))
        except Exception as problem:  # the last guard: whatever one entry does is that entry's error
            problems = [DataError(sourced.path, sourced.line, f"cannot be used, left out: {problem!r}",
                                  field=sourced.key)]
        errors.extend(problems)
    return publications, errors


def unique(publications: list[Publication]) -> tuple[list[Publication], list[DataError]]:
    """The first record of each citation key (compared without case, as BibTeX does).

    A later record with the same key, or with a key giving the same page address, is
    left out and reported where it stands.
    """
    first: dict[str, Publication] = {}
    errors = []
    for publication in publications:
        seen = first.setdefault(publication.slug, publication)
        if seen is not publication:
            where = f"line {seen.line}" if seen.path == publication.path else f"{seen.path}:{seen.line}"
            what = "duplicate citation key" if seen.key.lower() == publication.key.lower() else \
                f"citation key gives the same page address as '{seen.key}'"
            errors.append(DataError(publication.path, publication.line, f"{what} (first defined at {where})",
                                    field=publication.key))
    return list(first.values()), errors


def _with_crossref(sourced: SourcedEntry, by_key: dict[str, SourcedEntry]) -> tuple[SourcedEntry, list[DataError]]:
    target_key = sourced.entry.fields.get("crossref")
    if not target_key:
        return sourced, []
    target = by_key.get(target_key.lower())
    if target is None:
        return sourced, [DataError(sourced.path, sourced.line, f"crossref to unknown key '{target_key}'",
                                   field=f"{sourced.key}.crossref")]
    inherited = dict(target.entry.fields)
    if "title" in inherited:
        inherited.setdefault("booktitle", inherited.pop("title"))
    fields = {**inherited, **{k: v for k, v in sourced.entry.fields.items() if k.lower() != "crossref"}}
    persons = {**target.entry.persons, **sourced.entry.persons}
    merged = Entry(sourced.entry.type, fields=fields, persons=persons)
    return SourcedEntry(sourced.key, merged, sourced.path, sourced.line), []


def _check(sourced: SourcedEntry) -> list[DataError]:
    entry, problems = sourced.entry, []

    def problem(message: str, name: str = "") -> None:
        field_name = f"{sourced.key}.{name}" if name else sourced.key
        problems.append(DataError(sourced.path, sourced.line, message, field=field_name))

    if entry.type.lower() not in VENUE_FIELDS:
        problem(f"unknown entry type '@{entry.type}' (expected one of: {', '.join(sorted(VENUE_FIELDS))})")
        return problems
    fields = entry.fields
    for name in ("title", "year"):
        if not fields.get(name, "").strip():
            problem(_missing(name, fields))
    if not entry.persons.get("author") and not entry.persons.get("editor"):
        problem(_missing("author", list(fields) + list(entry.persons)))
    year = fields.get("year", "").strip()
    if year and not YEAR.fullmatch(year):
        problem(f"expected a four-digit year, got '{year}'", "year")
    month = fields.get("month", "").strip()
    if month and _month_number(month) is None:
        problem(f"expected a month name or number 1-12, got '{month}'", "month")
    for name in LINK_FIELDS:
        value = fields.get(name, "").strip()
        web = value.lower().startswith(("http://", "https://"))
        # Only a PDF may be a file of the site; any other link must be a web address.
        if value and not web and (name != "pdf" or SCHEME.match(value) or "\\" in value or value.startswith("//")
                                  or not pdf_path(value)):
            problem(f"expected an address starting with https:// or http://"
                    f"{' (or a file of the site, inside the docs folder)' if name == 'pdf' else ''}"
                    f", got '{value}'", name)
    doi = fields.get("doi", "").strip()
    if doi and not DOI.match(_bare_doi(doi)):
        problem(f"expected a DOI such as 10.1000/xyz123, got '{doi}'", "doi")
    arxiv_field, arxiv = _arxiv(fields)
    if arxiv and not ARXIV_ID.match(arxiv):
        problem(f"expected an arXiv id such as 2310.05175, got '{arxiv}'", arxiv_field)
    for name in ("selected", "bibtex_show"):
        value = fields.get(name, "").strip().lower()
        if value and value not in TRUE_WORDS | FALSE_WORDS:
            problem(f"expected true or false, got '{fields[name]}'", name)
    return problems


def _missing(name: str, present) -> str:
    close = difflib.get_close_matches(name, [str(key).lower() for key in present], n=1, cutoff=0.75)
    hint = f", did you mean to write '{name}' instead of '{close[0]}'?" if close else ""
    return f"missing required field '{name}'{hint}"


def _convert(sourced: SourcedEntry) -> Publication:
    entry, fields = sourced.entry, sourced.entry.fields
    kind = entry.type.lower()
    persons = entry.persons.get("author") or entry.persons.get("editor")
    authors = tuple(Name.from_person(person) for person in persons)

    @lru_cache(maxsize=None)
    def text(name: str) -> str:
        # al-folio files often end values with a comma that its template relies on.
        return latex_to_text(fields.get(name, "")).strip().rstrip(",").strip()

    venue = next((text(name) for name in VENUE_FIELDS[kind] if text(name)), "")
    return Publication(
        key=sourced.key,
        kind=kind,
        title=text("title"),
        authors=authors,
        year=int(fields["year"]),
        venue=venue,
        month=_month_number(fields.get("month", "")),
        abbr=text("abbr"),
        volume=text("volume"),
        number=text("number") or text("issue"),
        pages=text("pages"),
        publisher=text("publisher") if venue != text("publisher") else "",
        address=text("address"),
        note=text("note") or (text("howpublished") if venue != text("howpublished") else ""),
        doi=_bare_doi(fields.get("doi", "").strip()),
        arxiv=_arxiv(fields)[1],
        links=tuple((label, fields[name].strip()) for name, label in LINK_FIELDS.items() if fields.get(name)),
        selected=fields.get("selected", "").strip().lower() in TRUE_WORDS,
        award=text("award_name") or text("award"),
        presentation=text("presentation"),
        keywords=tuple(word.strip() for word in text("keywords").split(",") if word.strip()),
        abstract=text("abstract"),
        equal_contribution=_positions(text("equal_contribution"), authors),
        corresponding=_positions(text("corresponding"), authors),
        path=sourced.path,
        line=sourced.line,
        entry=entry,
    )


def _positions(names: str, authors: tuple[Name, ...]) -> frozenset[int]:
    wanted = [Name.parse(name) for name in names.split(",") if name.strip()]
    return frozenset(index for index, author in enumerate(authors) if any(author.matches(w) for w in wanted))


def _month_number(value: str) -> int | None:
    value = value.strip().lower()
    if value.isascii() and value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else None
    matches = [index + 1 for index, name in enumerate(MONTHS) if len(value) >= 3 and name.startswith(value)]
    return matches[0] if matches else None


def _bare_doi(doi: str) -> str:
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi, flags=re.IGNORECASE)


def _arxiv(fields) -> tuple[str, str]:
    """The field holding the arXiv id and the id: al-folio's ``arxiv``, or ``eprint``."""
    if fields.get("arxiv", "").strip():
        return "arxiv", fields["arxiv"].strip()
    if fields.get("eprint", "").strip() and fields.get("archiveprefix", "arxiv").strip().lower() == "arxiv":
        return "eprint", fields["eprint"].strip()
    return "eprint", ""
