"""Name display and matching of spellings."""

from __future__ import annotations

import pytest

from labsite.names import Name, latex_to_text


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
