"""Everything the pages draw on, loaded from the data folder and the BibTeX files."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from . import (bibliography, career, citedby, diskcache, grants, lastchange, news, people, profile, publications, service,
               talks, teaching, themes, venues, xrefs, yamldata)
from .errors import DataError
from .names import Roster

# The data files of the data folder, each validated by the schema of the same name,
# and how each becomes the records of SiteData (field name -> records).
RECORDS: dict[str, Callable[[yamldata.Document], dict[str, Any]]] = {
    "profile": lambda doc: {"profile": profile.from_data(doc)},
    "experience": lambda doc: {"positions": career.positions(doc)},
    "education": lambda doc: {"degrees": career.degrees(doc)},
    "awards": lambda doc: {"awards": career.awards(doc)},
    "people": lambda doc: {"members": people.from_data(doc)},
    "teaching": lambda doc: {"courses": teaching.from_data(doc)},
    "talks": lambda doc: {"talks": talks.from_data(doc)},
    "service": lambda doc: {"reviewing": service.reviewing(doc), "organised": service.organised(doc)},
    "grants": lambda doc: {"grants": grants.grants(doc), "computing": grants.computing(doc)},
    "venues": lambda doc: {"venues": venues.from_data(doc)},
    "news": lambda doc: {"news": news.news(doc)},
    "positions": lambda doc: {"openings": news.openings(doc)},
    "themes": lambda doc: {"themes": themes.from_data(doc), "topics": themes.topics(doc)},
    # Written by `labsite citations` (labsite.citing); without it, no counts show.
    "citedby": lambda doc: {"citedby": citedby.from_data(doc)},
}
DATA_FILES = tuple(RECORDS)
WRITTEN_FILES = ("citedby",)  # written by a labsite command, not by hand: a new site has none
EDITED_FILES = tuple(name for name in DATA_FILES if name not in WRITTEN_FILES)
REQUIRED_FILES = ("profile",)


@dataclass
class SiteData:
    """The typed records of the whole site."""

    profile: profile.Profile = field(default_factory=profile.Profile)
    positions: list[career.Position] = field(default_factory=list)
    degrees: list[career.Degree] = field(default_factory=list)
    awards: list[career.Award] = field(default_factory=list)
    members: list[people.Member] = field(default_factory=list)
    courses: list[teaching.Course] = field(default_factory=list)
    talks: list[talks.Talk] = field(default_factory=list)
    reviewing: list[service.Reviewing] = field(default_factory=list)
    organised: list[service.Organised] = field(default_factory=list)
    grants: list[grants.Grant] = field(default_factory=list)
    computing: list[grants.ComputeAward] = field(default_factory=list)
    publications: list[publications.Publication] = field(default_factory=list)
    venues: venues.Venues = field(default_factory=venues.Venues)
    news: list[news.NewsItem] = field(default_factory=list)
    openings: list[news.Opening] = field(default_factory=list)
    themes: list[themes.Theme] = field(default_factory=list)
    topics: list[themes.Topic] = field(default_factory=list)
    citedby: citedby.Counts = field(default_factory=citedby.Counts)
    broken_keys: frozenset[str] = frozenset()  # citation keys of BibTeX entries left out for errors
    papers_left_out: int = 0  # BibTeX entries left out for errors, keyed or not
    updated: datetime.date | None = None  # when the data last changed (labsite.lastchange)

    @cached_property
    def roster(self) -> Roster:
        """The owner's spellings and the group's members, for marking author lists."""
        members = tuple((spelling, f"team/#{m.anchor}") for m in self.members for spelling in m.spellings())
        return Roster(self.profile.spellings(), members)

    @cached_property
    def papers_by_member(self) -> dict[str, list[publications.Publication]]:
        """Each member's papers (by anchor), found in the author lists, newest first."""
        found = {}
        for member in self.members:
            spellings = member.spellings()
            found[member.anchor] = [paper for paper in self.publications
                                    if any(a.matches(s) for a in paper.authors for s in spellings)]
        return found

    @cached_property
    def by_topic(self) -> dict[str, list[publications.Publication]]:
        """Each topic (BibTeX ``keywords``) with its papers, newest first."""
        index: dict[str, list[publications.Publication]] = {}
        for paper in self.publications:
            for topic in paper.keywords:
                index.setdefault(topic, []).append(paper)
        return index

    @cached_property
    def topic_titles(self) -> dict[str, str]:
        """The title readers see for each topic that papers name (``themes.titles``)."""
        return themes.titles(self.themes, self.topics, list(self.by_topic))

    def related(self, key: str, limit: int = 5) -> list[publications.Publication]:
        """The papers shown as related on the page of the paper ``key``: others sharing a topic
        with it, most shared topics first, then newest ([] if there is no such paper)."""
        paper = self.publication(key)
        if paper is None:
            return []
        if len(paper.keywords) == 1:  # the common case: the topic's list is already in order
            return [other for other in self.by_topic.get(paper.keywords[0], ())[: limit + 1]
                    if other.key != paper.key][:limit]
        shared: dict[str, int] = {}
        candidates: dict[str, publications.Publication] = {}
        for topic in paper.keywords:
            for other in self.by_topic.get(topic, ()):
                if other.key != paper.key:
                    shared[other.key] = shared.get(other.key, 0) + 1
                    candidates[other.key] = other
        return sorted(candidates.values(), key=lambda other: (-shared[other.key], other.order))[:limit]

    def publication(self, key: str) -> publications.Publication | None:
        """The publication with citation key ``key`` (any case), or whose page address is ``key``."""
        return self._by_key.get(key.lower())

    @cached_property
    def _by_key(self) -> dict[str, publications.Publication]:
        # Page addresses are unique (publications.unique), and a key is never another paper's address.
        return {**{p.slug: p for p in self.publications}, **{p.key.lower(): p for p in self.publications}}


class FileCache:
    """Results of reading files, kept until the file changes on disk.

    ``mkdocs serve`` rebuilds the whole site on every edit; re-reading only the
    changed file keeps a rebuild fast with thousands of entries. The last result
    that was usable is kept too, so that a half-typed edit does not blank a page.
    """

    def __init__(self) -> None:
        self._results: dict[Path, tuple[tuple[int, int], Any]] = {}
        self._usable: dict[Path, Any] = {}

    def get(self, path: Path, read: Callable[[Path], Any], usable: Callable[[Any], bool] = lambda _: True) -> Any:
        """``read(path)``, or its earlier result if the file's time and size are unchanged."""
        try:
            stat = path.stat()
        except OSError:  # gone since the folder was listed (an edit under `mkdocs serve`): read() reports it
            return read(path)
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._results.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, read(path))
            self._results[path] = cached
            if usable(cached[1]):
                self._usable[path] = cached[1]
        return cached[1]

    def last_usable(self, path: Path) -> Any:
        """The newest result of ``path`` that ``usable`` accepted, if any."""
        return self._usable.get(path)


def load(project_dir: Path, data_dir: Path, bib_paths: list[Path], cache: FileCache | None = None,
         docs_dir: Path | None = None, markdown: dict[str, Any] | None = None,
         cache_dir: Path | None = None) -> tuple[SiteData, list[DataError]]:
    """Load and check every data file and BibTeX file, and what each names in the others.

    Paths in errors are relative to ``project_dir``. Items with errors are left out
    of the returned data, so the rest of the site can still be built; warnings keep
    their item. With ``docs_dir``, files that papers link to must exist there (else the
    link is left out, with a warning), no paper may take the address of a page, and the
    files and headings that the data names must exist (``labsite.xrefs``); ``markdown``
    gives the site's Markdown settings (``markdown.Markdown``'s keyword arguments), with
    which heading ids are made. With ``cache_dir``, what reading each file gave is kept
    there between builds (``labsite.diskcache``).
    """
    cache = cache or FileCache()
    shown = shown_as(project_dir)
    docs, records, errors = {}, {}, []
    for name in DATA_FILES:
        path = data_dir / f"{name}.yml"
        if not path.exists():
            if name in REQUIRED_FILES:
                errors.append(DataError(shown(path), None, "missing data file"))
            docs[name] = yamldata.Document(shown(path))
            records.update(RECORDS[name](docs[name]))
            continue
        doc, made = cache.get(path, lambda p, name=name: _kept(cache_dir, f"data-{name}", p, shown(p),
                                                               lambda: _read_data(p, shown(p), name)),
                              lambda read: read[0].data is not None)
        errors.extend(doc.errors)
        previous = cache.last_usable(path)
        if doc.data is None and previous is not None:
            # While `mkdocs serve` runs, a file that cannot be read at all (a syntax
            # error mid-edit) keeps showing its last good content; the error stands.
            doc, made = previous
        docs[name] = doc
        records.update(made)

    papers, bib_errors = [], []
    for path in bib_paths:
        converted, problems = cache.get(path, lambda p: _kept(cache_dir, f"bib-{diskcache.name_for(p)}", p, shown(p),
                                                              lambda: _read_bib(p, shown(p))))
        papers.extend(converted)
        bib_errors.extend(problems)
    pages = _pages_below(docs_dir / "publications") if docs_dir is not None else frozenset()
    papers, duplicates = publications.unique(papers, pages)
    bib_errors.extend(duplicates)
    if docs_dir is not None:
        papers = [_without_missing_files(paper, docs_dir, bib_errors) for paper in papers]
    errors.extend(bib_errors)

    data = SiteData(
        **records,
        publications=sorted(papers, key=lambda p: p.order),
        # A BibTeX error's field starts with the entry's key, e.g. "lovelace1843notes.year".
        broken_keys=frozenset(e.field.split(".")[0].lower() for e in bib_errors if e.field and not e.warning),
        papers_left_out=len({(e.path, e.line) for e in bib_errors if not e.warning}),
        updated=lastchange.last_change(project_dir, [data_dir, *bib_paths]),
    )
    files = xrefs.site_files(docs_dir, shown(docs_dir), markdown) if docs_dir is not None else None
    errors.extend(xrefs.check(data, docs, files))
    if docs_dir is not None:
        data = _without_missing_pictures(data, docs_dir)
    return data, errors


def _without_missing_pictures(data: SiteData, docs_dir: Path) -> SiteData:
    """``data`` less the photos (and the CV's PDF) that the docs folder lacks, each warned
    about by ``xrefs``: the initials show instead of a broken image."""
    def kept(value: str) -> str:
        return value if not value or xrefs.is_there(value, docs_dir) else ""

    owner = dataclasses.replace(data.profile, photo=kept(data.profile.photo), cv_pdf=kept(data.profile.cv_pdf))
    members = [dataclasses.replace(m, photo=kept(m.photo)) for m in data.members]
    return dataclasses.replace(data, profile=owner, members=members)


def _pages_below(folder: Path) -> frozenset[str]:
    """The page addresses that the site's own pages take in ``folder`` (``x.md`` and ``x/index.md`` give ``x``)."""
    if not folder.is_dir():
        return frozenset()
    files = {path.stem for path in folder.glob("*.md")}
    folders = {path.parent.name for name in ("index.md", "README.md") for path in folder.glob(f"*/{name}")}
    return frozenset(name.lower() for name in files | folders)


def _without_missing_files(paper: publications.Publication, docs_dir: Path,
                           errors: list[DataError]) -> publications.Publication:
    """``paper`` less its links to files that the docs folder does not have, each warned about."""
    missing = [(label, path) for label, path in paper.local_files if not (docs_dir / path).is_file()]
    for label, path in missing:
        name = next(name for name, shown in publications.LINK_FIELDS.items() if shown == label)
        errors.append(DataError(paper.path, paper.line, f"no file {docs_dir.name}/{path}: link left out",
                                field=f"{paper.key}.{name}", warning=True))
    return dataclasses.replace(paper, links=tuple(link for link in paper.links if link not in missing)) \
        if missing else paper


def _read_data(path: Path, shown_as: str, name: str) -> tuple[yamldata.Document, dict[str, Any]]:
    # Records are made with the file's reading, and cached with it: they depend on it alone.
    doc = yamldata.load(path, shown_as, name)
    return doc, RECORDS[name](doc)


def _kept(cache_dir: Path | None, name: str, path: Path, shown_as: str, read: Callable[[], Any]) -> Any:
    """``read()`` of the file at ``path``, kept in ``cache_dir`` between builds as ``name``
    (``labsite.diskcache``), under the file's bytes and the name it is shown by."""
    try:
        source = path.read_bytes() + b"\0" + shown_as.encode()
    except OSError:  # gone, or unreadable: reading it says so
        return read()
    return diskcache.cached(cache_dir, name, source, read)


def _read_bib(path: Path, shown_as: str) -> tuple[list[publications.Publication], list[DataError]]:
    bib = bibliography.load(path, shown_as)
    papers, problems = publications.from_entries(bib.entries)
    return papers, bib.errors + problems


def shown_as(project_dir: Path) -> Callable[[Path], str]:
    """How files are named in messages: by their path from ``project_dir`` where they are below it."""
    def shown(path: Path) -> str:
        try:
            return path.resolve().relative_to(project_dir.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
    return shown
