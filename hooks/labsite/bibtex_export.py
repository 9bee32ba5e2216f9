"""Publications written back as BibTeX for readers: no broken entries, no site-only fields.

Values are written as they were read (LaTeX and all): pybtex's own writer encodes
them once more, which turns ``\\&`` into ``\\\\&`` and ``_`` in addresses into ``\\_``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pybtex.database import Entry

if TYPE_CHECKING:  # publications uses this module: import for annotations only
    from .publications import Publication

# Fields that steer this site or al-folio and mean nothing to a reference manager: among
# them ``keywords`` (the site's topics) and ``sources`` (where the owner checked the facts).
SITE_FIELDS = {
    "abbr", "selected", "keywords", "sources", "bibtex_show", "preview", "award", "award_name", "presentation",
    "equal_contribution", "corresponding", "code", "slides", "poster", "video", "website", "html",
    "pdf", "supp", "blog", "altmetric", "dimensions", "google_scholar_id", "inspirehep_id",
    "additional_info", "annotation",
}


def cleaned_bibtex(publications: list[Publication]) -> str:
    """BibTeX text of ``publications``, each without the fields in ``SITE_FIELDS``."""
    return "\n".join(p.bibtex for p in publications if p.entry is not None)


def entry_text(key: str, entry: Entry) -> str:
    """BibTeX text of the parsed ``entry``, without the fields in ``SITE_FIELDS``."""
    lines = [f"  {role} = {{{' and '.join(str(person) for person in persons)}}}"
             for role, persons in entry.persons.items()]
    lines += [f"  {name.lower()} = {{{value}}}" for name, value in entry.fields.items()
              if name.lower() not in SITE_FIELDS]
    return f"@{entry.type.lower()}{{{key},\n" + ",\n".join(lines) + "\n}\n"
