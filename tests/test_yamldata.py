"""Loading and validating YAML data files."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
import yaml

from labsite import career, grants, people, profile, service, talks, teaching, yamldata
from sitebuild import EXAMPLE

PERSON = "  - name: A\n    level: phd\n    topic: T\n    start: 2024\n"


def parse(text, schema="people"):
    return yamldata.parse(text, "docs/data/x.yml", schema)


def test_valid_file_loads_without_errors():
    doc = parse("people:\n" + PERSON)
    assert doc.errors == []
    assert doc.data == {"people": [{"name": "A", "level": "phd", "topic": "T", "start": 2024}]}


def test_syntax_error_names_line_and_column():
    doc = parse("people:\n  - name: [A\n")
    assert doc.data is None
    [error] = doc.errors
    assert (error.path, error.line) == ("docs/data/x.yml", 3) and error.column is not None
    assert "YAML syntax error" in error.message and "starts at line 2" in error.message


def test_tab_indentation_gets_a_hint():
    [error] = parse("people:\n\t- name: A\n").errors
    assert error.line == 2 and error.message.endswith("(indent with spaces, not tabs)")


def test_syntax_error_says_what_was_found():
    # libyaml, which loads valid files, words this "did not find expected ','": PyYAML explains.
    [error] = parse("people: [1, 2\nmore: 3\n").errors
    assert "expected ',' or ']', but got ':'" in error.message


def _marks(node):
    """Every node's start and end, depth first: where errors point."""
    children = node.value if isinstance(node.value, list) else []
    pairs = [part for child in children for part in (child if isinstance(child, tuple) else (child,))]
    return [(node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)] + \
        [mark for child in pairs for mark in _marks(child)]


@pytest.mark.parametrize("path", sorted((EXAMPLE / "docs" / "data").glob("*.yml")), ids=lambda path: path.name)
def test_libyaml_and_pyyaml_read_the_same_lines(path):
    assert issubclass(yamldata.FastLoader, yaml.CSafeLoader)  # PyYAML's wheels bundle libyaml
    text = path.read_text(encoding="utf-8") + "extra: \"Jörg Müller — 李\"\n"
    fast, slow = (yamldata._compose(text, loader) for loader in (yamldata.FastLoader, yamldata.SafeLoader))
    assert _marks(fast[0]) == _marks(slow[0]) and fast[1] == slow[1]


def test_control_character_is_reported_with_its_line():
    [error] = parse("people:\n  - name: A\x07nn\n").errors
    assert (error.line, error.column) == (2, 12) and "U+0007" in error.message


def test_unknown_key_suggests_the_closest_known_one():
    doc = parse("people:\n" + PERSON + "    strat: 2020\n")
    [error] = doc.errors
    assert str(error) == "docs/data/x.yml:6:5: people[0].strat: unknown key 'strat', did you mean 'start'?"


def test_unknown_key_without_close_match_lists_the_known_keys():
    [error] = parse("people:\n" + PERSON + "    colour: red\n").errors
    assert "unknown key 'colour' (expected one of: author_names, co_supervisors, end, homepage, institution, " \
           "level, links, name, next_position, photo, start, thesis, topic)" in str(error)


def test_missing_required_field_points_at_the_item():
    [error] = parse("people:\n  - name: A\n    level: phd\n    topic: T\n").errors
    assert str(error) == "docs/data/x.yml:2:5: people[0]: missing required field 'start'"


def test_misspelt_required_key_is_reported_once():
    errors = parse("people:\n  - name: A\n    level: phd\n    topic: T\n    strat: 2024\n").errors
    assert [e.message for e in errors] == ["unknown key 'strat', did you mean 'start'?"]


@pytest.mark.parametrize("override, expected", [
    ({"start": "twenty"}, "people[0].start: expected a whole number, got 'twenty'"),
    ({"start": "2024.5"}, "people[0].start: expected a whole number, got a number 2024.5"),
    ({"start": "1492"}, "people[0].start: expected a four-digit year such as 2024; got a number 1492"),
    ({"level": "master"}, "people[0].level: expected one of phd, msc, bsc, postdoc, intern, visitor; got 'master'"),
    ({"name": ""}, "people[0].name: expected text, got nothing (empty value)"),
    ({"topic": "[a, b]"}, "people[0].topic: expected text, got a list"),
])
def test_wrong_values_say_what_was_expected(override, expected):
    item = {"name": "A", "level": "phd", "topic": "T", "start": "2024", **override}
    text = "people:\n  - " + "\n    ".join(f"{key}: {value}" for key, value in item.items()) + "\n"
    [error] = parse(text).errors
    assert str(error).endswith(expected)


def test_unsafe_link_is_rejected():
    text = "people:\n" + PERSON + "    links:\n      - label: x\n        url: javascript:alert(1)\n"
    [error] = parse(text).errors
    assert "people[0].links[0].url: expected an address starting with https://" in str(error)


@pytest.mark.parametrize("value, expected", [
    ("[{name: Mary, url: 'javascript:x'}]", "people[0].co_supervisors[0].url: expected an address starting with"),
    ("[{nam: Mary}]", "people[0].co_supervisors[0].nam: unknown key 'nam', did you mean 'name'?"),
    ("[42]", "people[0].co_supervisors[0]: expected text or a mapping of keys to values, got a number 42"),
])
def test_a_value_of_several_forms_is_explained_in_the_form_it_has(value, expected):
    [error] = parse("people:\n" + PERSON + f"    co_supervisors: {value}\n").errors
    assert expected in str(error) and "valid under any" not in str(error)


def test_co_supervisors_are_names_or_names_with_addresses():
    doc = parse("people:\n" + PERSON + "    co_supervisors: [Alan Turing, {name: Mary, url: 'https://m.example'}]\n")
    [member] = people.from_data(doc)
    assert not doc.errors
    assert member.co_supervisors == (people.CoSupervisor("Alan Turing"), people.CoSupervisor("Mary", "https://m.example"))


def test_duplicate_key_is_an_error():
    [error] = parse("people:\n" + PERSON + "    name: B\n").errors
    assert str(error) == "docs/data/x.yml:6:5: people[0].name: duplicate key 'name' (first at line 2)"


def test_bad_item_is_dropped_and_the_others_kept():
    doc = parse("people:\n" + PERSON.replace("A", "First") + "  - name: Bad\n    level: x\n" + PERSON)
    assert [p["name"] for p in doc.data["people"]] == ["First", "A"]
    assert len(doc.errors) == 2  # wrong level, no start (a topic is optional)


def test_empty_file_and_wrong_root_are_errors():
    assert parse("").errors[0].message == "the file is empty"
    doc = parse("- just a list\n")
    assert doc.data is None and "expected a mapping" in doc.errors[0].message


def test_missing_file_is_reported(tmp_path):
    doc = yamldata.load(tmp_path / "nope.yml", "docs/data/nope.yml", "people")
    assert doc.errors[0].path == "docs/data/nope.yml" and "cannot read file" in doc.errors[0].message


def test_error_at_locates_later_checks():
    doc = parse("people:\n" + PERSON)
    error = doc.error_at(("people", 0, "topic"), "problem")
    assert (error.line, error.field) == (4, "people[0].topic")


RECORDS = {  # schema name, list key -> record class
    ("people", "people"): people.Member,
    ("talks", "talks"): talks.Talk,
    ("teaching", "courses"): teaching.Course,
    ("service", "reviewing"): service.Reviewing,
    ("service", "organisation"): service.Organised,
    ("grants", "grants"): grants.Grant,
    ("grants", "computing"): grants.ComputeAward,
    ("experience", "experience"): career.Position,
    ("education", "education"): career.Degree,
    ("awards", "awards"): career.Award,
}


@pytest.mark.parametrize("schema_name, key", RECORDS, ids=[f"{s}.{k}" for s, k in RECORDS])
def test_schema_and_record_have_the_same_fields(schema_name, key):
    item_schema = yamldata.schema(schema_name)["properties"][key]["items"]
    assert set(item_schema["properties"]) == {f.name for f in fields(RECORDS[schema_name, key])}


def test_profile_schema_matches_profile_record():
    assert set(yamldata.schema("profile")["properties"]) == {f.name for f in fields(profile.Profile)}


def test_schemas_are_valid_json_schema():
    import jsonschema
    for path in yamldata.SCHEMA_DIR.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))


NEWS = "news:\n  - date: {}\n    text: Hello\n"


@pytest.mark.parametrize("date", ["2023-02-31", "'2023-02-31'", "'2099-02-30'", "2024-13-01"])
def test_dates_not_in_the_calendar_are_reported_at_their_line(date):
    doc = parse(NEWS.format(date), "news")
    [error] = doc.errors
    assert (error.line, error.field) == (2, "news[0].date") and doc.data == {"news": []}
    assert "YYYY-MM-DD" in error.message


def test_a_date_written_as_a_block_scalar_is_refused():
    [error] = parse("news:\n  - date: |\n      2024-01-01\n    text: Hello\n", "news").errors
    assert (error.line, error.field) == (2, "news[0].date")


def test_a_deadline_not_in_the_calendar_is_blamed_on_its_file():
    doc = parse("positions:\n  - title: PhD\n    level: phd\n    deadline: '2099-02-30'\n", "positions")
    [error] = doc.errors
    assert (error.path, error.line, error.field) == ("docs/data/x.yml", 4, "positions[0].deadline")


@pytest.mark.parametrize("value, says", [
    ("!!float x", "cannot read this value"),
    ("!!int 12abc", "cannot read this value"),
    ("!!python/object:os.system x", "could not determine a constructor"),
    ("!custom x", "could not determine a constructor"),
    ("!!binary aGk=", "expected text"),
])
def test_values_yaml_cannot_build_are_errors_at_their_line(value, says):
    doc = parse(f"people:\n  - name: A\n    level: phd\n    topic: {value}\n    start: 2024\n")
    [error] = doc.errors
    assert error.line == 4 and says in error.message and not (doc.data or {}).get("people")


@pytest.mark.parametrize("text, line", [
    ("news: &a [*a]\n", 1),
    ("news:\n  - &b {date: '2024-01-01', text: [*b]}\n", 2),
])
def test_an_alias_inside_the_value_it_names_is_refused(text, line):
    [error] = parse(text, "news").errors
    assert error.line == line and "never end" in error.message


@pytest.mark.parametrize("depth, says", [(100, "nested more than 50 levels"), (1000, "nesting depth"),
                                         (5000, "nesting depth")])
def test_deep_nesting_is_refused_before_it_is_built(depth, says):
    [error] = parse("news: " + "[" * depth + "]" * depth + "\n", "news").errors
    assert error.line == 1 and says in error.message


def test_an_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    [error] = parse("\n".join(lines) + "\nnews: *a9\n", "news").errors
    assert "more than 100,000 values" in error.message and error.line < 10


def test_aliases_that_stay_small_are_fine():
    doc = parse("news:\n  - &item {date: '2024-01-01', text: Hello}\n  - *item\n", "news")
    assert doc.errors == [] and len(doc.data["news"]) == 2


def test_a_null_key_is_reported_at_its_own_line_as_written():
    [error] = parse("people:\n  - name: A\n    null: x\n    level: phd\n    topic: T\n    start: 2024\n").errors
    assert (error.line, error.field) == (3, "people[0].null") and "'null'" in error.message


def test_errors_after_a_dropped_item_point_at_the_right_item():
    doc = parse("people:\n  - name: A\n    level: nope\n    topic: T\n    start: 2024\n" + PERSON)
    assert [path for path, _ in doc.items("people")] == [("people", 1)]
    assert doc.error_at(("people", 1, "name"), "x").line == 6


def test_a_record_that_refuses_its_item_is_reported_at_the_item():
    doc = parse("people:\n" + PERSON + "  - name: 'A, B, C, D'\n    level: phd\n    topic: T\n    start: 2024\n")
    members = people.from_data(doc)
    assert [m.name for m in members] == ["A"]
    [error] = doc.errors
    assert (error.line, error.field) == (6, "people[1]") and "Too many commas" in error.message
