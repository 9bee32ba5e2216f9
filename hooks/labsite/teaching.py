"""Courses taught."""

from __future__ import annotations

from dataclasses import dataclass

from .records import build, each
from .yamldata import Document


@dataclass(frozen=True)
class Course:
    """A course and the years it was taught (``docs/data/teaching.yml``)."""

    title: str
    institution: str
    years: tuple[int, ...]
    code: str = ""


def from_data(doc: Document) -> list[Course]:
    """One record per course, most recently taught first.

    Two entries for the same course (same code, or same title without a code, at
    the same institution) are merged, so a new year can be added as a new entry.
    """
    merged: dict[tuple[str, str], Course] = {}
    for course in each(doc, "courses", lambda item: build(Course, item)):
        key = (course.code or course.title, course.institution)
        if key in merged:
            course = Course(course.title, course.institution, merged[key].years + course.years, course.code)
        merged[key] = course
    courses = [Course(c.title, c.institution, tuple(sorted(set(c.years))), c.code) for c in merged.values()]
    return sorted(courses, key=lambda c: (-c.years[-1], c.title))
