"""The one error type every loader and validator reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataError(Exception):
    """A mistake in a data file or page, located for the person who must fix it.

    ``path`` is shown as given (loaders pass it relative to the project), ``line``
    and ``column`` are 1-based; ``field`` is the dotted path of the offending value,
    e.g. ``people[2].year``.
    """

    path: str
    line: int | None
    message: str
    field: str = ""
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"
