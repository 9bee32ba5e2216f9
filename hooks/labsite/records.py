"""Shared plumbing of the YAML-backed record kinds."""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def build(cls: type[T], item: dict[str, Any]) -> T:
    """Make a ``cls`` record from one validated YAML mapping.

    The JSON Schema of the file allows only the record's fields (a test keeps the
    two in step); lists become tuples so that records stay immutable.
    """
    return cls(**{key: tuple(value) if isinstance(value, list) else value for key, value in item.items()})


def items(data: Any, key: str) -> list[dict[str, Any]]:
    """The list under ``key`` of a validated file, or nothing if the file was unusable."""
    return list(data.get(key) or []) if isinstance(data, dict) else []


def month_label(month: str) -> str:
    """``2024-06`` as a reader writes it: ``Jun 2024``."""
    year, number = month.split("-")
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"{names[int(number) - 1]} {year}"
