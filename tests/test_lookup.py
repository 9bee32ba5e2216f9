"""Reading what Crossref and arXiv answer (labsite.lookup), how a source is named
(labsite.identifiers), and asking politely (labsite.scholarly): on this project's fixtures,
and on the real recorded answers of ../shared/corpus/apis/ where they are present."""

from __future__ import annotations

from pathlib import Path

import pytest
from apiserver import FIXTURES, Answers, file_name, pointed_at

from labsite.identifiers import Arxiv, BibSource, Doi, source
from labsite.lookup import Found, arxiv_entry, crossref_work
from labsite.newentry import entry, key_for, protected, recognised
from labsite.scholarly import Client, LookupFailed
from labsite.venues import Venue, Venues

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "apis"
VENUES = Venues("CORE2023", (Venue("ICML", "International Conference on Machine Learning", "A*"),
                             Venue("ACML", "Asian Conference on Machine Learning", "Unranked"),
                             Venue("NeurIPS", "Conference on Neural Information Processing Systems", "A*")))


@pytest.mark.parametrize("written, named", [
    ("10.1609/aaai.v37i9.26297", Doi("10.1609/aaai.v37i9.26297")),
    ("doi:10.1609/aaai.v37i9.26297", Doi("10.1609/aaai.v37i9.26297")),
    ("https://doi.org/10.1177%2F0956797614557867", Doi("10.1177/0956797614557867")),
    ("2412.13795", Arxiv("2412.13795")), ("arXiv:2412.13795v2", Arxiv("2412.13795")),
    ("https://arxiv.org/abs/2412.13795", Arxiv("2412.13795")), ("arxiv.org/pdf/2412.13795v1.pdf", Arxiv("2412.13795")),
    ("math/0211159", Arxiv("math/0211159")), ("10.48550/arXiv.2412.13795", Arxiv("2412.13795")),
    ("-", BibSource(None)), ("export.bib", BibSource(Path("export.bib")))])
def test_every_common_way_of_naming_a_paper_is_read(written, named):
    assert source(written) == named


def test_a_source_that_names_nothing_says_what_it_takes():
    with pytest.raises(ValueError, match="is not a DOI"):
        source("the OWL paper")


def test_venues_are_recognised_by_abbreviation_or_by_the_words_of_their_name():
    assert recognised("Proceedings of the 41st International Conference on Machine Learning", VENUES).abbr == "ICML"
    assert recognised("Asian Conference on Machine Learning (ACML 2021)", VENUES).abbr == "ACML"
    assert recognised("The Asian Conference on Machine Learning", VENUES).abbr == "ACML"  # more words than ICML's
    assert recognised("Advances in Neural Information Processing Systems 37", VENUES).abbr == "NeurIPS"
    assert recognised("Journal of Imaginary Engines", VENUES) is None
    assert recognised("ICMLA 2020", VENUES) is None  # an abbreviation only as a word of its own


def test_titles_keep_their_capitals_and_escape_what_bibtex_reads():
    assert protected("GaLore for LLMs: 3D & 100% of it_now") == r"{GaLore} for {LLMs}: {3D} \& 100\% of it\_now"
    assert protected("A {braced} title") == "A braced title"


def test_keys_follow_one_style_and_never_repeat_one_the_site_has():
    found = Found("misc", "The Curse of Depth in Large Language Models", [("Sun", "Wenfang")], year=2025)
    assert key_for(found, set()) == "sun2025curse"
    assert key_for(found, {"sun2025curse", "sun2025curseb"}) == "sun2025cursec"
    assert key_for(Found("misc", "À propos", [("Müller-Lüdenscheidt", "Jörg")]), set()) == "mullerludenscheidtndpropos"


def test_an_entry_says_where_its_facts_came_from_and_warns_of_an_unknown_venue():
    found = Found("article", "Engines", [("Babbage", "Charles")], venue="Journal of Imaginary Engines", year=2024,
                  doi="10.5555/e", source="Crossref")
    written = entry(found, set(), VENUES, __import__("datetime").date(2025, 6, 1))
    assert "sources = {Crossref (api.crossref.org/works/10.5555/e), 2025-06-01, by labsite add}" in written.text
    assert "journal = {Journal of Imaginary Engines}" in written.text and "abbr" not in written.text
    assert written.warnings and "is not in docs/data/venues.yml" in written.warnings[0]


def test_the_polite_pool_is_asked_with_the_owners_address_and_arxiv_without_it():
    with pointed_at() as answers:
        client = Client(mailto="ada@example.org")
        assert crossref_work(client, "10.5555/frugal.2025.7").venue.endswith("Machine Learning")
        assert arxiv_entry(client, "2503.01234").authors[2] == ("van Keulen", "Maurice")
    assert answers.requests["/crossref/works/10.5555/frugal.2025.7"] == 1


# The real recorded answers where they are beside the project, else this project's own fixtures.
RECORDED = (CORPUS / "crossref-works", CORPUS / "arxiv-atom", 30) if CORPUS.is_dir() else \
    (FIXTURES / "crossref", FIXTURES / "arxiv", 4)


def test_every_recorded_crossref_and_arxiv_answer_is_read_or_refused_in_one_line():
    crossref, arxiv, least = RECORDED
    read, refused = [], []
    with pointed_at(Answers(crossref=crossref, arxiv=arxiv)):
        client = Client(sleep=lambda seconds: None)
        for path in sorted(crossref.glob("*.json")):
            doi = path.name.removesuffix(".json").replace("_", "/", 1)
            if file_name(doi) != path.name.removesuffix(".json"):
                continue  # a name that no DOI gives back (its _ stood for several characters)
            try:
                found = crossref_work(client, doi)
                read.append(found)
                assert found.source == "Crossref" and "<" not in found.title
            except LookupFailed as problem:
                refused.append(str(problem))
        for path in sorted(arxiv.glob("*.xml")):
            identifier = path.name.split("__")[0].removesuffix(".xml").replace("_", "/")
            try:
                found = arxiv_entry(client, identifier)
                read.append(found)
                assert found.arxiv == identifier and found.title and found.authors
            except LookupFailed as problem:
                refused.append(str(problem))
    assert len(read) >= least, refused
    assert all("\n" not in line and line for line in refused)
