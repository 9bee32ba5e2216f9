"""The CV page's own line: that it is a CV, the day its data last changed, and the owner's CV as a PDF."""

from __future__ import annotations

import datetime
import os

import pytest
import yaml
from bs4 import BeautifulSoup

from labsite import stash, yamldata
from labsite.profile import Profile
from labsite.render import career
from sitebuild import BuiltSite, run_build

CHANGED = datetime.date(2025, 6, 1)


def header(profile: Profile, root: str = "../", updated: datetime.date | None = CHANGED) -> BeautifulSoup:
    _, [html] = stash.stash(career.cv_header(profile, updated, root))
    return BeautifulSoup(html, "html.parser")


def test_without_a_date_the_cv_says_only_what_it_is():
    assert header(Profile(name="Ada"), updated=None).get_text(" ", strip=True) == "Curriculum vitae"


def test_the_cv_says_when_its_data_last_changed_and_offers_its_pdf():
    line = header(Profile(name="Ada Lovelace", cv_pdf="https://example.org/ada-cv.pdf"))
    assert line.get_text(" ", strip=True) == "Curriculum vitae, last updated 1 Jun 2025 Download CV (PDF)"
    assert line.time["datetime"] == "2025-06-01"
    assert line.a["href"] == "https://example.org/ada-cv.pdf" and "md-button" in line.a["class"]


def test_a_cv_pdf_of_the_site_is_found_from_the_page_and_none_means_no_link():
    assert header(Profile(name="Ada", cv_pdf="assets/ada-cv.pdf")).a["href"] == "../assets/ada-cv.pdf"
    assert header(Profile(name="Ada")).a is None


@pytest.mark.parametrize("value, valid", [
    ("https://example.org/cv.pdf", True), ("assets/cv.pdf", True),
    ("javascript:alert(1)//.pdf", False), ("assets/cv.docx", False), ("my cv.pdf", False)])
def test_the_profile_takes_an_address_or_a_pdf_of_the_site(value, valid):
    text = yaml.safe_dump({"name": "Ada", "position": "Professor", "institution": "Somewhere", "cv_pdf": value})
    errors = yamldata.parse(text, "docs/data/profile.yml", "profile").errors
    assert (errors == []) == valid, errors
    assert valid or "cv_pdf" in str(errors[0])


def test_the_cv_page_is_dated_by_the_build_and_links_the_owners_pdf(example_site):
    page = example_site.content("cv/")
    line = page.select_one("p.lab-cv")
    assert line.time["datetime"] == "2025-06-01"  # conftest.BUILD_DATE, through SOURCE_DATE_EPOCH
    profile = yaml.safe_load((example_site.folder.parent / "docs" / "data" / "profile.yml").read_text(encoding="utf-8"))
    assert line.find("a", string="Download CV (PDF)")["href"] == profile["cv_pdf"]
    top = page.select_one(".lab-hero")  # contact details come first, before the summary
    assert top.find("a", href=f"mailto:{profile['email']}") and top.find_next("h2").get_text(strip=True) == "Summary¶"


def test_a_hostile_cv_address_stays_an_attribute():
    line = header(Profile(name="Ada", cv_pdf='https://example.org/"><svg onload=alert(1)>.pdf'))
    assert line.find("svg") is None and line.a["href"] == 'https://example.org/"><svg onload=alert(1)>.pdf'


def test_the_cv_and_the_counts_keep_the_datas_date_when_the_build_date_moves(project):
    data = [project / "docs" / "data" / "talks.yml", project / "bib" / "publications.bib"]
    changed = datetime.datetime(2025, 3, 14, 12, tzinfo=datetime.timezone.utc).timestamp()
    for path in (project / "docs" / "data").iterdir():
        os.utime(path, (changed - 86400 * 30, changed - 86400 * 30))
    for path in data:  # the newest change of the data: 14 March 2025
        os.utime(path, (changed, changed))
    shown = []
    for built in (datetime.datetime(2025, 6, 1, tzinfo=datetime.timezone.utc),
                  datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)):
        result, site = run_build(project, date=built)
        assert result.returncode == 0, result.stderr
        cv = BuiltSite(site, result.stderr).content("cv/")
        shown.append((cv.select_one(".lab-cv__updated").get_text(" ", strip=True),
                      cv.select_one(".lab-counts time")["datetime"]))
    assert shown == [("Curriculum vitae, last updated 14 Mar 2025", "2025-03-14")] * 2


def test_a_build_dated_before_the_data_changed_says_its_own_day(project):
    # SOURCE_DATE_EPOCH in the past (a rebuild of an old release): never a date after the build's.
    result, site = run_build(project, date=datetime.datetime(2001, 1, 1, tzinfo=datetime.timezone.utc))
    assert result.returncode == 0, result.stderr
    cv = BuiltSite(site, result.stderr).content("cv/")
    assert cv.select_one(".lab-cv__updated time")["datetime"] == "2001-01-01"
