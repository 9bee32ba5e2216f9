"""The site owner: name, position, affiliations, biography, interests and links."""

from __future__ import annotations

from dataclasses import dataclass

from .names import Name
from .records import build, one
from .yamldata import Document


@dataclass(frozen=True)
class Link:
    """A labelled address, such as a Google Scholar profile."""

    label: str
    url: str


@dataclass(frozen=True)
class Affiliation:
    """A second home of the owner's, with the role held there."""

    name: str
    role: str
    url: str = ""


@dataclass(frozen=True)
class Record:
    """The owner's own summary of their whole publication record, dated."""

    as_of: str
    summary: str


@dataclass(frozen=True)
class Profile:
    """Who the site is about (``docs/data/profile.yml``)."""

    name: str = ""
    position: str = ""
    institution: str = ""
    unit: str = ""
    author_names: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    bio: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    email: str = ""
    links: tuple[Link, ...] = ()
    record: Record | None = None
    photo: str = ""
    cv_pdf: str = ""  # the CV as a PDF: an address, or a file of the site

    def __post_init__(self) -> None:
        self.spellings()  # a name that cannot be read is this file's error, not a page's

    def spellings(self) -> tuple[Name, ...]:
        """Every spelling of the owner's name that author lists may use."""
        return tuple(Name.parse(text) for text in (self.name, *self.author_names) if text)


def from_data(doc: Document) -> Profile:
    """The profile record of a validated ``profile.yml`` (empty if it was unusable)."""
    return one(doc, lambda data: build(Profile, {
        **data,
        "affiliations": [build(Affiliation, item) for item in data.get("affiliations", [])],
        "links": [build(Link, item) for item in data.get("links", [])],
        "record": build(Record, data["record"]) if data.get("record") else None,
    }), Profile())
