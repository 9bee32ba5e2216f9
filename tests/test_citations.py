"""Citations: unknown keys reported before mkdocs-bibtex, footnotes linked to paper pages."""

from __future__ import annotations

import pybtex.database

from labsite import citations, stash
from labsite.names import Name
from labsite.publications import Publication
from labsite.render.publications import PaperContext

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


def test_footnotes_get_the_papers_reference_linked_to_its_page():
    markdown = "Text[^yin2024outlier]\n\n[^yin2024outlier]: yin2024outlier.\n[^other]: Not ours."
    written, [reference] = stash.stash(citations.references(markdown, PAPERS, PaperContext(root="../")))
    assert written.startswith("Text[^yin2024outlier]\n\n[^yin2024outlier]: <!--lab-stash-")
    assert written.endswith("\n[^other]: Not ours.")
    assert reference == 'Lu Yin. <a href="../publications/yin2024outlier/">OWL</a>. 2024.'


def test_mkdocs_bibtex_gets_a_stub_of_each_citable_paper():
    papers = PAPERS + [Publication("x:y", "misc", "Not citable", (Name("A", "B"),), 2020)]
    stubs = pybtex.database.parse_string(citations.stub_bibliography(papers), "bibtex")
    assert [(key, entry.fields["title"]) for key, entry in stubs.entries.items()] == [
        ("yin2024outlier", "yin2024outlier"), ("Liu2021We", "Liu2021We")]


def test_cited_keys_are_collected_from_a_page():
    text = "See [@Yin2024Outlier; see @liu2021we, p. 3] and [@other].\nMail [lu@example.org]."
    assert citations.cited_keys(text) == {"yin2024outlier", "liu2021we", "other"}
