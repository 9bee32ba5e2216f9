"""The command line: ``python -m labsite new DIR --name NAME`` (or ``labsite new ...``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .scaffold import ScaffoldError, new_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="labsite", description="Tools for a research group's MkDocs site.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser("new", help="write a new site into a new or empty folder",
                              description="Write a new site: mkdocs.yml, the pages, every data file with "
                                          "a commented example entry, an empty bib/, the engine, CI and "
                                          "the GitHub Pages workflow. It builds with `mkdocs build --strict` "
                                          "as written; then fill in docs/data/ and bib/.")
    new.add_argument("folder", metavar="DIR", type=Path, help="where to write the site (new or empty)")
    new.add_argument("--name", required=True, help='whom the site is about, e.g. "Ada Lovelace"')
    new.add_argument("--position", default="Your position", help='e.g. "Assistant Professor"')
    new.add_argument("--institution", default="Your institution", help='e.g. "University of London"')
    new.add_argument("--title", help="the site's name in its header and tab (default: the name)")
    args = parser.parse_args(argv)

    try:
        written = new_site(args.folder, args.name, args.position, args.institution, args.title)
    except ScaffoldError as problem:
        print(f"labsite new: {problem}", file=sys.stderr)
        return 2
    except OSError as problem:  # e.g. no permission to write there
        print(f"labsite new: cannot write {problem.filename or args.folder}: {problem.strerror or problem}",
              file=sys.stderr)
        return 2
    print(f"Wrote a new site for {' '.join(args.name.split())} in {args.folder} ({len(written)} files). Next:\n"
          f"  cd {args.folder} && python3 -m venv .venv && . .venv/bin/activate && pip install -e . "
          f"&& mkdocs serve --dirty\n"
          f"then fill in docs/data/*.yml (profile.yml first) and paste your BibTeX into bib/publications.bib.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
