"""The owner at a glance (the home page's hero), contact links with icons, and timelines."""

from __future__ import annotations

from bs4 import BeautifulSoup

from labsite.career import Position
from labsite.profile import Affiliation, Link, Profile
from labsite.render import career, icons

OWNER = Profile(name="Ada <Lovelace>", position="Professor", institution="Analytical University",
                unit="Engines Group", affiliations=(Affiliation("Royal Society", "Fellow"),),
                bio=("I build engines.",), email="ada@example.org",
                links=(Link("Code <mine>", "https://github.com/ada"), Link("Home", "https://ada.example")))


def soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def test_the_hero_names_the_owner_as_the_pages_heading_only_when_asked():
    assert soup(career.profile_card(OWNER, title=True)).select_one("h1.lab-hero__name").get_text() == "Ada <Lovelace>"
    card = soup(career.profile_card(OWNER))
    assert card.h1 is None and card.select_one("p.lab-hero__name").get_text() == "Ada <Lovelace>"


def test_the_hero_shows_position_institution_unit_and_the_affiliations_unless_left_out():
    card = soup(career.profile_card(OWNER))
    assert " ".join(card.select_one(".lab-hero__position").get_text(" ").split()) == \
        "Professor , Analytical University Engines Group"
    assert card.select_one(".lab-hero__affiliations").get_text() == "Fellow, Royal Society"
    assert soup(career.profile_card(OWNER, affiliations=False)).select_one(".lab-hero__affiliations") is None


def test_without_a_photo_the_hero_shows_initials_hidden_from_screen_readers():
    mark = soup(career.profile_card(OWNER)).select_one(".lab-hero__photo")
    assert mark.name == "span" and mark.get_text() == "A<" and mark["aria-hidden"] == "true"
    assert soup(career.profile_card(OWNER, with_portrait=False)).select_one(".lab-hero__photo") is None


def test_a_photo_is_shown_with_its_alt_text_and_loads_at_once():
    photo = soup(career.profile_card(Profile(name="Ada", photo="assets/ada.jpg"), root="../")).img
    assert photo["src"] == "../assets/ada.jpg" and photo["alt"] == "Photo of Ada"
    assert not photo.has_attr("loading")  # on the first screen: lazy loading would only delay it


def test_the_biography_follows_the_hero_and_can_be_left_out():
    assert "I build engines." in soup(career.profile_card(OWNER)).select_one(".lab-bio").get_text()
    assert "I build engines." not in career.profile_card(OWNER, with_bio=False)


def test_contact_links_put_the_email_first_each_with_an_icon_and_escaped_label():
    links = soup(career.contact_links(OWNER)).select("a.lab-contact__link")
    assert [a["href"] for a in links] == ["mailto:ada@example.org", "https://github.com/ada", "https://ada.example"]
    assert [a.get_text() for a in links] == ["ada@example.org", "Code <mine>", "Home"]
    assert all(a.svg is not None and a.svg["aria-hidden"] == "true" for a in links)
    assert career.contact_links(Profile()) == ""


def test_icons_are_chosen_by_address_and_a_missing_icon_is_no_error():
    assert icons.name_for("https://github.com/ada") == "fontawesome/brands/github"
    assert icons.name_for("https://ada.example") == icons.OTHER
    assert icons.svg(icons.OTHER).startswith('<svg aria-hidden="true"')
    assert icons.svg("no/such/icon") == ""


def test_the_contact_card_names_the_owner_and_where_they_work():
    card = soup(career.contact_card(OWNER))
    assert "Professor, Engines Group, Analytical University" in card.get_text()
    assert card.select_one("a.lab-contact__link")["href"] == "mailto:ada@example.org"


def test_timeline_entries_keep_the_date_apart_from_the_text():
    entry = soup(career.positions_list([Position("Lecturer", "Analytical University", "2020-09")])).li
    assert [child["class"][0] for child in entry.find_all(recursive=False)] == ["lab-timeline__when",
                                                                               "lab-timeline__what"]
