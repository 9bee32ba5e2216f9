"""Loading the whole site's data from a folder of data files and BibTeX files."""

from __future__ import annotations

import os
import shutil

from bs4 import BeautifulSoup
from sitebuild import EXAMPLE, run_build

from labsite import site


def copy_data(tmp_path):
    """The example site's data files and BibTeX in ``tmp_path`` (data/, bib/)."""
    shutil.copytree(EXAMPLE / "docs" / "data", tmp_path / "data")
    shutil.copytree(EXAMPLE / "bib", tmp_path / "bib")
    return tmp_path


def load(project, cache=None):
    return site.load(project, project / "data", sorted((project / "bib").glob("*.bib")), cache)


def test_the_example_data_loads_without_errors(tmp_path):
    data, errors = load(copy_data(tmp_path))
    assert errors == []
    assert data.profile.name == "Ada Lovelace" and len(data.publications) == 15 and len(data.members) == 9
    years = [p.year for p in data.publications]
    assert years == sorted(years, reverse=True)


def test_optional_files_may_be_missing_but_the_profile_may_not(tmp_path):
    project = copy_data(tmp_path)
    (project / "data" / "talks.yml").unlink()
    (project / "data" / "profile.yml").unlink()
    data, errors = load(project)
    assert data.talks == []
    assert [str(e) for e in errors] == ["data/profile.yml: missing data file"]


def test_award_for_an_unknown_paper_is_reported_at_its_line(tmp_path):
    project = copy_data(tmp_path)
    awards = project / "data" / "awards.yml"
    awards.write_text(awards.read_text().replace("paper: lovelace2022graphs", "paper: nosuchkey"))
    _, [error] = load(project)
    line = awards.read_text().splitlines().index("    paper: nosuchkey") + 1
    assert str(error) == f"data/awards.yml:{line}:5: awards[0].paper: no publication has the key 'nosuchkey'"


def test_duplicate_key_in_a_second_bib_file_is_reported(tmp_path):
    project = copy_data(tmp_path)
    (project / "bib" / "zotero.bib").write_text("@misc{OKAFOR2025SPARSE, author={A, B}, title={T}, year=2024}\n")
    data, [error] = load(project)
    assert str(error).startswith("bib/zotero.bib:1: OKAFOR2025SPARSE: duplicate citation key (first defined at "
                                 "bib/publications.bib:")
    assert len(data.publications) == 15


def test_cache_rereads_only_changed_files(tmp_path):
    project = copy_data(tmp_path)
    cache = site.FileCache()
    first, _ = load(project, cache)
    again, _ = load(project, cache)
    assert again.publications[0] is first.publications[0]
    bib = project / "bib" / "publications.bib"
    bib.write_text(bib.read_text().replace("Layerwise Sparsity for", "Layer-Wise Sparsity for"))
    os.utime(bib, ns=(bib.stat().st_atime_ns, bib.stat().st_mtime_ns + 10**9))
    changed, _ = load(project, cache)
    assert changed.publication("lovelace2024layerwise").title.startswith("Layer-Wise Sparsity")


def test_file_cache_calls_the_reader_again_only_after_a_change(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("one")
    reads = []
    cache = site.FileCache()
    read = lambda p: reads.append(p) or p.read_text()  # noqa: E731
    assert cache.get(path, read) == cache.get(path, read) == "one"
    path.write_text("three")
    assert cache.get(path, read) == "three" and len(reads) == 2


def test_a_linked_file_missing_from_the_docs_folder_loses_its_link_with_a_warning(tmp_path):
    project = copy_data(tmp_path)
    (project / "bib" / "zotero.bib").write_text(
        "@misc{withpdf, author={A, B}, title={T}, year=2024, pdf={paper.pdf}, html={page.html}}\n")
    docs = project / "docs"
    (docs / "assets" / "pdf").mkdir(parents=True)
    (docs / "assets" / "html").mkdir(parents=True)
    (docs / "assets" / "html" / "page.html").write_text("<p>Notes</p>")
    shutil.copy(EXAMPLE / "docs" / "research.md", docs)  # the page whose headings the themes link to
    data, [warning] = site.load(project, project / "data", sorted((project / "bib").glob("*.bib")), docs_dir=docs)
    assert warning.warning and str(warning) == ("bib/zotero.bib:1: withpdf.pdf: no file docs/assets/pdf/paper.pdf: "
                                                "link left out")
    assert data.publication("withpdf").links == (("HTML", "assets/html/page.html"),)
    (docs / "assets" / "pdf" / "paper.pdf").write_bytes(b"%PDF-1.4")
    data, errors = site.load(project, project / "data", sorted((project / "bib").glob("*.bib")), docs_dir=docs)
    assert errors == [] and data.publication("withpdf").pdf == "assets/pdf/paper.pdf"


def test_yaml_with_bytes_that_are_not_utf8_keeps_its_other_items(tmp_path):
    project = copy_data(tmp_path)
    talks = project / "data" / "talks.yml"
    talks.write_bytes(talks.read_bytes().replace(b"Engines Reading Group", "Engines R\u00e4ding Group".encode("latin-1")))
    data, [error] = load(project)
    assert len(data.talks) == 5 and "byte 0xe4 is not UTF-8 text" in str(error)
    assert str(error).startswith("data/talks.yml:")


def test_a_file_broken_mid_edit_keeps_its_last_good_content_in_the_same_session(tmp_path):
    project = copy_data(tmp_path)
    cache = site.FileCache()
    load(project, cache)
    people = project / "data" / "people.yml"
    people.write_text(people.read_text().replace("topic: Sparse training of language models",
                                                  "topic: [Sparse training of language models"))
    data, [error] = load(project, cache)
    assert "YAML syntax error" in error.message
    assert len(data.members) == 9  # still shown while the owner fixes the file
    fresh, _ = load(project)  # a new build has nothing to fall back on
    assert fresh.members == []


def test_a_page_with_nothing_to_show_is_left_out_of_the_navigation(project):
    (project / "docs" / "data" / "talks.yml").write_text("talks: []\n", encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    tabs = [a.get_text(strip=True) for a in home.select("nav.md-tabs a")]
    assert "Talks" not in tabs and "Teaching" in tabs
    assert not any(a["href"].rstrip("/").endswith("talks") for a in home.select("nav a[href]"))


def test_every_page_has_the_owners_contact_icons_in_its_footer_unless_mkdocs_yml_sets_its_own(project):
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "team/index.html", "publications/index.html"):
        footer = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select("a.md-social__link")
        assert footer[0]["href"].startswith("mailto:") and len(footer) >= 2 and all(a.find("svg") for a in footer)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n", "extra:\n  social:\n    - icon: fontawesome/brands/github\n      link: https://github.com/own\n", 1),
        encoding="utf-8")
    result, site = run_build(project)
    links = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select("a.md-social__link")
    assert [a["href"] for a in links] == ["https://github.com/own"]
