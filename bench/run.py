"""Benchmark of the site's hook and build, on synthetic bibliographies.

    python bench/run.py            # 1,000 and 10,000 entries (about 5 minutes)
    python bench/run.py --quick    # 1,000 entries, fewer repeats (about 1 minute)
    python bench/run.py --events   # where a 1,037-page build spends its time, event by event
    python bench/run.py --big-field  # one cited paper with a 100 KB to 1 MB title and abstract
    python bench/run.py --editing  # edit to page: a rebuild after a data edit and a BibTeX edit, as `mkdocs serve` does

It times, on the same generated .bib file:
- the hook's own work: loading (pybtex parsing, checks, records) and rendering the
  publications page, and rendering every paper's own page;
- mkdocs-bibtex rendering the same file as a full bibliography (its \\full_bibliography);
- full `mkdocs build` runs of this site as it is and with 1,000 more papers (one page
  each), each beside a plain Material site with the same number of pages, and of this
  site without mkdocs-bibtex, which shows that plugin's share.

The machine is small and noisy: compare the ratios printed, measured in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from labsite import bibliography, directives, latex, names, site  # noqa: E402
from labsite.render import career, metadata  # noqa: E402

# About 1,200 distinct names, some with accents: names recur across papers, as in a real group's list.
FIRST = ["Lu", "Shiwei", "Ajay", "Mykola", "Zhangyang", "Jörg", "Anaïs", "Tianjin", "Meng", "Gen", "Li", "Xiaolong",
         "Ana", "Ben", "Chen", "Dana", "Emre", "Fatima", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mateo",
         "Nia", "Omar", "Priya", "Quinn", "Rui"]
LAST = ["Yin", "Liu", "Jaiswal", "Pechenizkiy", "Wang", "M{\\\"u}ller", "Fern{\\'a}ndez", "Huang", "Fang", "Shen",
        "Abe", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garc{\\'i}a", "Hoffmann", "Ito", "Jensen", "Kim",
        "Lopez", "Moreau", "Nakamura", "Olsen", "Petrov", "Quist", "Rossi", "Sato", "Tanaka", "Ueda", "Vargas",
        "Weber", "Xu", "Yamamoto", "Zhou", "van der Berg", "de Vries", "O'Neil", "Nowak"]
WORDS = ["sparse", "training", "pruning", "large", "language", "models", "dynamic", "efficient", "networks",
         "lottery", "tickets", "outlier", "layerwise", "low-rank", "graph", "neural", "robust", "learning"]
VENUES = [("ICML", "International Conference on Machine Learning"), ("NeurIPS", "Advances in Neural Information "
          "Processing Systems"), ("ICLR", "International Conference on Learning Representations"),
          ("EMNLP", "Conference on Empirical Methods in Natural Language Processing"), ("UAI", "Uncertainty in AI")]
TOPICS = ["llm-pruning", "sparse-training", "efficient-architectures", "robustness"]


def synthetic_bib(count: int, seed: int = 7) -> str:
    """``count`` realistic entries: 3-12 authors (some accented), braces in titles, site fields."""
    rng = random.Random(seed)
    entries = []
    for number in range(count):
        authors = " and ".join(f"{rng.choice(LAST)}, {rng.choice(FIRST)}" for _ in range(rng.randint(3, 12)))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize() + " with {LLM}s"
        abbr, venue = rng.choice(VENUES)
        year = rng.randint(2005, 2025)
        entries.append(
            f"@inproceedings{{paper{number:05d},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
            f"  booktitle = {{{venue}}},\n  year = {{{year}}},\n  pages = {{{number}--{number + 9}}},\n"
            f"  eprint = {{2401.{number % 99999:05d}}},\n  archiveprefix = {{arXiv}},\n"
            f"  abbr = {{{abbr}}},\n  keywords = {{{rng.choice(TOPICS)}}},\n"
            f"  code = {{https://github.com/example/paper{number}}}\n}}\n")
    return "\n".join(entries)


def best_of(repeats: int, work) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def hook_times(bib: Path, repeats: int) -> dict[str, float]:
    """The hook's own work on ``bib``, each part timed on its own (cold cache each time)."""
    data_dir = ROOT / "docs" / "data"
    loaded = {}

    def load():
        # Cold: forget the names and LaTeX conversions remembered by an earlier repeat.
        for cached in (bibliography._person, names._from_parts, latex.latex_to_text):
            cached.cache_clear()
        bibliography._PARTS.clear()
        loaded["data"], _ = site.load(ROOT, data_dir, [bib], site.FileCache())

    load_time = best_of(repeats, load)
    data = loaded["data"]
    listing = best_of(repeats, lambda: directives.expand("[% publications filters=true %]", "p.md", data,
                                                         directives.PageInfo(root="../")))

    def paper_pages():
        for paper in data.publications:
            directives.expand(f"[% paper key={paper.key} %]", "p.md", data, directives.PageInfo(root="../../"))

    return {"load": load_time, "list": listing, "pages": best_of(repeats, paper_pages)}


def mkdocs_bibtex_time(bib: Path, repeats: int) -> float:
    """mkdocs-bibtex's full-bibliography rendering of ``bib`` (what \\full_bibliography runs)."""
    from mkdocs_bibtex.citation import Citation
    from mkdocs_bibtex.registry import SimpleRegistry

    def render():
        registry = SimpleRegistry(bib_files=[str(bib)])
        for key in registry.bib_data.entries:
            registry.reference_text(Citation(key=key))

    return best_of(repeats, render)


def build_times(projects: dict[str, Path], repeats: int, uncached: frozenset[str] = frozenset()) -> dict[str, list[float]]:
    """CPU seconds (user and system) of ``mkdocs build`` of each project, building them in
    turn, ``repeats`` rounds; the projects named in ``uncached`` lose the hook's disk cache
    (``.cache/``) before each build.

    CPU time, not the wall clock: this machine is shared, and what other processes run
    while a build waits does not count. Taking turns spreads the machine's slow moments
    over all projects alike. Each build starts after the previous one's files are on
    disk, and every other round runs in reverse order: otherwise a build pays for its
    predecessor's writes.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times: dict[str, list[float]] = {name: [] for name in projects}
    for round_number in range(repeats):
        order = list(projects) if round_number % 2 == 0 else list(reversed(projects))
        for name in order:
            project = projects[name]
            if name in uncached:
                shutil.rmtree(project / ".cache", ignore_errors=True)
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                       "-d", str(project / "site")]
            os.sync()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, check=True, env=env, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times


def ratio(ours: list[float], theirs: list[float]) -> str:
    """The median, over rounds, of one round's ratio, and their spread (lowest-highest):
    builds of one round ran close in time, so a slow spell of the machine weighs on both
    sides of each ratio."""
    ratios = sorted(a / b for a, b in zip(ours, theirs))
    return f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f})"


def lab_project(folder: Path, bib_text: str | None = None, bibtex_plugin: bool = True) -> Path:
    """A copy of this site; with ``bib_text`` as an extra .bib file; without mkdocs-bibtex
    (and the pages' ``[@key]`` citations) if ``bibtex_plugin`` is false."""
    folder.mkdir()
    for part in ("mkdocs.yml", "docs", "hooks", "bib", "overrides"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    if bib_text:
        (folder / "bib" / "synthetic.bib").write_text(bib_text, encoding="utf-8")
    if not bibtex_plugin:
        config = folder / "mkdocs.yml"
        text, found = re.subn(r"\n  - bibtex:\n(?:      .*\n)+", "\n", config.read_text())
        assert found == 1, "mkdocs.yml no longer lists the bibtex plugin as this benchmark expects"
        config.write_text(text)
        for page in (folder / "docs").rglob("*.md"):
            page.write_text(re.sub(r" ?\[@[^\]]*\]", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def plain_project(folder: Path, pages: int) -> Path:
    """A plain Material site like this one (same theme settings, navigation and footer), without
    the hook, mkdocs-bibtex or data: its pages are a few paragraphs each, ``pages`` in all."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV SITE_URL", "null"))
    for key in ("hooks", "watch", "extra", "extra_javascript", "exclude_docs"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)  # this site's own 404 page
    # The footer of this site: the owner's links as icons and the copyright line, which the
    # hook takes from the profile, and which a plain site would write into mkdocs.yml.
    profile = site.load(ROOT, ROOT / "docs" / "data", [])[0].profile
    config["extra"] = {"social": career.social_links(profile)}
    config["copyright"] = metadata.site_settings(profile)["copyright"]
    config["plugins"] = ["search"]
    config["not_in_nav"] = "/p/*.md"
    (folder / "docs" / "p").mkdir(parents=True)
    paragraph = " ".join(WORDS * 4)
    nav_pages = [next(iter(item.values())) for item in config["nav"]]
    for name in nav_pages:
        (folder / "docs" / name).write_text(f"# {name}\n\n{paragraph}\n")
    for number in range(pages - len(nav_pages)):
        (folder / "docs" / "p" / f"page{number:05d}.md").write_text(f"# Page {number}\n\n{paragraph}\n\n{paragraph}\n")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return folder


def site_rows(tmp: Path, real_papers: int, repeats: int, sizes: list[int]) -> list[tuple[str, str]]:
    """Builds of this site as it is and with ``sizes`` more papers, each beside a plain Material
    site with as many pages; this site without mkdocs-bibtex, to show its share; and with
    1,000 more papers and no disk cache, as a first build on a fresh checkout runs. Sizes
    above 1,000 take 5 rounds of their own (a 10,000-paper build takes half a minute)."""
    real_pages = real_papers + len(list((ROOT / "docs").glob("*.md")))
    projects = {
        "real": lab_project(tmp / "real"),
        "real-no-bibtex": lab_project(tmp / "real-no-bibtex", bibtex_plugin=False),
        "plain-real": plain_project(tmp / "plain-real", real_pages),
        "big-1000": lab_project(tmp / "big-1000", synthetic_bib(1000)),
        "big-1000-uncached": lab_project(tmp / "big-1000-uncached", synthetic_bib(1000)),
        "plain-1000": plain_project(tmp / "plain-1000", real_pages + 1000),
    }
    times = build_times(projects, repeats, uncached=frozenset({"big-1000-uncached"}))
    for size in (size for size in sizes if size > 1000):
        times.update(build_times({f"big-{size}": lab_project(tmp / f"big-{size}", synthetic_bib(size)),
                                  f"plain-{size}": plain_project(tmp / f"plain-{size}", real_pages + size)},
                                 min(repeats, 5)))
    best = {name: min(values) for name, values in times.items()}
    rows = [
        (f"mkdocs build, this site, {real_pages} pages ({real_papers} papers)", f"{best['real']:.2f}"),
        (f"mkdocs build, this site without mkdocs-bibtex and its citations, {real_pages} pages",
         f"{best['real-no-bibtex']:.2f}"),
        (f"mkdocs build, plain Material site, {real_pages} pages", f"{best['plain-real']:.2f}"),
        ("ratio: this site / plain Material site", ratio(times["real"], times["plain-real"])),
        ("ratio: this site without mkdocs-bibtex / plain Material site",
         ratio(times["real-no-bibtex"], times["plain-real"])),
    ]
    for size in sizes:
        pages = real_pages + size
        rows += [(f"mkdocs build, this site with {size:,} more papers, {pages:,} pages", f"{best[f'big-{size}']:.2f}"),
                 (f"mkdocs build, plain Material site, {pages:,} pages", f"{best[f'plain-{size}']:.2f}"),
                 (f"ratio: this site with {size:,} more papers / plain Material site",
                  ratio(times[f"big-{size}"], times[f"plain-{size}"]))]
        if size == 1000:
            rows.append(("ratio: the same, each build without the disk cache (a fresh checkout)",
                         ratio(times["big-1000-uncached"], times["plain-1000"])))
    return rows


def event_times(project: Path) -> dict[str, float]:
    """Seconds each MkDocs event took (every plugin and the hook together) in one build of ``project``.

    The build runs in this process, with MkDocs' event dispatch timed: it shows where
    a build's time goes, beside what Markdown and the theme's templates take.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    spent: dict[str, float] = defaultdict(float)
    dispatch = PluginCollection.run_event

    def timed(self, name, *args, **kwargs):
        start = time.perf_counter()
        try:
            return dispatch(self, name, *args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    PluginCollection.run_event = timed
    try:
        start = time.perf_counter()
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
        spent["the whole build, after loading mkdocs.yml"] = time.perf_counter() - start
    finally:
        PluginCollection.run_event = dispatch
    return spent


def event_rows(tmp: Path, pages: int) -> list[tuple[str, float, float]]:
    """Per-event times of one cold build of this site with 1,000 more papers and of a plain
    site with ``pages`` pages. (Within one process only the first build is cold: the
    hook's modules remember names and LaTeX conversions.)"""
    ours = event_times(lab_project(tmp / "events-big", synthetic_bib(1000)))
    os.sync()
    plain = event_times(plain_project(tmp / "events-plain", pages))
    return [(name if name.startswith("the ") else f"event `{name}`", ours[name], plain.get(name, 0.0))
            for name in sorted(ours, key=lambda name: -ours[name]) if ours[name] >= 0.005]


SERVE_URL = "http://127.0.0.1:8000/"
TITLE = re.compile(r"(?m)^(\s*title\s*=\s*\{)")  # a BibTeX entry's title, not its booktitle


def rebuild_series(project: Path, dirty: bool, edits: int = 5) -> dict[str, float]:
    """Median seconds (wall clock and CPU) of a rebuild after an edit, as `mkdocs serve` rebuilds
    (with ``--dirty`` if ``dirty``): in one process, the plugins started once, mkdocs.yml loaded
    afresh for each rebuild, the site's address the server's.

    Each edit alternates with its undoing: a talk added to talks.yml, and in each .bib
    file, its first paper's title changed. Run in a process of its own (``--series``): plugins keep
    their state from one build to the next, as serve keeps them.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config_now():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        config.site_url = SERVE_URL
        return config

    def rebuild() -> tuple[float, float]:
        config = config_now()
        wall, cpu = time.perf_counter(), time.process_time()
        build(config, serve_url=SERVE_URL, dirty=dirty)
        return time.perf_counter() - wall, time.process_time() - cpu

    config_now().plugins.on_startup(command="serve", dirty=dirty)
    talks = project / "docs" / "data" / "talks.yml"
    edits_of = {"talks.yml": (talks, lambda text: text + "  - year: 2025\n    title: An edit\n    host: Somewhere\n")}
    for bib in sorted((project / "bib").glob("*.bib")):  # the first paper's title in each file
        entries = len(TITLE.findall(bib.read_text(encoding="utf-8")))
        edits_of[f"a title in {bib.name} ({entries:,} entries)"] = (bib, lambda text: TITLE.sub(r"\1Edited ", text, 1))
    rebuild()  # the first build: cold, as when `mkdocs serve` starts
    results = {}
    for name, (path, edit) in edits_of.items():
        original = path.read_text(encoding="utf-8")
        assert edit(original) != original, f"the benchmark's edit of {path.name} changes nothing"
        walls, cpus = [], []
        for number in range(edits):
            path.write_text(edit(original) if number % 2 == 0 else original, encoding="utf-8")
            wall, cpu = rebuild()
            walls.append(wall)
            cpus.append(cpu)
        path.write_text(original, encoding="utf-8")
        results[f"{name}, wall"] = statistics.median(walls)
        results[f"{name}, CPU"] = statistics.median(cpus)
    return results


def rebuild_times(project: Path, dirty: bool) -> dict[str, float]:
    """:func:`rebuild_series` of ``project``, in a process of its own."""
    command = [sys.executable, __file__, "--series", str(project)] + (["--dirty"] if dirty else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return json.loads(done.stdout)


def editing_rows(tmp: Path, real_papers: int) -> list[tuple[str, float]]:
    """Edit-to-page rebuild times of this site and of it with 1,000 more papers, with
    `mkdocs serve --dirty` (only the pages an edit touches) and plain `mkdocs serve`."""
    rows = []
    for label, bib_text in ((f"this site ({real_papers} papers)", None), ("1,000 more papers", synthetic_bib(1000))):
        for dirty in (True, False):
            project = lab_project(tmp / f"editing-{len(rows)}", bib_text)
            serve = "mkdocs serve --dirty" if dirty else "mkdocs serve"
            rows += [(f"{label}, `{serve}`: {what}", seconds) for what, seconds in rebuild_times(project, dirty).items()]
    return rows


def big_field_bib(size: int) -> str:
    """One entry whose title and abstract are about ``size`` characters each: hyphenated words
    in the title (the case that grew with the square of the length), LaTeX in the abstract."""
    title = "low-rank sparse-training " * (size // 25)
    abstract = "\\textbf{x} and $x_1$ " * (size // 20)
    return (f"@inproceedings{{bigfield2024,\n  author = {{Yin, Lu}},\n  title = {{{title}}},\n"
            f"  abstract = {{{abstract}}},\n  booktitle = {{B}},\n  year = {{2024}}\n}}\n")


def big_field_rows(tmp: Path, repeats: int) -> list[tuple[str, float]]:
    """Build times of this site with one cited paper whose fields grow: linear means that the
    time added per megabyte stays the same from 100 KB to 1 MB."""
    projects = {0: lab_project(tmp / "field-0")}
    for size in (100_000, 300_000, 1_000_000):
        projects[size] = lab_project(tmp / f"field-{size}", big_field_bib(size))
        research = projects[size] / "docs" / "research.md"
        research.write_text(research.read_text(encoding="utf-8") + "\nSee [@bigfield2024].\n", encoding="utf-8")
    best = {size: min(times) for size, times in build_times(projects, repeats).items()}
    rows = [("this site", best[0])]
    for size in (100_000, 300_000, 1_000_000):
        rows.append((f"with a {size // 1000:,} KB title and abstract, cited", best[size]))
        rows.append((f"  time added per MB at {size // 1000:,} KB", (best[size] - best[0]) / (size / 1e6)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 entries only, fewer repeats")
    parser.add_argument("--hook-only", action="store_true", help="skip the mkdocs builds")
    parser.add_argument("--events", action="store_true",
                        help="only: time each MkDocs event in one build at 1,037 pages, against a plain site")
    parser.add_argument("--editing", action="store_true",
                        help="only: rebuild times after a data edit and a BibTeX edit, as mkdocs serve rebuilds")
    parser.add_argument("--series", metavar="PROJECT", help=argparse.SUPPRESS)  # one process of --editing
    parser.add_argument("--dirty", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--big-field", action="store_true",
                        help="only: build times with one paper's fields of 100 KB to 1 MB")
    args = parser.parse_args()
    if args.series:
        print(json.dumps(rebuild_series(Path(args.series), args.dirty)))
        return
    if args.big_field:
        with tempfile.TemporaryDirectory() as tmp:
            rows = big_field_rows(Path(tmp), repeats=3)
        print("| build | seconds |\n| --- | ---: |")
        for label, seconds in rows:
            print(f"| {label} | {seconds:.2f} |")
        return
    real_papers = len(site.load(ROOT, ROOT / "docs" / "data", sorted((ROOT / "bib").glob("*.bib")))[0].publications)
    if args.editing:
        with tempfile.TemporaryDirectory() as tmp:
            rows = editing_rows(Path(tmp), real_papers)
        print("| edit to page: rebuild after an edit (median of 5 edits) | seconds |\n| --- | ---: |")
        for label, seconds in rows:
            print(f"| {label} | {seconds:.2f} |")
        return
    if args.events:
        pages = real_papers + len(list((ROOT / "docs").glob("*.md"))) + 1000
        with tempfile.TemporaryDirectory() as tmp:
            rows = event_rows(Path(tmp), pages)
        print(f"| {pages:,} pages | this site, s | plain Material, s |\n| --- | ---: | ---: |")
        for label, ours, plain in rows:
            print(f"| {label} | {ours:.2f} | {plain:.2f} |")
        return
    sizes, repeats, build_repeats = ([1000], 1, 3) if args.quick else ([1000, 10000], 2, 9)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in sizes:
            bib = tmp / f"synthetic-{size}.bib"
            bib.write_text(synthetic_bib(size), encoding="utf-8")
            hook = hook_times(bib, repeats)
            theirs = mkdocs_bibtex_time(bib, repeats)
            rows.append((f"{size:,} entries: hook, load + publications page", f"{hook['load'] + hook['list']:.2f}"))
            rows.append((f"{size:,} entries: hook, every paper's own page", f"{hook['pages']:.2f}"))
            rows.append((f"{size:,} entries: mkdocs-bibtex, full bibliography", f"{theirs:.2f}"))
        if not args.hook_only:
            rows += site_rows(tmp, real_papers, build_repeats, sizes)

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; best of {repeats} (hook, mkdocs-bibtex), "
          f"builds: CPU seconds, best of {build_repeats} rounds (5 at 10,000), ratios: median of the rounds "
          f"(lowest-highest)\n")
    print("| what | seconds, or ratio |\n| --- | ---: |")
    for label, value in rows:
        print(f"| {label} | {value} |")

if __name__ == "__main__":
    main()
