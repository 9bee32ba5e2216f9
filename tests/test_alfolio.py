"""BibTeX written for al-folio renders without edits (fixtures in tests/fixtures/alfolio/)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import run_build

from labsite import bibliography, publications

FIXTURES = Path(__file__).parent / "fixtures" / "alfolio"
VALID = {
    "papers.bib": ["curie2021sparse", "noether2023pruning", "lovelace1843notes", "hopper1952compiler"],
    "more.bib": ["turing1938systems", "shannon1937symbolic", "vonneumann1945draft", "lecun2020chapter",
                 "goodfellow2024preprint", "bengio2022workshop"],
    "broken.bib": ["babbage1822good", "boole1854laws"],
}


def load(name):
    bib = bibliography.load(FIXTURES / name, f"bib/{name}")
    papers, errors = publications.from_entries(bib.entries)
    return {p.key: p for p in papers}, bib.errors + errors


def test_every_valid_entry_loads_and_only_the_malformed_one_is_reported():
    for name, keys in VALID.items():
        papers, errors = load(name)
        assert list(papers) == keys, name
        expected = ["bib/broken.bib:14: broken1900entry: syntax error: '}' expected (is a comma missing "
                    "between two fields?)"] if name == "broken.bib" else []
        assert [str(e) for e in errors] == expected, name


def test_alfolio_fields_are_read():
    papers, _ = load("papers.bib")
    curie = papers["curie2021sparse"]
    assert [a.display() for a in curie.authors] == ["Marie Curie", "Jörg Müller", "Andrew Ng"]
    assert (curie.venue, curie.publisher, curie.number, curie.month) == (
        "Journal of Machine Learning Research", "JMLR.org", "7", 5)
    assert curie.selected and curie.abstract.startswith("We study") and curie.abbr == "JMLR"
    assert ("PDF", "assets/pdf/curie2021sparse.pdf") in curie.links and ("HTML", curie.links[2][1]) in curie.links
    noether = papers["noether2023pruning"]
    assert noether.arxiv == "2301.01234" and noether.award == "Outstanding Paper"
    assert noether.authors[2].display() == "Jean-François École"
    assert [label for label, _ in noether.links] == ["Code", "Project page", "Supplement"]


def test_other_entry_types_crossref_and_math_read_right():
    papers, _ = load("more.bib")
    assert papers["turing1938systems"].kind_label == "PhD thesis" and papers["turing1938systems"].month == 6
    assert papers["vonneumann1945draft"].venue == "University of Pennsylvania"
    chapter = papers["lecun2020chapter"]
    assert (chapter.kind_label, chapter.venue, chapter.year) == ("Book chapter", "Handbook of Efficient Learning", 2020)
    assert papers["goodfellow2024preprint"].title == "An ℓ_1 Penalty for 𝒪(n) Training of LLMs"
    workshop = papers["bengio2022workshop"]
    assert workshop.venue == "International Conference on Machine Learning Workshop on Efficient Systems"
    assert workshop.kind_label == "Workshop paper" and workshop.presentation == "spotlight"


def test_alfolio_files_dropped_into_bib_render_every_valid_entry(project):
    for name in VALID:
        shutil.copy(FIXTURES / name, project / "bib" / name)
    (project / "docs" / "assets" / "pdf").mkdir(parents=True)
    (project / "docs" / "assets" / "pdf" / "curie2021sparse.pdf").write_bytes(b"%PDF-1.4\n")
    result, site = run_build(project, strict=False)

    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "bib/broken.bib:14: broken1900entry" in errors[0]
    assert result.returncode != 0  # the build reports the mistake...
    listing = BeautifulSoup((site / "publications" / "index.html").read_text(), "html.parser")
    for key in (key for keys in VALID.values() for key in keys):  # ...after writing everything else
        assert listing.find(id=key) is not None, key
        assert (site / "publications" / key / "index.html").is_file(), key
    curie = listing.find(id="curie2021sparse")
    assert curie.find("a", string="PDF")["href"] == "../assets/pdf/curie2021sparse.pdf"
    assert "Outstanding Paper" in listing.find(id="noether2023pruning").get_text()


REAL = Path(__file__).parent / "fixtures" / "real"


def build_with_only(project, bib_file, owner=None):
    """``project`` with ``bib_file`` as its whole bibliography, pages and data no longer naming
    the site's own papers, built without --strict; ``owner`` (name, other spelling), when
    given, replaces the example's owner in the profile."""
    for old in (project / "bib").glob("*.bib"):
        old.unlink()
    shutil.copy(bib_file, project / "bib" / bib_file.name)
    for page in (project / "docs").glob("*.md"):
        page.write_text(re.sub(r" ?\[@[^\]]*\]", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    for data in (project / "docs" / "data").glob("*.yml"):
        data.write_text(re.sub(r"(?m)^\s+paper: .*\n", "", data.read_text(encoding="utf-8")), encoding="utf-8")
    if owner is not None:
        profile = project / "docs" / "data" / "profile.yml"
        text = re.sub(r"(?m)^name: .*$", f"name: {owner[0]}", profile.read_text(encoding="utf-8"))
        profile.write_text(re.sub(r"(?m)^author_names: .*$", f"author_names: [{owner[1]}]", text), encoding="utf-8")
    return run_build(project, strict=False)


def test_the_owners_al_folio_file_shows_every_paper_with_a_title_and_a_unique_key(project):
    result, site = build_with_only(project, REAL / "luuyin-papers.bib", owner=("Lu Yin", "L. Yin"))
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 4 and all("duplicate citation key" in line for line in errors), result.stderr
    listing = BeautifulSoup((site / "publications" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = [item["id"] for item in listing.select("li.lab-pub")]
    assert sorted(shown) == sorted({"he2025alphadecay", "he2025coe", "he2025gpas", "yin2023pruning", "yin2023OWL",
                                    "yin2022lottery", "huang2022you", "yin2022superposing", "liu2021we",
                                    "liu2021sparse", "yin2021hierarchical", "yin2021beyond", "yin2020knowledge"})
    assert "<b>" not in listing.get_text() and "&dagger" not in listing.get_text() and "corresponding author" \
        not in " ".join(li.select_one(".lab-pub__authors").get_text() for li in listing.select("li.lab-pub"))
    owners = [strong.get_text() for strong in listing.select(".lab-pub__authors strong.lab-owner")]
    assert owners == ["Lu Yin"] * len(shown)
    alphadecay = listing.find(id="he2025alphadecay").select_one(".lab-pub__authors")
    assert alphadecay.select_one("strong.lab-owner").find_next_sibling("sup").get_text() == "†"
    mixln = listing.find(id="yin2023pruning").select_one(".lab-pub__authors").get_text()
    assert mixln.startswith("Pengxiang Li*, Lu Yin*, Shiwei Liu") and "equal contribution" not in mixln
    headings = [heading.get_text(strip=True).rstrip("¶") for heading in listing.select("article h2")]
    assert headings[-1] == "Undated" and shown[-1] == "yin2023OWL"  # it has no year: listed last


def test_al_folios_template_file_shows_all_its_papers_with_local_links(project):
    (project / "docs" / "assets" / "html").mkdir(parents=True)
    (project / "docs" / "assets" / "html" / "relativity.html").write_text("<p>Relativity</p>", encoding="utf-8")
    result, site = build_with_only(project, REAL / "alfolio-template-papers.bib")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    keys = re.findall(r"(?m)^@(?!string)\w+\{([^,]+),", (REAL / "alfolio-template-papers.bib").read_text(encoding="utf-8"))
    listing = BeautifulSoup((site / "publications" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert sorted(item["id"] for item in listing.select("li.lab-pub")) == sorted(keys)
    relativity = listing.find(id="einstein1920relativity")
    assert relativity.find("a", string="HTML")["href"] == "../assets/html/relativity.html"
    epr = listing.find(id="PhysRev.47.777").select_one(".lab-pub__authors").get_text()
    assert epr.startswith("A. Einstein*†, B. Podolsky*, N. Rosen*")
