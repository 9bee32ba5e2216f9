"""Expanding directive lines in pages."""

from __future__ import annotations

import pytest

from labsite import directives
from labsite.people import Member
from labsite.site import SiteData

DATA = SiteData(members=[Member("Ann", "phd", "Sparsity", 2024), Member("Bob", "msc", "Music", 2022)])


def expand(markdown, first_line=1):
    return directives.expand(markdown, "docs/team.md", DATA, first_line=first_line)


def test_directive_line_is_replaced_by_rendered_data():
    markdown, errors = expand("# Team\n\n[% people level=msc %]\n")
    assert errors == [] and "Bob" in markdown and "Ann" not in markdown


def test_text_around_and_inside_code_blocks_is_left_alone():
    source = "Text [% people %] inline.\n\n```\n[% people %]\n```\n\n~~~~md\n[% nonsense %]\n~~~~\n"
    markdown, errors = expand(source)
    assert (markdown, errors) == (source, [])


@pytest.mark.parametrize("line, message", [
    ("[% pepole %]", "unknown directive 'pepole' (known: "),
    ("[% people colour=red %]", "directive 'people': unknown option 'colour=red' (options: heading, level)"),
    ("[% people level %]", "directive 'people': unknown option 'level'"),
    ("[% people level=master %]", "directive 'people', option 'level': expected a comma-separated list of"),
    ("[% publications selected=perhaps %]", "option 'selected': expected true or false, got 'perhaps'"),
    ("[% publications limit=0 %]", "option 'limit': expected a positive whole number, got '0'"),
    ('[% publications topic="unclosed %]', "cannot read directive"),
    ("[% paper %]", "directive 'paper' needs the option 'key'"),
    ("[% paper key=nosuch %]", "directive 'paper': no publication has the key 'nosuch'"),
])
def test_wrong_directives_are_reported_with_page_and_line(line, message):
    markdown, [error] = expand(f"# Team\n\n{line}\n", first_line=5)
    assert str(error).startswith("docs/team.md:7: ") and message in str(error)
    assert 'class="admonition failure"' in markdown


def test_options_are_parsed_with_quotes():
    assert directives.parse('publications topic="llm pruning" limit=3') == (
        "publications", {"topic": "llm pruning", "limit": 3})


def test_every_directive_without_required_options_renders_on_empty_data():
    for name in (name for name, d in directives.DIRECTIVES.items() if not d.required):
        markdown, errors = directives.expand(f"[% {name} %]", "p.md", SiteData())
        assert errors == [] and "[%" not in markdown, name


def test_a_directive_that_fails_unexpectedly_is_an_error_box_not_a_crash(monkeypatch):
    def broken(data, options, page):
        raise KeyError("surprise")

    monkeypatch.setitem(directives.DIRECTIVES, "talks", directives.Directive(broken))
    markdown, [error] = directives.expand("Intro\n\n[% talks %]\n", "docs/talks.md", SiteData(), first_line=5)
    assert (error.path, error.line) == ("docs/talks.md", 7) and "KeyError('surprise')" in error.message
    assert "admonition failure" in markdown and "surprise" in markdown


def test_what_was_drawn_is_taken_again_for_the_same_page_and_only_for_it(monkeypatch):
    calls = []

    def counted(data, options, page):
        calls.append(page.root)
        return f"<p>talks for {page.root or 'the root'}</p>"

    monkeypatch.setitem(directives.DIRECTIVES, "talks", directives.Directive(counted))
    drawn = {}
    first = directives.expand("[% talks %]\n\n[% pepole %]\n", "docs/t.md", SiteData(), drawn=drawn)
    again = directives.expand("[% talks %]\n\n[% pepole %]\n", "docs/t.md", SiteData(), drawn=drawn)
    assert again == first and calls == [""] and len(first[1]) == 1  # the error is found again, not kept
    elsewhere = directives.expand("[% talks %]\n", "docs/t.md", SiteData(), directives.PageInfo(root="../"), drawn=drawn)
    assert calls == ["", "../"] and "talks for ../" in elsewhere[0]


@pytest.mark.parametrize("page, empty", [
    ("# Talks\n\n[% talks %]\n", True),                      # lists records, and there are none
    ("# Service\n\n[% organisation %]\n\n[% reviewing %]\n", True),
    ("# Team\n\n[% team %]\n", False),                       # DATA has members
    ("# Home\n\n[% profile %]\n\n[% talks %]\n", False),     # the profile always shows something
    ("# About\n\nJust prose.\n", False),                     # no directive: the page is its prose
    ("# Odd\n\n[% talsk %]\n", False),                       # an error box is something to see
    ("```\n[% talks %]\n```\n", False),                      # code, not a directive
])
def test_a_page_shows_nothing_when_each_of_its_directives_lists_no_records(page, empty):
    assert directives.shows_nothing(page, DATA) is empty


CV = """# CV

## Experience

[% experience %]

## Service

### Reviewing

[% reviewing %]

### Organisation

[% organisation %]

## Supervision

[% people %]

## Notes

[% talks %]

Written by hand.

```
## Not a heading

[% grants %]
```
"""


def test_a_section_that_would_list_only_empty_kinds_is_left_out_with_its_heading():
    kept = directives.without_empty_sections(CV, DATA)
    headings = [line for line in kept.split("\n") if line.startswith("#")]
    # A parent whose parts are all empty goes too; the last line is in code.
    assert headings == ["# CV", "## Supervision", "## Notes", "## Not a heading"]
    assert "[% people %]" in kept and "Written by hand." in kept and "[% talks %]" in kept  # prose keeps its section
    assert "## Not a heading\n\n[% grants %]" in kept  # code is left alone
    assert len(kept.split("\n")) == len(CV.split("\n"))  # blank lines instead: later lines keep their numbers


def test_expanding_drops_empty_sections_and_keeps_error_lines_right():
    markdown, [error] = expand(CV + "\n[% pepole %]\n")
    assert "## Experience" not in markdown and "## Supervision" in markdown
    assert error.line == len(CV.split("\n")) + 1


def test_the_open_positions_section_stays_to_say_there_are_none():
    assert "## Open positions" in directives.without_empty_sections("## Open positions\n\n[% positions %]\n", DATA)


def test_a_section_with_a_directive_that_cannot_be_read_stays_to_show_its_error():
    assert "## Broken" in directives.without_empty_sections("## Broken\n\n[% talks colour=red %]\n", DATA)
