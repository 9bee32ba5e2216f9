"""The bibliography written back as BibTeX, without broken entries or site-only fields."""

from __future__ import annotations

from pybtex.database import BibliographyData, Entry

from .publications import Publication

# Fields that steer the website and mean nothing to a reference manager.
SITE_FIELDS = {"abbr", "selected", "bibtex_show", "preview", "award", "presentation", "keywords",
               "equal_contribution", "code", "slides", "poster", "video", "website", "html", "pdf"}


def cleaned_bibtex(publications: list[Publication]) -> str:
    """BibTeX text of ``publications``, each without the fields in ``SITE_FIELDS``."""
    entries = {p.key: _without_site_fields(p.entry) for p in publications if p.entry is not None}
    if not entries:
        return ""
    return BibliographyData(entries=entries).to_string("bibtex")


def _without_site_fields(entry: Entry) -> Entry:
    fields = {name: value for name, value in entry.fields.items() if name.lower() not in SITE_FIELDS}
    return Entry(entry.type, fields=fields, persons=entry.persons)
