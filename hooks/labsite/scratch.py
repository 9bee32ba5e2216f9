"""A folder of this process's own, for files handed to other tools by path (mkdocs-bibtex
reads the checked bibliography from a file).

It lives here rather than in the hook: `mkdocs serve` loads the hook's file afresh for
every rebuild, while this package stays imported, so all rebuilds share one folder and
the last shutdown finds it.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

_folder: Path | None = None


def folder() -> Path:
    """The folder, made on first use; only this user may write in it (``mkdtemp``)."""
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="labsite-"))
    return _folder


def remove() -> None:
    """Remove the folder and everything in it, if it was made."""
    global _folder
    if _folder is not None:
        shutil.rmtree(_folder, ignore_errors=True)
        _folder = None
