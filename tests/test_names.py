"""Name display and matching of spellings."""

from __future__ import annotations

import pytest

from labsite.latex import latex_to_text
from labsite.names import Name


@pytest.mark.parametrize("spelling", ["Lu Yin", "L. Yin", "Yin, Lu", "Yin, L.", "LU YIN", "L Yin"])
def test_spellings_of_the_same_person_match(spelling):
    assert Name.parse("Lu Yin").matches(Name.parse(spelling))


@pytest.mark.parametrize("other", ["Li Yin", "Lu Yang", "Yin", "Xiaolong Yin"])
def test_other_people_do_not_match(other):
    assert not Name.parse("Lu Yin").matches(Name.parse(other))


def test_accents_are_ignored_when_matching_and_decoded_when_shown():
    name = Name.parse(r"Fern{\'a}ndez-L{\'o}pez, Adriana")
    assert name.display() == "Adriana Fernández-López"
    assert name.matches(Name.parse("Adriana Fernandez-Lopez"))


def test_von_and_jr_parts_are_placed_as_in_running_text():
    assert Name.parse("van Beethoven, Jr, Ludwig").display() == "Ludwig van Beethoven, Jr"


def test_latex_to_text_removes_braces_and_decodes_accents():
    assert latex_to_text(r"{\"O}zt{\"u}rk {LLM}s \& more") == "Öztürk LLMs & more"
    assert latex_to_text("plain") == "plain"


@pytest.mark.parametrize("latex, shown", [
    ("\\href", ""),                        # a command without its arguments
    ("A\\", "A"),                          # a trailing backslash
    ("Lu \\\\ Yin", "Lu Yin"),             # a line break: BibTeX values are one line
    ("\\footnote", ""),
    ("\\href{https://a.org}{the text}", "the text"),
    ("\\raisebox{-0.5ex}\\textasciitilde", "~"),
    ("Foo \\unknowncommand{bar} baz", "Foo bar baz"),
    ("One\\par Two\n\nThree", "One Two Three"),
])
def test_latex_the_decoders_reject_or_do_not_know_is_shown_as_plain_text(latex, shown):
    assert latex_to_text(latex) == shown


def test_a_name_that_is_not_one_says_why():
    with pytest.raises(ValueError, match="Too many commas in 'A, B, C, D'"):
        Name.parse("A, B, C, D")


@pytest.mark.parametrize("macro, journal", [("\\apj", "The Astrophysical Journal"),
                                            ("{\\mnras}", "Monthly Notices of the Royal Astronomical Society"),
                                            ("\\aap", "Astronomy and Astrophysics"), ("\\nat", "Nature")])
def test_aas_journal_macros_from_ads_exports_become_the_journals_names(macro, journal):
    assert latex_to_text(macro) == journal
