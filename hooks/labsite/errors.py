"""The one error type every loader and validator reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Characters that no page or feed can show: control characters (tab and line breaks
# aside) and halves of surrogate pairs, which YAML's escapes and BibTeX files let in.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class DataError(Exception):
    """A mistake in a data file or page, located for the person who must fix it.

    ``path`` is shown as given (loaders pass it relative to the project), ``line``
    and ``column`` are 1-based; ``field`` is the dotted path of the offending value,
    e.g. ``people[2].year``. An error leaves its item out of the site and fails the
    build; a ``warning`` keeps the item, less the value it names (only
    ``mkdocs build --strict`` fails).
    """

    path: str
    line: int | None
    message: str
    field: str = ""
    column: int | None = None
    warning: bool = False

    def __reduce__(self):
        # An exception pickles by setting its attributes, which a frozen dataclass forbids
        # (parsed BibTeX files are kept on disk with their errors: labsite.diskcache).
        return DataError, (self.path, self.line, self.message, self.field, self.column, self.warning)

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


def read_text(path: Path, shown_as: str) -> tuple[str, list[DataError]]:
    """The text of a data file, and the problems that reading it met.

    Bytes that are not UTF-8 are replaced, with a warning at their line, so the
    whole file still loads.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        return "", [DataError(shown_as, None, f"cannot read file: {error.strerror or error}")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        message = (f"byte 0x{raw[error.start]:02x} is not UTF-8 text: shown as \ufffd "
                   "(save the file with UTF-8 encoding)")
        return raw.decode("utf-8", errors="replace"), [DataError(shown_as, line, message, column=column, warning=True)]
