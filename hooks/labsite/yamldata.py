"""Load a YAML data file and check it against its JSON Schema, keeping line numbers.

PyYAML's composed node tree still knows where every value came from, so errors
found on the constructed data are mapped back to a line and column through it.
An item with an error is dropped and reported; the rest of the file is kept, so one
typo never empties a whole page.
"""

from __future__ import annotations

import datetime
import difflib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import referencing
import yaml

from .errors import DataError, read_text

SCHEMA_DIR = Path(__file__).parent / "schemas"
# libyaml's loader builds the same nodes, with the same marks, ten times faster. (It also
# accepts tabs as spacing inside a line, which YAML allows and PyYAML does not.)
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # a JSON path: keys and list indices from the document root


@dataclass
class Document:
    """A validated data file: its usable data, its errors, and where each value stands."""

    shown_as: str
    data: Any = None
    errors: list[DataError] = field(default_factory=list)
    root: yaml.Node | None = None

    def error_at(self, path: Path_, message: str) -> DataError:
        """An error about the value at ``path``, for checks made after loading."""
        if self.root is None:
            return DataError(self.shown_as, None, message, field=_field_name(path))
        return _located(self.root, self.shown_as, path, message)


def load(path: Path, shown_as: str, schema_name: str) -> Document:
    """Read ``path`` and validate it with ``schemas/<schema_name>.schema.json``.

    The document's data has every invalid item removed. ``shown_as`` is the path
    used in messages (relative to the project).
    """
    text, errors = read_text(path, shown_as)
    if errors and not text:
        return Document(shown_as, errors=errors)
    document = parse(text, shown_as, schema_name)
    document.errors[:0] = errors
    return document


def parse(text: str, shown_as: str, schema_name: str) -> Document:
    """Validate YAML ``text`` like :func:`load` does for a file."""
    try:
        root, data = _compose(text, FAST_LOADER)
    except yaml.YAMLError:
        # libyaml's messages are terser (no tab hint, no "but got ..."): explain with PyYAML's.
        try:
            root, data = _compose(text, yaml.SafeLoader)
        except yaml.YAMLError as error:
            return Document(shown_as, errors=[_syntax_error(error, text, shown_as)])
    if root is None:
        return Document(shown_as, errors=[DataError(shown_as, 1, "the file is empty")])

    data = _empty_lists_filled(_dates_as_text(data), schema(schema_name))
    errors, bad_paths = [], []
    for path, error in _duplicate_keys(root, shown_as, ()):
        errors.append(error)
        bad_paths.append(path)
    for error in _validator(schema_name).iter_errors(data):
        for path, message in _explain(error):
            errors.append(_located(root, shown_as, path, message))
            bad_paths.append(path)
    for path, message in _ends_before_starts(data, ()):
        errors.append(_located(root, shown_as, path, message))
        bad_paths.append(path)
    # jsonschema reports each missing key of one object as its own error; say each thing once.
    errors = sorted(dict.fromkeys(errors), key=lambda e: (e.line or 0, e.column or 0))
    return Document(shown_as, _without(data, bad_paths), errors, root)


def _compose(text: str, loader_class) -> tuple[yaml.Node | None, Any]:
    """The node tree of ``text`` (it keeps each value's line) and the data built from it."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _syntax_error(error: yaml.YAMLError, text: str, shown_as: str) -> DataError:
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow; it knows only the offset
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        return DataError(shown_as, line, f"YAML error: the control character U+{error.character:04X} is not allowed "
                         "(delete it; it often comes from copying text out of a PDF)",
                         column=column)
    if not isinstance(error, yaml.MarkedYAMLError):
        return DataError(shown_as, None, f"YAML error: {error}")
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem}"
    if "'\\t'" in str(error):
        message += " (indent with spaces, not tabs)"
    if error.context and error.context_mark and error.context_mark.line != mark.line:
        message += f" ({error.context} that starts at line {error.context_mark.line + 1})"
    return DataError(shown_as, mark.line + 1, message, column=mark.column + 1)


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """The JSON Schema of one data kind, as stored in ``schemas/``."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.Draft202012Validator:
    common = referencing.Resource.from_contents(schema("common"))
    registry = referencing.Registry().with_resource("common.schema.json", common)
    return jsonschema.Draft202012Validator(schema(name), registry=registry)


def _explain(error: jsonschema.ValidationError) -> list[tuple[Path_, str]]:
    """Turn one jsonschema error into (path, message) pairs a person can act on."""
    path = tuple(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        return [(path + (key,), _unknown_key(key, known)) for key in value if key not in known]
    if kind == "required":
        # A misspelt required key is reported once, as the unknown key it is.
        unknown = [str(key) for key in value if key not in error.schema.get("properties", {})]
        missing = [key for key in expected if key not in value and not difflib.get_close_matches(key, unknown, n=1)]
        return [(path, f"missing required field '{key}'") for key in missing]
    if kind == "type":
        hint = ""
        if not path and error.schema.get("properties"):
            first = (error.schema.get("required") or list(error.schema["properties"]))[0]
            hint = f" (the file should start with '{first}:')"
        return [(path, f"expected {_article(expected)}, got {_describe(value)}{hint}")]
    if kind == "enum":
        choices = ", ".join(str(choice) for choice in expected)
        return [(path, f"expected one of {choices}; got {_describe(value)}")]
    if kind in ("pattern", "minimum", "maximum", "minLength", "exclusiveMinimum"):
        wanted = error.schema.get("description") or error.message
        return [(path, f"expected {wanted}; got {_describe(value)}")]
    if kind == "anyOf" and all("required" in option for option in expected):
        names = " or ".join(f"'{option['required'][0]}'" for option in expected)
        return [(path, f"needs at least one of {names}")]
    return [(path, error.message)]


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1)
    if close:
        return f"unknown key '{key}', did you mean '{close[0]}'?"
    return f"unknown key '{key}' (expected one of: {', '.join(known)})"


def _article(type_name: Any) -> str:
    names = {"integer": "a whole number", "number": "a number", "string": "text",
             "array": "a list", "object": "a mapping of keys to values", "boolean": "true or false"}
    if isinstance(type_name, list):
        return " or ".join(names.get(name, name) for name in type_name)
    return names.get(type_name, type_name)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    kind = {int: "a number", float: "a number", str: "text"}.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if not isinstance(value, str) else f"'{value}'"


def _located(root: yaml.Node, shown_as: str, path: Path_, message: str) -> DataError:
    node = _node_at(root, path)
    field = _field_name(path)
    mark = node.start_mark
    return DataError(shown_as, mark.line + 1, message, field=field, column=mark.column + 1)


def _node_at(node: yaml.Node, path: Path_) -> yaml.Node:
    """The node at ``path``; for a key the mapping lacks, the mapping itself.

    The last step of a path to an unknown key lands on the key, not its value, so
    the message points at the misspelt word.
    """
    for depth, step in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(step)), None)
            if pair is None:
                return node
            node = pair[0] if last else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def _field_name(path: Path_) -> str:
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _duplicate_keys(node: yaml.Node, shown_as: str, path: Path_):
    """PyYAML silently keeps the last of two equal keys; report the second instead."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if key.value in seen:
                mark = key.start_mark
                message = f"duplicate key '{key.value}' (first at line {seen[key.value]})"
                where = path + (key.value,)
                yield where, DataError(shown_as, mark.line + 1, message, _field_name(where), mark.column + 1)
            seen.setdefault(key.value, key.start_mark.line + 1)
            yield from _duplicate_keys(value, shown_as, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, shown_as, path + (index,))


def _without(data: Any, bad_paths: list[Path_]) -> Any:
    """``data`` minus the smallest unit holding each error: a list item, else a top-level key.

    An error at the root (wrong kind of document, missing top-level key) drops
    everything, which the records then read as empty.
    """
    if not bad_paths:
        return data
    if () in bad_paths or not isinstance(data, dict):
        return None
    drop_items: dict[str, set[int]] = {}
    drop_keys: set[str] = set()
    for path in bad_paths:
        key = path[0]
        if len(path) > 1 and isinstance(data.get(key), list) and isinstance(path[1], int):
            drop_items.setdefault(key, set()).add(path[1])
        else:
            drop_keys.add(key)
    kept = {}
    for key, value in data.items():
        if key in drop_keys:
            continue
        if key in drop_items:
            value = [item for index, item in enumerate(value) if index not in drop_items[key]]
        kept[key] = value
    return kept


def _empty_lists_filled(data: Any, file_schema: dict) -> Any:
    """``talks:`` with nothing under it means no talks yet, not a mistake."""
    if not isinstance(data, dict):
        return data
    lists = {key for key, spec in file_schema.get("properties", {}).items() if spec.get("type") == "array"}
    return {key: [] if value is None and key in lists else value for key, value in data.items()}


def _ends_before_starts(data: Any, path: Path_):
    """Every mapping whose ``end`` comes before its ``start`` (years or YYYY-MM months)."""
    if isinstance(data, dict):
        start, end = data.get("start"), data.get("end")
        if type(start) is type(end) and isinstance(start, (int, str)) and end < start:
            yield path + ("end",), f"ends ({end}) before it starts ({start})"
        for key, value in data.items():
            yield from _ends_before_starts(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _ends_before_starts(item, path + (index,))


def _dates_as_text(data: Any) -> Any:
    """YAML reads 2025-01-31 as a date; the schemas, and people, think of it as text."""
    if isinstance(data, dict):
        return {key: _dates_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_dates_as_text(item) for item in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data
