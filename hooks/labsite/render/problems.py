"""The banner that `mkdocs serve` puts on every page while the data has problems, so
that whoever edits sees why a page did not change without reading the terminal."""

from __future__ import annotations

from ..errors import DataError
from .html import element, text

MOST = 20  # a banner longer than this is a wall; the terminal has the rest


def banner(problems: list[DataError]) -> str:
    """An alert listing each problem as file:line: what is wrong, errors first; "" if none."""
    if not problems:
        return ""
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    counts = [f"{len(found)} {word}{'s' if len(found) != 1 else ''}"
              for found, word in ((errors, "error"), (warnings, "warning")) if found]
    title = (f"The data has {' and '.join(counts)}: "
             + ("items with errors are left out of the site." if errors else "the items are shown, less what is wrong."))
    shown = [*errors, *warnings][:MOST]
    items = "".join(element("li", f"{element('strong', 'Error' if not p.warning else 'Warning')} "
                                  f"<code>{text(str(p))}</code>") for p in shown)
    more = element("p", f"… and {len(problems) - MOST} more, listed where mkdocs serve runs.") \
        if len(problems) > MOST else ""
    kind = "failure" if errors else "warning"
    return (f'<div class="admonition {kind} lab-problems" role="alert" data-search-exclude>'
            f'<p class="admonition-title">{text(title)}</p><ul>{items}</ul>{more}'
            f"<p>This note shows only while <code>mkdocs serve</code> runs; a build fails on errors "
            f"(and on warnings with <code>--strict</code>).</p></div>")
