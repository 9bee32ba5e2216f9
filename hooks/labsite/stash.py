"""Keeping rendered HTML away from Python-Markdown, which would only parse it to pass it on.

Directives emit their HTML as raw blocks. Markdown copies raw blocks unchanged, but
finds where each ends with a full HTML parser, which is most of a long page's build
time. :func:`stash` swaps the blocks for comment placeholders that Markdown passes
over at once; :func:`unstash` puts them back into the converted page.

Blocks whose outer element carries ``data-search-exclude`` (publication lists, whose
papers each have a page of their own; BibTeX; related papers) are left out of
Material's search index anyway, but its parser would still read every tag of them.
``unstash(..., searched_only=True)`` keeps those as placeholders, for a second
:func:`unstash` once the search plugin has read the page.
"""

from __future__ import annotations

import re

# Our blocks: a block-level element with a class of ours, alone between blank lines.
BLOCK = re.compile(r'(?m)^<(?:div|ol|ul|p|figure|form|h1|pre)\b[^>\n]*\bclass="(?:lab-|admonition failure)'
                   r'[^\n]*(?:\n(?!\n)[^\n]*)*')
NOT_SEARCHED = re.compile(r"^<[^>]*\sdata-search-exclude[\s>]")
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

    With ``searched_only``, blocks that search leaves out stay placeholders.
    """
    def restore(match: re.Match) -> str:
        block = blocks[int(match.group(1))]
        return match.group(0) if searched_only and NOT_SEARCHED.match(block) else block

    return RESTORE.sub(restore, html)
