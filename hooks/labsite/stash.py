"""Keeping rendered HTML away from Python-Markdown, which must never see it.

Renderers build HTML from data and escape every value (``render.html``), but
Markdown does not treat raw HTML as opaque: a blank line inside data text ends the
raw block, and what follows is read as Markdown again, where ``{: onclick=...}``
(attr_list) or ``[x](javascript:...)`` would become live markup. So HTML made from
data never passes through Markdown, whatever characters it holds.

:func:`mark` wraps each piece of rendered HTML between two comments that carry a
number drawn at random when the site is built (``NONCE``): no data file can know
it, and escaped data text cannot even write ``<!--``. :func:`stash` swaps every
marked piece for a placeholder comment, which Markdown passes over as one token;
:func:`unstash` puts the pieces back into the converted page. Blocks that follow one
another with only blank lines between them share one placeholder: Markdown reads each
raw block with an HTML parser, which costs a paper's page (eight blocks) more than
the rest of its conversion.

Pieces whose outer element carries ``data-search-exclude`` (publication lists, whose
papers each have a page of their own; BibTeX; related papers) are left out of
Material's search index anyway, but its parser would still read every tag of them.
``unstash(..., searched_only=True)`` keeps those as placeholders, for a second
:func:`unstash` once the search plugin has read the page. A piece of class
``lab-search-text`` is the reverse: plain text that stands in, for search only, for a
richly marked-up piece beside it (a paper's title, authors and venue); the second
:func:`unstash` takes it out of the page.
"""

from __future__ import annotations

import re
import secrets

NONCE = secrets.token_hex(8)
START, END = f"<!--lab-html-{NONCE}-->", f"<!--/lab-html-{NONCE}-->"
# A piece's HTML, up to the first END. Spelled out rather than a lazy ".*?", which tries
# END at every character of the piece: four to six times slower on papers' pages and lists.
PIECE = f"[^<]*(?:<(?!{re.escape(END[1:])})[^<]*)*"
MARKED = re.compile(f"{re.escape(START)}({PIECE}){re.escape(END)}")
# Blocks on lines of their own, one after the other with only blank lines between them.
RUN = re.compile(f"^(?:{re.escape(START)}{PIECE}{re.escape(END)}[ \\t]*(?:\\n[ \\t]*){{2,}})+", re.MULTILINE)
PLACEHOLDER = f"<!--lab-stash-{NONCE}-{{}}-->"  # a piece, or a run of pieces "first-last"
RESTORE = re.compile(f"<!--lab-stash-{NONCE}-(\\d+)(?:-(\\d+))?-->")
NOT_SEARCHED = re.compile(r"^<[^>]*\sdata-search-exclude[\s>]")
SEARCH_TEXT = re.compile(r'^<[^>]*\sclass="lab-search-text"')


def mark(html: str) -> str:
    """``html`` marked as rendered HTML, for :func:`stash` to take out of the Markdown."""
    return f"{START}{html}{END}"


def stash(markdown: str, blocks: list[str] | None = None) -> tuple[str, list[str]]:
    """``markdown`` with each marked piece of HTML replaced by a placeholder, and the pieces.

    ``blocks`` are the pieces of an earlier call on the same page, to which these are added.
    """
    blocks = [] if blocks is None else blocks

    def keep(match: re.Match) -> str:
        blocks.append(match.group(1))
        return PLACEHOLDER.format(len(blocks) - 1)

    def keep_run(match: re.Match) -> str:
        first = len(blocks)
        blocks.extend(MARKED.findall(match.group(0)))
        last = len(blocks) - 1
        return PLACEHOLDER.format(first if first == last else f"{first}-{last}") + "\n\n"

    return MARKED.sub(keep, RUN.sub(keep_run, markdown)), blocks


def unstash(html: str, blocks: list[str], searched_only: bool = False) -> str:
    """The converted page with the stashed pieces back in their places.

    With ``searched_only``, pieces that search leaves out stay placeholders, and
    search-only text goes in after its placeholder, so that the second pass finds it.
    """
    if searched_only:
        return RESTORE.sub(lambda match: _for_search(match, blocks), html)
    for number, block in enumerate(blocks):
        if SEARCH_TEXT.match(block):  # put in by the first pass, right after its placeholder
            html = html.replace(PLACEHOLDER.format(number) + block, "", 1)
    return RESTORE.sub(lambda match: _for_page(match, blocks), html)


def _numbers(match: re.Match) -> range:
    """The pieces that a placeholder stands for."""
    first = int(match.group(1))
    return range(first, int(match.group(2) or first) + 1)


def _for_search(match: re.Match, blocks: list[str]) -> str:
    return "\n".join(_piece_for_search(number, blocks[number]) for number in _numbers(match))


def _piece_for_search(number: int, block: str) -> str:
    if NOT_SEARCHED.match(block):
        return PLACEHOLDER.format(number)
    return PLACEHOLDER.format(number) + block if SEARCH_TEXT.match(block) else block


def _for_page(match: re.Match, blocks: list[str]) -> str:
    return "\n".join("" if SEARCH_TEXT.match(blocks[number]) else blocks[number] for number in _numbers(match))
