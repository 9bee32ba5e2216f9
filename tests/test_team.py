"""The team page: current members and alumni by build date, photos, papers with the group."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup
from sitebuild import run_build

from labsite.names import Name
from labsite.people import CoSupervisor, Member
from labsite.profile import Link, Profile
from labsite.publications import Publication
from labsite.render.people import supervision_summary, team_cards

PHD = Member("Ada Lovelace", "phd", "Sparse MoE", 2023,
             co_supervisors=(CoSupervisor("Alan Turing"), CoSupervisor("Mary <Somerville>", "https://mary.example")),
             photo="assets/people/ada.jpg",
             homepage="https://ada.example", links=(Link("Scholar", "https://scholar.example/ada"),))
DONE = Member("Grace Hopper", "phd", "Compilers", 2018, end=2022, institution="Yale",
              thesis="On compiling", next_position="Researcher at Example Labs")
MSC = Member("Bob Smith", "msc", "Pruning", 2024)
LEADER = Profile("Charles Babbage", "Professor", "University of Surrey", unit="Engines Group",
                 email="c.babbage@example.org", links=(Link("GitHub", "https://github.com/babbage"),))
PAPER = Publication("lovelace2024", "inproceedings", "Sparse <Experts>", (Name("Ada", "Lovelace"),), 2024, abbr="ICML")


def cards(year, members=(PHD, DONE, MSC), leader=LEADER):
    markdown = team_cards(list(members), year, {PHD.anchor: [PAPER]}, leader, root="../")
    return markdown, BeautifulSoup(markdown, "html.parser")


def section_of(markdown, name):
    before = markdown[: markdown.index(name)]
    return before[before.rindex("## "):].split("\n")[0]


def test_people_move_to_alumni_when_their_end_year_has_passed():
    markdown, _ = cards(2024)
    assert section_of(markdown, "Ada Lovelace") == "## PhD students"
    assert section_of(markdown, "Grace Hopper") == "## Alumni"
    assert section_of(markdown, "Bob Smith") == "## MSc students"  # a one-year project: current in 2024 and 2025
    markdown, _ = cards(2026)
    assert section_of(markdown, "Bob Smith") == "## Alumni"


def test_alumni_show_thesis_and_next_position_and_foreign_institution():
    _, page = cards(2024)
    grace = " ".join(page.find(id="person-grace-hopper").get_text(" ").split())
    assert "Thesis: On compiling" in grace and "Then: Researcher at Example Labs" in grace
    assert "2018–2022" in grace and "Yale" in grace


def test_current_member_card_has_photo_links_co_supervisors_and_papers():
    _, page = cards(2024)
    ada = page.find(id="person-ada-lovelace")
    assert ada.img["src"] == "../assets/people/ada.jpg" and ada.img["alt"] == "Photo of Ada Lovelace"
    assert "since 2023" in ada.get_text()
    assert " ".join(ada.get_text(" ").split()).count("Co-supervised with Alan Turing and Mary <Somerville>") == 1
    assert [a["href"] for a in ada.find_all("a", string="Mary <Somerville>")] == ["https://mary.example"]
    assert [a["href"] for a in ada.select(".lab-person__links a")] == ["https://ada.example",
                                                                       "https://scholar.example/ada"]
    paper = ada.select_one(".lab-person__papers a")
    assert paper["href"] == "../publications/lovelace2024/" and paper.get_text() == "Sparse <Experts>"


def test_without_a_photo_the_card_shows_initials():
    _, page = cards(2024)
    initials = page.find(id="person-bob-smith").select_one(".lab-initials")
    assert initials.get_text() == "BS" and initials["aria-hidden"] == "true"


def test_the_group_leader_comes_first_with_position_and_contact_links():
    markdown, page = cards(2024)
    assert markdown.index("## Group leader") < markdown.index("## PhD students")
    leader = page.find(id="person-leader")
    assert leader.select_one(".lab-person__name").get_text() == "Charles Babbage"
    assert "Professor · Engines Group, University of Surrey" in leader.get_text()
    assert [a["href"] for a in leader.select("a.lab-contact__link")] == ["mailto:c.babbage@example.org",
                                                                         "https://github.com/babbage"]
    assert all(a.svg is not None for a in leader.select("a.lab-contact__link"))  # each with its icon
    assert leader.select_one(".lab-initials").get_text() == "CB"


def test_members_institution_is_left_out_where_it_is_the_leaders():
    _, page = cards(2024, leader=Profile("Charles Babbage", "Professor", "Yale"))
    assert "Yale" not in page.find(id="person-grace-hopper").get_text()


def test_without_a_leader_name_the_page_starts_with_the_members():
    markdown, _ = cards(2024, leader=Profile())
    assert "Group leader" not in markdown and markdown.lstrip().startswith("## PhD students")


def test_supervision_counts_current_and_past_students():
    summary = BeautifulSoup(supervision_summary([PHD, DONE, MSC], "Lu Yin", 2026), "html.parser").get_text().strip()
    assert summary == "Lu Yin currently supervises 1 PhD student. Past students: 1 PhD student (Yale) and 1 MSc student."


def test_the_built_team_page_moves_one_year_projects_to_alumni_a_year_later(project):
    result, site = run_build(project, date=datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc))
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((site / "team" / "index.html").read_text(), "html.parser")
    alumni = page.find("h2", id="alumni").find_next("div", class_="lab-team")
    names = [p.get_text() for p in alumni.select(".lab-person__name")]
    # The example's MSc and BSc projects of 2024 ended with 2025; the BSc project of 2025 goes on.
    assert sorted(names) == ["Hana Novak", "Lena Fischer", "Priya Raman", "Samuel Osei"]
    bsc = page.find("h2", id="bsc-students").find_next("div", class_="lab-team")
    assert [p.get_text() for p in bsc.select(".lab-person__name")] == ["Oliver Brandt"]


def test_a_name_ending_in_a_backslash_is_shown_as_written_and_blames_no_page(project):
    people = project / "docs" / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("  - name: Mei Tanaka\n", "  - name: 'Mei Tanaka\\'\n"),
                      encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "ERROR" not in result.stderr and "WARNING" not in result.stderr
    assert "Mei Tanaka\\" in BeautifulSoup((site / "team" / "index.html").read_text(), "html.parser").get_text()


def test_a_members_anchor_is_plain_letters_of_their_name_or_a_hash():
    assert Member("Tomás Rivera", "phd", "T", 2024).anchor == "person-tomas-rivera"
    one, other = Member("李明", "phd", "T", 2024).anchor, Member("王芳", "phd", "T", 2024).anchor
    assert one.startswith("person-") and len(one) > len("person-") and one != other


def test_a_member_whose_topic_is_not_known_shows_no_topic_line():
    quiet = Member("Nadia Petrova", "phd", "", 2025)
    _, page = cards(2025, members=(PHD, quiet))
    assert "Topic:" not in page.find(id="person-nadia-petrova").get_text()
    assert "Topic: Sparse MoE" in page.find(id="person-ada-lovelace").get_text(" ")
