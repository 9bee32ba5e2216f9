"""MkDocs hook of the lab site: turns MkDocs events into calls of ``labsite``.

- ``on_config`` loads ``docs/data/*.yml`` and the BibTeX files, logs each data
  error as one line, and hands mkdocs-bibtex a copy of the bibliography without
  the broken entries, so that its own parser cannot stop the build;
- ``on_page_markdown`` expands the ``[% ... %]`` directives of each page;
- ``on_post_build`` fails ``mkdocs build`` if there were errors, after the rest of
  the site was written; ``mkdocs serve`` keeps serving it.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import get_data

from labsite import directives
from labsite.bibtex_export import cleaned_bibtex
from labsite.site import FileCache, SiteData, load

log = logging.getLogger("mkdocs.hooks.lab")

_command: str | None = None
_cache = FileCache()
_data = SiteData()
_errors: list = []


def on_startup(command, dirty):
    global _command
    _command = command


@event_priority(100)  # before mkdocs-bibtex reads its bib_file
def on_config(config):
    global _data, _errors
    project = Path(config.config_file_path).parent
    bibtex = config.plugins.get("bibtex")
    bib_dir = Path(bibtex.config.bib_dir) if bibtex and bibtex.config.bib_dir else project / "bib"
    _data, _errors = load(project, Path(config.docs_dir) / "data", sorted(bib_dir.glob("*.bib")), _cache)
    for error in _errors:
        log.error(str(error))
    if bibtex:
        bibtex.config.bib_file = str(_write_if_changed(_export_path(config), cleaned_bibtex(_data.publications)))
    return config


@event_priority(-50)  # after mkdocs-bibtex has turned [@key] citations into footnotes
def on_page_markdown(markdown, page, config, files):
    root = "../" * page.url.count("/")
    page_name = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    markdown, errors = directives.expand(markdown, page_name, _data, root, first_line=_body_start(page))
    for error in errors:
        log.error(str(error))
    _errors.extend(errors)
    return markdown


def on_post_build(config):
    if _errors and _command != "serve":
        raise Abort(f"Aborted: {len(_errors)} data error(s) listed above. "
                    "The site was written without the broken items.")


def _body_start(page) -> int:
    # MkDocs hands over the Markdown without its front matter; errors need the file's own line numbers.
    source = page.file.content_string
    body, _ = get_data(source)
    return source[: len(source) - len(body)].count("\n") + 1


def _export_path(config) -> Path:
    # Outside the project, so that writing it never triggers a `mkdocs serve` rebuild.
    digest = hashlib.sha1(str(config.config_file_path).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "labsite" / digest / "bibliography.bib"


def _write_if_changed(path: Path, content: str) -> Path:
    # mkdocs-bibtex re-reads its file only when it is newer than its last read.
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return path
