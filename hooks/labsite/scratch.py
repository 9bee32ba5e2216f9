"""A folder of this process's own, for files handed to other tools by path (mkdocs-bibtex
reads the checked bibliography from a file): made on first use, shared by every
rebuild of `mkdocs serve`, removed when MkDocs shuts down (the hook's ``on_shutdown``).
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
