"""Icons for links, drawn from the icon sets that Material for MkDocs ships.

The footer's icons (Material's ``extra.social``) and the icons beside links in the
pages come from the same files, so a link looks the same wherever it appears.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

# Icons of Material's bundled sets for the addresses people link to, by a part of the address.
BY_ADDRESS = (("mailto:", "fontawesome/solid/envelope"), ("github.com", "fontawesome/brands/github"),
              ("twitter.com", "fontawesome/brands/x-twitter"), ("x.com", "fontawesome/brands/x-twitter"),
              ("scholar.google", "fontawesome/brands/google-scholar"), ("orcid.org", "fontawesome/brands/orcid"),
              ("linkedin.com", "fontawesome/brands/linkedin"), (".pdf", "fontawesome/solid/file-pdf"))
OTHER = "fontawesome/solid/globe"


def name_for(url: str) -> str:
    """The name of the icon for a link to ``url``, e.g. ``fontawesome/brands/github``."""
    return next((icon for part, icon in BY_ADDRESS if part in url.lower()), OTHER)


@functools.cache
def svg(name: str) -> str:
    """The SVG markup of Material's icon ``name``, hidden from screen readers; "" if there is none."""
    folder = _icon_folder()
    path = folder / f"{name}.svg" if folder else None
    if path is None or not path.is_file():
        return ""  # a link without an icon still works
    return path.read_text(encoding="utf-8").strip().replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _icon_folder() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
