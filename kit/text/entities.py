"""Acronyms, dates, figures and contact details in Vietnamese office text.

Every mention carries character offsets (``text[m.start:m.end] == m.text``) so
that a widget can highlight it. Input is NFC text; any ``str`` is accepted,
nothing raises, and every search is linear in the length of the text.

Acronyms
--------
An *acronym use* is a token of letters, possibly joined by ``&``, ``.`` or
``-`` (``GD&ĐT``, ``TP.HCM``, ``GDNN-GDTX``, ``COVID-19``), with at least two
capital letters and no more small letters than capitals (``UBND``, ``THPT``,
``ThS``, ``TTg``, ``GDTrH``). These are *not* acronym uses:

* Vietnamese words written in capitals ("KẾ HOẠCH", "THÔNG CÁO BÁO CHÍ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): a capital token that spells a valid
  Vietnamese syllable and either carries a Vietnamese letter (Ế, Đ, Ư...) or
  stands next to another such word;
* roman numerals (``II``, ``IV``, ``XI``), dotted initials (``T.T.T``),
  units after a number (``16 GB``);
* tokens inside document symbols ("Số: 182/KH-SGDĐT", "68/KH-BGDĐT",
  "29-NQ/TW", "QĐ-TTg"), e-mails and web addresses;
* the filing line of "Nơi nhận" ("- Lưu: VT, VP.").

Acronyms in a heading line are returned with ``in_heading=True``: a line
without any small letter (a letterhead such as "UBND TỈNH QUẢNG NGÃI", a
headline in capitals), or a short title-like line (at most 20 words, not
ending with ``. ! ? … ; : ,``) such as the headline "Sở GD&ĐT tổ chức hội nghị
tập huấn truyền thông" or a section title. A headline cannot hold a
definition, so these uses never count as the first use of an acronym.

A word glued to an acronym by a typing slip is cut off ("GD&ĐTVăn phòng"
gives ``GD&ĐT``).

Definitions (``find_definitions``) are recognised in these forms. The long
form is found by matching its initials to the acronym (Vietnamese aware: tone
and vowel marks are ignored, ``Đ`` and ``D`` match each other, ``&`` matches
"và", small words such as "và", "của", "các" may be skipped, a capital
followed by small letters in the acronym — ``Th`` in ``ThS`` — matches the
start of one word); ``initials_match`` says whether that worked:

* ``long (SHORT)``: "Sở Giáo dục và Đào tạo (GD&ĐT)", "Ủy ban nhân dân (UBND)
  tỉnh", "Sở Giáo dục và Đào tạo (Sở GD&ĐT)". When the brackets hold a lone
  acronym right after a word but the initials do not match (a foreign name:
  "Đài Truyền hình Trung ương Trung Quốc (CMG)"), it still counts as a
  definition, with the fallback long form below;
* ``SHORT (long)``: "UBND (Ủy ban nhân dân)" (initials must match);
* ``long – SHORT``: "Công nghệ thông tin – CNTT" (initials must match: a dash
  is too common to trust otherwise);
* "(sau đây gọi tắt là X)", "(gọi tắt là X)", "(sau đây viết tắt là X)",
  "(viết tắt: X)", ", sau đây gọi là X": accepted even when X is not an
  acronym ("Sở") or its initials do not match.

The fallback long form is the phrase before the short form, back to the last
clause break (at most 12 words), starting at the last word equal to the first
word of the short form ("Sở … (sau đây gọi tắt là Sở)") or else at the first
capitalised word.

``undefined_acronyms`` reports, once per acronym (compared by
:func:`acronym_key`), the first use outside a line in capitals that is neither
in ``known`` (default :data:`COMMON`) nor preceded by a definition.

Dates (``find_dates``)
----------------------
Kinds: ``"date"``, ``"datetime"``, ``"time"``, ``"month"``, ``"quarter"``,
``"year"``, ``"school_year"``, ``"range"`` and ``"periodic"``. A bare day/month
("14/10") or month/year ("9/2026") is a date only with support from its
context: "ngày", a part of the day (sáng, trưa, chiều, tối, đêm), a cue word
before it (từ, đến, tới, trước, sau, vào, lúc, hạn, đầu, cuối, giữa, hết,
hôm, a weekday), a time or another date joined to it, or parentheses around
it ("(18/8)"). So "3/4 số trường" is not a date, "trước 30/6" is. Values are
validated (no 31/2; hours ≤ 24, minutes < 60). An hour without minutes after
"trong", "vòng", "mất", "suốt", "mỗi", "hơn", "gần" or "tối đa" is a duration
("trong 24 giờ"), not a time. Numbers inside document symbols are never dates.

Figures and contacts
--------------------
``find_numbers`` reads Vietnamese number formats ("." groups thousands, ","
is the decimal mark) with the unit that follows; ``find_contacts`` finds
Vietnamese phone numbers, e-mails and web addresses (see each function).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .segment import count_syllables, link_spans

__all__ = [
    "AcronymUse",
    "AcronymDefinition",
    "DateMention",
    "NumberMention",
    "ContactMention",
    "COMMON",
    "find_acronyms",
    "find_definitions",
    "undefined_acronyms",
    "acronym_key",
    "symbol_spans",
    "find_dates",
    "find_numbers",
    "find_contacts",
]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class AcronymUse:
    """One use of an acronym; ``in_heading`` is True on a letterhead, headline or title line."""

    short: str
    start: int
    end: int
    in_heading: bool = False

    @property
    def key(self) -> str:
        return acronym_key(self.short)


@dataclass(frozen=True)
class AcronymDefinition:
    """An acronym (or short name) defined in the text.

    ``start``/``end`` cover the whole definition (long form and short form with
    their brackets), ``long_start``/``long_end`` the long form, ``short_start``/
    ``short_end`` the short form. ``form`` is ``"long_short"``, ``"short_long"``,
    ``"dash"`` or ``"called"`` (gọi tắt là...); ``initials_match`` says whether the
    long form's initials spell the short form.
    """

    short: str
    long_form: str
    start: int
    end: int
    long_start: int
    long_end: int
    short_start: int
    short_end: int
    form: str
    initials_match: bool


@dataclass(frozen=True)
class DateMention:
    """A date, time, period or range. Fields not stated in the text are ``None``.

    For ``kind == "range"`` the ``day``/``month``/``year``/``hour``/``minute``
    fields describe the start and the ``end_*`` fields the end; a start without
    month or year takes them from the end ("3 – 4/7/2020", "từ 1/9 đến
    15/9/2026"). ``quarter`` is 1–4; ``period`` (for ``"periodic"``) is ``"day"``,
    ``"week"``, ``"month"``, ``"quarter"``, ``"year"`` or ``None`` ("định kỳ").
    ``qualifier`` is ``"from"`` (từ), ``"until"`` (đến, tới, hết), ``"before"``
    (trước), ``"after"`` (sau) or ``"during"`` (trong) when such a word precedes.
    """

    start: int
    end: int
    text: str
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    end_hour: int | None = None
    end_minute: int | None = None
    quarter: int | None = None
    end_quarter: int | None = None
    period: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class NumberMention:
    """A figure: ``value`` parsed the Vietnamese way (``21.340`` = 21340, ``4,6`` = 4.6,
    ``1,2 tỷ`` = 1.2e9), ``unit`` as written (``"%"``, ``"đồng"``, ``"học sinh"``...),
    ``kind`` one of ``"percent"``, ``"money"``, ``"amount"`` (tỷ/triệu without a
    currency), ``"measure"``, ``"duration"``, ``"count"``."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    kind: str


@dataclass(frozen=True)
class ContactMention:
    """A phone number, e-mail or web address. ``value`` is the normalised form
    (phone: digits with a leading 0, or ``1800…``/``1900…``; e-mail: lower case).
    ``placeholder`` is True for a phone number with ``x`` digits ("0255 3822 xxx")."""

    start: int
    end: int
    text: str
    kind: str
    value: str
    placeholder: bool = False


# --------------------------------------------------------------------------- Vietnamese letters

_TONE_MARKS = {0x0300: None, 0x0301: None, 0x0303: None, 0x0309: None, 0x0323: None}


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    """Lower case without any mark; đ becomes d ("Đào" -> "dao", "Ủy" -> "uy")."""
    base = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in base if not unicodedata.combining(c)).replace("đ", "d")


@lru_cache(maxsize=4096)
def _toneless(word: str) -> str:
    """Lower case without tone marks but with vowel marks (ô, ư, ă...)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS))


_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"[ou]?(?:iê|yê|ia|uô|ua|ươ|ưa|[aăâeêioôơuưy])"
    r"(?:ng|nh|ch|[cmnpt]|[iyou])?"
)


def _is_syllable(word: str) -> bool:
    """Whether ``word`` could be one Vietnamese syllable (permissive phonotactics)."""
    return len(word) <= 7 and _SYLLABLE_RE.fullmatch(_toneless(word)) is not None


# --------------------------------------------------------------------------- document symbols

# "182/KH-SGDĐT", "182 /KH-SGDĐT", "30/2020/NĐ-CP", "29-NQ/TW", "29- NQ/TW", "1600/KH-SGDĐT"
_SYMBOL_RE = re.compile(
    r"(?<![\w/])\d{1,5}(?:[ \t]?/\d{4})?(?:[ \t]?/|-)[ \t]?"  # space only before "/" or after "-"
    r"[^\W\d_][\w&]*(?:[\-/][^\W\d_][\w&]*)*"
)
# Type codes of NĐ 30/2020 (and common others) that open a symbol without its number.
_TYPE_CODES = frozenset(
    """NQ QĐ CT QC QYĐ TC TB HD CTR KH PA ĐA DA BC BB TTR HĐ CĐ GM GGT GUQ GXN GCN GNP
    PC PL TT NĐ CV KL TTG""".split()
)


def symbol_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document symbols ("182/KH-SGDĐT", "30/2020/NĐ-CP", "29-NQ/TW")."""
    out = []
    for m in _SYMBOL_RE.finditer(text):
        body = m.group()
        # The letters after the number must look like a code: "10- học" is no symbol.
        tail = body[re.search(r"[^\W\d_]", body).start():]
        if _acronymish(_JOINERS_RE.split(tail.split("/")[0])[0]):
            out.append(m.span())
    return out


# --------------------------------------------------------------------------- acronyms

#: Acronyms so common that a Vietnamese reader of a press release needs no
#: definition (compared by :func:`acronym_key`, so ``ThS`` = ``THS``). Kept small
#: on purpose: the rubric flags what is *not* here, and sector acronyms such as
#: GD&ĐT, GDĐT, SGDĐT, BGDĐT, CNTT, GDPT, GDNN-GDTX still need a definition.
#: - administration: UBND, HĐND, TP (thành phố), TP.HCM, HCM
#: - school levels: THPT, THCS
#: - titles before a name: GS, PGS, TS, TSKH, ThS, BS, KS, CN, NCS, NGND, NGƯT, NSND, NSƯT
#: - international and everyday: COVID, COVID-19, ASEAN, UNESCO, UNICEF, WHO, GDP,
#:   USD, VND, VNĐ, ISO, GMT, SMS, TV, OK, PDF
#: - contact labels: ĐT (điện thoại), SĐT, STT (số thứ tự)
COMMON = frozenset(
    """UBND HĐND TP TP.HCM HCM THPT THCS
    GS PGS TS TSKH ThS BS KS CN NCS NGND NGƯT NSND NSƯT
    COVID COVID-19 ASEAN UNESCO UNICEF WHO GDP USD VND VNĐ ISO GMT SMS TV OK PDF
    ĐT SĐT STT""".split()
)


def _char_class(pred) -> str:
    """The characters of Latin, Greek, Cyrillic and Vietnamese blocks satisfying ``pred``."""
    ranges = ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
    return "".join(re.escape(chr(i)) for lo, hi in ranges for i in range(lo, hi) if pred(chr(i)))


_UPPER = _char_class(str.isupper)
# Starts with a capital, so the engine drops most words at their first letter.
_ACRONYM_RE = re.compile(
    rf"(?<![\w&/@.\-])[{_UPPER}][^\W\d_]*(?:[&.\-][^\W\d_]+)*(?:-\d+)?(?![\w&@/]|[.\-][^\W_])"
)
_TWO_UPPER_RE = re.compile(rf"[{_UPPER}][^{_UPPER}]*[{_UPPER}]")
_JOINERS_RE = re.compile(r"[&.\-]")
_ROMAN_RE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_UNITS = frozenset({"KB", "MB", "GB", "TB", "MHZ", "GHZ", "KW", "MW", "KWH", "MWH", "HP", "VND", "VNĐ", "USD"})
_FILING_RE = re.compile(r"Lưu\s*:")
_LINE_BREAK_RE = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def acronym_key(short: str) -> str:
    """The comparison key of an acronym: letters and digits only, folded
    (``GD&ĐT``, ``GD-ĐT``, ``GDĐT`` and ``GDDT`` share one key)."""
    return "".join(c for c in _fold(short) if c.isalnum())


_COMMON_KEYS = frozenset(acronym_key(a) for a in COMMON)


def _acronymish(part: str) -> bool:
    """A capital first, and no more small letters than capitals."""
    if not part or not part[0].isupper():
        return False
    return sum(map(str.isupper, part)) * 2 >= len(part)


def _upper_count(s: str) -> int:
    return sum(map(str.isupper, s))


def _is_caps_word(text: str, s: int, e: int) -> bool:
    """A whole word in capitals that spells a Vietnamese syllable."""
    w = text[s:e]
    return w.isupper() and w.isalpha() and _is_syllable(w)


_WORD_RE = re.compile(r"[^\W\d_]+")
_TITLE_WORDS = 20
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?…;:,"
_NEAR = 3  # characters of spaces/punctuation allowed between neighbouring words


def _neighbour_caps_word(text: str, s: int, e: int) -> bool:
    """Whether a capitalised Vietnamese word stands right before or after ``text[s:e]``."""
    i = s
    while i > 0 and s - i < _NEAR and text[i - 1] in " \t,-–:":
        i -= 1
    if i < s:
        j = i
        while j > 0 and i - j < 8 and text[j - 1].isalpha():
            j -= 1
        if j < i and (j == 0 or not text[j - 1].isalnum()) and _is_caps_word(text, j, i):
            return True
    i = e
    while i < len(text) and i - e < _NEAR and text[i] in " \t,-–:":
        i += 1
    if i > e:
        m = _WORD_RE.match(text, i)
        if m and m.end() - m.start() <= 7 and _is_caps_word(text, m.start(), m.end()):
            return True
    return False


_TOP_LINES = 6  # letterhead, document type, headline, dateline: the lines a title may take
_SECTION_TITLE_RE = re.compile(r"(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s")


class _Lines:
    """Which line an offset is on, and whether that line is a heading (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]
        self.cache: dict[int, bool] = {}
        self.top: set[int] | None = None

    def index(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def bounds(self, idx: int) -> tuple[int, int]:
        end = self.starts[idx + 1] - 1 if idx + 1 < len(self.starts) else len(self.text)
        return self.starts[idx], end

    def _near_top(self, idx: int) -> bool:
        """A headline sits among the first lines; a short unpunctuated line further down
        ("Người liên hệ: bà …, Phó Giám đốc Trung tâm GDNN-GDTX") is not a title."""
        if self.top is None:
            self.top = set()
            for i in range(len(self.starts)):
                s, e = self.bounds(i)
                if self.text[s:e].strip():
                    self.top.add(i)
                    if len(self.top) >= _TOP_LINES:
                        break
        return idx in self.top

    def heading(self, pos: int) -> bool:
        idx = self.index(pos)
        hit = self.cache.get(idx)
        if hit is None:
            s, e = self.bounds(idx)
            line = self.text[s:e].strip()
            if line.upper() == line and len(_WORD_RE.findall(line[:2000])) >= 2:
                hit = True  # letterhead or headline in capitals
            else:
                words = line[:400].split()
                hit = (0 < len(words) <= _TITLE_WORDS and line.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END
                       and (self._near_top(idx) or bool(_SECTION_TITLE_RE.match(line))))
            self.cache[idx] = hit
        return hit


# (text, spans) of the last call; holding the text keeps the identity test safe.
_last_excluded: tuple[str | None, list[tuple[int, int]]] = (None, [])


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Document symbols, addresses and filing lines: no acronym, date or figure inside."""
    global _last_excluded
    # The rubric asks several questions about one text in a row: remember the last answer.
    last_text, last_spans = _last_excluded
    if last_text is text:
        return list(last_spans)
    spans = symbol_spans(text)
    spans += [(s, e) for s, e, _ in link_spans(text)]
    for m in _FILING_RE.finditer(text):
        nl = _LINE_BREAK_RE.search(text, m.end())
        spans.append((m.start(), nl.start() if nl else len(text)))
    spans.sort()
    _last_excluded = (text, spans)
    return list(spans)


class _Mask:
    """Fast "does this span touch an excluded span?" (excluded spans sorted by start)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        # running maximum of ends, so that nested or overlapping spans are handled
        ends = []
        best = -1
        for _, e in spans:
            best = max(best, e)
            ends.append(best)
        self.max_ends = ends

    def covers(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s) - 1
        return i >= 0 and self.max_ends[i] > s

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, e - 1) - 1
        return i >= 0 and self.max_ends[i] > s


_DIGIT_SUFFIX_RE = re.compile(r"-\d+$")


def _glued_word(core: str) -> int | None:
    """Where a Vietnamese word glued to an acronym starts ("GD&ĐTVăn", "UBNDtỉnh"), if any."""
    i = len(core)
    while i > 0 and core[i - 1].islower():
        i -= 1
    tail = core[i:]
    if not tail or i == 0:
        return None
    if len(tail) >= 3 and _is_syllable(tail) and _upper_count(core[:i]) >= 2:
        return i  # "UBNDtỉnh"
    if len(tail) >= 2 and core[i - 1].isupper() and _is_syllable(core[i - 1:]) and _upper_count(core[:i - 1]) >= 2:
        return i - 1  # "GD&ĐTVăn"
    return None


@lru_cache(maxsize=8192)
def _acronym_pieces(token: str) -> tuple[tuple[int, str], ...]:
    """The acronyms inside a matched token, as (offset in token, acronym)."""
    if token.lower() == token:
        return ()
    sm = _DIGIT_SUFFIX_RE.search(token)
    core = token[: sm.start()] if sm else token  # "COVID-19": judge "COVID", keep "-19"
    if not sm:
        cut = _glued_word(core)
        if cut is not None:
            core = token = core[:cut]
    parts = _JOINERS_RE.split(core)
    if all(_acronymish(p) for p in parts) and _upper_count(core) >= 2:
        if "." in core and "&" not in core and all(len(p) == 1 for p in parts):
            return ()  # dotted initials: "T.T.T", "N.V.A"
        return ((0, token),)
    # Mixed: "UBND-Sở", "UBND.Sở" -> look at the pieces between "." and "-".
    out: list[tuple[int, str]] = []
    pos = 0
    for piece in re.split(r"([.\-])", core):
        if piece in (".", "-"):
            pos += 1
            continue
        sub = _JOINERS_RE.split(piece)
        if piece and all(_acronymish(p) for p in sub) and _upper_count(piece) >= 2:
            out.append((pos, piece))
        pos += len(piece)
    return tuple(out)


def find_acronyms(text: str) -> list[AcronymUse]:
    """Every acronym use in ``text``, in order (see the module docstring for what counts)."""
    if not isinstance(text, str) or not text:
        return []
    mask = _Mask(_excluded_spans(text))
    lines = _Lines(text)
    out: list[AcronymUse] = []
    for m in _ACRONYM_RE.finditer(text):
        token = m.group()
        if _TWO_UPPER_RE.search(token) is None:
            continue  # fast path: "Sở", "Giáo", "A"
        for off, short in _acronym_pieces(token):
            s = m.start() + off
            e = s + len(short)
            if mask.covers(s, e):
                continue
            if _is_word_in_caps(text, s, e, short):
                continue
            first = _JOINERS_RE.split(short)[0].upper()
            if ("-" in short or "/" in short) and first in _TYPE_CODES:
                continue  # "QĐ-TTg", "NĐ-CP": a symbol without its number
            if short.upper() in _UNITS and _after_number(text, s):
                continue
            out.append(AcronymUse(short, s, e, lines.heading(s)))
    return out


def _after_number(text: str, s: int) -> bool:
    i = s
    while i > 0 and s - i < 2 and text[i - 1] == " ":
        i -= 1
    return i > 0 and text[i - 1].isdigit()


def _is_word_in_caps(text: str, s: int, e: int, short: str) -> bool:
    """Roman numerals and Vietnamese words in capitals are not acronyms."""
    if not short.isalpha():
        return False
    if _ROMAN_RE.fullmatch(short):
        return True
    if not short.isupper() or not _is_syllable(short):
        return False
    if not short.isascii():
        return True  # "KẾ", "ĐÍCH": a Vietnamese letter in a valid syllable
    return _neighbour_caps_word(text, s, e)  # "VIỆT NAM", "KINH PHÍ"


# --------------------------------------------------------------------------- definitions

_SMALL_WORDS = frozenset(
    _fold(w)
    for w in "và của các những cho với về trong ở tại hoặc là the of and for on in to".split()
)
_DASH_WORDS = frozenset({"-", "–", "—"})
_CLAUSE_STOP_RE = re.compile(r"[.;:()\[\]{}!?\n“”\"«»]")
_LONG_WORD_RE = re.compile(r"[^\W_]+|&|[-–—]")
_MAX_LONG_WORDS = 24


@lru_cache(maxsize=2048)
def _chunks(short: str) -> tuple[tuple[str, str], ...] | None:
    """The short form as chunks to match: ("ini", letters), ("and", "&") or ("lit", word)."""
    out: list[tuple[str, str]] = []
    for tok in short.split():
        tok = tok.strip("“”\"'«»,.")
        if not tok:
            continue
        if _upper_count(tok) >= 2 and all(_acronymish(p) for p in _JOINERS_RE.split(tok) if p and not p.isdigit()):
            for c in tok:
                if c == "&":
                    out.append(("and", "&"))
                elif c.isupper():
                    out.append(("ini", _fold(c)))
                elif c.isalpha() and out and out[-1][0] == "ini":
                    out[-1] = ("ini", out[-1][1] + _fold(c))  # "Th" in "ThS"
        elif tok.isalpha() or tok.isdigit():
            out.append(("lit", _fold(tok)))
        else:
            return None
    return tuple(out) or None


def _words_before(text: str, end: int) -> list[tuple[int, int, str]]:
    """Words (and "&", dashes) before ``end``, back to the last clause break."""
    lo = max(0, end - 400)
    # the last clause break: the first one in the reversed window
    m = _CLAUSE_STOP_RE.search(text[lo:end][::-1])
    base = end - m.start() if m else lo
    words = [(m.start(), m.end(), m.group()) for m in _LONG_WORD_RE.finditer(text, base, end)]
    return words[-_MAX_LONG_WORDS:]


def _match_from(folded: list[str], k: int, chunks: list[tuple[str, str]]) -> bool:
    """Whether the folded words ``folded[k:]`` spell ``chunks`` exactly (small words may be skipped)."""
    n, m = len(folded), len(chunks)
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if i == m and j == n:
            return True
        if j == n:
            return False
        key = (i, j)
        hit = memo.get(key)
        if hit is not None:
            return hit
        w = folded[j]
        ok = False
        if i < m:
            kind, val = chunks[i]
            if kind == "lit":
                ok = w == val and go(i + 1, j + 1)
            elif kind == "and":
                ok = w in ("va", "&", "and") and go(i + 1, j + 1)
            elif w.startswith(val):
                ok = go(i + 1, j + 1)
                # two single initials for one word: "NG" + "..." is rare but "TH" for "Thạc"
                if not ok and len(val) == 1 and i + 1 < m and chunks[i + 1][0] == "ini":
                    ok = w.startswith(val + chunks[i + 1][1]) and go(i + 2, j + 1)
        if not ok and j > k and (w in _SMALL_WORDS or w in _DASH_WORDS):
            ok = go(i, j + 1)
        memo[key] = ok
        return ok

    return go(0, k)


def _long_by_initials(text: str, end: int, short: str) -> tuple[int, int] | None:
    """Span of the shortest phrase ending at ``end`` whose initials spell ``short``."""
    chunks = _chunks(short)
    if not chunks:
        return None
    words = _words_before(text, end)
    # the phrase ends right before the short form
    while words and words[-1][2] in _DASH_WORDS:
        words.pop()
    if not words:
        return None
    folded = [_fold(w[2]) for w in words]
    # cheap test first: the last word must give the last initial
    kind, val = chunks[-1]
    last = folded[-1]
    if not (last == val if kind == "lit" else last in ("va", "&", "and") if kind == "and" else last.startswith(val[:1])):
        return None
    for k in range(len(words) - 1, -1, -1):
        w = folded[k]
        if w in _SMALL_WORDS or w in _DASH_WORDS:
            continue
        if len(words) - k > 3 * len(chunks) + 2:
            break
        if _match_from(folded, k, chunks):
            return words[k][0], words[-1][1]
    return None


def _whole_by_initials(text: str, s: int, e: int, short: str) -> bool:
    """Whether the words of ``text[s:e]`` spell ``short`` exactly."""
    chunks = _chunks(short)
    if not chunks:
        return False
    words = [_fold(m.group()) for m in _LONG_WORD_RE.finditer(text, s, e)]
    return bool(words) and len(words) <= 3 * len(chunks) + 2 and _match_from(words, 0, chunks)


def _long_fallback(text: str, end: int, short: str) -> tuple[int, int] | None:
    """The phrase before a "gọi tắt là X": back to the last clause break, at most 12 words,
    from the last word equal to X's first word when there is one."""
    words = [w for w in _words_before(text, end) if w[2] not in _DASH_WORDS]
    while words and _fold(words[-1][2]) in ("sau", "day", "duoc", "va"):
        words.pop()  # "…, sau đây gọi tắt là X": the cue words are not the long form
    if not words:
        return None
    words = words[-12:]
    first = _fold(short.split()[0]) if short.split() else ""
    start = 0
    for idx in range(len(words) - 1, -1, -1):
        if _fold(words[idx][2]) == first:
            start = idx
            break
    else:
        for idx, w in enumerate(words):
            if w[2][:1].isupper():
                start = idx
                break
    return words[start][0], words[-1][1]


_PAREN_RE = re.compile(r"\(([^()\n]{1,150})\)")
_CALLED_RE = re.compile(
    r"(?:sau\s+đây\s+(?:được\s+)?(?:gọi|viết)(?:\s+tắt|\s+chung)?|(?:được\s+)?(?:gọi|viết)\s+(?:tắt|chung))"
    r"\s*(?:là|:)?\s*",
    re.I,
)
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w&.\-]*")
_QUOTES = {"“": "”", '"': '"', "«": "»", "'": "'", "‘": "’"}


def _called_short(text: str, cue_start: int, j: int) -> tuple[int, int, int] | None:
    """The short name after "gọi tắt là": (start, end, end of the definition)."""
    n = len(text)
    if j < n and text[j] in _QUOTES:
        close = text.find(_QUOTES[text[j]], j + 1, j + 80)
        if close < 0:
            return None
        ss, se, end = j + 1, close, close + 1
    else:
        i = cue_start
        while i > 0 and cue_start - i < 3 and text[i - 1] in " \t":
            i -= 1
        if i > 0 and text[i - 1] == "(":
            # inside brackets: the name runs to ")"
            close = text.find(")", j, j + 80)
            nl = _LINE_BREAK_RE.search(text, j, close if close >= 0 else j)
            if close < 0 or nl is not None:
                return None
            ss, se, end = j, close, close + 1
        else:
            # In running text the name ends at the next clause break when one comes
            # within six words ("là Ban Chỉ đạo, có…"), else after its capitalised words.
            words = list(_NAME_WORD_RE.finditer(text, j, min(n, j + 120)))[:7]
            ss = se = j
            stop = None
            for idx, wm in enumerate(words[:6]):
                gap = text[words[idx - 1].end():wm.start()] if idx else ""
                if idx and (any(c in gap for c in ",;:.)(") or _LINE_BREAK_RE.search(gap)):
                    stop = idx
                    break
            if stop is None and words and len(words) <= 6:
                tail = text[words[-1].end():words[-1].end() + 2]
                if not tail.strip() or tail[:1] in ",;:.)":
                    stop = len(words)
            if stop is not None:
                se = words[stop - 1].end() if stop else j
            else:
                for wm in words[:5]:
                    if not wm.group()[0].isupper():
                        break
                    se = wm.end()
            end = se
    while se > ss and text[se - 1] in " \t.,;":
        se -= 1
    while ss < se and text[ss] in " \t":
        ss += 1
    short = text[ss:se]
    if not short or len(short.split()) > 6 or not (short[0].isalpha() and short[0].isupper()):
        return None
    return ss, se, max(end, se)


def find_definitions(text: str) -> list[AcronymDefinition]:
    """Definitions of acronyms and short names, in order (forms in the module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    found: dict[int, AcronymDefinition] = {}  # keyed by short_start

    def add(d: AcronymDefinition) -> None:
        if d.short_start not in found:
            found[d.short_start] = d

    # "… (sau đây gọi tắt là X)" and ", sau đây gọi là X,"
    for m in _CALLED_RE.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        got = _called_short(text, m.start(), m.end())
        if got is None:
            continue
        ss, se, end = got
        short = text[ss:se]
        before = m.start()
        while before > 0 and text[before - 1] in " \t(,":
            before -= 1
        span = _long_by_initials(text, before, short) if _upper_count(short) >= 2 else None
        matched = span is not None
        if span is None:
            span = _long_fallback(text, before, short)
        if span is None:
            continue
        add(AcronymDefinition(short, text[span[0]:span[1]], span[0], end, span[0], span[1], ss, se, "called", matched))

    for m in _PAREN_RE.finditer(text):
        inner_s, inner_e = m.span(1)
        while inner_s < inner_e and text[inner_s] in " \t“\"'«":
            inner_s += 1
        while inner_e > inner_s and text[inner_e - 1] in " \t”\"'»":
            inner_e -= 1
        if inner_s >= inner_e:
            continue
        content = text[inner_s:inner_e]
        if _CALLED_RE.search(content):
            continue  # handled above
        n_words = len(content.split())
        has_acronym = any(_upper_count(t) >= 2 and _acronymish(t.strip("&.-")) for t in content.split())
        # long (SHORT): "Sở Giáo dục và Đào tạo (GD&ĐT)", "(Sở GD&ĐT)", "(UBND tỉnh)"
        if has_acronym and n_words <= 3:
            span = _long_by_initials(text, _skip_back(text, m.start()), content)
            if span is not None:
                add(AcronymDefinition(content, text[span[0]:span[1]], span[0], m.end(), span[0], span[1],
                                      inner_s, inner_e, "long_short", True))
                continue
            # "Đài Truyền hình Trung ương Trung Quốc (CMG)": a name then one acronym in
            # brackets is a definition even when the initials are foreign.
            p = _skip_back(text, m.start())
            if _LONE_ACRONYM_RE.fullmatch(content) and p > 0 and text[p - 1].isalnum():
                span = _long_fallback(text, p, content)
                if span is not None and span[0] < span[1]:
                    add(AcronymDefinition(content, text[span[0]:span[1]], span[0], m.end(), span[0], span[1],
                                          inner_s, inner_e, "long_short", False))
                    continue
        # SHORT (long): "UBND (Ủy ban nhân dân)"
        p = _skip_back(text, m.start())
        am = _ACRONYM_BEFORE_RE.search(text, max(0, p - 40), p)
        if am is not None and am.end() == p:
            short = am.group()
            if _upper_count(short) >= 2 and _whole_by_initials(text, inner_s, inner_e, short):
                add(AcronymDefinition(short, content, am.start(), m.end(), inner_s, inner_e,
                                      am.start(), am.end(), "short_long", True))

    # long – SHORT: "Công nghệ thông tin – CNTT"
    for m in _DASH_SHORT_RE.finditer(text):
        short = m.group(1)
        if _upper_count(short) < 2 or not all(_acronymish(p) for p in _JOINERS_RE.split(short)):
            continue
        span = _long_by_initials(text, m.start(), short)
        if span is not None:
            add(AcronymDefinition(short, text[span[0]:span[1]], span[0], m.end(1), span[0], span[1],
                                  m.start(1), m.end(1), "dash", True))
    return sorted(found.values(), key=lambda d: (d.start, d.short_start))


_LONE_ACRONYM_RE = re.compile(rf"[{_UPPER}][^\W\d_]*(?:[&.\-][^\W\d_]+)*(?:-\d+)?(?:[ \t]+\d+)?")
_ACRONYM_BEFORE_RE = re.compile(r"(?<![\w&.\-])[^\W\d_]+(?:[&.\-][^\W\d_]+)*(?:-\d+)?$")
_DASH_SHORT_RE = re.compile(r"(?<=\w)[ \t]+[-–—][ \t]+([^\W\d_]+(?:[&.\-][^\W\d_]+)*)(?![\w&@/]|[.\-][^\W_])")


def _skip_back(text: str, i: int) -> int:
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i


# "STEM (khoa học, công nghệ, kỹ thuật và toán học)": an expansion in brackets right after
# the acronym, even when its initials do not spell it (a translated expansion).
_BRACKET_EXPANSION_RE = re.compile(r"\s*\(\s*([^\W\d_][^()\d\n]{3,120})\)")


def undefined_acronyms(text: str, known: frozenset[str] | set[str] = COMMON,
                       ignore: tuple[int, int] | None = None) -> list[AcronymUse]:
    """First uses of acronyms that are neither known nor defined before (or at) that use.

    ``known`` lists acronyms readers know (see :data:`COMMON`); compared by
    :func:`acronym_key`. A dotted compound (``PGS.TS``, ``TP.HCM``) is known when
    each of its parts is. Uses in heading lines (``AcronymUse.in_heading``:
    letterheads, headlines, titles) and inside ``ignore`` (a span, e.g. a headline the
    caller found) are passed over; an expansion in brackets right after a use defines it.
    One result per acronym, in text order.
    """
    if not isinstance(text, str) or not text:
        return []
    known_keys = _COMMON_KEYS if known is COMMON else frozenset(acronym_key(k) for k in known or ())
    first_def: dict[str, int] = {}
    for d in find_definitions(text):
        for m in _ACRONYM_RE.finditer(d.short):
            for _, piece in _acronym_pieces(m.group()):
                key = acronym_key(piece)
                first_def[key] = min(first_def.get(key, d.short_start), d.short_start)
        key = acronym_key(d.short)
        first_def[key] = min(first_def.get(key, d.short_start), d.short_start)
    seen: set[str] = set()
    out: list[AcronymUse] = []
    for use in find_acronyms(text):
        if use.in_heading or (ignore is not None and ignore[0] <= use.start < ignore[1]):
            continue
        key = use.key
        if key in seen:
            continue
        seen.add(key)
        if key in known_keys:
            continue
        if "." in use.short and all(acronym_key(p) in known_keys for p in use.short.split(".") if p):
            continue
        defined_at = first_def.get(key)
        if defined_at is not None and defined_at <= use.start:
            continue
        m = _BRACKET_EXPANSION_RE.match(text, use.end)
        if m is not None and count_syllables(m.group(1)) >= 2 and not m.group(1).isupper():
            continue
        out.append(use)
    return out


# --------------------------------------------------------------------------- dates

_D = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_M = r"(?:0?[1-9]|1[0-2])(?!\d)"
_Y = r"(?:19|20)\d\d(?!\d)"
_H = r"(?:[01]?\d|2[0-4])(?!\d)"
_MIN = r"[0-5]\d(?!\d)"
_POD = r"sáng|trưa|chiều|tối|đêm|khuya"
_SEP = r"[ \t]*[-–—][ \t]*"
_NUM_END = r"(?![\w/]|[.,]\d)"

_DATE_RE = re.compile(
    rf"""
    (?<![\w.,/:])
    (?:(?P<pod>{_POD})[ \t]+(?!đa\b|thiểu\b))?
    (?:(?P<ngay>ngày)[ \t]+)?
    (?:
        (?P<dmy>(?P<d1>{_D})(?P<s1>[/.\-])(?P<m1>{_M})(?P=s1)(?P<y1>{_Y})){_NUM_END}
      | (?P<drange>(?P<d2>{_D}){_SEP}(?P<d2b>{_D})/(?P<m2>{_M})(?:/(?P<y2>{_Y}))?){_NUM_END}
      | (?P<dm>(?P<d3>{_D})/(?P<m3>{_M})){_NUM_END}
      | (?P<textual>(?P<d4>{_D})[ \t]+tháng[ \t]+(?P<m4>{_M})(?:[ \t]*,?[ \t]*(?:năm[ \t]+|/[ \t]*)(?P<y4>{_Y}))?)
      | (?P<my>(?P<m5>{_M})/(?P<y5>{_Y})){_NUM_END}
      | (?P<time>
            (?P<h1>{_H})[hg:](?P<mi1>{_MIN})(?:[ \t]*(?:phút|p|'))?(?!\w)
          | (?P<h2>{_H})h(?!\w)
          | (?P<h3>{_H})[ \t]+giờ(?:[ \t]+(?P<mi3>[0-5]?\d)(?!\d)(?:[ \t]+phút)?)?(?!\w)
        )
        (?:[ \t]+(?P<tpod>{_POD})(?!\w))?
      | (?P<month>tháng[ \t]+(?P<m6>{_M})(?:{_SEP}(?P<m6b>{_M}))?(?:[ \t]*(?:/|năm)[ \t]*(?P<y6>{_Y}))?)(?![\w/])
      | (?P<quarter>quý[ \t]+(?P<q>IV|I{{1,3}}|[1-4])(?!\w)(?:{_SEP}(?P<qb>IV|I{{1,3}}|[1-4])(?!\w))?(?:[ \t]*(?:/|năm)[ \t]*(?P<y7>{_Y}))?)
      | (?P<school>năm[ \t]+học[ \t]+(?P<y8>{_Y})[ \t]*[-–—/][ \t]*(?P<y8b>{_Y}|\d\d(?!\d)))
      | (?P<yr>(?:năm|giai[ \t]+đoạn)[ \t]+(?P<y9>{_Y})(?:{_SEP}(?P<y9b>{_Y}))?)
      | (?P<period>(?:định[ \t]+kỳ[ \t]+)?(?:hằng|hàng|mỗi)[ \t]+(?P<unit>ngày|tuần|tháng|quý|năm)(?!\w)|thường[ \t]+niên|định[ \t]+kỳ)
    )
    """,
    re.I | re.X,
)

_PERIODS = {"ngày": "day", "tuần": "week", "tháng": "month", "quý": "quarter", "năm": "year"}
_QUALIFIERS = {"từ": "from", "đến": "until", "tới": "until", "hết": "until", "trước": "before",
               "sau": "after", "trong": "during"}
# Not "và" or "khoảng": "3/4 số trường và 1/2 số lớp" holds fractions (date lists are
# handled by chaining to a date just before).
_CUES = frozenset("từ đến tới trước sau vào lúc hạn đầu cuối giữa hết hôm nay ngày sáng trưa chiều tối đêm".split())
_WEEKDAYS = frozenset("hai ba tư năm sáu bảy nhật".split())
_DURATION = frozenset("trong vòng mất suốt mỗi hơn gần".split())
_RANGE_GAP_RE = re.compile(r"[ \t]*(?:[-–—]|đến(?:[ \t]+hết)?|tới|cho[ \t]+đến)[ \t]*\Z", re.I)
_TIME_DATE_GAP_RE = re.compile(r"[ \t]*,?[ \t]*(?:vào[ \t]+)?\Z", re.I)
_DATE_TIME_GAP_RE = re.compile(r"[ \t]*,?[ \t]*(?:\((?:thứ[ \t]+\w+|chủ[ \t]+nhật)\)[ \t]*,?[ \t]*)?(?:(?:vào[ \t]+)?lúc[ \t]+)?\Z", re.I)
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,|và|hoặc)[ \t]*\Z", re.I)
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


class _Atom:
    """A piece of a date mention while mentions are being assembled."""

    __slots__ = ("start", "end", "kind", "f", "strong")

    def __init__(self, start: int, end: int, kind: str, fields: dict, strong: bool) -> None:
        self.start = start
        self.end = end
        self.kind = kind  # date, month, quarter, year, school_year, time, periodic, range, datetime
        self.f = fields
        self.strong = strong


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _valid_day(d: int, m: int, y: int | None) -> bool:
    if y is None:
        return d <= (29 if m == 2 else calendar.monthrange(2001, m)[1])
    return d <= calendar.monthrange(y, m)[1]


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    """Up to ``n`` words before ``pos`` (lower case, nearest first), across spaces and commas."""
    out: list[str] = []
    i = pos
    floor = max(0, pos - 40)
    while len(out) < n and i > floor:
        while i > floor and text[i - 1] in " \t,":
            i -= 1
        j = i
        while j > floor and text[j - 1].isalpha():
            j -= 1
        if j == i:
            break
        out.append(text[j:i].lower())
        i = j
    return out


def _has_cue(text: str, pos: int) -> bool:
    words = _prev_words(text, pos, 2)
    if not words:
        return False
    if words[0] in _CUES:
        return True
    # weekday: "thứ Hai, 14/10", "Chủ nhật 15/9"
    return words[0] in _WEEKDAYS and len(words) > 1 and words[1] in ("thứ", "chủ")


# Where a date can start: a digit, or a word that opens one. Found on the lowered
# text without IGNORECASE, this is several times faster than trying _DATE_RE everywhere.
_DATE_TRIGGER_RE = re.compile(
    r"(?<![\w.,/:])(?:\d|(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|tháng|quý|năm|giai|hằng|hàng|mỗi|thường|định)(?!\w))"
)


def _date_matches(text: str):
    low = text.lower()
    if len(low) != len(text):  # a few letters change length when lowered ("İ")
        yield from _DATE_RE.finditer(text)
        return
    end = 0
    for t in _DATE_TRIGGER_RE.finditer(low):
        pos = t.start()
        if pos < end:
            continue
        m = _DATE_RE.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


_LINE_HEAD_RE = re.compile(r"(?:^|\n)[ \t]*(?:[-+•*–—|][ \t]*)?\Z")
_TIME_COLON_RE = re.compile(r"[ \t]*[:–—|]")


def _timeline_head(text: str, s: int, e: int) -> bool:
    """"- 10 giờ: Bộ gửi văn bản…": an hour opening a line and followed by a colon is a clock
    time (a timeline entry), not a duration."""
    return bool(_LINE_HEAD_RE.search(text, max(0, s - 12), s) and _TIME_COLON_RE.match(text, e))


def _atoms(text: str, mask: _Mask) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _date_matches(text):
        s, e = m.span()
        if mask.overlaps(s, e):
            continue
        g = m.groupdict()
        pod = g["pod"].lower() if g["pod"] else None
        prefixed = bool(pod or g["ngay"])
        f: dict = {}
        if g["dmy"]:
            d, mo, y = int(g["d1"]), int(g["m1"]), int(g["y1"])
            if not _valid_day(d, mo, y):
                continue
            f = {"day": d, "month": mo, "year": y}
            kind, strong = "date", True
        elif g["drange"]:
            d, d2, mo, y = int(g["d2"]), int(g["d2b"]), int(g["m2"]), _int(g["y2"])
            if not (_valid_day(d, mo, y) and _valid_day(d2, mo, y) and d < d2):
                continue
            f = {"day": d, "month": mo, "year": y, "end_day": d2, "end_month": mo, "end_year": y}
            kind, strong = "range", prefixed or y is not None or _has_cue(text, s)
        elif g["dm"]:
            d, mo = int(g["d3"]), int(g["m3"])
            if not _valid_day(d, mo, None):
                continue
            f = {"day": d, "month": mo}
            kind = "date"
            strong = prefixed or _has_cue(text, s) or (s > 0 and text[s - 1] == "(" and text[e:e + 1] == ")")
        elif g["textual"]:
            d, mo, y = int(g["d4"]), int(g["m4"]), _int(g["y4"])
            if not _valid_day(d, mo, y) or not (g["ngay"] or y):
                continue
            f = {"day": d, "month": mo, "year": y}
            kind, strong = "date", True
        elif g["my"]:
            f = {"month": int(g["m5"]), "year": int(g["y5"])}
            kind, strong = "month", prefixed or _has_cue(text, s)
        elif g["time"]:
            h = _int(g["h1"] or g["h2"] or g["h3"])
            mi = _int(g["mi1"] or g["mi3"])
            if h is None or (h == 24 and mi) or (mi is not None and mi > 59):
                continue
            words = _prev_words(text, s, 2)
            if words and (words[0] in _DURATION or words[:2] == ["đa", "tối"]):
                continue  # "trong 24 giờ", "tối đa 2 giờ": a duration
            tpod = g["tpod"].lower() if g["tpod"] else None
            f = {"hour": h, "minute": mi, "part_of_day": tpod or pod}
            kind = "time"
            strong = (mi is not None or bool(g["h2"]) or prefixed or bool(tpod) or _has_cue(text, s)
                      or _timeline_head(text, s, e))
        elif g["month"]:
            mo, mo2, y = int(g["m6"]), _int(g["m6b"]), _int(g["y6"])
            if mo2 is not None:
                if mo2 <= mo:
                    continue
                f = {"month": mo, "year": y, "end_month": mo2, "end_year": y}
                kind = "range"
            else:
                f = {"month": mo, "year": y}
                kind = "month"
            strong = True
        elif g["quarter"]:
            q = _ROMAN_Q.get(g["q"].lower()) or _int(g["q"])
            q2 = (_ROMAN_Q.get(g["qb"].lower()) or _int(g["qb"])) if g["qb"] else None
            y = _int(g["y7"])
            if q2 is not None and q2 > (q or 0):
                f = {"quarter": q, "end_quarter": q2, "year": y, "end_year": y}
                kind = "range"
            else:
                f = {"quarter": q, "year": y}
                kind = "quarter"
            strong = True
        elif g["school"]:
            y, yb = int(g["y8"]), g["y8b"]
            y2 = int(yb) if len(yb) == 4 else (y // 100) * 100 + int(yb)
            if y2 != y + 1:
                continue
            f = {"year": y, "end_year": y2}
            kind, strong = "school_year", True
        elif g["yr"]:
            y, y2 = int(g["y9"]), _int(g["y9b"])
            if y2 is not None:
                if y2 <= y:
                    continue
                f = {"year": y, "end_year": y2}
                kind = "range"
            else:
                f = {"year": y}
                kind = "year"
            strong = True
        else:  # periodic
            unit = g["unit"].lower() if g["unit"] else None
            f = {"period": _PERIODS.get(unit) if unit else None}
            kind, strong = "periodic", True
        if pod and "part_of_day" not in f:
            f["part_of_day"] = pod
        atoms.append(_Atom(s, e, kind, f, strong))
    return atoms


def _merge_datetimes(text: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.kind == "time" and b.kind == "date" and _TIME_DATE_GAP_RE.match(text, a.end, b.start):
            out.append(_datetime(b, a, a.start, b.end))
            i += 2
            continue
        if b is not None and a.kind == "date" and b.kind == "time" and _DATE_TIME_GAP_RE.match(text, a.end, b.start):
            out.append(_datetime(a, b, a.start, b.end))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _datetime(date: _Atom, time: _Atom, start: int, end: int) -> _Atom:
    f = dict(date.f)
    f["hour"] = time.f["hour"]
    f["minute"] = time.f["minute"]
    f["part_of_day"] = time.f.get("part_of_day") or date.f.get("part_of_day")
    # "16h00 14/10": the time vouches for a bare date, "ngày 14/10" for a bare "16 giờ"
    return _Atom(start, end, "datetime", f, date.strong or time.strong)


_RANGE_KINDS = {"date": "day", "datetime": "day", "month": "month", "time": "time", "quarter": "quarter", "year": "year"}


def _merge_ranges(text: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            b is not None
            and a.kind in _RANGE_KINDS
            and _RANGE_KINDS.get(b.kind) == _RANGE_KINDS[a.kind]
            and _RANGE_GAP_RE.match(text, a.end, b.start)
        ):
            r = _range(a, b)
            if r is not None:
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(a: _Atom, b: _Atom) -> _Atom | None:
    f = {k: v for k, v in a.f.items() if not k.startswith("end_")}
    for k in ("day", "month", "year", "hour", "minute", "quarter"):
        if b.f.get(k) is not None:
            f["end_" + k] = b.f[k]
    # the start takes the month and year it leaves out from the end
    if f.get("day") is not None and f.get("month") is None:
        f["month"] = f.get("end_month")
    if f.get("year") is None and f.get("end_year") is not None and (f.get("month") or f.get("quarter")):
        start_key = (f.get("month") or 0, f.get("day") or 0, f.get("quarter") or 0)
        end_key = (f.get("end_month") or 0, f.get("end_day") or 0, f.get("end_quarter") or 0)
        f["year"] = f["end_year"] - 1 if start_key > end_key else f["end_year"]
    if f.get("end_year") is None and f.get("year") is not None and b.f.get("year") is None and (b.f.get("month") or b.f.get("day")):
        f["end_year"] = f["year"]
    if a.kind == "time" and b.kind == "time":
        f["end_hour"], f["end_minute"] = b.f["hour"], b.f["minute"]
    if b.f.get("part_of_day") and not f.get("part_of_day"):
        f["part_of_day"] = b.f["part_of_day"]
    strong = a.strong or b.strong or a.kind == b.kind == "date"
    if a.kind == "time" and b.kind == "time" and not (a.strong or b.strong):
        return None
    return _Atom(a.start, b.end, "range", f, strong)


def find_dates(text: str) -> list[DateMention]:
    """Dates, times, months, quarters, years, school years, ranges and periodic
    expressions, in order (see the module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    mask = _Mask(_excluded_spans(text))
    atoms = _merge_ranges(text, _merge_datetimes(text, _atoms(text, mask)))
    out: list[DateMention] = []
    prev: _Atom | None = None
    for a in atoms:
        if not a.strong and prev is not None and prev.strong and _LIST_GAP_RE.match(text, prev.end, a.start):
            a.strong = True  # "ngày 3/6 và 5/6"
        if a.strong:
            out.append(_mention(text, a))
            prev = a
        else:
            prev = None
    return out


def _mention(text: str, a: _Atom) -> DateMention:
    qualifier = None
    if a.kind != "range":
        words = _prev_words(text, a.start, 1)
        if words:
            qualifier = _QUALIFIERS.get(words[0])
    f = a.f
    return DateMention(
        a.start, a.end, text[a.start:a.end], a.kind,
        day=f.get("day"), month=f.get("month"), year=f.get("year"),
        hour=f.get("hour"), minute=f.get("minute"), part_of_day=f.get("part_of_day"),
        end_day=f.get("end_day"), end_month=f.get("end_month"), end_year=f.get("end_year"),
        end_hour=f.get("end_hour"), end_minute=f.get("end_minute"),
        quarter=f.get("quarter"), end_quarter=f.get("end_quarter"),
        period=f.get("period"), qualifier=qualifier,
    )


# --------------------------------------------------------------------------- figures

# A unit may be glued to the number ("50.000đ", "5km"); any other letter makes it a code ("10A").
_NUM_RE = re.compile(
    r"(?<![\w.,/:\-+])\d+(?:[.,]\d+)*"
    r"(?=(?:đồng|đ|VNĐ|VND|USD|km2|km²|km|m2|m²|m3|cm|mm|ha|kg|GB|MB|m)?(?![\w/:]|[.,]\d))"
)
_NOUNS = sorted(
    (
        w.strip()
        for w in """học sinh|giáo viên|sinh viên|học viên|giảng viên|thí sinh|trẻ|em|người|lượt|cán bộ|
        công chức|viên chức|nhân viên|nhà giáo|phụ huynh|đơn vị|trường học|trường|cơ sở giáo dục|cơ sở|
        lớp học|lớp|phòng học|điểm trường|tỉnh|huyện|xã|thành phố|bộ|ngành|địa phương|cơ quan báo chí|
        cơ quan|doanh nghiệp|hộ|hồ sơ|tin|bài|tác phẩm|đề tài|sáng kiến|câu hỏi|buổi|cuộc|phóng viên|
        máy tính|suất|phần quà|chiếc|bộ sách|đầu sách|cuốn|nhiệm vụ|điểm|lần|phòng|nước|quốc gia|đại biểu|
        độ""".split("|")
    ),
    key=len,
    reverse=True,
)
_UNIT_RE = re.compile(
    r"""[ \t]?(?P<pct>%)
      | [ \t]+(?P<mult>tỷ|tỉ|triệu|nghìn|ngàn)(?:[ \t]+(?P<cur1>đồng|USD|VNĐ|VND))?(?!\w)
      | [ \t]*(?P<cur>đồng|VNĐ|VND|USD|đ)(?!\w)
      | [ \t]*(?P<meas>km2|km²|km|m2|m²|m3|cm|mm|ha|kg|tấn|lít|MB|GB|m)(?!\w)
      | [ \t]+(?P<dur>ngày|tuần|tháng|năm|giờ|phút)(?!\w)
      | [ \t]+(?P<noun>"""
    + "|".join(re.escape(w).replace("\\ ", "[ \t]+") for w in _NOUNS if w)
    + r""")(?!\w)""",
    re.X,
)
_MULT = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}
# A number right after these is a name or a rank, not a figure: "lớp 10", "Điều 7", "số 182".
_ORDINAL_WORDS = frozenset(
    """số lớp khóa khoá điều khoản mục chương phần tập trang tầng kỳ thứ đợt quận phường tổ câu bài hình
    bảng luật đường ngõ ngách hẻm phòng tiết hạng top nhóm giải mẫu khu lô""".split()
)
_ORDINAL_PAIRS = frozenset(
    """nghị_định nghị_quyết quyết_định thông_tư kế_hoạch công_văn chỉ_thị kết_luận phụ_lục
    thông_báo chương_trình""".split()
)


def _parse_number(s: str) -> float | None:
    """Vietnamese conventions: "." groups thousands, "," is the decimal mark."""
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")  # 1.250.000,5
        else:
            s = s.replace(",", "")  # 1,250,000.5 (English)
    elif "," in s:
        parts = s.split(",")
        if len(parts) > 2:
            if not all(len(p) == 3 for p in parts[1:]):
                return None
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif "." in s:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            s = s.replace(".", "")
        elif len(parts) != 2:
            return None  # "1.2.3": a version, not a number
    try:
        return float(s)
    except ValueError:
        return None


def find_numbers(text: str) -> list[NumberMention]:
    """Figures with their unit ("21.340 học sinh", "4,6%", "1,2 tỷ đồng", "150 triệu đồng"), in order.

    Numbers that are dates or times, phone numbers, parts of document symbols or
    addresses, list markers at the start of a line, numbers right after an
    ordinal word ("lớp 10", "Điều 7", "số 182", "khóa XI") or an acronym
    ("GDPT 2018", "ISO 9001"), and bare years (1900–2099 without a unit) are left out.
    """
    if not isinstance(text, str) or not text:
        return []
    spans = _excluded_spans(text)
    spans += [(d.start, d.end) for d in find_dates(text)]
    spans += [(c.start, c.end) for c in _phones(text)]
    spans.sort()
    mask = _Mask(spans)
    out: list[NumberMention] = []
    for m in _NUM_RE.finditer(text):
        s, e = m.span()
        if mask.overlaps(s, e):
            continue
        raw = m.group()
        if _is_list_marker(text, s, e):
            continue
        # Only a word right before can make the number a rank or a name.
        before = text[s - 2:s] if s >= 2 else text[:s]
        if before[-1:].isalpha() or (before[-1:] in (" ", "\t") and before[:1].isalpha()):
            words = _prev_words(text, s, 2)
            if words and (words[0] in _ORDINAL_WORDS or "_".join(words[1::-1]) in _ORDINAL_PAIRS):
                continue
            if _after_acronym(text, s):
                continue
        value = _parse_number(raw)
        um = _UNIT_RE.match(text, e)
        unit = None
        kind = "count"
        end = e
        if um is not None:
            end = um.end()
            if um.group("pct"):
                unit, kind = "%", "percent"
            elif um.group("mult"):
                mult = um.group("mult")
                if value is not None:
                    value *= _MULT[mult]
                unit = um.group("cur1") or mult
                kind = "money" if um.group("cur1") else "amount"
            elif um.group("cur"):
                unit, kind = um.group("cur"), "money"
            elif um.group("meas"):
                unit, kind = um.group("meas"), "measure"
            elif um.group("dur"):
                unit, kind = um.group("dur"), "duration"
            else:
                unit = um.group("noun")
        if unit is None and len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2099:
            continue  # a bare year
        out.append(NumberMention(s, end, text[s:end], value, unit, kind))
    return out


def _is_list_marker(text: str, s: int, e: int) -> bool:
    """A "1." or "2)" opening a line."""
    if e >= len(text) or text[e] not in ".)" or (e + 1 < len(text) and not text[e + 1].isspace()):
        return False
    i = s
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in _LINE_BREAK_CHARS or text[i - 1] == "("


_LINE_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _after_acronym(text: str, s: int) -> bool:
    i = s
    while i > 0 and s - i < 2 and text[i - 1] == " ":
        i -= 1
    if i == s:
        return False
    j = i
    while j > 0 and i - j < 12 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return len(word) >= 2 and word.isupper() and not _is_syllable(word)


# --------------------------------------------------------------------------- contacts

_PHONE_RE = re.compile(
    r"(?<![\w+.,/:\-])"
    r"(?P<p>(?:\([ \t]?\+?\d{2,4}[ \t]?\)|\+[ \t]?\d{2,3})[ \t.\-]?)?"
    r"(?P<body>\d[\dxX]*(?:[ .\-][\dxX]+)*)"
)
_PHONE_GROUP_RE = re.compile(r"[\dxX]+")


def _phone_value(prefix: str, digits: str) -> str | None:
    """The national form of a phone number, or None when it is not one."""
    p = "".join(c for c in prefix if c.isdigit())
    if p in ("84", "084"):
        if digits.startswith("0"):
            digits = digits[1:]
        n = "0" + digits
    elif p:
        if not p.startswith("0"):
            return None
        n = p + digits
    else:
        n = digits
    if n.startswith(("1800", "1900")):
        return n if len(n) in (8, 10) else None
    if not n.startswith("0") or len(n) < 10:
        return None
    if len(n) == 10 and n[1] in "235789":
        return n
    if len(n) == 11 and n[1] in "12":
        return n
    return None


def _phones(text: str) -> list[ContactMention]:
    out: list[ContactMention] = []
    for m in _PHONE_RE.finditer(text):
        prefix = m.group("p") or ""
        # the longest run of groups that makes a valid number ("0912 345 678 2026" -> first three)
        best: tuple[int, str, str] | None = None
        digits = ""
        for g in _PHONE_GROUP_RE.finditer(text, m.start("body"), m.end()):
            digits += g.group().lower()
            if len(digits) > 12:
                break
            if "x" in digits[:4]:
                break  # placeholders only after real digits: "0255 3822 xxx"
            value = _phone_value(prefix, digits.replace("x", "0"))
            if value is not None:
                best = (g.end(), digits, value)
        if best is None:
            continue
        end, raw, value = best
        placeholder = "x" in raw
        if placeholder:
            value = value[: len(value) - len(raw)] + raw  # keep the x's: visibly unfilled
        out.append(ContactMention(m.start(), end, text[m.start():end], "phone", value, placeholder))
    return out


def find_contacts(text: str) -> list[ContactMention]:
    """Phone numbers (0255 3822 123, 0912.345.678, (0255) 3.822.xxx, +84 912 345 678,
    1900 1234), e-mail addresses and web addresses, in order."""
    if not isinstance(text, str) or not text:
        return []
    links = link_spans(text)
    mask = _Mask(sorted((s, e) for s, e, _ in links))
    out = [c for c in _phones(text) if not mask.overlaps(c.start, c.end)]
    for s, e, kind in links:
        raw = text[s:e]
        value = raw.lower()
        if kind == "email" and value.startswith("mailto:"):
            value = value[7:]
        out.append(ContactMention(s, e, raw, kind, value))
    out.sort(key=lambda c: c.start)
    return out
