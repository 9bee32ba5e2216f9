"""Shared plumbing of the YAML-backed record kinds."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from .yamldata import Document

T = TypeVar("T")


def build(cls: type[T], item: dict[str, Any]) -> T:
    """Make a ``cls`` record from one validated YAML mapping.

    The JSON Schema of the file allows only the record's fields (a test keeps the
    two in step); lists become tuples so that records stay immutable.
    """
    return cls(**{key: tuple(value) if isinstance(value, list) else value for key, value in item.items()})


def each(doc: Document, key: str, make: Callable[[dict[str, Any]], T]) -> list[T]:
    """``make`` applied to each valid item of the list under ``key`` in ``doc``.

    An item that ``make`` cannot turn into a record (a value the schema lets through
    but the record refuses, such as a name with three commas) is left out and
    reported at its line in ``doc.errors``: one item never stops the build or
    empties the rest of the page.
    """
    made = []
    for path, item in doc.items(key):
        try:
            made.append(make(item))
        except Exception as problem:  # the last guard: whatever it is, it is this item's
            doc.errors.append(doc.error_at(path, f"cannot be used, left out: {problem}"))
    return made


def one(doc: Document, make: Callable[[dict[str, Any]], T], default: T) -> T:
    """``make`` applied to the whole of ``doc``, or ``default`` if it is unusable (reported)."""
    if not isinstance(doc.data, dict):
        return default
    try:
        return make(doc.data)
    except Exception as problem:  # the last guard, as in each()
        doc.errors.append(doc.error_at((), f"cannot be used: {problem}"))
        return default


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def month_label(month: str) -> str:
    """``2024-06`` as a reader writes it: ``Jun 2024``."""
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def day_label(day: datetime.date) -> str:
    """A day as a reader writes it: ``1 Jun 2025``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
