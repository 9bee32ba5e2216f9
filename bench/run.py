"""Benchmark of the site's hook and build, on synthetic bibliographies.

    python bench/run.py            # 1,000 and 10,000 entries, 3 repeats (about 3 minutes)
    python bench/run.py --quick    # 1,000 entries, 1 repeat

It times, on the same generated .bib file:
- the hook's own work: loading (pybtex parsing, checks, records) and rendering the
  publications page, and rendering every paper's own page;
- mkdocs-bibtex rendering the same file as a full bibliography (its \\full_bibliography);
- full `mkdocs build` runs: this site with one page per paper, and a plain Material
  site with the same number of pages.

The machine is small and noisy: compare the ratios printed, measured in one run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from labsite import bibliography, directives, names, site  # noqa: E402

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
        for cached in (bibliography._person, names._from_parts, names.latex_to_text):
            cached.cache_clear()
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


def build_time(project: Path, repeats: int) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
               "-d", str(project / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build():
        subprocess.run(command, check=True, env=env, capture_output=True)

    return best_of(repeats, build)


def lab_project(folder: Path, bib_text: str) -> Path:
    folder.mkdir()
    for part in ("mkdocs.yml", "docs", "hooks", "bib"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    (folder / "bib" / "synthetic.bib").write_text(bib_text, encoding="utf-8")
    return folder


def plain_project(folder: Path, pages: int) -> Path:
    """A plain Material site like this one (same theme settings and navigation), without the
    hook, mkdocs-bibtex or data: its pages are a few paragraphs each, ``pages`` in all."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV SITE_URL", "null"))
    for key in ("hooks", "watch", "extra", "extra_javascript", "exclude_docs"):
        config.pop(key, None)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 entries only, one repeat")
    parser.add_argument("--hook-only", action="store_true", help="skip the mkdocs builds")
    args = parser.parse_args()
    sizes, repeats = ([1000], 1) if args.quick else ([1000, 10000], 2)
    real_papers = len(site.load(ROOT, ROOT / "docs" / "data", sorted((ROOT / "bib").glob("*.bib")))[0].publications)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in sizes:
            bib = tmp / f"synthetic-{size}.bib"
            bib.write_text(synthetic_bib(size), encoding="utf-8")
            hook = hook_times(bib, repeats)
            theirs = mkdocs_bibtex_time(bib, repeats)
            rows.append((f"{size:,} entries: hook, load + publications page", hook["load"] + hook["list"]))
            rows.append((f"{size:,} entries: hook, every paper's own page", hook["pages"]))
            rows.append((f"{size:,} entries: mkdocs-bibtex, full bibliography", theirs))
        if not args.hook_only:
            pages = 1000 + real_papers + len(list((ROOT / "docs").glob("*.md")))
            ours = build_time(lab_project(tmp / "lab", synthetic_bib(1000)), repeats)
            plain = build_time(plain_project(tmp / "plain", pages), repeats)
            rows.append((f"mkdocs build, this site, {pages:,} pages (one per paper, {1000 + real_papers:,} papers)",
                         ours))
            rows.append((f"mkdocs build, plain Material site, {pages:,} pages", plain))
            rows.append(("ratio: this site / plain Material build", ours / plain))

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, best of {repeats}\n")
    print("| what | seconds |\n| --- | ---: |")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
