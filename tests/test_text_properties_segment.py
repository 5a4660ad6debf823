"""Properties of kit.text.segment on random text (hypothesis)."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.text.segment import (
    analyse,
    count_numbers,
    count_syllables,
    count_tokens,
    link_spans,
    number_spans,
    syllable_spans,
    token_spans,
)

# Characters that drive the splitter: Vietnamese letters in both cases, digits,
# every terminator, quotes, dashes, brackets, separators and line breaks.
ALPHABET = list(
    "aAăĂâÂđĐeEêÊoOôÔơƠuUưƯyYzZhHiIvVxXsStT"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
    "0123456789"
    ".!?…\"'“”‘’«»()[]-–—,;:/%&@+*•_#İ²½"
) + [" ", " ", " ", "\t", "\n", "\n", "\n", "\u00a0", "\u2028", "\r", "\u0301", "\u0323"]

# Fragments of office text that exercise the special cases.
FRAGMENTS = [
    "Sở", "Giáo dục", "và", "Đào tạo", "GD&ĐT", "UBND", "TP.", "TP.HCM", "v.v.", "ThS.", "GS.TS.",
    "Th.S", "Q.", "Nguyễn", "V.", "A.", "H.", "Điều 7.", "1.", "2)", "a)", "- ", "+ ", "• ", "I.",
    "II.", "(1)", "“", "”", "” – ông A cho biết.", "«", "»", "...", "…", "./.", "?", "!", ".", ";",
    ":", ",", "21.340", "4,6%", "3/6/2026", "8h30", "01.3.2022", "https://moet.gov.vn/tin-tuc",
    "www.x.vn", "vanphong@gddt.quangngai.gov.vn", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "Số: 182/KH-SGDĐT",
    "học sinh", "kịp thời.Sở", "\n", "\n\n", "\r\n", "  ", "\t", "(", ")", "em", "(15 tuổi)", "A. MỤC TIÊU",
]

random_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(ALPHABET), max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
)

# KIT_HYPOTHESIS_EXAMPLES raises the number of examples for a long local run.
FAST = settings(
    max_examples=int(os.environ.get("KIT_HYPOTHESIS_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check_spans(spans, n):
    prev_end = 0
    for s, e in spans:
        assert 0 <= prev_end <= s < e <= n
        prev_end = e


@FAST
@given(random_text)
def test_units_keep_offsets_and_order(text):
    doc = analyse(text)
    assert doc.text == text
    _check_spans([(p.start, p.end) for p in doc.paragraphs], len(text))
    _check_spans([(s.start, s.end) for s in doc.sentences], len(text))
    flat = []
    for i, p in enumerate(doc.paragraphs):
        assert p.index == i
        assert text[p.start:p.end] == p.text
        assert not p.text[0].isspace() and not p.text[-1].isspace()
        assert p.kind in ("heading", "list_item", "body")
        assert (p.marker is not None) == (p.kind == "list_item") or p.kind == "heading"
        assert p.sentences, "every paragraph has at least one sentence"
        for s in p.sentences:
            assert s.paragraph == i
            assert p.start <= s.start < s.end <= p.end
            assert text[s.start:s.end] == s.text
            assert not s.text[0].isspace() and not s.text[-1].isspace()
            flat.append(s)
    assert tuple(flat) == doc.sentences


@FAST
@given(random_text)
def test_nothing_is_lost(text):
    doc = analyse(text)
    covered = bytearray(len(text))
    for p in doc.paragraphs:
        covered[p.start:p.end] = b"\x01" * (p.end - p.start)
        # inside a paragraph only the marker (before the first sentence) and spaces are outside sentences
        inner = bytearray(p.end - p.start)
        for s in p.sentences:
            inner[s.start - p.start:s.end - p.start] = b"\x01" * (s.end - s.start)
        first = p.sentences[0].start
        for k in range(first, p.end):
            assert inner[k - p.start] or text[k].isspace()
        if p.marker is None:
            assert first == p.start
        else:
            assert text[p.start:first].strip() == p.marker
    for k, c in enumerate(text):
        assert covered[k] or c.isspace(), (k, c)


@FAST
@given(random_text)
def test_counts_match_spans(text):
    syl = syllable_spans(text)
    num = number_spans(text)
    tok = token_spans(text)
    assert count_syllables(text) == len(syl)
    assert count_numbers(text) == len(num)
    assert count_tokens(text) == len(tok) == len(syl) + len(num)
    _check_spans(tok, len(text))
    assert sorted(syl + num) == tok
    for s, e in syl:
        assert all(c.isalpha() or unicodedata.combining(c) for c in text[s:e])
    for s, e in num:
        assert not all(c.isalpha() or unicodedata.combining(c) for c in text[s:e])
    doc = analyse(text)
    assert doc.syllables == sum(s.syllables for s in doc.sentences)
    assert doc.tokens == sum(s.tokens for s in doc.sentences)
    for s in doc.sentences:
        assert s.syllables == count_syllables(s.text)
        assert s.tokens == count_tokens(s.text)


@FAST
@given(random_text)
def test_links_are_ordered_and_inside(text):
    spans = link_spans(text)
    _check_spans([(s, e) for s, e, _ in spans], len(text))
    for s, e, kind in spans:
        assert kind in ("email", "url")
        assert not any(c.isspace() for c in text[s:e])


@FAST
@given(st.text(max_size=200), st.text(max_size=200))
def test_blank_line_always_separates(a, b):
    doc = analyse(a + "\n\n" + b)
    cut = len(a)  # the blank line is text[cut:cut + 2]
    for p in doc.paragraphs:
        assert not (p.start < cut + 2 and p.end > cut), "a paragraph spans a blank line"
