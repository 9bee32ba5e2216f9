"""Citations: unknown keys reported before mkdocs-bibtex, footnotes linked to paper pages,
adjacent citations one bracket of numbers."""

from __future__ import annotations

import re

import pybtex.database
from bs4 import BeautifulSoup

from labsite import citations, stash
from labsite.names import Name
from labsite.publications import Publication
from labsite.render.publications import PaperContext
from labsite.site import SiteData

PAPERS = [Publication("yin2024outlier", "inproceedings", "OWL", (Name("Lu", "Yin"),), 2024),
          Publication("Liu2021We", "inproceedings", "ITOP", (Name("Shiwei", "Liu"),), 2021)]
DATA = SiteData(publications=PAPERS)


def check(markdown, broken=frozenset()):
    return citations.check(markdown, "docs/research.md", SiteData(publications=PAPERS, broken_keys=broken),
                           first_line=3)


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
    written, [reference] = stash.stash(citations.references(markdown, DATA, PaperContext(root="../")))
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


def ref(key, number, nth=""):
    """A footnote reference as Python-Markdown writes it."""
    return f'<sup id="fnref{nth}:{key}"><a class="footnote-ref" href="#fn:{key}">{number}</a></sup>'


def test_adjacent_citations_become_one_bracket_of_linked_numbers():
    html = f"<p>Pruning {ref('yin2024outlier', 1)}{ref('Liu2021We', 2)}, and again {ref('liu2021we', 2, 2)}.</p>"
    written = BeautifulSoup(citations.bracketed(html, DATA), "html.parser")
    first, second = written.select("span.lab-cite")
    assert first.get_text() == "[1, 2]" and second.get_text() == "[2]"
    assert [(a["href"], a["id"], a["title"]) for a in first.find_all("a")] == [
        ("#fn:yin2024outlier", "fnref:yin2024outlier", "OWL"), ("#fn:Liu2021We", "fnref:Liu2021We", "ITOP")]
    assert second.a["id"] == "fnref2:liu2021we"  # the reference's arrow back leads to each place it is cited
    assert not written.find("sup")


def test_citations_parted_by_white_space_join_and_by_words_do_not():
    spaced = citations.bracketed(f"{ref('yin2024outlier', 1)}\n {ref('liu2021we', 2)}", DATA)
    assert BeautifulSoup(spaced, "html.parser").get_text() == "[1, 2]"
    parted = citations.bracketed(f"{ref('yin2024outlier', 1)} and {ref('liu2021we', 2)}", DATA)
    assert BeautifulSoup(parted, "html.parser").get_text() == "[1] and [2]"


def test_other_footnotes_and_superscripts_are_left_alone():
    note = ref("aside", 1)
    html = f'<p>A note{note}{ref("yin2024outlier", 2)} x<sup>*</sup></p><div class="footnote"><ol>' \
           '<li id="fn:aside"><p>Mine.</p></li><li id="fn:yin2024outlier"><p>OWL</p></li></ol></div>'
    written = citations.bracketed(html, DATA)
    assert f"A note{note}" in written and "<sup>*</sup>" in written
    soup = BeautifulSoup(written, "html.parser")
    assert soup.select_one("span.lab-cite").get_text() == "[2]"
    assert [li.get("class") for li in soup.select(".footnote li")] == [None, ["lab-reference"]]


def test_a_citation_title_is_escaped_in_its_tooltip():
    hostile = [Publication("x2024", "misc", '"><script>alert(1)</script>', (Name("A", "B"),), 2024)]
    written = citations.bracketed(ref("x2024", 1), SiteData(publications=hostile))
    assert "<script>" not in written
    assert BeautifulSoup(written, "html.parser").a["title"] == '"><script>alert(1)</script>'


def test_research_page_cites_as_brackets_of_numbers_that_lead_to_the_papers(example_site):
    page = example_site.content("research/")
    brackets = [words(cite) for cite in page.select("span.lab-cite")]
    assert brackets == ["[1]", "[2]", "[3]", "[4]", "[5]", "[6, 7]", "[8, 9, 10]", "[11, 12]"]
    assert not page.select("sup.footnote-ref, a.footnote-ref")
    for link in page.select("span.lab-cite a"):
        reference = page.find(id=link["href"][1:])
        assert "lab-reference" in reference["class"]
        title = reference.find("a", href=re.compile(r"^\.\./publications/[^/]+/$"))
        assert title.get_text() == link["title"]  # the tooltip names the paper the reference leads to
        assert reference.find("a", class_="footnote-backref")["href"] == f"#{link['id']}"
    assert not re.search(r"https?://", words(page.select_one("div.footnote")))  # no bare addresses


def words(node) -> str:
    """The visible text of ``node``, white space folded."""
    return re.sub(r"\s+", " ", node.get_text()).strip()
