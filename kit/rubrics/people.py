"""Named people, the quotes they are credited with, and the contact block of a draft.

Shared by the rubrics that ask "who says this?" (press release, hot-issue statement).
Three functions, each linear in the length of the text, never raising on any ``str``:

``find_people(text) -> list[Person]``
    People named with an honorific and/or a title, in order. Recognised forms:

    * honorific + name, title after it: "ông Nguyễn Văn An, Giám đốc Sở GD&ĐT",
      "bà Lê Thị B – Phó Trưởng phòng…", "Thầy Trần C (Hiệu trưởng Trường…)",
      "chị Vàng Thị Dở, 34 tuổi, học viên ở xã Lũng Cú", "PGS.TS Nguyễn D, Thứ trưởng Bộ…";
    * title before the name: "Giám đốc Sở GD&ĐT Hà Nội Trần Thế Cương cho biết",
      "Phó Hiệu trưởng nhà trường, cô Lê Thị Hoa, …" (without an honorific the
      name must start with a common surname, and province names are never names);
    * honorific + name alone ("bà Hồ Thị Minh Nguyệt"); a later short reference
      ("ông Hưng", "bà Thanh") is linked to the full mention it abbreviates and
      inherits its title (``Person.ref``).

    Names are 1–5 capitalised syllables (``H’Năm Byă``, ``Giàng A Páo``); a
    one-syllable name counts only as a short reference to an earlier person.
    ``Person.official`` tells a position (Giám đốc, Trưởng phòng, Hiệu trưởng…)
    from a descriptor (giáo viên, học viên, phụ huynh…).

``find_quotes(text, people=None) -> list[Quote]``
    Direct quotes in “…”, "…" or «…» of at least 4 syllables (shorter quoted
    words are names or terms: mục “Tuyển dụng”), each with who says it:

    * ``attribution == "titled"``: a named person with a title (given here or
      at an earlier mention of the same person);
    * ``"named"``: a named person without any title;
    * ``"role"``: a role or body without a name ("Đại diện nhà trường",
      "lãnh đạo Sở", "một cán bộ", "một em học sinh", "người này");
    * ``"none"``: no speaker.

    The speaker is looked for before the quote ("…, cho biết: “…”", "Theo ông A,
    “…”") and after it ("“…”, bà B, Phó Giám đốc Sở, chia sẻ.", "“…” – ông C
    nói."); a pronoun speaker ("chị nói", "ông nói thêm") is the last person
    named earlier in the same paragraph; a quote that continues right after an
    attributed one ("“…”, bà B cho biết. “…”") shares its speaker. A quote with
    no speech cue (no colon, no speech verb) is kept only when it reads like
    speech (8+ syllables with punctuation inside or at its end) and is not a
    name, slogan or title ("với tinh thần “…”", "chủ đề “…”").

``quoted_spans(text) -> list[tuple[int, int]]``
    Every passage in quotation marks, speech or not (to leave quoted names and
    speakers' own words out of style rules).

``find_contact_block(text, contacts=None, people=None) -> ContactBlock | None``
    The block that tells journalists whom to call: the phone numbers and e-mail
    addresses of :func:`kit.text.entities.find_contacts` grouped with the person
    (a :class:`Person`) or unit ("Văn phòng Sở…", "Phòng Truyền thông") named
    next to them. The last group wins, and a group introduced by a contact cue
    ("Liên hệ", "Thông tin liên hệ", "Đầu mối", "Liên hệ báo chí") is preferred.
    Without any phone or e-mail, a closing "xin liên hệ Văn phòng Sở…" line is
    returned with empty ``phones``/``emails``. Pass ``Draft.contacts`` and the
    result of :func:`find_people` when you have them, to avoid recomputing.

Units: counts are of syllables (tiếng, runs of letters), never of words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..scoring.fold import fold
from ..text.entities import ContactMention, find_contacts

__all__ = [
    "Person",
    "Quote",
    "ContactBlock",
    "find_people",
    "find_quotes",
    "find_contact_block",
    "quoted_spans",
    "SPEECH_VERBS",
]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Person:
    """A named person. ``start``/``end`` cover honorific, name and title as written;
    ``name_start``/``name_end`` the name; ``title_start``/``title_end`` the title
    (-1 when none). ``ref`` is the index (in the list returned by
    :func:`find_people`) of the earlier full mention a short reference points to."""

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    honorific: str | None = None
    title: str | None = None
    title_start: int = -1
    title_end: int = -1
    official: bool = False
    ref: int | None = None

    @property
    def titled(self) -> bool:
        return self.title is not None


@dataclass(frozen=True)
class Quote:
    """A direct quote: ``start``/``end`` include the quotation marks, ``text`` is what is
    inside. ``speaker`` is the named person (or None); ``cue_start``/``cue_end`` span
    the attributing phrase (-1 when none); ``attribution`` is ``"titled"``,
    ``"named"``, ``"role"`` or ``"none"``; ``syllables`` counts the quote's tiếng."""

    start: int
    end: int
    text: str
    attribution: str
    speaker: Person | None = None
    cue_start: int = -1
    cue_end: int = -1
    syllables: int = 0


@dataclass(frozen=True)
class ContactBlock:
    """A contact block: its span, the phones and e-mails in it, the person and/or the
    unit named in it (``unit`` is a span or None) and the cue ("Liên hệ…") if any."""

    start: int
    end: int
    phones: tuple[ContactMention, ...] = ()
    emails: tuple[ContactMention, ...] = ()
    person: Person | None = None
    unit: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None


# --------------------------------------------------------------------------- letters


def _char_class(pred) -> str:
    ranges = ((0x41, 0x250), (0x1E00, 0x1F00))
    return "".join(re.escape(chr(i)) for lo, hi in ranges for i in range(lo, hi) if pred(chr(i)))


_UP = _char_class(str.isupper)
_LO = _char_class(str.islower)
_SP = r"[ \t\u00a0]"  # spaces inside a line (a name never crosses a line)
# One capitalised syllable of a name: "Nguyễn", "H’Năm", "A", "Byă", "Y-Moan".
_NAME_TOKEN = rf"[{_UP}][{_LO}]*(?:[’'\-][{_UP}]?[{_LO}]+)?"
_NAME = rf"{_NAME_TOKEN}(?:{_SP}{_NAME_TOKEN}){{0,4}}"
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN)


def _ci(words: str) -> str:
    """Case-insensitive alternation of ``words`` ("a|b c"), longest first; spaces match runs
    of spaces ("Chánh Văn phòng" and "chánh văn phòng" alike)."""
    alts = sorted({w.strip() for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", _SP + "+") for w in alts) + ")"


def _first_words(words: str) -> frozenset[str]:
    """Lower-case first words of the alternatives in ``words`` (for the word-start scan),
    in both tone placements ("uỷ" and "ủy")."""
    firsts = [w.split()[0].lower() for w in words.split("|") if w.strip()]
    return frozenset(firsts) | frozenset(fold(w) for w in firsts)


_WORD_SCAN_RE = re.compile(r"[^\W\d_]+")
_last_words: list = [None, []]


def _word_starts(text: str, firsts: frozenset[str]) -> list[int]:
    """Starts of the words of ``text`` whose lower-case form is in ``firsts``.

    Trying a long case-insensitive alternation at every character is slow in ``re``;
    trying it only where a possible first word starts keeps each search linear and fast.
    The word list of the last text is kept (the three finders run on one text in a row).
    """
    if _last_words[0] is not text:
        _last_words[0] = text
        _last_words[1] = [(m.start(), m.group().lower()) for m in _WORD_SCAN_RE.finditer(text)]
    return [s for s, w in _last_words[1] if w in firsts]


# Honorifics before a name. Kinship terms are how Vietnamese press introduces people.
_HONORIFICS = (
    "ông|bà|anh|chị|em|cô|thầy|cháu|cụ|bác|chú|bạn|bé|đồng chí|đ/c|cô giáo|thầy giáo|"
    "nhà giáo|nghệ nhân|già làng|nhà văn|nhà thơ|nhà báo|nữ sinh|nam sinh|học sinh|sinh viên|"
    "bác sĩ|luật sư|kỹ sư|kĩ sư|thạc sĩ|tiến sĩ|giáo sư|phó giáo sư|đại tá|thượng tá|trung tá|"
    "thiếu tá|đại úy|đại uý|nhà giáo ưu tú|nhà giáo nhân dân|nghệ sĩ|nghệ sỹ"
)
_ACADEMIC = r"(?:GS|PGS|TS|TSKH|ThS|Ths|BS|BSCKI|BSCKII|KS|CN|NGND|NGƯT|NCS|LS|Nhà giáo ưu tú)"
_HONORIFIC = rf"(?:{_ci(_HONORIFICS)}|{_ACADEMIC}\.?(?:{_SP}?[.,]?{_SP}?{_ACADEMIC}\.?)*)"

# Positions (an official speaks for a body) and descriptors (who someone is).
_OFFICIAL_TITLES = (
    "giám đốc|tổng giám đốc|chánh văn phòng|chánh thanh tra|chánh án|trưởng phòng|trưởng ban|"
    "trưởng khoa|trưởng bộ môn|trưởng đoàn|trưởng trạm|trưởng thôn|trưởng bản|trưởng công an|"
    "trưởng nhóm|trưởng ngành|trưởng trung tâm|hiệu trưởng|bộ trưởng|thứ trưởng|cục trưởng|"
    "vụ trưởng|viện trưởng|chủ tịch|bí thư|tổng biên tập|chủ nhiệm|tổ trưởng|tổng phụ trách|"
    "người phát ngôn|phát ngôn viên|ủy viên|uỷ viên|đại biểu|phụ trách|tổng thư ký|chỉ huy trưởng|"
    "chính ủy|chính uỷ|giám hiệu|thủ trưởng|chủ tịch hội đồng"
)
_DESCRIPTORS = (
    "chuyên viên|giáo viên|giảng viên|cán bộ|nhân viên|học viên|học sinh|sinh viên|phụ huynh|"
    "bác sĩ|kỹ sư|kĩ sư|chuyên gia|nhà nghiên cứu|nghiên cứu viên|điều phối viên|cộng tác viên|"
    "tình nguyện viên|y sĩ|điều dưỡng|thủ thư|kế toán|tư vấn viên|huấn luyện viên|nhà báo|"
    "phóng viên|người dân|nông dân|công nhân|thí sinh|vận động viên|đoàn viên|hội viên|"
    "cựu học sinh|tân sinh viên|mẹ|bố|cha|thành viên|tác giả|nhà giáo|tổ viên|nhân viên y tế|"
    "giáo viên chủ nhiệm|chủ nhiệm lớp|chủ cơ sở"
)
_TITLE_HEAD = rf"(?:(?:{_ci('phó|quyền|nguyên')}|Q\.){_SP}+)?"
_HONORIFIC_FIRSTS = _first_words(_HONORIFICS + "|gs|pgs|ts|tskh|ths|bs|bscki|bsckii|ks|cn|ngnd|ngưt|ncs|ls|nhà|đ")
_TITLE_FIRSTS = _first_words(_OFFICIAL_TITLES) | {"phó", "quyền", "nguyên", "q"}
_OFFICIAL_RE_S = _TITLE_HEAD + _ci(_OFFICIAL_TITLES)
_DESCRIPTOR_RE_S = _ci(_DESCRIPTORS)

#: Speech verbs that credit a quote ("…”, bà A cho biết.").
SPEECH_VERBS = (
    "cho biết|cho biết thêm|nói|nói thêm|chia sẻ|chia sẻ thêm|nhấn mạnh|khẳng định|nhận định|kể|kể lại|"
    "bày tỏ|phát biểu|cho hay|thông tin|thông tin thêm|giải thích|trao đổi|tâm sự|nhớ lại|bộc bạch|"
    "lưu ý|đề nghị|khuyến cáo|trả lời|thừa nhận|tiết lộ|nêu rõ|cam kết|thông báo|xác nhận|phân tích|"
    "nhận xét|đánh giá|hỏi|cho rằng|kêu gọi|yêu cầu|nhắn nhủ|mong muốn|bổ sung|chỉ đạo|quả quyết|"
    "giãi bày|khuyên|dặn|dặn dò|nhắc|viết|tuyên bố|lý giải|lí giải|giới thiệu|cảnh báo|tâm niệm|"
    "trấn an|khuyến khích|hứa|động viên|thổ lộ|ghi nhận|nhìn nhận|đề xuất|kiến nghị|thưa|kết luận"
)
_SPEECH_RE_S = _ci(SPEECH_VERBS)

# A body without a person: the quote is credited to a role, not a name.
_ROLE_RE = re.compile(
    _ci("đại diện|lãnh đạo|một cán bộ|một lãnh đạo|một giáo viên|một em|một học sinh|một phụ huynh|"
        "một học viên|một người|một chuyên viên|người này|ban tổ chức|nhà trường|ban giám hiệu|"
        "phía|cơ quan|đơn vị|người phát ngôn|phát ngôn viên|một đại biểu|một thành viên|"
        "đồng chí|các em|nhiều phụ huynh|nhiều em|phụ huynh|giáo viên|học sinh|học viên|cán bộ|"
        "sở|bộ|phòng|trường|ubnd|ủy ban|uỷ ban")
    + r"(?![^\W\d_])"
)
# A pronoun standing for the last person named: "chị nói", "ông cho biết thêm".
_PRONOUN = _ci("ông|bà|anh|chị|em|cô|thầy|cháu|cụ|bác|chú|bạn|ông ấy|bà ấy|anh ấy|chị ấy|cô ấy|"
               "thầy ấy|em ấy|bạn ấy")

# Places that look like honorific + name ("Bà Rịa", "Cô Tô") or surname + name ("Hà Nội"),
# compared folded (tone placement and case do not matter).
_PLACE_NAMES = (
    "An Giang|Bà Rịa|Bà Rịa - Vũng Tàu|Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|"
    "Bình Dương|Bình Phước|Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|"
    "Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|"
    "Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|"
    "Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|"
    "Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|Tiền Giang|Hồ Chí Minh|"
    "Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái|Việt Nam|Hà Đông|Hà Tiên|Phan Thiết|Phan Rang|"
    "Lê Chân|Võ Nhai|Trần Văn Thời|Lý Sơn|Cô Tô|Bà Chiểu|Bà Điểm|Bà Đen|Ông Đốc|Mai Sơn|Kim Bảng|"
    "Kim Sơn|Kim Thành|Cao Lãnh|Hoàng Mai|Hoàng Su Phì|Đồng Văn|Mai Châu|Cao Phong|Hồ Tây|Đinh Lập|"
    "Lâm Hà|Lâm Bình|Lê Thủy|Hoàng Hóa|Bùi Chu|Vũ Thư|Quang Trung|Trần Phú|Lê Lợi|Nguyễn Huệ|Lê Duẩn|"
    "Hai Bà Trưng|Bạch Đằng|Ngô Quyền|Lý Thường Kiệt|Trần Hưng Đạo|Phú Quốc|Côn Đảo|Tây Nguyên|"
    "Đông Nam Bộ|Tây Bắc|Việt Bắc|Anh Sơn|Đô Lương|Kỳ Sơn|Con Cuông|Tương Dương"
)
_PLACES = frozenset(fold(p) for p in _PLACE_NAMES.split("|"))


def _is_place(name: str) -> bool:
    return fold(name) in _PLACES


# Common surnames (about nine in ten Vietnamese) and minority clan names often seen.
_SURNAMES = frozenset(unicodedata.normalize("NFC", s) for s in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đào "
    "Lương Mai Trịnh Lâm Hà Tạ Cao Đoàn Tô Châu Vương Phùng Thái Kiều Quách Nông Lò Lường Sùng "
    "Giàng Vàng Thào Mùa Lầu Hầu Triệu Chu Mạc Âu Tăng Từ Văn Ninh Khúc Tống Lã Lưu Diệp Thân "
    "Hứa Kim Quan Nghiêm Ông Mạch Hồng La Lục Tôn Đàm Lại Khổng Chúc Doãn Bạch Ksor Nay Rơ Siu "
    "Y H’ H' K’ Ka Đinh Viên Khương Cù Đồng Giáp Kha Lạc Mã Ma Tiêu Thạch Danh Lâm Phí Quang Tòng"
).split())

_ORG_WORDS = _ci("sở|bộ|phòng|trường|ubnd|ủy ban|uỷ ban|văn phòng|cục|vụ|viện|trung tâm|ban|đại học|"
                 "học viện|hội|công ty|tỉnh|thành phố|huyện|xã|phường|đoàn|liên đoàn|công đoàn|quỹ|"
                 "tổ chức|báo|đài|nhà xuất bản|khoa|bệnh viện|chi cục|hội đồng|tổ|cổng|trạm|đảng ủy|"
                 "đảng uỷ|thôn|bản|ngành|cơ sở")

# Words that open a title, not a name: "đồng chí Phó Chủ tịch UBND tỉnh" names nobody.
_TITLE_FIRST_TOKENS = frozenset(fold(w) for w in (
    "Phó Chủ Giám Trưởng Hiệu Bí Bộ Thứ Cục Vụ Viện Tổng Chánh Quyền Ủy Uỷ Lãnh Sở Trường Ban "
    "Đại Chỉ Người Thủ Phòng Văn Trung Ủy Hội Đoàn Tỉnh Thành Huyện Xã Phường UBND HĐND"
).split())
# Honorifics that are also ordinary nouns before a place ("học sinh Cần Thơ"): the name
# must then start with a common surname or have three syllables or more.
_WEAK_HONORIFICS = frozenset(fold(w) for w in (
    "em|bé|cháu|bạn|học sinh|sinh viên|nữ sinh|nam sinh|nhà văn|nhà thơ|nhà báo|nghệ nhân|già làng|"
    "anh|chú|bác|cụ"
).split("|"))

_HONORIFIC_NAME_RE = re.compile(
    rf"(?<![^\W\d_])(?P<hon>{_HONORIFIC})(?:{_SP}*[.,]?{_SP}+|(?<=\.))(?P<name>{_NAME})(?![^\W\d_])"
)
# After a name: ", title…", " – title…", " (title…)", optionally after an age: ", 34 tuổi,".
_AFTER_NAME_RE = re.compile(
    rf"{_SP}*(?:,|–|—|-|\(){_SP}*(?:\d{{1,3}}{_SP}+tuổi{_SP}*[,–-]{_SP}*)?"
    rf"(?P<title>(?:(?P<off>{_OFFICIAL_RE_S})|(?P<desc>{_DESCRIPTOR_RE_S}))(?![^\W\d_]))"
)
# Where a title stops: punctuation that closes a phrase, or a speech verb.
# (lower-case verbs only: "Trưởng phòng Thông tin" keeps its "Thông tin")
_TITLE_STOP_VERBS = "cho biết|nói|chia sẻ|nhấn mạnh|khẳng định|nhận định|phát biểu|cho hay|kể|bày tỏ|thông báo"
_TITLE_STOP_RE = re.compile(
    rf"[,;:!?\n\r()“”\"«»–—]|\.(?!\w)|{_SP}+-{_SP}|{_SP}(?=(?:{_TITLE_STOP_VERBS})(?![^\W\d_]))"
)
_ORG_SEGMENT_RE = re.compile(rf"{_SP}*,{_SP}*(?={_ORG_WORDS}(?![^\W\d_]))")
# Title first: "Giám đốc Sở GD&ĐT Hà Nội Trần Thế Cương", "Hiệu trưởng nhà trường, cô Lê Thị Hoa".
_TITLE_FIRST_RE = re.compile(rf"(?<![^\W\d_])(?P<title>{_OFFICIAL_RE_S})(?![^\W\d_])")
_TITLE_FIRST_TAIL_RE = re.compile(
    rf"(?P<run>(?:{_SP}+[^\s,;:.!?()“”\"«»–—]+){{1,16}}?)"
    rf"(?:{_SP}*,?{_SP}*(?P<hon>{_HONORIFIC}))?{_SP}*(?P<name>{_NAME})"
    rf"(?={_SP}*(?:[,:(–—]|{_SP}-|{_SPEECH_RE_S}(?![^\W\d_])))"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


# --------------------------------------------------------------------------- people


def _name_tokens(name: str) -> list[str]:
    return _NAME_TOKEN_RE.findall(name)


def _title_end(text: str, start: int, limit: int = 160) -> int:
    """Where the title starting at ``start`` ends, absorbing ", Sở GD&ĐT"-like segments."""
    end = start
    hard = min(len(text), start + limit)
    while True:
        m = _TITLE_STOP_RE.search(text, end, hard)
        stop = m.start() if m else hard
        end = stop
        seg = _ORG_SEGMENT_RE.match(text, end, hard)
        if seg is None:
            break
        end = seg.end()
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    return end


def find_people(text: str) -> list[Person]:
    """Named people in ``text``, in order (forms in the module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    found: dict[int, Person] = {}
    for pos in _word_starts(text, _HONORIFIC_FIRSTS):
        m = _HONORIFIC_NAME_RE.match(text, pos)
        if m is None:
            continue
        ns, ne = m.span("name")
        name = m.group("name")
        hon = m.group("hon")
        toks = _name_tokens(name)
        if not toks or _is_place(f"{hon} {toks[0]}") or _is_place(name) or fold(toks[0]) in _TITLE_FIRST_TOKENS:
            continue
        if len(toks) > 1 and _is_place(" ".join(toks[:2])):
            continue
        if fold(" ".join(hon.split())) in _WEAK_HONORIFICS and len(toks) < 3 and toks[0] not in _SURNAMES:
            continue
        title = None
        ts = te = -1
        official = False
        end = ne
        after = _AFTER_NAME_RE.match(text, ne)
        if after is not None:
            ts = after.start("title")
            te = _title_end(text, after.end("title"))
            title = text[ts:te]
            official = after.group("off") is not None
            end = te
        found.setdefault(m.start(), Person(m.start(), end, name, ns, ne, hon, title, ts, te, official))
    for pos in _word_starts(text, _TITLE_FIRSTS):
        m = _TITLE_FIRST_RE.match(text, pos)
        if m is None:
            continue
        tail = _TITLE_FIRST_TAIL_RE.match(text, m.end())
        if tail is None:
            continue
        hon = tail.group("hon")
        ns, ne = tail.span("name")
        name = tail.group("name")
        if hon is None:
            # Without an honorific the run mixes the body and the name: the name starts at
            # the last common surname leaving 2–4 syllables ("Hà Nội Trần Thế Cương").
            run_start = tail.start("run")
            toks = list(_NAME_TOKEN_RE.finditer(text, run_start, ne))
            cap_run: list[re.Match] = []
            for t in toks:
                if cap_run and text[cap_run[-1].end():t.start()].strip(" \t\u00a0") != "":
                    cap_run = []
                cap_run.append(t)
            start_tok = None
            for i, t in enumerate(cap_run):
                rest = len(cap_run) - i
                if 2 <= rest <= 4 and t.group() in _SURNAMES:
                    start_tok = i
            if start_tok is None:
                continue
            ns = cap_run[start_tok].start()
            name = text[ns:ne]
            if _is_place(name):
                continue
        elif _is_place(name) or len(_name_tokens(name)) < 2 or fold(_name_tokens(name)[0]) in _TITLE_FIRST_TOKENS:
            continue
        clash = [k for k, p in found.items() if p.name_start <= ns < max(p.end, p.name_end)]
        if any(found[k].title is not None for k in clash):
            continue
        for k in clash:  # "Hiệu trưởng nhà trường, thầy A": the title-first reading is fuller
            del found[k]
        ts, te = m.start(), tail.start("run") + len(tail.group("run").rstrip(" ,\t\u00a0"))
        if hon is None:
            te = ns
            while te > ts and text[te - 1] in " ,\t\u00a0":
                te -= 1
        start = m.start()
        found.setdefault(start, Person(start, ne, name, ns, ne, hon, text[ts:te], ts, te, True))
    people = [found[k] for k in sorted(found)]
    # Drop mentions nested inside an earlier one ("ông A, chủ nhiệm lớp cô B").
    out: list[Person] = []
    for p in people:
        if out and p.start < out[-1].end and p.name_start < out[-1].end:
            continue
        out.append(p)
    return _link_references(out)


def _link_references(people: list[Person]) -> list[Person]:
    """Link "ông Hưng" to the earlier "ông Lê Văn Hưng, Giám đốc…" and inherit the title."""
    out: list[Person] = []
    by_last: dict[str, int] = {}
    by_full: dict[str, int] = {}
    for p in people:
        toks = _name_tokens(p.name)
        if not toks:
            continue
        ref = None
        if len(toks) == 1:
            ref = by_last.get(toks[0])
            if ref is None:
                continue  # a lone syllable is a name only when it abbreviates an earlier one
        elif p.name in by_full:
            ref = by_full[p.name]
        if ref is not None and p.title is None and out[ref].title is not None:
            src = out[ref]
            p = replace(p, title=src.title, official=src.official, ref=ref)
        elif ref is not None:
            p = replace(p, ref=ref)
        idx = len(out)
        out.append(p)
        if len(toks) > 1:
            key = toks[-1]
            # the titled mention is the better referent
            if key not in by_last or (p.title and not out[by_last[key]].title):
                by_last[key] = idx
            if p.name not in by_full or (p.title and not out[by_full[p.name]].title):
                by_full[p.name] = idx
    return out


# --------------------------------------------------------------------------- quotes

_OPEN_CLOSE = {"“": "”", "«": "»", '"': '"', "„": "”"}
_QUOTE_CHARS_RE = re.compile(r"[“”«»\"„\n]")
_SYLLABLE_RE = re.compile(r"[^\W\d_]+")
_CUE_BEFORE_RE = re.compile(rf"(?:{_SPEECH_RE_S}(?:{_SP}+(?:rằng|là|thêm))?{_SP}*:?|:){_SP}*\Z")
_THEO_RE = re.compile(rf"(?<![^\W\d_]){_ci('theo')}{_SP}+")
_CUE_AFTER_RE = re.compile(rf"{_SP}*[,.!?…]?{_SP}*(?:[–—-]{_SP}*)?(?P<clause>(?:[^.!?\n“”«»\"]|\.(?=[^\s.]))"
                           rf"{{0,220}})")
_LABEL_BEFORE_RE = re.compile(
    _ci("tinh thần|khẩu hiệu|chủ đề|mục|chuyên mục|chương trình|cuộc thi|phong trào|dự án|tên|gọi là|"
        "thông điệp|cụm từ|hashtag|với tên|mang tên|có tên|tiêu đề|slogan|bài|cuốn|sách|tác phẩm|"
        "vở|bộ phim|câu|lời|câu chuyện|dòng chữ|biểu ngữ|băng rôn|tiêu chí|danh hiệu|giải|"
        "nền tảng|ứng dụng|trang|nhóm|kênh|mô hình|sáng kiến|đề tài|chuyên đề|hội thi|ngày hội")
    + rf"{_SP}*:?{_SP}*\Z"
)
_PRONOUN_SPEECH_RE = re.compile(rf"(?<![^\W\d_]){_PRONOUN}{_SP}+(?:{_SPEECH_RE_S})(?![^\W\d_])")
_SPEECH_WORD_RE = re.compile(rf"(?<![^\W\d_]){_SPEECH_RE_S}(?![^\W\d_])")
_SENTENCE_BREAK_RE = re.compile(r"[.!?…](?=[\s”\"»])|\n")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every passage in quotation marks (“…”, "…", «…»), marks included,
    whether speech or a name ("chương trình “Chung tay vì học sinh vùng lũ”"); a
    passage never crosses a line."""
    if not isinstance(text, str):
        return []
    out = []
    opener = None
    open_at = 0
    for m in _QUOTE_CHARS_RE.finditer(text):
        ch = m.group()
        pos = m.start()
        if ch == "\n":
            opener = None
            continue
        if opener is None:
            if ch in _OPEN_CLOSE:
                opener, open_at = ch, pos
        elif ch == _OPEN_CLOSE[opener]:
            out.append((open_at, pos + 1))
            opener = None
        elif ch in ("“", "«") and opener in ("“", "«"):
            opener, open_at = ch, pos  # unbalanced: restart at the new opener
    return out


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


_CLAUSE_LOOKBACK = 400  # characters: no attribution runs longer


class _Breaks:
    """Line starts and clause breaks of a text, for O(log n) look-ups per quote."""

    def __init__(self, text: str) -> None:
        self.n = len(text)
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        # sentence ends, and closing quotes (a split quote's second part starts a clause)
        ends = [m.end() for m in _SENTENCE_BREAK_RE.finditer(text)]
        ends += [m.end() for m in re.finditer("[”»\"]", text)]
        self.ends = sorted(ends)

    def para_start(self, pos: int) -> int:
        i = bisect_left(self.newlines, pos) - 1
        return self.newlines[i] + 1 if i >= 0 else 0

    def para_end(self, pos: int) -> int:
        i = bisect_left(self.newlines, pos)
        return self.newlines[i] if i < len(self.newlines) else self.n

    def clause_start(self, pos: int, floor: int) -> int:
        """Start of the clause ending at ``pos`` (back to a break, ``floor`` or the look-back limit)."""
        i = bisect_right(self.ends, pos) - 1
        best = self.ends[i] if i >= 0 else 0
        return max(best, floor, pos - _CLAUSE_LOOKBACK)


class _PeopleIndex:
    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.starts = [p.start for p in people]

    def within(self, s: int, e: int) -> list[Person]:
        i = bisect_left(self.starts, s)
        j = bisect_left(self.starts, e)
        return self.people[i:j]

    def last_before(self, pos: int, floor: int) -> Person | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.people[i].start >= floor:
            return self.people[i]
        return None


def _classify(text: str, s: int, e: int, idx: _PeopleIndex, para_start: int) -> tuple[str, Person | None]:
    """Who the clause ``text[s:e]`` credits: (attribution, person)."""
    people = idx.within(s, e)
    if people:
        p = next((q for q in people if q.titled), people[0])
        return ("titled" if p.titled else "named"), p
    clause = text[s:e]
    # A pronoun speaker ("chị nói") is the last person named earlier in the paragraph.
    if _PRONOUN_SPEECH_RE.search(clause):
        p = idx.last_before(s, max(para_start, s - 600))
        if p is not None:
            return ("titled" if p.titled else "named"), p
    if _ROLE_RE.search(clause):
        return "role", None
    return "none", None


def find_quotes(text: str, people: list[Person] | None = None) -> list[Quote]:
    """Direct quotes with who says them (forms and levels in the module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    if people is None:
        people = find_people(text)
    idx = _PeopleIndex(people)
    br = _Breaks(text)
    out: list[Quote] = []
    for qs, qe in quoted_spans(text):
        inner = text[qs + 1:qe - 1]
        syl = len(_SYLLABLE_RE.findall(inner))
        if syl < 4:
            continue
        pstart = br.para_start(qs)
        pend = min(br.para_end(qe), qe + 300)
        attribution, speaker, cs, ce = "none", None, -1, -1
        cued = False
        # Before: "X, title, cho biết: “…”" or "Theo ông A, “…”".
        cstart = br.clause_start(qs, pstart)
        before = text[cstart:qs]
        if _CUE_BEFORE_RE.search(before) or (_THEO_RE.search(before) and before.rstrip().endswith(",")):
            cued = True
            cs, ce = cstart, qs
            attribution, speaker = _classify(text, cstart, qs, idx, pstart)
        if attribution in ("none", "role"):
            # After: "“…”, bà B, Phó Giám đốc Sở, chia sẻ." / "“…” – ông C nói."
            am = _CUE_AFTER_RE.match(text, qe, pend)
            if am is not None:
                clause_s, clause_e = am.span("clause")
                clause = am.group("clause")
                if _SPEECH_WORD_RE.search(clause):
                    cued = True
                    att2, sp2 = _classify(text, clause_s, clause_e, idx, pstart)
                    if _rank(att2) > _rank(attribution) or cs < 0:
                        attribution, speaker, cs, ce = att2, sp2, clause_s, clause_e
        if attribution == "none" and out and out[-1].attribution != "none":
            # A quote continuing an attributed one in the same paragraph shares its speaker.
            prev = out[-1]
            gap_s = max(prev.end, prev.cue_end)
            if prev.start >= pstart and gap_s <= qs and qs - gap_s < 12:
                attribution, speaker, cs, ce = prev.attribution, prev.speaker, prev.cue_start, prev.cue_end
                cued = True
        if not cued:
            # No speech cue: keep it only if it reads like speech, not a name or a slogan.
            if _LABEL_BEFORE_RE.search(text, max(pstart, qs - 40), qs):
                continue
            if syl < 8 or not re.search(r"[,.!?…;]", inner):
                continue
        out.append(Quote(qs, qe, inner, attribution, speaker, cs, ce, syl))
    return out


def _rank(attribution: str) -> int:
    return {"titled": 3, "named": 2, "role": 1}.get(attribution, 0)


# --------------------------------------------------------------------------- contact block

_CONTACT_CUE_RE = re.compile(
    _ci("thông tin liên hệ|liên hệ báo chí|liên hệ|đầu mối liên hệ|đầu mối|người liên hệ|"
        "để biết thêm thông tin|mọi thông tin|mọi chi tiết|thông tin chi tiết")
    + r"(?![^\W\d_])"
)
_CUE_FIRSTS = _first_words("thông tin|liên hệ|đầu mối|người liên hệ|để biết|mọi thông tin")
_UNIT_RE = re.compile(
    rf"(?<![^\W\d_]){_ci('văn phòng|phòng|ban|bộ phận|trung tâm|tổ|sở|trường|bộ|ủy ban|uỷ ban|ubnd|vụ|cục|viện')}"
    rf"(?![^\W\d_])[^\n,;:–—(\d]{{0,80}}?(?=[\n,;:–—(\d]|\.(?:\s|\Z)|\Z)"
)
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")
_GAP = 300  # characters between two contact details of one block


def find_contact_block(text: str, contacts: list[ContactMention] | None = None,
                       people: list[Person] | None = None) -> ContactBlock | None:
    """The contact block of ``text`` (see the module docstring), or None."""
    if not isinstance(text, str) or not text:
        return None
    if contacts is None:
        contacts = find_contacts(text)
    details = [c for c in contacts if c.kind in ("phone", "email")]
    cues: list[tuple[int, int]] = []
    for pos in _word_starts(text, _CUE_FIRSTS):
        if cues and pos < cues[-1][1]:
            continue  # "liên hệ" inside "Thông tin liên hệ"
        m = _CONTACT_CUE_RE.match(text, pos)
        if m is not None:
            cues.append(m.span())
    groups: list[list[ContactMention]] = []
    for c in details:
        if groups and c.start - groups[-1][-1].end <= _GAP:
            groups[-1].append(c)
        else:
            groups.append([c])

    def cue_for(first: int, floor: int) -> tuple[int, int] | None:
        best = None
        for s, e in cues:
            if floor <= s < first and first - s <= _GAP:
                best = (s, e)
        return best

    chosen = None
    if groups:
        scored = []
        for i, g in enumerate(groups):
            floor = groups[i - 1][-1].end if i else 0
            cue = cue_for(g[0].start, floor)
            scored.append(((cue is not None, i), g, cue, floor))
        _, g, cue, floor = max(scored, key=lambda x: x[0])
        start = cue[0] if cue else _paragraph_start(text, g[0].start)
        # reach back to the line naming the person when the details sit on their own lines
        back = _paragraph_start(text, start)
        if cue is None and back == start and start > 0:
            prev_start = _paragraph_start(text, start - 1)
            if start - prev_start <= 160 and prev_start >= floor:
                start = prev_start
        start = max(start, floor)
        end = _paragraph_end(text, g[-1].end)
        chosen = (start, end, g, cue)
    else:
        # No phone or e-mail: a closing "xin liên hệ Văn phòng Sở…" still names whom to ask.
        tail_from = min(int(len(text) * 0.6), _paragraph_start(text, len(text.rstrip())))
        late = [c for c in cues if c[0] >= tail_from]
        if not late:
            return None
        cue = late[-1]
        chosen = (_paragraph_start(text, cue[0]), _paragraph_end(text, cue[1]), [], cue)
    start, end, g, cue = chosen
    if people is None:
        people = find_people(text[:end])
    # Without a cue, whom to call is named right next to the details, in the same sentence
    # or on the line above ("Sở trao 500 suất. Điện thoại: …" names no contact).
    first = g[0].start if g else end
    lo = start if cue else max(start, first - 160)
    person = None
    for p in people:
        if lo <= p.name_start < end and (cue or not _SENTENCE_END_RE.search(text, p.end, first)):
            person = p
            break
    unit = None
    for um in _UNIT_RE.finditer(text, cue[1] if cue else lo, end):
        if cue or not _SENTENCE_END_RE.search(text, um.end(), first):
            unit = (um.start(), um.end())
            break
    return ContactBlock(
        start, end,
        tuple(c for c in g if c.kind == "phone"),
        tuple(c for c in g if c.kind == "email"),
        person, unit, cue,
    )
