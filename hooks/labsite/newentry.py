"""A found paper (``labsite.lookup.Found``) written as one clean BibTeX entry for the site.

- **Key**: the first author's family name, the year and the first word of the title that
  says something, in plain lower-case letters (``yin2024outlier``); ``b``, ``c``... follow
  when another entry has it.
- **Title**: as the service gives it, with words that must keep their capitals in braces
  (``{LLM}s``, ``{GaLore}``), and BibTeX's special characters escaped.
- **Authors**: "Family, Given", joined by ``and``; a consortium's name in braces.
- **Venue**: recognised against ``venues.yml`` by its abbreviation or its name's words,
  giving ``abbr`` (and so the badge and rank); an unknown one is written as given, with a
  warning that suggests its line for ``venues.yml``.
- **Identifiers**: ``doi``, ``eprint`` with ``archiveprefix``, ``pdf``, ``code``, the year
  and month, and ``sources``: where the facts came from and when.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .fields import MONTHS, ascii_lower
from .lookup import VENUE_FIELD, Found
from .venues import Venue, Venues

# Words a key skips, and words that do not tell one venue from another.
LITTLE_WORDS = {"a", "an", "the", "of", "on", "in", "for", "to", "and", "is", "are", "do", "does", "we", "can",
                "via", "with", "from", "by", "at", "as", "towards", "toward", "how", "what", "when", "why"}
VENUE_FILLER = LITTLE_WORDS | {"conference", "international", "annual", "proceedings", "advances", "th", "st",
                               "nd", "rd", "journal"}
SPECIAL = re.compile(r"([&%#_$])")
WORD = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True)
class Written:
    """A new entry's key and text, and what the owner should know of it."""

    key: str
    text: str
    warnings: tuple[str, ...] = ()


def entry(found: Found, taken: set[str], venues: Venues, fetched: datetime.date) -> Written:
    """``found`` as a BibTeX entry with a key that none of ``taken`` (lower case) has."""
    key = key_for(found, taken)
    extra = dict(found.extra)
    venue = recognised(found.venue, venues) if found.venue and "abbr" not in extra else None
    warnings = []
    if found.venue and venue is None and "abbr" not in extra:
        warnings.append(f"the venue '{found.venue}' is not in docs/data/venues.yml, so it has no badge or rank: "
                        f"add `- {{abbr: SHORT NAME, name: \"{found.venue}\", rank: ...}}` there")
    kind = found.kind if found.venue or found.kind == "misc" else "misc"
    lines = [("author", " and ".join(_author(family, given) for family, given in found.authors)),
             ("title", protected(found.title))]
    if found.venue:
        lines.append((VENUE_FIELD.get(kind, "howpublished"), escaped(found.venue)))
    lines += [("year", str(found.year or "")), ("month", MONTHS[found.month - 1][:3] if found.month else ""),
              ("volume", escaped(found.volume)), ("number", escaped(found.number)), ("pages", escaped(found.pages)),
              ("publisher", escaped(found.publisher)), ("doi", found.doi),
              ("eprint", found.arxiv), ("archiveprefix", "arXiv" if found.arxiv else ""),
              ("pdf", found.pdf), ("code", found.code), ("abbr", venue.abbr if venue else "")]
    lines = [(name, value) for name, value in lines if name not in extra] + list(extra.items())
    lines.append(("sources", f"{found.source}{_where(found)}, {fetched.isoformat()}, by labsite add"))
    width = max(len(name) for name, value in lines if value)
    body = ",\n".join(f"  {name:<{width}} = " + (value if name == "month" and value.isalpha() else f"{{{value}}}")
                      for name, value in lines if value)
    return Written(key, f"@{kind}{{{key},\n{body}\n}}\n", tuple(warnings))


def key_for(found: Found, taken: set[str]) -> str:
    """``family`` + ``year`` + first telling word of the title, unused among ``taken``."""
    family = found.authors[0][0] if found.authors else "anonymous"
    words = [word for word in WORD.findall(ascii_lower(found.title)) if word not in LITTLE_WORDS]
    stem = re.sub(r"[^a-z]", "", ascii_lower(family.split(",")[0])) or "anonymous"
    key = f"{stem}{found.year or 'nd'}{re.sub(r'[^a-z0-9]', '', words[0]) if words else ''}"
    candidate, letter = key, ord("b")
    while candidate.lower() in taken:
        candidate, letter = f"{key}{chr(letter)}", letter + 1
    return candidate


def recognised(venue: str, venues: Venues) -> Venue | None:
    """The venue of ``venues.yml`` that ``venue`` names: by its abbreviation as a word, else the one
    whose name's telling words all appear in it, the longest such name first."""
    written = venue.casefold()
    for known in venues.venues:
        if re.search(rf"(?<![\w-]){re.escape(known.abbr.casefold())}(?![\w-])", written):
            return known
    words = set(re.findall(r"[\w*]+", written))
    fitting = [(len(named), known) for known in venues.venues
               if (named := _telling(known.name)) and named <= words]
    return max(fitting, key=lambda pair: pair[0])[1] if fitting else None


def _telling(name: str) -> set[str]:
    return {word for word in re.findall(r"[\w*]+", name.casefold()) if word not in VENUE_FILLER}


def protected(title: str) -> str:
    """``title`` escaped, each word with a capital after its first letter in braces, so
    that no bibliography style lowers it (``{LLM}s``, ``{GaLore}``, ``{3D}``)."""
    def brace(match: re.Match) -> str:
        word = match.group(0)
        return f"{{{word}}}" if any(c.isupper() for c in word[1:]) or (word[:1].isdigit() and
                                                                       any(c.isupper() for c in word)) else word
    return re.sub(r"[\w'-]+", brace, escaped(title))


def escaped(text: str) -> str:
    """``text`` safe inside a BibTeX field: braces dropped, ``& % # _ $`` escaped."""
    return SPECIAL.sub(r"\\\1", text.replace("\\", "").replace("{", "").replace("}", ""))


def _author(family: str, given: str) -> str:
    family, given = escaped(family), escaped(given)
    if not given:
        return f"{{{family}}}"  # a consortium, or one name: kept whole, never split
    return f"{family}, {given}"


def _where(found: Found) -> str:
    if found.source == "Crossref":
        return f" (api.crossref.org/works/{found.doi})"
    if found.source == "arXiv":
        return f" (export.arxiv.org/abs/{found.arxiv})"
    return ""
