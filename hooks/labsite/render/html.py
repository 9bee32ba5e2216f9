"""Small, safe building blocks for the renderers."""

from __future__ import annotations

import html
import re

from ..errors import UNPRINTABLE
from ..names import initials
from ..stash import mark

SAFE_SCHEME = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
URL_DROPPED = re.compile("[\t\n\r]")
URL_STRIPPED = "".join(chr(code) for code in range(0x21))  # C0 controls and space


def text(value: object) -> str:
    """``value`` as HTML text: every ``<``, ``&`` and quote escaped, and control characters
    (which BibTeX files may hold, and HTML may not) left out."""
    return html.escape(UNPRINTABLE.sub("", str(value)), quote=True)


def safe_url(url: str, root: str = "") -> str | None:
    """``url`` if it may become a link, or None; not yet escaped for HTML.

    Web and mail addresses pass; an address without a scheme is a file of the site,
    taken relative to its root (``root`` leads from the current page to it); any
    other scheme, such as ``javascript:``, is refused.
    """
    # Read the address as a browser does: it drops tabs and line breaks anywhere and
    # control characters and spaces at the ends, so "java\nscript:" is "javascript:".
    url = URL_DROPPED.sub("", url).strip(URL_STRIPPED)
    if SAFE_SCHEME.match(url):
        return url
    # Browsers read a backslash as a slash, so "\\host" would leave the site like "//host".
    if ANY_SCHEME.match(url) or url.startswith("//") or "\\" in url or not url:
        return None
    return root + url.lstrip("/").replace(" ", "%20")  # a file of the site may have spaces in its name


def href(url: str, root: str = "") -> str | None:
    """:func:`safe_url`, escaped for an attribute value."""
    url = safe_url(url, root)
    return text(url) if url is not None else None


def link(url: str, label_html: str, root: str = "", css: str = "") -> str:
    """An ``<a>`` to ``url`` around ``label_html``; the bare label if the address is unsafe.

    Links leaving the site get ``rel="noopener"``.
    """
    address = safe_url(url, root)
    if address is None:
        return label_html
    rel = ' rel="noopener"' if SAFE_SCHEME.match(address) else ""
    cls = f' class="{css}"' if css else ""
    return f'<a href="{text(address)}"{cls}{rel}>{label_html}</a>'


def element(name: str, content_html: str, css: str = "") -> str:
    """``<name class="css">content</name>``; ``content_html`` must already be safe."""
    cls = f' class="{css}"' if css else ""
    return f"<{name}{cls}>{content_html}</{name}>"


def table(headers: list[str], rows: list[list[str]], css: str, row_ids: list[str] | None = None) -> str:
    """A table inside a ``div.css``; ``headers`` are plain text, cells already HTML.

    The table itself carries no class, so Material styles it like a Markdown table;
    ``row_ids`` give the rows ids that links can point at.
    """
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    ids = [f' id="{text(row_id)}"' for row_id in row_ids] if row_ids else [""] * len(rows)
    # data-label lets a narrow screen show each cell under its column's name.
    labels = [f' data-label="{text(h)}"' for h in headers]
    body = "".join(f"<tr{row_id}>" + "".join(f"<td{label}>{cell}</td>" for label, cell in zip(labels, row)) + "</tr>"
                   for row_id, row in zip(ids, rows))
    return f'<div class="{css}"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def block(content_html: str) -> str:
    """Rendered HTML as a block of a page, on lines of its own, marked so that it never
    reaches Python-Markdown (see ``labsite.stash``)."""
    return f"\n\n{mark(content_html)}\n\n"


def heading(level: int, title: str, searched: bool = True) -> str:
    """A Markdown heading, so that it joins the page's table of contents.

    ``title`` is written by the code (a year, a level name), never taken from data.
    With ``searched`` false, Material's search leaves out the heading's whole section
    (attr_list's ``data-search-exclude``): everything up to the next heading.
    """
    attributes = " { data-search-exclude }" if not searched else ""
    return f"\n\n{'#' * level} {title}{attributes}\n"


def html_heading(level: int, title: str, anchor: str, searched: bool = True) -> str:
    """A heading as HTML, for a page made only of rendered blocks, which stays out of
    Markdown's way (a paper's page): it has an id for links but no place in the table of
    contents. ``title`` and ``anchor`` are written by the code; ``searched`` as for :func:`heading`.
    """
    attributes = " data-search-exclude" if not searched else ""
    return f'<h{level} id="{anchor}"{attributes}>{title}</h{level}>'


def join_words(items: list[str]) -> str:
    """"a, b and c" for already-escaped items."""
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]



def portrait(name: str, photo: str, root: str, css: str, lazy: bool = True) -> str:
    """A person's photo, or their initials in a circle where there is none.

    ``lazy`` false for a photo on a page's first screen, which should not wait.
    """
    source = href(photo, root) if photo else None
    if source:
        loading = ' loading="lazy"' if lazy else ""
        return f'<img class="{css}" src="{source}" alt="Photo of {text(name)}" width="96" height="96"{loading}>'
    # Decoration: neither screen readers nor search should read the letters as text.
    return f'<span class="{css} lab-initials" aria-hidden="true" data-search-exclude>{text(initials(name))}</span>'
