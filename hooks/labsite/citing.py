"""``labsite citations``: each paper's count of citing works, from OpenAlex, into
``docs/data/citedby.yml`` (read by the build as ``labsite.citedby``).

A paper is asked for by its DOI, else by its arXiv id (OpenAlex knows arXiv papers by
arXiv's own DOIs, ``10.48550/arXiv.…``); papers with neither are left out. A paper that
OpenAlex does not find, or whose answer cannot be read, is a warning naming the entry and
keeps the count the file had for it. Any other failure (no network, rate limiting after
retries) writes nothing. Counts come from OpenAlex's documented ``cited_by_count`` and
``counts_by_year``, asked with the owner's e-mail, as OpenAlex's polite pool asks; never
from Google Scholar.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from urllib.parse import quote

import yaml

from . import bibedit, site
from .citedby import CitedBy
from .publications import Publication
from .scholarly import Client, LookupFailed, NotFound

FILE = "citedby.yml"
HEADER = """\
# yaml-language-server: $schema=../../hooks/labsite/schemas/citedby.schema.json
# How often each paper is cited, by OpenAlex: written by `labsite citations` (the weekly
# workflow runs it); edit by running it again, not by hand.
"""


def refresh(project: Path, client: Client | None = None,
            today: datetime.date | None = None) -> tuple[int, list[str], list[str]]:
    """Fetch the counts of the site's papers in ``project`` and write them; the exit status and
    the lines for standard output and standard error."""
    data_dir = project / "docs" / "data"
    data, _ = site.load(project, data_dir, sorted((project / "bib").glob("*.bib")))
    client = client or Client(mailto=data.profile.email)
    today = today or datetime.date.today()
    counts, warnings = [], []
    asked = [paper for paper in data.publications if paper.doi or paper.arxiv]
    try:
        for paper in asked:
            found = _count(client, paper)
            if isinstance(found, str):  # not found: the last known count stays
                warnings.append(f"{paper.path}:{paper.line}: {paper.key}: {found}")
                found = data.citedby.of(paper.key)
            if found is not None:
                counts.append(found)
    except LookupFailed as problem:
        return 1, [], [f"labsite citations: {problem} (nothing was written)"]
    path = data_dir / FILE
    try:
        bibedit.write(path, render(counts, today))
    except OSError as problem:
        return 1, [], [f"labsite citations: cannot write {path}: {problem.strerror or problem}"]
    total = sum(count.count for count in counts)
    out = [f"Wrote {len(counts)} of {len(asked)} papers' counts to docs/data/{FILE} "
           f"({total} citations, OpenAlex, {today.isoformat()})."]
    return 0, out, [f"warning: {warning}" for warning in warnings]


def _count(client: Client, paper: Publication) -> CitedBy | str:
    """OpenAlex's count for ``paper``, or why there is none (a sentence)."""
    doi = paper.doi or f"10.48550/arXiv.{paper.arxiv}"
    try:
        answer = client.get("openalex", f"works/https://doi.org/{quote(doi, safe='/')}")
    except NotFound:
        return f"OpenAlex does not know the DOI {doi}: its last known count is kept"
    try:
        work = json.loads(answer.text)
        years = sorted(((int(item["year"]), int(item["cited_by_count"])) for item in work.get("counts_by_year", [])),
                       reverse=True)
        return CitedBy(paper.key, int(work["cited_by_count"]), str(work.get("id", "")).rsplit("/", 1)[-1],
                       tuple(years))
    except (ValueError, KeyError, TypeError, AttributeError):
        return f"OpenAlex's answer for {doi} cannot be read: its last known count is kept"


def render(counts: list[CitedBy], fetched: datetime.date) -> str:
    """The text of ``citedby.yml``."""
    papers = [{"key": c.key, "count": c.count, **({"work": c.work} if c.work.startswith("W") else {}),
               **({"by_year": [list(pair) for pair in c.by_year]} if c.by_year else {})} for c in counts]
    body = yaml.safe_dump({"fetched": fetched.isoformat(), "source": "OpenAlex", "papers": papers},
                          sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
    return HEADER + body
