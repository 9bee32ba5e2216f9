"""Reading BibTeX with pybtex, with line numbers and without losing good entries."""

from __future__ import annotations

from labsite import bibliography

GOOD = """@inproceedings{good2024,
  author = {Yin, Lu},
  title = {Good},
  booktitle = {Proc.},
  year = {2024}
}
"""


def parse(text):
    return bibliography.parse(text, "bib/test.bib")


def test_entries_carry_their_start_line():
    bib = parse("% comment\n\n" + GOOD + "\n@misc{second, title = {S}, year = 2020}\n")
    assert [(e.key, e.line, e.path) for e in bib.entries] == [("good2024", 3, "bib/test.bib"), ("second", 10, "bib/test.bib")]
    assert bib.errors == []


def test_syntax_error_is_reported_and_later_entries_survive():
    broken = "@article{broken,\n  title = {Missing comma}\n  year = {2020}\n}\n"
    bib = parse(broken + GOOD)
    assert [e.key for e in bib.entries] == ["good2024"]
    [error] = bib.errors
    assert str(error) == ("bib/test.bib:3: broken: syntax error: '}' expected "
                          "(is a comma missing between two fields?)")


def test_unclosed_entry_is_reported():
    bib = parse(GOOD + "@article{open,\n  title = {never closed\n")
    assert [e.key for e in bib.entries] == ["good2024"]
    assert bib.errors and bib.errors[0].field == "open"


def test_duplicate_field_is_reported():
    [error] = parse("@misc{twice, title = {A}, title = {B}, year = 2020}\n").errors
    assert error.field == "twice" and "duplicate title field" in error.message


def test_string_macros_and_month_names_expand():
    bib = parse('@string{icml = "International Conference on Machine Learning"}\n'
                "@inproceedings{m, author = {A, B}, title = {T}, booktitle = icml # \" 2024\", year = 2024, month = jun}\n")
    [entry] = bib.entries
    assert entry.entry.fields["booktitle"] == "International Conference on Machine Learning 2024"
    assert entry.entry.fields["month"] == "June"


def test_undefined_macro_is_an_error():
    [error] = parse("@misc{u, title = {T}, publisher = nowhere, year = 2020}\n").errors
    assert error.line == 1 and "undefined string" in error.message and "nowhere" in error.message


def test_entry_without_key_is_an_error():
    [error] = parse("@misc{title = {T}, year = 2020}\n").errors
    assert error.line == 1


def test_unreadable_file_is_reported(tmp_path):
    bib = bibliography.load(tmp_path / "missing.bib", "bib/missing.bib")
    assert bib.entries == [] and "cannot read file" in bib.errors[0].message


def test_unbalanced_brace_is_reported_at_the_entry_that_is_not_closed():
    bib = parse("@misc{open,\n  title = {An {unclosed title},\n  year = {2020}\n}\n" + GOOD)
    assert [e.key for e in bib.entries] == ["good2024"]
    assert str(bib.errors[0]) == ("bib/test.bib:1: open: the entry is not closed before the next one (line 5): "
                                  "a '}' is missing or a '{' is one too many")


def test_missing_last_brace_is_reported_at_the_last_entry():
    [error] = parse(GOOD + "@misc{end,\n  title = {T},\n  year = {2020}\n").errors
    assert str(error).startswith("bib/test.bib:7: end: the entry is not closed at the end of the file")


def test_bytes_that_are_not_utf8_are_reported_at_their_line_and_the_rest_loads(tmp_path):
    path = tmp_path / "latin1.bib"
    path.write_bytes(GOOD.encode() + "@misc{bad, author = {M\u00fcller, A}, title = {T}, year = 2020}\n".encode("latin-1"))
    bib = bibliography.load(path, "bib/latin1.bib")
    assert [e.key for e in bib.entries] == ["good2024", "bad"]
    [error] = bib.errors
    assert str(error) == "bib/latin1.bib:7:23: byte 0xfc is not UTF-8 text: save the file with UTF-8 encoding"


def test_a_name_with_too_many_commas_is_shown_as_written_with_a_warning():
    bib = parse("@article{k2024,\n  author = {Doe, Jane, Jr, Extra and Yin, Lu},\n  title = {T},\n"
                "  journal = {J},\n  year = {2024}\n}\n")
    [entry] = bib.entries
    [warning] = bib.errors
    assert warning.warning and (warning.path, warning.line, warning.field) == ("bib/test.bib", 1, "k2024.author")
    assert "Too many commas" in warning.message and "shown as written" in warning.message
    assert [str(person) for person in entry.entry.persons["author"]] == ["Doe, Jane, Jr, Extra", "Yin, Lu"]
