"""The MkDocs-facing hook: errors fail `mkdocs build` but not `mkdocs serve`."""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from labsite.errors import DataError
from labsite.site import SiteData

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "lab.py"


@pytest.fixture
def hook():
    spec = importlib.util.spec_from_file_location("lab_hook_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_aborts_after_writing_when_there_were_errors(hook):
    hook.on_startup(command="build", dirty=False)
    hook._data = SiteData(papers_left_out=1)
    hook._errors[:] = [DataError("bib/x.bib", 3, "broken"), DataError("bib/x.bib", 9, "odd", warning=True)]
    with pytest.raises(Abort, match=r"Aborted: 0 papers shown, 1 left out; 1 error\(s\) and 1 warning\(s\) listed above"):
        hook._fail_on_errors(config=None)


def test_warnings_alone_let_the_build_pass_with_a_summary_line(hook, caplog):
    hook.on_startup(command="build", dirty=False)
    hook._errors[:] = [DataError("bib/x.bib", 9, "odd", warning=True)]
    with caplog.at_level("INFO", logger="mkdocs.hooks.lab"):
        assert hook._fail_on_errors(config=None) is None
    assert caplog.messages[-1].endswith("0 left out; 0 error(s) and 1 warning(s) listed above")


def test_serve_keeps_serving_despite_errors(hook):
    hook.on_startup(command="serve", dirty=False)
    hook._errors[:] = [DataError("bib/x.bib", 3, "broken")]
    assert hook._fail_on_errors(config=None) is None


def test_clean_build_passes(hook):
    hook.on_startup(command="build", dirty=False)
    hook._errors[:] = []
    assert hook._fail_on_errors(config=None) is None


class _Page:
    def __init__(self, parent=None, hide=None):
        self.parent, self.meta = parent, ({"hide": hide} if hide is not None else {})


@pytest.mark.parametrize("features, parent, hidden", [
    (["navigation.tabs"], None, True),            # the sidebar would repeat the tab
    (["navigation.tabs"], "a section", False),    # the sidebar lists the section's pages
    ([], None, False),                            # without tabs the sidebar is the navigation
])
def test_the_left_sidebar_is_hidden_only_where_it_would_repeat_the_tab(hook, features, parent, hidden):
    page = _Page(parent=parent, hide=["toc"])
    config = types.SimpleNamespace(theme={"features": features})  # MkDocs' Theme reads like a mapping
    assert hook._full_width("text", page, config, None) == "text"
    assert page.meta["hide"] == (["toc", "navigation"] if hidden else ["toc"])
