"""Looking a paper up: what a scholarly service says of it, Crossref's work record (JSON) for a DOI,
arXiv's Atom feed for an arXiv id. Both become a :class:`Found`, which
``labsite.newentry`` writes as BibTeX.

Reading never trusts the answer's shape: a field missing, of another type or holding
markup is left out or made plain, and an answer that is not the record asked for is a
:class:`~labsite.scholarly.LookupFailed` naming the service.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .names import Name
from .scholarly import Client, LookupFailed, NotFound

ATOM, ARXIV = "{http://www.w3.org/2005/Atom}", "{http://arxiv.org/schemas/atom}"
TAG = re.compile(r"<[^>]+>")
CODE = re.compile(r"https?://(?:www\.)?github\.com/[\w.-]+/[\w.-]+?(?=[.,;)]?(?:\s|$))")  # in arXiv's comment
# Crossref's work types, as BibTeX entry types.
CROSSREF_TYPES = {
    "journal-article": "article", "proceedings-article": "inproceedings", "book-chapter": "incollection",
    "book-section": "incollection", "book": "book", "monograph": "book", "edited-book": "book",
    "dissertation": "phdthesis", "report": "techreport", "posted-content": "misc", "dataset": "misc",
}
VENUE_FIELD = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}


@dataclass
class Found:
    """What a service says of one paper."""

    kind: str  # a BibTeX entry type
    title: str
    authors: list[tuple[str, str]] = field(default_factory=list)  # (family, given), in order
    venue: str = ""
    year: int | None = None
    month: int | None = None
    doi: str = ""
    arxiv: str = ""
    pdf: str = ""
    code: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    source: str = ""  # where it was found, for the owner: "Crossref", "arXiv"
    extra: tuple[tuple[str, str], ...] = ()  # the site's own fields of pasted BibTeX, as written


def crossref_work(client: Client, doi: str) -> Found:
    """The work that Crossref records for ``doi``."""
    try:
        answer = client.get("crossref", f"works/{doi}")
    except NotFound:
        raise NotFound(f"Crossref does not know the DOI {doi} (404 Not Found)") from None
    try:
        message = json.loads(answer.text)["message"]
        return _from_crossref(message)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise LookupFailed(f"Crossref's answer for {doi} is not a work record this command can read") from None


def _from_crossref(work: dict) -> Found:
    kind = CROSSREF_TYPES.get(work.get("type", ""), "misc")
    date = next((work[name]["date-parts"][0] for name in ("published-print", "published", "issued",
                                                          "published-online", "created")
                 if _date_parts(work.get(name))), [])
    authors = [_crossref_name(person) for person in work.get("author", []) if isinstance(person, dict)]
    return Found(
        kind=kind, title=_first(work.get("title")), authors=[name for name in authors if name[0]], venue=_first(work.get("container-title")),
        year=date[0] if date else None, month=date[1] if len(date) > 1 else None,
        doi=str(work.get("DOI", "")), volume=str(work.get("volume", "")), number=str(work.get("issue", "")),
        pages=str(work.get("page", "")).replace("-", "--"), publisher=_plain(str(work.get("publisher", ""))),
        source="Crossref",
    )


def _crossref_name(person: dict) -> tuple[str, str]:
    """(family, given) of a Crossref author; a consortium has only a ``name``, kept whole as the family."""
    family = _plain(person.get("family")) or _plain(person.get("name"))
    return family, _plain(person.get("given"))


def _date_parts(value) -> bool:
    try:
        return isinstance(value["date-parts"][0][0], int)
    except (TypeError, KeyError, IndexError):
        return False


def arxiv_entry(client: Client, identifier: str) -> Found:
    """The paper that arXiv lists under ``identifier`` (no version)."""
    answer = client.get("arxiv", "query", {"id_list": identifier, "max_results": "1"})
    try:
        feed = ElementTree.fromstring(answer.content)
    except ElementTree.ParseError:
        raise LookupFailed(f"arXiv's answer for {identifier} is not an Atom feed this command can read") from None
    for entry in feed.iter(f"{ATOM}entry"):
        found = _from_atom(entry)
        if found.arxiv == identifier and found.title:
            return found
    raise NotFound(f"arXiv has no paper {identifier}")


def _from_atom(entry: ElementTree.Element) -> Found:
    address = (entry.findtext(f"{ATOM}id") or "").strip()
    identifier = re.sub(r"v\d+$", "", address.split("/abs/")[-1]) if "/abs/" in address else ""
    published = (entry.findtext(f"{ATOM}published") or "").strip()
    year, month = (int(published[:4]), int(published[5:7])) if re.match(r"\d{4}-\d{2}", published) else (None, None)
    authors = [_split_name(_plain(author.findtext(f"{ATOM}name") or "")) for author in entry.iter(f"{ATOM}author")]
    pdf = next((link.get("href", "") for link in entry.iter(f"{ATOM}link") if link.get("title") == "pdf"), "")
    return Found(
        kind="misc", title=" ".join(_plain(entry.findtext(f"{ATOM}title") or "").split()),
        authors=[name for name in authors if name[0]], year=year, month=month,
        doi=(entry.findtext(f"{ARXIV}doi") or "").strip(), arxiv=identifier,
        venue=" ".join((entry.findtext(f"{ARXIV}journal_ref") or "").split()), pdf=re.sub(r"v\d+$", "", pdf),
        code=next(iter(CODE.findall(entry.findtext(f"{ARXIV}comment") or "")), ""), source="arXiv",
    )


def _split_name(full: str) -> tuple[str, str]:
    """("Family", "Given") of a name written "Given Family", as arXiv writes them ("van Keulen" stays whole)."""
    try:
        name = Name.parse(full)
    except ValueError:  # more than two commas: keep it whole
        return full, ""
    family = " ".join(part for part in (name.von, name.last) if part)
    return (f"{family}, {name.jr}" if name.jr else family), name.first


def _first(value) -> str:
    """The first of Crossref's lists of strings, made plain."""
    if isinstance(value, list) and value and isinstance(value[0], str):
        return " ".join(_plain(value[0]).split())
    return ""


def _plain(text) -> str:
    """``text`` without markup (JATS and HTML tags, entities), as a string."""
    return html.unescape(TAG.sub("", text)).strip() if isinstance(text, str) else ""
