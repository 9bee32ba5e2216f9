"""Links from mkdocs-bibtex's footnote references to the papers' own pages."""

from __future__ import annotations

import re

from .publications import Publication

FOOTNOTE = re.compile(r"^\[\^(?P<key>[^\]]+)\]: (?P<text>.*)$", re.MULTILINE)


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
