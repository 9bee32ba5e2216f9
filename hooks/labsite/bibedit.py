"""Changing a ``.bib`` file the way a careful person would: one entry in, nothing else moved.

- :func:`insert` puts a new entry where the file's order says it goes (before the first
  entry of its year or older in a newest-first file, after the last of its year or older
  in an oldest-first one, at the end of any other), every other byte as it was: line
  endings, comments, encoding marks and all.
- :func:`upgrade` gives an arXiv preprint that has since been published its venue: the
  entry type, and the fields it lacks, added inside the entry as it stands; its key and
  every field it has stay.
- :func:`write` replaces the file by a finished one in one step (a temporary file renamed),
  so that no reader ever sees half a file.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from pathlib import Path

LINE_BREAK = re.compile(r"\r\n|\r|\n")
ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
PREPRINT_VENUE = re.compile(r"^[ \t]*(?:journal|booktitle|howpublished)\s*=\s*[{\"][^\n]*arxiv[^\n]*$[\r\n]*",
                            re.IGNORECASE | re.MULTILINE)


def line_starts(text: str) -> list[int]:
    """The offset in ``text`` at which each line starts (line 1 first), as the loader numbers lines."""
    return [0] + [match.end() for match in LINE_BREAK.finditer(text)]


def newline_of(text: str) -> str:
    """The line ending the file uses (that of its first line), "\\n" if it has none."""
    match = LINE_BREAK.search(text)
    return match.group(0) if match else "\n"


def insert(text: str, entry: str, year: int | None, entries: list[tuple[int, int | None]]) -> str:
    """``text`` with ``entry`` added; ``entries`` are the (line, year) of the file's entries in order."""
    newline = newline_of(text)
    entry = entry.replace("\n", newline)
    years = [dated for _, dated in entries if dated is not None]
    line = None
    if year is not None and years:
        if years == sorted(years, reverse=True):  # newest first
            line = next((at for at, dated in entries if dated is not None and dated <= year), None)
        elif years == sorted(years):  # oldest first
            line = next((at for at, dated in entries if dated is not None and dated > year), None)
    if line is None:  # at the end, after a blank line
        ending = "" if not text or text.endswith(("\n", "\r")) else newline
        return f"{text}{ending}{newline if text.strip() else ''}{entry}"
    at = line_starts(text)[line - 1]
    return f"{text[:at]}{entry}{newline}{text[at:]}"


def entry_span(text: str, line: int) -> tuple[int, int]:
    """Where the entry that starts at ``line`` is in ``text``: from its ``@`` to its closing brace."""
    start = line_starts(text)[line - 1]
    found = ENTRY_START.search(text, start)
    if found is None:
        raise ValueError(f"no entry starts at line {line}")
    opening, depth = found.group(2), 0  # braces nest inside the entry; "(" entries end at a ")" outside them
    for position in range(found.end(), len(text)):
        character = text[position]
        if character == "{":
            depth += 1
        elif character == "}" and depth:
            depth -= 1
        elif depth == 0 and character == {"{": "}", "(": ")"}[opening]:
            return found.start(), position + 1
    raise ValueError(f"the entry at line {line} is not closed")


def upgrade(text: str, line: int, kind: str, added: list[tuple[str, str]]) -> tuple[str, str]:
    """``text`` with the entry at ``line`` made a ``kind`` and given the fields of ``added``
    it does not have (a venue field naming arXiv goes); and the change as a unified diff."""
    start, end = entry_span(text, line)
    old = text[start:end]
    newline = newline_of(text)
    body = ENTRY_START.sub(lambda m: f"@{kind}{m.group(2)}", old, count=1)
    body = PREPRINT_VENUE.sub("", body)
    has = {name.lower() for name in re.findall(r"^[ \t]*([A-Za-z_-]+)\s*=", body, re.MULTILINE)}
    lines = [f"  {name} = {{{value}}}" for name, value in added if value and name.lower() not in has]
    inside = body[:-1].rstrip()
    comma = "" if inside.endswith((",", "{", "(")) else ","
    new = f"{inside}{comma}{newline}" + f",{newline}".join(lines) + f"{newline}{body[-1]}" if lines else body
    diff = "".join(difflib.unified_diff(_ended(old).splitlines(keepends=True), _ended(new).splitlines(keepends=True),
                                        "before", "after"))
    return text[:start] + new + text[end:], diff


def _ended(text: str) -> str:
    return text if text.endswith(("\n", "\r")) else text + "\n"


def write(path: Path, text: str) -> None:
    """Replace the file at ``path`` by ``text`` (UTF-8) at once, keeping its permissions."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
