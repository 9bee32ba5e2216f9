"""Builds of a site as ``mkdocs serve`` runs them, in one process, without the server.

    python tests/servelike.py PROJECT SITE_DIR [--dirty]

It builds once, then again each time it reads a line on its standard input, and
answers each build with one line: ``built``, or ``failed: <why>``. As serve does,
``mkdocs.yml`` is loaded afresh for every rebuild (the plugins and the hook stay the
same objects), the site's address is the server's, and the first build's plugins are
started with the command ``serve``. Its end (standard input closed) is serve's end.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("site_dir")
    parser.add_argument("--dirty", action="store_true")
    args = parser.parse_args()
    # MkDocs' messages on standard error, as its command line shows them.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    def config_now():
        config = load_config(f"{args.project}/mkdocs.yml", site_dir=args.site_dir)
        config.site_url = SERVE_URL
        return config

    config = config_now()
    config.plugins.on_startup(command="serve", dirty=args.dirty)
    for number, _ in enumerate(itertools.chain([""], sys.stdin)):
        if number:
            config = config_now()
        try:
            build(config, serve_url=SERVE_URL, dirty=args.dirty)
            print("built", flush=True)
        except Exception as problem:  # serve logs a failed build and goes on serving
            print(f"failed: {problem}", flush=True)
    config.plugins.on_shutdown()


if __name__ == "__main__":
    main()
