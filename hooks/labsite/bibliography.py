"""Read BibTeX files with pybtex, remembering the line where each entry starts.

pybtex stops at the first syntax error in strict mode and, outside it, prints
warnings and keeps half-parsed entries. Here every problem becomes a
:class:`DataError` with its line, the broken entry is left out and parsing goes on
with the next ``@``, so one bad paste never hides the rest of the bibliography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, BibliographyDataError, Entry, Person
from pybtex.database.input.bibtex import LowLevelParser, Parser
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from .errors import DataError, read_text


@dataclass(frozen=True)
class SourcedEntry:
    """A pybtex entry with the file and line it was read from."""

    key: str
    entry: Entry
    path: str
    line: int


@dataclass
class BibFile:
    """What one ``.bib`` file holds: its entries in order, and its problems."""

    entries: list[SourcedEntry]
    errors: list[DataError]


def parse(text: str, shown_as: str) -> BibFile:
    """Parse BibTeX ``text``; ``shown_as`` names the file in entries and errors.

    Keys defined twice are kept here: :func:`publications.unique` judges them
    across all files at once.
    """
    parser = _LocatingParser(shown_as)
    parser.parse_string(text)
    return BibFile(parser.sourced, parser.errors)


def load(path: Path, shown_as: str) -> BibFile:
    """Parse the BibTeX file at ``path``."""
    text, errors = read_text(path, shown_as)
    bib = parse(text, shown_as)
    return BibFile(bib.entries, errors + bib.errors)


PERSON_ROLES = ("author", "editor")


@lru_cache(maxsize=1 << 16)
def _person(name: str) -> Person:
    # The same people recur across a bibliography; pybtex's name parsing is its costliest step.
    # Entries share these objects, and nothing changes them after parsing.
    return Person(name)


class _LocatingParser(Parser):
    """pybtex's parser, told to collect errors and the start line of every entry."""

    def __init__(self, shown_as: str):
        # Names are split below, through a cache: pybtex would parse each name anew.
        super().__init__(person_fields=())
        self.filename = shown_as
        self.sourced: list[SourcedEntry] = []
        self.errors: list[DataError] = []
        self._failed_commands: set[int] = set()
        self._scanner: LowLevelParser | None = None

    def parse_string(self, text: str) -> None:
        self.unnamed_entry_counter = 1
        self._text = text
        self._scanner = LowLevelParser(text, handle_error=self.handle_error,
                                       filename=self.filename, macros=self.macros)
        lines = _LineCounter(text)
        for command, body in self._scanner:
            start = self._scanner.command_start
            if start in self._failed_commands or command.lower() in ("string", "preamble"):
                continue
            key, fields = body
            self._add(command, key, fields, lines.line_of(start))

    def _add(self, command: str, key: str | None, fields: list, line: int) -> None:
        if key is None:
            self.errors.append(DataError(self.filename, line, f"@{command} entry has no citation key"))
            return
        # A fresh container per entry, so that pybtex raises nothing about repeated keys.
        self.data = BibliographyData()
        errors_before = len(self.errors)
        self._current_line, self._current_key = line, key
        self.process_entry(command, key, fields)
        if len(self.errors) == errors_before:
            entry = self.data.entries[key]
            for role in PERSON_ROLES:
                if role in entry.fields:
                    for name in split_name_list(entry.fields.pop(role)):
                        entry.add_person(self._person(name, f"{key}.{role}", line), role)
            self.sourced.append(SourcedEntry(key, entry, self.filename, line))

    def _person(self, name: str, field: str, line: int) -> Person:
        try:
            return _person(name)
        except PybtexError as problem:  # "Too many commas": BibTeX warns and goes on, and so do we
            self.errors.append(DataError(self.filename, line, f"{problem}; the name is shown as written",
                                         field=field, warning=True))
            return Person(last=name)

    def handle_error(self, error: PybtexError) -> None:
        if isinstance(error, PybtexSyntaxError):
            start = self._scanner.command_start
            self._failed_commands.add(start)
            line, message = self._explain(error, self._text.count("\n", 0, start) + 1)
            self.errors.append(DataError(self.filename, line, message, field=self._scanner.current_entry_key or ""))
        elif isinstance(error, BibliographyDataError):
            self.errors.append(DataError(self.filename, self._current_line, str(error), field=self._current_key))
        else:  # pragma: no cover - pybtex reports only the two kinds above while parsing
            raise error

    def _explain(self, error: PybtexSyntaxError, entry_line: int) -> tuple[int, str]:
        """Where to point and what to say: pybtex names the token it wanted, not the mistake."""
        message = f"{error.error_type}: {PybtexError.__str__(error)}"
        lines = self._text.splitlines()
        found = lines[error.lineno - 1].strip() if error.lineno and error.lineno <= len(lines) else ""
        unclosed = "a '}' is missing or a '{' is one too many"
        if "premature end of file" in message:
            return entry_line, f"the entry is not closed at the end of the file: {unclosed}"
        if found.startswith("@") and error.lineno != entry_line:
            return entry_line, f"the entry is not closed before the next one (line {error.lineno}): {unclosed}"
        if message.endswith("'}' expected") and re.match(r"[\w-]+\s*=", found):
            message += " (is a comma missing between two fields?)"
        return error.lineno, message


class _LineCounter:
    """Line numbers of increasing offsets in one text, counted once, not from the start each time."""

    def __init__(self, text: str):
        self._text = text
        self._offset = 0
        self._line = 1

    def line_of(self, offset: int) -> int:
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line
