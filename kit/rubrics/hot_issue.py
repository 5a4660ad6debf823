"""Rubric for a hot-issue statement (thông tin báo chí về vụ việc nóng).

What a first statement on an incident or a rumour must do, after CDC CERC (be first,
be right, be credible, express empathy, promote action) and the Vietnamese rules on
timing, spokespersons and children's privacy (see /work/shared/docs/domain.md §2, §5).
Every rule reads the folded text (``Draft.folded``: lower case, tone placement
unified, same offsets) so "Hoà"/"hòa"/"HÒA" match alike; counts are of sentences,
list items or mentions, never of words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import islice

from ..i18n import N_, _, t
from ..scoring.draft import Draft
from .base import Finding, Rubric
from .people import find_people

RUBRIC = Rubric("hot_issue", label=N_("Hot-issue statement"))

SRC_TIMING = ("NĐ 244/2026/NĐ-CP Art. 7 (initial statement within 24 h); MOET QĐ 22/QĐ-BGDĐT "
              "(first statement within 6 h); golden hour (domain.md §5 [S13])")
SRC_CERC = "CDC CERC: be right, be credible, express empathy, promote action (domain.md §5 [S12])"
SRC_SPOKES = "NĐ 244/2026/NĐ-CP (designated spokesperson, contact details); domain.md §2 [S4], §5"
SRC_PRIVACY = ("Luật Trẻ em 2016 Art. 6(11), 21; NĐ 56/2017 Art. 33; Luật BVDLCN 91/2025/QH15 Art. 24; "
               "TT 09/2017/TT-BTTTT Art. 15 (domain.md §2 [S6], [S7])")


# --------------------------------------------------------------------------- shared helpers

_NB = r"(?<![^\W\d_])"  # no letter before
_NA = r"(?![^\W\d_])"  # no letter after


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a folded-text pattern between letter boundaries."""
    return re.compile(_NB + "(?:" + pattern + ")" + _NA)


@dataclass
class _Index:
    """Sentence and paragraph lookup by offset (built once per draft)."""

    starts: list[int]
    sentences: list
    pstarts: list[int]
    paragraphs: list

    def sentence(self, pos: int):
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        return s if s.start <= pos <= s.end else None

    def sentence_index(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def paragraph(self, pos: int):
        i = bisect_right(self.pstarts, pos) - 1
        if i < 0:
            return None
        p = self.paragraphs[i]
        return p if p.start <= pos <= p.end else None


def _index(d: Draft) -> _Index:
    cached = d.__dict__.get("_hot_issue_index")
    if cached is None:
        sents = list(d.sentences)
        paras = list(d.paragraphs)
        cached = _Index([s.start for s in sents], sents, [p.start for p in paras], paras)
        d.__dict__["_hot_issue_index"] = cached
    return cached


def _people(d: Draft):
    cached = d.__dict__.get("_hot_issue_people")
    if cached is None:
        cached = d.__dict__["_hot_issue_people"] = find_people(d.text)
    return cached


def _sentence_span(d: Draft, pos: int, radius: int = 400) -> tuple[int, int]:
    """The sentence around ``pos``, clipped to ``radius`` characters on each side (a
    runaway "sentence" without punctuation must not make the rules quadratic)."""
    s = _index(d).sentence(pos)
    if s is None:
        return pos, min(len(d.text), pos + 1)
    return max(s.start, pos - radius), min(s.end, pos + radius)


def _sentence_no(d: Draft, pos: int) -> int:
    return max(1, _index(d).sentence_index(pos) + 1)


def _dedupe(spans) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


# Real drafts carry a handful of each cue; past this many the text is not a statement and
# looking further would only cost time.
_MAX_CUES = 200


def _list_numbers(nums: list[int]) -> str:
    return ", ".join(str(n) for n in sorted(set(nums))[:6])


# --------------------------------------------------------------------------- timeliness

_DAY = 24 * 60

# Parts of the day as ranges of minutes (đêm runs past midnight).
_PART_RANGE = {
    "rạng sáng": (2 * 60, 6 * 60), "sáng": (5 * 60, 11 * 60), "trưa": (11 * 60, 14 * 60),
    "chiều": (13 * 60, 19 * 60), "tối": (18 * 60, 24 * 60), "đêm": (20 * 60, 30 * 60),
    "khuya": (22 * 60, 29 * 60),
}
_PART = r"rạng sáng|sáng sớm|sáng|trưa|chiều|tối|đêm|khuya"
# "sáng nay", "hôm nay", "tối qua", "cùng ngày"...: a day given relative to the statement.
_RELATIVE_RE = re.compile(
    _NB + r"(?:(?P<part>" + _PART + r"|hôm|ngày hôm)\s+(?P<rel>nay" + _NA + r"|(?:qua|kia)(?=\s*(?:[,.;:()]|$|lúc|"
    r"khoảng|vào|\d|trên|tại|ở|một|nhiều|các|có|sở|bộ|nhà|trường|hình|video|\n)))"
    r"|(?P<same>cùng ngày|trong ngày|cùng buổi)" + _NA + ")"
)
_RELEASE_CUE_RE = _rx(r"phát hành|cập nhật|ban hành|công bố|gửi|đăng tải|đăng")
# What may stand between the cue and the time: "phát hành thông tin này lúc", "Phát hành: ".
_RELEASE_GAP_RE = re.compile(
    r"\s*(?:thông tin|thông cáo|bản tin|tin)?(?:\s+báo chí)?(?:\s+(?:này|ban đầu))?"
    r"(?:\s*lần\s+(?:thứ\s+)?\d{1,2})?\s*[:(\-–—]?\s*"  # "Cập nhật lần 1 – 16 giờ 05 …"
    r"(?:(?:vào\s+)?(?:lúc|hồi)\s*)?[:\s]*\Z"
)
_RELEASE_OBJECT_RE = re.compile(r"(?:thông tin|thông cáo|bản tin)(?:\s+báo chí)?\s+(?:này|ban đầu)")
# "Thông tin (này) được gửi lúc …": the statement itself is the subject of the release verb.
_RELEASE_SUBJECT_RE = re.compile(r"(?:thông tin|thông cáo|bản tin|văn bản|thông báo)(?:\s+báo chí)?"
                                 r"(?:\s+(?:này|ban đầu|nhanh))?\s+(?:được\s+)?(?:\S+\s+)?\Z")
_FUTURE_RE = _rx(r"sẽ|dự kiến|tiếp tục|tiếp theo|kế tiếp|lần sau|trước|đến")
_SURFACE_RE = _rx(
    r"xuất hiện|lan truyền|đăng tải|được đăng|đăng (?:bài|lên|trên|hình|ảnh|video|clip|thông tin|tin|danh sách|"
    r"tệp|nội dung|tải)|chia sẻ (?:trên|lên|rộng)|phản ánh|nhận được|tiếp nhận|nắm được|nắm bắt|phát hiện|"
    r"báo cáo (?:của|về|lên|với|sở|bộ|phòng)|được báo|báo tin|báo (?:cho|về) (?:sở|bộ|phòng|nhà trường)"
)
_OCCUR_RE = _rx(r"xảy ra|bị (?:đổ|sập|cháy|ngã)|gặp tai nạn|phát sinh|bắt đầu (?:đau|nôn|có)")
_AT_RE = re.compile(r"(?:lúc|hồi|khoảng|vào)\s*\Z")
_DATELINE_HEAD_RE = re.compile(r"^\s*\(?[^\W\d_][^,\n]{1,60},\s*")  # "(Sơn La, 8 giờ 50 ngày 27/11/2026)"
_DATELINE_FILLER_RE = re.compile(r"[\s,.;:()\-–—]+|lúc|vào|hồi|ngày|phát hành|cập nhật")


@dataclass(frozen=True)
class _Point:
    """A moment known to lie in [lo, hi] (minutes on a common day scale)."""

    lo: int
    hi: int
    start: int
    end: int
    exact: bool


def _hour24(hour: int, part: str | None) -> int:
    """'8 giờ tối' is 20 h; '2 giờ đêm' stays 2 h; '1 giờ trưa' is 13 h."""
    if part in ("chiều", "tối") and hour < 12:
        return hour + 12
    if part == "đêm" and 6 <= hour < 12:
        return hour + 12
    if part == "trưa" and hour <= 3:
        return hour + 12
    return hour


def _ordinal(day: int, month: int, year: int) -> int | None:
    try:
        return date(year, month, day).toordinal()
    except ValueError:
        return None


class _Clock:
    """Dates and times of a draft, resolved to days and minutes (lookups by bisection)."""

    def __init__(self, d: Draft) -> None:
        self.d = d
        self.ix = _index(d)
        self.mentions = [m for m in d.dates if m.kind in ("date", "datetime", "time")]
        self.mstarts = [m.start for m in self.mentions]
        years = [m.year for m in d.dates if m.year]
        self.default_year = years[0] if years else 2026
        # the last year stated up to each mention ("12/11" after "ngày 3/11/2026")
        self.year_before: list[int | None] = []
        last = None
        for m in self.mentions:
            self.year_before.append(last)
            if m.year:
                last = m.year
        # anchors: explicit days (day + month) and relative days, by position
        anchors: list[tuple[int, int, str, object]] = [
            (m.start, m.end, "date", m) for m in self.mentions if m.day and m.month
        ]
        for r in _RELATIVE_RE.finditer(d.folded):
            anchors.append((r.start(), r.end(), "same" if r.group("same") else r.group("rel"), r))
        anchors.sort(key=lambda a: a[0])
        self.anchors = anchors
        self.astarts = [a[0] for a in anchors]
        # the day of the last explicit date up to each anchor
        self.explicit_upto: list[int | None] = []
        last_day = None
        for a in anchors:
            if a[2] == "date":
                last_day = self.explicit_day(a[3])
            self.explicit_upto.append(last_day)

    def after(self, pos: int) -> int:
        """Index of the first mention starting at or after ``pos``."""
        return bisect_right(self.mstarts, pos - 1)

    def year_for(self, m) -> int:
        if m.year:
            return m.year
        i = self.after(m.start)  # m's own index: the mentions are what it was taken from
        if i < len(self.mentions) and self.mentions[i].start == m.start:
            return self.year_before[i] or self.default_year
        return self.default_year

    def explicit_day(self, m) -> int | None:
        if m.day and m.month:
            return _ordinal(m.day, m.month, self.year_for(m))
        return None

    def last_explicit_before(self, pos: int) -> int | None:
        i = bisect_right(self.astarts, pos - 1) - 1
        return self.explicit_upto[i] if i >= 0 else None

    def anchor_for(self, start: int, end: int, today: int | None) -> tuple[int | None, bool]:
        """The day a time without a date refers to: (ordinal or None, found-an-anchor).

        Only a day named in the same sentence counts (the nearest one); without it the
        caller assumes the most recent such time, because a paragraph may mix the day
        of the incident with the day it surfaced."""
        s_lo, s_hi = _sentence_span(self.d, start)
        best = None
        best_dist = None
        i = bisect_right(self.astarts, s_lo - 1)
        while i < len(self.anchors) and self.anchors[i][0] < s_hi:
            a = self.anchors[i]
            i += 1
            if a[1] <= start:
                dist = start - a[1]
            elif a[0] >= end and a[1] <= s_hi:
                dist = a[0] - end
            else:
                continue
            if best_dist is None or dist < best_dist:
                best, best_dist = a, dist
            if i - bisect_right(self.astarts, s_lo - 1) > 50:
                break  # a runaway "sentence" full of dates
        if best is None:
            return None, False
        return self._anchor_day(best, today), True

    def _anchor_day(self, a, today: int | None) -> int | None:
        kind = a[2]
        if kind == "date":
            return self.explicit_day(a[3])
        if kind == "same":
            return self.last_explicit_before(a[0])
        if today is None:
            return None
        return today + {"nay": 0, "qua": -1, "kia": -2}.get(kind, 0)


def _find_release(d: Draft, clock: _Clock):
    """(mention, strong, dateline or None): when the statement says it was issued.

    ``strong`` is True for "phát hành" or a cue naming this statement ("thông tin này được
    gửi lúc…"); a bare "cập nhật lúc…" may be a step in the body, so a dateline with a time
    outranks it. The dateline is (dated mention, timed mention or None)."""
    folded = d.folded
    cue_hit = None
    strong = False
    for c in islice(_RELEASE_CUE_RE.finditer(folded), _MAX_CUES):
        i = clock.after(c.end())
        if i >= len(clock.mentions):
            break
        m = clock.mentions[i]
        if m.start - c.end() > 45:
            continue
        gap = folded[c.end():m.start]
        if "\n" in gap or not _RELEASE_GAP_RE.match(gap):
            continue
        if m.hour is None and not (m.day and m.month):
            continue
        before = folded[max(_sentence_span(d, c.start(), 40)[0], c.start() - 40):c.start()]
        if _FUTURE_RE.search(before):
            continue
        subject = bool(_RELEASE_SUBJECT_RE.search(before))
        if c.group() not in ("phát hành", "cập nhật") and not (
            _RELEASE_OBJECT_RE.search(gap) or _RELEASE_OBJECT_RE.search(before) or subject
        ):
            continue
        if cue_hit is None or (cue_hit.hour is None and m.hour is not None):
            cue_hit = m
            strong = c.group() == "phát hành" or subject or bool(_RELEASE_OBJECT_RE.search(gap) or
                                                                 _RELEASE_OBJECT_RE.search(before))
        if cue_hit.hour is not None:
            break
    dateline = None
    for p in d.paragraphs:
        if len(p.text) > 110:
            continue
        head = _DATELINE_HEAD_RE.match(p.text)
        if head is None or len(p.text[:head.end()].split()) > 9:
            continue
        lo = p.start + head.end()
        i = clock.after(lo)
        inside = []
        while i < len(clock.mentions) and clock.mentions[i].end <= p.end:
            inside.append(clock.mentions[i])
            i += 1
        if not inside or not any(m.day and m.month for m in inside):
            continue
        rest = folded[lo:p.end]
        for m in reversed(inside):
            rest = rest[:m.start - lo] + rest[m.end - lo:]
        if _DATELINE_FILLER_RE.sub("", rest):
            continue
        dated = next(m for m in inside if m.day and m.month)
        timed = next((m for m in inside if m.hour is not None), None)
        dateline = (dated, timed)
        if timed is not None:
            break
    return cue_hit, strong, dateline


def _surfaced(d: Draft, start: int, end: int) -> bool:
    """Whether the mention dates the incident coming to light rather than happening.

    Vietnamese fronts the time of a clause ("Lúc 21 giờ 10, một phụ huynh đăng bài…"),
    or puts it right after the verb with "lúc" ("nhận được thông tin lúc 21 giờ 25").
    A time further inside the clause dates its complement ("phản ánh con bị đánh trong
    giờ học chiều 13/5"), and an occurrence cue ("xảy ra") in between breaks the link."""
    folded = d.folded
    s, e = _sentence_span(d, start)
    for cue in _SURFACE_RE.finditer(folded, s, e):
        if cue.start() >= end:
            if not _OCCUR_RE.search(folded, end, cue.start()):
                return True
        elif start - cue.end() <= 60 and _AT_RE.search(folded, max(cue.end(), start - 14), start) \
                and not _OCCUR_RE.search(folded, cue.end(), start):
            return True
    return False


def _point(m, day: int | None, text_span: tuple[int, int]) -> _Point | None:
    """The moment of mention ``m`` on ``day``: exact with an hour, else its part of the day."""
    if day is None:
        return None
    base = day * _DAY
    if m.hour is not None:
        minute = base + _hour24(m.hour, m.part_of_day) * 60 + (m.minute or 0)
        return _Point(minute, minute, text_span[0], text_span[1], True)
    lo, hi = _PART_RANGE.get(m.part_of_day or "", (0, _DAY))
    return _Point(base + lo, base + hi, text_span[0], text_span[1], False)


def _fmt_gap(minutes: int) -> str:
    if minutes >= 48 * 60:
        return t("about {n} days", n=round(minutes / _DAY))
    h, m = divmod(max(0, minutes), 60)
    if h == 0:
        return t("{m} min", m=m)
    if m == 0:
        return t("{h} h", h=h)
    return t("{h} h {m} min", h=h, m=m)


@RUBRIC.criterion(
    "timeliness",
    label=N_("Issued quickly"),
    weight=15,
    source=SRC_TIMING,
    passes=[
        "Khoảng 21 giờ ngày 12/11/2026, trên mạng xã hội xuất hiện video học sinh đánh nhau. "
        "Thông tin này được phát hành lúc 21 giờ 50 cùng ngày.",
        "Hà Nội, 10 giờ 40 ngày 11/6/2026\n\nLúc 8 giờ 12 sáng nay, một số tài khoản mạng xã hội đăng hình ảnh đề thi.",
    ],
    fails=[
        "Khoảng 21 giờ ngày 12/11/2026, trên mạng xã hội xuất hiện video học sinh đánh nhau. "
        "Thông tin này được phát hành lúc 16 giờ ngày 15/11/2026.",
        "Trên mạng xã hội xuất hiện video học sinh đánh nhau. Sở GD&ĐT đã chỉ đạo nhà trường xác minh.",
    ],
)
def timeliness(d: Draft) -> Finding:
    """Time from the incident surfacing to the statement (source: NĐ 244/2026 Art. 7, ≤ 24 h;
    MOET QĐ 22/QĐ-BGDĐT, ≤ 6 h; golden hour ≤ 1 h; weight 15).

    Finds the release time (a "phát hành/cập nhật lúc …" cue, or a dateline such as
    "Hà Nội, 23 giờ 30 ngày 12/11/2026") and the reference time in the opening
    paragraphs: the earliest moment the incident surfaced or reached the agency
    ("xuất hiện", "lan truyền", "đăng", "nhận được"...), else the earliest moment
    stated there. "hôm nay/sáng nay" mean the release day, "hôm qua/tối qua" the day
    before, "cùng ngày" the last date given. Graded: ≤ 1 h full, ≤ 6 h 0.9, ≤ 24 h 0.6,
    later 0.25 (0.1 after 3 days). Unit: minutes between the two moments; when either
    is missing or only the days are known and they differ by one, it does not judge.
    """
    clock = _Clock(d)
    release_m, strong, dateline = _find_release(d, clock)
    rel_mention = release_m
    if dateline is not None and (rel_mention is None or not strong and dateline[1] is not None):
        rel_mention = dateline[1] or dateline[0]
    # the release day ("today" for hôm nay/sáng nay)
    today = None
    rel_day = None
    if rel_mention is not None:
        rel_day = clock.explicit_day(rel_mention)
        if rel_day is None:
            rel_day, _found = clock.anchor_for(rel_mention.start, rel_mention.end, None)
            if rel_day is None and dateline is not None:
                rel_day = clock.explicit_day(dateline[0])
        today = rel_day

    # reference candidates in the opening paragraphs
    skip = {id(rel_mention)}
    if dateline is not None:
        skip.update({id(dateline[0]), id(dateline[1])})
    zone: list[tuple[int, int]] = []
    for p in d.content_paragraphs:
        if p.kind == "heading":
            continue
        if dateline is not None and p.start <= dateline[0].start <= p.end and len(p.text) <= 110:
            continue
        zone.append((p.start, p.end))
        if len(zone) >= 4:
            break
    if rel_mention is not None:
        zone.append((_sentence_span(d, rel_mention.start)[0], rel_mention.start))

    def in_zone(pos: int) -> bool:
        return any(a <= pos < b for a, b in zone)

    cands: list[tuple[bool, _Point]] = []  # (surfaced, point)
    for m in clock.mentions:
        if id(m) in skip or not in_zone(m.start) or m.qualifier in ("until", "before", "after"):
            continue
        day = clock.explicit_day(m)
        if day is None:
            day, _found = clock.anchor_for(m.start, m.end, today)
        if day is not None:
            pt = _point(m, day, (m.start, m.end))
        elif m.hour is not None:
            pt = _assume(m, rel_mention, rel_day)  # a clock time whose day is not given
        else:
            pt = None
        if pt is not None:
            cands.append((_surfaced(d, m.start, m.end), pt))
    for a in clock.anchors:
        if a[2] in ("nay", "qua", "kia") and in_zone(a[0]) and today is not None:
            part = a[3].group("part")
            lo, hi = _PART_RANGE.get(part or "", (0, _DAY))
            day = today + {"nay": 0, "qua": -1, "kia": -2}[a[2]]
            cands.append((_surfaced(d, a[0], a[1]), _Point(day * _DAY + lo, day * _DAY + hi, a[0], a[1], False)))
    if rel_mention is None or not cands:
        spans = []
        if rel_mention is not None:
            spans.append((rel_mention.start, rel_mention.end))
        missing = _("when this statement is released") if rel_mention is None else _(
            "when the incident happened or came to light")
        if cands and rel_mention is None:
            spans.append((cands[0][1].start, cands[0][1].end))
        return Finding(
            0.5,
            t("I cannot judge how fast this statement came out: the draft does not say {missing}. "
              "State both times, e.g. \"Khoảng 21 giờ ngày 12/11…\" and \"Phát hành lúc 23 giờ 30 ngày 12/11/2026\".",
              missing=missing),
            tuple(spans), judged=False,
        )
    # The clock starts when the incident surfaced (was posted, reached the agency); without
    # such a cue, when it happened. Of several, the earliest (latest possible moment of each).
    pool = [c[1] for c in cands if c[0]] or [c[1] for c in cands]
    ref = min(pool, key=lambda p: (p.hi, p.lo))
    # the release moment; a release without its day is taken on the reference's day
    if rel_day is None:
        ref_day = ref.lo // _DAY
        rel_day = ref_day
        if rel_mention.hour is not None and ref.exact and _hour24(rel_mention.hour, rel_mention.part_of_day) * 60 + (
                rel_mention.minute or 0) < ref.lo - ref_day * _DAY:
            rel_day += 1
    rel_time = rel_mention
    if rel_mention.hour is None and dateline is not None and dateline[1] is not None:
        rel_time = dateline[1]
    rel = _point(rel_time, rel_day, (rel_mention.start, rel_mention.end))
    spans = _dedupe([(ref.start, ref.end), (rel.start, rel.end)])
    gap_lo, gap_hi = rel.lo - ref.hi, rel.hi - ref.lo
    exact = rel.lo == rel.hi and ref.lo == ref.hi
    if gap_hi < 0:
        return Finding(
            0.5,
            _("I cannot judge how fast this statement came out: the release time given is earlier than the "
              "incident time. Check both times and their dates."),
            spans, judged=False,
        )
    if exact or gap_lo > 24 * 60:
        gap = max(gap_lo, 0) if exact else (gap_lo + gap_hi) // 2
        if gap <= 60:
            return Finding(1.0, "", spans)
        if gap <= 6 * 60:
            return Finding(0.9, t(
                "The statement came out {gap} after the incident came to light: within the Ministry's 6 hours. "
                "Next time aim for a short holding statement within the first hour.", gap=_fmt_gap(gap)), spans)
        if gap <= 24 * 60:
            return Finding(0.6, t(
                "The statement came out {gap} after the incident came to light: within the 24-hour legal limit "
                "(NĐ 244/2026) but later than the Ministry's 6 hours. Issue a short first statement sooner and "
                "update it as facts come in.", gap=_fmt_gap(gap)), spans)
        frac = 0.25 if gap <= 72 * 60 else 0.1
        return Finding(frac, t(
            "The statement came out {gap} after the incident came to light: later than the 24-hour legal limit "
            "(NĐ 244/2026). Issue a first statement within hours, even with incomplete facts, and say what "
            "is still being checked.", gap=_fmt_gap(gap)), spans)
    if gap_hi <= 6 * 60:
        return Finding(1.0 if gap_hi <= 60 else 0.9, "" if gap_hi <= 60 else _(
            "The statement came out within a few hours. Give the exact times (hour and minute) of the incident "
            "and of the release so readers see how fast you were."), spans)
    if gap_hi <= 24 * 60 and gap_lo > 6 * 60:
        return Finding(0.6, t(
            "The statement came out about {gap} after the incident came to light: within the 24-hour legal limit "
            "(NĐ 244/2026) but later than the Ministry's 6 hours. Issue a short first statement sooner and "
            "update it as facts come in.", gap=_fmt_gap((gap_lo + gap_hi) // 2)), spans)
    if gap_hi <= 24 * 60:
        return Finding(0.75, _(
            "The statement came out within 24 hours, but without both hours I cannot tell whether it met the "
            "Ministry's 6 hours. Give the hour of the incident and of the release (e.g. \"phát hành lúc 23 giờ 30\")."),
            spans)
    return Finding(0.5, _(
        "I cannot tell whether this statement came out within 24 hours: only the days are given. "
        "Give the hour of the incident and of the release."), spans, judged=False)


def _assume(m, rel_mention, rel_day) -> _Point | None:
    """A clock time without a day: the release day, or the day before when it is later than the release."""
    if rel_day is None:
        if rel_mention is None:
            return None
        rel_day = 0  # both on an unknown common day
    minute = _hour24(m.hour, m.part_of_day) * 60 + (m.minute or 0)
    day = rel_day
    if rel_mention is not None and rel_mention.hour is not None:
        rel_min = _hour24(rel_mention.hour, rel_mention.part_of_day) * 60 + (rel_mention.minute or 0)
        if minute > rel_min:
            day -= 1
    at = day * _DAY + minute
    return _Point(at, at, m.start, m.end, True)


# --------------------------------------------------------------------------- empathy

_AFFECTED = (r"em|các em|cháu|các cháu|(?:những |các |mọi |tất cả các |toàn thể )?(?:gia đình|phụ huynh|cha mẹ|thí sinh|"
             r"học sinh|người dân|bà con|nhân dân|nạn nhân|thầy cô|giáo viên|người thân|quý phụ huynh)")
_EMPATHY_STRONG_RE = _rx(
    r"chia sẻ (?:với (?:" + _AFFECTED + r")|(?:sâu sắc |)(?:sự |nỗi |những )?(?:lo lắng|lo âu|nỗi lo|đau buồn|mất mát|"
    r"bức xúc|khó khăn|đau thương|tổn thương|bất an|lo)|sâu sắc)"
    r"|xin chia sẻ|bày tỏ sự chia sẻ|gửi lời chia sẻ"
    r"|xin lỗi|chia buồn|phân ưu|thương tiếc|xót xa|đau xót|thương xót|đau lòng|rất buồn|vô cùng buồn"
    r"|(?:rất |vô cùng |)(?:lấy làm )?tiếc (?:vì|khi|về|rằng)|rất tiếc|vô cùng tiếc|lấy làm tiếc"
    r"|thấu hiểu|cảm thông|thông cảm (?:với|sâu sắc)"
    r"|(?:mong|chúc) (?:các em|em|các cháu|cháu|thí sinh|học sinh|phụ huynh|gia đình)[^.!?\n]{0,40}"
    r"(?:bình phục|hồi phục|bình tĩnh|vững vàng|yên tâm)"
)
# "hiểu … lo lắng": understanding a feeling, within one sentence
_UNDERSTAND_RE = _rx(
    r"(?:chúng tôi|sở|bộ(?! phận)|nhà trường|phòng|ủy ban|ubnd|ngành|trường|ban giám hiệu|hiệu trưởng|lãnh đạo)"
    r"(?: [^.!?\n]{0,30}?)? "
    r"(?:rất |luôn |hoàn toàn |)(?:hiểu|thấu hiểu)(?! (?:biết|sai|lầm|nhầm))(?: rằng| được| rõ)?"
)
_FEELING_RE = _rx(r"lo lắng|lo âu|nỗi lo|lo|bối rối|hoang mang|bức xúc|bất an|sợ hãi|sợ|buồn|đau|mệt mỏi|vất vả|khó khăn|áp lực")
_EMPATHY_WEAK_RE = _rx(
    r"thăm hỏi|động viên|hỗ trợ tâm lý|tư vấn tâm lý|tham vấn tâm lý|chi trả (?:toàn bộ )?(?:chi phí|viện phí)|"
    r"chịu (?:toàn bộ )?chi phí|cảm ơn|đáng tiếc|quan tâm sâu sắc"
)
_NEGATED_BEFORE_RE = re.compile(r"(?:không|chưa|đừng|chẳng)\s+(?:\S+\s+){0,1}\Z")
_ASKING_RE = re.compile(r"(?:mong|đề nghị|xin|nhận được)\s+(?:\S+\s+){0,5}\Z")


@RUBRIC.criterion(
    "empathy",
    label=N_("Shows empathy"),
    weight=12,
    source=SRC_CERC,
    passes=[
        "Sở GD&ĐT rất tiếc vì sự việc đã xảy ra. Chúng tôi chia sẻ với em học sinh bị đánh và gia đình em.",
        "Chúng tôi hiểu nhiều phụ huynh đã bối rối từ sáng sớm. Sở xin lỗi vì thông tin chính thức đến muộn.",
    ],
    fails=[
        "Sở GD&ĐT thông tin như sau. Nhà trường đã báo cáo sự việc và đang xác minh.",
        "Hiệu trưởng đã đến nhà em học sinh để thăm hỏi và nắm tình hình.",
    ],
)
def empathy(d: Draft) -> Finding:
    """Whether the statement itself acknowledges the people affected (source: CDC CERC
    "express empathy", first message starts with empathy, domain.md §5 [S12]; weight 12).

    Full marks for an expression in the agency's own voice: "chia sẻ với em/gia đình…",
    "chia sẻ nỗi lo…", "xin lỗi", "rất tiếc vì…", "chia buồn", "thấu hiểu", "chúng tôi
    hiểu … lo lắng/bối rối", "mong các em sớm bình phục". Caring acts alone ("thăm hỏi",
    "động viên", "hỗ trợ tâm lý", "cảm ơn") earn half: they are actions, not words to
    the people affected. Social-media "chia sẻ" (sharing a video) never counts, nor a
    negated form. Unit: phrases found.
    """
    folded = d.folded
    strong = []
    for m in _EMPATHY_STRONG_RE.finditer(folded):
        if _NEGATED_BEFORE_RE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        if m.group().startswith(("cảm thông", "thông cảm")) and _ASKING_RE.search(folded, max(0, m.start() - 40),
                                                                                 m.start()):
            continue  # "mong phụ huynh thông cảm" asks for sympathy, it does not give it
        strong.append((m.start(), m.end()))
        break
    if not strong:
        for m in islice(_UNDERSTAND_RE.finditer(folded), _MAX_CUES):
            s, e = _sentence_span(d, m.start())
            if _FEELING_RE.search(folded, m.end(), e) and not _NEGATED_BEFORE_RE.search(
                    folded, max(0, m.start() - 20), m.start()):
                strong.append((m.start(), e))
    if strong:
        return Finding.ok()
    weak = [(m.start(), m.end()) for m in _EMPATHY_WEAK_RE.finditer(folded)]
    if weak:
        return Finding(
            0.5,
            _("The draft reports caring actions (such as visits or support) but never speaks to the people "
              "affected. Right after the first paragraph, add a sentence in your own voice: \"Sở GD&ĐT chia sẻ "
              "với các em và gia đình…\", or apologise if your side is at fault."),
            _dedupe(weak[:5]),
        )
    return Finding(
        0.0,
        _("The draft does not acknowledge the people affected. Right after the first paragraph, say that you "
          "share their worry (\"chia sẻ với các em và gia đình\"), and apologise if your side is at fault."),
    )


# --------------------------------------------------------------------------- verified facts

_UNKNOWN_RE = _rx(
    r"chưa (?:được )?(?:xác định|xác minh|làm rõ|rõ|biết|có kết (?:luận|quả)|kết luận|thể (?:kết luận|khẳng định|nói|"
    r"xác định)|đủ cơ sở)"
    r"|đang (?:được )?(?:tiếp tục )?(?:[^\W\d_]+ ){0,8}?(?:xác minh|làm rõ|điều tra|kiểm tra|rà soát|xem xét|đánh giá|truy)"
    r"|(?:tiếp tục|sẽ) (?:xác minh|làm rõ|điều tra)|chờ kết (?:quả|luận)|khi có kết (?:quả|luận)"
    r"|(?:xác minh|điều tra|làm rõ|kiểm tra)[^.!?\n]{0,40}đang (?:được )?(?:tiến hành|thực hiện|triển khai)"
    r"|không suy đoán|bước đầu|ban đầu|dự kiến có kết quả|cần (?:thêm )?thời gian (?:để )?(?:xác minh|làm rõ)"
)
# A cause, blame or motive stated as fact.
_CAUSE_RE = _rx(
    r"nguyên nhân(?: [^\W\d_&]+){0,8}? (?:được xác định |được cho là |xác định |nhận định |)(?:là do|là vì|là|do|bởi)"
    r"|có thể (?:là )?(?:do|vì|bởi|xuất phát từ)"
    r"|(?:nhiều khả năng|khả năng cao|được cho là|nghi là|nghi ngờ|có lẽ|dường như|hình như|phải chăng)"
    r"[^.!?\n]{0,80}?(?:là do|do|vì|bởi|xuất phát từ)"
    r"|xuất phát từ (?:mâu thuẫn|việc|sự|lỗi|động cơ|hành vi|ý đồ|tư lợi|thù|ghen|tình cảm|bất đồng|mục đích)"
    r"|do lỗi(?: chủ quan)? của|lỗi chủ quan"
    # the incident attributed to an agent: "Sai sót do cán bộ chế bản gõ nhầm", "sự cố xảy ra là do…"
    r"|(?:sai sót|sự cố|vụ việc|vụ cháy|đám cháy|hư hỏng|sự việc|tình trạng (?:này|trên)|lỗi (?:này|trên))"
    r"(?: (?!không|chưa|chẳng|chả)[^\W\d_]+){0,3}? (?:xảy ra |phát sinh )?(?:là )?do"
    # …but not an authority's finding or a plain natural cause ("do mưa lớn kéo dài")
    r"(?! (?:cơ quan|hội đồng|đoàn|tổ|mưa|lũ|bão|gió|giông|lốc|sét|động đất|sạt lở|thời tiết|thiên tai|nắng nóng|triều cường)"
    r"(?![^\W\d_]))"
    # a source of infection or poisoning stated as fact: "lây từ một học sinh…", "ngộ độc do ăn…"
    r"|lây (?:từ|do)|(?:ngộ độc|nhiễm độc) (?:là )?do(?= (?:ăn|uống|thức ăn|món|nguồn))"
    r"|nguồn (?:lây(?: nhiễm)?|bệnh|ngộ độc|gây bệnh) (?:là|từ|do)\b"  # "Nguồn lây là một học sinh…"
)
_BLAME_RE = _rx(
    r"thiếu trách nhiệm|vô trách nhiệm|tắc trách|buông lỏng(?: quản lý)?|lơ là|cẩu thả|thiếu quan tâm|"
    r"nghịch ngợm|quậy phá|thiếu ý thức|sơ suất|để lộ|phải chịu trách nhiệm (?:chính|hoàn toàn|toàn bộ)"
)
_MOTIVE_RE = _rx(
    r"có động cơ|động cơ (?:không trong sáng|cá nhân|xấu|vụ lợi)|ý đồ|cố tình|cố ý|chủ ý|"
    r"nhằm (?:mục đích )?(?:câu (?:view|like|lượt|tương tác)|trục lợi|bôi nhọ|chống phá|kích động|gây (?:hoang mang|rối|"
    r"chia rẽ|mất)|xuyên tạc|tư lợi|vụ lợi|trả thù)|mục đích (?:là|nhằm) (?:lấy|trục lợi|tư lợi|vụ lợi|bù|kiếm)"
)
# Words that make the sentence a hedge, a question or a refusal to guess.
_HEDGE_RE = _rx(
    r"chưa|không (?:thể|suy đoán|quy|kết luận|khẳng định)|nếu|liệu|hay không|có hay|đang (?:được )?(?:xác minh|làm rõ|"
    r"điều tra|kiểm tra|xem xét)|sẽ (?:được )?(?:xác minh|làm rõ|xem xét)|trường hợp|bất kỳ|những (?:người|ai)|"
    r"người nào|ai|mọi|tránh|đề nghị|theo kết (?:quả|luận)|kết quả (?:xét nghiệm|giám định|điều tra|kiểm tra|xác minh)"
    r"|(?:cơ quan|cảnh sát|công an|bác sĩ|trung tâm y tế|bệnh viện|trung tâm kiểm soát bệnh tật|cdc|đoàn kiểm tra|"
    r"hội đồng|giám định)[^.!?\n]{0,40}(?:xác định|kết luận|chẩn đoán)|theo (?:kết quả|kết luận|chẩn đoán)"
    r"|(?:bước đầu|ban đầu) (?:được )?(?:xác định|ghi nhận)|xin lỗi|nhận trách nhiệm"
)
# after a stated cause, only these turn it into an open question
_HEDGE_AFTER_RE = _rx(
    r"chưa (?:được )?(?:xác định|xác minh|kết luận|có kết luận|rõ)|đang (?:được )?(?:[^\W\d_]+ ){0,6}?(?:xác minh|"
    r"làm rõ|điều tra)|cần (?:được )?(?:xác minh|làm rõ)|hay không"
)
_OWN_FAULT_RE = _rx(r"xin lỗi|nhận trách nhiệm|nhận khuyết điểm")
_SELF_RE = _rx(r"chúng tôi|sở|bộ|nhà trường|trường|ngành|phòng|ủy ban|ubnd")
_NEG_MOTIVE_RE = re.compile(r"(?:không|chẳng|chưa|đừng|tránh)(?: (?:có|hề|được|để|bao giờ))? \Z")


def _speculation(d: Draft) -> list[tuple[int, int]]:
    folded = d.folded
    ix = _index(d)
    out = []
    for rx in (_CAUSE_RE, _BLAME_RE, _MOTIVE_RE):
        for m in islice(rx.finditer(folded), _MAX_CUES):
            s, e = _sentence_span(d, m.start())
            # for a cause the hedge may sit inside the match: "nguyên nhân chưa rõ là do đâu"
            upto = m.end() if rx is _CAUSE_RE else m.start()
            if folded[s:e].rstrip().endswith("?") or _HEDGE_RE.search(folded, s, upto):
                continue
            if _HEDGE_AFTER_RE.search(folded, m.end(), e):
                continue
            if rx is not _CAUSE_RE and _NEG_MOTIVE_RE.search(folded, max(0, m.start() - 16), m.start()):
                continue
            if rx is _BLAME_RE and _SELF_RE.search(folded, s, e):
                # the agency owning its own fault, with an apology near, is not a guess
                i = ix.sentence_index(m.start())
                lo = max(ix.sentences[max(0, i - 1)].start, m.start() - 600)
                hi = min(ix.sentences[min(len(ix.sentences) - 1, i + 1)].end, m.end() + 600)
                if _OWN_FAULT_RE.search(folded, lo, hi):
                    continue
            out.append((s, e))
    return list(_dedupe(out))


@RUBRIC.criterion(
    "verified_facts",
    label=N_("Verified facts, no guessing"),
    weight=15,
    source=SRC_CERC + "; Luật Báo chí 2016 Art. 9 (no guilt before a verdict), domain.md §2, §5 [S13]",
    passes=[
        "Những điều đã xác định: 27 học sinh được đưa đi cấp cứu. Hiện chưa xác định được nguyên nhân; "
        "Sở sẽ không kết luận trước khi có kết quả xét nghiệm.",
    ],
    fails=[
        "Nguyên nhân là do món thịt lợn kho để qua đêm. Giáo viên chủ nhiệm đã buông lỏng quản lý.",
        "Sở GD&ĐT thông tin: 27 học sinh được đưa đi cấp cứu, hiện đã ổn định.",
    ],
)
def verified_facts(d: Draft) -> Finding:
    """Whether the statement separates what is verified from what is still being checked,
    and guesses at no cause, blame or motive (source: CDC CERC "be right", give facts in
    increments, no speculation [S12], [S13]; Luật Báo chí 2016 Art. 9; weight 15).

    Speculation = a sentence stating a cause ("nguyên nhân là do…", "có thể do…",
    "nhiều khả năng … là do…", "xuất phát từ mâu thuẫn…"), a blame ("thiếu trách nhiệm", "buông lỏng quản
    lý", "nghịch ngợm", "thiếu quan tâm", "để lộ") or a motive ("cố tình", "có động cơ",
    "nhằm câu view") with no hedge in it ("chưa", "đang xác minh", "nếu", "theo kết quả
    xét nghiệm", "bước đầu xác định"…), not negated ("không để lộ"), and not the agency
    owning its own fault next to an apology. Each such sentence costs 0.4. A draft without
    any "chưa xác định / đang xác minh / khi có kết quả" marker earns 0.6 at most.
    Unit: sentences.
    """
    spec = _speculation(d)
    has_unknown = bool(_UNKNOWN_RE.search(d.folded))
    if spec:
        frac = max(0.0, 0.6 - 0.4 * (len(spec) - 1)) if has_unknown else max(0.0, 0.3 - 0.3 * (len(spec) - 1))
        nums = [_sentence_no(d, s) for s, _e in spec]
        return Finding(
            frac,
            t("Sentence(s) {nums} state a cause, blame or motive as fact before it has been verified. "
              "Say only what is confirmed, and put the rest under \"đang xác minh\" until the investigation "
              "concludes.", nums=_list_numbers(nums)),
            tuple(spec[:6]),
        )
    if not has_unknown:
        return Finding(
            0.6,
            _("The draft does not say what is still unknown. Separate what has been confirmed (\"Đã xác định\") "
              "from what is still being checked (\"Đang xác minh\", \"chưa có kết luận\") and say when results "
              "are expected."),
        )
    return Finding.ok()


# --------------------------------------------------------------------------- tone

_EVIDENCE_RE = _rx(
    r"cụ thể|bằng chứng|căn cứ|đối chiếu|sổ đăng ký|sổ văn bản|biên bản|camera|niêm phong|"
    r"kết quả (?:kiểm tra|xác minh|xét nghiệm|giám định|điều tra|rà soát)|theo (?:kết quả|biên bản|dữ liệu|hồ sơ|sổ|"
    r"giấy|văn bản số|hình ảnh camera|bệnh viện|trung tâm|cơ quan|công an|cảnh sát|bác sĩ|đoàn kiểm tra|hội đồng|"
    r"ban chỉ đạo)|đã (?:xác minh|đối chiếu|rà soát|kiểm tra)|qua (?:xác minh|đối chiếu|rà soát|"
    r"kiểm tra)|thực tế|"
    r"không có trong|không có văn bản|chỉ ban hành|hệ thống ghi nhận|dữ liệu (?:cho thấy|ghi nhận)"
)
_DENIAL_RE = _rx(
    r"hoàn toàn không (?:có|đúng|xảy ra|phải|hề)|không hề (?:có|xảy ra)|khẳng định (?:là )?không (?:có|đúng|xảy ra|"
    r"ban hành|phải|hề)|(?:là|đều là|hoàn toàn|là hoàn toàn) (?:sai sự thật|bịa đặt|không đúng sự thật|không đúng|"
    r"thiếu chính xác|không chính xác|thiếu cơ sở|không có cơ sở|vô căn cứ|thất thiệt|sai lệch|phiến diện|suy diễn)"
    r"|thông tin (?:sai sự thật|bịa đặt|thất thiệt|xuyên tạc)|cắt ghép|xuyên tạc|thổi phồng|phóng đại"
)
_HOSTILE_RE = _rx(
    r"thế lực thù địch|phần tử xấu|đối tượng xấu|kẻ xấu(?=[^.!?\n]{0,30}(?:tung|đăng|lan truyền|xuyên tạc|kích động|"
    r"bịa đặt|cắt ghép|chống phá|bôi nhọ))|câu view|câu like|câu khách|giật tít|giật gân|bôi nhọ|vu khống|quy chụp|"
    r"thiếu tỉnh táo|(?:sự |quá |rất |, )cả tin(?! (?:nhắn|tức|bài|đồn))|nhẹ dạ|thiếu hiểu biết|a dua|hùa theo|"
    r"(?:phụ huynh|người dân|gia đình|người nhà|cư dân mạng)[^.!?\n]{0,60}gây mất trật tự|tiếp tay cho|"
    r"chính (?:nhiều |một số |các )?(?:phụ huynh|người dân|gia đình|nạn nhân)[^.!?\n]{0,40}(?:đã tự|tự ý|tự đăng|"
    r"đưa lên|đăng lên|gây|khiến)|"
    r"(?:báo|tờ báo|trang (?:mạng|tin|báo)|cơ quan báo chí|phóng viên|nhà báo)[^.!?\n]{0,50}"
    r"(?:vội (?:vàng )?(?:đưa tin|đăng)|đưa tin khi chưa|chưa (?:liên hệ|kiểm chứng|xác minh)[^.!?\n]{0,20}đã)|"
    r"đề nghị (?:các )?(?:cơ quan )?(?:báo chí|phóng viên|nhà báo)[^.!?\n]{0,20}(?:không (?:đưa tin|khai thác|"
    r"đăng tải thông tin|thông tin|phản ánh)|thận trọng|ngừng|hạn chế đưa tin)(?![^.!?\n]*(?:hình ảnh|danh tính|"
    r"tên|thông tin cá nhân|các em|học sinh|trẻ em))|"
    r"(?:sở|bộ|nhà trường|ngành(?: giáo dục)?|chúng tôi|phòng)[^.!?\n]{0,15}không (?:chịu|có) trách nhiệm|"
    r"không thuộc (?:trách nhiệm|thẩm quyền quản lý)|chỉ là (?:\S+ ){1,3}?(?:nhỏ|cá biệt|đơn lẻ|bình thường)|"
    r"(?:trường hợp|vụ việc|sự việc) cá biệt|không nghiêm trọng như|làm to chuyện|chuyện bé xé ra to"
    # a harm played down: "cô chỉ nhắc nhở hơi mạnh tay", "chỉ hơi nặng lời"
    r"|chỉ (?:\S+ ){0,2}?hơi (?:mạnh tay|nặng lời|nghiêm khắc|quá tay|quá lời)"
)
# The public blamed for posting: "Việc phụ huynh đưa lên mạng … là chưa phù hợp".
_PUBLIC_POST_RE = _rx(
    r"(?:phụ huynh|người dân|người|tài khoản|cư dân mạng)[^.!?\n]{0,60}(?:lên mạng|mạng xã hội|chia sẻ)[^.!?\n]{0,80}"
    r"(?:chưa phù hợp|không phù hợp|thiếu kiểm chứng|vội vàng|thiếu tỉnh táo|sai lệch)"
)
_MILD_RE = _rx(
    r"(?:bị )?hiểu sai|(?:thực hiện|triển khai|làm|tổ chức|bảo mật|bảo quản|vận hành|quản lý)(?: \S+){0,3}? (?:đúng|nghiêm túc|chặt chẽ)"
    r"(?: \S+)?(?: mọi| các)? (?:quy định|quy trình)|luôn (?:được )?(?:quan tâm|thực hiện nghiêm|chỉ đạo quyết liệt)|"
    r"(?:đề nghị|yêu cầu) (?:các )?(?:cơ quan )?(?:báo chí|phóng viên)[^.!?\n]{0,40}(?:khách quan|trung thực|"
    r"đúng bản chất|có trách nhiệm)"
)
_THREAT_RE = _rx(r"xử lý nghiêm|chịu trách nhiệm trước pháp luật|bị xử lý|xử phạt")
_SHARING_RE = _rx(r"chia sẻ|đăng tải|lan truyền|phát tán")
_PROTECT_RE = _rx(r"trẻ em|các em|học sinh|thông tin cá nhân|dữ liệu cá nhân|hình ảnh của")
_REQUEST_RE = _rx(r"không chia sẻ|không đăng|không tin|đề nghị|mong|xin")
_NOT_BEFORE_RE = re.compile(r"(?:không|tránh|chống|chưa|đừng)\s+(?:\S+\s+){0,2}\Z")


def _tone_hits(d: Draft) -> list[tuple[int, int, float]]:
    folded = d.folded
    ix = _index(d)
    hits: list[tuple[int, int, float]] = []

    def evidence_near(pos: int) -> bool:
        i = ix.sentence_index(pos)
        if not ix.sentences:
            return False
        lo = max(ix.sentences[max(0, i - 1)].start, pos - 600)
        hi = min(ix.sentences[min(len(ix.sentences) - 1, i + 2)].end, pos + 900)
        return bool(_EVIDENCE_RE.search(folded, lo, hi))

    for m in islice(_HOSTILE_RE.finditer(folded), _MAX_CUES):
        if _NOT_BEFORE_RE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        hits.append((m.start(), m.end(), 0.5))
    for m in islice(_DENIAL_RE.finditer(folded), _MAX_CUES):
        if _NOT_BEFORE_RE.search(folded, max(0, m.start() - 20), m.start()) or evidence_near(m.start()):
            continue
        hits.append((m.start(), m.end(), 0.5))
    for m in islice(_PUBLIC_POST_RE.finditer(folded), _MAX_CUES):
        if _REQUEST_RE.search(m.group()):
            continue
        hits.append((m.start(), m.end(), 0.5))
    for m in islice(_MILD_RE.finditer(folded), _MAX_CUES):
        if _NOT_BEFORE_RE.search(folded, max(0, m.start() - 20), m.start()) or evidence_near(m.start()):
            continue
        hits.append((m.start(), m.end(), 0.25))
    for m in islice(_THREAT_RE.finditer(folded), _MAX_CUES):
        s, e = _sentence_span(d, m.start())
        if _SHARING_RE.search(folded, s, e) and not _PROTECT_RE.search(folded, s, e):
            hits.append((m.start(), m.end(), 0.25))
    # one hit per place: overlapping matches count once, at the higher cost
    hits.sort()
    out: list[tuple[int, int, float]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            prev = out[-1]
            out[-1] = (prev[0], max(prev[1], h[1]), max(prev[2], h[2]))
        else:
            out.append(h)
    return out


@RUBRIC.criterion(
    "tone",
    label=N_("Open, not defensive"),
    weight=14,
    source=SRC_CERC + " (show respect; never withhold to avoid embarrassment); NĐ 244/2026 Art. 7 (rebut false "
    "reports with facts), domain.md §2, §5",
    passes=[
        "Sở GD&ĐT khẳng định không ban hành văn bản này. Cụ thể: sổ đăng ký văn bản đi của Sở không có văn bản "
        "nào mang số này.",
        "Chúng tôi đề nghị cộng đồng không suy đoán và không chia sẻ hình ảnh của các em.",
    ],
    fails=[
        "Thông tin trên mạng là hoàn toàn bịa đặt, do các đối tượng xấu tung ra nhằm câu view.",
        "Một số trang mạng và tờ báo đã giật tít, thổi phồng sự việc. Đề nghị báo chí không khai thác thông tin "
        "từ mạng xã hội.",
    ],
)
def tone(d: Draft) -> Finding:
    """Whether the statement stays open instead of defensive (source: CDC CERC "show respect",
    "be credible" [S12]; NĐ 244/2026 Art. 7 asks to rebut false reports with facts; weight 14).

    Costs 0.5 each: a denial without evidence nearby ("hoàn toàn không có", "là sai sự
    thật", "thổi phồng" — excused when the same or the next two sentences give proof:
    "cụ thể", "sổ đăng ký", "biên bản", "kết quả kiểm tra", "niêm phong"…); hostile labels
    ("thế lực thù địch", "đối tượng xấu", "câu view", "giật tít"); blaming the public, the
    press or victims ("thiếu tỉnh táo", "cả tin", "bị hiểu sai", "báo … vội đưa tin",
    "đề nghị báo chí không đưa tin", "chính phụ huynh…"); disowning or minimising
    ("không thuộc trách nhiệm", "chỉ là va chạm nhỏ", "trường hợp cá biệt"). Costs 0.25:
    self-justification ("thực hiện đúng quy trình"), lecturing the press ("phản ánh khách
    quan"), threats to people who share. Unit: phrases.
    """
    hits = _tone_hits(d)
    if not hits:
        return Finding.ok()
    cost = sum(h[2] for h in hits)
    nums = [_sentence_no(d, h[0]) for h in hits]
    return Finding(
        max(0.0, 1.0 - cost),
        t("Sentence(s) {nums} sound defensive: they deny without evidence, blame the public, the press or the "
          "victims, or play the incident down. State the facts you have checked and what you are doing instead.",
          nums=_list_numbers(nums)),
        tuple((h[0], h[1]) for h in hits[:8]),
    )


# --------------------------------------------------------------------------- actions

_ACTION_VERB_RE = _rx(
    r"chỉ đạo|yêu cầu|cử|đưa|lập|thành lập|gọi|gọi điện|liên hệ|đề nghị|báo cáo|báo|dừng|tạm dừng|tạm hoãn|hoãn|khóa|"
    r"gỡ|chuyển|đăng|nhắn tin|căng|đặt|đến|có mặt|làm việc|thăm hỏi|kiểm tra|phong tỏa|sơ tán|di dời|tổ chức|"
    r"bố trí|hỗ trợ|chi trả|cấp cứu|xác minh|rà soát|tổng hợp|ban hành|gửi|thông báo|phối hợp|họp|triệu tập|"
    r"khắc phục|sửa chữa|dọn dẹp|trả lại|hoàn trả|buộc|phát|cung cấp|mời|dập|ứng cứu|tìm kiếm|cách ly|đình chỉ|"
    r"ngừng|lấy mẫu|niêm phong|truy|thu hồi|cảnh báo|nhắc|hướng dẫn|trực|cho nghỉ|cho học sinh nghỉ|đón|"
    r"khám|sơ cứu|bảo vệ|lưu mẫu|giám sát|xử lý|điều động|huy động|tiếp nhận"
)
_AGENT_RE = _rx(
    r"sở|bộ|phòng|nhà trường|trường|hiệu trưởng|ban giám hiệu|giám đốc|lãnh đạo|bộ trưởng|thứ trưởng|"
    r"chánh văn phòng|giáo viên|cán bộ|chuyên viên|đoàn|tổ công tác|tổ xác minh|tổ kiểm tra|chúng tôi|ubnd|ủy ban|"
    r"chủ tịch|ngành giáo dục|ban chỉ đạo|hội đồng|công an|lực lượng|nhân viên|y tế|bác sĩ|cơ quan|đơn vị"
)
_NOW_RE = _rx(r"ngay (?:trong đêm|trong ngày|trong sáng|trong chiều|sau khi|lập tức|khi nhận|khi nắm)|ngay lập tức|"
              r"(?:trong |ngay |từ )?(?:buổi )?(?:sáng|trưa|chiều|tối|đêm) (?:nay|qua|cùng ngày)\b|\bhôm (?:nay|qua)\b")
_FUTURE_ONLY_RE = _rx(r"sẽ|dự kiến|kế hoạch|tiếp theo")
# How the incident surfaced or reached the agency: not an action unless "đã" marks one too.
_PUBLIC_SURFACE_RE = _rx(r"xuất hiện|lan truyền|mạng xã hội|diễn đàn|tài khoản|đăng bài|đăng tải|nhận được|tiếp nhận|"
                         r"nắm được")
_NOT_DONE_RE = _rx(r"chưa|đã không|không (?:được|thể)")
_TIMELINE_LEAD_RE = re.compile(r"\s*[:|–—\-]")


def _actions(d: Draft) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of timed and untimed actions already taken."""
    folded = d.folded
    ix = _index(d)
    mentions = [m for m in d.dates if m.kind in ("date", "datetime", "time", "range")]
    mstarts = [m.start for m in mentions]
    timed: list[tuple[int, int]] = []
    untimed: list[tuple[int, int]] = []
    seen_sent: set[int] = set()
    # timeline lines
    for p in d.paragraphs:
        body_start = p.start
        txt = folded[p.start:p.end]
        lead = len(txt) - len(txt.lstrip(" \t-–—•*+|"))
        if p.marker:
            mk = txt.find(p.marker.lower()) if p.marker else -1
            if 0 <= mk < 4:
                lead = max(lead, mk + len(p.marker))
                lead += len(txt[lead:]) - len(txt[lead:].lstrip(" \t|"))
        body_start = p.start + lead
        i = bisect_right(mstarts, body_start + 8) - 1
        while i >= 0 and mentions[i].start >= body_start:
            m = mentions[i]
            if m.start - body_start <= 8 and m.hour is not None and _TIMELINE_LEAD_RE.match(folded, m.end, p.end):
                if not _FUTURE_ONLY_RE.search(folded, m.end, min(p.end, m.end + 30)):
                    timed.append((p.start, p.end))
                    for s in p.sentences:
                        seen_sent.add(s.start)
                break
            i -= 1
    for s in ix.sentences:
        if s.start in seen_sent:
            continue
        if not (_ACTION_VERB_RE.search(folded, s.start, s.end) and _AGENT_RE.search(folded, s.start, s.end)):
            continue
        sent = folded[s.start:s.end]
        done = re.search(r"\bđã\b", sent) is not None
        if _FUTURE_ONLY_RE.search(sent) and not done or _HOTLINE_RE.search(sent) or _SPOKES_RE.search(sent) or \
                "phát hành" in sent:
            continue
        if not re.search(r"\bđã\b|được|\bđưa\b|lúc|\d", sent):
            continue
        # how the incident surfaced ("một phụ huynh đăng bài…") and steps not taken are not actions
        if _PUBLIC_SURFACE_RE.search(sent) and not done or _NOT_DONE_RE.search(sent):
            continue
        j = bisect_right(mstarts, s.end) - 1
        has_time = any(s.start <= x.start < s.end and x.qualifier != "until" and
                       (x.hour is not None or x.day is not None) for x in mentions[max(0, j - 6):j + 1])
        if not has_time:
            has_time = bool(_NOW_RE.search(folded, s.start, s.end))
        if has_time:
            timed.append((s.start, s.end))
        elif done:
            untimed.append((s.start, s.end))
    return timed, untimed


@RUBRIC.criterion(
    "actions",
    label=N_("Actions taken, with times"),
    weight=12,
    source=SRC_CERC + " (promote action: say what is being done), domain.md §5",
    passes=[
        "Những việc đã làm:\n- 19 giờ 50: Giám đốc Sở yêu cầu Hiệu trưởng báo cáo bằng văn bản.\n"
        "- 20 giờ 00: Hiệu trưởng đến nhà em học sinh để thăm hỏi.\n"
        "- 20 giờ 15: Sở cử chuyên viên đến trường làm việc cùng công an phường.",
    ],
    fails=[
        "Sở GD&ĐT đã chỉ đạo nhà trường báo cáo, giải trình và rút kinh nghiệm sâu sắc.",
    ],
)
def actions(d: Draft) -> Finding:
    """What has been done, with times (source: CDC CERC "promote action" — the first message
    says what is being done [S12]; weight 12).

    Counts concrete actions: a timeline line opening with a time ("19 giờ 50: …",
    "| 6 giờ 30 | …"), or a sentence naming an actor of the agency or school, an action
    verb (chỉ đạo, cử, đưa đi cấp cứu, lập tổ công tác, dừng, gỡ…) and a time or date
    ("lúc 21 giờ 30", "sáng 16/3", "ngay trong đêm"). Untimed actions count half; plans
    ("sẽ…") do not count. Graded: 3+ timed actions full, 2 → 0.55, 1 → 0.35. Unit:
    sentences or list lines.
    """
    timed, untimed = _actions(d)
    score = len(timed) + 0.5 * min(len(untimed), 4)
    if len(timed) >= 3 or score >= 4:
        return Finding.ok()
    if len(timed) == 0 and not untimed:
        return Finding(
            0.0,
            _("The draft does not say what has been done. Add a short list of the actions already taken, each "
              "with its time, e.g. \"20 giờ 15: Sở cử cán bộ đến trường\"."),
        )
    frac = {0: 0.2, 1: 0.35, 2: 0.55}[min(len(timed), 2)] + (0.1 if untimed else 0.0)
    spans = _dedupe((timed + untimed)[:6])
    if not timed:
        msg = _("The draft mentions actions but gives no times. Say when each step was taken (\"lúc 21 giờ 30, "
                "Sở đã cử…\"), so readers see how fast you responded.")
    else:
        msg = t("Only {n} action(s) with a time. List each step already taken with its time (who did what, when): "
                "readers judge the response by it.", n=len(timed))
    return Finding(min(frac, 0.7), msg, spans)


# --------------------------------------------------------------------------- next update

_PROMISE_RE = _rx(
    r"sẽ (?:tiếp tục |kịp thời |thường xuyên |chính thức )?(?:thông tin|cập nhật|công bố|thông báo|cung cấp|"
    r"báo cáo kết quả|công khai|họp báo|tổ chức họp báo|trả lời|gửi thông tin|phát hành)|thông tin tiếp theo|"
    r"sẽ (?:tiếp tục )?được (?:cập nhật|công bố|thông báo|đăng tải|đăng|thông tin|công khai|gửi)|"
    r"(?:lần|bản tin) cập nhật (?:tiếp theo|kế tiếp|sau)|cập nhật (?:tiếp|thêm|thường xuyên)|"
    r"họp báo|gặp (?:gỡ )?báo chí (?:vào|lúc)"
)
_WHERE_RE = _rx(
    r"cổng thông tin|trang (?:facebook|fanpage|web|thông tin|tin|zalo|chủ)|facebook|fanpage|website|zalo|họp báo|"
    r"gặp (?:gỡ )?báo chí|trụ sở|kênh (?:chính thức|thông tin)|tin nhắn|nhắn tin|sms|email|thư điện tử|"
    r"bảng tin|loa|nhóm zalo|ứng dụng|phương tiện thông tin đại chúng|báo chí"
)
_WHEN_WEAK_RE = _rx(r"ngay khi có|hằng ngày|hàng ngày|mỗi ngày|định kỳ|trong ngày|trong tuần|trong hôm nay|sáng mai|chiều mai|"
                    r"ngày mai|tối nay|chiều nay|sáng nay")


@RUBRIC.criterion(
    "next_update",
    label=N_("Says when and where the next update comes"),
    weight=10,
    source=SRC_CERC + " (say when the next update comes and where to learn more), domain.md §5",
    passes=[
        "Sở GD&ĐT sẽ thông tin kết quả xác minh trước 11 giờ ngày 10/10/2026 trên Cổng thông tin điện tử của Sở.",
    ],
    fails=[
        "Sở GD&ĐT sẽ tiếp tục thông tin khi có kết quả.",
        "Sở GD&ĐT đề nghị phụ huynh yên tâm cho con đến trường.",
    ],
)
def next_update(d: Draft) -> Finding:
    """When and where the next information comes (source: CDC CERC first message: "when the
    next update comes, where to learn more" [S12]; weight 10).

    A promise ("sẽ tiếp tục thông tin / cập nhật / công bố", "Thông tin tiếp theo",
    "họp báo lúc…") read with its paragraph and the next: full marks with a time or date
    ("trước 17 giờ ngày 7/12", "lúc 16 giờ hôm nay") and a channel ("Cổng thông tin điện
    tử", "trang Facebook chính thức", "họp báo tại trụ sở", "tin nhắn cho phụ huynh").
    A vague when ("ngay khi có kết quả", "hằng ngày") gives 0.8 with a channel; a time
    without a channel 0.6; a channel without a time 0.5; a bare promise 0.3. Unit: promises.
    """
    folded = d.folded
    ix = _index(d)
    best = (0.0, None, "")
    mentions = [m for m in d.dates if m.kind in ("date", "datetime", "time", "range") and
                (m.hour is not None or m.day is not None)]
    mstarts = [x.start for x in mentions]
    paras = ix.paragraphs
    for m in islice(_PROMISE_RE.finditer(folded), _MAX_CUES):
        if re.match(r"\s*không", folded[m.end():m.end() + 8]):
            continue
        p = ix.paragraph(m.start())
        if p is None:
            continue
        pi = bisect_right(ix.pstarts, p.start) - 1
        s, e = _sentence_span(d, m.start())
        # from the promise's sentence to the end of its paragraph; the next paragraph too
        # after a heading-like line ("Thông tin tiếp theo")
        lo = s
        hi = paras[pi + 1].end if 0 <= pi < len(paras) - 1 else p.end
        if len(p.sentences) > 1 or p.end - p.start > 60:
            hi = p.end
        hi = min(hi, m.end() + 600)
        k = bisect_right(mstarts, lo - 1)
        when = False
        while k < len(mentions) and mentions[k].start < hi:
            if mentions[k].qualifier != "until":
                when = True
                break
            k += 1
        weak_when = bool(_WHEN_WEAK_RE.search(folded, lo, hi))
        where = bool(_WHERE_RE.search(folded, lo, hi)) or any(
            c.kind == "url" and lo <= c.start < hi for c in d.contacts)
        if when and where:
            frac = 1.0
        elif weak_when and where:
            frac = 0.8
        elif when:
            frac = 0.6
        elif where:
            frac = 0.5
        else:
            frac = 0.3
        if frac > best[0]:
            best = (frac, (s, e), "when" if not when else "where")
        if frac >= 1.0:
            break
    frac, span, missing = best
    if frac >= 1.0:
        return Finding.ok()
    if span is None:
        return Finding(
            0.0,
            _("The draft does not say when the next information comes. End with a promise that has a time and a "
              "place, e.g. \"Sở sẽ cập nhật trước 17 giờ ngày 7/12 trên Cổng thông tin điện tử của Sở\"."),
        )
    n = _sentence_no(d, span[0])
    if frac >= 0.8:
        msg = t("Sentence {n} promises an update without a precise time. Give the hour and day "
                "(\"lúc 16 giờ hôm nay\", \"trước 17 giờ ngày 7/12\").", n=n)
    elif missing == "where":
        msg = t("Sentence {n} says when the next update comes but not where. Name the channel (Cổng thông tin "
                "điện tử, trang Facebook chính thức, họp báo tại…).", n=n)
    else:
        msg = t("Sentence {n} promises more information but not when. Give a time (\"trước 17 giờ ngày 7/12\") and "
                "a channel.", n=n)
    return Finding(frac, msg, (span,))


# --------------------------------------------------------------------------- spokesperson

_SPOKES_RE = _rx(
    r"người phát ngôn|phát ngôn viên|người được (?:giao|ủy quyền) phát ngôn|được ủy quyền phát ngôn|"
    r"đầu mối (?:cung cấp )?thông tin|người cung cấp thông tin"
)
_TITLE_RE = _rx(
    r"(?:phó |quyền )?(?:giám đốc|chánh văn phòng|hiệu trưởng|chủ tịch|trưởng phòng|trưởng ban|bộ trưởng|thứ trưởng|"
    r"vụ trưởng|cục trưởng|bí thư|chánh thanh tra|trưởng khoa|tổng giám đốc|thủ trưởng|người đứng đầu)"
)
_FIELD_LINE_RE = re.compile(r"\s*(?:điện thoại|đt|đtdđ|di động|sđt|số điện thoại|email|e-mail|thư điện tử|fax|zalo)\b")
_HOTLINE_RE = _rx(r"đường dây nóng|hotline|tổng đài|số điện thoại trực|điện thoại trực|trực (?:24/24|điện thoại)")
_SHORT_LINE_RE = re.compile(r"(?<!\d)1\d{2}(?!\d)")


@RUBRIC.criterion(
    "spokesperson",
    label=N_("Named spokesperson and hotline"),
    weight=10,
    source=SRC_SPOKES,
    passes=[
        "Người phát ngôn: ông Bùi Quang Huy, Phó Giám đốc Sở GD&ĐT Hải Phòng. Điện thoại: 0225 3842 118. "
        "Email: phatngon@sgdhaiphong.edu.vn.\nĐường dây nóng của Sở: 0225 3745 190.",
    ],
    fails=[
        "Mọi thắc mắc xin liên hệ nhà trường.",
        "Người phát ngôn: Phó Giám đốc Sở GD&ĐT.",
    ],
)
def spokesperson(d: Draft) -> Finding:
    """A named spokesperson with title and contact, and a hotline (source: NĐ 244/2026/NĐ-CP:
    only the head, the designated spokesperson or a person authorised in writing speaks
    for the agency, contact details are published; CERC: say where to learn more; weight 10).

    Reads the "Người phát ngôn: …" line (and the "Điện thoại: …/Email: …" lines under
    it) with :func:`kit.rubrics.people.find_people`: name (with "ông/bà" or a common
    surname) 0.2, title 0.1, phone or e-mail 0.15 on a 0.4 base; a hotline with a number
    ("đường dây nóng … 0225…", "Tổng đài 111") 0.15. Without a spokesperson cue, a named
    official with a phone earns 0.55 and a hotline alone 0.35. Unit: lines.
    """
    folded = d.folded
    ix = _index(d)
    people = _people(d)
    contacts = [c for c in d.contacts if c.kind in ("phone", "email")]
    phones = [c for c in d.contacts if c.kind == "phone" and not c.placeholder]

    hotline_spans = []
    for m in islice(_HOTLINE_RE.finditer(folded), _MAX_CUES):
        p = ix.paragraph(m.start())
        if p is None:
            continue
        if any(p.start <= c.start < p.end for c in phones) or _SHORT_LINE_RE.search(d.text, m.end(), p.end):
            hotline_spans.append((m.start(), m.end()))
    hotline = bool(hotline_spans)

    best = None
    for m in islice(_SPOKES_RE.finditer(folded), _MAX_CUES):
        p = ix.paragraph(m.start())
        if p is None:
            continue
        lo, hi = m.start(), p.end
        k = bisect_right(ix.pstarts, p.start)
        while k < len(ix.paragraphs) and _FIELD_LINE_RE.match(folded, ix.paragraphs[k].start):
            hi = ix.paragraphs[k].end
            k += 1
        named = [q for q in people if lo <= q.name_start < hi and len(q.name.split()) >= 2]
        # a name just before the cue: "Ông X, Người phát ngôn của Sở"
        named += [q for q in people if p.start <= q.name_start < lo and lo - q.end < 20 and len(q.name.split()) >= 2]
        titled = any(q.title for q in named) or bool(_TITLE_RE.search(folded, lo, hi))
        contact = any(lo <= c.start < hi for c in contacts)
        score = 0.4 + (0.2 if named else 0) + (0.1 if titled else 0) + (0.15 if contact else 0)
        if best is None or score > best[0]:
            best = (score, (m.start(), hi), bool(named), titled, contact)
    if best is not None:
        score, span, named, titled, contact = best
        frac = min(1.0, score + (0.15 if hotline else 0))
        if frac >= 1.0:
            return Finding.ok()
        missing = []
        if not named:
            missing.append(_("the spokesperson's full name"))
        if not titled:
            missing.append(_("their title"))
        if not contact:
            missing.append(_("their phone number or e-mail"))
        if not hotline:
            missing.append(_("a hotline number for parents"))
        return Finding(frac, t("The spokesperson line lacks {what}. Journalists and parents need to know who speaks "
                               "for the agency and how to reach them.", what=", ".join(missing)), (span,))
    # no spokesperson cue: a named official next to a phone number is a contact, not a spokesperson
    official = None
    for q in people:
        if q.official and len(q.name.split()) >= 2:
            p = ix.paragraph(q.start)
            if p is not None and any(p.start <= c.start < p.end for c in contacts):
                official = q
                break
    if official is not None:
        frac = 0.55 + (0.15 if hotline else 0)
        return Finding(frac, _("Name this person as the spokesperson (\"Người phát ngôn: …\"): under NĐ 244/2026 "
                               "only the designated spokesperson speaks for the agency."),
                       ((official.start, official.end),))
    if hotline:
        return Finding(0.35, _("There is a hotline but no spokesperson. Add \"Người phát ngôn: ông/bà …, title, "
                               "phone, e-mail\" (NĐ 244/2026)."), tuple(hotline_spans[:2]))
    return Finding(0.0, _("The draft names no spokesperson and gives no hotline. End with \"Người phát ngôn: ông/bà "
                          "…, title, phone, e-mail\" and a hotline number for parents."))


# --------------------------------------------------------------------------- privacy

_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đào Lương Mai Trịnh "
    "Lâm Hà Tạ Cao Đoàn Tô Châu Vương Phùng Thái Kiều Quách Nông Lò Lường Sùng Giàng Vàng Thào Triệu Chu Mạc "
    "Âu Tăng Từ Khúc Tống Lã Lưu Diệp Thân Hứa Kim Nghiêm Lục Tôn Đàm Lại Khổng Doãn Bạch Giáp Cù Phí Lưu "
    "Ninh Tiêu Thạch Văn Quan Mạch La Bế Hầu Ông Lạc Đồng Ma"
).split()


def _letters(pred) -> str:
    return "".join(re.escape(chr(i)) for lo, hi in ((0x41, 0x250), (0x1E00, 0x1F00)) for i in range(lo, hi)
                   if pred(chr(i)))


_UPPER = _letters(str.isupper)
_LOWER = _letters(str.islower)
_NAME_TOKEN = rf"[{_UPPER}][{_LOWER}]+"
_FULL_NAME = r"(?:" + "|".join(sorted(set(_SURNAMES), key=len, reverse=True)) + r")(?:[ \t]+" + _NAME_TOKEN + r"){1,3}"
_FULL_NAME_RE = re.compile(r"(?<![^\W\d_])" + _FULL_NAME + r"(?![^\W\d_])")
# Names of historical figures given to schools and streets: "Trường THPT Lý Thường Kiệt".
_PLACE_NAMES = frozenset(
    "Lê Lợi|Nguyễn Du|Trần Phú|Lý Thường Kiệt|Lê Quý Đôn|Nguyễn Trãi|Chu Văn An|Trần Hưng Đạo|Nguyễn Huệ|"
    "Quang Trung|Lê Hồng Phong|Phan Bội Châu|Phan Chu Trinh|Nguyễn Thị Minh Khai|Võ Thị Sáu|Hai Bà Trưng|"
    "Ngô Quyền|Lý Tự Trọng|Nguyễn Văn Trỗi|Kim Đồng|Trần Quốc Toản|Lê Văn Tám|Nguyễn Bỉnh Khiêm|Lương Thế Vinh|"
    "Trần Đại Nghĩa|Hà Nội|Hà Tĩnh|Hà Giang|Hà Nam|Cao Bằng|Lâm Đồng|Đồng Nai|Đồng Tháp|Hồ Chí Minh|"
    "Trần Khát Chân|Lê Duẩn|Võ Nguyên Giáp|Phạm Văn Đồng|Nguyễn Văn Cừ|Hoàng Hoa Thám|Đinh Tiên Hoàng|"
    "Lê Chân|Mai Sơn|Hoàng Mai|Kim Sơn|Cao Lãnh|Lý Sơn".split("|")
)
_PUPIL_BEFORE_RE = re.compile(
    r"(?:^|[^\w])(?:em|cháu|bé|học sinh|nữ sinh|nam sinh|thí sinh|học trò|con (?:trai|gái)|con)"
    r"(?:\s+(?:tên là|có tên là|có tên|tên|là))?\s*[:,]?\s*\Z"
)
_PUPIL_AFTER_RE = re.compile(
    r"\s*(?:[,(–-]\s*)?(?:là\s+)?(?:học sinh|nữ sinh|nam sinh|thí sinh|cháu|em)\s+(?:lớp|trường|của|đang)"
    r"|\s*[,(]\s*(?:1[0-7]|[1-9])\s*tuổi"
)
_PARENT_AFTER_RE = re.compile(
    r"\s*[,(–-]?\s*(?:là\s+)?(?:bố|mẹ|cha|phụ huynh|người nhà|ông|bà|anh|chị)\s+(?:ruột\s+)?"
    r"(?:của\s+(?:em|cháu|học sinh|nữ sinh|nam sinh|bé)|(?:em|cháu|bé)(?![^\W\d_]))"
)
_PARENT_BEFORE_RE = re.compile(
    r"(?:bố|mẹ|cha|phụ huynh)\s+(?:của\s+)?(?:em|cháu|học sinh|bé)(?:\s+\S+){0,4}?\s+(?:là\s+)?"
    r"(?:ông|bà|anh|chị)\s*\Z"
)
_AGE_RE = re.compile(r"(?<!\d)(1[0-7]|[1-9])\s*tuổi(?![^\W\d_])")
_AGE_RANGE_BEFORE_RE = re.compile(r"(?:từ|dưới|trên|đến|tới|-|–)\s*(?:\d+\s*(?:đến|-|–)\s*)?\Z")
_CLASS_RE = _rx(r"lớp\s+(?:\d{1,2}\s*[a-zđ]?\d{0,2}|mầm|chồi|lá|nhà trẻ)")
_ADDRESS_RE = _rx(r"nhà ở|trú tại|trú ở|ngụ tại|ngụ ở|cư trú tại|địa chỉ nhà|sống tại|nhà riêng (?:ở|tại)|thường trú")
_NEG_RE = _rx(r"không|chưa|chẳng")
# What follows "nhà ở": a house number, a lane, a street, a village or a capitalised place.
_ADDRESS_BODY_RE = re.compile(
    r"\s*:?\s*(?:(?:số|ngõ|ngách|hẻm|kiệt|phố|đường|thôn|xóm|ấp|bản|làng|tổ|khu phố|khối|phường|xã|khu|"
    r"con hẻm|căn hộ|chung cư)(?![^\W\d_])|\d|[" + _UPPER + "])"
)
_PUPIL_WORD_RE = _rx(r"em|cháu|bé|học sinh|nữ sinh|nam sinh|thí sinh")
_ONE_PUPIL_RE = _rx(r"(?<!các )(?<!những )(?<!nhiều )(?<!mọi )(?:em|cháu|bé)|một (?:học sinh|em|cháu|trẻ)|nữ sinh|nam sinh")


def _pupil_names(d: Draft) -> list[tuple[int, int, str]]:
    text, folded = d.text, d.folded
    found: list[tuple[int, int, str]] = []
    for m in _FULL_NAME_RE.finditer(text):
        name = m.group()
        if name.split()[-1] in ("Văn", "Thị"):
            continue  # a surname and a middle name only: a placeholder ("Nguyễn Văn A") or a cut name
        if name in _PLACE_NAMES or " ".join(name.split()[:3]) in _PLACE_NAMES or " ".join(name.split()[:2]) in \
                _PLACE_NAMES:
            continue
        before = folded[max(0, m.start() - 30):m.start()]
        after = folded[m.end():m.end() + 60]
        if _PUPIL_BEFORE_RE.search(before) or _PUPIL_AFTER_RE.match(after):
            found.append((m.start(), m.end(), "name"))
        elif _PARENT_AFTER_RE.match(after) or _PARENT_BEFORE_RE.search(folded[max(0, m.start() - 60):m.start()]):
            found.append((m.start(), m.end(), "parent"))
    # pupils found by honorific in the shared people finder ("em Nguyễn Bảo Ngọc")
    covered = {s for s, _e, _k in found}
    for q in _people(d):
        if (q.honorific or "").lower() in ("em", "cháu", "bé", "nữ sinh", "nam sinh", "học sinh") and \
                len(q.name.split()) >= 2 and q.name not in _PLACE_NAMES and q.name_start not in covered:
            found.append((q.name_start, q.name_end, "name"))
    return found


@RUBRIC.criterion(
    "privacy",
    label=N_("Protects pupils' identity"),
    weight=12,
    source=SRC_PRIVACY,
    passes=[
        "Em học sinh bị đánh có vết bầm ở tay. Hiệu trưởng, thầy Nguyễn Văn Hùng, đã đến nhà em N.V.A. để thăm hỏi.",
        "Một học sinh lớp 8 của trường đã được đưa đến trạm y tế.",
    ],
    fails=[
        "Em Phạm Quốc Bảo, học sinh lớp 7A3, bị gãy xương cẳng tay.",
        "Cháu N.G.H. (4 tuổi, lớp Chồi 2) bị bỏ quên trên xe, nhà ở số 12 ngõ 5 phường Tân Mai.",
    ],
)
def privacy(d: Draft) -> Finding:
    """No detail that identifies a pupil (source: Luật Trẻ em 2016 Art. 6(11), 21; NĐ 56/2017
    Art. 33 lists name, age, school, class, address, family, images as a child's private
    data; Luật BVDLCN 2025 Art. 24; domain.md recommends protecting every pupil; weight 12).

    Flags a pupil's full name (a common Vietnamese surname + 1–3 capitalised syllables
    after "em", "cháu", "học sinh", "nữ sinh", "nam sinh", or followed by ", học sinh lớp…"
    or an age), a parent's name tied to a pupil ("anh X, bố của em…"), an age together
    with a class ("4 tuổi, lớp Chồi 2") and a pupil's home address ("nhà ở…", "trú tại…").
    Initials ("em N.V.A."), "học sinh lớp 8" alone, and adults' names (teachers, officials)
    are fine. A full name costs everything; other details 0.7 each. Unit: mentions.
    """
    folded = d.folded
    names = _pupil_names(d)
    other: list[tuple[int, int]] = []
    for m in islice(_AGE_RE.finditer(folded), _MAX_CUES):
        if _AGE_RANGE_BEFORE_RE.search(folded, max(0, m.start() - 12), m.start()):
            continue
        s, e = _sentence_span(d, m.start())
        if _CLASS_RE.search(folded, s, e) and _ONE_PUPIL_RE.search(folded, s, e):
            other.append((m.start(), m.end()))
    for m in islice(_ADDRESS_RE.finditer(folded), _MAX_CUES):
        s, e = _sentence_span(d, m.start())
        if not _PUPIL_WORD_RE.search(folded, s, e) or _NEG_RE.search(folded, s, m.start()):
            continue
        if _ADDRESS_BODY_RE.match(d.text, m.end()):
            other.append((m.start(), min(e, m.end() + 40)))
    if not names and not other:
        return Finding.ok()
    spans = _dedupe([(s, e) for s, e, _k in names] + other)
    frac = 0.0 if names else max(0.0, 1.0 - 0.7 * len(other))
    nums = [_sentence_no(d, s) for s, _e in spans]
    if names:
        msg = t("Sentence(s) {nums} name a pupil or a pupil's parent. A child's name, class, age and address are "
                "private data protected by law (Luật Trẻ em 2016, NĐ 56/2017): write \"một học sinh lớp 8\" or "
                "initials instead.", nums=_list_numbers(nums))
    else:
        msg = t("Sentence(s) {nums} give details that can identify a pupil (age with class, or home address). Remove "
                "them: write \"một học sinh của trường\" instead.", nums=_list_numbers(nums))
    return Finding(frac, msg, spans[:6])
