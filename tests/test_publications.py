"""Checking BibTeX entries and turning them into publication records."""

from __future__ import annotations

import pytest

from labsite import bibliography, fields, publications


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


def test_an_entry_without_a_title_is_the_one_error():
    papers, [error] = convert("% header\n" + entry(title=None, titel="T"))
    assert papers == [] and not error.warning
    assert str(error) == "bib/test.bib:2: k2024: missing required field 'title', did you mean to write 'title' instead of 'titel'?"


@pytest.mark.parametrize("fields, message, kept", [
    ({"year": "twenty"}, "k2024.year: 'twenty' is not a year: the paper is listed under Undated", ("year", None)),
    ({"year": None}, "k2024.year: no year: the paper is listed under Undated", ("year", None)),
    ({"year": "2024a"}, "k2024.year: '2024a' read as the year 2024", ("year", 2024)),
    ({"author": None}, "k2024.author: missing required field 'author': shown without authors", ("authors", ())),
    ({"month": "smarch"}, "k2024.month: 'smarch' is not a month: left out", ("month", None)),
    ({"code": "javascript:alert(1)"}, "k2024.code: 'javascript:alert(1)' is not an address starting with https:// "
                                      "or http://: link left out", ("links", ())),
    ({"code": "github.com/luuyin/OWL"}, "k2024.code: 'github.com/luuyin/OWL' is not an address", ("links", ())),
    ({"pdf": "javascript:alert(1)"}, "k2024.pdf: 'javascript:alert(1)' is not an address starting with https:// or "
                                     "http:// or a file name in docs/assets/pdf/: link left out", ("links", ())),
    ({"pdf": "\\\\evil.example/x.pdf"}, "k2024.pdf: '\\\\evil.example/x.pdf' is not an address", ("links", ())),
    ({"doi": "not-a-doi"}, "k2024.doi: 'not-a-doi' is not a DOI such as 10.1000/xyz123: left out", ("doi", "")),
    ({"eprint": "arXiv 1234"}, "k2024.eprint: 'arXiv 1234' is not an arXiv id such as 2310.05175: left out",
     ("arxiv", "")),
    ({"selected": "maybe"}, "k2024.selected: 'maybe' is not true or false: read as false", ("selected", False)),
    ({"kind": "blogpost"}, "k2024.type: '@blogpost' is not a BibTeX entry type: shown as a publication",
     ("kind_label", "Publication")),
])
def test_a_bad_field_is_a_warning_and_the_paper_is_shown_without_it(fields, message, kept):
    [paper], [warning] = convert("% header\n" + entry(**fields))
    assert warning.warning and str(warning).startswith(f"bib/test.bib:2: {message}")
    assert getattr(paper, kept[0]) == kept[1]


@pytest.mark.parametrize("month, number", [("jun", 6), ("Jun.", 6), ("June", 6), ("6", 6), ("October-November", 10),
                                           ("May~17", 5), ("2024-05-17", 5), ("2024-11", 11), ("sept", 9)])
def test_months_written_freely_are_understood(month, number):
    [paper], warnings = convert(entry(month=month))
    assert paper.month == number and warnings == []


@pytest.mark.parametrize("doi", ["10.1000/xyz", "doi:10.1000/xyz", "DOI 10.1000/xyz", "DOI: 10.1000/xyz",
                                 "doi.org/10.1000/xyz", "https://doi.org/10.1000/xyz", "http://dx.doi.org/10.1000/xyz"])
def test_dois_are_normalised(doi):
    [paper], warnings = convert(entry(doi=doi))
    assert paper.doi == "10.1000/xyz" and warnings == []


def test_an_eprint_address_is_a_plain_link_and_an_arxiv_address_its_id():
    [paper], warnings = convert(entry(eprint="https://hal.science/hal-01234", archiveprefix=None))
    assert paper.arxiv == "" and ("Preprint", "https://hal.science/hal-01234") in paper.links and warnings == []
    [paper], _ = convert(entry(arxiv="https://arxiv.org/abs/2310.05175v2"))
    assert paper.arxiv == "2310.05175v2"


@pytest.mark.parametrize("kind, label", [("software", "Software"), ("dataset", "Dataset"), ("patent", "Patent"),
                                         ("thesis", "Thesis"), ("report", "Report"), ("online", "Preprint"),
                                         ("manual", "Manual"), ("booklet", "Booklet")])
def test_other_entry_types_are_shown_with_the_venue_they_name(kind, label):
    [paper], warnings = convert(entry(kind=kind, booktitle=None, howpublished="Zenodo"))
    assert (paper.kind_label, paper.venue, warnings) == (label, "Zenodo", [])


def test_local_files_are_paths_in_their_folder():
    [paper], warnings = convert(entry(pdf="p.pdf", slides="/assets/pdf/s.pdf", html="relativity.html",
                                      poster="../../mkdocs.yml"))
    assert paper.local_files == [("PDF", "assets/pdf/p.pdf"), ("HTML", "assets/html/relativity.html"),
                                 ("Slides", "assets/pdf/s.pdf")]
    [warning] = warnings
    assert warning.field == "k2024.poster" and "leaves the docs folder" in warning.message


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
    [paper], [warning] = convert("@inproceedings{p, author = {Yin, Lu}, title = {T}, year = 2024, crossref = {nope}}\n")
    assert warning.warning and "no entry has the key 'nope'" in str(warning) and paper.year == 2024


@pytest.mark.parametrize("name, value", [("year", "²⁰²⁴"), ("year", "２０２４"), ("month", "²")])
def test_digits_that_are_not_ascii_are_a_warning_not_a_crash(name, value):
    [paper], [warning] = convert(entry(**{name: value}))
    assert getattr(paper, name) is None and warning.field == f"k2024.{name}" and warning.line == 1


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


def test_different_keys_giving_one_address_both_get_a_page_with_a_warning_naming_both():
    papers, _ = convert(entry(key="café2024") + entry(key="cafe2024"))
    kept, [warning] = publications.unique(papers, pages=frozenset({"index2024"}))
    assert [(p.key, p.slug) for p in kept] == [("café2024", "cafe2024"), ("cafe2024", f"cafe2024-{kept[1].slug[-10:]}")]
    assert warning.warning and warning.field == "cafe2024"
    assert "publications/cafe2024/ belongs to the key 'café2024'" in warning.message
    [paper], _ = convert(entry(key="index2024"))
    [moved], [warning] = publications.unique([paper], pages=frozenset({"index2024"}))
    assert moved.slug.startswith("index2024-") and "belongs to a page" in warning.message


@pytest.mark.parametrize("pdf", ["../mkdocs.yml", "/../../etc/passwd", "assets/pdf/../../../x.pdf", ".."])
def test_a_pdf_path_outside_the_docs_folder_is_refused(pdf):
    [paper], [warning] = convert(entry(pdf=pdf))
    assert paper.links == () and warning.field == "k2024.pdf" and "leaves the docs folder" in warning.message


def test_pdf_paths_inside_the_docs_folder_are_kept():
    assert fields.file_path("paper.pdf", "assets/pdf") == "assets/pdf/paper.pdf"
    assert fields.file_path("/assets/pdf/sub/../paper.pdf", "assets/pdf") == "assets/pdf/paper.pdf"


def test_an_entry_that_breaks_conversion_is_one_error_naming_it(monkeypatch):
    read_entry = publications._read

    def broken_for_a(sourced, found):
        if sourced.key == "a2024":
            raise RuntimeError("unexpected")
        return read_entry(sourced, found)

    monkeypatch.setattr(publications, "_read", broken_for_a)
    papers, [error] = convert(entry(key="a2024") + entry(key="b2024"))
    assert [p.key for p in papers] == ["b2024"]
    assert (error.field, error.line, error.warning) == ("a2024", 1, False) and "unexpected" in error.message


def test_an_ads_export_names_its_journal_by_macro():
    [paper], warnings = convert(entry(kind="article", booktitle=None, journal="\\apjl", eprint="2401.00001",
                                      archiveprefix="arXiv"))
    assert (paper.venue, paper.kind_label, paper.arxiv, warnings) == (
        "The Astrophysical Journal Letters", "Journal article", "2401.00001", [])


def test_latex_escapes_in_addresses_and_identifiers_are_undone():
    [paper], warnings = convert(entry(url="https://example.org/a\\_b?x=1\\&y=2", doi="10.1000/a\\_b",
                                      arxiv="arXiv:2310.05175", pdf="{paper.pdf}"))
    assert warnings == [] and (paper.doi, paper.arxiv) == ("10.1000/a_b", "2310.05175")
    assert paper.links == (("PDF", "assets/pdf/paper.pdf"), ("Paper", "https://example.org/a_b?x=1&y=2"))


def test_a_url_command_in_a_venue_is_its_address():
    [paper], _ = convert(entry(kind="misc", booktitle=None, howpublished="\\url{https://zenodo.org/x}"))
    assert paper.venue == "https://zenodo.org/x"


def test_a_key_too_long_for_a_folder_name_gets_a_short_stable_address():
    key = "a" * 300 + "2024"
    slug = publications.slug_of(key)
    assert len(slug) <= publications.MAX_SLUG and slug == publications.slug_of(key)
    assert slug != publications.slug_of("a" * 301 + "2024")


def test_an_entry_that_others_refer_to_is_hidden_only_when_it_is_their_volume():
    text = ("@book{b, author = {Yin, Lu}, title = {The Book}, year = 2020, publisher = {P}}\n"
            "@inbook{c, author = {Yin, Lu}, title = {A Chapter}, crossref = {b}}\n"
            "@article{self, author = {Yin, Lu}, title = {Self}, year = 2020, crossref = {self}}\n"
            "@article{one, author = {Yin, Lu}, title = {One}, year = 2020, crossref = {two}}\n"
            "@article{two, author = {Yin, Lu}, title = {Two}, year = 2021, crossref = {one}}\n")
    papers, [warning] = convert(text)
    assert [p.key for p in papers] == ["c", "self", "one", "two"] and papers[0].venue == "The Book"
    assert warning.field == "self.crossref" and "refers to the entry itself" in warning.message


def test_a_bad_field_that_crossref_brings_in_is_blamed_on_the_entry_it_was_written_in():
    text = ("@inproceedings{child, author = {Yin, Lu}, title = {T}, crossref = {proc}}\n\n\n"
            "@proceedings{proc, title = {Proc.}, year = 2024, month = {Smarch}}\n")
    [paper], [warning] = convert(text)
    assert (warning.line, warning.field) == (4, "child.month") and paper.year == 2024


def test_lines_ending_in_a_carriage_return_alone_are_counted():
    bib = bibliography.parse("@misc{a, title = {A}, year = 2020}\r\r@misc{b, title = {B}, year = 2020}\r", "x.bib")
    assert [(e.key, e.line) for e in bib.entries] == [("a", 1), ("b", 3)]
