"""BibTeX field values as people really write them, read leniently.

Each reader returns the value it understood and, when the value was not as it should
be, what it did about it ("left out", "read as ..."): the caller turns that into a
warning, and the paper is shown all the same. Nothing here raises on any text.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
TRUE_WORDS, FALSE_WORDS = {"true", "yes", "1"}, {"false", "no", "0"}

YEAR = re.compile(r"[0-9]{4}")  # ASCII digits: str.isdigit() also takes "²⁰²⁴", which int() refuses
YEAR_INSIDE = re.compile(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2}|21[0-9]{2})(?![0-9])")
MONTH_WORD = re.compile(r"[a-z]+")
ISO_DATE = re.compile(r"^[0-9]{4}-([0-9]{1,2})(?:-[0-9]{1,2})?$")
DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
DOI_PREFIX = re.compile(r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:?\s*)", re.IGNORECASE)
ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z.-]+/\d{7})(v\d+)?$", re.IGNORECASE)
ARXIV_URL = re.compile(r"^(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/(.+?)(?:\.pdf)?/?$", re.IGNORECASE)
WEB = re.compile(r"^https?://\S+$", re.IGNORECASE)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
ARXIV_PREFIX = re.compile(r"^arxiv\s*:\s*", re.IGNORECASE)
# Characters that BibTeX files escape for LaTeX in addresses and identifiers (a\_b, 50\%).
LATEX_ESCAPE = re.compile(r"\\([_%&#$~])")
BRACES = re.compile(r"[{}]")

# Link fields that may name a file of the site instead of an address, and the folder
# of the docs folder where al-folio keeps such files.
FILE_FOLDERS = {"pdf": "assets/pdf", "supp": "assets/pdf", "poster": "assets/pdf", "slides": "assets/pdf",
                "html": "assets/html"}


def year(value: str) -> tuple[int | None, str]:
    """The year of ``value`` ("2024", "2024a", "May 2024"), or None; and what was done."""
    value = value.strip()
    if not value:
        return None, "no year: the paper is listed under Undated"
    if YEAR.fullmatch(value):
        return int(value), ""
    found = YEAR_INSIDE.findall(value)
    if len(found) == 1:
        return int(found[0]), f"'{value}' read as the year {found[0]}"
    return None, f"'{value}' is not a year: the paper is listed under Undated"


def month(value: str) -> tuple[int | None, str]:
    """The month number of ``value`` ("jun", "Jun.", "June", "6", "October-November",
    "May~17", "2024-05-17"), or None; and what was done."""
    text = value.strip().lower()
    if not text:
        return None, ""
    iso = ISO_DATE.match(text)
    number = iso.group(1) if iso else text
    if number.isascii() and number.isdigit():
        return (int(number), "") if 1 <= int(number) <= 12 else (None, f"'{value}' is not a month: left out")
    word = MONTH_WORD.search(text)  # the first month of a range, without a day or a full stop
    if word and len(word.group(0)) >= 3:
        matches = [index + 1 for index, name in enumerate(MONTHS) if name.startswith(word.group(0))]
        if matches:
            return matches[0], ""
    return None, f"'{value}' is not a month: left out"


def plain(value: str) -> str:
    """An address or identifier as written in BibTeX, less LaTeX's escapes and braces: ``a\\_b`` is ``a_b``."""
    return BRACES.sub("", LATEX_ESCAPE.sub(r"\1", value)).strip()


def doi(value: str) -> tuple[str, str]:
    """The bare DOI (10.xxx/...) of ``value`` ("doi:10...", "DOI 10...", "https://doi.org/10..."), or ""."""
    bare = DOI_PREFIX.sub("", plain(value))
    if DOI.match(bare):
        return bare, ""
    return "", f"'{value}' is not a DOI such as 10.1000/xyz123: left out"


def arxiv(fields) -> tuple[str, str, str]:
    """The arXiv id of an entry (al-folio's ``arxiv``, or ``eprint`` with an arXiv
    ``archiveprefix``), a preprint address when it gives one that is not arXiv's, and
    what was done."""
    name = "arxiv" if fields.get("arxiv", "").strip() else "eprint"
    value = ARXIV_PREFIX.sub("", plain(fields.get(name, "")))
    if not value or (name == "eprint" and fields.get("archiveprefix", "arxiv").strip().lower() != "arxiv"
                     and not WEB.match(value)):
        return "", "", ""
    found = ARXIV_URL.match(value)
    identifier = found.group(1) if found else value
    if ARXIV_ID.match(identifier):
        return identifier, "", ""
    if WEB.match(value):
        return "", value, ""
    return "", "", f"'{value}' is not an arXiv id such as 2310.05175: left out"


def link(name: str, value: str) -> tuple[str, str]:
    """The address of link field ``name``: a web address as written, or for a file of the
    site its path from the docs folder (``paper.pdf`` → ``assets/pdf/paper.pdf``); ""
    and what was done when it is neither."""
    value = plain(value)
    if WEB.match(value):
        return value, ""
    if name in FILE_FOLDERS and value and not SCHEME.match(value) and "\\" not in value and not value.startswith("//"):
        path = file_path(value, FILE_FOLDERS[name])
        if path:
            return path, ""
        return "", f"'{value}' leaves the docs folder: link left out"
    where = f" or a file name in docs/{FILE_FOLDERS[name]}/" if name in FILE_FOLDERS else ""
    return "", f"'{value}' is not an address starting with https:// or http://{where}: link left out"


def file_path(value: str, folder: str) -> str:
    """Where a file named in a link field is, from the docs folder; "" if it leaves it.

    A bare name is in ``folder``; a path (``/assets/pdf/x.pdf``) is taken from the docs
    folder. Neither may climb out of its folder (``../mkdocs.yml``).
    """
    base = "" if "/" in value else folder
    path = posixpath.normpath(posixpath.join(base, value.lstrip("/")))
    inside = path.startswith(f"{base}/") if base else not (path in (".", "..") or path.startswith("../"))
    return path if inside else ""


def flag(value: str) -> tuple[bool, str]:
    """``true``/``false`` (also yes/no, 1/0); anything else is false, and said so."""
    word = value.strip().lower()
    if not word or word in FALSE_WORDS:
        return False, ""
    if word in TRUE_WORDS:
        return True, ""
    return False, f"'{value}' is not true or false: read as false"


def ascii_lower(text: str) -> str:
    """``text`` in lower case with its accents dropped and other scripts left out, for
    addresses that must be plain letters: "Tomás" gives "tomas", "李" gives ""."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def digest(text: str) -> str:
    """A short, stable hash of ``text``, for an address that its letters cannot make."""
    return hashlib.sha1(text.encode()).hexdigest()[:10]
