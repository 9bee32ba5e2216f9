"""Fuzzing the data: mutate the example site's data files with a seed, then load and render in-process.

    python tests/fuzz.py                          # 200 mutations, seed 1
    python tests/fuzz.py --runs 5000 --seed 7     # a longer run
    python tests/fuzz.py --seconds 600            # as many as fit in ten minutes
    python tests/fuzz.py --site .                 # the site at the repository's root, not the example

Each run takes one data file (``docs/data/*.yml`` or ``bib/*.bib``) of a copy of the
example site (tests/example/, or the site ``--site`` names) with the engine, applies a few random mutations of the kinds a careless editor or an attacker makes
(a deleted or doubled line, a lost quote or brace, a blank line, a payload such as
``{: onfocus=alert(1) }`` pasted anywhere, a character from another script), then
loads the whole site's data and renders every page the way the hook does
(directives, stash, Python-Markdown, unstash). It fails on the first run where:

- anything raises: every problem must become a :class:`DataError`;
- an error names no file of the project, or a line outside that file;
- a rendered page holds live script (an ``on...`` attribute, ``autofocus``, or a
  ``javascript:``, ``vbscript:`` or ``data:`` address).

A failure prints the seed and run number, and the mutated file is kept for replay.
``tests/test_fuzz.py`` runs a bounded number of mutations in CI.
"""

from __future__ import annotations

import argparse
import random
import datetime
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import markdown as python_markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import EXAMPLE, copy_project  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from labsite import directives, stash  # noqa: E402
from labsite.render import metadata  # noqa: E402
from labsite.render.news import atom_feed  # noqa: E402
from labsite.render.publications import pdf_url  # noqa: E402
from labsite.site import FileCache, load  # noqa: E402
from scan import html_suspects  # noqa: E402

PAYLOADS = [
    "\n\n", "\n\nDetails\n{: tabindex=0 autofocus onfocus=alert(1) }\n\n", "[x](javascript:alert(1))",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "-->", "<!--lab-stash-0-->",
    "[% news %]", "[@lovelace2024layerwise]", "\\", "\\\\", "\\par ", "%", "{", "}", "'", '"', "&amp;", "@", "#",
    "²⁰²⁴", "李", "\u202e", "\t", " , , , ", "javascript:alert(1)", "!!float x", "&a [*a]", "*a", "- ", ": ",
]


def mutate(text: str, rng: random.Random) -> str:
    """``text`` after one to three random edits."""
    for _ in range(rng.randint(1, 3)):
        lines = text.split("\n")
        kind = rng.choice(("payload", "delete_line", "double_line", "swap_lines", "drop_char", "truncate", "indent"))
        where = rng.randrange(len(lines))
        if kind == "payload":
            position = rng.randrange(len(text) + 1)
            text = text[:position] + rng.choice(PAYLOADS) + text[position:]
            continue
        if kind == "delete_line":
            del lines[where]
        elif kind == "double_line":
            lines.insert(where, lines[where])
        elif kind == "swap_lines":
            other = rng.randrange(len(lines))
            lines[where], lines[other] = lines[other], lines[where]
        elif kind == "indent":
            lines[where] = rng.choice(("  ", "\t", "")) + lines[where].lstrip()
        text = "\n".join(lines)
        if kind == "drop_char" and text:
            position = rng.randrange(len(text))
            text = text[:position] + text[position + 1:]
        elif kind == "truncate":
            text = text[: rng.randrange(len(text) + 1)]
    return text


@dataclass
class Site:
    """A copy of a site (the example by default) with the engine, loaded and rendered in-process."""

    folder: Path
    source: Path = EXAMPLE

    def __post_init__(self) -> None:
        copy_project(self.folder, self.source)
        config = load_config(str(self.folder / "mkdocs.yml"))
        self._extensions = (config.markdown_extensions, config.mdx_configs)
        self._cache = FileCache()
        self.pages = {path.relative_to(self.folder / "docs").as_posix(): path.read_text(encoding="utf-8")
                      for path in sorted((self.folder / "docs").glob("*.md"))}

    def data_files(self) -> list[Path]:
        """The files a mutation may touch."""
        return sorted((self.folder / "docs" / "data").glob("*.yml")) + sorted((self.folder / "bib").glob("*.bib"))

    def render(self) -> tuple[dict[str, str], list]:
        """Every page's HTML (by source path) and every error found on the way."""
        docs = self.folder / "docs"
        data, errors = load(self.folder, docs / "data", sorted((self.folder / "bib").glob("*.bib")), self._cache,
                            docs_dir=docs)
        sources = dict(self.pages)
        sources.update({f"publications/{paper.slug}.md": directives.paper_page_source(paper)
                        for paper in data.publications})
        pages = {}
        for name, source in sources.items():
            body = source.split("---\n", 2)[2] if source.startswith("---\n") else source
            info = directives.PageInfo(root="../" * (name.count("/") + (name != "index.md")))
            expanded, page_errors = directives.expand(body, f"docs/{name}", data, info)
            errors += page_errors
            hidden, blocks = stash.stash(expanded)
            converter = python_markdown.Markdown(extensions=self._extensions[0], extension_configs=self._extensions[1])
            pages[name] = stash.unstash(converter.convert(hidden), blocks)
        pages.update(self._heads(data))
        return pages, errors

    @staticmethod
    def _heads(data) -> dict[str, str]:
        # What the hook adds to pages' heads (on_post_page), and the news feed (on_files).
        site_url = "https://example.org/"
        heads = {f"head of publications/{paper.slug}/":
                 metadata.paper_head(paper, f"{site_url}p/", pdf_url(paper, site_url))
                 + metadata.social_tags(paper.title, metadata.paper_summary(paper), "Site", None, None, "article")
                 for paper in data.publications}
        heads["head of the home page"] = metadata.person_head(data.profile, site_url)
        # Made for what it may raise; ElementTree writes it, and the hostile build's scan reads it.
        atom_feed(data.news, "Site", data.profile.name, site_url, datetime.date(2025, 6, 1))
        return heads


def problems_of(site: Site, pages: dict[str, str], errors: list) -> list[str]:
    """What is wrong with one run's outcome (nothing, normally)."""
    found = []
    known = {path.relative_to(site.folder).as_posix(): path for path in site.data_files()}
    known.update({f"docs/{name}": site.folder / "docs" / name for name in pages})
    for error in errors:
        path = known.get(error.path)
        if path is None:
            found.append(f"an error names no file of the project: {error}")
        elif error.line is not None and not 1 <= error.line <= _line_count(path):
            found.append(f"an error points past the end of its file: {error}")
    for name, html in pages.items():
        found += [str(suspect) for suspect in html_suspects(html, name, parser="html.parser")]
    return found


def _line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n") + 1 if path.is_file() else 1


def run(seed: int, runs: int, seconds: float | None = None, keep: Path | None = None,
        source: Path = EXAMPLE) -> list[str]:
    """Fuzz ``runs`` mutations (or until ``seconds`` pass) of the data of the site in
    ``source``; the problems of the first failing run."""
    rng = random.Random(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="labsite-fuzz-") as folder:
        site = Site(Path(folder), source)
        for number in range(runs):
            if seconds is not None and time.monotonic() - started > seconds:
                break
            path = rng.choice(site.data_files())
            original = path.read_text(encoding="utf-8")
            path.write_text(mutate(original, rng), encoding="utf-8")
            try:
                problems = problems_of(site, *site.render())
            except Exception:  # the point of the harness: nothing may escape the loader and renderers
                problems = [traceback.format_exc()]
            if problems:
                where = f"seed {seed}, run {number}, file {path.relative_to(site.folder)}"
                if keep is not None:
                    shutil.copy2(path, keep / path.name)
                    where += f" (kept as {keep / path.name})"
                return [where] + problems
            path.write_text(original, encoding="utf-8")
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=None, help="stop after this long, whatever --runs says")
    parser.add_argument("--site", type=Path, default=EXAMPLE,
                        help="the folder of the site whose data to mutate (default: tests/example)")
    args = parser.parse_args()
    problems = run(args.seed, args.runs if args.seconds is None else sys.maxsize, args.seconds, keep=Path.cwd(),
                   source=args.site.resolve())
    print("\n".join(problems) if problems else "no problem found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
