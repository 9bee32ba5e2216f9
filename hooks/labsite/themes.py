"""Research themes, what the group works on, each tied to its papers' topic; and the
readable titles of the other topics that papers name in their ``keywords``."""

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


@dataclass(frozen=True)
class Topic:
    """A topic that is not a theme, with the title readers see (``topics`` in ``themes.yml``)."""

    topic: str
    title: str


def from_data(doc: Document) -> list[Theme]:
    """Themes in the file's order."""
    return each(doc, "themes", lambda item: build(Theme, item))


def topics(doc: Document) -> list[Topic]:
    """The titled topics of ``themes.yml``, in the file's order."""
    return each(doc, "topics", lambda item: build(Topic, item))


def titles(themes: list[Theme], topics: list[Topic], keywords: list[str]) -> dict[str, str]:
    """The title readers see for each of ``keywords``: its theme's, else its topic's, else
    the keyword made readable ("graph-learning" gives "Graph learning"), never the keyword itself."""
    named = {topic.topic: topic.title for topic in topics}
    named.update((theme.topic, theme.title) for theme in themes)
    return {keyword: named.get(keyword) or readable(keyword) for keyword in keywords}


def readable(keyword: str) -> str:
    """A keyword as words: dashes and underscores become spaces, the first letter a capital."""
    words = " ".join(keyword.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else keyword
