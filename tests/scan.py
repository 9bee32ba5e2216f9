"""Finding what could run script in a built site, reading it as a browser does.

Pages are parsed with html5lib, which follows the HTML standard's parser (or, where
speed matters more, with Python's html.parser, which tokenizes tags and attributes
the same way); addresses are read as the URL standard reads them.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup, Tag

SCRIPT_SCHEMES = ("javascript:", "vbscript:")
# Attributes whose value a browser follows or loads as an address.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite", "ping",
                  "manifest", "codebase", "longdesc", "icon", "lowsrc", "dynsrc", "xlink:href",
                  "values", "from", "to"}  # the last three: SVG <animate>/<set> can write an href
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
# Kinds of suspect that a hostile build may hold when the clean build holds the very same
# (the theme's own scripts, say); every other kind is wrong wherever it appears.
TOLERATED_IF_CLEAN = {"script", "data-url", "meta-refresh"}
# Material's search shows a result's title and text as HTML (innerHTML), where a <script>
# stays inert but an event handler, a javascript: link or an <iframe> does not.
INERT_IN_SEARCH = {"script", "bad-json-ld"}
URL_DROPPED = re.compile("[\t\n\r]")
URL_STRIPPED = "".join(chr(code) for code in range(0x21))  # C0 controls and space


@dataclass(frozen=True)
class Suspect:
    """Something in an output file that could run script."""

    file: str
    kind: str
    signature: str  # what must match in the clean build for a tolerated kind
    snippet: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.snippet}"


def scheme(url: str) -> str:
    """The scheme a browser reads in ``url`` ("javascript:", "data:", ...), or "" for none.

    As the URL standard does: tabs and line breaks go wherever they are, control
    characters and spaces at the ends, and case does not count.
    """
    url = URL_DROPPED.sub("", url).strip(URL_STRIPPED).lower()
    found = re.match(r"[a-z][a-z0-9+.-]*:", url)
    return found.group(0) if found else ""


def _snippet(tag: Tag) -> str:
    return str(tag)[:160].replace("\n", "\\n")


def address_kind(url: str) -> str | None:
    """"javascript-url" for an address that runs script, "data-url" for one that holds
    a document of its own, else None."""
    found = scheme(url)
    if found in SCRIPT_SCHEMES:
        return "javascript-url"
    return "data-url" if found == "data:" else None


def _url_suspects(tag: Tag, name: str, value: str):
    """(kind, signature) for an address attribute that runs script or embeds a document."""
    # srcset holds several addresses, each followed by its size.
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    for url in urls:
        kind = address_kind(url)
        if kind:
            yield kind, f"{tag.name} {name}={value}"


def _script_suspects(tag: Tag, page_dir: str):
    """(kind, signature) of a script element: each is a suspect unless the clean build has it."""
    code = tag.string or ""
    if (tag.get("type") or "").lower() == "application/ld+json":
        # Data, not code, if it is JSON that cannot end its element or start a comment early.
        try:
            json.loads(code)
            intact = not re.search(r"</script|<!--", code, re.IGNORECASE)
        except ValueError:
            intact = False
        if not intact:
            yield "bad-json-ld", code
        return
    source = tag.get("src")
    if source is not None:
        # The page's depth changes the relative address, not the file loaded.
        where = source.lstrip("/") if source.startswith("/") else posixpath.normpath(posixpath.join(page_dir, source))
        yield "script", f"src {where}"
    else:
        yield "script", f"{tag.get('type', '')} {code}"


def tag_suspects(tag: Tag, page_dir: str):
    """(kind, signature) for everything in one element that could run script."""
    if tag.name in FORBIDDEN_ELEMENTS:
        yield "element", tag.name
    if tag.name == "script":
        yield from _script_suspects(tag, page_dir)
    if tag.name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
        yield "meta-refresh", tag.get("content", "")
    for name, value in tag.attrs.items():
        name = name.lower()
        value = " ".join(value) if isinstance(value, list) else value  # bs4 splits class-like values
        if name.startswith("on"):
            yield "event-handler", f"{name}={value}"
        elif name in ("autofocus", "srcdoc"):
            yield name, f"{tag.name} {name}"
        elif name in URL_ATTRIBUTES or name == "srcset":
            yield from _url_suspects(tag, name, value)
        elif name == "style" and re.search(r"javascript:|expression\(", value, re.IGNORECASE):
            yield "style-script", value


def html_suspects(markup: str, file: str, page_dir: str = "", parser: str = "html5lib") -> list[Suspect]:
    """Every suspect in ``markup``, parsed as a browser parses it (html5lib, or ``parser``)."""
    soup = BeautifulSoup(markup, parser)
    return [Suspect(file, kind, signature, _snippet(tag))
            for tag in soup.find_all(True) for kind, signature in tag_suspects(tag, page_dir)]


def xml_suspects(path: Path, file: str) -> list[Suspect]:
    """Script addresses in a feed or sitemap, and HTML content that a feed reader would render."""
    found = []
    for element in ElementTree.parse(path).iter():
        name = element.tag.rsplit("}", 1)[-1]
        addresses = list(element.attrib.values())
        if name in ("link", "loc", "id", "uri", "icon", "logo"):
            addresses.append(element.text or "")
        for address in addresses:
            kind = address_kind(address)
            if kind:
                found.append(Suspect(file, kind, address, f"<{name}> {address}"[:160]))
        if element.get("type") in ("html", "xhtml"):
            found += html_suspects(element.text or "", file)
    return found


def search_suspects(path: Path, file: str) -> list[Suspect]:
    """What Material's search would bring to life: result addresses, and titles and texts as HTML."""
    found = []
    for entry in json.loads(path.read_text(encoding="utf-8"))["docs"]:
        where = f"{file} ({entry['location']})"
        kind = address_kind(entry["location"])
        if kind:
            found.append(Suspect(where, kind, entry["location"], entry["location"]))
        for field in ("title", "text"):
            found += [s for s in html_suspects(entry[field], where) if s.kind not in INERT_IN_SEARCH]
    return found


def scan_site(folder: Path) -> list[Suspect]:
    """Every suspect in every page, feed, sitemap and the search index of a built site."""
    found = []
    for path in sorted(folder.rglob("*.html")):
        file = path.relative_to(folder).as_posix()
        found += html_suspects(path.read_text(encoding="utf-8"), file, posixpath.dirname(file))
    for path in sorted(folder.rglob("*.xml")):
        found += xml_suspects(path, path.relative_to(folder).as_posix())
    index = folder / "search" / "search_index.json"
    if index.is_file():
        found += search_suspects(index, "search/search_index.json")
    return found


def unexplained(suspects: list[Suspect], clean: list[Suspect]) -> list[Suspect]:
    """The suspects that the clean build does not explain."""
    allowed = {(s.kind, s.signature) for s in clean if s.kind in TOLERATED_IF_CLEAN}
    return [s for s in suspects if (s.kind, s.signature) not in allowed]


def report(suspects: list[Suspect], limit: int = 60) -> str:
    """The suspects one a line, for an assertion message."""
    lines = [str(s) for s in suspects[:limit]]
    more = [f"... and {len(suspects) - limit} more"] if len(suspects) > limit else []
    return "\n".join([f"{len(suspects)} suspect(s):", *lines, *more])
