"""Citations in pages: checked before mkdocs-bibtex sees them, written by the hook after.

mkdocs-bibtex turns ``[@key]`` into a numbered footnote; for a key it does not know
it logs a warning with a traceback and drops the citation. :func:`check` reports
such keys first, with the page and line, and takes them out of its way.

mkdocs-bibtex is given only a stub entry per cited key (:func:`stub_bibliography`):
it places and numbers the footnotes, and :func:`references` then replaces their
text with the hook's own rendering of the paper. So no BibTeX value reaches
Python-Markdown (where its text would be read as Markdown, at a cost that grows with
the square of its length), and no entry can be one that mkdocs-bibtex fails to format.

Python-Markdown writes each footnote reference as a superscript number of its own, so
``[@a; @b]`` would read "1011"; :func:`bracketed` turns each run of citations in the
converted page into one bracket, "[10, 11]".
"""

from __future__ import annotations

import difflib
import re

from . import pagetext
from .errors import DataError
from .publications import Publication
from .render.html import text
from .render.publications import PaperContext, reference
from .site import SiteData
from .stash import mark

BLOCK = re.compile(r"\[(?P<body>[^\[\]]*@[^\[\]]*)\]")
CITED = re.compile(r"(?:^|(?<=[\s;]))@(?P<key>[^\s;,\]]+)")
CITABLE_KEY = re.compile(r"^[\w-]+$")  # what mkdocs-bibtex's pattern accepts
EMAIL = re.compile(r"[\w.%+-]+@[\w-]+\.[\w.-]+")
FOOTNOTE = re.compile(r"^\[\^(?P<key>[^\]]+)\]: (?P<text>.*)$", re.MULTILINE)
# A footnote reference as Python-Markdown's footnotes extension writes it; a second
# reference to the same note has the id "fnref2:key".
FOOTNOTE_REF = re.compile(r'<sup id="(?P<id>fnref\d*:(?P<key>[^"]+))"><a class="footnote-ref" href="#fn:(?P=key)">'
                          r"(?P<number>\d+)</a></sup>")
FOOTNOTE_ITEM = re.compile(r'<li id="fn:(?P<key>[^"]+)">')  # a footnote's text, at the foot of the page


def cited_keys(markdown: str) -> set[str]:
    """The citation keys (lower case) that ``markdown`` cites with ``[@key]``."""
    return {key.lower() for block in BLOCK.finditer(markdown) for _, key in _parts(block) if key}


def _parts(block: re.Match) -> list[tuple[str, str]]:
    """The ``;``-separated parts of a bracket and the key each cites ("" for none).

    A bracket holding an e-mail address is text, not a citation: it has no parts.
    """
    if EMAIL.search(block.group("body")):
        return []
    return [(part, cited.group("key") if (cited := CITED.search(part.strip())) else "")
            for part in block.group("body").split(";")]


def check(markdown: str, page: str, data: SiteData, first_line: int = 1) -> tuple[str, list[DataError]]:
    """Report citations of unknown keys, and remove them from ``markdown``.

    Citations of the data's ``broken_keys`` (entries left out for their own errors,
    already reported) are removed without a second message.
    """
    # Most pages cite nothing: spare them the index of keys (and, under `mkdocs serve
    # --dirty`, a rebuild for every BibTeX edit: the data notes what a page reads).
    if "@" not in markdown:
        return markdown, []
    keys = {paper.key.lower(): paper.key for paper in data.publications}
    broken = data.broken_keys
    errors, out = [], []
    for number, line, in_code in pagetext.lines(markdown, first_line):
        if not in_code and "@" in line:
            line = BLOCK.sub(lambda block: _checked(block, keys, broken, page, number, errors), line)
        out.append(line)
    return "\n".join(out), errors


def _checked(block: re.Match, keys: dict[str, str], broken: frozenset[str], page: str, number: int,
             errors: list) -> str:
    parts = _parts(block)
    kept = []
    for part, key in parts:
        problem = _problem(key, keys) if key else None
        if problem and key.lower() not in broken:
            errors.append(DataError(page, number, problem))
        if not problem:
            kept.append((part, key))
    if len(kept) == len(parts):
        return block.group(0)
    return f"[{';'.join(part for part, _ in kept)}]" if any(key for _, key in kept) else ""


def _problem(key: str, keys: dict[str, str]) -> str | None:
    if key.lower() in keys:
        if not CITABLE_KEY.match(key):
            return f"cannot cite '{key}': mkdocs-bibtex accepts only keys of letters, digits, '_' and '-'"
        return None
    close = difflib.get_close_matches(key.lower(), list(keys), n=1)
    hint = f", did you mean '{keys[close[0]]}'?" if close else " (or its entry has errors, listed above)"
    return f"cites unknown key '{key}'{hint}"


def stub_bibliography(papers: list[Publication]) -> str:
    """BibTeX for mkdocs-bibtex: a stub entry for each of ``papers`` that a page can cite."""
    return "".join(f"@misc{{{paper.key},\n  title = {{{paper.key}}}\n}}\n"
                   for paper in papers if CITABLE_KEY.match(paper.key))


def references(markdown: str, data: SiteData, context: PaperContext) -> str:
    """Each footnote that mkdocs-bibtex wrote for one of the data's papers, its text the paper's reference.

    The reference is rendered HTML, marked for :func:`labsite.stash.stash`.
    """
    if "[^" not in markdown:
        return markdown
    by_key = {paper.key.lower(): paper for paper in data.publications}

    def write(match: re.Match) -> str:
        paper = by_key.get(match.group("key").lower())
        if paper is None:
            return match.group(0)
        return f"[^{match.group('key')}]: {mark(reference(paper, context))}"

    return FOOTNOTE.sub(write, markdown)


def bracketed(html: str, data: SiteData) -> str:
    """The converted page with each run of adjacent citations of the data's papers as one bracket.

    "[10, 11]": each number links to its reference at the foot of the page (which links
    to the paper's page, and back to the text), and gives the paper's title as its
    tooltip. The references get the class ``lab-reference``, which numbers them "[10]"
    too. Other footnotes are left as they are. ``html`` must be Python-Markdown's output
    with the rendered data still stashed, so that only its own footnotes can match.
    """
    if 'class="footnote-ref"' not in html:  # most pages cite nothing: spare them the index of titles
        return html
    titles = {paper.key.lower(): paper.title for paper in data.publications}
    parts, done = [], 0
    for run in _runs(html, titles):
        parts += [html[done:run[0].start()], _bracket(run, titles)]
        done = run[-1].end()
    html = "".join(parts) + html[done:]

    def mark_reference(item: re.Match) -> str:
        key = item.group("key")
        return f'<li id="fn:{key}" class="lab-reference">' if key.lower() in titles else item.group(0)

    return FOOTNOTE_ITEM.sub(mark_reference, html)


def _runs(html: str, titles: dict[str, str]) -> list[list[re.Match]]:
    """The references to citations in ``html``, grouped where only white space parts them."""
    runs: list[list[re.Match]] = []
    for ref in FOOTNOTE_REF.finditer(html):
        if ref.group("key").lower() not in titles:
            continue
        if runs and not html[runs[-1][-1].end():ref.start()].strip():
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return runs


def _bracket(run: list[re.Match], titles: dict[str, str]) -> str:
    links = ", ".join(f'<a id="{ref.group("id")}" href="#fn:{ref.group("key")}" '
                      f'title="{text(titles[ref.group("key").lower()])}">{ref.group("number")}</a>' for ref in run)
    return f'<span class="lab-cite">[{links}]</span>'
