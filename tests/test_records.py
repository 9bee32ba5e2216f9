"""Typed records built from validated data."""

from __future__ import annotations

from labsite import career, grants, people, profile, teaching
from labsite.yamldata import Document


def test_courses_given_twice_are_merged_with_all_years():
    data = {"courses": [
        {"title": "Deep Learning", "code": "2AMM10", "institution": "TU/e", "years": [2023, 2020]},
        {"title": "Other", "institution": "Surrey", "years": [2022]},
        {"title": "Deep Learning", "code": "2AMM10", "institution": "TU/e", "years": [2021, 2020]},
    ]}
    courses = teaching.from_data(Document("teaching.yml", data))
    assert [(c.title, c.years) for c in courses] == [("Deep Learning", (2020, 2021, 2023)), ("Other", (2022,))]


def test_members_are_ordered_by_level_then_newest_first():
    data = {"people": [{"name": "B", "level": "bsc", "topic": "t", "start": 2024},
                       {"name": "P1", "level": "phd", "topic": "t", "start": 2022},
                       {"name": "P2", "level": "phd", "topic": "t", "start": 2024}]}
    assert [m.name for m in people.from_data(Document("people.yml", data))] == ["P2", "P1", "B"]


def test_unusable_files_give_empty_records():
    assert people.from_data(Document("people.yml")) == [] and teaching.from_data(Document("teaching.yml")) == []
    assert profile.from_data(Document("profile.yml")) == profile.Profile()
    assert grants.computing(Document("grants.yml", {"grants": []})) == []


def test_career_records_are_most_recent_first():
    data = {"experience": [{"role": "Old", "organisation": "A", "start": "2020-01", "end": "2021-01"},
                           {"role": "New", "organisation": "B", "start": "2024-06"}]}
    assert [p.role for p in career.positions(Document("experience.yml", data))] == ["New", "Old"]


def test_profile_spellings_include_the_name_and_its_variants():
    owner = profile.from_data(Document("profile.yml", {"name": "Lu Yin", "position": "P", "institution": "I",
                                                         "author_names": ["L. Yin"]}))
    assert [n.display() for n in owner.spellings()] == ["Lu Yin", "L. Yin"]
