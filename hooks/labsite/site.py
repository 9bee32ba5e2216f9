"""Everything the pages draw on, loaded from the data folder and the BibTeX files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from . import (bibliography, career, grants, news, people, profile, publications, service, talks, teaching, themes,
               venues, yamldata)
from .errors import DataError
from .names import Roster

# Data files of the data folder, each validated by the schema of the same name.
DATA_FILES = ("profile", "experience", "education", "awards", "people", "teaching", "talks", "service", "grants",
              "venues", "news", "positions", "themes")
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
    broken_keys: frozenset[str] = frozenset()  # citation keys of BibTeX entries left out for errors

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

    def publication(self, key: str) -> publications.Publication | None:
        """The publication with citation key ``key`` (any case), if there is one."""
        return self._by_key.get(key.lower())

    @cached_property
    def _by_key(self) -> dict[str, publications.Publication]:
        return {p.key.lower(): p for p in self.publications}


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
        stat = path.stat()
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
         docs_dir: Path | None = None) -> tuple[SiteData, list[DataError]]:
    """Load and check every data file and BibTeX file.

    Paths in errors are relative to ``project_dir``. Items with errors are left out
    of the returned data, so the rest of the site can still be built. With
    ``docs_dir``, PDFs given as file names must exist there (under ``assets/pdf/``).
    """
    cache = cache or FileCache()
    shown = _shown_as(project_dir)
    docs, errors = {}, []
    for name in DATA_FILES:
        path = data_dir / f"{name}.yml"
        if not path.exists():
            if name in REQUIRED_FILES:
                errors.append(DataError(shown(path), None, "missing data file"))
            docs[name] = yamldata.Document(shown(path))
            continue
        doc = cache.get(path, lambda p, name=name: yamldata.load(p, shown(p), name), lambda d: d.data is not None)
        errors.extend(doc.errors)
        previous = cache.last_usable(path)
        if doc.data is None and previous is not None:
            # While `mkdocs serve` runs, a file that cannot be read at all (a syntax
            # error mid-edit) keeps showing its last good content; the error stands.
            doc = previous
        docs[name] = doc

    papers, bib_errors = [], []
    for path in bib_paths:
        converted, problems = cache.get(path, lambda p: _read_bib(p, shown(p)))
        papers.extend(converted)
        bib_errors.extend(problems)
    papers, duplicates = publications.unique(papers)
    bib_errors.extend(duplicates)
    errors.extend(bib_errors)

    data = SiteData(
        profile=profile.from_data(docs["profile"].data),
        positions=career.positions(docs["experience"].data),
        degrees=career.degrees(docs["education"].data),
        awards=career.awards(docs["awards"].data),
        members=people.from_data(docs["people"].data),
        courses=teaching.from_data(docs["teaching"].data),
        talks=talks.from_data(docs["talks"].data),
        reviewing=service.reviewing(docs["service"].data),
        organised=service.organised(docs["service"].data),
        grants=grants.grants(docs["grants"].data),
        computing=grants.computing(docs["grants"].data),
        publications=sorted(papers, key=lambda p: (-p.year, -(p.month or 0))),
        venues=venues.from_data(docs["venues"].data),
        news=news.news(docs["news"].data),
        openings=news.openings(docs["positions"].data),
        themes=themes.from_data(docs["themes"].data),
        # A BibTeX error's field starts with the entry's key, e.g. "yin2024outlier.year".
        broken_keys=frozenset(e.field.split(".")[0].lower() for e in bib_errors if e.field),
    )
    errors.extend(_unknown_papers(data, docs["awards"]))
    if docs_dir is not None:
        errors.extend(_missing_pdfs(data.publications, docs_dir))
    return data, errors


def _missing_pdfs(papers: list[publications.Publication], docs_dir: Path) -> list[DataError]:
    errors = []
    for paper in papers:
        path = docs_dir / paper.local_pdf
        if paper.local_pdf and not path.is_file():
            errors.append(DataError(paper.path, paper.line, f"no file '{paper.pdf}' in {path.parent}",
                                    field=f"{paper.key}.pdf"))
    return errors


def _read_bib(path: Path, shown_as: str) -> tuple[list[publications.Publication], list[DataError]]:
    bib = bibliography.load(path, shown_as)
    papers, problems = publications.from_entries(bib.entries)
    return papers, bib.errors + problems


def _unknown_papers(data: SiteData, awards_doc: yamldata.Document) -> list[DataError]:
    errors = []
    for index, item in enumerate((awards_doc.data or {}).get("awards", [])):
        key = item.get("paper")
        if key and data.publication(key) is None:
            errors.append(awards_doc.error_at(("awards", index, "paper"), f"no publication has the key '{key}'"))
    return errors


def _shown_as(project_dir: Path) -> Callable[[Path], str]:
    def shown(path: Path) -> str:
        try:
            return path.resolve().relative_to(project_dir.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
    return shown
