"""Themes and topic titles (labsite.themes): every topic a paper names is shown by a title."""

from __future__ import annotations

from labsite import yamldata
from labsite.themes import Theme, Topic, readable, titles, topics


def test_a_topic_shows_by_its_themes_title_then_its_own_title_then_as_words():
    themes = [Theme("Pruning large models", "S", "pruning", "pruning")]
    named = [Topic("graph-learning", "Graph neural networks"), Topic("pruning", "Not this one")]
    assert titles(themes, named, ["pruning", "graph-learning", "medical_imaging", "speech"]) == {
        "pruning": "Pruning large models", "graph-learning": "Graph neural networks",
        "medical_imaging": "Medical imaging", "speech": "Speech"}


def test_a_keyword_made_readable_keeps_its_own_capitals_and_is_never_emptied():
    assert readable("llm-pruning") == "Llm pruning"
    assert readable("3D--vision_") == "3D vision"
    assert readable("GNNs") == "GNNs"
    assert readable("--") == "--"  # nothing but dashes: as written, not blank


def test_themes_yml_takes_topic_titles_and_names_a_misspelt_key():
    good = ("themes: []\ntopics:\n  - topic: graph-learning\n    title: Graph neural networks\n")
    doc = yamldata.parse(good, "docs/data/themes.yml", "themes")
    assert doc.errors == [] and topics(doc) == [Topic("graph-learning", "Graph neural networks")]
    [error] = yamldata.parse(good.replace("title:", "titel:"), "docs/data/themes.yml", "themes").errors
    assert str(error) == ("docs/data/themes.yml:4:5: topics[0].titel: unknown key 'titel', did you mean 'title'?")
