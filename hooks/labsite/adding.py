"""``labsite add SOURCE...``: a paper into the site's BibTeX, from its DOI, its arXiv id,
a ``.bib`` file (a publisher's or Google Scholar's export) or BibTeX pasted on ``-``.

For each paper it finds the facts (Crossref for a DOI, arXiv for an arXiv id, the entry
itself for BibTeX), refuses a paper the site already has (the same DOI, arXiv id or
title, compared without case, accents and punctuation), and writes one clean entry
(``labsite.newentry``) where the target file's order puts it (``labsite.bibedit``). An
arXiv preprint on the site whose DOI is added gets the published venue instead, keeping
its key and fields; the change is shown as a diff. The new entries go through the
build's own loader, whose warnings are shown.

All or nothing: when any source fails (no network, a timeout, an unknown identifier,
rate limiting, an answer that cannot be read, a paper already there) nothing is written,
each failure is one line, and the exit status is 1. A duplicate inside a ``.bib`` file
given to add is left out with a line, not a failure: an export of every paper holds the
ones already on the site.
"""

from __future__ import annotations

import datetime
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import bibedit, bibliography, newentry, publications, site
from .identifiers import Arxiv, BibSource, Doi, source
from .lookup import VENUE_FIELD, Found, arxiv_entry, crossref_work
from .publications import Publication
from .scholarly import Client, LookupFailed

# The site's own fields, carried over from pasted BibTeX as written.
CARRIED = ("abbr", "selected", "keywords", "award", "award_name", "presentation", "equal_contribution",
           "corresponding", "code", "website", "video", "blog", "slides", "poster", "supp", "abstract", "pdf")


@dataclass
class Plan:
    """What one run will do: new entries per file, upgrades, and what to tell the owner."""

    texts: dict[Path, str] = field(default_factory=dict)  # file -> its new text
    added: list[tuple[Path, newentry.Written, str]] = field(default_factory=list)  # file, entry, source
    diffs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings, papers left out of a .bib
    failures: list[str] = field(default_factory=list)


def add(project: Path, names: list[str], to: Path | None = None, dry_run: bool = False,
        stdin: TextIO | None = None, client: Client | None = None,
        today: datetime.date | None = None) -> tuple[int, list[str], list[str]]:
    """Add the papers that ``names`` name to the site in ``project``; the exit status, and
    the lines for standard output and standard error."""
    bib_dir = project / "bib"
    target = to if to is not None else next(iter(sorted(bib_dir.glob("*.bib"))), bib_dir / "publications.bib")
    shown = site.shown_as(project)
    data, _ = site.load(project, project / "docs" / "data", sorted(bib_dir.glob("*.bib")))
    client = client or Client(mailto=data.profile.email)
    today = today or datetime.date.today()
    plan = Plan()
    known = list(data.publications)
    for name in names:
        if _known_already(name, known, plan):  # asked for by an identifier the site has: no need to ask anyone
            continue
        for found, label, quiet in _found(name, client, stdin or sys.stdin, plan, project):
            _place(found, label, quiet, known, target, data, today, plan, project)
    if not plan.failures:
        for path, text in plan.texts.items():
            _check(path, text, shown(path), {written.key for file, written, _ in plan.added if file == path}, plan)
    if plan.failures:
        return 1, [], [f"labsite add: {line} (nothing was written)" for line in plan.failures]
    out = []
    for path, written, label in plan.added:
        verb = "Would add" if dry_run else "Added"
        out += [f"{verb} {written.key} to {shown(path)} (from {label}):", written.text.rstrip("\n"), ""]
    out += plan.diffs
    if not dry_run:
        for path, text in plan.texts.items():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                bibedit.write(path, text)
            except OSError as problem:  # the file as it was is kept whole (bibedit.write)
                return 1, [], [f"labsite add: cannot write {shown(path)}: {problem.strerror or problem}"]
    if not plan.added and not plan.diffs:
        out.append("Nothing to add.")
    return 0, out, [f"warning: {note}" for note in plan.notes]


def _known_already(name: str, known: list[Publication], plan: Plan) -> bool:
    """Whether ``name`` is the DOI or arXiv id of a paper the site has (said as a failure)."""
    try:
        named = source(name)
    except ValueError:
        return False  # said when it is looked up
    if isinstance(named, BibSource):
        return False
    probe = Found("misc", "", doi=named.value if isinstance(named, Doi) else "",
                  arxiv=named.value if isinstance(named, Arxiv) else "")
    twin, reason = duplicate_of(probe, known)
    if twin is not None:
        plan.failures.append(f"{name}: already on the site as {twin.key} ({twin.path}:{twin.line}, the same {reason})")
    return twin is not None


def _found(name: str, client: Client, stdin: TextIO, plan: Plan, project: Path):
    """(found paper, where it came from, whether a duplicate is only a note) for the source ``name``."""
    try:
        named = source(name)
        if isinstance(named, Doi):
            yield crossref_work(client, named.value), f"Crossref, DOI {named.value}", False
        elif isinstance(named, Arxiv):
            yield arxiv_entry(client, named.value), f"arXiv {named.value}", False
        else:
            yield from _from_bibtex(named, stdin, plan, project)
    except (ValueError, LookupFailed) as problem:
        plan.failures.append(f"{name}: {problem}")
    except OSError as problem:
        plan.failures.append(f"{name}: cannot read it: {problem.strerror or problem}")


def _from_bibtex(named: BibSource, stdin: TextIO, plan: Plan, project: Path):
    label = "standard input" if named.path is None else site.shown_as(project)(named.path)
    text = stdin.read() if named.path is None else named.path.read_bytes().decode("utf-8", "replace")
    bib = bibliography.parse(text, label)
    papers, problems = publications.from_entries(bib.entries)
    for problem in bib.errors + problems:
        if not problem.warning:  # an entry that cannot be used: said, and the others go on
            plan.notes.append(f"{problem} (left out)")
    if not papers and not plan.failures:
        plan.failures.append(f"{label}: no BibTeX entry with a title in it")
    for paper in papers:
        yield _from_paper(paper, f"BibTeX, {label}"), f"BibTeX in {label}", True


def _from_paper(paper: Publication, label: str) -> Found:
    """A paper read from pasted BibTeX, as if a service had found it, with the site's own fields."""
    authors = [(" ".join(part for part in (name.von, name.last) if part) + (f", {name.jr}" if name.jr else ""),
                name.first) for name in paper.authors if not name.is_others]
    fields = paper.entry.fields if paper.entry is not None else {}
    extra = tuple((name, value) for name in CARRIED for key, value in fields.items() if key.lower() == name)
    return Found(kind=paper.kind, title=paper.title, authors=authors, venue=paper.venue, year=paper.year,
                 month=paper.month, doi=paper.doi, arxiv=paper.arxiv, volume=paper.volume, number=paper.number,
                 pages=paper.pages, publisher=paper.publisher, source=label, extra=extra)


def _place(found: Found, label: str, quiet: bool, known: list[Publication], target: Path, data, today, plan: Plan,
           project: Path) -> None:
    """Plan ``found``'s entry, its upgrade of a preprint already on the site, or its refusal."""
    twin, reason = duplicate_of(found, known)
    if twin is not None and found.venue and found.source == "Crossref" and _is_preprint(twin):
        _plan_upgrade(twin, found, data, plan, project)
        return
    if twin is not None:
        where = f"{twin.path}:{twin.line}" if twin.path else "this run"
        line = f"{label}: already on the site as {twin.key} ({where}, the same {reason})"
        (plan.notes if quiet else plan.failures).append(line + ("; left out" if quiet else ""))
        return
    taken = {paper.key.lower() for paper in known}
    written = newentry.entry(found, taken, data.venues, today)
    plan.notes += [f"{written.key}: {warning}" for warning in written.warnings]
    text = plan.texts.get(target)
    if text is None:
        try:
            text = target.read_bytes().decode("utf-8") if target.exists() else ""
        except (OSError, UnicodeDecodeError):
            plan.failures.append(f"{label}: cannot add to {target}: it cannot be read as UTF-8 text "
                                 "(give another file with --to)")
            return
    entries = [(paper.line, paper.year) for paper in _papers_of(text, "")]
    plan.texts[target] = bibedit.insert(text, written.text, found.year, entries)
    plan.added.append((target, written, label))
    known.append(Publication(written.key, found.kind, found.title, (), found.year, doi=found.doi, arxiv=found.arxiv))


def _plan_upgrade(twin: Publication, found: Found, data, plan: Plan, project: Path) -> None:
    path = project / twin.path
    try:
        text = plan.texts.get(path) or path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        plan.failures.append(f"{found.doi}: cannot update {twin.path}: it cannot be read as UTF-8 text")
        return
    venue = newentry.recognised(found.venue, data.venues)
    added = [(VENUE_FIELD.get(found.kind, "howpublished"), newentry.escaped(found.venue)), ("doi", found.doi),
             ("volume", found.volume), ("number", found.number), ("pages", found.pages),
             ("publisher", newentry.escaped(found.publisher)), ("abbr", venue.abbr if venue else ""),
             ("sources", f"venue from Crossref (api.crossref.org/works/{found.doi}), by labsite add")]
    plan.texts[path], diff = bibedit.upgrade(text, twin.line, found.kind, added)
    plan.diffs += [f"Published since: {twin.key} in {twin.path} now gives its venue (from Crossref, DOI {found.doi}):",
                   diff.rstrip("\n"), ""]


def duplicate_of(found: Found, papers: list[Publication]) -> tuple[Publication | None, str]:
    """The paper of ``papers`` that ``found`` is, and by what: its DOI, its arXiv id or its title."""
    title = folded(found.title)
    for paper in papers:
        if found.doi and paper.doi.lower() == found.doi.lower():
            return paper, "DOI"
        if found.arxiv and paper.arxiv and re.sub(r"v\d+$", "", paper.arxiv).lower() == found.arxiv.lower():
            return paper, "arXiv id"
        if title and folded(paper.title) == title:
            return paper, "title"
    return None, ""


def folded(title: str) -> str:
    """A title compared without case, accents and punctuation."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


def _is_preprint(paper: Publication) -> bool:
    return paper.kind_label == "Preprint" or not paper.venue or "arxiv" in paper.venue.lower()


def _papers_of(text: str, shown: str) -> list[Publication]:
    papers, _ = publications.from_entries(bibliography.parse(text, shown).entries)
    return papers


def _check(path: Path, text: str, shown: str, keys: set[str], plan: Plan) -> None:
    """What the build's loader says of the new entries in ``text``: warnings are told, errors fail."""
    bib = bibliography.parse(text, shown)
    _, problems = publications.from_entries(bib.entries)
    for problem in bib.errors + problems:
        key = (problem.field or "").split(".")[0]
        if key in keys:
            (plan.notes if problem.warning else plan.failures).append(str(problem))
