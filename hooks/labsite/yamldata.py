"""Load a YAML data file and check it against its JSON Schema, keeping line numbers.

PyYAML's composed node tree still knows where every value came from, so errors
found on the constructed data are mapped back to a line and column through it.
An item with an error is dropped and reported; the rest of the file is kept, so one
typo never empties a whole page.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import UNPRINTABLE, DataError, read_text

if TYPE_CHECKING:  # imported where it is used (see _validator)
    import jsonschema

SCHEMA_DIR = Path(__file__).parent / "schemas"
# Bounds that no real data file comes near: past them a file is refused before it is
# built, so that an alias bomb ("billion laughs") or deep nesting cannot hang the build.
MAX_DEPTH = 50
MAX_VALUES = 100_000  # values in the file once every alias is expanded


class _Reading:
    """What both loaders share: dates stay text, and a value that cannot be built is
    reported at its line instead of raising a bare Python error."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception as problem:  # e.g. ValueError of `!!float x`: PyYAML gives it no position
            raise yaml.constructor.ConstructorError(None, None, f"cannot read this value ({problem})",
                                                    node.start_mark) from None


class SafeLoader(_Reading, yaml.SafeLoader):
    """PyYAML's safe loader, whose error messages are the more helpful."""


# libyaml's loader builds the same nodes, with the same marks, ten times faster. (It also
# accepts tabs as spacing inside a line, which YAML allows and PyYAML does not.)
class FastLoader(_Reading, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's safe loader."""


for _loader in (SafeLoader, FastLoader):
    # YAML reads 2025-01-31 as a date, and 2025-02-31 as an error; the schemas, and
    # people, think of both as text (the schemas check the calendar).
    _loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)

Path_ = tuple  # a JSON path: keys and list indices from the document root


@dataclass
class Document:
    """A validated data file: its usable data, its errors, and where each value stands."""

    shown_as: str
    data: Any = None
    errors: list[DataError] = field(default_factory=list)
    root: yaml.Node | None = None

    kept: dict[Any, list[int]] = field(default_factory=dict)  # the index in the file of each list's valid items

    def items(self, key: str) -> list[tuple[Path_, dict[str, Any]]]:
        """The valid items of the list under ``key``, each with its path in the file."""
        values = self.data.get(key) if isinstance(self.data, dict) else None
        if not isinstance(values, list):
            return []
        indices = self.kept.get(key, range(len(values)))
        return [((key, index), item) for index, item in zip(indices, values)]

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
    too_big = _shape_error(text, shown_as)
    if too_big is not None:
        return Document(shown_as, errors=[too_big])
    try:
        root, data = _compose(text, FastLoader)
    except yaml.YAMLError as fast_error:
        # libyaml's messages are terser (no tab hint, no "but got ..."): explain with PyYAML's.
        try:
            root, data = _compose(text, SafeLoader)
        except yaml.YAMLError as error:
            return Document(shown_as, errors=[_syntax_error(error, text, shown_as)])
        except RecursionError:  # PyYAML reads nesting by recursion; libyaml stops at a depth of its own
            return Document(shown_as, errors=[_syntax_error(fast_error, text, shown_as)])
    if root is None:
        return Document(shown_as, errors=[DataError(shown_as, 1, "the file is empty")])

    data = _empty_lists_filled(data, schema(schema_name))
    errors, bad_paths = [], []
    for path, error in _duplicate_keys(root, shown_as, ()):
        errors.append(error)
        bad_paths.append(path)
    # A date such as 31/01/2025 fails its pattern and the calendar: say only the first.
    found = sorted(_validator(schema_name).iter_errors(data), key=lambda error: error.validator == "format")
    for error in found:
        if error.validator == "format" and tuple(error.absolute_path) in bad_paths:
            continue
        for path, message in _explain(error):
            errors.append(_located(root, shown_as, path, message))
            bad_paths.append(path)
    for path, message in [*_ends_before_starts(data, ()), *_unprintable(data, ())]:
        errors.append(_located(root, shown_as, path, message))
        bad_paths.append(path)
    # jsonschema reports each missing key of one object as its own error; say each thing once.
    errors = sorted(dict.fromkeys(errors), key=lambda e: (e.line or 0, e.column or 0))
    kept, kept_items = _without(data, bad_paths)
    return Document(shown_as, kept, errors, root, kept_items)


def _shape_error(text: str, shown_as: str) -> DataError | None:
    """An error if ``text`` nests deeper than ``MAX_DEPTH`` or its aliases expand past ``MAX_VALUES``.

    Read from libyaml's flat stream of events, before anything is built: building is
    where deep nesting overflows Python's stack and aliases multiply.
    """
    shape = _Shape()
    try:
        for event in yaml.parse(text, FastLoader):
            problem = shape.read(event)
            if problem:
                mark = event.start_mark
                return DataError(shown_as, mark.line + 1, f"YAML error: {problem}", column=mark.column + 1)
    except yaml.YAMLError:
        pass  # a syntax error: building the file reports it, with PyYAML's explanation
    return None


class _Shape:
    """How deep a YAML stream nests and how many values it holds with its aliases expanded."""

    def __init__(self) -> None:
        self.sizes: dict[str, int] = {}  # values under each anchor, aliases expanded
        self.open: list[list] = []  # [anchor, values so far] of each list or mapping being read
        self.total = 0

    def read(self, event: yaml.Event) -> str | None:
        """What is wrong once ``event`` is read, if anything."""
        if isinstance(event, yaml.AliasEvent) and event.anchor not in self.sizes \
                and any(anchor == event.anchor for anchor, _ in self.open):
            return f"the alias *{event.anchor} stands inside the very value it names, so it would never end"
        if isinstance(event, yaml.CollectionEndEvent):
            self._read_whole(*self.open.pop())
        elif isinstance(event, yaml.CollectionStartEvent):
            self.total += 1
            self.open.append([event.anchor, 1])
        elif isinstance(event, yaml.ScalarEvent):
            self.total += 1
            self._read_whole(event.anchor, 1)
        elif isinstance(event, yaml.AliasEvent):
            self.total += self.sizes.get(event.anchor, 1)
            self._read_whole(None, self.sizes.get(event.anchor, 1))
        if self.total > MAX_VALUES:
            return f"the file holds more than {MAX_VALUES:,} values once its aliases (*name) are expanded"
        if len(self.open) > MAX_DEPTH:
            return f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
        return None

    def _read_whole(self, anchor: str | None, values: int) -> None:
        if anchor:
            self.sizes[anchor] = values
        if self.open:
            self.open[-1][1] += values


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
    if isinstance(error, yaml.constructor.ConstructorError):
        return DataError(shown_as, mark.line + 1, f"YAML error: {error.problem}", column=mark.column + 1)
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
    # jsonschema is imported on first use: a build whose data files all come from the disk
    # cache (labsite.diskcache) validates nothing, and its import is a tenth of a second.
    import jsonschema
    import referencing

    def whole_pattern(validator, pattern: str, instance: Any, _schema: dict):
        # Python's "$" also matches before a final newline, which the schemas' (ECMA-262)
        # "$" does not: a value written as a block scalar ends with one.
        if validator.is_type(instance, "string"):
            found = re.search(pattern, instance)
            if found is None or (pattern.endswith("$") and found.end() != len(instance)):
                yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")

    checker = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": whole_pattern})
    common = referencing.Resource.from_contents(schema("common"))
    registry = referencing.Registry().with_resource("common.schema.json", common)
    return checker(schema(name), registry=registry, format_checker=checker.FORMAT_CHECKER)


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
    if kind == "format":
        return [(path, f"expected {error.schema.get('description', expected)}; got {_describe(value)}, "
                       "which is not in the calendar")]
    if kind in ("pattern", "minimum", "maximum", "minLength", "exclusiveMinimum"):
        wanted = error.schema.get("description") or error.message
        return [(path, f"expected {wanted}; got {_describe(value)}")]
    if kind == "oneOf":
        return _explain_choice(error)
    if kind == "anyOf" and all("required" in option for option in expected):
        names = " or ".join(f"'{option['required'][0]}'" for option in expected)
        return [(path, f"needs at least one of {names}")]
    return [(path, error.message)]


def _explain_choice(error: jsonschema.ValidationError) -> list[tuple[Path_, str]]:
    """A value that may take one of several forms (a name, or a name with an address):
    the problems of the form whose type it has, or what the forms are."""
    by_form: dict[int, list[jsonschema.ValidationError]] = {}
    for problem in error.context:
        by_form.setdefault(problem.relative_schema_path[0], []).append(problem)
    wrong_type = {form for form, problems in by_form.items()
                  if any(p.validator == "type" and not p.relative_path for p in problems)}
    fitting = [problems for form, problems in by_form.items() if form not in wrong_type]
    if len(fitting) == 1:
        return [found for problem in fitting[0] for found in _explain(problem)]
    types = [p.validator_value for p in error.context if p.validator == "type" and not p.relative_path]
    return [(tuple(error.absolute_path), f"expected {' or '.join(_article(t) for t in types)}, "
                                         f"got {_describe(error.instance)}")]


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(_key_text(key), known, n=1)
    if close:
        return f"unknown key '{_key_text(key)}', did you mean '{close[0]}'?"
    return f"unknown key '{_key_text(key)}' (expected one of: {', '.join(known)})"


def _article(type_name: Any) -> str:
    names = {"integer": "a whole number", "number": "a number", "string": "text",
             "array": "a list", "object": "a mapping of keys to values", "boolean": "true or false"}
    if isinstance(type_name, list):
        return " or ".join(names.get(name, name) for name in type_name)
    return names.get(type_name, type_name)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
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
            pair = next(((k, v) for k, v in node.value if _is_key(k, step)), None)
            if pair is None:
                return node
            node = pair[0] if last else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def _is_key(node: yaml.Node, key: Any) -> bool:
    """Whether the key ``node`` of a mapping reads as ``key`` (``null:`` reads as None)."""
    if node.value == key:
        return True
    if not isinstance(node, yaml.ScalarNode) or isinstance(key, str):
        return False
    return yaml.constructor.SafeConstructor().construct_object(node) == key


def _key_text(key: Any) -> str:
    """A key as the file writes it: ``null``, ``true``, ``2024``."""
    if key is None or isinstance(key, bool):
        return {None: "null", True: "true", False: "false"}[key]
    return str(key)


def _field_name(path: Path_) -> str:
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{_key_text(step)}" if name else _key_text(step))
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


def _without(data: Any, bad_paths: list[Path_]) -> tuple[Any, dict[Any, list[int]]]:
    """``data`` minus the smallest unit holding each error: a list item, else a top-level key;
    and for each list that lost items, the indices (in the file) of the items kept.

    An error at the root (wrong kind of document, missing top-level key) drops
    everything, which the records then read as empty.
    """
    if not bad_paths:
        return data, {}
    if () in bad_paths or not isinstance(data, dict):
        return None, {}
    drop_items: dict[Any, set[int]] = {}
    drop_keys: set[Any] = set()
    for path in bad_paths:
        key = path[0]
        if len(path) > 1 and isinstance(data.get(key), list) and isinstance(path[1], int):
            drop_items.setdefault(key, set()).add(path[1])
        else:
            drop_keys.add(key)
    kept, kept_items = {}, {}
    for key, value in data.items():
        if key in drop_keys:
            continue
        if key in drop_items:
            kept_items[key] = [index for index in range(len(value)) if index not in drop_items[key]]
            value = [value[index] for index in kept_items[key]]
        kept[key] = value
    return kept, kept_items


def _empty_lists_filled(data: Any, file_schema: dict) -> Any:
    """``talks:`` with nothing under it means no talks yet, not a mistake."""
    if not isinstance(data, dict):
        return data
    lists = {key for key, spec in file_schema.get("properties", {}).items() if spec.get("type") == "array"}
    return {key: [] if value is None and key in lists else value for key, value in data.items()}


def _unprintable(data: Any, path: Path_):
    """Every text holding a character that no page or feed can show: a control character
    or half of a surrogate pair, which YAML's escapes (``"\\a"``, ``"\\ud800"``) let in."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _unprintable(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _unprintable(item, path + (index,))
    elif isinstance(data, str) and (found := UNPRINTABLE.search(data)):
        yield path, (f"the character U+{ord(found.group(0)):04X} cannot be shown on a page "
                     "(delete it; it often comes from copying text out of a PDF)")


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
