"""The command line (``labsite ...`` or ``python -m labsite ...``):

- ``labsite new DIR --name NAME`` writes a new site;
- ``labsite add SOURCE...`` adds papers by DOI, arXiv id, .bib file or ``-`` (``labsite.adding``);
- ``labsite citations`` fetches the papers' citation counts from OpenAlex (``labsite.citing``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .adding import add
from .citing import refresh
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
    adding = commands.add_parser(
        "add", help="add papers by DOI, arXiv id, .bib file or - (BibTeX on standard input)",
        description="Add each paper as one clean BibTeX entry: metadata from Crossref (a DOI) or arXiv (an "
                    "arXiv id), the venue recognised against docs/data/venues.yml, a key no entry has. A paper "
                    "already on the site is refused; an arXiv preprint there gets the venue its DOI gives. Any "
                    "failure writes nothing.")
    adding.add_argument("sources", metavar="SOURCE", nargs="+",
                        help="10.1234/x, doi:…, https://doi.org/…; 2412.13795, arXiv:2412.13795v2, an arxiv.org "
                             "address; a .bib file; - for BibTeX on standard input")
    adding.add_argument("--to", type=Path, help="the .bib file to add to (default: the first file in bib/)")
    adding.add_argument("--dry-run", action="store_true", help="print what would be written, and write nothing")
    adding.add_argument("--site", type=Path, default=Path("."), help="the site's folder (default: this one)")
    counting = commands.add_parser(
        "citations", help="fetch the papers' citation counts from OpenAlex into docs/data/citedby.yml",
        description="For every paper with a DOI or an arXiv id, ask OpenAlex how many works cite it, in all "
                    "and by year, and write the counts with today's date into docs/data/citedby.yml, which the "
                    "build reads. A paper OpenAlex does not find keeps its last count, with a warning.")
    counting.add_argument("--site", type=Path, default=Path("."), help="the site's folder (default: this one)")
    args = parser.parse_args(argv)
    if args.command in ("add", "citations"):
        status, out, err = add(args.site, args.sources, args.to, args.dry_run) if args.command == "add" \
            else refresh(args.site)
        for line in out:
            print(line)
        for line in err:
            print(line, file=sys.stderr)
        return status

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
