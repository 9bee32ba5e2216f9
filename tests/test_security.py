"""Hostile data renders as inert text in the real build."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from sitebuild import run_build

HOSTILE_BIB = """
@inproceedings{hostile2024,
  author = {<img src=x onerror=alert(1)>, Eve and Lovelace, Ada},
  title = {<script>alert("title")</script> Sparse},
  booktitle = {<b onmouseover=alert(1)>Venue</b>},
  year = {2024},
  abbr = {"><script>alert(2)</script>},
  url = {https://example.org/"onmouseover="alert(3)}
}
"""


def test_hostile_bibtex_and_yaml_render_as_text(project):
    (project / "bib" / "publications.bib").write_text(
        (project / "bib" / "publications.bib").read_text() + HOSTILE_BIB)
    people = project / "docs" / "data" / "people.yml"
    text = people.read_text()
    assert "name: Grace Okafor" in text
    people.write_text(text.replace("name: Grace Okafor", "name: \"<script>alert('name')</script>\""))
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr

    for page in ("publications", "team", "cv", "publications/hostile2024"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        code = " ".join(s.get_text() for s in soup.find_all("script") if s.get("type") != "application/ld+json")
        assert "alert(" not in code, page
        for data in soup.find_all("script", type="application/ld+json"):  # data, not code: must stay JSON
            json.loads(data.get_text())
        assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs), page
        assert soup.find("img", src="x") is None and soup.find("b", onmouseover=True) is None

    entry = BeautifulSoup((site / "publications" / "index.html").read_text(), "html.parser").find(id="hostile2024")
    assert '<script>alert("title")</script> Sparse' in entry.get_text()
    assert [a["href"] for a in entry.select("a")] == ["../publications/hostile2024/",
                                                      'https://example.org/"onmouseover="alert(3)']


def test_javascript_links_in_data_are_refused(project):
    people = project / "docs" / "data" / "people.yml"
    text = people.read_text()
    first, second = [n for n in range(len(text)) if text.startswith("  - name:", n)][:2]
    assert first < text.index("    institution: Analytical Engine Institute\n") < second  # people[0]'s
    people.write_text(text.replace(
        "    institution: Analytical Engine Institute\n",
        "    institution: Analytical Engine Institute\n    links:\n      - label: Home\n        url: javascript:alert(1)\n",
        1))
    result, site = run_build(project, strict=False)
    assert result.returncode != 0 and "people[0].links[0].url" in result.stderr
    assert "javascript:" not in (site / "team" / "index.html").read_text()
