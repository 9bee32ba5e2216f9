"""Citations: unknown keys reported before mkdocs-bibtex, footnotes linked to paper pages."""

from __future__ import annotations

from labsite import citations
from labsite.names import Name
from labsite.publications import Publication

PAPERS = [Publication("yin2024outlier", "inproceedings", "OWL", (Name("Lu", "Yin"),), 2024),
          Publication("Liu2021We", "inproceedings", "ITOP", (Name("Shiwei", "Liu"),), 2021)]


def check(markdown, broken=frozenset()):
    return citations.check(markdown, "docs/research.md", PAPERS, broken, first_line=3)


def test_known_citations_pass_unchanged():
    text = "See [@yin2024outlier; @liu2021we] and [see @yin2024outlier, p. 3].\nMail me: [lu@example.org]"
    assert check(text) == (text, [])


def test_unknown_key_is_reported_with_line_and_removed():
    markdown, [error] = check("Intro\n\nAs shown [@yin2024outlir; @liu2021we].")
    assert str(error) == "docs/research.md:5: cites unknown key 'yin2024outlir', did you mean 'yin2024outlier'?"
    assert markdown.endswith("As shown [ @liu2021we].")
    markdown, [error] = check("Alone [@nothing].")
    assert markdown == "Alone ." and "(or its entry has errors, listed above)" in error.message


def test_broken_entries_are_removed_silently():
    assert check("X [@broken2024].", broken=frozenset({"broken2024"})) == ("X .", [])


def test_citations_in_code_blocks_are_left_alone():
    text = "```\n[@nothing]\n```"
    assert check(text) == (text, [])


def test_footnotes_get_a_link_to_the_paper_page():
    markdown = "Text[^yin2024outlier]\n\n[^yin2024outlier]: Lu Yin. OWL. 2024.\n[^other]: Not ours."
    linked = citations.link_references(markdown, PAPERS, "../")
    assert "[^yin2024outlier]: Lu Yin. OWL. 2024. [Paper page](../publications/yin2024outlier.md)" in linked
    assert "[^other]: Not ours." in linked


def test_cited_keys_are_collected_from_a_page():
    text = "See [@Yin2024Outlier; see @liu2021we, p. 3] and [@other].\nMail [lu@example.org]."
    assert citations.cited_keys(text) == {"yin2024outlier", "liu2021we", "other"}
