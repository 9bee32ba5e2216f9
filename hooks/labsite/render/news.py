"""News items, the news feed, and open positions."""

from __future__ import annotations

import datetime
from typing import Callable
from xml.etree import ElementTree

from ..news import NewsItem, Opening
from ..people import level_label
from ..publications import Publication
from ..records import day_label
from .html import block, element, heading, link, text

ATOM = "http://www.w3.org/2005/Atom"


def news_list(items: list[NewsItem], limit: int | None = None, title: str = "", root: str = "",
              find_paper: Callable[[str], Publication | None] = lambda key: None) -> str:
    """The newest ``limit`` items; with a ``title``, a heading above them, and nothing at all when empty.

    An item links to its ``url``, or else to the page of the paper it names.
    """
    shown = items[:limit] if limit else items
    if not shown:
        return "" if title else block('<p class="lab-empty">No news yet.</p>')
    entries = "".join(element("li", f'<time datetime="{text(n.date)}">{text(day_label(n.day))}</time> '
                                     + _linked(n, root, find_paper))
                      for n in shown)
    more = f'<p>{link("news/", "All news", root)}</p>' if limit and len(items) > limit else ""
    return (heading(2, title) if title else "") + block(f'<ul class="lab-news">{entries}</ul>{more}')


def _linked(item: NewsItem, root: str, find_paper: Callable[[str], Publication | None]) -> str:
    paper = find_paper(item.paper) if item.paper and not item.url else None
    address = item.url or (f"publications/{paper.slug}/" if paper else "")
    return link(address, text(item.text), root) if address else text(item.text)


def atom_feed(items: list[NewsItem], site_name: str, author: str, site_url: str | None,
              today: datetime.date) -> str:
    """An Atom feed of ``items``. Without ``site_url``, entry ids are URNs and links relative.

    The feed's ``updated`` is its newest item's date; without items, the build's day
    (``today``): Atom requires a real date, and readers sort feeds by it.
    """
    base = site_url or ""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", f"{site_name}: news")
    _sub(feed, "id", f"{base}news/" if site_url else "urn:lab-site:news")
    newest = items[0].day if items else today
    _sub(feed, "updated", f"{newest.isoformat()}T00:00:00Z")
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}news.xml")
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=f"{base}news/")
    _sub(ElementTree.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    for number, item in enumerate(items):
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        _sub(entry, "title", item.text if len(item.text) <= 80 else item.text[:79] + "…")
        _sub(entry, "id", f"{base}news/#{item.date}-{number}" if site_url else f"urn:lab-site:news:{item.date}:{number}")
        _sub(entry, "updated", f"{item.date}T00:00:00Z")
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", href=item.url or f"{base}news/")
        _sub(entry, "content", item.text).set("type", "text")
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def openings_list(openings: list[Opening], today: datetime.date, root: str = "") -> str:
    """Open positions (deadline not passed), or a line saying there are none."""
    open_now = [p for p in openings if p.is_open(today)]
    if not open_now:
        return block('<p class="lab-empty">No positions are advertised at the moment. '
                     "Enquiries are welcome all the same: write to the address on this page.</p>")
    items = []
    for p in open_now:
        title = element("strong", text(p.title))
        lines = [link(p.url, title, root) if p.url else title,
                 f'<span class="lab-muted">{text(level_label(p.level))}'
                 f" · apply by {text(day_label(datetime.date.fromisoformat(p.deadline)))}"
                 + (f" · {text(p.funding)}" if p.funding else "") + "</span>"]
        if p.description:
            lines.append(text(p.description))
        items.append(element("li", "<br>".join(lines)))
    return block(f'<ul class="lab-positions">{"".join(items)}</ul>')


def _sub(parent: ElementTree.Element, name: str, value: str) -> ElementTree.Element:
    child = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}")
    child.text = value
    return child
