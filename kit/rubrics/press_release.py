"""Press release (thông cáo báo chí) rubric.

What a journalist needs from a release, in the order they read it (domain.md §4,
[S10] Wikipedia "News release", K. Blake MTSU; [S11] sentence-length guidance):
a headline that says the news; a lead that answers who/what/when/where; short
sentences; no unexplained acronyms; plain words instead of the stock phrases of
official reports; a quote from a named official; concrete figures; a contact.

Units: every length here is in syllables (tiếng: runs of letters, see
``kit.text.segment``), never in words.

The layout of a draft (letterhead, headline, dateline, lead, body, end mark,
contact block) is read once per draft by :func:`layout` and shared by the rules.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass

from ..i18n import N_, _, t
from ..scoring.draft import Draft
from ..scoring.fold import fold
from ..text import entities
from ..text.entities import COMMON
from ..text.segment import count_syllables
from .base import Finding, Rubric
from .people import ContactBlock, Quote, find_contact_block, find_people, find_quotes, quoted_spans

RUBRIC = Rubric("press_release", label=N_("Press release"))

_W = r"[^\W\d_]"  # one letter
_NB = rf"(?<!{_W})"  # no letter before
_NA = rf"(?!{_W})"  # no letter after


def _rx(*alternatives: str) -> re.Pattern[str]:
    """A pattern over folded text from lower-case alternatives (folded here, so "hoà" and
    "hòa" are the same); spaces match any run of spaces, whole words only."""
    alts = sorted({fold(a) for a in alternatives}, key=len, reverse=True)
    body = "|".join(a.replace(" ", r"\s+") for a in alts)
    return re.compile(rf"{_NB}(?:{body}){_NA}")


def _excerpt(text: str, n: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


# --------------------------------------------------------------------------- layout

_MOTTO_RE = re.compile(r"^\s*(?:cộng hòa xã hội|độc lập\s*[-–—]\s*tự do|số\s*:|v/v\b|[-_=*~#.]{3,}\s*$)")
_DOCTYPE_RE = re.compile(
    r"^\W*(?:thông cáo báo chí|thông tin báo chí|thông cáo|tin báo chí|bản tin|thông tin cho báo chí)\b[^\n]{0,40}$"
)
_AGENCY_RE = re.compile(r"^\s*(?:ubnd|ủy ban|bộ|sở|phòng|trường|trung tâm|đảng ủy|hđnd|ban)\b")
# A dateline on its own line: "Hà Nội, ngày 4/7/2026", "Nghệ An, ngày 14 tháng 9 năm 2026".
_DATELINE_LINE_RE = re.compile(
    r"^[^\n,]{0,40},?\s*(?:ngày\s+)?\d{1,2}\s*(?:/|-|\.|\s+tháng\s+)\s*\d{1,2}"
    r"(?:\s*(?:/|-|\.|\s+năm\s+)\s*\d{2,4})?\s*[-–—:.]?\s*$"
)
# A dateline opening the lead: "Nghệ An, ngày 14/9/2026 – ", "HÀ NỘI (4/7) - ", "(GD&TĐ) - ".
_DATELINE_INLINE_RE = re.compile(
    r"^\s*(?:"
    r"[^\n,–—()]{1,40},\s*(?:ngày\s+)?\d{1,2}\s*(?:/|-|\.|\s+tháng\s+)\s*\d{1,2}(?:\s*(?:/|-|\.|\s+năm\s+)\s*\d{2,4})?"
    r"|[^\n,–—()]{1,40}\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)"
    r"|\(\s*[^\n()]{1,20}\)"
    r")\s*[-–—:]\s*"
)
_CAPS_PLACE_DASH_RE = re.compile(r"^\s*([^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,3})\s*[–—-]\s+")
_END_MARK_RE = re.compile(r"^\s*(?:#{3}|-+\s*hết\s*-+|-{3,}|\*{3,}|\(?hết\)?|—+|–{2,})\s*$")


@dataclass(frozen=True)
class Layout:
    """Where the parts of a release are: each a paragraph index or an offset span.

    ``headline``/``lead`` are paragraphs (or None); ``lead_start`` is where the lead's
    own words begin (after an inline dateline); ``dateline`` spans the dateline if any;
    ``body`` lists the paragraphs from the lead to the end mark or contact block;
    ``contact`` is the contact block (see :func:`kit.rubrics.people.find_contact_block`).
    """

    headline: object | None
    dateline: tuple[int, int] | None
    lead: object | None
    lead_start: int
    body: tuple
    contact: ContactBlock | None
    body_start: int
    body_end: int


_LAYOUTS: "weakref.WeakKeyDictionary[Draft, Layout]" = weakref.WeakKeyDictionary()
_PEOPLE: "weakref.WeakKeyDictionary[Draft, tuple]" = weakref.WeakKeyDictionary()


def _is_caps(text: str) -> bool:
    return text.upper() == text and any(c.isalpha() for c in text)


def _header_count(d: Draft, paras) -> int:
    """How many paragraphs at the top are letterhead, motto, number or document type."""
    n = min(len(paras), 10)
    folded = [d.folded[p.start:p.end].strip() for p in paras[:n]]
    # Everything down to a document-type line ("THÔNG CÁO BÁO CHÍ") is header.
    for i, f in enumerate(folded):
        if _DOCTYPE_RE.match(f) and len(f) < 60:
            j = i + 1
            while j < len(paras) and j < n and (_DATELINE_LINE_RE.match(folded[j]) or _MOTTO_RE.match(folded[j])):
                j += 1
            return j
    i = 0
    while i < n:
        f = folded[i]
        raw = paras[i].text
        if _MOTTO_RE.match(f) or _DATELINE_LINE_RE.match(f) and len(f) < 80:
            i += 1
            continue
        # A letterhead is a short line in capitals naming a body, stacked with more header lines.
        nxt = folded[i + 1] if i + 1 < n else ""
        nxt_raw = paras[i + 1].text if i + 1 < n else ""
        if (_AGENCY_RE.match(f) and _is_caps(raw) and len(raw.split()) <= 10
                and (_MOTTO_RE.match(nxt) or (_is_caps(nxt_raw) and len(nxt_raw.split()) <= 10)
                     or _DATELINE_LINE_RE.match(nxt))):
            i += 1
            continue
        break
    return i


def _looks_like_headline(p) -> bool:
    syl = count_syllables(p.text)
    sentences = len(p.sentences)
    if p.kind == "list_item":
        return False
    if syl > 45 or sentences > 2:
        return False
    # A headline rarely ends with a full stop; a long first line that does is the lead.
    if p.text.rstrip().endswith(".") and not p.text.rstrip().endswith("...") and syl > 25:
        return False
    if sentences == 2 and not re.search(r"[:?!]", p.text):
        return False
    return syl >= 2


def layout(d: Draft) -> Layout:
    """The parts of the release (cached per draft)."""
    got = _LAYOUTS.get(d)
    if got is not None:
        return got
    paras = list(d.paragraphs)
    i = _header_count(d, paras)
    dateline = None
    for p in paras[:i]:
        f = d.folded[p.start:p.end].strip()
        if _DATELINE_LINE_RE.match(f) and len(f) < 80:
            dateline = (p.start, p.end)
    headline = None
    if i < len(paras) and i + 1 < len(paras) and _looks_like_headline(paras[i]):
        headline = paras[i]
        i += 1
    # a dateline on its own line, or a subtitle line in capitals
    while i < len(paras):
        f = d.folded[paras[i].start:paras[i].end].strip()
        if _DATELINE_LINE_RE.match(f) and len(f) < 80:
            dateline = (paras[i].start, paras[i].end)
            i += 1
            continue
        if _DOCTYPE_RE.match(f) and len(f) < 60:
            i += 1
            continue
        break
    lead = None
    lead_start = 0
    # skip sub-headings ("I. THÔNG TIN CHUNG") and captions before the first body paragraph
    while i < len(paras) and (paras[i].kind == "heading"
                              or re.match(r"^\s*\(?ảnh\s*:", d.folded[paras[i].start:paras[i].end])):
        i += 1
    if i < len(paras):
        lead = paras[i]
        lead_start = lead.start
        m = _DATELINE_INLINE_RE.match(lead.text)
        if m is None:
            cm = _CAPS_PLACE_DASH_RE.match(lead.text)
            if cm is not None and _is_caps(cm.group(1)) and len(cm.group(1)) >= 2:
                m = cm
        if m is not None and m.end() < len(lead.text):
            dateline = (lead.start, lead.start + m.end())
            lead_start = lead.start + m.end()
    body_start = lead.start if lead is not None else (paras[i - 1].end if paras and i > 0 else 0)
    if _PEOPLE.get(d) is None:
        people = find_people(d.text)
        _PEOPLE[d] = (people, find_quotes(d.text, people))
    people = _PEOPLE[d][0]
    contact = find_contact_block(d.text, d.contacts, people)
    body_end = len(d.text)
    # The contact block closes the body when it sits in the second half (a hotline in the
    # middle of the text is part of the body).
    if contact is not None and contact.start >= len(d.text) // 2:
        body_end = _line_start(d.text, contact.start)
    start_idx = lead.index if lead is not None else len(paras)
    body = []
    for p in paras[start_idx:]:
        if p.start >= body_end:
            break
        if _END_MARK_RE.match(d.folded[p.start:p.end]):
            body_end = p.start
            break
        body.append(p)
    got = Layout(headline, dateline, lead, lead_start, tuple(body), contact, body_start, body_end)
    _LAYOUTS[d] = got
    return got


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _people_quotes(d: Draft) -> tuple[list, list[Quote]]:
    layout(d)
    return _PEOPLE[d]


# --------------------------------------------------------------------------- headline

# Report labels: a headline opening with them names a topic, not news.
_LABEL_OPENERS = _rx(
    "thông tin về", "thông báo về", "về việc", "v/v", "kết quả công tác", "kết quả thực hiện",
    "kết quả triển khai", "hoạt động", "các hoạt động", "nhiều hoạt động", "công tác",
)
# Report clichés, wherever they stand: they cost even next to a figure.
_CLICHES = _rx(
    "tích cực", "sôi nổi", "rộn ràng", "tưng bừng", "ấn tượng", "dấu ấn", "điểm sáng", "chung tay", "hưởng ứng",
    "triển khai nhiệm vụ", "tổ chức thành công", "thành công tốt đẹp", "kết quả tốt đẹp", "đạt kết quả tốt",
    "nhiều hoạt động", "hoạt động ý nghĩa", "nhiều kết quả", "nhiều chuyển biến", "chuyển biến tích cực",
    "ý nghĩa thiết thực", "thiết thực", "góp phần", "đông đảo", "long trọng", "quán triệt", "công tác",
)
# Vague only when nothing concrete follows ("Tăng cường 500 giáo viên cho vùng lũ" is news).
_WEAK_WORDS = _rx(
    "tăng cường", "đẩy mạnh", "tiếp tục", "triển khai", "nâng cao chất lượng", "quan tâm", "chú trọng",
    "hiệu quả", "thành công", "nỗ lực", "hướng tới", "hướng đến", "chính sách mới", "một số", "các cấp",
    "trên địa bàn", "thông báo",
)
# A slogan opens with an abstract aim ("Phát triển văn hóa đọc…", "Nâng cao chất lượng…",
# "Vì học sinh thân yêu"): it names a goal, not what happened.
_SLOGAN_OPENERS = re.compile(r"^\W*" + fold(r"(?:phát triển|nâng cao|đẩy mạnh|tăng cường|đổi mới|chú trọng|góp phần|"
                                          r"hướng tới|hướng đến|lan tỏa|xây dựng|phát huy|chung tay|vì|tiếp tục|"
                                          r"quyết tâm|nỗ lực|thi đua|vững bước|đồng hành)") + r"(?![^\W\d_])")
_EVENT_OPENERS = _rx("hội nghị", "hội thảo", "lễ", "buổi", "tổng kết", "sơ kết", "ngày hội", "hội thi",
                     "cuộc thi", "chương trình", "kế hoạch", "tọa đàm", "diễn đàn", "giải")
_GENERIC_ACTION = re.compile(
    _NB + fold(r"(?:tổ chức|triển khai|thực hiện|ban hành|tăng cường|đẩy mạnh|chuẩn bị|phát động|có|họp|bàn)")
    + r"\s+(?:\S+\s+){0,1}?" + fold(r"(?:cuộc thi|hoạt động|chương trình|chính sách|kế hoạch|nhiệm vụ|công tác|"
                                  r"hội nghị|giải pháp|phong trào|sự kiện|ngày hội|lễ|buổi lễ|hội thi|biện pháp)")
    + _NA
)
# ("một", "năm", "tư" are left out: article, year, "tư thục")
_NUMBER_WORDS = _rx("hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "trăm", "nghìn", "ngàn", "vạn",
                    "triệu", "tỷ", "tỉ", "đầu tiên", "lần đầu", "duy nhất", "gấp đôi", "gấp ba", "nửa", "phân nửa")
_YEAR_RE = re.compile(r"(?<![\d/.,])(?:19|20)\d\d(?:\s*[-–—/]\s*(?:19|20)?\d\d)?(?![\d/.,]\d)")
_PLACE_PREFIX = re.compile(r"^[^:\n]{1,30}:\s*")


def _delegation(folded: str, m: re.Match) -> bool:
    """"đoàn công tác" (a delegation) and "chuyến công tác" (a trip) are not report-speak."""
    return m.group().startswith("công tác") and bool(
        re.search(r"(?:đoàn|chuyến|đi|nhóm|tổ|chuyến đi)\s+$", folded[max(0, m.start() - 12):m.start()]))


def _concrete(headline_text: str, folded: str) -> bool:
    """A figure, a date or "đầu tiên"; a bare year ("năm học 2025–2026") is not news."""
    # A small number after a capitalised word is part of a name ("Trường Tiểu học Hòa Khánh 2").
    text = _NAME_NUMBER_RE.sub(lambda m: m.group(1) if m.group(1)[0].isupper() else m.group(0),
                               _YEAR_RE.sub(" ", headline_text))
    return bool(re.search(r"\d", text)) or bool(_NUMBER_WORDS.search(folded))


_NAME_NUMBER_RE = re.compile(r"([^\W\d_]+)\s+\d{1,2}(?![\d.,%/])")


@RUBRIC.criterion(
    "headline",
    label=N_("Headline says the news"),
    weight=15,
    source="domain.md §4 [S10]: the headline comes first and states the news; K. Blake (MTSU).",
    passes=[
        "Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ\n\nSáng 14/9, Sở Giáo dục và Đào tạo Nghệ An "
        "trao 1.240 suất học bổng cho học sinh vùng lũ.",
        "Hà Nội mở thư viện ngoài trời đầu tiên cho học sinh tiểu học\n\nSáng nay, Trường Tiểu học Kim Liên "
        "khai trương thư viện ngoài trời.",
    ],
    fails=[
        "Tích cực chuẩn bị cho năm học mới\n\nSáng nay, Sở Giáo dục và Đào tạo họp bàn kế hoạch năm học.",
        "Hội nghị tổng kết năm học\n\nSáng nay, Sở Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học.",
        "Thông tin về kết quả kỳ thi tốt nghiệp năm 2026\n\nBộ Giáo dục và Đào tạo công bố kết quả thi.",
    ],
)
def headline(d: Draft) -> Finding:
    """The headline says the news: who did what, with a concrete element (a figure, a
    date, "đầu tiên"), in at most about 25 syllables (tiếng).

    Why: journalists decide from the headline alone whether to read on (domain.md §4,
    [S10]). Fails: no headline line; a label instead of news ("Thông tin về…", "Hoạt
    động…", "Hội nghị…" with no figure); report clichés ("tích cực…", "triển khai nhiệm
    vụ", "công tác", "tổ chức thành công"); a generic action with a generic object and no
    figure ("tổ chức cuộc thi"). Fraction: 0.3 for a cliché headline (0.6 when it still
    carries a figure), 0.4 for a generic action, 0.9 when there is simply no figure or
    date (a bare year does not count); times 0.8 over 25 tiếng, 0.5 over 35.
    Weight 15 of 100.
    """
    lay = layout(d)
    h = lay.headline
    if h is None:
        return Finding(0.0, _("There is no headline: start the release with one short line that says the news "
                              "(who did what, with a figure)."))
    text = h.text.strip()
    f = d.folded[h.start:h.end].strip()
    after_place = f[_PLACE_PREFIX.match(f).end():] if _PLACE_PREFIX.match(f) else f
    concrete = _concrete(text, f)
    frac = 1.0
    msg = ""
    label = _LABEL_OPENERS.match(after_place) or _LABEL_OPENERS.match(f)
    cliche = next((m for m in _CLICHES.finditer(f) if not _delegation(f, m)), None)
    weak = None if concrete else (_WEAK_WORDS.search(f) or _SLOGAN_OPENERS.match(after_place))
    vague = label or cliche or weak
    if vague:
        # a cliché next to a real figure still costs, but less than a headline of clichés only
        frac = 0.6 if concrete else 0.3
        msg = t("The headline (“{headline}”) reads like a report title (“{word}”), not news. Say who did what, "
                "with a concrete element: “Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ”.",
                headline=_excerpt(text, 10), word=vague.group())
    elif not concrete and (_EVENT_OPENERS.match(after_place) or _GENERIC_ACTION.search(f)):
        frac = 0.4
        msg = t("The headline (“{headline}”) names an event or a routine action but not the news. Say what "
                "happened or changes, with a figure or a date.", headline=_excerpt(text, 10))
    elif not concrete:
        frac = 0.9
        msg = _("The headline has no figure or date: a concrete element (how many, when, the first…) makes "
                "it news.")
    syl = count_syllables(text)
    if syl > 35:
        frac *= 0.5
    elif syl > 25:
        frac *= 0.8
    if syl > 25:
        long_msg = t("The headline has {n} syllables: keep it under 25 so it reads at a glance.", n=syl)
        msg = f"{msg} {long_msg}".strip()
    return Finding(frac, msg, ((h.start, h.end),) if frac < 1 else ())


# --------------------------------------------------------------------------- lead

_BACKGROUND_OPENERS = _rx(
    "thực hiện", "căn cứ", "triển khai kế hoạch", "triển khai công văn", "triển khai chỉ thị",
    "triển khai nghị quyết", "triển khai quyết định", "triển khai chỉ đạo", "trong những năm qua",
    "trong những năm gần đây", "những năm qua", "những năm gần đây", "trong nhiều năm qua", "nhiều năm qua",
    "trong các năm qua", "thời gian qua", "thời gian gần đây", "trong thời gian qua", "trong thời gian gần đây",
    "nhằm", "với mục tiêu", "với mục đích", "để góp phần", "để nâng cao", "để thực hiện", "để đẩy mạnh",
    "hưởng ứng", "quán triệt", "được sự quan tâm", "được sự chỉ đạo", "được sự đồng ý", "dưới sự chỉ đạo",
    "dưới sự lãnh đạo", "theo kế hoạch", "như chúng ta đã biết", "như chúng ta biết", "có thể nói",
    "ai cũng biết", "từ lâu", "từ bao đời", "trong không khí", "trong những ngày", "trước đây", "trước kia",
    "năm ngoái", "năm trước", "năm học trước", "những năm trước", "lâu nay", "từ trước đến nay", "xuất phát từ",
    "trong bối cảnh", "bên cạnh đó", "là một trong", "xác định", "nhận thức được", "với phương châm",
    "với tinh thần", "phát huy",
)
# "Năm 2026 là năm thứ hai…", "Hội khỏe Phù Đổng là hoạt động…": a definition, not news.
_DEFINITION_RE = re.compile(
    r"^[^.,;:!?\n]{0,80}?\s" + fold(r"là\s+(?:một\s+)?(?:năm thứ|lần thứ|năm học|hoạt động|dịp|sự kiện|"
                                   r"chương trình|ngày hội|phong trào|nhiệm vụ|một trong|giải pháp|chủ trương|"
                                   r"cuộc thi|hội thi)") + _NA
)
_PAST_YEAR_RE = re.compile(r"^\s*" + fold("năm") + r"\s+((?:19|20)\d\d)\s*,")
_TIME_WORDS = _rx(
    "hôm nay", "sáng nay", "trưa nay", "chiều nay", "tối nay", "đêm nay", "hôm qua", "sáng qua", "chiều qua",
    "tối qua", "vừa", "vừa qua", "mới đây", "tuần này", "tuần tới", "tuần sau", "tháng này", "tháng tới",
    "tháng sau", "năm nay", "năm tới", "sắp tới", "ngày mai", "sáng mai", "chiều mai", "tới đây", "sáng",
    "chiều", "tối", "từ ngày", "đầu tuần", "cuối tuần", "hằng năm", "năm học này", "năm học tới", "sắp",
)
_LEAD_MAX = 35  # tiếng in the lead sentence (K. Blake: ≤ 30 words; a dateline adds a few)
_NUM_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*")
_STOP = frozenset(fold(w) for w in (
    "và của cho các những một có được là ở tại với trong từ đến sau trước về theo đã sẽ đang này đó khi "
    "thì mà như người năm ngày tháng mới nhiều hơn rất cũng vào ra lên xuống không chưa để do bị".split()
))


def _num_values(text: str) -> list[float]:
    """Numbers written in ``text`` (Vietnamese format), years and numbers under 10 left out."""
    out = []
    for m in _NUM_TOKEN_RE.finditer(text):
        raw = m.group()
        if "/" in text[max(0, m.start() - 1):m.end() + 1]:
            continue  # part of a date
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
            v = float(raw.replace(".", ""))
        else:
            try:
                v = float(raw.replace(".", "").replace(",", "."))
            except ValueError:
                continue
        if v < 10 or (len(raw) == 4 and raw.isdigit() and 1900 <= v <= 2099):
            continue
        out.append(v)
    return out


def _same_number(a: float, b: float) -> bool:
    """A headline rounds: 96% stands for 96,4%."""
    return abs(a - b) <= max(1.0, 0.02 * max(a, b)) if min(a, b) >= 10 else a == b


def _content_words(folded: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", folded) if w not in _STOP}


@RUBRIC.criterion(
    "lead",
    label=N_("Lead gives the news"),
    weight=15,
    source="domain.md §4 [S10]: the lead answers 5W1H in one sentence of at most about 30 words (K. Blake).",
    passes=[
        "Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ\n\nNghệ An, ngày 14/9/2026 – Sở Giáo dục và Đào "
        "tạo Nghệ An sáng nay trao 1.240 suất học bổng cho học sinh vùng lũ. Lễ trao diễn ra tại Tương Dương.",
    ],
    fails=[
        "Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ\n\nThực hiện Kế hoạch của Ủy ban nhân dân tỉnh về "
        "công tác khuyến học, nhằm chăm lo cho học sinh vùng lũ, Sở Giáo dục và Đào tạo đã vận động các nhà "
        "hảo tâm.\n\nSáng nay, Sở trao 1.240 suất học bổng cho học sinh vùng lũ.",
        "Trường Tiểu học Kim Liên mở thư viện ngoài trời\n\nTrong những năm qua, việc đọc sách của học sinh "
        "luôn được nhà trường quan tâm.",
    ],
)
def lead(d: Draft) -> Finding:
    """The first paragraph after the headline (and dateline) gives the news: who did
    what, when and where, in a first sentence of at most about 35 syllables (tiếng).

    Why: journalists use the lead as it stands; background belongs lower (inverted
    pyramid, domain.md §4 [S10]). Fails: the lead opens with background ("Thực hiện Kế
    hoạch…", "Trong những năm qua…", "Nhằm…", "Với mục tiêu…", "Trước đây…", "X là năm
    thứ hai…") — 0.25; the headline's figures (or most of its words) appear only in a
    later paragraph, i.e. the news is buried — 0.3; no "when" (date, "sáng nay", "vừa…")
    and no dateline, or no "who/where" (a proper name) — minus 0.25 each; a first
    sentence over 35 tiếng — minus 0.25 (over 45: minus 0.5). Weight 15 of 100.
    """
    lay = layout(d)
    p = lay.lead
    if p is None:
        return Finding(0.0, _("There is no lead paragraph: after the headline, write one sentence that says who "
                              "did what, when and where."))
    ls, le = lay.lead_start, p.end
    text = d.text[ls:le]
    f = d.folded[ls:le]
    first = next((s for s in p.sentences if s.end > ls), None)
    first_text = d.text[max(ls, first.start):first.end] if first else text
    first_syl = count_syllables(first_text)
    span = ((ls, first.end if first else le),)
    problems: list[str] = []
    frac = 1.0
    lead_excerpt = _excerpt(first_text, 8)
    stripped = f.lstrip(" \t“\"(")
    bg = _BACKGROUND_OPENERS.match(stripped)
    if bg is None:
        dm = _DEFINITION_RE.match(stripped)
        if dm is not None and not re.search(r"\d", stripped[:dm.end()]) or (
                dm is not None and re.match(r"(?:năm|đây)\b", stripped)):
            bg = dm
    if bg is None:
        pm = _PAST_YEAR_RE.match(stripped)
        if pm is not None:
            years = [dt.year for dt in d.dates
                     if dt.year and lay.dateline and lay.dateline[0] <= dt.start < lay.dateline[1]]
            ref_year = max(years) if years else max((dt.year for dt in d.dates if dt.year), default=0)
            if int(pm.group(1)) < ref_year:
                bg = pm
    if bg is not None:
        first_folded = d.folded[max(ls, first.start):first.end] if first else f
        if first_syl <= 45 and _news_in(d, lay, first_folded):
            # the news is there, behind a preamble ("Nhằm hỗ trợ…, Sở … trao 1.240 suất…")
            frac = min(frac, 0.6)
            problems.append(t("The lead opens with a preamble (“{opening}…”) before the news. Start with who did "
                              "what; put the purpose or the context after it.",
                              opening=d.text[ls:ls + bg.end()].strip()))
        else:
            frac = min(frac, 0.25)
            problems.append(t("The lead (“{lead}”) opens with background, not news. Start with what happened: who "
                              "did what, when and where; move the context lower.", lead=lead_excerpt))
    else:
        buried = _buried(d, lay)
        if buried:
            frac = min(frac, 0.3)
            if buried[0] == "figures":
                problems.append(t("The news is buried: the headline's figures first appear in paragraph {n}, not "
                                  "in the lead. Put the news in the first paragraph.", n=buried[1]))
            else:
                problems.append(t("The news is buried: the headline's key words first appear in paragraph {n}, "
                                  "not in the lead. Put the news in the first paragraph.", n=buried[1]))
    if lay.dateline is None and not any(ls <= dt.start < le for dt in d.dates) and not _TIME_WORDS.search(f):
        frac -= 0.25
        problems.append(_("The lead does not say when: add the date or “sáng nay”, or a dateline "
                          "(“Hà Nội, ngày 4/7/2026 –”)."))
    proper = _names_someone(d.text[ls:le]) or (
        lay.dateline is not None and any(c.isupper() for c in d.text[lay.dateline[0]:lay.dateline[1]]))
    if not proper:
        frac -= 0.25
        problems.append(_("The lead names no one and no place: say who (the Sở, the school, the person) and "
                          "where."))
    if first_syl > 45:
        frac -= 0.5
    elif first_syl > _LEAD_MAX:
        frac -= 0.25
    if first_syl > _LEAD_MAX:
        problems.append(t("The lead's first sentence has {n} syllables: keep it under {max}, one idea.",
                          n=first_syl, max=_LEAD_MAX))
    frac = max(0.0, frac)
    return Finding(frac, " ".join(problems), span if frac < 1 else ())


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…:]\s+|[\n“\"«(]\s*)$")


def _names_someone(text: str) -> bool:
    """A capitalised word that does not open a sentence (a body, a person, a place), or an
    acronym: "Sở…", "Trường…", "Quảng Trị", "UBND"."""
    for m in _WORD_RE.finditer(text):
        w = m.group()
        if not w[0].isupper():
            continue
        if sum(map(str.isupper, w)) >= 2 or not _SENTENCE_START_RE.search(text, max(0, m.start() - 3), m.start()):
            return True
    return False


def _news_in(d: Draft, lay: Layout, folded_sentence: str) -> bool:
    """Whether a sentence carries the headline's news: its figure, or most of its words."""
    h = lay.headline
    if h is None:
        return False
    hnums = _num_values(h.text)
    if hnums and any(_same_number(a, b) for a in hnums for b in _num_values(folded_sentence)):
        return True
    hw = _content_words(d.folded[h.start:h.end])
    return len(hw) >= 4 and len(hw & _content_words(folded_sentence)) / len(hw) >= 0.6


def _has_day(d: Draft, start: int, end: int) -> bool:
    """A dated event (a day, not only a year) is mentioned between ``start`` and ``end``."""
    return any(start <= m.start < end and (m.day is not None or m.part_of_day) for m in d.dates)


def _buried(d: Draft, lay: Layout) -> tuple[str, int] | None:
    """(what, paragraph number) when the headline's content shows up later, not in the lead."""
    h, p = lay.headline, lay.lead
    if h is None or p is None:
        return None
    later = [q for q in lay.body[1:4]]
    if not later:
        return None
    lead_text = d.text[lay.lead_start:p.end]
    hw = _content_words(d.folded[h.start:h.end])
    lead_share = len(hw & _content_words(d.folded[lay.lead_start:p.end])) / len(hw) if hw else 0.0
    hnums = _num_values(h.text)
    if hnums:
        lead_nums = _num_values(lead_text)
        if not any(_same_number(a, b) for a in hnums for b in lead_nums):
            for k, q in enumerate(later, start=2):
                qn = _num_values(q.text)
                # Buried only where the later paragraph tells the headline's news better than
                # the lead does; a detail list that repeats the figure is fine.
                q_share = len(hw & _content_words(d.folded[q.start:q.end])) / len(hw) if hw else 0.0
                if any(_same_number(a, b) for a in hnums for b in qn) and (
                        q_share > lead_share or (_has_day(d, q.start, q.end) and not _has_day(d, lay.lead_start, p.end))):
                    return ("figures", k)
    if len(hw) < 4:
        return None
    for k, q in enumerate(later, start=2):
        share = len(hw & _content_words(d.folded[q.start:q.end])) / len(hw)
        if lead_share < 0.4 and share >= lead_share + 0.35:
            return ("words", k)
    return None


# --------------------------------------------------------------------------- sentence length

_LONG = 30  # tiếng: "> 30 very hard" (domain.md §4 [S11])
_VERY_LONG = 40


def _counted_sentences(d: Draft, lay: Layout):
    """Body sentences with their syllable counts: headings, the headline, dateline lines and
    the contact block are left out; an inline dateline does not count towards the lead."""
    out = []
    skip_end = lay.headline.end if lay.headline is not None else 0
    cs = lay.contact.start if lay.contact is not None else None
    ce = lay.contact.end if lay.contact is not None else None
    for para in d.paragraphs:
        if para.end <= skip_end or para.kind == "heading":
            continue
        if cs is not None and para.start >= _line_start(d.text, cs) and para.start < ce:
            continue
        if lay.dateline is not None and lay.dateline[0] == para.start and lay.dateline[1] >= para.end - 1:
            continue
        for s in para.sentences:
            syl = s.syllables
            start = s.start
            if lay.dateline is not None and s.start < lay.dateline[1] <= s.end:
                start = lay.dateline[1]
                syl = count_syllables(d.text[start:s.end])
            out.append((s, syl, start))
    return out


@RUBRIC.criterion(
    "sentence_length",
    label=N_("Short sentences"),
    weight=12,
    source="domain.md §4 [S11]: Vietnamese journalism teaching — at most 20 tiếng; 25–30 hard, over 30 very hard.",
    passes=[
        "Sở Giáo dục và Đào tạo trao 500 suất học bổng. Mỗi suất trị giá 2 triệu đồng. Học sinh nhận tiền "
        "trước ngày 20/9.",
    ],
    fails=[
        "Mỗi suất học bổng trị giá 2 triệu đồng, tổng cộng 2,48 tỷ đồng, do Quỹ Khuyến học tỉnh và 14 doanh "
        "nghiệp trong tỉnh đóng góp, em nào không dự lễ sẽ nhận qua tài khoản của cha mẹ trước ngày 20/9, còn "
        "danh sách do nhà trường lập, có xác nhận của Ủy ban nhân dân xã về mức thiệt hại của từng gia đình.",
    ],
)
def sentence_length(d: Draft) -> Finding:
    """Sentences stay short: the share of sentences over 30 syllables (tiếng) is small and
    none runs past 40.

    Why: Vietnamese journalism teaching puts a readable sentence at 20 tiếng or fewer;
    25–30 is hard and over 30 very hard (domain.md §4 [S11]). Counted: body sentences,
    not headings, the headline, the dateline or the contact block. Fraction: 1 − 1.5 ×
    (share of sentences over 30, those of 31–35 counting half, over at least 10
    sentences) − 0.2 per sentence of 41–50 − 0.3 per sentence over 50.
    The message names each long sentence (number, opening words, length). Weight 12 of 100.
    """
    lay = layout(d)
    sents = _counted_sentences(d, lay)
    if not sents:
        return Finding(1.0, _("There are no sentences to measure yet."), (), False)
    long = [(s, n, st) for s, n, st in sents if n > _LONG]
    if not long:
        return Finding.ok()
    # 31–35 tiếng is hard rather than very hard: half weight. A short draft is not
    # punished more for one long sentence: the share is taken over at least 10 sentences.
    weighted = sum(0.5 if n <= 35 else 1.0 for _s, n, _st in long)
    penalty = 1.5 * weighted / max(len(sents), 10)
    for _s, n, _st in long:
        if n > 50:
            penalty += 0.3
        elif n > _VERY_LONG:
            penalty += 0.2
    frac = max(0.0, 1.0 - penalty)
    worst = sorted(long, key=lambda x: -x[1])[:3]
    parts = [t("sentence {i} (“{start}”, {n} syllables)", i=d.sentence_number(s),
               start=_excerpt(d.text[st:s.end], 5), n=n)
             for s, n, st in sorted(worst, key=lambda x: x[0].start)]
    msg = t("{count} of {total} sentences are over {limit} syllables: {list}. Split them: one idea per "
            "sentence, about 20 syllables.", count=len(long), total=len(sents), limit=_LONG, list="; ".join(parts))
    return Finding(frac, msg, tuple((st, s.end) for s, _n, st in long))


# --------------------------------------------------------------------------- acronyms

#: Known to any Vietnamese reader beyond ``kit.text.entities.COMMON``: tests, tech, media.
EXTRA_KNOWN = frozenset("AI IT IELTS TOEIC TOEFL SAT WIFI QR USB GPS LED SOS ID OTP MC VIP VTV VOV TTXVN".split())
_KNOWN = frozenset(COMMON) | EXTRA_KNOWN


def _undefined(d: Draft, lay: Layout):
    """First body uses of acronyms neither known (with :data:`EXTRA_KNOWN`) nor defined
    before; the headline is passed over, since the body may define what it uses."""
    span = (lay.headline.start, lay.headline.end) if lay.headline is not None else None
    return entities.undefined_acronyms(d.text, known=_KNOWN, ignore=span)


@RUBRIC.criterion(
    "acronyms",
    label=N_("Acronyms explained"),
    weight=8,
    source="domain.md §4 [S10]: a release is read by outsiders; spell out each acronym at first use "
           "(kit.text.entities: COMMON lists those every reader knows).",
    passes=[
        "Sở Giáo dục và Đào tạo (GD&ĐT) Nghệ An trao học bổng. Sở GD&ĐT cho biết sẽ trao thêm 500 suất.",
        "Cuộc thi giáo dục STEM (khoa học, công nghệ, kỹ thuật và toán học) thu hút 146 đội từ các trường THPT.",
    ],
    fails=[
        "Sở GD&ĐT Nghệ An trao học bổng cho học sinh vùng lũ. Mỗi suất trị giá 2 triệu đồng.",
    ],
)
def acronyms(d: Draft) -> Finding:
    """Each acronym is spelled out at its first use in the body ("Sở Giáo dục và Đào tạo
    (GD&ĐT)", "STEM (khoa học, công nghệ, kỹ thuật và toán học)"), unless every reader
    knows it (UBND, THPT, THCS, TP.HCM, COVID-19, IELTS…).

    Why: journalists and parents do not share the sector's shorthand (domain.md §4).
    Counted: acronym keys (GD&ĐT = GDĐT) whose first body use comes before any
    definition; the headline is left out (the body may define it), lines in capitals
    too. Fraction: 1 with none, 0.5 with one, 0.25 with two, 0 with three or more.
    Weight 8 of 100.
    """
    lay = layout(d)
    und = _undefined(d, lay)
    if not und:
        return Finding.ok()
    n = len(und)
    frac = {1: 0.5, 2: 0.25}.get(n, 0.0)
    names = ", ".join(u.short for u in und[:5])
    msg = t("{n} acronym(s) used without being spelled out first: {names}. At the first use write the full "
            "name with the acronym in brackets: “Sở Giáo dục và Đào tạo (GD&ĐT)”.", n=n, names=names)
    return Finding(frac, msg, tuple((u.start, u.end) for u in und))


# --------------------------------------------------------------------------- plain language

#: Stock phrases of official reports that carry no information (folded, lower case).
#: Grouped by kind; each entry lists its usual variants.
STOCK_PHRASES: tuple[str, ...] = (
    # mood of the event
    r"(?:trong )?không khí (?:vui tươi|phấn khởi|trang trọng|sôi nổi|tưng bừng|hân hoan|ấm cúng|thân mật|"
    r"hồ hởi|náo nức|rộn ràng|vui vẻ|hào hứng|thi đua sôi nổi|đầm ấm|phấn khởi, tự hào)",
    r"phấn khởi", r"hân hoan", r"tưng bừng", r"nô nức", r"hồ hởi", r"khôn xiết", r"vỡ òa",
    r"không giấu (?:nổi|được) niềm vui",
    # intensifiers and empty evaluations
    r"hết sức (?:quan trọng|ý nghĩa|thiết thực|cần thiết|to lớn|sâu sắc|đáng tự hào|cấp bách|vinh dự|tự hào|"
    r"nặng nề|chu đáo|đáng trân trọng|cảm động|xúc động|thuận lợi|đáng mừng|quý báu|trân trọng|nghiêm túc|"
    r"khẩn trương|tích cực|hiệu quả|thành công)",
    r"(?:có |mang )?ý nghĩa (?:to lớn|quan trọng|sâu sắc|thiết thực|lớn lao|đặc biệt|nhân văn)",
    r"(?:việc làm|món quà|hoạt động|chương trình) (?:hết sức )?(?:ý nghĩa|thiết thực|bổ ích)",
    r"thiết thực", r"bổ ích", r"sâu rộng", r"đáng tự hào", r"niềm tự hào", r"đúng đắn", r"khởi sắc",
    r"vượt bậc", r"nhân văn sâu sắc", r"giàu tính nhân văn", r"đầy tính nhân văn",
    r"đa dạng,? phong phú", r"phong phú,? đa dạng", r"phong phú và đa dạng", r"đa dạng và phong phú",
    r"hấp dẫn,? kịch tính", r"kịch tính,? hấp dẫn", r"gay cấn", r"hứa hẹn (?:sẽ )?mang lại",
    r"(?:ấn tượng|dấu ấn) (?:sâu sắc|tốt đẹp|đậm nét|khó phai)", r"để lại (?:nhiều )?(?:dấu ấn|ấn tượng)",
    r"(?:có )?bước (?:phát triển|tiến) (?:mới|vượt bậc|rõ nét|đáng kể|quan trọng)",
    r"(?:nhiều )?chuyển biến (?:tích cực|rõ nét|mạnh mẽ)",
    r"ngày càng (?:được )?(?:nâng cao|phát triển|khẳng định|hoàn thiện|lớn mạnh)",
    r"được (?:giữ vững|duy trì) và (?:phát huy|nâng cao)",
    r"một cách (?:sâu sắc|toàn diện|hiệu quả|nghiêm túc|thiết thực|bài bản|đồng bộ)",
    r"(?:nghiêm túc|thiết thực),? hiệu quả", r"hiệu quả,? thiết thực",
    r"trên (?:tất cả )?các (?:mặt|lĩnh vực)", r"về mọi mặt", r"toàn diện trên",
    r"thành công tốt đẹp", r"(?:đạt|đạt được) kết quả tốt đẹp", r"tốt đẹp",
    r"(?:diễn ra|tổ chức) thành công",
    r"đạt (?:được )?nhiều (?:kết quả|thành tích|thành tựu)(?: (?:quan trọng|tích cực|đáng khích lệ|nổi bật|"
    r"to lớn|đáng ghi nhận|toàn diện|xuất sắc))?",
    r"hoàn thành xuất sắc",
    # effort and attention
    r"quán triệt(?: sâu sắc)?",
    r"(?:nhằm |để )?góp phần(?: (?:nâng cao|thực hiện(?: thắng lợi)?|xây dựng|đẩy mạnh|tích cực))?",
    r"thực hiện thắng lợi", r"long trọng(?: tổ chức)?", r"đông đảo", r"nhiệt liệt(?: chào mừng| hưởng ứng)?",
    r"(?:sự )?quan tâm sâu sắc", r"thể hiện sự quan tâm", r"sự quan tâm,? (?:lãnh đạo,? )?chỉ đạo",
    r"lãnh đạo,? chỉ đạo", r"sát sao",
    r"(?:đẩy mạnh|tăng cường) công tác",
    r"tích cực (?:tham gia|triển khai|chuẩn bị|hưởng ứng|vào cuộc|thực hiện|phối hợp|tuyên truyền|khắc phục|"
    r"theo dõi|chỉ đạo|đổi mới|ủng hộ|hỗ trợ|tổ chức|đóng góp|tìm hiểu|ứng phó|hợp tác|rèn luyện|đẩy mạnh|"
    r"tham mưu|vận động|giúp đỡ|chăm lo)",
    r"(?:đã|sẽ|đang|cần|phải|hãy|luôn|tiếp tục|cùng|đều) tích cực",
    r"(?:khẩn trương |quyết liệt )?vào cuộc(?: quyết liệt| đồng bộ)?", r"quyết liệt", r"cả hệ thống chính trị",
    r"không ngừng (?:nỗ lực|cố gắng|nâng cao|đổi mới|phấn đấu|vươn lên|lớn mạnh)", r"nỗ lực,? cố gắng",
    r"sự nỗ lực", r"phát huy (?:tinh thần|truyền thống)", r"tinh thần trách nhiệm cao",
    r"ghi nhận,? biểu dương", r"chuẩn bị chu đáo", r"đi vào (?:chiều sâu|thực chất|nề nếp)",
    r"chủ trương đúng đắn",
    # the audience and the guests
    r"với sự tham dự của", r"với sự tham gia của (?:đông đảo|các đồng chí|đại diện)",
    r"(?:tới|về|đến) dự (?:[^.,;:\n]{0,40}? )?có (?:các |sự )?(?:đồng chí|lãnh đạo|đại diện)",
    r"các đồng chí(?: lãnh đạo)?", r"đồng chí lãnh đạo",
    r"nhận được sự (?:quan tâm|hưởng ứng|ủng hộ)", r"(?:hưởng ứng|tham gia) nhiệt tình", r"nhiệt tình hưởng ứng",
    r"sự hưởng ứng (?:nhiệt tình|tích cực|đông đảo)",
    r"sân chơi (?:bổ ích|lành mạnh|hữu ích|trí tuệ)",
    # spreading and solidarity
    r"(?:tạo (?:được )?|có )?(?:hiệu ứng |sức )lan tỏa(?: (?:mạnh mẽ|sâu rộng|lớn|tích cực))?",
    r"lan tỏa (?:mạnh mẽ|sâu rộng|rộng rãi)",
    r"chung tay(?:,? góp sức)?", r"tương thân,? tương ái", r"lá lành đùm lá rách", r"tấm lòng vàng",
    r"nghĩa cử cao đẹp", r"tấm lòng nhân ái", r"vinh dự (?:được|đón|nhận)",
    r"bề dày (?:truyền thống|thành tích)", r"truyền thống vẻ vang",
)
_STOCK_RE = re.compile(
    _NB + "(?:" + "|".join(fold(p).replace(" ", r"\s+") for p in STOCK_PHRASES) + ")" + _NA
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def _leading_words(pattern: str) -> set[str]:
    """The words a stock pattern can start with ("(?:có |mang )?ý nghĩa…" → có, mang, ý)."""
    if pattern.startswith("(?:"):
        depth, i = 0, 0
        for i, ch in enumerate(pattern):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                break
        group, rest = pattern[3:i], pattern[i + 1:]
        alts, depth, cur = [], 0, ""
        for ch in group:
            if ch == "|" and depth == 0:
                alts.append(cur)
                cur = ""
                continue
            depth += ch == "("
            depth -= ch == ")"
            cur += ch
        alts.append(cur)
        out = set().union(*(_leading_words(a + rest.lstrip("?")) for a in alts))
        if rest.startswith("?"):
            out |= _leading_words(rest[1:])
        return out
    m = _WORD_RE.match(pattern)
    return {m.group()} if m else set()


def _stock_buckets() -> dict[str, re.Pattern[str]]:
    """For each word a stock phrase can start with, a pattern of just those phrases."""
    buckets: dict[str, list[str]] = {}
    for p in STOCK_PHRASES:
        fp = fold(p)
        for w in _leading_words(fp):
            buckets.setdefault(w, []).append(fp.replace(" ", r"\s+"))
    return {w: re.compile("(?:" + "|".join(ps) + ")" + _NA) for w, ps in buckets.items()}


_STOCK_BUCKETS = _stock_buckets()
_STOCK_FIRST_RE = re.compile(
    _NB + "(?:" + "|".join(re.escape(w) for w in sorted(_STOCK_BUCKETS, key=len, reverse=True)) + ")" + _NA
)


def _stock_matches(folded: str) -> list[re.Match]:
    """Non-overlapping stock phrases, leftmost first. Each phrase is tried only where a word
    that can start it begins, against the few phrases starting with that word (one long
    alternation tried at every character is several times slower)."""
    out = []
    nxt = 0
    for w in _STOCK_FIRST_RE.finditer(folded):
        if w.start() < nxt:
            continue
        m = _STOCK_BUCKETS[w.group()].match(folded, w.start())
        if m is not None:
            out.append(m)
            nxt = m.end()
    return out


_STOCK_SCALE = 16.0  # phrases per 1,000 tiếng at which the criterion reaches 0


def _quote_mask(d: Draft) -> list[tuple[int, int]]:
    return quoted_spans(d.text)


@RUBRIC.criterion(
    "plain_language",
    label=N_("Plain words, no stock phrases"),
    weight=12,
    source="domain.md §4 [S10], §7: a release is written for the press and the public; the stock phrases of "
           "official reports (“long trọng”, “đông đảo”, “hết sức quan trọng”) carry no information.",
    passes=[
        "Sở Giáo dục và Đào tạo trao 1.240 suất học bổng cho học sinh vùng lũ. Mỗi suất trị giá 2 triệu đồng.",
    ],
    fails=[
        "Trong không khí vui tươi, phấn khởi, Sở long trọng tổ chức lễ trao học bổng. Đông đảo phụ huynh tới "
        "dự. Đây là việc làm hết sức ý nghĩa, nhằm góp phần nâng cao chất lượng giáo dục.",
    ],
)
def plain_language(d: Draft) -> Finding:
    """No stock phrases of official writing ("trong không khí vui tươi, phấn khởi", "hết sức
    quan trọng", "quán triệt sâu sắc", "nhằm góp phần nâng cao", "long trọng tổ chức",
    "đông đảo", "với sự tham dự của các đồng chí", "tạo sức lan tỏa mạnh mẽ"…: see
    :data:`STOCK_PHRASES`, about 90 patterns with their variants).

    Why: they fill a release without telling the press anything (domain.md §4, §7).
    Counted per 1,000 syllables (tiếng) of the draft, outside quotation marks (a
    speaker's own words and quoted names are theirs). Fraction: 1 − rate/16, at least 0.8 with a single phrase.
    Weight 12 of 100.
    """
    quotes = _quote_mask(d)
    q_starts = [qs for qs, _qe in quotes]
    hits = []
    for m in _stock_matches(d.folded):
        i = bisect_right(q_starts, m.start()) - 1
        if i >= 0 and m.start() < quotes[i][1]:
            continue
        hits.append(m)
    if not hits:
        return Finding.ok()
    syl = max(d.doc.syllables, 200)
    rate = 1000 * len(hits) / syl
    frac = max(0.0, 1 - rate / _STOCK_SCALE)
    if len(hits) == 1:
        frac = max(frac, 0.8)
    shown = []
    for m in hits:
        w = d.text[m.start():m.end()]
        if w.lower() not in (s.lower() for s in shown):
            shown.append(w)
    msg = t("{n} stock phrase(s) that tell the reader nothing: {phrases}. Replace each with a fact (who, how "
            "many, what changes) or delete it.", n=len(hits), phrases=", ".join(f"“{s}”" for s in shown[:6]))
    return Finding(frac, msg, tuple((m.start(), m.end()) for m in hits))


# --------------------------------------------------------------------------- quote

_INDIRECT_RE = re.compile(_NB + fold(r"(?:theo|cho biết|nhấn mạnh|khẳng định|chia sẻ|cho rằng|nhận định)") + _NA)


@RUBRIC.criterion(
    "quote",
    label=N_("Quote from a named official"),
    weight=13,
    source="domain.md §4 [S10]: a release carries a quote from a named official; NĐ 244/2026: the press must "
           "be able to name who speaks for the agency.",
    passes=[
        "“Số tiền này đủ để các em mua sách vở đầu năm học”, bà Hồ Thị Minh Nguyệt, Phó Giám đốc Sở Giáo dục "
        "và Đào tạo, cho biết.",
        "Ông Lý Seo Chẩn, Phó Giám đốc Sở, nói: “Giờ các em được ở, ăn và học trong một khuôn viên.”",
    ],
    fails=[
        "Đại diện Sở Giáo dục và Đào tạo cho biết: “Phát triển văn hóa đọc là nhiệm vụ lâu dài của nhà trường.”",
        "Sở Giáo dục và Đào tạo trao 1.240 suất học bổng cho học sinh vùng lũ.",
    ],
)
def quote(d: Draft) -> Finding:
    """A direct quote (“…”, "…", «…») credited to a named person with a title ("bà Hồ Thị
    Minh Nguyệt, Phó Giám đốc Sở GD&ĐT, cho biết"; title before or after the name; a
    later "ông Hưng nói" inherits the title given earlier).

    Why: a named official's words make a release quotable and accountable (domain.md §4
    [S10]; NĐ 244/2026 on who speaks for an agency). Fraction: 1 for a named, titled
    speaker; 0.7 named without a title; 0.5 for a quote credited to a role ("Đại diện nhà
    trường", "lãnh đạo Sở", "một cán bộ") or to no one; 0.3 for indirect speech only
    (no quotation marks); 0 without any. Weight 13 of 100.
    """
    people, quotes = _people_quotes(d)
    if quotes:
        best = max(quotes, key=lambda q: {"titled": 3, "named": 2, "role": 1}.get(q.attribution, 0))
        span = ((best.start, best.end),) + (((best.cue_start, best.cue_end),) if best.cue_start >= 0 else ())
        if best.attribution == "titled":
            return Finding.ok()
        if best.attribution == "named":
            return Finding(0.7, t("The quote is credited to {name} without a title: add the position (“{name}, "
                                  "Phó Giám đốc Sở GD&ĐT, cho biết”).", name=best.speaker.name), span)
        if best.attribution == "role":
            return Finding(0.5, _("The quote is credited to a role, not a person (“đại diện…”, “lãnh đạo…”): "
                                  "name the speaker and give their title, e.g. “bà Hồ Thị Minh Nguyệt, Phó Giám "
                                  "đốc Sở GD&ĐT, cho biết”."), span)
        return Finding(0.5, _("The quote is not credited to anyone: say who said it, with name and title."), span)
    titled = [p for p in people if p.titled and p.official]
    for p in titled:
        window = d.folded[max(0, p.start - 20):min(len(d.text), p.end + 40)]
        if _INDIRECT_RE.search(window):
            return Finding(0.3, t("{name} is reported in indirect speech only: give one or two sentences in "
                                  "their own words, in quotation marks.", name=p.name), ((p.start, p.end),))
    return Finding(0.0, _("There is no quote: add one or two sentences in quotation marks from a named official, "
                          "with their title (“…”, ông Nguyễn Văn An, Giám đốc Sở GD&ĐT, cho biết)."))


# --------------------------------------------------------------------------- figures

# Place cues: a place noun followed by a name ("xã Y Tý", "Trường Tiểu học Kim Liên",
# "sông Thạch Hãn") or "tại/ở" + a capitalised name.
_PLACE_NOUNS = (
    "xã|phường|thị trấn|thị xã|thôn|bản|làng|ấp|buôn|plei|bon|huyện|quận|tỉnh|thành phố|tp|sông|núi|đèo|"
    "suối|hồ|đảo|đường|phố|khu|khu vực|địa bàn|cửa khẩu|trường|nhà thi đấu|nhà văn hóa|nhà văn hoá|"
    "trung tâm|cụm|vùng|miền|cầu|chợ|điểm trường|huyện đảo|vịnh|bãi biển|tại|ở"
)
# Lower-case place nouns ("Hồ Thị Minh" is a name, "hồ Tây" a lake); institutions may be
# capitalised ("Trường Tiểu học Kim Liên", "Nhà thi đấu Ninh Kiều").
_PLACE_RE = re.compile(
    rf"{_NB}(?:{_PLACE_NOUNS.replace(' ', r'[ ]+')}|Trường|Nhà thi đấu|Nhà văn hóa|Nhà văn hoá|Trung tâm|"
    rf"Thành phố|TP\.?)[ \t]+(?:[^\W\d_]+[ \t]+){{0,3}}?"
    r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*"
)
_VAGUE_RE = _rx(
    "nhiều", "một số", "hàng trăm", "hàng nghìn", "hàng chục", "hàng loạt", "đáng kể", "thời gian tới",
    "sắp tới", "gần đây", "trước đó", "sau đó", "năm ngoái", "không xa", "phần lớn", "đa số", "khá nhiều",
    "rất nhiều", "các xã", "các trường", "một thời gian", "trong thời gian",
)
_FIG_FULL = 3.5  # concrete details per 100 tiếng of body for full marks
_FIG_ZERO = 1.0


def _syllables_between(d: Draft, start: int, end: int) -> int:
    """Syllables of the sentences in [start, end) (from the cached analysis: no recount)."""
    total = 0
    for sent in d.sentences:
        if sent.end <= start or sent.start >= end:
            continue
        if sent.start >= start and sent.end <= end:
            total += sent.syllables
        else:
            total += count_syllables(d.text[max(start, sent.start):min(end, sent.end)])
    return total


def _places(d: Draft, start: int, end: int) -> int:
    """Place mentions in [start, end)."""
    return sum(1 for _m in _PLACE_RE.finditer(d.text, start, end))


@RUBRIC.criterion(
    "figures",
    label=N_("Concrete figures, dates and places"),
    weight=13,
    source="domain.md §4 [S10]: a release answers 5W1H with facts the press can print: how many, how much, "
           "when, where.",
    passes=[
        "37 trường vùng lũ Quảng Trị đón học sinh trở lại\n\nSáng 3/11/2026, 37 trường ở Quảng Trị đón 9.840 học "
        "sinh trở lại lớp. Lũ làm hỏng 410 bộ bàn ghế và 126 máy tính. Sở ước thiệt hại khoảng 14,6 tỷ đồng.",
    ],
    fails=[
        "Các trường vùng lũ đón học sinh trở lại\n\nNhiều trường học đã đón học sinh trở lại lớp. Lũ làm hỏng "
        "nhiều bàn ghế và máy tính. Thiệt hại khá lớn. Sở sẽ sớm trình phương án khắc phục trong thời gian tới.",
    ],
)
def figures(d: Draft) -> Finding:
    """The body gives concrete figures, dates and places: counts, amounts, percentages
    (``Draft.numbers``), dates and times (``Draft.dates``) and named places ("xã Y Tý",
    "tại Nhà thi đấu Ninh Kiều").

    Why: the press prints facts, not "nhiều", "một số", "thời gian tới" (domain.md §4
    [S10]). Counted in the body (after the headline, before the contact block), per 100
    syllables (tiếng): 3.5 or more give full marks, 1 or fewer give 0, linear between.
    Vague quantities ("nhiều", "một số", "thời gian tới") are highlighted when marks are
    lost. Weight 13 of 100.
    """
    lay = layout(d)
    bs, be = lay.body_start, lay.body_end
    if lay.dateline is not None:
        bs = max(bs, lay.dateline[1])
    body_syl = _syllables_between(d, bs, be)
    if body_syl < 20:
        return Finding(0.5 if body_syl else 0.0, _("The body is too short to judge its figures: give the facts — "
                                                  "how many, how much, when, where."), (), False)
    nums = [n for n in d.numbers if bs <= n.start < be]
    dates = [x for x in d.dates if bs <= x.start < be]
    places = _places(d, bs, be)
    count = len(nums) + len(dates) + places
    rate = 100 * count / body_syl
    if rate >= _FIG_FULL:
        return Finding.ok()
    frac = max(0.0, min(1.0, (rate - _FIG_ZERO) / (_FIG_FULL - _FIG_ZERO)))
    vague = [m for m in _VAGUE_RE.finditer(d.folded, bs, be)]
    msg = t("The body gives few concrete facts ({n} figures, dates or places in {syl} syllables). Replace vague "
            "words (“nhiều”, “một số”, “thời gian tới”) with numbers, dates and place names.",
            n=count, syl=body_syl)
    return Finding(frac, msg, tuple((m.start(), m.end()) for m in vague[:20]))


# --------------------------------------------------------------------------- contact


@RUBRIC.criterion(
    "contact",
    label=N_("Contact for the press"),
    weight=12,
    source="domain.md §4 [S10]: a release ends with a contact — name, phone, e-mail; NĐ 244/2026: "
           "spokesperson contact details are public.",
    passes=[
        "Sở trao 500 suất học bổng.\n\nThông tin liên hệ:\nÔng Phan Đức Lâm, Chánh Văn phòng Sở\n"
        "Điện thoại: 0238 3844 126\nEmail: vanphong@sgdnghean.edu.vn",
    ],
    fails=[
        "Sở trao 500 suất học bổng.\n\nMọi chi tiết xin liên hệ Văn phòng Sở Giáo dục và Đào tạo.",
        "Sở trao 500 suất học bổng. Điện thoại: 0238 3844 126.",
    ],
)
def contact(d: Draft) -> Finding:
    """A contact block for journalists: a named person or unit, a phone number and an
    e-mail address, close together ("Thông tin liên hệ: ông …, Chánh Văn phòng Sở…;
    điện thoại …; email …").

    Why: a journalist with a question must reach someone the same day (domain.md §4
    [S10]; NĐ 244/2026 makes spokesperson contacts public). Fraction: 1 with person or
    unit + phone + e-mail; 0.6 with two of the three; 0.35 with a phone or e-mail alone;
    0.2 with only "xin liên hệ Văn phòng Sở"; 0 without any. A phone written with
    placeholders ("0255 3822 xxx") does not count. Weight 12 of 100.
    """
    lay = layout(d)
    b = lay.contact
    if b is None:
        return Finding(0.0, _("There is no contact for the press: end with a contact block — a named person "
                              "(or unit), a phone number and an e-mail."))
    phones = [c for c in b.phones if not c.placeholder]
    who = b.person is not None or b.unit is not None
    have = sum((who, bool(phones), bool(b.emails)))
    span = ((b.start, b.end),)
    if have == 3:
        return Finding.ok()
    missing = []
    if not who:
        missing.append(_("a named person or unit"))
    if not phones:
        missing.append(_("a phone number"))
    if not b.emails:
        missing.append(_("an e-mail address"))
    placeholder = any(c.placeholder for c in b.phones)
    frac = {2: 0.6, 1: 0.35 if (phones or b.emails) else 0.2}.get(have, 0.0)
    msg = t("The contact block lacks: {missing}. Journalists need a person (or unit), a phone and an e-mail.",
            missing=", ".join(missing))
    if placeholder:
        msg += " " + _("The phone number still has placeholder digits (xxx).")
    return Finding(frac, msg, span)
