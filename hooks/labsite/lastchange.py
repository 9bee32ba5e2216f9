"""When the site's data last changed: the date that the CV's "last updated" and the
counts' "as of" give, which a rebuild alone must not move.

In a git checkout it is the newest commit that touched the data, or the time an
uncommitted edit of it was saved, whichever is later; elsewhere (a copy, an unpacked
archive, a checkout whose git cannot be run) it is the newest time a data file was saved.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

GIT_TIMEOUT = 10  # seconds: a repository on a slow disk, not a hung build


def last_change(folder: Path, paths: list[Path]) -> datetime.date | None:
    """The day (UTC) the files at ``paths`` (files or folders) last changed, as seen from
    the project ``folder``; None when there are none."""
    files = [file for path in paths for file in _files(path)]
    committed = _git(folder, ["log", "-1", "--format=%ct", "--", *map(str, paths)])
    if not committed:  # no git, no repository, or nothing of the data committed yet
        return _newest(files)
    # Edited since, or new: paths relative to ``folder``, where git runs.
    listed = _git(folder, ["ls-files", "--modified", "--others", "--exclude-standard", "-z", "--",
                           *map(str, paths)]) or ""
    edited = [folder / name for name in listed.split("\0") if name]
    day = _day(int(committed))
    saved = _newest(edited)
    return max(day, saved) if saved else day


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return [file for file in path.rglob("*") if file.is_file()]
    return [path] if path.is_file() else []


def _newest(files: list[Path]) -> datetime.date | None:
    times = []
    for file in files:
        try:
            times.append(file.stat().st_mtime)
        except OSError:  # gone since it was listed (a deleted file git reports)
            continue
    return _day(max(times)) if times else None


def _day(timestamp: float) -> datetime.date:
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.timezone.utc).date()


def _git(folder: Path, arguments: list[str]) -> str | None:
    """What ``git arguments`` printed in ``folder``, stripped; None if it could not say."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True,
                              timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None
