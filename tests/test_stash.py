"""Rendered HTML kept away from Python-Markdown and put back after it."""

from __future__ import annotations

import markdown as python_markdown

from labsite import stash
from labsite.render.html import block

OURS = '<ol class="lab-pubs"><li>a *b* c\n<em>d</em></li></ol>'


def convert(text):
    return python_markdown.markdown(text, extensions=["toc"])


def test_our_blocks_go_around_markdown_unchanged():
    source = "# Title\n\nSome *prose*." + block(OURS) + "## 2024\n" + block('<div class="lab-team">x</div>')
    hidden, blocks = stash.stash(source)
    assert blocks == [OURS, '<div class="lab-team">x</div>'] and "lab-pubs" not in hidden
    html = stash.unstash(convert(hidden), blocks)
    assert OURS in html and "<em>prose</em>" in html and '<h2 id="2024">2024</h2>' in html


def test_html_written_by_authors_is_left_to_markdown():
    source = '<div class="note">kept</div>\n\n<strong>Bold</strong> and *more*\n'
    assert stash.stash(source) == (source, [])


def test_blocks_that_search_skips_wait_until_search_has_read_the_page():
    skipped = '<ol class="lab-pubs" data-search-exclude><li>listed</li></ol>'
    searched = '<div class="lab-paper">indexed</div>'
    hidden, blocks = stash.stash(block(skipped) + block(searched))
    for_search = stash.unstash(convert(hidden), blocks, searched_only=True)
    assert searched in for_search and "listed" not in for_search
    assert stash.unstash(for_search, blocks) == stash.unstash(convert(hidden), blocks)
    assert skipped in stash.unstash(for_search, blocks)


def test_search_text_is_read_by_search_and_gone_from_the_page():
    stand_in = '<p class="lab-search-text">Ann Lee. ICML 2024.</p>'
    shown = '<div class="lab-paper" data-search-exclude>Ann Lee, <em>ICML</em> 2024</div>'
    hidden, blocks = stash.stash(block(stand_in) + block(shown))
    for_search = stash.unstash(convert(hidden), blocks, searched_only=True)
    assert stand_in in for_search and "<em>" not in for_search
    final = stash.unstash(for_search, blocks)
    assert shown in final and "lab-search-text" not in final and "lab-stash" not in final
    assert stash.unstash(convert(hidden), blocks) == final  # also when search never ran


def test_blocks_in_a_row_share_one_placeholder_and_come_back_in_order():
    parts = ['<p class="lab-search-text">Ann Lee.</p>', '<div class="lab-paper" data-search-exclude>head</div>',
             '<h2 id="abstract">Abstract</h2>', "<p>An abstract.</p>"]
    hidden, blocks = stash.stash("# Title\n" + "".join(block(part) for part in parts) + "After *them*.\n")
    assert blocks == parts and hidden.count("<!--lab-stash-") == 1  # Markdown reads one raw block
    for_search = stash.unstash(convert(hidden), blocks, searched_only=True)
    assert "Abstract</h2>" in for_search and "head" not in for_search and "Ann Lee." in for_search
    final = stash.unstash(for_search, blocks)
    assert final == stash.unstash(convert(hidden), blocks)
    assert final.index("head") < final.index("Abstract") < final.index("An abstract") < final.index("<em>them</em>")
    assert "Ann Lee." not in final and "lab-stash" not in final


def test_blocks_parted_by_text_keep_placeholders_of_their_own():
    hidden, blocks = stash.stash(block("<p>one</p>") + "Between.\n" + block("<p>two</p>"))
    assert hidden.count("<!--lab-stash-") == 2
    assert stash.unstash(convert(hidden), blocks).count("<p>") == 3


def test_text_after_a_piece_on_its_line_is_kept_when_a_run_follows():
    # A piece that does not end its line starts no run, even when a run-ending piece comes next.
    source = "\n" + stash.mark("<b>one</b>") + " between " + stash.mark("<b>two</b>") + "\n\n" + block("<p>three</p>")
    hidden, blocks = stash.stash(source)
    assert "between" in hidden and sorted(blocks) == ["<b>one</b>", "<b>two</b>", "<p>three</p>"]
    back = stash.unstash(hidden, blocks)
    assert "<b>one</b> between <b>two</b>" in back and back.index("two") < back.index("three")
