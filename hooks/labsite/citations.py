"""Citations in pages: checked before mkdocs-bibtex sees them, linked to papers' pages after.

mkdocs-bibtex turns ``[@key]`` into a footnote; for a key it does not know it logs
a warning with a traceback and drops the citation. :func:`check` reports such keys
first, with the page and line, and takes them out of its way.
"""

from __future__ import annotations

import difflib
import re

from . import pagetext
from .errors import DataError
from .publications import Publication

BLOCK = re.compile(r"\[(?P<body>[^\[\]]*@[^\[\]]*)\]")
CITED = re.compile(r"(?:^|(?<=[\s;]))@(?P<key>[^\s;,\]]+)")
CITABLE_KEY = re.compile(r"^[\w-]+$")  # what mkdocs-bibtex's pattern accepts
EMAIL = re.compile(r"[\w.%+-]+@[\w-]+\.[\w.-]+")
FOOTNOTE = re.compile(r"^\[\^(?P<key>[^\]]+)\]: (?P<text>.*)$", re.MULTILINE)


def cited_keys(markdown: str) -> set[str]:
    """The citation keys (lower case) that ``markdown`` cites with ``[@key]``."""
    keys = set()
    for block in BLOCK.finditer(markdown):
        if not EMAIL.search(block.group("body")):
            keys |= {cited.group("key").lower() for part in block.group("body").split(";")
                     if (cited := CITED.search(part.strip()))}
    return keys


def check(markdown: str, page: str, papers: list[Publication], broken: frozenset[str] = frozenset(),
          first_line: int = 1) -> tuple[str, list[DataError]]:
    """Report citations of unknown keys, and remove them from ``markdown``.

    Citations of ``broken`` keys (entries left out for their own errors, already
    reported) are removed without a second message.
    """
    keys = {paper.key.lower(): paper.key for paper in papers}
    errors, out = [], []
    for number, line, in_code in pagetext.lines(markdown, first_line):
        if not in_code and "@" in line:
            line = BLOCK.sub(lambda block: _checked(block, keys, broken, page, number, errors), line)
        out.append(line)
    return "\n".join(out), errors


def _checked(block: re.Match, keys: dict[str, str], broken: frozenset[str], page: str, number: int,
             errors: list) -> str:
    if EMAIL.search(block.group("body")):
        return block.group(0)
    parts = [part for part in block.group("body").split(";")]
    kept = []
    for part in parts:
        cited = CITED.search(part.strip())
        key = cited.group("key") if cited else ""
        problem = _problem(key, keys) if cited else None
        if problem and key.lower() not in broken:
            errors.append(DataError(page, number, problem))
        if not problem:
            kept.append(part)
    if len(kept) == len(parts):
        return block.group(0)
    return f"[{';'.join(kept)}]" if any(CITED.search(p.strip()) for p in kept) else ""


def _problem(key: str, keys: dict[str, str]) -> str | None:
    if key.lower() in keys:
        if not CITABLE_KEY.match(key):
            return f"cannot cite '{key}': mkdocs-bibtex accepts only keys of letters, digits, '_' and '-'"
        return None
    close = difflib.get_close_matches(key.lower(), list(keys), n=1)
    hint = f", did you mean '{keys[close[0]]}'?" if close else " (or its entry has errors, listed above)"
    return f"cites unknown key '{key}'{hint}"


def link_references(markdown: str, papers: list[Publication], docs_root: str) -> str:
    """Append a link to the paper's page to each footnote that cites one of ``papers``.

    mkdocs-bibtex writes a footnote ``[^key]: reference text`` per cited key; the
    link goes to the generated page ``publications/<slug>.md`` (``docs_root`` leads
    from the page's file to the docs folder), so MkDocs checks and resolves it.
    """
    by_key = {paper.key.lower(): paper for paper in papers}

    def add_link(match: re.Match) -> str:
        paper = by_key.get(match.group("key").lower())
        if paper is None:
            return match.group(0)
        return f"{match.group(0)} [Paper page]({docs_root}publications/{paper.slug}.md)"

    return FOOTNOTE.sub(add_link, markdown)
