"""Checking BibTeX entries and turning them into publication records."""

from __future__ import annotations

import pytest

from labsite import bibliography, publications


def convert(text, path="bib/test.bib"):
    return publications.from_entries(bibliography.parse(text, path).entries)


def entry(kind="inproceedings", key="k2024", **fields):
    base = {"author": "Yin, Lu and M{\\\"u}ller, Jan", "title": "A {LLM} Study", "booktitle": "Proc. of X",
            "year": "2024"}
    base.update(fields)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in base.items() if value is not None)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def test_valid_entry_becomes_a_record_with_unicode_text():
    [paper], errors = convert(entry(abbr="ICML", selected="true", keywords="llm-pruning, sparse-training",
                                    doi="https://doi.org/10.1000/xyz", eprint="2310.05175", archiveprefix="arXiv",
                                    pages="1--9", month="jun", code="https://github.com/x/y"))
    assert errors == []
    assert paper.title == "A LLM Study"
    assert [a.display() for a in paper.authors] == ["Lu Yin", "Jan Müller"]
    assert (paper.year, paper.month, paper.venue, paper.abbr) == (2024, 6, "Proc. of X", "ICML")
    assert paper.selected and paper.keywords == ("llm-pruning", "sparse-training")
    assert (paper.doi, paper.arxiv, paper.pages) == ("10.1000/xyz", "2310.05175", "1–9")
    assert paper.links == (("Code", "https://github.com/x/y"),)
    assert (paper.path, paper.line, paper.kind_label) == ("bib/test.bib", 1, "Conference paper")


@pytest.mark.parametrize("fields, message", [
    ({"year": "twenty"}, "k2024.year: expected a four-digit year, got 'twenty'"),
    ({"year": None}, "k2024: missing required field 'year'"),
    ({"year": None, "yaer": "2024"}, "k2024: missing required field 'year', did you mean to write 'year' instead of 'yaer'?"),
    ({"title": None}, "k2024: missing required field 'title'"),
    ({"author": None}, "k2024: missing required field 'author'"),
    ({"month": "smarch"}, "k2024.month: expected a month name or number 1-12, got 'smarch'"),
    ({"code": "javascript:alert(1)"}, "k2024.code: expected an address starting with https:// or http://"),
    ({"code": "github.com/luuyin/OWL"}, "k2024.code: expected an address starting with https:// or http://, got"),
    ({"pdf": "javascript:alert(1)"}, "k2024.pdf: expected an address starting with https:// or http:// (or a file"),
    ({"pdf": "\\\\evil.example/x.pdf"}, "k2024.pdf: expected an address starting with https://"),
    ({"doi": "not-a-doi"}, "k2024.doi: expected a DOI such as 10.1000/xyz123, got 'not-a-doi'"),
    ({"eprint": "arXiv 1234"}, "k2024.eprint: expected an arXiv id such as 2310.05175"),
    ({"selected": "maybe"}, "k2024.selected: expected true or false, got 'maybe'"),
])
def test_invalid_entries_are_reported_with_file_line_and_field(fields, message):
    papers, [error] = convert("% header\n" + entry(**fields))
    assert papers == []
    assert str(error).startswith(f"bib/test.bib:2: {message}")


def test_unknown_entry_type_is_reported():
    papers, [error] = convert(entry(kind="blogpost"))
    assert "unknown entry type '@blogpost'" in error.message


def test_venue_comes_from_the_field_of_the_entry_type_and_may_be_missing():
    [article], errors = convert(entry(kind="article", booktitle=None))  # as in al-folio's own example file
    assert errors == [] and article.venue == ""
    [thesis], errors = convert(entry(kind="phdthesis", booktitle=None, school="TU/e"))
    assert errors == [] and thesis.venue == "TU/e" and thesis.kind_label == "PhD thesis"
    [workshop], _ = convert(entry(booktitle="AAAI Workshop on Interactive Machine Learning"))
    assert workshop.kind_label == "Workshop paper"


def test_preprint_needs_no_venue():
    [paper], errors = convert(entry(kind="misc", booktitle=None, eprint="2401.00001"))
    assert errors == [] and paper.kind_label == "Preprint" and paper.arxiv == "2401.00001"


def test_equal_contribution_marks_the_named_authors():
    [paper], _ = convert(entry(equal_contribution="Jan Müller, L. Yin"))
    assert paper.equal_contribution == {0, 1}


def test_and_others_is_kept_as_a_marker():
    [paper], _ = convert(entry(author="Yin, Lu and others"))
    assert paper.authors[-1].is_others


def test_duplicate_keys_across_files_keep_the_first():
    first, _ = convert(entry(key="same"), "bib/a.bib")
    second, _ = convert("\n\n" + entry(key="SAME", title="Other"), "bib/b.bib")
    kept, [error] = publications.unique(first + second)
    assert [p.title for p in kept] == ["A LLM Study"]
    assert str(error) == "bib/b.bib:3: SAME: duplicate citation key (first defined at bib/a.bib:1)"


def test_percent_and_latex_commands_in_titles_become_text():
    [paper], _ = convert(entry(title="Pruning 50% of \\textbf{LLMs} with $\\ell_1$ and 10\\% more"))
    assert paper.title == "Pruning 50% of LLMs with ℓ_1 and 10% more"


def test_crossref_fills_missing_fields_and_hides_the_proceedings():
    text = ("@inproceedings{paper, author = {Yin, Lu}, title = {T}, crossref = {proc}}\n"
            "@proceedings{proc, title = {Proc. of ICML}, year = 2024, publisher = {PMLR}}\n")
    [paper], errors = convert(text)
    assert errors == [] and (paper.venue, paper.year, paper.publisher) == ("Proc. of ICML", 2024, "PMLR")
    _, [error] = convert("@inproceedings{p, author = {Yin, Lu}, title = {T}, year = 2024, crossref = {nope}}\n")
    assert "crossref to unknown key 'nope'" in str(error)


@pytest.mark.parametrize("name, value", [("year", "²⁰²⁴"), ("year", "２０２４"), ("month", "²")])
def test_digits_that_are_not_ascii_are_an_error_not_a_crash(name, value):
    papers, [error] = convert(entry(**{name: value}))
    assert papers == [] and error.field == f"k2024.{name}" and error.line == 1


@pytest.mark.parametrize("key, slug", [
    ("Yin2024Outlier", "yin2024outlier"),
    ("café2024", "cafe2024"),
    ("x@y2024", "x-y2024"),
    ("index", "paper-index"),
    ("README", "paper-readme"),
    (".hidden", "hidden"),
])
def test_page_addresses_are_safe_and_stable(key, slug):
    assert publications.slug_of(key) == slug


@pytest.mark.parametrize("key", [".", "..", "日本2024"[:2], "--"])
def test_a_key_with_nothing_usable_gets_a_stable_hashed_address(key):
    slug = publications.slug_of(key)
    assert slug.startswith("paper-") and len(slug) == 16 and slug == publications.slug_of(key)
    assert slug != publications.slug_of(key + "x")


def test_keys_giving_one_address_are_an_error_naming_both():
    papers, errors = convert(entry(key="café2024") + entry(key="cafe2024"))
    kept, [error] = publications.unique(papers)
    assert [p.key for p in kept] == ["café2024"] and error.field == "cafe2024"
    assert "same page address as 'café2024'" in error.message and "line 1" in error.message


@pytest.mark.parametrize("pdf", ["../mkdocs.yml", "/../../etc/passwd", "assets/pdf/../../../x.pdf", ".."])
def test_a_pdf_path_outside_the_docs_folder_is_refused(pdf):
    papers, [error] = convert(entry(pdf=pdf))
    assert papers == [] and error.field == "k2024.pdf" and "inside the docs folder" in error.message


def test_pdf_paths_inside_the_docs_folder_are_kept():
    assert publications.pdf_path("paper.pdf") == "assets/pdf/paper.pdf"
    assert publications.pdf_path("/assets/pdf/sub/../paper.pdf") == "assets/pdf/paper.pdf"


def test_an_entry_that_breaks_conversion_is_one_error_naming_it(monkeypatch):
    convert_entry = publications._convert

    def broken_for_a(sourced):
        if sourced.key == "a2024":
            raise RuntimeError("unexpected")
        return convert_entry(sourced)

    monkeypatch.setattr(publications, "_convert", broken_for_a)
    papers, [error] = convert(entry(key="a2024") + entry(key="b2024"))
    assert [p.key for p in papers] == ["b2024"]
    assert (error.field, error.line, error.warning) == ("a2024", 1, False) and "unexpected" in error.message
