"""Which pages a rebuild under ``mkdocs serve --dirty`` must write again, and which it can keep.

While a page is expanded it reads the site's data through :class:`Reads`, which notes
each thing read: a field of :class:`~labsite.site.SiteData` (``talks``) or a lookup
with its arguments (``publication("lovelace1843notes")``). Once the page is written,
:class:`Rebuilds` keeps a digest of its source and of each thing it read, as that
build's data gave it (:class:`Digests`). The next rebuild keeps the page when the
site-wide key (settings, navigation, theme, the hook's code...) is the same, its source
is the same and every thing it read has the same digest in the new data; it writes
every other page again. A paper's page reads its own entry and its related papers, so
an edit of one entry writes again the list, the pages that show that entry, and no other.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
from dataclasses import dataclass, field
from typing import Any

from .publications import Publication

Read = tuple[str, "tuple | None"]  # ("talks", None), or ("publication", ("lovelace1843notes",)) for a call
WHERE = ("path", "line", "entry")  # where a paper was read, which no page shows (its BibTeX stands for `entry`)


def digest(*parts: Any) -> str:
    """A short digest of ``parts`` (bytes as they are, anything else by its ``repr``)."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


class Reads:
    """A view of the site's data that notes what a page reads of it (see :class:`Read`)."""

    def __init__(self, data: Any) -> None:
        self._data = data
        self.read: set[Read] = set()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._data, name)
        if not inspect.ismethod(value):
            self.read.add((name, None))
            return value

        def call(*args: Any) -> Any:
            self.read.add((name, args))
            return value(*args)
        return call


class Digests:
    """Digests of what pages can read of one build's data, each worked out once."""

    def __init__(self, data: Any) -> None:
        self._data = data
        self._known: dict[Read, str] = {}
        self._papers: dict[int, tuple[Publication, str]] = {}

    def of(self, read: Read) -> str:
        """The digest of ``read`` in this build's data."""
        known = self._known.get(read)
        if known is None:
            name, args = read
            value = getattr(self._data, name)
            known = self._known[read] = digest(self._shown(value(*args) if args is not None else value))
        return known

    def _shown(self, value: Any) -> Any:
        """``value`` with each paper replaced by the digest of what a page can show of it."""
        if isinstance(value, Publication):
            return self._paper(value)
        if isinstance(value, dict):
            return [(key, self._shown(item)) for key, item in value.items()]
        if isinstance(value, (list, tuple)):
            return [self._shown(item) for item in value]
        return value

    def _paper(self, paper: Publication) -> str:
        # Many pages read the same papers: each is digested once a build (kept by identity,
        # with the paper itself, so that no other object can take its id while it lives).
        known = self._papers.get(id(paper))
        if known is None or known[0] is not paper:
            shown = [getattr(paper, f.name) for f in dataclasses.fields(paper) if f.name not in WHERE]
            known = self._papers[id(paper)] = (paper, digest(shown, paper.bibtex))
        return known[1]


@dataclass
class Built:
    """What a page was written from, and what the theme and search took from it."""

    source: str  # digest of the page's source
    read: dict[Read, str]  # each thing the page read, with its digest then
    title: str | None = None  # the page's title and front matter, which other pages' navigation shows
    meta: dict = field(default_factory=dict)
    search: list = field(default_factory=list)  # the page's entries in the search index
    errors: list = field(default_factory=list)  # the problems found in the page (a directive, a citation)


class Rebuilds:
    """The pages of the last builds, and which of them a rebuild can keep."""

    def __init__(self) -> None:
        self._site = ""
        self._built: dict[str, Built] = {}

    def stale(self, site: str, sources: dict[str, str], digests: Digests) -> set[str]:
        """The pages of ``sources`` (source path -> digest of its source) to write again.

        ``site`` is the site-wide key: when it changes, every page is written again.
        Pages of earlier builds that are not in ``sources`` are forgotten.
        """
        if site != self._site:
            self._site, self._built = site, {}
        self._built = {path: built for path, built in self._built.items() if path in sources}
        return {path for path, source in sources.items() if not self._same(path, source, digests)}

    def _same(self, path: str, source: str, digests: Digests) -> bool:
        built = self._built.get(path)
        return built is not None and built.source == source and \
            all(digests.of(read) == then for read, then in built.read.items())

    def record(self, path: str, built: Built) -> None:
        """Note that the page ``path`` was written as ``built`` says."""
        self._built[path] = built

    def built(self, path: str) -> Built | None:
        """What the page ``path`` was last written from, if it was."""
        return self._built.get(path)
