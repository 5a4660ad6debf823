from __future__ import annotations

from kit.views.html import esc, highlight


def test_escape_never_lets_markup_through():
    assert esc('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_highlight_escapes_and_marks_spans():
    text = "Câu một <b>. Câu hai."
    out = highlight(text, [(text.index("Câu hai"), len(text))])
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert '<mark class="kit-mark">Câu hai.</mark>' in out


def test_highlight_merges_overlaps_and_clips():
    out = highlight("abcdef", [(1, 3), (2, 4), (-5, 1), (5, 99)])
    assert out == '<mark class="kit-mark">abcd</mark>e<mark class="kit-mark">f</mark>'


def test_highlight_cuts_huge_text():
    out = highlight("x" * 50_000, [(0, 10)], limit=100)
    assert out.endswith(" …") and len(out) < 300
