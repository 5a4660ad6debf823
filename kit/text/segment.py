"""Paragraphs, sentences and syllables of Vietnamese office text.

Every unit carries character offsets into the text it came from, so that
``text[unit.start:unit.end] == unit.text`` and a widget can highlight it.
The input is expected to be NFC already (``kit.text`` normalises first); any
``str`` is accepted and nothing here raises.

Units and counts (what each number means)
-----------------------------------------
Vietnamese spaces separate *syllables* (tiếng), not *words* (từ): "giáo dục"
is one word of two syllables. This module never segments words; every count
it gives is of syllables or of tokens, and says which.

* A **token** is a maximal run of Unicode letters and digits (plus combining
  marks, in case a decomposed letter slipped through), where ``.``, ``,``,
  ``:`` and ``/`` are kept *inside* the token when a digit stands on both
  sides. So ``21.340``, ``4,6``, ``1.250.000``, ``3/6/2026``, ``8h30`` and
  ``9001:2015`` are one token each. Everything else separates tokens:
  spaces, hyphens (``Covid-19`` is ``Covid`` + ``19``), apostrophes
  (``O'Neill`` is two tokens), ``&`` (``GD&ĐT`` is ``GD`` + ``ĐT``), ``%``,
  and the dots of ``TP.HCM`` or ``v.v.``.
* A **syllable** is a token made of letters only (plus combining marks):
  a run of letters. Acronyms count as one syllable (``UBND`` is 1), which is
  what a reader's eye sees, not what is spoken.
* A **number** is any other token: it holds a digit or another numeric sign
  (``2026``, ``4,6``, ``8h30``, ``10A``, ``F0``, ``½``). Numbers are *not*
  syllables.
* ``count_tokens = count_syllables + count_numbers``.

Sentence and paragraph counts (``Sentence.syllables``, ``Document.syllables``)
exclude list markers such as ``a)`` or ``1.``: a sentence starts after the
marker of its list item.

Paragraphs
----------
Each non-empty line is a paragraph (office text often uses one newline per
paragraph), except a *soft-wrapped continuation*: a line is joined to the
line right above it (no blank line between) when all of these hold:

* the line above does not end with ``. ! ? … : ;`` (closing quotes or
  brackets after them are ignored), and is not a heading;
* the line starts with a lowercase letter and has no list marker.

A line starting with a digit or a capital is never a continuation, so PDF
text broken before "158/KH-UBND" stays two paragraphs (a known limitation).

A *marker* opens a line and is followed by a space: a bullet (``-`` ``+``
``*`` ``•`` ``–`` ``—`` ``▪`` ``●`` ``➢`` ``✓``…), a letter (``a)``, ``a.``,
``đ)``; ``A.``–``H.``, ``Đ.``), a number (``1.``, ``1)``, ``1.2.``, ``1.2``), a
roman numeral of I, V and X (``I.``, ``IV)``), a bracketed one (``(1)``,
``(a)``, ``(II)``) or a label (``Điều 7.``, ``Chương II.``, ``Mục 1.``,
``Phần I.``, ``Khoản 2.``, ``Bước 3.``). A bullet needs the space: ``-5°C``
and ``+84`` are not list items.

A paragraph is a ``"heading"`` when its text (after any marker) has at
least two letters, no lowercase letter and at most 40 tokens ("KẾ HOẠCH",
"I. MỤC ĐÍCH, YÊU CẦU", "UBND TỈNH QUẢNG NGÃI"), or when it has a number-like
marker (``1.``, ``1.2.``, ``II.``, ``A.``, ``Điều 7.``) and a short title: at most 12
tokens, starting with a capital, not ending with ``. , ; ! ? …`` ("1. Mục
đích"). Other paragraphs with a marker are ``"list_item"``; the rest are
``"body"``. A heading is one sentence, never split.

Sentences
---------
A sentence ends at ``.``, ``!``, ``?``, ``…`` or ``...`` (closing quotes and
brackets after them stay in the sentence) when the next letter or digit is a
capital or a digit, except:

* inside an e-mail or web address, or inside a number (``21.340``, ``01.3.2022``);
* after an abbreviation of :data:`ABBREVIATIONS` (``TP.``, ``GS.TS.``, ``ThS.``,
  ``Q.``...); ``v.v.`` (:data:`SENTENCE_FINAL_ABBREVIATIONS`) does end a sentence
  before a capital;
* after an initial: "Nguyễn V. A.", "Nguyễn V. Anh", "em Nguyễn Văn H. (15 tuổi)";
  but "… ông Nguyễn Văn A. Hôm nay …" ends after "A.";
* after a section number opening the sentence or following ``; : , (``
  ("Điều 7. Trách nhiệm", "gồm: 1. Truyền thông; 2. Tuyên truyền");
* when a closed quotation is followed by a dash and its speaker
  (“Chúng tôi sẽ làm rõ.” – ông A cho biết.).

A lowercase letter after the mark never starts a sentence; a capital glued to
the mark does ("kịp thời.Sở GDĐT" is two sentences, a frequent typing slip).
Semicolons and colons never end a sentence. A quotation holding several
sentences is split inside (a known limitation). Stray punctuation with no
letter or digit ("..", "###") joins the neighbouring sentence.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

__all__ = [
    "Sentence",
    "Paragraph",
    "Document",
    "analyse",
    "split_paragraphs",
    "split_sentences",
    "syllable_spans",
    "number_spans",
    "token_spans",
    "count_syllables",
    "count_numbers",
    "count_tokens",
    "longest_sentence",
    "link_spans",
    "ABBREVIATIONS",
    "SENTENCE_FINAL_ABBREVIATIONS",
]


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``text == document.text[start:end]``.

    ``syllables`` counts tiếng (letter tokens), ``tokens`` counts syllables
    plus numbers; ``paragraph`` is the index of its paragraph in
    ``Document.paragraphs``.
    """

    start: int
    end: int
    text: str
    syllables: int
    paragraph: int
    tokens: int


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: ``kind`` is ``"heading"``, ``"list_item"`` or ``"body"``.

    ``marker`` is the list or section marker as written (``"-"``, ``"a)"``,
    ``"1."``, ``"II."``, ``"Điều 7."``, ``"(1)"``), or ``None``. The marker is
    part of ``text`` but of none of the ``sentences``.
    """

    start: int
    end: int
    text: str
    kind: str
    marker: str | None
    sentences: tuple[Sentence, ...]
    index: int


@dataclass(frozen=True)
class Document:
    """The analysed text: paragraphs, all sentences in order, and totals.

    ``syllables`` and ``tokens`` are the sums over ``sentences`` (so list
    markers are not counted).
    """

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    syllables: int
    tokens: int


_new = object.__new__
_set = object.__setattr__


def _sentence(start: int, end: int, text: str, syllables: int, paragraph: int, tokens: int) -> Sentence:
    # Same result as Sentence(...), without the per-field cost of a frozen __init__.
    obj = _new(Sentence)
    _set(obj, "__dict__", {"start": start, "end": end, "text": text, "syllables": syllables,
                           "paragraph": paragraph, "tokens": tokens})
    return obj


# --------------------------------------------------------------------------- tokens

# Combining marks are kept inside a token in case a decomposed letter got through.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN_RE = re.compile(
    rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*)*"  # letters and digits (and marks)
    rf"(?:(?<=\d)[.,:/](?=\d)[^\W_]+(?:[{_MARKS}]+[^\W_]*)*)*"  # 21.340, 4,6, 3/6/2026
)
_ALNUM_RE = re.compile(r"[^\W_]")


def _scan(text: str) -> tuple[list[int], bytearray]:
    """Start of every token, and a flag per token: 1 for a syllable, 0 for a number."""
    starts = [m.start() for m in _TOKEN_RE.finditer(text)]
    tokens = _TOKEN_RE.findall(text)
    flags = bytearray(map(str.isalpha, tokens))
    # Few tokens are not pure letters: numbers, and letters with stray combining marks.
    i = flags.find(0)
    while i >= 0:
        if all(c.isalpha() or unicodedata.combining(c) for c in tokens[i]):
            flags[i] = 1
        i = flags.find(0, i + 1)
    return starts, flags


def _spans(text: str, want: int) -> list[tuple[int, int]]:
    """Token spans whose flag is ``want`` (1 syllables, 0 numbers)."""
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    flags = _scan(text)[1]
    return [sp for sp, f in zip(spans, flags) if f == want]


def token_spans(text: str) -> list[tuple[int, int]]:
    """Spans of all tokens (syllables and numbers), in order."""
    if not isinstance(text, str):
        return []
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def syllable_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the syllables (tiếng): tokens made of letters only."""
    if not isinstance(text, str):
        return []
    return _spans(text, 1)


def number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the number tokens (``2026``, ``21.340``, ``4,6``, ``8h30``)."""
    if not isinstance(text, str):
        return []
    return _spans(text, 0)


def count_syllables(text: str) -> int:
    """Number of syllables (tiếng); numbers are not counted. See the module docstring."""
    if not isinstance(text, str):
        return 0
    return _scan(text)[1].count(1)


def count_numbers(text: str) -> int:
    """Number of number tokens (``21.340`` and ``4,6`` count one each)."""
    if not isinstance(text, str):
        return 0
    return _scan(text)[1].count(0)


def count_tokens(text: str) -> int:
    """Syllables plus numbers: every token a reader reads as one unit."""
    if not isinstance(text, str):
        return 0
    return sum(1 for _ in _TOKEN_RE.finditer(text))


# --------------------------------------------------------------------------- links

# Each search starts from a literal anchor ("@", "://", "www.", ".vn"...) and grows
# the address around it with bounded steps, so a megabyte of dots or letters stays linear.
_URL_TAIL_RE = re.compile(r"[^\s<>\"“”‘’«»()\[\]{}|\\^`]*")
_TLD_RE = re.compile(r"\.(?:vn|com|net|org|edu|gov|int|info|io|asia)(?![\w-])")
_WWW_RE = re.compile(r"www\.")
_SCHEME_RE = re.compile(r"(?:https?|ftp)://")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.+-_")
_TRAILING = ".,;:!?'\"”’»-"


def _same_length_lower(text: str) -> str:
    """``text.lower()``, keeping offsets: a few letters ("İ") grow when lowered."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _url_end(text: str, i: int) -> int:
    return _URL_TAIL_RE.match(text, i).end()


def link_spans(text: str) -> list[tuple[int, int, str]]:
    """E-mail addresses and web addresses as ``(start, end, kind)``, kind ``"email"`` or ``"url"``.

    Forms: ``https://moet.gov.vn/tin-tuc``, ``www.x.vn``, bare domains ending in a
    common suffix (``moet.gov.vn``, ``quangngai.edu.vn/abc``; .vn .com .net .org
    .edu .gov .int .info .io .asia) and e-mails (``vanphong@gddt.quangngai.gov.vn``).
    Trailing sentence punctuation is left out. Sorted and non-overlapping.
    """
    if not isinstance(text, str) or len(text) < 4:
        return []
    low = _same_length_lower(text)
    found: list[tuple[int, int, str]] = []
    # e-mails: grow around each "@" (local part at most 64 characters)
    at = low.find("@")
    while at >= 0:
        s = at
        while s > 0 and at - s < 64 and low[s - 1] in _LOCAL_CHARS:
            s -= 1
        e = at + 1
        while e < len(low) and e - at < 256 and low[e] in _HOST_CHARS:
            e += 1
        while e > at and low[e - 1] in ".-":
            e -= 1
        while s < at and low[s] in ".-+":
            s += 1
        host = low[at + 1:e]
        if s < at and "." in host and not host.startswith((".", "-")) and ".." not in host:
            if s >= 7 and low[s - 7:s] == "mailto:":
                s -= 7
            found.append((s, e, "email"))
        at = low.find("@", max(e, at + 1))
    # addresses with a scheme or www.
    for regex in (_SCHEME_RE, _WWW_RE):
        for m in regex.finditer(low):
            s = m.start()
            if s > 0 and (low[s - 1].isalnum() or low[s - 1] in "@."):
                continue
            e = _url_end(text, m.end())
            while e > s and text[e - 1] in _TRAILING:
                e -= 1
            if e > m.end():
                found.append((s, e, "url"))
    # bare domains: grow left from a known ending, never past the previous one
    pos = 0
    n = len(low)
    while True:
        m = _TLD_RE.search(low, pos)
        if m is None:
            break
        floor = max(pos, m.start() - 253)
        pos = m.end()
        s = m.start()
        while s > floor and low[s - 1] in _HOST_CHARS:
            s -= 1
        if s > 0 and (low[s - 1].isalnum() or low[s - 1] in "@/_"):
            continue  # part of a longer word or address
        while s < m.start() and low[s] in ".-":
            s += 1
        if s >= m.start():
            continue
        e = m.end()
        while e < n and low[e] in _HOST_CHARS:
            e += 1
        pos = e
        if e < n and low[e] == "/":
            e = _url_end(text, e)
        while e > s and text[e - 1] in _TRAILING:
            e -= 1
        found.append((s, e, "url"))
    found.sort(key=lambda t: (t[0], -t[1]))
    out: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if out and s < out[-1][1]:
            continue  # inside an e-mail or a longer address already taken
        out.append((s, e, kind))
    return out


# --------------------------------------------------------------------------- sentences

#: Abbreviations after which a period does not end a sentence, compared
#: case-insensitively (``ThS`` = ``Ths``). Dotted compounds (``GS.TS``,
#: ``PGS.TS``, ``ThS.BS``, ``Th.S``) are abbreviations when every part is one
#: of these or a single letter.
ABBREVIATIONS = frozenset(
    """tp tx tt q p gs pgs ts tskh ths th bs bsck ck ks cn ncs
    ngnd ngưt nsnd nsưt ttưt tl kt tm tuq tr st mr mrs ms dr prof ph""".split()
)
#: Abbreviations that may also end a sentence: the period ends it when the next
#: word starts with a capital.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"v.v", "vv", "etc", "v.v.v"})

# Single-letter address prefixes: Q. (quận), P. (phường), X. (xã).
_ADDRESS_LETTERS = frozenset("QPX")
# Words that introduce a section number: "Điều 7. Phạm vi..." is not two sentences.
_LABELS = frozenset({"điều", "chương", "mục", "phần", "khoản", "bước", "điểm", "tiết"})

_TERM_RE = re.compile(r"[.!?…]+(?:/\.)?[\"'”’»)\]]*")
_CLOSERS = "\"'”’»)]"
_QUOTE_CLOSERS = "\"'”’»"
_DASHES = "-–—"
_MAX_WORD = 40  # how far back a word before a period is looked for
_SECTION_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d{1,3})*|[IVX]{1,6}")


def _word_before(text: str, end: int, floor: int) -> tuple[int, str]:
    """The run of letters, digits, dots and ``&`` ending at ``end`` (bounded)."""
    i = end
    limit = max(floor, end - _MAX_WORD)
    while i > limit:
        c = text[i - 1]
        if c.isalnum() or c in ".&":
            i -= 1
        else:
            break
    return i, text[i:end]


def _skip_space_back(text: str, i: int, floor: int) -> int:
    limit = max(floor, i - _MAX_WORD)
    while i > limit and text[i - 1].isspace():
        i -= 1
    return i


def _is_capital(c: str) -> bool:
    return c.isalpha() and not c.islower()


def _is_abbreviation(word: str) -> bool:
    parts = [p for p in word.split(".") if p]
    if not parts:
        return False
    if len(parts) == 1:
        return parts[0].casefold() in ABBREVIATIONS
    return all(p.casefold() in ABBREVIATIONS or (len(p) == 1 and p.isalpha()) for p in parts)


def _period_ends(text: str, rs: int, sent_start: int, pe: int, k: int, j: int) -> bool:
    """Whether the single period at ``rs`` ends a sentence; what follows starts at ``k``
    and its first letter or digit, a capital or a digit, is at ``j``."""
    ws, word = _word_before(text, rs, sent_start)
    word = word.strip(".")
    if not word:
        return True
    folded = word.casefold()
    if folded in SENTENCE_FINAL_ABBREVIATIONS:
        return True
    # A section number at the start of a sentence or after ; : , ( is a marker.
    if _SECTION_NUMBER_RE.fullmatch(word):
        p = _skip_space_back(text, ws, sent_start)
        if p <= sent_start or text[p - 1] in ";:,(":
            return False
        ls, label = _word_before(text, p, sent_start)
        if label.casefold() in _LABELS and _skip_space_back(text, ls, sent_start) <= sent_start:
            return False
    if "." in word:
        return not _is_abbreviation(word)
    if folded in ABBREVIATIONS and len(word) > 1:
        return False
    if len(word) == 1 and word.isupper():
        return _initial_ends(text, ws, sent_start, pe, k, j, word)
    return True


def _initial_ends(text: str, ws: int, sent_start: int, pe: int, k: int, j: int, letter: str) -> bool:
    """A single capital and a period: an initial ("Nguyễn V. A.") or the end of a sentence
    ("ông Nguyễn Văn A. Hôm nay...")?"""
    nxt = text[j]
    if text[k] == "(":
        return False  # "em Nguyễn Văn H. (15 tuổi)": an anonymised name and its details
    # Another initial follows: "V. A."
    if _is_capital(nxt) and j + 1 < pe and text[j + 1] == "." and (j + 2 >= pe or not text[j + 2].isalnum()):
        return False
    p = _skip_space_back(text, ws, sent_start)
    prev_start, prev = _word_before(text, p, sent_start)
    prev = prev.strip(".")
    if letter in _ADDRESS_LETTERS and (p <= sent_start or text[p - 1] == "," or (prev and prev[0].islower())):
        return False  # "tại Q. Bình Thạnh", ", P. Bến Nghé"
    if nxt.isdigit():
        return True
    # Exactly one capitalised word before: a surname and a middle initial ("Nguyễn V. Anh").
    if prev and _is_capital(prev[0]) and p == ws:
        return True  # no space between: not a name
    if prev and _is_capital(prev[0]):
        q = _skip_space_back(text, prev_start, sent_start)
        _, before = _word_before(text, q, sent_start)
        before = before.strip(".")
        if q <= sent_start or not before or not _is_capital(before[0]):
            return False
    return True


def _is_boundary(text: str, rs: int, re_: int, sent_start: int, pe: int) -> bool:
    """Whether the terminator run ``text[rs:re_]`` ends a sentence (``re_ < pe``)."""
    run = text[rs:re_]
    core = run.rstrip(_CLOSERS)
    quoted = any(c in _QUOTE_CLOSERS for c in run[len(core):])
    nxt = text[re_]
    if not nxt.isspace():
        # Glued sentences, a common typing slip: "kịp thời.Sở GDĐT", "sao?Tôi".
        if not _is_capital(nxt):
            return False
        if core[-1] in "?!":
            return True
        if core == "." and re_ + 1 < pe and text[re_ + 1].islower():
            ws, word = _word_before(text, rs, sent_start)
            return (
                len(word) >= 2
                and word.isalpha()
                and word.islower()
                and word.casefold() not in ABBREVIATIONS
            )
        return False
    k = re_
    while k < pe and text[k].isspace():
        k += 1
    if k >= pe:
        return True
    if quoted and text[k] in _DASHES:
        return False  # “…” – ông A cho biết: the speaker follows the quote
    j = k
    limit = min(pe, k + 8)
    while j < limit and not text[j].isalnum():
        j += 1
    if j >= limit:
        return True
    c = text[j]
    if c.islower():
        return False
    if "?" in core or "!" in core or "…" in core or core.startswith(".."):
        return True
    return _period_ends(text, rs, sent_start, pe, k, j)


def _sentence_bounds(text: str, bs: int, pe: int, links: list[tuple[int, int, str]], li: int) -> tuple[list[tuple[int, int]], int]:
    """Split ``text[bs:pe]`` into stripped sentence spans; ``li`` walks ``links``."""
    cuts: list[int] = []
    sent_start = bs
    for m in _TERM_RE.finditer(text, bs, pe):
        rs, re_ = m.span()
        if re_ < pe:
            c = text[re_]
            if not c.isspace() and not c.isupper():
                continue  # fast path: "21.340", "v.v.,", "gov.vn"
        while li < len(links) and links[li][1] <= rs:
            li += 1
        if li < len(links) and links[li][0] <= rs:
            continue  # a dot inside an address
        if re_ >= pe:
            break
        if _is_boundary(text, rs, re_, sent_start, pe):
            cuts.append(re_)
            k = re_
            while k < pe and text[k].isspace():
                k += 1
            sent_start = k
    spans: list[tuple[int, int]] = []
    pending = -1  # start of leading stray punctuation, joined to the next sentence
    pending_end = -1
    prev = bs
    for cut in [*cuts, pe]:
        s, e = prev, cut
        prev = cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if _ALNUM_RE.search(text, s, e) is None:
            # Stray punctuation ("..", "###") joins its neighbour.
            if spans:
                spans[-1] = (spans[-1][0], e)
            else:
                if pending < 0:
                    pending = s
                pending_end = e
            continue
        if pending >= 0:
            s, pending = pending, -1
        spans.append((s, e))
    if pending >= 0:
        spans.append((pending, pending_end))  # nothing but punctuation in the paragraph
    return spans, li


# --------------------------------------------------------------------------- paragraphs

_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RE = re.compile(f"[{_BREAKS}]")
# A stripped line: the middle may hold spaces but no line break (linear: one backtrack per line).
_LINE_RE = re.compile(f"[^\\s](?:[^{_BREAKS}]*[^\\s])?")
_MARKER_RE = re.compile(
    r"""
    (?P<bullet>[-+*•·◦▪▫■□●○►▶➢➤✓✔❖–—])(?=\s)
  | (?P<label>(?:Điều|Chương|Mục|Phần|Khoản|Bước)[ \t]+(?:\d{1,3}|[IVXLC]{1,6})[.:)])(?=\s)
  | (?P<paren>\((?:\d{1,2}|[a-zđ]|[IVX]{1,5})\))(?=\s)
  | (?P<roman>[IVX]{1,6}[.)])(?=\s)
  | (?P<number>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)])(?=\s)
  | (?P<letter>[a-zđ][.)])(?=\s)
  | (?P<upper_letter>[A-HĐ][.)])(?=\s)
    """,
    re.X,
)
_NUMBERED = ("label", "roman", "number", "upper_letter")
_MIN_WRAPPED = 25  # characters; wrapped lines fill (most of) a line
# Characters a marker can start with (besides digits and "a)"-style letters).
_MARKER_FIRST = frozenset("-+*•·◦▪▫■□●○►▶➢➤✓✔❖–—(IVXĐCMPKBABCDEFGH")
_LETTER_MARK_END = (".", ")")
_TITLE_END = ".,;!?…"


def _marker(text: str, ps: int, pe: int) -> tuple[str | None, str | None, int]:
    """(marker text, marker kind, body start) of the paragraph ``text[ps:pe]``."""
    m = _MARKER_RE.match(text, ps, pe)
    if m is None:
        return None, None, ps
    k = m.end()
    while k < pe and text[k].isspace():
        k += 1
    if k >= pe:
        return None, None, ps  # a lone "-" is content, not a marker
    return m.group(), m.lastgroup, k


def _all_caps(body: str) -> bool:
    if len(body) > 600 or body.upper() != body or body.lower() == body:
        return False
    return sum(1 for c in body if c.isalpha()) >= 2


def _heading(text: str, bs: int, pe: int, mkind: str | None, n_tokens: int) -> bool:
    body = text[bs:pe]
    if n_tokens <= 40 and _all_caps(body):
        return True
    if mkind in _NUMBERED and n_tokens <= 12 and _is_capital(body[0]):
        return body.rstrip(_CLOSERS)[-1:] not in _TITLE_END
    return False


def _breaks(text: str, s: int, e: int) -> int:
    """Line breaks in ``text[s:e]``; a Windows "\\r\\n" counts once."""
    return len(_LINE_BREAK_RE.findall(text, s, e)) - text.count("\r\n", s, e)


def _continues(text: str, prev_s: int, prev_e: int, first_s: int, first_e: int, s: int, e: int) -> bool:
    """Whether the line ``text[s:e]`` (starting lowercase, right under a long line
    ``text[prev_s:prev_e]``) continues the paragraph whose first line is ``text[first_s:first_e]``."""
    if _MARKER_RE.match(text, s, e) is not None:
        return False
    tail = text[prev_s:prev_e].rstrip(_CLOSERS)
    if tail[-1:] in (".", "!", "?", "…", ":", ";"):
        return False
    bs = _marker(text, first_s, first_e)[2]
    return not _all_caps(text[bs:first_e])


# --------------------------------------------------------------------------- analyse


def analyse(text: str) -> Document:
    """Paragraphs, sentences and syllable counts of ``text`` (any ``str``; never raises)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    # Hundreds of thousands of small acyclic objects can be made here; the cyclic
    # garbage collector would rescan them again and again (2-3x slower), so it
    # pauses for big inputs.
    pause_gc = len(text) > 100_000 and gc.isenabled()
    if pause_gc:
        gc.disable()
    try:
        return _analyse(text)
    finally:
        if pause_gc:
            gc.enable()


def _analyse(text: str) -> Document:
    starts, flags = _scan(text)
    # Prefix sums let each unit count its tokens with two bisections.
    syl_prefix = list(accumulate(flags, initial=0))
    links = link_spans(text)
    li = 0

    lines = [m.span() for m in _LINE_RE.finditer(text)]
    # Paragraphs: runs of lines, each line but the first a soft-wrapped continuation.
    # Cheap tests first: a continuation starts lowercase under a long line.
    first_line = list(range(len(lines)))  # index of the first line of each line's paragraph
    joined = [False] * len(lines)
    for i in [
        i for i in range(1, len(lines))
        if text[lines[i][0]].islower() and lines[i - 1][1] - lines[i - 1][0] >= _MIN_WRAPPED
    ]:
        s, e = lines[i]
        ls, le = lines[i - 1]
        head = first_line[i - 1]
        if (text[le:s] == "\n" or _breaks(text, le, s) < 2) and _continues(
            text, ls, le, lines[head][0], lines[head][1], s, e
        ):
            joined[i] = True
            first_line[i] = head
    if any(joined):
        groups = []
        for i, (s, e) in enumerate(lines):
            if joined[i]:
                groups[-1] = (groups[-1][0], e)
            else:
                groups.append((s, e))
    else:
        groups = lines

    new = _new
    setd = _set
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    total_syl = total_tok = 0
    ti = 0  # token index: units come in text order, so bisections start here
    for idx, (ps, pe) in enumerate(groups):
        c0 = text[ps]
        if c0 in _MARKER_FIRST or c0.isdigit() or (c0.islower() and text[ps + 1:ps + 2] in _LETTER_MARK_END):
            mtext, mkind, bs = _marker(text, ps, pe)
            a = bisect_left(starts, bs, ti)
        else:
            # every token lies in a paragraph, so this one's first token is the next one
            mtext, mkind, bs = None, None, ps
            a = ti
        b = bisect_left(starts, pe, a)
        # A heading starts with a capital (or a non-letter) and is short.
        if (mkind is not None or b - a <= 40) and not text[bs].islower() and _heading(text, bs, pe, mkind, b - a):
            kind = "heading"
            spans = None
        else:
            kind = "body" if mtext is None else "list_item"
            if _TERM_RE.search(text, bs, pe) is None:
                spans = None
            else:
                spans, li = _sentence_bounds(text, bs, pe, links, li)
        ptext = text[ps:pe]
        if spans is None or (len(spans) == 1 and spans[0] == (bs, pe)):
            # One sentence that is the whole body: reuse the paragraph's counts.
            ti = b
            syl = syl_prefix[b] - syl_prefix[a]
            # Same objects as Sentence(...) and Paragraph(...), without the per-field
            # cost of a frozen __init__ (a megabyte of short lines makes 500,000 of each).
            sent = new(Sentence)
            setd(sent, "__dict__", {"start": bs, "end": pe, "text": ptext if bs == ps else text[bs:pe],
                                    "syllables": syl, "paragraph": idx, "tokens": b - a})
            own: tuple[Sentence, ...] = (sent,)
            sentences.append(sent)
            total_syl += syl
            total_tok += b - a
        else:
            parts: list[Sentence] = []
            for s, e in spans:
                a = bisect_left(starts, s, ti)
                ti = bisect_left(starts, e, a)
                syl = syl_prefix[ti] - syl_prefix[a]
                parts.append(_sentence(s, e, text[s:e], syl, idx, ti - a))
                total_syl += syl
                total_tok += ti - a
            own = tuple(parts)
            sentences.extend(own)
        para = new(Paragraph)
        setd(para, "__dict__", {"start": ps, "end": pe, "text": ptext, "kind": kind, "marker": mtext,
                                "sentences": own, "index": idx})
        paragraphs.append(para)
    return Document(text, tuple(paragraphs), tuple(sentences), total_syl, total_tok)


def split_paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``analyse(text)``."""
    return list(analyse(text).paragraphs)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``analyse(text)``, headings included."""
    return list(analyse(text).sentences)


def longest_sentence(doc: Document, *, include_headings: bool = False, by: str = "syllables") -> Sentence | None:
    """The longest sentence of ``doc`` (first one on a tie), or ``None`` when there is none.

    ``by`` is ``"syllables"`` (default), ``"tokens"`` or ``"chars"``. Headings are
    skipped unless ``include_headings``.
    """
    best: Sentence | None = None
    best_len = -1
    for s in doc.sentences:
        if not include_headings and doc.paragraphs[s.paragraph].kind == "heading":
            continue
        size = s.syllables if by == "syllables" else s.tokens if by == "tokens" else s.end - s.start
        if size > best_len:
            best, best_len = s, size
    return best

