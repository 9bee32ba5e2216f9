"""Reading BibTeX with pybtex, with line numbers and without losing good entries."""

from __future__ import annotations

import pytest

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


def test_a_field_given_twice_keeps_the_last_value_with_a_warning():
    bib = parse("@misc{twice, title = {A}, Title = {B}, year = 2020}\n")
    [warning] = bib.errors
    assert warning.warning and warning.field == "twice.title" and "the last value is used" in warning.message
    assert bib.entries[0].entry.fields["title"] == "B"


def test_string_macros_and_month_names_expand():
    bib = parse('@string{icml = "International Conference on Machine Learning"}\n'
                "@inproceedings{m, author = {A, B}, title = {T}, booktitle = icml # \" 2024\", year = 2024, month = jun}\n")
    [entry] = bib.entries
    assert entry.entry.fields["booktitle"] == "International Conference on Machine Learning 2024"
    assert entry.entry.fields["month"] == "June"


def test_an_undefined_string_name_is_taken_as_written_with_a_warning():
    bib = parse("@misc{u, title = {T}, bibtex_show=true, publisher = nowhere # { Press}, year = 2020}\n")
    assert bib.entries[0].entry.fields["publisher"] == "nowhere Press"
    assert bib.entries[0].entry.fields["bibtex_show"] == "true"
    assert [(e.field, e.warning) for e in bib.errors] == [("u.bibtex_show", True), ("u.publisher", True)]
    assert "'nowhere' is not a defined @string name" in bib.errors[1].message


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
    assert error.warning and str(error) == ("bib/latin1.bib:7:23: byte 0xfc is not UTF-8 text: shown as \ufffd "
                                           "(save the file with UTF-8 encoding)")


def test_a_name_with_too_many_commas_is_shown_as_written_with_a_warning():
    bib = parse("@article{k2024,\n  author = {Doe, Jane, Jr, Extra and Yin, Lu},\n  title = {T},\n"
                "  journal = {J},\n  year = {2024}\n}\n")
    [entry] = bib.entries
    [warning] = bib.errors
    assert warning.warning and (warning.path, warning.line, warning.field) == ("bib/test.bib", 1, "k2024.author")
    assert "Too many commas" in warning.message and "shown as written" in warning.message
    assert [str(person) for person in entry.entry.persons["author"]] == ["Doe, Jane, Jr, Extra", "Yin, Lu"]


def test_jekyll_front_matter_before_the_first_entry_is_ignored():
    bib = parse("---\n---\n\n" + GOOD)
    assert [(e.key, e.line) for e in bib.entries] == [("good2024", 4)] and bib.errors == []


def test_an_unclosed_brace_loses_only_its_own_entry():
    bib = parse("@misc{open,\n  title = {An {unclosed title},\n  year = {2020}\n}\n\n"
                "@misc{next1, title = {N1}, year = 2021}\n" + GOOD)
    assert [(e.key, e.line) for e in bib.entries] == [("next1", 6), ("good2024", 7)]
    [error] = bib.errors
    assert (error.line, error.field, error.warning) == (1, "open", False)


def test_author_lists_lose_their_html_and_keep_their_marks():
    bib = parse("@misc{k, title = {T}, year = 2024,\n  author = {Li, Pengxiang$*$ and <b>Yin, Lu</b>$*$&dagger; and "
                "Liu, Shiwei (<b>&dagger; corresponding author</b>, $*$ equal contribution)}}\n")
    [entry] = bib.entries
    assert [str(p) for p in entry.entry.persons["author"]] == ["Li, Pengxiang", "Yin, Lu", "Liu, Shiwei"]
    assert (entry.equal, entry.corresponding) == ({0, 1}, {1}) and bib.errors == []


def test_empty_names_are_skipped_with_a_warning():
    bib = parse("@misc{k, title = {T}, year = 2024, author = {Yin, Lu and and Liu, Shiwei, and}}\n")
    assert [str(p) for p in bib.entries[0].entry.persons["author"]] == ["Yin, Lu", "Liu, Shiwei"]
    assert {e.field for e in bib.errors} == {"k.author"} and all(e.warning for e in bib.errors)


def test_marks_written_in_latex_are_read_too():
    bib = parse("@misc{k, title = {T}, year = 2024, author = {Yin, Lu$^\\ast$ and Liu, S.\\textsuperscript{\\textdagger}"
                " and Doe, J.$^{\\dagger}$}}\n")
    [entry] = bib.entries
    assert [str(p) for p in entry.entry.persons["author"]] == ["Yin, Lu", "Liu, S.", "Doe, J."]
    assert (entry.equal, entry.corresponding) == ({0}, {1, 2})


def test_percent_comments_comment_out_fields_and_entries_as_biber_reads_them():
    bib = parse("@article{pc1,\n  title = {T1},\n  % note = {old},\n  year = {2020}, % the year\n"
                "  journal = {J}\n}\n% @article{hidden1, title = {Hidden}, year = 2020}\n"
                "%@misc{hidden2,\n%  title = {Hidden too}\n%}\n" + GOOD)
    assert [(e.key, e.line) for e in bib.entries] == [("pc1", 1), ("good2024", 11)] and bib.errors == []
    assert "note" not in bib.entries[0].entry.fields and bib.entries[0].entry.fields["year"] == "2020"


@pytest.mark.parametrize("author, names, equal, corresponding", [
    ("Liu, Shiwei$^{\\dagger *}$ and Yin, Lu", ["Liu, Shiwei", "Yin, Lu"], {0}, {0}),
    ("Liu, Shiwei\\textsuperscript{*,\\dagger} and Yin, Lu (\\dagger)", ["Liu, Shiwei", "Yin, Lu"], {0}, {0, 1}),
    ("Wang, X.\\textsuperscript{1,2} and Yin, Lu$^1$ and Zhu, Y.‡ and Li, A.\\ddag", ["Wang, X.", "Yin, Lu", "Zhu, Y.",
                                                                                   "Li, A."], set(), set()),
    ("Doe, $\\alpha$", ["Doe, $\\alpha$"], set(), set()),  # math that is no mark stays
])
def test_superscript_marks_and_affiliation_numbers_leave_the_names_clean(author, names, equal, corresponding):
    [entry] = parse(f"@misc{{k, title = {{T}}, year = 2024, author = {{{author}}}}}\n").entries
    assert [str(p) for p in entry.entry.persons["author"]] == names
    assert (entry.equal, entry.corresponding) == (equal, corresponding)


def test_a_line_of_a_value_that_starts_like_an_entry_stays_in_its_entry():
    bib = parse("@article{v1, title = {V1}, year = 2020,\nabstract = {Line one\n@inproceedings{not, a real entry}\nmore}}\n"
                + GOOD)
    assert [(e.key, e.line) for e in bib.entries] == [("v1", 1), ("good2024", 5)] and bib.errors == []
    assert "@inproceedings{not, a real entry}" in bib.entries[0].entry.fields["abstract"]


def test_a_percent_sign_in_an_address_is_no_comment():
    [entry] = parse("@misc{k, title = {T}, year = 2024,\n  url = {https://example.org/a,%20b}, % the paper\n}\n").entries
    assert entry.entry.fields["url"] == "https://example.org/a,%20b"


STRINGS = "@string{conf = {Proceedings of Somewhere}}\n\n" + """@inproceedings{a2024,
  author = {Lovelace, Ada},
  title = {First},
  booktitle = conf,
  year = {2024}
}

@misc{b2023,
  title = {Second, {with} {LaTeX} \\'e},
  year = {2023},
  year = {2024}
}
"""


def described(bib):
    return ([(e.key, e.line, dict(e.entry.fields), [str(p) for p in e.entry.persons.get("author", [])])
             for e in bib.entries], [str(error) for error in bib.errors])


def test_a_file_parsed_again_gives_what_a_first_parse_gives(monkeypatch):
    monkeypatch.setattr(bibliography, "_PARTS", {})
    first = described(parse(STRINGS))
    assert first[0][0][2]["booktitle"] == "Proceedings of Somewhere" and first[1]  # the repeated year is warned
    read = []
    monkeypatch.setattr(bibliography._LocatingParser, "_read_part",
                        lambda self, *args, original=bibliography._LocatingParser._read_part: (read.append(1),
                                                                                               original(self, *args)))
    assert described(parse(STRINGS)) == first and read == []  # every part given again


def test_a_part_is_parsed_again_when_it_its_place_or_the_strings_before_it_change(monkeypatch):
    for edited in (STRINGS.replace("{First}", "{First, edited}"),  # the part itself
                   "% a line above\n" + STRINGS,  # every part's place
                   STRINGS.replace("Proceedings of Somewhere", "Proceedings of Elsewhere")):  # a @string
        monkeypatch.setattr(bibliography, "_PARTS", {})
        parse(STRINGS)  # what a serving process read before the edit
        after_edit = described(parse(edited))
        bibliography._PARTS.clear()
        assert after_edit == described(parse(edited))  # what a first reading of the edited file gives
