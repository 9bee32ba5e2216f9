"""Property-based tests (Hypothesis): whatever text the data holds, the site stays safe.

Each class of problem found by fuzzing has a property here; each runs a fixed budget
of examples, with no deadline (the machine is shared: time is the benchmark's job).
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz
from hostile import PAYLOADS, hostile_bibtex, valid_document
from labsite import bibliography, publications, yamldata
from labsite.latex import latex_to_text
from labsite.names import Name
from labsite.render.html import safe_url
from scan import address_kind, html_suspects

# The pieces that broke the site before: blank lines, attr_list, comments, placeholders,
# Markdown links, LaTeX that decoders reject, digits that are not ASCII, commas in names.
FRAGMENTS = [*PAYLOADS, "\n\n", "{:", "}", "<!--", "-->", "\\", "\\\\", "\\par", "\\href", "%", "&", "&amp;",
             "²", "٣", "  ", "\t", ",", " and ", "@", "[", "]", "(", ")", "`", "*", "_", "#", "|", ":", "'", '"',
             "\u2028", "\u00a0", "é", "李"]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), min_size=1, max_size=6).map("".join)
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
SCHEMAS = sorted(path.name.removesuffix(".schema.json") for path in yamldata.SCHEMA_DIR.glob("*.schema.json")
                 if path.name != "common.schema.json")


@pytest.fixture(scope="module")
def site():
    """A copy of the project, rendered in-process as the hook renders it (tests/fuzz.py)."""
    with tempfile.TemporaryDirectory(prefix="labsite-properties-") as folder:
        yield fuzz.Site(Path(folder))


def _plain(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=TEXT.filter(lambda text: text.strip()))
def test_any_text_in_every_field_of_every_kind_renders_once_escaped_and_inert(site, text):
    data = site.folder / "docs" / "data"
    originals = {path: path.read_text(encoding="utf-8") for path in [*data.glob("*.yml"), *site.data_files()]}
    try:
        for name in SCHEMAS:
            (data / f"{name}.yml").write_text(yaml.safe_dump(valid_document(name, text), allow_unicode=True),
                                              encoding="utf-8")
        bib = site.folder / "bib" / "publications.bib"
        bib.write_text(originals[bib] + hostile_bibtex(text, "hostile2099"), encoding="utf-8")
        pages, errors = site.render()
    finally:
        for path, original in originals.items():
            path.write_text(original, encoding="utf-8")
    suspects = [str(s) for name, page in pages.items() for s in html_suspects(page, name, parser="html.parser")]
    assert suspects == []
    shown = _plain(" ".join(BeautifulSoup(page, "html.parser").get_text(" ") for page in pages.values()))
    # As pybtex reads it (white space folded), then decoded.
    as_bibtex = latex_to_text(" ".join(text.replace("{", "(").replace("}", ")").split()))
    for written in {_plain(text), _plain(as_bibtex)} - {""}:
        escaped_twice = _plain(html.escape(written, quote=False))
        assert escaped_twice == written or escaped_twice not in shown
    if not errors:
        assert _plain(text) in shown and _plain(as_bibtex) in shown


@EXAMPLES
@given(key=st.text(min_size=1, max_size=30))
def test_any_key_gives_a_safe_stable_page_address(key):
    slug = publications.slug_of(key)
    assert re.fullmatch(r"[a-z0-9_][a-z0-9_.-]*", slug) and not slug.endswith((".", "-"))
    assert slug not in publications.RESERVED_SLUGS and slug == publications.slug_of(key)


@EXAMPLES
@given(latex=TEXT)
def test_any_bibtex_value_decodes_to_one_line_of_text(latex):
    decoded = latex_to_text(latex)
    assert isinstance(decoded, str) and "\n" not in decoded and decoded == decoded.strip()


@EXAMPLES
@given(name=TEXT)
def test_any_name_is_a_name_or_a_reason(name):
    try:
        parsed = Name.parse(name)
    except ValueError as reason:
        assert name in str(reason)
    else:
        assert isinstance(parsed.display(), str)


@EXAMPLES
@given(url=st.one_of(TEXT, st.sampled_from(["javascript:", " JAVA\tSCRIPT:", "data:", "vbscript:", "\x01javascript:"])
                     .flatmap(lambda scheme: TEXT.map(lambda rest: scheme + rest))))
def test_no_address_from_data_becomes_script(url):
    for root in ("", "../"):
        safe = safe_url(url, root)
        assert safe is None or address_kind(safe) is None


@EXAMPLES
@given(text=st.lists(st.one_of(st.sampled_from(["news:\n", "  - ", "date: ", "text: ", "&a ", "*a ", "!!float ",
                                                "2023-02-31", "'", '"', "[", "]", "{", "}", "\n", "    ", ": ", "|"]),
                               TEXT), max_size=12).map("".join))
def test_any_yaml_text_is_data_or_errors_at_its_lines(text):
    doc = yamldata.parse(text, "docs/data/news.yml", "news")
    lines = len(YAML_LINE_BREAK.split(text))  # as YAML counts them: \r alone ends a line too
    assert all(error.line is None or 1 <= error.line <= lines + 1 for error in doc.errors)
    assert doc.errors or doc.data is not None


@EXAMPLES
@given(value=TEXT, field=st.sampled_from(["title", "author", "year", "month", "pdf", "doi", "url", "abbr",
                                          "keywords", "equal_contribution", "crossref", "eprint", "selected"]))
def test_any_bibtex_field_is_a_paper_or_errors_at_its_entry(value, field):
    value = value.replace("{", "(").replace("}", ")")
    text = (f"@inproceedings{{k2024,\n  author = {{Yin, Lu}},\n  title = {{T}},\n  booktitle = {{B}},\n"
            f"  year = {{2024}},\n  {field} = {{{value}}}\n}}\n")
    bib = bibliography.parse(text, "bib/x.bib")
    papers, problems = publications.from_entries(bib.entries)
    errors = [e for e in bib.errors + problems if not e.warning]
    assert all(e.path == "bib/x.bib" and e.line in (1, 6, 7) for e in bib.errors + problems)
    assert len(papers) == (0 if errors else 1)
