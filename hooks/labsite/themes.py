"""Research themes: what the group works on, each tied to its papers' topic."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document

# The page whose headings the themes' sections are: each theme links there, and the
# build checks that the heading exists (labsite.xrefs).
RESEARCH_PAGE = "research.md"


@dataclass(frozen=True)
class Theme:
    """A research theme (``docs/data/themes.yml``)."""

    title: str
    summary: str
    topic: str
    section: str

    @property
    def url(self) -> str:
        """The theme's section of the research page, from the site's root."""
        return f"{RESEARCH_PAGE.removesuffix('.md')}/#{self.section}"


def from_data(doc: Document) -> list[Theme]:
    """Themes in the file's order."""
    return each(doc, "themes", lambda item: build(Theme, item))
