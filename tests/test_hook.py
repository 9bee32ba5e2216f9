"""The MkDocs-facing hook: errors fail `mkdocs build` but not `mkdocs serve`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from labsite.errors import DataError

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "lab.py"


@pytest.fixture
def hook():
    spec = importlib.util.spec_from_file_location("lab_hook_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_aborts_after_writing_when_there_were_errors(hook):
    hook.on_startup(command="build", dirty=False)
    hook._errors[:] = [DataError("bib/x.bib", 3, "broken")]
    with pytest.raises(Abort, match="1 data error"):
        hook.on_post_build(config=None)


def test_serve_keeps_serving_despite_errors(hook):
    hook.on_startup(command="serve", dirty=False)
    hook._errors[:] = [DataError("bib/x.bib", 3, "broken")]
    assert hook.on_post_build(config=None) is None


def test_clean_build_passes(hook):
    hook.on_startup(command="build", dirty=False)
    hook._errors[:] = []
    assert hook.on_post_build(config=None) is None
