"""Text folded for matching rules, with offsets unchanged.

``fold`` lower-cases letter by letter and puts the tone of ``oa``, ``oe``, ``uy``
at the end of a syllable on the first vowel, so "Hoà", "hòa" and "HÒA" all match
"hòa". Every character maps to exactly one character: a match in the folded text
is a span of the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@lru_cache(maxsize=4096)
def _lower1(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _split_tone(ch: str) -> tuple[str, str]:
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    return base, tone


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _build_pairs() -> dict[str, str]:
    out: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            out[first + _with_tone(second, tone)] = _with_tone(first, tone) + second
    return out


_PAIRS = _build_pairs()
_PAIR_RE = re.compile("(" + "|".join(sorted(_PAIRS, key=len, reverse=True)) + r")(?![^\W\d_])")


def fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a rare letter (İ, ẞ…) lowers to two characters: keep offsets
        low = "".join(_lower1(c) for c in text)
    return _PAIR_RE.sub(lambda m: _PAIRS[m.group(0)], low)
