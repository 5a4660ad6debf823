"""Property-based tests for kit.text.decode and kit.text.legacy (hypothesis)."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kit.text.decode import clean_text, decode_bytes
from kit.text.legacy import decode_tcvn3, decode_vni, fix_pasted
from kit.text.types import Cleaned, TextError
from kit.text.vnsyllable import VIETNAMESE_ONLY_LETTERS

LETTERS = json.loads(
    resources.files("kit.text").joinpath("data", "legacy_mapping.json").read_text(encoding="utf-8")
)["letters"]
VIETNAMESE = sorted(LETTERS)
ASCII_TEXT = [chr(c) for c in range(32, 127)] + ["\n", "\t"]

PROPS = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def tcvn3_bytes(text: str) -> bytes:
    return b"".join(
        bytes.fromhex(LETTERS[c]["tcvn3"]) if c in LETTERS else c.encode("ascii") for c in text
    )


def vni_bytes(text: str) -> bytes:
    return b"".join(bytes.fromhex(LETTERS[c]["vni"]) if c in LETTERS else c.encode("ascii") for c in text)


def assert_clean(c: Cleaned) -> None:
    assert isinstance(c.text, str)
    assert unicodedata.is_normalized("NFC", c.text)
    assert "\r" not in c.text
    bad = [ch for ch in c.text if unicodedata.category(ch) == "Cc" and ch not in "\n\t"]
    assert not bad
    assert "\u200b" not in c.text and "\ufeff" not in c.text
    assert not any("\ud800" <= ch <= "\udfff" for ch in c.text)


# Any code point, surrogates included.
any_text = st.text(st.characters(blacklist_categories=()), max_size=300)
# Text biased towards what the converters look at: legacy bytes as Latin-1, letters, marks.
legacy_ish = st.text(
    st.sampled_from(ASCII_TEXT + [chr(c) for c in range(0xA0, 0x100)] + VIETNAMESE + ["\u0301", "\u0323", "\r"]),
    max_size=300,
)


@PROPS
@given(any_text)
def test_clean_text_never_raises_and_is_nfc(text):
    assert_clean(clean_text(text))


@PROPS
@given(legacy_ish)
def test_clean_text_on_legacy_looking_text(text):
    c = clean_text(text)
    assert_clean(c)
    assert c.legacy in (None, "tcvn3", "vni", "viqr")
    out, scheme, count = fix_pasted(text)
    assert (scheme is None) == (count == 0) and (scheme is not None or out == text)


@PROPS
@given(st.binary(max_size=400))
def test_decode_bytes_only_raises_text_error(data):
    try:
        c = decode_bytes(data)
    except TextError as err:
        assert err.code in ("binary", "unreadable")
        return
    assert_clean(c)
    assert c.encoding


@PROPS
@given(st.lists(st.sampled_from([bytes([b]) for b in [*range(0x20, 0x7F), *range(0x80, 0x100)]] + [b"\n", b"\r\n"]),
                max_size=200))
def test_decode_bytes_on_textlike_bytes(chunks):
    c = decode_bytes(b"".join(chunks))  # no control bytes: never binary
    assert_clean(c)


@PROPS
@given(st.text(st.sampled_from(VIETNAMESE + ASCII_TEXT), max_size=300))
def test_round_trip_vni(text):
    assert decode_vni(vni_bytes(text)) == text


@PROPS
@given(st.text(st.sampled_from(VIETNAMESE + ASCII_TEXT), max_size=300))
def test_round_trip_tcvn3(text):
    # Capitals TCVN3 has no code for travel as the small letter (a capitals-only font
    # draws them): they come back small.
    expected = "".join(c.lower() if c in LETTERS and not LETTERS[c]["tcvn3_own_code"] else c for c in text)
    assert decode_tcvn3(tcvn3_bytes(text)) == expected


# Syllables of office text, each with a diacritic (so a legacy font would garble it).
SYLLABLES = sorted({
    w for w in (
        "sở giáo dục đào tạo thông báo năm học mới bắt đầu từ ngày trường cần chuẩn bị đủ sách bàn "
        "ghế nước sạch trước khai giảng kế hoạch truyền số công văn của bộ chính phủ về tác thư nghị "
        "định quyết ủy nhân dân tỉnh huyện xã phường hội đồng phụ huynh học sinh giáo viên được những "
        "người với một này đã theo để đến khi tại chủ nghĩa việt cộng hòa độc lập tự hạnh phúc"
    ).split()
    if not w.isascii()
})


@PROPS
@given(st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=25))
def test_pasted_office_text_round_trips(words):
    # Three identical words are genuinely ambiguous ("thö" is TCVN3 "thử" as much as VNI "thư").
    assume(len(set(words)) >= 3)
    text = " ".join(words)
    for scheme, encode in (("vni", vni_bytes), ("tcvn3", tcvn3_bytes)):
        changed = sum(encode(w).decode("cp1252") != w for w in words)  # VNI "chính" is "chính"
        assert fix_pasted(encode(text).decode("cp1252")) == (text, scheme, changed)


@PROPS
@given(st.lists(st.sampled_from(SYLLABLES + ["Hà", "Nội", "và", "các", "là", "café", "Université"]),
                min_size=1, max_size=25))
def test_unicode_vietnamese_is_never_converted(words):
    text = " ".join(words)
    if any(c in VIETNAMESE_ONLY_LETTERS for c in text):
        assert fix_pasted(text) == (text, None, 0)
        c = clean_text(text)
        assert c.text == text and c.legacy is None
