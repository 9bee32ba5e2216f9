"""Read BibTeX files with pybtex, remembering the line where each entry starts.

pybtex stops at the first syntax error in strict mode and, outside it, prints
warnings and keeps half-parsed entries. Here every problem becomes a
:class:`DataError` with its line. As BibTeX and biber do, an entry is kept whenever it
can be: an undefined ``@string`` name is taken as written, the last of two equal
fields wins, and author lists are cleaned (``labsite.authorlist``), each with a
warning. An entry that cannot be read is left out with an error, and reading starts
again at the next line that begins with ``@type{``: an unclosed brace never hides the
rest of the bibliography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError, Entry, Person
from pybtex.database.input.bibtex import LowLevelParser, Parser
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from . import authorlist
from .errors import DataError, read_text


@dataclass(frozen=True)
class SourcedEntry:
    """A pybtex entry with the file and line it was read from."""

    key: str
    entry: Entry
    path: str
    line: int
    equal: frozenset[int] = frozenset()  # authors marked in the author list itself (*)
    corresponding: frozenset[int] = frozenset()  # (†)
    parent: SourcedEntry | None = None  # the entry that ``crossref`` named, which gave ``inherited``
    inherited: frozenset[str] = frozenset()  # field names (lower case) taken from ``parent``


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
    # Lines end in \n, \r\n or (old Mac files) \r alone: count them all alike.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # biber reads % as a comment to the end of the line, so people comment out fields
    # and whole entries with it; BibTeX would choke. The lines stay, for the line numbers.
    parser.parse_string(TRAILING_COMMENT.sub(",", LINE_COMMENT.sub("", text)))
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


LINE_COMMENT = re.compile(r"^[ \t]*%.*$", re.MULTILINE)
# After a field's value: "title = {T}, % old", "year = 2020, % old"; not "a,%20b" in an address.
TRAILING_COMMENT = re.compile(r"(?:(?<=[}\"]),[ \t]*|(?<=\w),[ \t]+)%.*$", re.MULTILINE)
MAX_JOINED_PARTS = 5  # how far an entry that is not closed may reach into the lines after it
# Where reading starts again after a broken entry: a line that begins an entry.
ENTRY_START = re.compile(r"^[ \t]*@[a-zA-Z][\w-]*[ \t]*[{(]", re.MULTILINE)


@dataclass(frozen=True)
class _Parsed:
    """What parsing one part of a file gave: its problems and entries, the ``@string``
    definitions after it, and whether it left an entry open."""

    errors: tuple[DataError, ...]
    sourced: tuple[SourcedEntry, ...]
    macros: tuple[tuple[str, str], ...]
    unclosed: bool


# Each part parsed, while the process lives: after an edit under `mkdocs serve`, a file
# is parsed again, and all its entries but one are as they were. (Nothing changes an
# entry once it is read: crossref makes a new one.)
_PARTS: dict[tuple, _Parsed] = {}
MAX_PARTS_KEPT = 100_000


class _Scanner(LowLevelParser):
    """pybtex's scanner, taking an undefined ``@string`` name as written (as biber does)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.undefined: list[tuple[str, str]] = []  # (field, name) of the current entry

    def substitute_macro(self, name: str) -> str:
        try:
            return self.macros[name]
        except KeyError:
            self.undefined.append((self.current_field_name or "", name))
            return name


class _LocatingParser(Parser):
    """pybtex's parser, told to collect errors and the start line of every entry."""

    def __init__(self, shown_as: str):
        # Names are split below, through a cache: pybtex would parse each name anew.
        super().__init__(person_fields=())
        self.filename = shown_as
        self.sourced: list[SourcedEntry] = []
        self.errors: list[DataError] = []
        self._failed_commands: set[int] = set()
        self._scanner: _Scanner | None = None
        self._unclosed = False  # whether the last part read ended inside an entry

    def parse_string(self, text: str) -> None:
        self.unnamed_entry_counter = 1
        starts = [0] + [match.start() for match in ENTRY_START.finditer(text)] + [len(text)]
        lines, index = _LineCounter(text), 0
        while index < len(starts) - 1:
            index = self._parse_from(text, starts, index, lines.line_of(starts[index]) - 1)

    def _parse_from(self, text: str, starts: list[int], index: int, lines_before: int) -> int:
        """Parse the part of ``text`` from ``starts[index]``; the index of the next part to parse.

        A part whose entry is not closed before the next ``@type{`` line takes in the
        following parts while that closes it (a line of an abstract may begin with
        ``@word{``); if none does, the entry alone is reported, and reading goes on.
        ``lines_before`` lines of ``text`` come before the part.
        """
        for end in range(index + 1, min(index + MAX_JOINED_PARTS, len(starts) - 1) + 1):
            kept = (len(self.errors), len(self.sourced), type(self.macros)(self.macros))
            self._parse_part(text[starts[index]:starts[end]], lines_before, starts[end] == len(text))
            if not self._unclosed or end == len(starts) - 1:
                return end
            del self.errors[kept[0]:], self.sourced[kept[1]:]
            self.macros = kept[2]
        self._parse_part(text[starts[index]:starts[index + 1]], lines_before, starts[index + 1] == len(text))
        return index + 1

    def _parse_part(self, text: str, lines_before: int, last: bool) -> None:
        """Parse one entry's part of the file (``lines_before`` lines come before it), or
        give again what the same part, at the same place and after the same ``@string``
        definitions, gave before (:data:`_PARTS`)."""
        key = (self.filename, text, lines_before, last, tuple(self.macros.items()))
        parsed = _PARTS.get(key)
        if parsed is None:
            errors, sourced = len(self.errors), len(self.sourced)
            self._read_part(text, lines_before, last)
            parsed = _Parsed(tuple(self.errors[errors:]), tuple(self.sourced[sourced:]),
                             tuple(self.macros.items()), self._unclosed)
            if len(_PARTS) >= MAX_PARTS_KEPT:
                _PARTS.clear()
            _PARTS[key] = parsed
            return
        self.errors.extend(parsed.errors)
        self.sourced.extend(parsed.sourced)
        if parsed.macros != key[-1]:  # the part defined an @string
            self.macros = type(self.macros)(parsed.macros)
        self._unclosed = parsed.unclosed

    def _read_part(self, text: str, lines_before: int, last: bool) -> None:
        self._text, self._lines_before, self._last_part = text, lines_before, last
        self._unclosed = False
        self._failed_commands.clear()
        self._scanner = _Scanner(text, handle_error=self.handle_error, filename=self.filename, macros=self.macros)
        lines = _LineCounter(text)
        for command, body in self._scanner:
            start = self._scanner.command_start
            if start not in self._failed_commands and command.lower() not in ("string", "preamble"):
                key, fields = body
                self._add(command, key, fields, lines_before + lines.line_of(start))
            self._scanner.undefined.clear()

    def _add(self, command: str, key: str | None, fields: list, line: int) -> None:
        if key is None:
            self.errors.append(DataError(self.filename, line, f"@{command} entry has no citation key"))
            return
        # A fresh container per entry, so that pybtex raises nothing about repeated keys.
        self.data = BibliographyData()
        errors_before = len(self.errors)
        self._current_line, self._current_key = line, key
        self.process_entry(command, key, self._last_of_each(key, fields, line))
        if any(not error.warning for error in self.errors[errors_before:]):
            return
        for field_name, name in self._scanner.undefined:
            self._warn(line, f"{key}.{field_name.lower()}", f"'{name}' is not a defined @string name; "
                       "the value is taken as written (put it in braces: {...})")
        entry = self.data.entries[key]
        marks = {}
        for role in PERSON_ROLES:
            if role in entry.fields:
                names = authorlist.split(entry.fields.pop(role))
                for problem in names.problems:
                    self._warn(line, f"{key}.{role}", problem)
                for name in names.names:
                    entry.add_person(self._person(name, f"{key}.{role}", line), role)
                marks.setdefault("equal", frozenset(names.equal))
                marks.setdefault("corresponding", frozenset(names.corresponding))
        self.sourced.append(SourcedEntry(key, entry, self.filename, line, **marks))

    def _last_of_each(self, key: str, fields: list, line: int) -> list:
        """``fields`` with one value per name, the last given (biber's rule), each repeat warned."""
        kept: dict[str, tuple] = {}
        for name, value in fields:
            if name.lower() in kept:
                self._warn(line, f"{key}.{name.lower()}", "given twice; the last value is used")
            kept[name.lower()] = (name, value)
        return list(kept.values())

    def _warn(self, line: int, field: str, message: str) -> None:
        self.errors.append(DataError(self.filename, line, message, field=field, warning=True))

    def _person(self, name: str, field: str, line: int) -> Person:
        try:
            return _person(name)
        except PybtexError as problem:  # "Too many commas": BibTeX warns and goes on, and so do we
            self._warn(line, field, f"{problem}; the name is shown as written")
            return Person(last=name)

    def handle_error(self, error: PybtexError) -> None:
        if isinstance(error, PybtexSyntaxError):
            start = self._scanner.command_start
            self._failed_commands.add(start)
            line, message = self._explain(error, self._text.count("\n", 0, start) + 1)
            self.errors.append(DataError(self.filename, self._lines_before + line, message,
                                         field=self._scanner.current_entry_key or ""))
        elif isinstance(error, BibliographyDataError):
            self.errors.append(DataError(self.filename, self._current_line, str(error), field=self._current_key))
        else:  # pragma: no cover - pybtex reports only the two kinds above while parsing
            raise error

    def _explain(self, error: PybtexSyntaxError, entry_line: int) -> tuple[int, str]:
        """Where to point (in this part) and what to say: pybtex names the token it wanted, not the mistake."""
        message = f"{error.error_type}: {PybtexError.__str__(error)}"
        lines = self._text.splitlines()
        found = lines[error.lineno - 1].strip() if error.lineno and error.lineno <= len(lines) else ""
        unclosed = "a '}' is missing or a '{' is one too many"
        if "premature end of file" in message:
            self._unclosed = True
            if self._last_part:
                return entry_line, f"the entry is not closed at the end of the file: {unclosed}"
            next_entry = self._lines_before + len(lines) + 1
            return entry_line, f"the entry is not closed before the next one (line {next_entry}): {unclosed}"
        if found.startswith("@") and error.lineno != entry_line:
            following = self._lines_before + error.lineno
            return entry_line, f"the entry is not closed before the next one (line {following}): {unclosed}"
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
