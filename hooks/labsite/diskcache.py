"""Results of slow steps, kept on disk between builds.

Parsing BibTeX is the costliest step of loading: about a third of a second per thousand
entries, on every ``mkdocs build``; reading and checking the data files (with the import
of jsonschema) and drawing the social card take a tenth more. Their results are kept in
the project's ``.cache/labsite/`` folder, one file per result, with a digest of what
they were made from (a file's bytes and the name it is shown by; the profile) and of
this package's files (code and schemas) and of the libraries' versions: any change to one
of them makes the result again.
The folder is where Material's own plugins keep their caches, outside what ``mkdocs
serve`` watches; deleting it is always safe. Only this package writes it (it is read
with :mod:`pickle`, as the code that writes it is run, from the project's own folder).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, TypeVar

log = logging.getLogger("mkdocs.hooks.lab.diskcache")
T = TypeVar("T")


def cached(folder: Path | None, name: str, source: bytes, make: Callable[[], T]) -> T:
    """``make()``, or what it gave when it was made from the same ``source`` by the same code.

    The result is kept as ``folder/name.pickle``: one name, one result. Without a
    ``folder``, or when the cache cannot be read or written, ``make()`` runs.
    """
    if folder is None:
        return make()
    key = _digest(source, _code())
    store = folder / f"{name}.pickle"
    try:
        with store.open("rb") as kept:
            saved_key, result = pickle.load(kept)
        if saved_key == key:
            return result
    except FileNotFoundError:
        pass
    except Exception as problem:  # a file from another version of Python, or cut short: make it again
        log.debug(f"cannot use {store}: {problem!r}")
    result = make()
    _write(store, (key, result))
    return result


def name_for(path: Path) -> str:
    """A name for the result made from the file at ``path``, the same wherever it is asked for."""
    return _digest(str(path.resolve()).encode())[:24]


def _write(store: Path, value: Any) -> None:
    # Written beside its place and moved there, so that a build stopped halfway leaves no half file.
    temporary = None
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=store.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, store)
    except Exception as problem:  # a read-only checkout, a full disk: the build goes on without the cache
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        log.debug(f"cannot keep {store}: {problem!r}")


# The libraries whose versions decide what a result holds (and whose objects it may hold).
LIBRARIES = ("pybtex", "pylatexenc", "latexcodec", "PyYAML", "jsonschema", "Pillow")


@lru_cache(maxsize=None)
def _code() -> bytes:
    """A digest of what decides what a result holds, besides its sources: this package's files
    (its code and its schemas), Python's version and the libraries' versions."""
    package = Path(__file__).parent
    files = sorted(path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    versions = [sys.version, *(f"{name} {_version(name)}" for name in LIBRARIES)]
    return _digest(*(path.read_bytes() for path in files), *(version.encode() for version in versions)).encode()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "none"


def _digest(*parts: bytes) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(hashlib.blake2b(part, digest_size=16).digest())
    return hashed.hexdigest()
