"""What the owner names a paper by on the command line: a DOI, an arXiv id, a .bib file or ``-``.

Every common way of writing each is read: ``10.1234/x``, ``doi:10.1234/x``,
``https://doi.org/10.1234/x``; ``2412.13795``, ``arXiv:2412.13795v2``,
``https://arxiv.org/abs/2412.13795`` or ``/pdf/2412.13795v1.pdf``, old ids such as
``math/0211159``. A version (``v2``) is dropped: the site names the paper, not a version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from . import fields

ARXIV_VERSION = re.compile(r"v\d+$")
ARXIV_DOI = "10.48550/arxiv."


@dataclass(frozen=True)
class Doi:
    """A paper named by its DOI, as ``10.…`` (DOIs are compared without case)."""

    value: str


@dataclass(frozen=True)
class Arxiv:
    """A paper named by its arXiv id, without version."""

    value: str


@dataclass(frozen=True)
class BibSource:
    """BibTeX to add: a file's, or what was pasted on standard input (``path`` None)."""

    path: Path | None


Source = Doi | Arxiv | BibSource


def source(text: str) -> Source:
    """What ``text`` names; ValueError says why it names nothing this command knows."""
    written = text.strip()
    if written == "-":
        return BibSource(None)
    if written.lower().endswith(".bib"):
        return BibSource(Path(written))
    bare, _ = fields.doi(unquote(written))
    if bare.lower().startswith(ARXIV_DOI):  # arXiv's own DOIs are DataCite's, which Crossref does not know
        return Arxiv(ARXIV_VERSION.sub("", bare[len(ARXIV_DOI):]))
    if bare:
        return Doi(bare)
    identifier = arxiv_id(written)
    if identifier:
        return Arxiv(identifier)
    raise ValueError(f"'{text}' is not a DOI (10.…), an arXiv id (2412.13795), a .bib file or - (BibTeX on "
                     "standard input)")


def arxiv_id(text: str) -> str:
    """The arXiv id, without version, that ``text`` writes (an id or an arXiv address), or ""."""
    value = fields.ARXIV_PREFIX.sub("", text.strip())
    address = fields.ARXIV_URL.match(value)
    value = address.group(1) if address else value
    return ARXIV_VERSION.sub("", value) if fields.ARXIV_ID.match(value) else ""
