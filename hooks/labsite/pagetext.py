"""Reading a page's Markdown line by line, knowing which lines are code."""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def lines(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str, bool]]:
    """Each line with its number in the file and whether it is inside a fenced code block.

    ``first_line`` is the file's line number of the Markdown's first line (MkDocs
    strips the front matter before handing pages over). Fence lines count as code.
    """
    fence = None
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        opened = FENCE.match(line)
        marker = opened.group(1) if opened else None
        if fence is None and marker:
            fence = marker
            yield number, line, True
        elif fence is not None:
            if marker and marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker):]:
                fence = None
            yield number, line, True
        else:
            yield number, line, False
