"""Old Vietnamese encodings to Unicode: TCVN3 (ABC), VNI-Windows and VIQR.

Three situations:

* raw bytes from an old file: :func:`decode_tcvn3`, :func:`decode_vni` (exact, per table);
* text a user pasted after the legacy font went missing, so that the legacy bytes show as
  Windows-1252/Latin-1 characters ("Së Gi¸o dôc"): :func:`fix_pasted`, which converts only
  where the result is clearly more plausible Vietnamese than what is there;
* a ``.docx`` run whose font says which encoding it uses: :func:`convert_run`.

The letter table is ``data/legacy_mapping.json``; it is read once, at first use.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from .vnsyllable import VIETNAMESE_LETTERS, VIETNAMESE_ONLY_LETTERS, is_vietnamese_syllable, syllable_class

__all__ = [
    "TCVN3",
    "VNI",
    "VIQR",
    "decode_tcvn3",
    "decode_vni",
    "from_viqr",
    "looks_like_viqr",
    "fix_pasted",
    "convert_run",
    "font_scheme",
    "detect_scheme",
    "guess_bytes_scheme",
]

TCVN3 = "tcvn3"
VNI = "vni"
VIQR = "viqr"
CP1258 = "cp1258"  # a code page, not a font encoding: only ever guessed for raw files

# Byte -> character as Windows shows a legacy byte: cp1252, Latin-1 where cp1252 has a hole.
_BASE_256 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))

# Character -> byte, through cp1252 and Latin-1 both (a paste or a .docx may hold either),
# plus the private-use copies U+F020-U+F0FF that Word uses for symbol-charset fonts.
_CHAR_TO_BYTE: dict[str, int] = {}
for _b in range(256):
    _CHAR_TO_BYTE[chr(_b)] = _b
    _CHAR_TO_BYTE.setdefault(_BASE_256[_b], _b)
    if _b >= 0x20:
        _CHAR_TO_BYTE[chr(0xF000 + _b)] = _b


@dataclass(frozen=True)
class _Tables:
    tcvn3_table: str  # 256 characters, for codecs.charmap_decode
    tcvn3_chars: dict  # Latin-1 view of a TCVN3 letter byte -> letter
    tcvn3_ambiguous: frozenset  # small-letter codes a .VnTimeH font draws as capitals
    tcvn3_capitals: frozenset  # codes of the capitals TCVN3 does have (Ă Â Đ Ê Ô Ơ Ư)
    vni_pairs: dict  # letter byte + mark byte (Latin-1 view) -> letter
    vni_singles: dict  # one byte (Latin-1 view) -> letter
    vni_re: re.Pattern
    viqr: dict  # mnemonic ("e^.") -> letter


def _read_mapping() -> dict:
    try:
        raw = resources.files(__package__).joinpath("data", "legacy_mapping.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, TypeError, AttributeError):
        raw = (Path(__file__).with_name("data") / "legacy_mapping.json").read_text(encoding="utf-8")
    return json.loads(raw)["letters"]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    letters = _read_mapping()
    tcvn3 = list(_BASE_256)
    tcvn3_chars: dict[str, str] = {}
    ambiguous, capitals = set(), set()
    vni_pairs: dict[str, str] = {}
    vni_singles: dict[str, str] = {}
    viqr: dict[str, str] = {}
    for letter, entry in letters.items():
        letter = unicodedata.normalize("NFC", letter)
        code = bytes.fromhex(entry["tcvn3"])[0]
        char = chr(code)
        if entry.get("tcvn3_own_code", True):
            tcvn3[code] = letter
            tcvn3_chars[char] = letter
            if letter.isupper():
                capitals.add(char)
            else:
                ambiguous.add(char)
        vni = bytes.fromhex(entry["vni"]).decode("latin-1")
        (vni_pairs if len(vni) == 2 else vni_singles)[vni] = letter
        viqr[entry["viqr"]] = letter
    bases = sorted({k[0] for k in vni_pairs})
    marks = sorted({k[1] for k in vni_pairs})
    vni_re = re.compile(
        "[" + re.escape("".join(bases)) + "][" + re.escape("".join(marks)) + "]|["
        + re.escape("".join(sorted(vni_singles))) + "]"
    )
    return _Tables(
        tcvn3_table="".join(tcvn3),
        tcvn3_chars=tcvn3_chars,
        tcvn3_ambiguous=frozenset(ambiguous),
        tcvn3_capitals=frozenset(capitals),
        vni_pairs=vni_pairs,
        vni_singles=vni_singles,
        vni_re=vni_re,
        viqr=viqr,
    )


# ---------------------------------------------------------------- raw bytes


def decode_tcvn3(data: bytes, *, restore_case: bool = False) -> str:
    """TCVN3 (ABC) bytes → NFC Unicode, byte by byte per the table; ASCII passes through.

    0xAD is ``ư`` (in Latin-1 it is the soft hyphen). Bytes that are no Vietnamese letter
    read as in Windows-1252. ``restore_case=True`` also turns small-letter codes into
    capitals inside words written in a capitals-only font (``CéNG`` → ``CỘNG``).
    """
    t = _tables()
    text = codecs.charmap_decode(bytes(data), "strict", t.tcvn3_table)[0]
    if restore_case:
        source = codecs.charmap_decode(bytes(data), "strict", _BASE_256)[0].split("\n")
        lines = text.split("\n")
        for i, line in enumerate(source):
            if _CAPITAL_WORD_RE.search(line):  # only lines with a capital word can need it
                lines[i] = _restore_case(line, lines[i])
        text = "\n".join(lines)
    return text


def _vni_replace(match: re.Match) -> str:
    t = _tables()
    s = match.group()
    got = t.vni_pairs.get(s) or t.vni_singles.get(s)
    if got is not None:
        return got
    # A letter byte next to a mark the table does not pair it with: keep the mark as is.
    return t.vni_singles.get(s[0], s[0]) + s[1:]


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes → NFC Unicode: a letter byte, then its mark byte (capitals use the
    capital marks), or the one-byte letters (``ô`` = ơ, ``ö`` = ư, ``ñ`` = đ, ``í`` = í...)."""
    text = codecs.charmap_decode(bytes(data), "strict", _BASE_256)[0]
    return _tables().vni_re.sub(_vni_replace, text)


# ---------------------------------------------------------------- word level

# A word of a legacy paste: ASCII letters and the Latin-1 upper half (¸ µ § « ­ are letters there).
_WORD_RE = re.compile(r"[A-Za-z\u00a1-\u00ff]+")
_HIGH_RE = re.compile(r"[\u00a1-\u00ff]")
_VN_ONLY_RE = re.compile("[" + "".join(sorted(VIETNAMESE_ONLY_LETTERS)) + "\u0300-\u036f]")
_NON_LATIN1_RE = re.compile(r"[^\x00-\xff]")
_CP1252_LETTERS = frozenset("ŠšŽžŒœŸƒ")
_LINE_RE = re.compile(r"[^\n]*\n?")


def _is_unicode_run(line: str) -> bool:
    """A Vietnamese-only letter, a combining mark or any letter beyond Latin-1/cp1252: the
    run is Unicode already and no legacy bytes hide in it."""
    if _VN_ONLY_RE.search(line):
        return True
    for m in _NON_LATIN1_RE.finditer(line):
        c = m.group()
        if c not in _CP1252_LETTERS and (c.isalpha() or unicodedata.combining(c)):
            return True
    return False


@lru_cache(maxsize=65536)
def _tcvn3_word(word: str) -> str | None:
    chars = _tables().tcvn3_chars
    out = []
    for c in word:
        if c < "\x80":
            out.append(c)
        else:
            letter = chars.get(c)
            if letter is None:
                return None
            out.append(letter)
    return "".join(out)


@lru_cache(maxsize=65536)
def _vni_word(word: str) -> str | None:
    t = _tables()
    out = []
    i, n = 0, len(word)
    while i < n:
        c = word[i]
        pair = t.vni_pairs.get(word[i:i + 2]) if i + 1 < n else None
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        if c < "\x80":
            out.append(c)
        else:
            letter = t.vni_singles.get(c)
            if letter is None:
                return None  # a stray mark or a byte VNI has no letter for
            out.append(letter)
        i += 1
    return "".join(out)


@lru_cache(maxsize=65536)
def _cp1258_word(word: str) -> str | None:
    """Windows-1258 (for raw files only: its tones are combining bytes after the vowel)."""
    try:
        return unicodedata.normalize("NFC", word.encode("latin-1").decode("cp1258"))
    except UnicodeError:
        return None


_WORD_DECODERS = {TCVN3: _tcvn3_word, VNI: _vni_word, CP1258: _cp1258_word}


def _foreign_char(word: str) -> bool:
    """Holds a character no Vietnamese word has (¸ µ § ë ï ñ ß...): not a genuine word."""
    return any(c > "\x7f" and c not in VIETNAMESE_LETTERS for c in word)


class _Verdict(NamedTuple):
    """What converting one word would do; computed once per distinct word and scheme."""

    conv: str | None  # None: not fully decodable in the scheme
    convert: bool  # convert it inside a line judged garbled
    counted: bool  # evidence at all ("µ" alone, "Ký" unchanged, "GD§T" are not)
    pos: bool  # the conversion is more plausible Vietnamese than the word as it stands
    neg: bool  # the conversion is no Vietnamese syllable (or impossible)
    strong: bool  # a gain from a word that is no syllable as it stands ("Gi¸o")
    common: bool  # the conversion is a frequent syllable
    paired: bool  # VNI, cp1258: a pair was read ("aø"), or đ, or the word was no syllable
    gain: int  # class gain (0 none, 1 syllable, 2 frequent, 3 most frequent)
    case_work: bool  # TCVN3: small-letter codes and no small ASCII letter: capitals may be due
    vector: tuple  # (counted, pos, neg, common, strong, gain, paired): summed per line


def _judge(word: str, scheme: str) -> _Verdict:
    conv = _WORD_DECODERS[scheme](word)
    s_orig = syllable_class(word)
    s_conv = syllable_class(conv) if conv is not None else 0
    changed = conv is not None and conv != word
    # In a garbled line a word that decodes to a syllable was garbled too; one that gives no
    # syllable either way (a name, a loan word) only if no language spells it so.
    convert = changed and (s_conv >= 1 or (s_orig == 0 and _foreign_char(word)))
    abbreviation = changed and s_conv == 0 and conv.isupper()  # "GD§T" → "GDĐT"
    counted = len(word) >= 2 and conv != word and not abbreviation
    neg = counted and (conv is None or s_conv == 0)
    pos = counted and not neg and s_conv > s_orig
    case_work = (
        scheme == TCVN3 and changed
        and any(c in _tables().tcvn3_ambiguous for c in word)
        and not any("a" <= c <= "z" for c in word)
    )
    strong = pos and s_orig == 0
    common = pos and s_conv >= 2
    # VNI/cp1258 evidence beyond their one-byte letters, which Latin-1 words also hold
    # ("Sô", "Só", "não"): a letter + mark pair, đ, or a word that was no syllable before.
    paired = pos and (len(conv) < len(word) or "đ" in conv or "Đ" in conv or s_orig == 0)
    gain = s_conv - s_orig if pos else 0
    return _Verdict(
        conv, convert, counted, pos, neg, strong, common, paired, gain, case_work,
        vector=(int(counted), int(pos), int(neg), int(common), int(strong), gain, int(paired)),
    )


@lru_cache(maxsize=65536)
def _foreign_weight(word: str) -> float:
    """An ASCII word that is no Vietnamese syllable: 1; capitalised (often a name): 0.5."""
    if word.isupper() or is_vietnamese_syllable(word):
        return 0.0
    return 1.0 if word.islower() else 0.5


# Words holding a Latin-1 upper-half character; plain ASCII words of two letters or more.
_CANDIDATE_RE = re.compile(r"[A-Za-z]*[\u00a1-\u00ff][A-Za-z\u00a1-\u00ff]*")
_CANDIDATE_SPLIT_RE = re.compile(f"({_CANDIDATE_RE.pattern})")
_ASCII_WORD_RE = re.compile(r"(?<![A-Za-z\u00a1-\u00ff])[A-Za-z]{2,}(?![A-Za-z\u00a1-\u00ff])")


class _Stats:
    """Evidence for one scheme over a line or a text."""

    __slots__ = ("n", "pos", "neg", "common", "strong", "gain", "paired", "foreign", "converts", "all_convert")

    def __init__(self) -> None:
        self.n = self.pos = self.neg = self.common = self.strong = self.gain = self.paired = 0
        self.foreign = 0.0  # plain ASCII words around them that are no Vietnamese syllable
        self.converts = 0  # words a conversion of the line would change
        self.all_convert = False  # every candidate word converts (a whole-line fast path)

    def add(self, other: "_Stats") -> None:
        self.n += other.n
        self.pos += other.pos
        self.neg += other.neg
        self.common += other.common
        self.strong += other.strong
        self.gain += other.gain
        self.paired += other.paired
        self.foreign += other.foreign

    def foreign_context(self) -> bool:
        """Gains amid many more words that are not Vietnamese ("zob vèn sab", German with
        guillemets): not a legacy paste. A garbled Vietnamese line has mostly syllables."""
        if not self.strong:
            return self.foreign >= 0.5  # only "sù" → "sự"-type gains: any foreign word wins
        return self.foreign >= 2 and self.foreign + self.neg >= 2 * self.pos

    def text_gate(self, scheme: str) -> bool:
        """Whole text: most candidate words gain, few lose, and frequent syllables appear."""
        return (
            self.pos >= 1
            and self.common >= 1
            and self.neg * 3 <= self.pos
            # frequent syllables, or plenty of words that were no syllable and now are
            and (self.common >= 0.25 * (self.pos + self.neg) or (self.strong >= 5 and self.neg * 5 <= self.strong))
            and (self.strong >= 1 or self.gain >= 2)  # "Sè" → "Số" alone, yes; "giê" → "giờ", no
            # VNI's one-byte letters (ô = ơ, ó = ĩ) alone are too weak: "Sô", "Só" are Latin-1;
            # so are cp1258's (ã = ă, õ = ơ): "São", "não".
            and (scheme == TCVN3 or self.paired >= 1)
            and not self.foreign_context()
        )

    def line_gate(self) -> bool:
        return self.pos >= 1 and self.pos > self.neg and not self.foreign_context()


def _scan(line: str, scheme: str) -> _Stats:
    """The evidence in one line (C-level loops: this runs over every word of a paste)."""
    words = _CANDIDATE_RE.findall(line)
    if "%" in line:  # drop printf placeholders ("%s«"): not words
        words = [m.group() for m in _CANDIDATE_RE.finditer(line) if not (m.start() and line[m.start() - 1] == "%")]
    st = _Stats()
    if words:
        judge = _VERDICT_CACHE[scheme]
        verdicts = [judge.get(w) or _judged(w, scheme) for w in words]
        st.n, st.pos, st.neg, st.common, st.strong, st.gain, st.paired = map(sum, zip(*(v.vector for v in verdicts)))
        st.converts = sum(v.convert for v in verdicts)
        st.all_convert = st.converts == len(words) and "%" not in line
    st.foreign = sum(map(_foreign_weight, _ASCII_WORD_RE.findall(line)))
    return st


_VERDICT_CACHE: dict[str, dict[str, _Verdict]] = {TCVN3: {}, VNI: {}, CP1258: {}}


@lru_cache(maxsize=1)
def _tcvn3_translation() -> dict[int, str]:
    return {ord(c): letter for c, letter in _tables().tcvn3_chars.items()}


def _judged(word: str, scheme: str) -> _Verdict:
    cache = _VERDICT_CACHE[scheme]
    if len(cache) > 200_000:  # a huge paste of random text: keep memory bounded
        cache.clear()
    cache[word] = v = _judge(word, scheme)
    return v


# Two letters of known capital case in one run of non-small letters: a capital word may be
# there ("CéNG", "NAM"); without one, no TCVN3 capitals need restoring in the line.
_CAPITAL_WORD_RE = re.compile(r"[A-Z\u00a1-\u00a7][A-Z\u00a1-\u00fe]*[A-Z\u00a1-\u00a7]")


def _convert_line(line: str, scheme: str, st: _Stats) -> tuple[str, int]:
    """Convert the words of a line judged garbled; TCVN3 capitals restored after."""
    if scheme == TCVN3 and st.all_convert:
        # Every word converts: the byte table does it for the whole line at once.
        new = line.translate(_tcvn3_translation())
        if _CAPITAL_WORD_RE.search(line):
            new = _restore_case(line, new)
        return new, st.converts
    parts = _CANDIDATE_SPLIT_RE.split(line)  # words at the odd indexes
    cache = _VERDICT_CACHE[scheme]
    done = []
    case_work = False
    for k in range(1, len(parts), 2):
        w = parts[k]
        if parts[k - 1].endswith("%"):
            continue  # a printf placeholder
        v = cache.get(w) or _judged(w, scheme)
        if v.convert:
            parts[k] = v.conv
            done.append(k)
            case_work = case_work or v.case_work
    new = "".join(parts)
    if case_work and _CAPITAL_WORD_RE.search(line):
        # TCVN3: one character per byte, so offsets in the new line are those of the old.
        offsets = [0, *accumulate(map(len, parts))]
        new = _restore_case(line, new, {(offsets[k], offsets[k + 1]) for k in done})
    return new, len(done)


# Enough words to choose between TCVN3 and VNI; the chosen one then scans everything.
_SAMPLE_WORDS = 3000


class _Tally:
    """Evidence for one scheme over a text: all candidate lines, and those that look garbled."""

    __slots__ = ("all", "garbled", "clear_lines", "lines")

    def __init__(self) -> None:
        self.all, self.garbled, self.lines = _Stats(), _Stats(), {}
        self.clear_lines = 0  # lines garbled beyond doubt: 5+ gains, next to nothing against

    def add(self, i: int, st: _Stats) -> None:
        self.lines[i] = st
        self.all.add(st)
        if st.line_gate():
            self.garbled.add(st)
            self.clear_lines += st.pos >= 5 and (st.neg + st.foreign) * 4 <= st.pos

    def passes(self, scheme: str) -> bool:
        # The garbled-looking lines must convince on their own, and outweigh what the other
        # lines say against the scheme, unless one of them is garbled beyond doubt (a long
        # French paragraph next to a garbled one is fine; one lucky line in a French
        # document is not).
        return self.garbled.text_gate(scheme) and (self.all.neg <= self.garbled.pos or self.clear_lines >= 1)


def _analyse(text: str, schemes: tuple[str, ...] = (TCVN3, VNI)) -> tuple[str | None, dict[int, _Stats], list[str]]:
    """Pick the legacy scheme for the whole text (or None) and weigh its candidate lines."""
    lines = text.split("\n")
    if not _HIGH_RE.search(text):
        return None, {}, lines
    eligible = [i for i, line in enumerate(lines) if _HIGH_RE.search(line) and not _is_unicode_run(line)]
    if not eligible:
        return None, {}, lines
    tallies: dict[str, _Tally] = {}
    for scheme in schemes:
        tallies[scheme] = tally = _Tally()
        for i in eligible:
            tally.add(i, _scan(lines[i], scheme))
            if tally.all.n >= _SAMPLE_WORDS:
                break
    passing = [s for s in schemes if tallies[s].passes(s)]
    if not passing:
        return None, {}, lines

    def merit(s: str) -> tuple[int, int]:
        g = tallies[s].garbled
        return g.gain - 2 * g.neg, g.pos - g.neg

    # The reading whose words gain most ("thông", not "thoõng", for VNI "thoâng").
    scheme = max(passing, key=merit)
    tally = tallies[scheme]
    if len(tally.lines) < len(eligible):
        for i in eligible:
            if i not in tally.lines:
                tally.add(i, _scan(lines[i], scheme))
        if not tally.passes(scheme):
            return None, {}, lines
    return scheme, tally.lines, lines


def fix_pasted(text: str) -> tuple[str, str | None, int]:
    """Repair text pasted from a document whose legacy font (TCVN3 or VNI) was missing.

    ``"Së Gi¸o dôc vµ §µo t¹o"`` → ``("Sở Giáo dục và Đào tạo", "tcvn3", 6)``. Returns the
    text, the scheme (None when nothing changed) and the number of words changed. Lines
    holding any Vietnamese-only letter are Unicode already and are left alone; elsewhere a
    word is converted only in a line the conversion makes clearly more Vietnamese.
    """
    if not isinstance(text, str):
        return text, None, 0
    scheme, scans, lines = _analyse(text)
    if scheme is None:
        return text, None, 0
    changed = 0
    for i, st in scans.items():
        if st.line_gate():
            lines[i], n = _convert_line(lines[i], scheme, st)
            changed += n
    if not changed:
        return text, None, 0
    return "\n".join(lines), scheme, changed


def guess_bytes_scheme(data: bytes) -> str | None:
    """For bytes that are not UTF-8: ``"cp1258"``, ``"tcvn3"`` or ``"vni"`` when the text
    is clearly more Vietnamese that way than read as Windows-1252, else None. The same
    evidence as :func:`fix_pasted`, over a sample of the file."""
    view = codecs.charmap_decode(bytes(data[:_BYTES_SAMPLE]), "strict", _BASE_256)[0]
    return _analyse(view, (CP1258, TCVN3, VNI))[0]


_BYTES_SAMPLE = 1 << 18


def detect_scheme(text: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` if :func:`fix_pasted` would convert the text, ``"viqr"`` if it
    is clearly VIQR, else None."""
    if not isinstance(text, str) or not text:
        return None
    if fix_pasted(text)[1] is not None:
        return _analyse(text)[0]
    return VIQR if looks_like_viqr(text) else None


# ---------------------------------------------------------------- TCVN3 capitals

# Words are neighbours across spaces, dashes, commas and "&" on one line: "Sè: 215/KH" has none.
_SEPARATOR_RE = re.compile(r"[ \t,&_\-\u2013\u2014]*")
_UP, _LOW, _WEAK, _NONE, _NEUTRAL = range(5)


def _restore_case(source: str, decoded: str, converted: set | None = None) -> str:
    """TCVN3 has no codes for accented capitals: a .VnTimeH-type font draws small-letter codes
    as capitals. Put the capitals back per word, from the word itself ("CéNG": the ASCII
    letters are capitals) or from its neighbours ("X·" between "HßA" and "HéI"), never for a
    title-case word with no capital neighbour ("Sè: 215/KH" stays "Số").

    ``source`` is the Latin-1 view, ``decoded`` the conversion (same length); ``converted``
    limits the work to those word spans (None: every word).
    """
    tokens = []  # [start, end, class, has small-letter codes]
    for m in _WORD_RE.finditer(source):
        s, e = m.span()
        w = m.group()
        is_conv = (s, e) in converted if converted is not None else not w.isascii()
        tokens.append([s, e, *_case_class(w, is_conv)])
    open_ = [i for i, tok in enumerate(tokens) if tok[2] in (_WEAK, _NONE)]
    if not open_ and not any(tok[2] == _UP and tok[3] for tok in tokens):
        return decoded

    def link(i: int) -> tuple[bool, bool]:
        """(token i neighbours token i-1, joined by a bare "-" or "_": "ĐỐI-SỐ", "LƯỢC_ĐỒ")."""
        if i <= 0 or i >= len(tokens):
            return False, False
        between = source[tokens[i - 1][1]:tokens[i][0]]
        return _SEPARATOR_RE.fullmatch(between) is not None, between in ("-", "_")

    changed = True
    while changed and open_:  # a word made capital is evidence for its neighbours in turn
        changed = False
        for i in open_:
            if tokens[i][2] == _UP:
                continue
            near, joined = [], False
            for j, k in ((i, i - 1), (i + 1, i + 1)):
                linked, tight = link(j)
                if linked:
                    near.append(tokens[k][2])
                    joined = joined or (tight and tokens[k][2] == _UP)
            if joined or (_UP in near and _LOW not in near):
                tokens[i][2] = _UP
                changed = True
    amb = _tables().tcvn3_ambiguous
    out = None
    for s, e, cls, has_amb in tokens:
        if cls == _UP and has_amb:
            out = out or list(decoded)
            for k in range(s, e):
                if source[k] in amb:
                    up = out[k].upper()
                    if len(up) == 1:
                        out[k] = up
    return "".join(out) if out else decoded


@lru_cache(maxsize=65536)
def _case_class(word: str, converted: bool) -> tuple[int, bool]:
    """A word's case evidence: ASCII letters and the codes of TCVN3's own capitals tell;
    small-letter codes (``é`` = ộ) do not, a capitals-only font draws them as capitals."""
    t = _tables()
    amb, caps = t.tcvn3_ambiguous, t.tcvn3_capitals
    upper = lower = n_amb = 0
    for c in word:
        if converted and c in amb:
            n_amb += 1
        elif c.isupper() or (converted and c in caps):
            upper += 1
        elif c.islower():
            lower += 1
    if lower:
        cls = _LOW
    elif upper >= 2 and (n_amb or is_vietnamese_syllable(_tcvn3_word(word) if converted else word)):
        cls = _UP  # "CéNG", and plain "NAM" too; not "KH" or "UBND"
    elif n_amb and upper <= 1:
        cls = _WEAK if upper else _NONE
    else:
        cls = _NEUTRAL  # "KH", "UBND": says nothing about case
    return cls, bool(n_amb)


# ---------------------------------------------------------------- .docx runs

_TCVN3_FONT_RE = re.compile(r"^\s*\.vn", re.IGNORECASE)
_VNI_FONT_RE = re.compile(r"^\s*vni[-_ ]", re.IGNORECASE)


def font_scheme(font_name: str | None) -> tuple[str, bool] | None:
    """``(".VnTimeH")`` → ``("tcvn3", True)`` (True: a capitals-only font); ``"VNI-Times"`` →
    ``("vni", False)``; any other font → None."""
    if not font_name:
        return None
    if _TCVN3_FONT_RE.match(font_name):
        return TCVN3, font_name.rstrip().endswith("H")
    if _VNI_FONT_RE.match(font_name):
        return VNI, False
    return None


def convert_run(text: str, font_name: str) -> str:
    """A ``.docx`` run in a legacy font → Unicode, deterministically (no guessing).

    ``.Vn*`` fonts are TCVN3 (names ending in ``H`` draw every letter as a capital, so the
    result is upper-cased); ``VNI-*`` fonts are VNI-Windows. Other fonts, and runs that
    already hold Vietnamese-only Unicode letters, come back unchanged.
    """
    found = font_scheme(font_name)
    if found is None or not text or _VN_ONLY_RE.search(text):
        return text
    scheme, capitals = found
    decode = decode_tcvn3 if scheme == TCVN3 else decode_vni
    out = []
    buf = bytearray()
    for c in text:
        b = _CHAR_TO_BYTE.get(c)
        if b is None:
            if buf:
                out.append(decode(bytes(buf)))
                buf.clear()
            out.append(c)
        else:
            buf.append(b)
    if buf:
        out.append(decode(bytes(buf)))
    result = "".join(out)
    if capitals:
        result = "".join(u if len(u := c.upper()) == 1 else c for c in result)
    return unicodedata.normalize("NFC", result)


# ---------------------------------------------------------------- VIQR

_VIQR_MARKS = "(^+`'?~."
_VIQR_MODIFIERS = "(^+"
# A word with a mark after a letter ("Vie^.t", "ba'n"), or starting with dd ("ddi").
_VIQR_TOKEN_RE = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]+(?:[(^+`'?~.\\]+[A-Za-z]*)+|[dD][dD][A-Za-z]*)")
# Clearly VIQR needs a modifier after its vowel (e^ a( o+) or a dd: without one, no need to look.
_VIQR_HINT_RE = re.compile(r"[aeoAEO]\^|[aA]\(|[ouOU]\+|(?<![A-Za-z])[dD][dD][aeiouyAEIOUY]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_AFTER_VOWEL = frozenset("aeiouyAEIOUY(^+")
# What may follow a word before the next one: closing quotes or brackets, then spaces.
_AFTER_WORD_RE = re.compile(r"[\"')\]]*([ \t]*)")
_VOWELS = set("aeiouyAEIOUY")


def _viqr_word(tok: str, sentence_end: bool) -> tuple[str, int, int] | None:
    """Convert one VIQR word: (result, marks used, modifiers used), or None if the word
    would not become a Vietnamese syllable."""
    table = _tables().viqr
    out = []
    marks = mods = 0
    i, n = 0, len(tok)
    if n >= 2 and tok[0] in "dD" and tok[1] in "dD" and tok[:2] != "dD":
        out.append("Đ" if tok[0] == "D" else "đ")
        marks += 1
        mods += 1
        i = 2
    while i < n:
        c = tok[i]
        if c == "\\" and i + 1 < n and tok[i + 1] in _VIQR_MARKS:
            out.append(tok[i + 1])
            i += 2
            continue
        if c in _VOWELS:
            for size in (3, 2):
                key = tok[i:i + size]
                if len(key) == size and key in table:
                    if sentence_end and i + size == n and key[-1] in ".?":
                        continue  # the word's last "." or "?" ends the sentence
                    out.append(table[key])
                    marks += size - 1
                    mods += sum(ch in _VIQR_MODIFIERS for ch in key)
                    i += size
                    break
            else:
                out.append(c)
                i += 1
            continue
        out.append(c)
        i += 1
    if not marks:
        return None
    result = "".join(out)
    core = result.rstrip(_VIQR_MARKS + "\\")
    if not is_vietnamese_syllable(core):
        return None
    return result, marks, mods


def _ends_sentence(line: str, pos: int) -> bool:
    """A word's last "." or "?" is punctuation when the sentence visibly ends there: at the
    end of the line, or before a capital ("ba. Ho^m" is "ba. Hôm", "khoe? kho^ng" is "khoẻ không")."""
    after = _AFTER_WORD_RE.match(line, pos)
    j = after.end()
    if j >= len(line) or line[j] in "\r\n":
        return True
    return bool(after.group(1)) and line[j].isupper()


def _viqr_lines(text: str):
    """Yield (line start, line) for lines that may be VIQR: no letters beyond ASCII."""
    pos = 0
    for m in _LINE_RE.finditer(text):
        line = m.group()
        if not line:
            break
        if line.isascii() or not any(c.isalpha() for c in _NON_ASCII_RE.findall(line)):
            yield pos, line
        pos += len(line)


def _viqr_scan(text: str):
    """Yield (start, end, conversion or None, has applicable marks) per VIQR-looking token."""
    for base, line in _viqr_lines(text):
        if not any(c in line for c in _VIQR_MARKS) and "dd" not in line.lower():
            continue
        for m in _VIQR_TOKEN_RE.finditer(line):
            tok = m.group()
            end_here = _ends_sentence(line, m.end())
            got = _viqr_word(tok, end_here)
            applicable = any(tok[k] in _VIQR_MARKS and tok[k - 1] in _AFTER_VOWEL for k in range(1, len(tok)))
            yield base + m.start(), base + m.end(), got, applicable


def looks_like_viqr(text: str) -> bool:
    """Clearly VIQR: words like ``Vie^.t`` or ``ddu+o+.c`` that turn into Vietnamese syllables,
    and few words whose marks would not ("I'm", "e^x")."""
    if not isinstance(text, str) or not _VIQR_HINT_RE.search(text):
        return False
    strong = multi = weak = bad = 0
    for _s, _e, got, applicable in _viqr_scan(text):
        if got is None:
            bad += applicable
            continue
        _result, marks, mods = got
        if mods:
            strong += 1
            multi += marks >= 2
        else:
            weak += 1
    return strong >= 1 and (strong >= 2 or multi >= 1) and strong + weak >= 2 * bad + 1


def from_viqr(text: str, *, force: bool = False) -> str:
    """VIQR (RFC 1456) → Unicode: ``"Vie^.t Nam"`` → ``"Việt Nam"``, ``dd`` → ``đ``.

    Conservative: unless ``force``, text that is not clearly VIQR comes back unchanged; and
    only words that become Vietnamese syllables are converted. A final ``.`` or ``?`` that
    ends a sentence stays punctuation; ``\\.`` is a literal mark.
    """
    return _from_viqr(text, force)[0]


def _from_viqr(text: str, force: bool) -> tuple[str, int]:
    if not text or (not force and not looks_like_viqr(text)):
        return text, 0
    out = []
    last = count = 0
    for s, e, got, _applicable in _viqr_scan(text):
        if got is None:
            continue
        out.append(text[last:s])
        out.append(got[0])
        last = e
        count += 1
    if not count:
        return text, 0
    out.append(text[last:])
    return unicodedata.normalize("NFC", "".join(out)), count
