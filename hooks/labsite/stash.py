"""Keeping rendered HTML away from Python-Markdown, which would only parse it to pass it on.

Directives emit their HTML as raw blocks. Markdown copies raw blocks unchanged, but
finds where each ends with a full HTML parser, which is most of a long page's build
time. :func:`stash` swaps the blocks for comment placeholders that Markdown passes
over at once; :func:`unstash` puts them back into the converted page.

Blocks whose outer element carries ``data-search-exclude`` (publication lists, whose
papers each have a page of their own; BibTeX; related papers) are left out of
Material's search index anyway, but its parser would still read every tag of them.
``unstash(..., searched_only=True)`` keeps those as placeholders, for a second
:func:`unstash` once the search plugin has read the page. A block of class
``lab-search-text`` is the reverse: plain text that stands in, for search only, for a
richly marked-up block beside it (a paper's title, authors and venue); the second
:func:`unstash` takes it out of the page.
"""

from __future__ import annotations

import re

# Our blocks: a block-level element with a class of ours, alone between blank lines.
BLOCK = re.compile(r'(?m)^<(?:div|ol|ul|p|figure|form|h1|pre)\b[^>\n]*\bclass="(?:lab-|admonition failure)'
                   r'[^\n]*(?:\n(?!\n)[^\n]*)*')
NOT_SEARCHED = re.compile(r"^<[^>]*\sdata-search-exclude[\s>]")
SEARCH_TEXT = re.compile(r'^<[^>]*\sclass="lab-search-text"')
PLACEHOLDER = "<!--lab-stash-{}-->"
RESTORE = re.compile(r"<!--lab-stash-(\d+)-->")


def stash(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each of our HTML blocks replaced by a placeholder, and the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match) -> str:
        blocks.append(match.group(0))
        return PLACEHOLDER.format(len(blocks) - 1)

    return BLOCK.sub(keep, markdown), blocks


def unstash(html: str, blocks: list[str], searched_only: bool = False) -> str:
    """The converted page with the stashed blocks back in their places.

    With ``searched_only``, blocks that search leaves out stay placeholders, and
    search-only text goes in after its placeholder, so that the second pass finds it.
    """
    if searched_only:
        def for_search(match: re.Match) -> str:
            block = blocks[int(match.group(1))]
            if NOT_SEARCHED.match(block):
                return match.group(0)
            return match.group(0) + block if SEARCH_TEXT.match(block) else block

        return RESTORE.sub(for_search, html)
    for number, block in enumerate(blocks):
        if SEARCH_TEXT.match(block):  # put in by the first pass, right after its placeholder
            html = html.replace(PLACEHOLDER.format(number) + block, "", 1)

    def for_page(match: re.Match) -> str:
        block = blocks[int(match.group(1))]
        return "" if SEARCH_TEXT.match(block) else block

    return RESTORE.sub(for_page, html)
