"""Author lists as people write them in BibTeX files, cleaned into names and marks.

al-folio sites long marked authors inside the ``author`` field itself:
``<b>Lovelace, Ada</b>&dagger; (<b>&dagger; corresponding author</b>)``,
``Li, Pengxiang$*$ and ...``, ``Einstein*†, A.``. BibTeX would print that markup as
text. Here the markup is taken out, entities are decoded, a dagger becomes the
corresponding-author mark and an asterisk the equal-contribution mark, and a legend
in parentheses that explains them is dropped; the site marks the owner by its usual
rule. Doubled ``and``s and empty names are skipped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from pybtex.bibtex.utils import split_name_list

TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
ENTITY = re.compile(r"&(#?[a-zA-Z0-9]+);?")
LEGEND = re.compile(r"\(([^()]*)\)")
LEGEND_WORDS = re.compile(r"correspond|equal|contribut|co-first|joint|first author", re.IGNORECASE)
# Marks after a name: superscripts ($^{*}$, $^\dagger$, \textsuperscript{1,*}) and bare symbols.
MARK_TOKEN = r"(?:[\s*,0-9a-z†‡]|\\(?:text)?dagger|\\ddagger|\\ddag|\\ast|\\star)+"
SUPERSCRIPT = re.compile(rf"\$\^?\{{?({MARK_TOKEN})\}}?\$|\\textsuperscript\{{({MARK_TOKEN})\}}")
SYMBOL = re.compile(r"\^\{?\*\}?|\*|\\ast\b|\\star\b|†|\\textdagger\b|\\dagger\b|‡|\\ddagger\b|\\ddag\b")
EQUAL_MARK = re.compile(r"\*|\\ast\b|\\star\b")
CORRESPONDING_MARK = re.compile(r"†|\\(?:text)?dagger\b")
DOUBLED_AND = re.compile(r"\sand(?:\s+and)+\s", re.IGNORECASE)
EDGE_AND = re.compile(r"^\s*and\s+|\s+and\s*$", re.IGNORECASE)
NEEDS_CLEANING = re.compile(r"[<&*†‡$^\\]|\band\s+and\b|^\s*and\s|\sand\s*$|,\s*(?:\sand\s|$)|\(", re.IGNORECASE)


@dataclass
class AuthorList:
    """The names of an author list, as pybtex will read them, and what cleaning them found."""

    names: list[str] = field(default_factory=list)
    equal: set[int] = field(default_factory=set)  # positions in ``names``
    corresponding: set[int] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)  # what was wrong and was mended, for a warning


def split(value: str) -> AuthorList:
    """The names of the BibTeX name list ``value``, without markup, marks or empty names."""
    if not NEEDS_CLEANING.search(value):
        return AuthorList(split_name_list(value))
    found = AuthorList()
    value = _without_legends(value)
    value = ENTITY.sub(_entity, TAG.sub("", value))
    if DOUBLED_AND.search(value) or EDGE_AND.search(value):
        value = EDGE_AND.sub("", DOUBLED_AND.sub(" and ", value))
        found.problems.append("an empty name (a doubled or dangling 'and') skipped")
    for name in split_name_list(value):
        name, marks = _marks_taken_out(name)
        name = name.strip()
        if name.endswith(","):
            name = name.rstrip(", ")
            found.problems.append(f"a comma after '{name}' dropped")
        if not name:
            found.problems.append("an empty name skipped")
            continue
        if "equal" in marks:
            found.equal.add(len(found.names))
        if "corresponding" in marks:
            found.corresponding.add(len(found.names))
        found.names.append(name)
    return found


def _without_legends(value: str) -> str:
    def drop(match: re.Match) -> str:
        plain = ENTITY.sub(_entity, TAG.sub("", match.group(1)))
        return "" if LEGEND_WORDS.search(plain) else match.group(0)

    return LEGEND.sub(drop, value)


def _entity(match: re.Match) -> str:
    decoded = html.unescape(f"&{match.group(1)};")
    return decoded if not decoded.startswith("&") else match.group(0)


def _marks_taken_out(name: str) -> tuple[str, set[str]]:
    """``name`` without its marks, and which marks they were: "equal" (*), "corresponding" (†).

    Other marks, such as affiliation numbers (``$^{1,2}$``) or a double dagger, are dropped.
    """
    marks = set()

    def read(found: str) -> str:
        if EQUAL_MARK.search(found):
            marks.add("equal")
        if CORRESPONDING_MARK.search(found):
            marks.add("corresponding")
        return ""

    name = SUPERSCRIPT.sub(lambda match: read(next(group for group in match.groups() if group is not None)), name)
    name = SYMBOL.sub(lambda match: read(match.group(0)), name)
    return name.replace("()", ""), marks
