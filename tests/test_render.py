"""Rendering records to HTML: content, structure and escaping."""

from __future__ import annotations

import datetime
from dataclasses import replace

from bs4 import BeautifulSoup

from labsite import bibliography, publications
from labsite.grants import ComputeAward, Grant, Resource
from labsite.names import Name, Roster
from labsite.people import Member
from labsite.profile import Link, Profile, Record
from labsite.publications import Publication
from labsite.render import activities, career, html, people, stats
from labsite.render import publications as render_publications
from labsite.talks import Talk
from labsite.teaching import Course
from labsite.venues import Venue, Venues

OWNER = (Name.parse("Lu Yin"), Name.parse("L. Yin"))
CONTEXT = render_publications.PaperContext(Roster(owner=OWNER))


def paper(**fields):
    body = {"author": "Yin, L. and Smith, Ann", "title": "T", "booktitle": "Proc", "year": "2024", **fields}
    text = "@inproceedings{k,\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in body.items()) + "\n}\n"
    records, errors = publications.from_entries(bibliography.parse(text, "x.bib").entries)
    assert errors == []
    return records[0]


def soup(markup):
    return BeautifulSoup(markup, "html.parser")


def test_hostile_title_renders_as_text():
    markup = render_publications.entry(paper(title="<script>alert(1)</script> & <b>x</b>"), CONTEXT)
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert soup(markup).select_one(".lab-pub__title").get_text() == "<script>alert(1)</script> & <b>x</b>"


def test_owner_is_highlighted_in_any_spelling():
    owners = soup(render_publications.entry(paper(), CONTEXT)).select(".lab-owner")
    assert [o.get_text() for o in owners] == ["L. Yin"]


def test_others_become_et_al_and_equal_contribution_gets_a_legend():
    record = paper(author="Yin, Lu and Smith, Ann and others", equal_contribution="Lu Yin, Ann Smith",
                   corresponding="Ann Smith")
    authors = soup(render_publications.entry(record, CONTEXT)).select_one(".lab-pub__authors")
    assert authors.get_text() == "Lu Yin*, Ann Smith*†, et al."
    legend = soup(render_publications.legend([record], CONTEXT)).get_text()
    assert legend == "* equal contribution · † corresponding author"
    assert render_publications.legend([paper()], CONTEXT) == ""


def test_links_are_ordered_and_identifiers_become_addresses():
    markup = render_publications.entry(paper(pdf="paper.pdf", code="https://github.com/a/b", doi="10.1000/x",
                                             eprint="2401.00001"),
                                       render_publications.PaperContext(Roster(OWNER), root="../"))
    links = [(a.get_text(), a["href"]) for a in soup(markup).select(".lab-pub__links a")]
    assert links == [("PDF", "../assets/pdf/paper.pdf"), ("arXiv", "https://arxiv.org/abs/2401.00001"),
                     ("DOI", "https://doi.org/10.1000/x"), ("Code", "https://github.com/a/b")]
    assert all(a.get("rel") == ["noopener"] for a in soup(markup).select(".lab-pub__links a[href^=http]"))


def test_badges_show_venue_presentation_and_award():
    venues = Venues("CORE2023", (Venue("ICML", "Machine Learning", "A*"),), {"icml": Venue("ICML", "ML", "A*")})
    context = render_publications.PaperContext(Roster(OWNER), venues=venues)
    badges = soup(render_publications.entry(paper(abbr="ICML", presentation="oral", award="Best Paper"), context))
    assert [b.get_text() for b in badges.select(".lab-badge")] == ["ICML 2024", "CORE2023 A*", "Oral", "Best Paper"]


def test_list_groups_by_year_under_headings():
    older = paper(year="2020")
    markdown = render_publications.publication_list([paper(), older], CONTEXT)
    assert markdown.index("## 2024") < markdown.index("## 2020")
    assert render_publications.publication_list([], CONTEXT).count("No publications yet") == 1


def test_list_without_details_leaves_out_abstract_and_bibtex():
    listed = soup(render_publications.publication_list([paper(abstract="We prune.")], CONTEXT))
    compact = soup(render_publications.publication_list([paper(abstract="We prune.")], CONTEXT, with_details=False))
    assert listed.select(".lab-pub__abstract") and listed.select(".lab-pub__bibtex")
    assert not compact.select("details") and compact.select_one(".lab-pub__title").get_text() == "T"


def test_unsafe_addresses_never_become_links():
    assert html.href("javascript:alert(1)") is None
    assert html.href("  JavaScript:alert(1)") is None
    assert html.href("data:text/html,x") is None
    assert html.href("//evil.example/x") is None
    assert html.href("\\\\evil.example/x") is None and html.href("/\\evil.example") is None
    assert html.link("javascript:alert(1)", "label") == "label"
    assert html.href('https://x.org/?a="b"') == "https://x.org/?a=&quot;b&quot;"
    assert html.href("files/cv.pdf", "../") == "../files/cv.pdf"


def test_people_tables_group_by_level_and_escape_names():
    members = [Member("<i>Ann</i>", "phd", "Sparsity", 2024, institution="Surrey"),
               Member("Bob", "bsc", "Music", 2023, end=2024,
                      links=(Link("Site", "https://bob.example"), Link("Bad", "javascript:x")))]
    markup = people.people_tables(members)
    assert markup.index("## PhD students") < markup.index("## BSc students")
    page = soup(markup)
    assert page.find("strong", string="<i>Ann</i>") is not None and page.find("i") is None
    assert [a["href"] for a in page.select("a")] == ["https://bob.example"]
    assert "2023–2024" in page.get_text()


def test_courses_talks_and_grants_render_their_fields():
    courses = soup(activities.courses_table([Course("Deep Learning", "TU/e", (2020, 2021), "2AMM10")]))
    assert [td.get_text() for td in courses.select("td")] == ["Deep Learning", "2AMM10", "TU/e", "2020, 2021"]
    talks = activities.talks_list([Talk(2024, "Sparsity", "Lab", "Uni", slides="https://s.example")])
    assert "## 2024" in talks and 'href="https://s.example"' in talks
    grant = Grant("G", "NWO", "2023-04", "Co-PI", "2025-04", 90431.5, "$", ("A", "B"))
    row = [td.get_text() for td in soup(activities.grants_list([grant])).select("td")]
    assert row == ["G", "NWO", "$90,431.50", "Apr 2023 – Apr 2025", "Co-PI (with A and B)"]
    assert activities.amount(Grant("G", "F", "2020-01", "PI", amount=1000, currency="EUR")) == "1,000 EUR"
    computing = soup(activities.computing_table([ComputeAward(2022, "NWO", "EINF-1", (Resource("A100", "10 hr"),))]))
    assert "A100: 10 hr" in computing.get_text()


def test_profile_card_shows_links_and_optional_bio():
    owner = Profile(name="Lu Yin", position="Assistant Professor", institution="Surrey",
                    bio=("Hello <there>",), email="lu@example.org",
                    links=(Link("Google Scholar", "https://scholar.google.com/x"),))
    card = soup(career.profile_card(owner))
    assert [a["href"] for a in card.select("a")] == ["mailto:lu@example.org", "https://scholar.google.com/x"]
    assert "Hello <there>" in card.get_text()
    assert "Hello" not in career.profile_card(owner, with_bio=False)


def test_group_members_are_linked_and_long_lists_cut_after_the_last_marked_author():
    roster = Roster(OWNER, ((Name.parse("Ann Smith"), "team/#person-ann-smith"),))
    context = render_publications.PaperContext(roster, root="../", max_authors=2)
    authors = "A, One and B, Two and C, Three and Smith, Ann and D, Four and E, Five and Yin, L."
    record = paper(author=authors)
    markup = soup(render_publications.entry(record, context))
    member = markup.select_one("a.lab-member")
    assert member.get_text() == "Ann Smith" and member["href"] == "../team/#person-ann-smith"
    shown = markup.select_one(".lab-pub__authors")
    # The owner is 7th: nothing is cut after a marked author, so all seven show.
    assert shown.select_one("details") is None and shown.select_one(".lab-owner").get_text() == "L. Yin"
    record = paper(author="Yin, Lu and B, Two and C, Three and D, Four and E, Five")
    folded = soup(render_publications.entry(record, context)).select_one("details.lab-more-authors")
    assert folded.summary.get_text() == ", and 3 more"
    assert soup(render_publications.legend([paper(author=authors)], context)).get_text() == \
        "Underlined: member of the group"


def test_a_year_already_in_the_venue_or_abbreviation_is_not_repeated():
    paper = Publication("k", "inproceedings", "T", (Name("Lu", "Yin"),), 2025, venue="NeurIPS 2025", abbr="NeurIPS 2025")
    assert render_publications.venue(paper) == "<em>NeurIPS 2025</em>."
    assert ">NeurIPS 2025<" in render_publications.badges(paper, Venues())
    inside = Publication("k", "inproceedings", "T", (Name("Lu", "Yin"),), 2017, venue="Proc. of ICVS (ICVS 2017)",
                         publisher="Springer")
    assert render_publications.venue(inside) == "<em>Proc. of ICVS (ICVS 2017)</em>. Springer, 2017."
    alone = replace(inside, publisher="", venue="Advances in NeurIPS 38 (NeurIPS 2017)")
    assert render_publications.venue(alone) == "<em>Advances in NeurIPS 38 (NeurIPS 2017)</em>."
    longer = replace(alone, venue="Workshop 12017 Proceedings")  # not the year: a number that holds it
    assert render_publications.venue(longer) == "<em>Workshop 12017 Proceedings</em>. 2017."


def test_an_undated_paper_without_a_venue_has_no_empty_venue_line():
    paper = Publication("k", "misc", "T", (Name("Lu", "Yin"),), None)
    assert render_publications.venue(paper) == ""
    assert "lab-pub__venue" not in render_publications.entry(paper, render_publications.PaperContext())
    assert paper.year_label == "Undated"


def test_a_file_of_the_site_with_spaces_in_its_name_gets_an_address_that_works():
    assert html.href("assets/pdf/Do We Need It.pdf", "../") == "../assets/pdf/Do%20We%20Need%20It.pdf"


def test_the_profiles_links_become_footer_icons_by_their_address():
    owner = Profile(name="Ada", email="ada@example.org", links=(
        Link("Code", "https://github.com/ada"), Link("Scholar", "https://scholar.google.com/x"),
        Link("X", "https://x.com/ada"), Link("CV", "https://ada.example/cv.pdf"), Link("Home", "https://ada.example")))
    assert [(entry["icon"].rsplit("/", 1)[1], entry["link"], entry["name"]) for entry in career.social_links(owner)] == [
        ("envelope", "mailto:ada@example.org", "E-mail ada@example.org"), ("github", "https://github.com/ada", "Code"),
        ("google-scholar", "https://scholar.google.com/x", "Scholar"), ("x-twitter", "https://x.com/ada", "X"),
        ("file-pdf", "https://ada.example/cv.pdf", "CV"), ("globe", "https://ada.example", "Home")]
    assert career.social_links(Profile()) == []


RANKED = Venues("CORE2023", (), {"icml": Venue("ICML", "ML", "A*"), "uai": Venue("UAI", "UAI", "A"),
                                 "ida": Venue("IDA", "IDA", "B")})


def test_badges_tell_venue_rank_and_presentation_apart_by_class():
    badges = soup(render_publications.badges(paper(abbr="ICML", presentation="oral"), RANKED))
    assert [b["class"] for b in badges.select(".lab-badge")] == [
        ["lab-badge", "lab-badge--venue"], ["lab-badge", "lab-badge--rank"], ["lab-badge", "lab-badge--presentation"]]


def test_links_and_toggles_share_one_row_of_actions():
    entry = soup(render_publications.entry(paper(code="https://github.com/a/b", abstract="We prune."), CONTEXT))
    [row] = entry.select(".lab-pub__actions")
    assert [a.get_text() for a in row.select("a.lab-pub__link")] == ["Code"]
    assert [d.summary.get_text() for d in row.select("details.lab-pub__toggle")] == ["Abstract", "BibTeX"]
    bare = soup(render_publications.entry(paper(), CONTEXT, with_details=False))
    assert not bare.select(".lab-pub__actions")  # nothing to act on: no empty row


def test_counts_say_in_plain_words_what_this_site_lists():
    papers = [paper(abbr="ICML"), paper(abbr="ICML"), paper(abbr="UAI"), paper(abbr="IDA"), paper()]
    assert soup(stats.publication_counts(papers, RANKED)).get_text() == \
        "5 papers on this site · 2 at A* venues · 1 at A venues (CORE2023)"
    dated = soup(stats.publication_counts(papers, RANKED, datetime.date(2026, 3, 9)))
    assert dated.get_text() == "5 papers on this site as of 9 Mar 2026 · 2 at A* venues · 1 at A venues (CORE2023)"
    assert dated.time["datetime"] == "2026-03-09"
    assert soup(stats.publication_counts([paper(abbr="IDA")], RANKED)).get_text() == "1 paper on this site"
    assert soup(stats.publication_counts([paper(abbr="ICML")], Venues())).get_text() == "1 paper on this site"


def test_the_whole_record_reads_as_the_owners_own_dated_count_and_is_escaped():
    line = stats.record_line(Record("2024-12", "over 40 papers <b>(12 A*)</b>"), "Ada <Lovelace>")
    assert soup(line).get_text() == "Ada <Lovelace>'s own count, as of December 2024: over 40 papers <b>(12 A*)</b>."
    assert "<b>" not in line and "<Lovelace>" not in line and stats.record_line(None) == ""
    assert soup(stats.record_line(Record("2024-12", "9 papers"))).get_text() == \
        "The owner's own count, as of December 2024: 9 papers."


def test_the_chart_writes_years_in_full_and_leaves_out_jargon():
    chart = soup(stats.papers_per_year_chart([paper(year="2019"), paper(year="2021"), paper(year="2021")]))
    assert [t.get_text() for t in chart.select("svg > text")] == ["1", "2019", "2020", "2", "2021"]
    assert chart.figcaption.get_text() == "Papers on this site, per year"


def test_a_papers_page_links_its_topics_to_the_filtered_list():
    record = paper(keywords="llm-pruning; a&b <i>")
    page = soup(render_publications.paper_page(record, [], replace(CONTEXT, root="../../")))
    assert [(a.get_text(), a["href"]) for a in page.select(".lab-topics a")] == [
        ("llm-pruning", "../../publications/?topic=llm-pruning"),
        ("a&b <i>", "../../publications/?topic=a%26b%20%3Ci%3E")]
    assert page.find("i") is None
    assert not soup(render_publications.paper_page(paper(), [], CONTEXT)).select(".lab-paper__topics")


def test_the_rank_filter_lists_the_best_ranks_first_then_the_others_by_name():
    venues = Venues("CORE2023", (), {abbr.lower(): Venue(abbr, abbr, rank) for abbr, rank in (
        ("W", "Unranked"), ("X", "C"), ("Y", "A"), ("Z", "National: China"), ("V", "B"), ("U", "A*"))})
    papers = [paper(abbr=abbr) for abbr in "WXYZVU"]
    select = soup(render_publications.filter_bar(papers, venues)).select_one("select[name=rank]")
    assert [o.get_text() for o in select.select("option")] == \
        ["All", "A*", "A", "B", "C", "National: China", "Unranked"]


def test_the_filter_bar_has_an_empty_state_that_clears_it():
    bar = soup(render_publications.filter_bar([paper()], Venues()))
    form, empty = bar.select_one("form.lab-filter"), bar.select_one(".lab-filter__empty")
    assert form.has_attr("hidden") and empty.has_attr("hidden")  # shown only by the script
    assert empty.get_text(" ", strip=True) == "No papers match these filters. Clear the filters"
    assert empty.button["type"] == "reset" and empty.button["form"] == form["id"]


def test_topics_show_by_their_themes_title_and_filter_by_their_keyword():
    record = paper(keywords="llm-pruning, odd-one")
    names = {"llm-pruning": "Pruning <large> models"}
    page = soup(render_publications.paper_page(record, [], replace(CONTEXT, root="../../", topics=names)))
    assert [(a.get_text(), a["href"]) for a in page.select(".lab-topics a")] == [
        ("Pruning <large> models", "../../publications/?topic=llm-pruning"),
        ("odd-one", "../../publications/?topic=odd-one")]
    select = soup(render_publications.filter_bar([record], Venues(), names)).select_one("select[name=topic]")
    assert [(o["value"], o.get_text()) for o in select.select("option")] == [
        ("", "All"), ("odd-one", "odd-one"), ("llm-pruning", "Pruning <large> models")]
