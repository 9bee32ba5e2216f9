"""Changing a .bib file (labsite.bibedit): one entry in where the order puts it, every
other byte kept; a preprint upgraded in place; a file replaced whole or not at all."""

from __future__ import annotations

import os
import stat

import pytest

from labsite import bibedit

NEW = "@misc{new2022,\n  title = {New}\n}\n"
NEWEST_FIRST = "% my papers\r\n\r\n@misc{a2024,\r\n  year = {2024}\r\n}\r\n\r\n@misc{b2020, year = {2020}}\r\n"


def test_a_newest_first_file_gets_the_entry_before_the_first_of_its_year_or_older_in_its_line_endings():
    text = bibedit.insert(NEWEST_FIRST, NEW, 2022, [(3, 2024), (7, 2020)])
    assert text == NEWEST_FIRST.replace("@misc{b2020", "@misc{new2022,\r\n  title = {New}\r\n}\r\n\r\n@misc{b2020")


def test_an_oldest_first_file_gets_it_after_the_last_of_its_year_or_older():
    text = "@misc{a2019, year={2019}}\n\n@misc{b2021, year={2021}}\n\n@misc{c2023, year={2023}}\n"
    assert bibedit.insert(text, NEW, 2022, [(1, 2019), (3, 2021), (5, 2023)]) == text.replace(
        "@misc{c2023", NEW + "\n@misc{c2023")


def test_a_file_in_no_order_an_empty_one_and_one_without_a_last_newline_get_it_at_the_end():
    mixed = "@misc{a, year={2020}}\n\n@misc{b, year={2024}}\n\n@misc{c, year={2021}}\n"
    assert bibedit.insert(mixed, NEW, 2022, [(1, 2020), (3, 2024), (5, 2021)]) == mixed + "\n" + NEW
    assert bibedit.insert("", NEW, 2022, []) == NEW
    assert bibedit.insert("% only a comment", NEW, None, []) == "% only a comment\n\n" + NEW


def test_a_preprint_gets_its_venue_inside_the_entry_as_it_stands_and_the_change_as_a_diff():
    text = "@misc{p2024,\n  title = {P},\n  howpublished = {arXiv preprint arXiv:2401.00001},\n  selected = {true}\n}\n"
    upgraded, diff = bibedit.upgrade(text, 1, "inproceedings", [("booktitle", "ICML"), ("selected", "false"),
                                                                 ("doi", "")])
    assert upgraded == "@inproceedings{p2024,\n  title = {P},\n  selected = {true},\n  booktitle = {ICML}\n}\n"
    assert "-@misc{p2024," in diff and "+  booktitle = {ICML}" in diff and "-  howpublished" in diff


def test_an_entry_in_parentheses_with_braces_inside_is_found_whole():
    text = "x\n@article(k, title = {A (b) {c}}, note = {)})\n@misc{n}\n"
    start, end = bibedit.entry_span(text, 2)
    assert text[start:end] == "@article(k, title = {A (b) {c}}, note = {)})"
    with pytest.raises(ValueError, match="not closed"):
        bibedit.entry_span("@misc{open,\n  title = {T}\n", 1)


def test_a_file_is_replaced_whole_keeping_its_permissions_and_no_temporary_file(tmp_path):
    path = tmp_path / "papers.bib"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    bibedit.write(path, "new – ü\n")
    assert path.read_bytes() == "new – ü\n".encode() and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["papers.bib"]


def test_a_write_that_fails_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "papers.bib"
    path.write_text("old\n", encoding="utf-8")

    def full_disk(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        bibedit.write(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n" and [p.name for p in tmp_path.iterdir()] == ["papers.bib"]
