"""Hostile data for a copy of the example site (tests/example/): attack strings in every text field of every
data file and of BibTeX entries, in values that stay valid so that the build uses them.

Not a test module: ``test_hostile_build`` builds the project this writes.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from sitebuild import copy_project
from labsite import yamldata
from labsite.publications import LINK_FIELDS

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "[x](javascript:alert(1))",  # a Markdown link
    "<javascript:alert(1)>",  # a Markdown autolink
    "Hello\n\nDetails\n{: tabindex=0 autofocus onfocus=alert(document.domain) }\n\nmore",  # attr_list
    "*x*{: onclick=alert(1)}",
    "<!--",  # would comment out the rest of the page
    "<!--lab-stash-0-->",  # looks like the hook's own placeholders (labsite.stash)
    "[% publications %]",  # a directive
    "[@lovelace2024layerwise]",  # a citation
    "{{ config }}",  # Jinja
    "{% raw %}",
    "&lt;script&gt;",  # already escaped: must not be unescaped on the way
    "' onmouseover='alert(1)",
    "\n[^1]: x",  # a footnote definition
    "\n\n<div onclick=alert(1)>x</div>\n\n",  # a raw HTML block of its own
]

REAL_KEY = "lovelace2024layerwise"  # a paper of the example's bib/publications.bib
# Fields naming something in another file: hostile text there is a data error (an
# unknown key), not text that reaches a page, so they name a real paper instead.
REFERENCE_FIELDS = {
    "paper": REAL_KEY,  # awards.yml, news.yml: the citation key of a paper
    "key": REAL_KEY,  # citedby.yml: the paper counted
}

YEAR = 2024  # integers: years, and amounts, which only need to be positive
MONTH = "2024-06"
# After conftest.BUILD_DATE: open positions are listed only until their deadline.
DATE = "2030-06-01"
# Values tried, after those made from the payload, for a string whose schema has a
# pattern: the first one the pattern accepts is used.
PATTERN_SAMPLES = (DATE, MONTH, "hostile-section", "assets/hostile.png", "W2024")  # the last: an OpenAlex id


def url_safe(text: str) -> str:
    """``text`` as a URL path would hold it: white space, control characters and "@"
    percent-encoded, so that URL, e-mail and file patterns accept it; quotes and angle
    brackets are kept, as they are what attacks the attribute around a link."""
    return "".join(quote(char, safe="") if char.isspace() or not char.isprintable() or char == "@" else char
                   for char in text)


def valid_document(schema_name: str, text: str) -> dict[str, Any]:
    """A document valid against ``schemas/<schema_name>.schema.json`` with ``text``, or a
    value made from it, in every string field; every optional field is filled too."""
    return _value(yamldata.schema(schema_name), yamldata.schema(schema_name), text)


def _value(spec: dict, base: dict, text: str, name: str = "") -> Any:
    """A value for the schema ``spec`` (part of the schema document ``base``) named ``name``."""
    spec, base = _resolved(spec, base)
    if name in REFERENCE_FIELDS:
        return REFERENCE_FIELDS[name]
    if "enum" in spec:
        # Spread over the choices, so that each kind's rendering (e.g. MSc or PhD
        # students) meets hostile text, yet the same text gives the same choice.
        return spec["enum"][len(text) % len(spec["enum"])]
    if "oneOf" in spec:  # a value of several forms (a name, or a name with an address): spread likewise
        return _value(spec["oneOf"][len(text) % len(spec["oneOf"])], base, text, name)
    kind = spec.get("type")
    if kind == "object":
        return {key: _value(item, base, text, key) for key, item in spec.get("properties", {}).items()}
    if kind == "array":
        return [_value(spec["items"], base, text) for _ in range(max(2, spec.get("minItems", 0)))]
    if kind in ("integer", "number"):
        return _number(spec)
    if kind == "string":
        return _patterned(spec["pattern"], text) if "pattern" in spec else text
    raise ValueError(f"no hostile value for the schema {spec}")


def _number(spec: dict) -> int:
    """``YEAR``, moved inside the bounds of ``spec`` if it is outside them."""
    value = max(YEAR, spec.get("minimum", YEAR))
    if "exclusiveMinimum" in spec and value <= spec["exclusiveMinimum"]:
        value = spec["exclusiveMinimum"] + 1
    return min(value, spec.get("maximum", value))


def _resolved(spec: dict, base: dict) -> tuple[dict, dict]:
    """``spec`` with its ``$ref`` followed (into ``common.schema.json`` or within ``base``),
    its own keywords kept beside the target's; and the document the result is part of."""
    while "$ref" in spec:
        document, _, pointer = spec["$ref"].partition("#")
        target_base = yamldata.schema(document.removesuffix(".schema.json")) if document else base
        target = target_base
        for step in filter(None, pointer.split("/")):
            target = target[step]
        spec = {**target, **{key: value for key, value in spec.items() if key != "$ref"}}
        base = target_base
    return spec, base


def _patterned(pattern: str, text: str) -> str:
    """The first value made from ``text``, else of ``PATTERN_SAMPLES``, that ``pattern`` accepts."""
    safe = url_safe(text)
    candidates = (f"https://example.org/{safe}", f"{safe}@example.org", f"assets/{safe}.png", *PATTERN_SAMPLES)
    for candidate in candidates:
        if re.search(pattern, candidate):
            return candidate
    raise ValueError(f"no value for the pattern {pattern!r}")


def merged_documents(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """One document of the same schema holding every list item of ``documents``; any
    other value is taken from each document in turn, so that each payload reaches some."""
    merged = {}
    for number, key in enumerate(documents[0]):
        values = [document[key] for document in documents]
        merged[key] = ([item for value in values for item in value] if isinstance(values[0], list)
                       else values[number % len(values)])
    return merged


def hostile_bibtex(text: str, key: str, entry_type: str = "inproceedings") -> str:
    """A BibTeX entry ``@entry_type{key, ...}`` with ``text`` in every text field, and
    in every link field after ``https://example.org/``."""
    value = text.replace("{", "(").replace("}", ")")  # BibTeX needs its braces balanced
    link = f"https://example.org/{url_safe(value)}"
    fields = {
        # Braced, the payload is one part of one name, whatever commas or "and" it holds.
        "author": f"Eve {{{value}}} and Lovelace, Ada",  # the example's owner
        "title": value,
        "journal" if entry_type == "article" else "booktitle": value,
        "year": str(YEAR),
        "month": "jun",
        **dict.fromkeys(("abbr", "volume", "number", "pages", "publisher", "address", "note", "abstract",
                         "keywords", "award_name", "presentation"), value),
        **dict.fromkeys(LINK_FIELDS, link),
        "doi": f"10.1234/{url_safe(value)}",
        "eprint": "2310.05175",
        "archiveprefix": "arXiv",
        "selected": "true",  # listed on the home page too
        # Names matched against the authors; the payload is already in the author list.
        "equal_contribution": "Ada Lovelace",
        "corresponding": "Ada Lovelace",
    }
    body = ",\n".join(f"  {name} = {{{field}}}" for name, field in fields.items())
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def make_hostile_project(destination: Path) -> Path:
    """A copy of the example site in ``destination`` whose data files hold only hostile items
    (one per payload, cycling through ``PAYLOADS``), and whose bibliography gains one
    hostile entry per payload (keys ``hostile0``, ``hostile1``, ...)."""
    project = copy_project(destination)
    for path in sorted((project / "docs" / "data").glob("*.yml")):
        if (yamldata.SCHEMA_DIR / f"{path.stem}.schema.json").is_file():
            document = merged_documents([valid_document(path.stem, payload) for payload in PAYLOADS])
            path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kinds = itertools.cycle(("inproceedings", "article"))
    entries = [hostile_bibtex(payload, f"hostile{number}", next(kinds)) for number, payload in enumerate(PAYLOADS)]
    bib = project / "bib" / "publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + "\n".join(entries), encoding="utf-8")
    return project
