"""Rubric for a communication plan (*kế hoạch truyền thông*) of the education sector.

Each criterion reads one part of the plan located by :mod:`kit.rubrics.plan_sections`
(objectives in I., audiences, messages, channels and activities in II., owners and
monitoring in III., money in IV., the header and signature block of NĐ 30/2020) and
judges it against the facts in ``/work/shared/docs/domain.md``: SMART objectives
(§6, Doran 1981), AMEC outputs/outcomes and NĐ 244/2026 Art. 10 reports for KPIs
(§2, §6), the plan skeleton of MOET plans 68/KH-BGDĐT and 142/KH-BGDĐT (§3) and the
format of NĐ 30/2020/NĐ-CP (§1).

Counts are of plan units (list items, table rows, paragraphs) and of syllables (tiếng)
where a length matters; never of "words". Precision first: a rule fires only on what it
can point at, and says so when it cannot find the part it judges.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from weakref import WeakKeyDictionary

from ..i18n import N_, _, t
from ..scoring.draft import Draft
from ..scoring.fold import fold
from ..text.entities import find_dates, find_numbers, symbol_spans
from ..text.segment import count_syllables
from .base import Finding, Rubric
from .plan_sections import NAMED_UNITS, Item, PlanLayout, Section, SpanSet, is_total_row, marker_end, parse_plan

RUBRIC = Rubric("campaign_plan", label=N_("Communication plan"))

_LAYOUTS: "WeakKeyDictionary[Draft, PlanLayout]" = WeakKeyDictionary()


def layout(d: Draft) -> PlanLayout:
    """The plan layout of ``d``, parsed once per draft and shared by the criteria."""
    lay = _LAYOUTS.get(d)
    if lay is None:
        lay = parse_plan(d.text, d.doc, d.folded)
        _LAYOUTS[d] = lay
    return lay


# fold() of short strings met again and again (titles, labels, table headers, unit names)
_fc = lru_cache(maxsize=8192)(fold)


def _outermost(sections: list[Section]) -> list[Section]:
    """Sections not nested in another of the list (sections never overlap partly)."""
    out: list[Section] = []
    reach = -1
    for s in sorted(sections, key=lambda x: (x.start, -x.end)):
        if s.end <= reach:
            continue
        out.append(s)
        reach = s.end
    return out


def _within(lay: PlanLayout, s: Section, *tags: str) -> bool:
    """Whether ``s`` lies inside a section carrying one of ``tags`` (itself excluded)."""
    return any(p is not s and p.has(*tags) for p in lay.path_at(s.start))


# --------------------------------------------------------------------------- timing, figures

# Timing that entities.find_dates leaves to context: a month/year cell ("12/2026"),
# "tuần", "học kỳ I", "đầu năm học", "trong vòng 48 giờ", "dịp khai giảng".
_TIME_EXTRA = re.compile(
    r"\b\d{1,2}\s*/\s*(?:19|20)\d{2}\b|\btháng\s*\d{1,2}\b|\bquý\s*(?:[ivx]{1,4}|[1-4])\b"
    r"|\b(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm|kỳ|học kỳ)\b|\btuần\s*(?:\d|đầu|cuối|thứ)"
    r"|\bhọc kỳ\s*(?:i{1,2}|[12])\b|\b(?:đầu|cuối|giữa)\s+(?:năm học|học kỳ|tháng|quý|năm)\b"
    r"|\b(?:trong|chậm nhất|tối đa)\s+(?:vòng\s+)?\d+\s*(?:giờ|ngày|tuần|tháng)\b"
    r"|\b(?:dịp|trước|sau|trong)\s+(?:lễ\s+|ngày\s+)?(?:khai giảng|tết|hè|kỳ thi|các ngày thi|ngày thi|tuyển sinh)\b"
    r"|/\s*(?:ngày|tuần|tháng|quý|năm)\b"
)
_DATE_KINDS_ACTIVITY = {"date", "datetime", "time", "month", "quarter", "range", "periodic"}
_DATE_KINDS_OBJECTIVE = _DATE_KINDS_ACTIVITY | {"year", "school_year"}


def _masked(text: str, pos: int, spans) -> bool:
    if isinstance(spans, SpanSet):
        return pos in spans
    return any(s <= pos < e for s, e in spans)


def _has_timing(text: str, *, objective: bool = False, folded: str | None = None) -> bool:
    """A date, month, quarter, range or period in ``text`` (years and school years count
    only for objectives: "Trong năm 2027, …" bounds an objective but schedules nothing)."""
    kinds = _DATE_KINDS_OBJECTIVE if objective else _DATE_KINDS_ACTIVITY
    if any(m.kind in kinds for m in find_dates(text)):
        return True
    f = fold(text) if folded is None else folded
    syms = symbol_spans(text)
    return any(not _masked(text, m.start(), syms) for m in _TIME_EXTRA.finditer(f))


_MEASURE_KINDS = {"percent", "count", "money", "amount", "measure", "duration"}
# "toàn bộ/tất cả" (100%) and zero targets ("không để xảy ra", "không có trường hợp") are measurable.
_ALL_OF = re.compile(r"\b(?:toàn bộ|tất cả)\b|\bkhông (?:để )?(?:xảy ra|có (?:trường hợp|vụ)|phát sinh)")


def _is_measurable(text: str, folded: str | None = None) -> bool:
    nums = find_numbers(text)
    if any(n.kind in _MEASURE_KINDS for n in nums):
        return True
    return bool(_ALL_OF.search(fold(text) if folded is None else folded))


def _has_duration(text: str) -> bool:
    return any(n.kind == "duration" for n in find_numbers(text))


def _marker_len(it: Item) -> int:
    return 0 if it.kind == "row" else marker_end(it.text)


def _body(it: Item) -> str:
    """Item text without its list marker."""
    return it.text[_marker_len(it):]


def _fbody(it: Item) -> str:
    """Folded item text without its list marker (same offsets as :func:`_body`)."""
    return it.folded[_marker_len(it):]


def _cell_folded(it: Item, c) -> str:
    return it.folded[c.start - it.start:c.end - it.start]


def _syl(text: str) -> int:
    return count_syllables(text)


# --------------------------------------------------------------------------- 1. objectives

_GENERAL = re.compile(r"\bchung\b|tổng quát")
_GENERAL_ITEM = re.compile(r"mục tiêu (?:chung|tổng quát)\s*:")


def _objective_sections(lay: PlanLayout) -> list[Section]:
    cands = [s for s in lay.find("objectives")
             if not s.has("situation") and not (s.has("evaluation") and not _fc(s.title).startswith("mục tiêu"))
             and not _within(lay, s, "organisation", "evaluation", "budget")]
    leaves = [s for s in cands if not any(c.has("objectives") for c in s.children)]
    specific = [s for s in leaves if not _GENERAL.search(_fc(s.title))]
    return specific or leaves


@RUBRIC.criterion(
    "objectives", label=N_("Objectives are measurable and dated"), weight=16,
    source="domain.md §6 (SMART, Doran 1981: Specific, Measurable, Time-related); plan section I",
    passes=[
        "I. MỤC ĐÍCH, YÊU CẦU\n2. Mục tiêu cụ thể\n"
        "- Trước ngày 30/9/2027, 100% trường THPT có trang tin điện tử cập nhật ít nhất 02 tin/tuần.\n"
        "- Ít nhất 80% phụ huynh tham gia khảo sát tháng 11/2027 trả lời đúng về chính sách học phí.\n",
    ],
    fails=[
        "I. MỤC ĐÍCH, YÊU CẦU\n2. Mục tiêu\n"
        "- Nâng cao chất lượng hoạt động của trang thông tin điện tử các trường.\n"
        "- Tạo sự đồng thuận của cha mẹ học sinh và xã hội.\n",
    ],
)
def objectives(d: Draft) -> Finding:
    """Objectives are SMART: each states a figure with a target (a number or a percentage)
    and a deadline or period ("100% trường THPT có trang tin … trước 30/9/2027").
    Source: domain.md §6 (SMART, Doran 1981) and the plan skeleton (§3, §6: section I).
    Weight 16. Unit: objective = one list item, table row or paragraph of the "Mục tiêu" /
    "Chỉ tiêu" part (or of "Mục đích" when the plan has no objectives). Each scores 1 when
    measurable and time-bound, 0.5 when only measurable, 0.25 when only dated; the
    fraction is their mean. Highlights the objectives that miss a figure or a date."""
    lay = layout(d)
    secs = _objective_sections(lay)
    fallback = False
    if not secs:
        secs = [s for s in lay.find("aims") if not s.children or not any(c.has("aims") for c in s.children)]
        secs = [s for s in secs if not _within(lay, s, "organisation", "budget")]
        fallback = True
    if not secs:
        return Finding(0.0, _("I could not find the objectives: add a part \"Mục tiêu\" under "
                              "I. MỤC ĐÍCH, YÊU CẦU with figures and deadlines."), (), judged=False)
    scored: list[tuple[Item, float]] = []
    for s in secs:
        heading_time = _has_timing(s.title, objective=True, folded=_fc(s.title))
        for it in lay.items(s, exclude=("requirements",)):
            body, fb = _body(it), _fbody(it)
            if _syl(body) < 4 or (it.kind == "row" and is_total_row(it)) or _GENERAL_ITEM.match(fb) \
                    or body.rstrip().endswith(":"):  # "Phấn đấu đạt các chỉ tiêu sau:" introduces them
                continue
            measurable = _is_measurable(body, fb)
            timed = heading_time or _has_timing(body + " " + it.label, objective=True, folded=fb + " " + _fc(it.label)) \
                or _has_duration(body)
            scored.append((it, 1.0 if measurable and timed else 0.5 if measurable else 0.25 if timed else 0.0))
    if not scored:
        return Finding(0.0, _("The objectives part is empty: list each objective with a figure and a deadline."),
                       tuple((s.start, s.title_end) for s in secs))
    frac = sum(v for _it, v in scored) / len(scored)
    weak = [(it, v) for it, v in scored if v < 1.0]
    if not weak:
        return Finding(1.0)
    spans = tuple(it.head for it, _v in weak)
    if fallback:
        msg = t("The plan has aims but no measurable objectives: none of its {n} aims gives a figure and a "
                "deadline. Add a part \"Mục tiêu cụ thể\", e.g. \"100% trường THPT có trang tin … trước 30/9/2027\".",
                n=len(scored)) if frac == 0 else \
            t("The plan has no part \"Mục tiêu\"; {k} of its {n} aims lack a figure or a deadline. "
              "Add measurable objectives with a date.", k=len(weak), n=len(scored))
    else:
        msg = t("{k} of {n} objectives lack a figure or a deadline (highlighted). Give each a target and a date, "
                "e.g. \"Ít nhất 80% phụ huynh … trước 30/11/2027\".", k=len(weak), n=len(scored))
    return Finding(frac, msg, spans)


# --------------------------------------------------------------------------- 2. audiences

_AUDIENCE = re.compile(
    r"cha mẹ|phụ huynh|học sinh|sinh viên|học viên|thí sinh|người học|trẻ em|giáo viên|nhà giáo|thầy cô|"
    r"cán bộ quản lý|hiệu trưởng|cán bộ|báo chí|phóng viên|nhà báo|cộng đồng|người dân|nhân dân|đồng bào|"
    r"dân tộc thiểu số|doanh nghiệp|nhà hảo tâm|nhà đầu tư|cấp ủy|chính quyền|người lao động|công nhân|"
    r"cựu học sinh|quản trị viên|người có uy tín|già làng|nhà sách|đại lý|gia đình|đoàn viên|thanh niên"
)
_AUDIENCE_GROUPS = (
    ("parents", r"cha mẹ|phụ huynh|gia đình"), ("students", r"học sinh|sinh viên|học viên|thí sinh|người học|trẻ em"),
    ("teachers", r"giáo viên|nhà giáo|thầy cô|cán bộ quản lý|hiệu trưởng"), ("press", r"báo chí|phóng viên|nhà báo"),
    ("community", r"cộng đồng|người dân|nhân dân|xã hội"), ("minorities", r"đồng bào|dân tộc thiểu số"),
    ("government", r"cấp ủy|chính quyền|đảng viên"), ("business", r"doanh nghiệp|nhà hảo tâm|nhà đầu tư"),
)
_NEED_CUE = re.compile(r"\bcần\b|\bmuốn\b|\bmong\b|quan tâm|lo ngại|lo lắng|nhu cầu|thắc mắc|băn khoăn|chưa hiểu")
# a needs column, or a message/content column (what each group is told is tailored too)
_NEED_COL = re.compile(r"nhu cầu|\bcần\b|quan tâm|mong muốn|vấn đề|mối lo|thông điệp|nội dung")
_AUD_COL = re.compile(r"đối tượng|công chúng|nhóm")


def _audience_needs(it: Item) -> tuple[bool, bool]:
    """(names an audience, states what it needs) for one item of an audience part."""
    if it.kind == "row":
        need = it.cell(_NEED_COL)
        aud = it.cell(_AUD_COL) or next((c for _h, c in it.cells if c.text and not c.text.isdigit()), None)
        return bool(aud and aud.text), bool(need and _syl(need.text) >= 3)
    body = _body(it)
    head, sep, rest = body.partition(":")
    if sep and len(head.split()) <= 22 and _syl(rest) >= 4:
        return True, True
    f = _fbody(it)
    return bool(_AUDIENCE.search(f)), bool(_NEED_CUE.search(f) and _syl(body) >= 6)


def _audience_mentions(lay: PlanLayout) -> list[str]:
    f = lay.folded[lay.body[0]:lay.body[1]]
    return [g for g, rx in _AUDIENCE_GROUPS if re.search(rx, f)]


@RUBRIC.criterion(
    "audiences", label=N_("Audiences and what each needs"), weight=12,
    source="domain.md §6 (plan section II: messages, audiences, channels; audience + channel per topic)",
    passes=[
        "1. Đối tượng và nhu cầu thông tin\n"
        "a) Cha mẹ học sinh: cần biết lịch tựu trường, các khoản thu, chính sách miễn học phí.\n"
        "b) Học sinh: cần thông tin về kỳ thi, học bổng, kỹ năng an toàn trên mạng.\n"
        "c) Cơ quan báo chí: cần đầu mối cung cấp thông tin, số liệu chính xác.\n",
    ],
    fails=[
        "1. Đối tượng truyền thông\n- Cha mẹ học sinh;\n- Học sinh;\n- Giáo viên;\n- Cơ quan báo chí.\n",
        "Mục đích: nâng cao nhận thức của cán bộ, giáo viên, học sinh và Nhân dân về chuyển đổi số.",
    ],
)
def audiences(d: Draft) -> Finding:
    """The plan names its audiences (phụ huynh, học sinh, giáo viên, cán bộ quản lý, báo chí,
    cộng đồng, đồng bào dân tộc thiểu số…) and says what each needs to know. Source:
    domain.md §6 (section II carries messages, audiences and channels). Weight 12. Unit:
    audience = one item or table row of the "Đối tượng" part (or a table with an
    "Đối tượng" column). All with needs: 1; a list without needs: 0.45; audiences only
    mentioned in passing: 0.2."""
    lay = layout(d)
    secs = _outermost([s for s in lay.find("audiences") if not _within(lay, s, "organisation", "budget")])
    items: list[Item] = []
    for s in secs:
        items += lay.items(s)
    for tb in lay.tables:
        if tb.column(_AUD_COL) is not None and not any(s.start <= tb.start < s.end for s in secs):
            items += [it for it in lay.items((tb.start, tb.end + 1)) if it.kind == "row"]
    if not items:
        # "Cha mẹ học sinh: cần …" entries anywhere in the content part still describe audiences
        content = [s for s in lay.find("content") if s.level == 1] or []
        for s in content:
            for it in lay.items(s, exclude=("channels", "messages", "activities", "organisation")):
                body, fb = _body(it), _fbody(it)
                head, sep, rest = body.partition(":")
                if sep and _AUDIENCE.search(fb[:len(head)]) and len(head.split()) <= 12 \
                        and _NEED_CUE.search(fb[len(head) + 1:]):
                    items.append(it)
        if len(items) < 2:
            items = []
    if not items:
        groups = _audience_mentions(lay)
        if len(groups) >= 2:
            return Finding(0.2, _("The plan mentions who it is for but has no audience part: list each audience "
                                  "(cha mẹ học sinh, học sinh, báo chí…) with what it needs to know."))
        return Finding(0.0, _("No audiences: add a part \"Đối tượng và nhu cầu thông tin\" that lists each group "
                              "and what it needs to know."))
    named = []
    for it in items:
        aud, need = _audience_needs(it)
        if not (aud or need):
            continue
        # "Cha mẹ học sinh, học sinh, giáo viên và báo chí." on one line is four audiences
        groups = 1 if need or it.kind == "row" else max(
            1, sum(1 for part in re.split(r"[,;]| và | hoặc ", _fbody(it)) if _AUDIENCE.search(part)))
        named += [(it, need)] * groups
    if not named:
        return Finding(0.2, _("The audience part names no group: list cha mẹ học sinh, học sinh, giáo viên, "
                              "báo chí… and what each needs."), tuple(it.head for it in items[:5]))
    with_need = [it for it, need in named if need]
    without = [it for it, need in named if not need]
    share = len(with_need) / len(named)
    if len(named) == 1:
        frac = 0.6 if with_need else 0.35
        return Finding(frac, _("Only one audience is described: a plan usually speaks to several groups "
                               "(parents, pupils, teachers, the press…); add them with their needs."),
                       tuple(it.head for it in items))
    frac = 0.45 + 0.55 * share
    if not without:
        return Finding(1.0)
    if not with_need:
        return Finding(0.45, t("The plan lists {n} audiences but not what each needs: after each group, say what "
                               "it needs to know or worries about (\"Cha mẹ học sinh: cần biết …\").", n=len(named)),
                       tuple(dict.fromkeys(it.head for it in without)))
    return Finding(frac, t("{k} of {n} audiences have no needs stated (highlighted): say what each needs to know.",
                           k=len(without), n=len(named)), tuple(dict.fromkeys(it.head for it in without)))


# --------------------------------------------------------------------------- activities (timeline, owners)

_ACT_TABLE_HEAD = re.compile(r"hoạt động|nội dung|nhiệm vụ|công việc")
_ACT_TABLE_OTHER = re.compile(r"thời gian|thời hạn|tiến độ|chủ trì|phụ trách|thực hiện|đơn vị")


def _activities(lay: PlanLayout) -> tuple[list[Item], str]:
    """Activity units and where they come from: ``"list"`` (an activity part or table),
    ``"content"`` or ``"organisation"`` (fallback to the items of section II or III), or
    ``""`` when there is nothing."""
    hit = lay.cache.get("activities")
    if hit is None:
        hit = lay.cache["activities"] = _find_activities(lay)
    return list(hit[0]), hit[1]


def _find_activities(lay: PlanLayout) -> tuple[list[Item], str]:
    secs = _outermost([s for s in lay.find("activities")
                       if not s.has("budget", "evaluation", "objectives") and not _within(lay, s, "budget")])
    exclude = ("audiences", "messages", "channels", "evaluation", "budget", "objectives", "requirements")
    units: list[Item] = []
    for s in secs:
        units += lay.items(s, exclude=exclude)
    for tb in lay.tables:
        if any(s.start <= tb.start < s.end for s in secs):
            continue
        if tb.column(_ACT_TABLE_HEAD) is not None and tb.column(_ACT_TABLE_OTHER) is not None \
                and tb.column(_AUD_COL) is None and not _in_tags(lay, tb.start, "budget", "objectives"):
            units += [it for it in lay.items((tb.start, tb.end + 1)) if it.kind == "row"]
    units = [u for u in units if _syl(_body(u)) >= 3 and not is_total_row(u)]
    if units:
        return units, "list"
    # no activity list: the items of section II (topics), or of section III (tasks by unit)
    # when those carry more timing
    best: list[Item] = []
    best_share = -1.0
    source = ""
    for tag in ("content", "organisation"):
        cand: list[Item] = []
        for s in lay.sections:
            if s.has(tag) and (tag == "organisation" or not s.has("organisation")):
                cand += [u for u in lay.items(s, exclude=exclude + ("procedure",)) if u.kind in ("item", "row")]
        cand = [u for u in cand if _syl(_body(u)) >= 3 and not is_total_row(u)]
        if not cand:
            continue
        share = sum(1 for u in cand if _activity_time(u)) / len(cand)
        if share > best_share:
            best, best_share, source = cand, share, tag
    return best, source


def _in_tags(lay: PlanLayout, pos: int, *tags: str) -> bool:
    return any(s.has(*tags) for s in lay.path_at(pos))


def _activity_time(u: Item) -> bool:
    return _has_timing(_body(u) + " \n " + u.label, folded=_fbody(u) + " \n " + _fc(u.label))


@RUBRIC.criterion(
    "timeline", label=N_("Activities have dates"), weight=11,
    source="domain.md §6 (plan section III: owners, timeline, evaluation; audience + channel + timing per topic)",
    passes=[
        "4. Các hoạt động\n- Tháng 01/2027: họp báo quý I (chủ trì: Văn phòng Sở).\n"
        "- Từ ngày 01/6 đến ngày 15/6/2027: vận hành tổng đài hỗ trợ tuyển sinh.\n"
        "- Hằng tháng: cung cấp thông tin định kỳ cho báo chí.\n",
    ],
    fails=[
        "4. Các hoạt động\n- Họp báo công bố kết quả năm học (chủ trì: Văn phòng Sở).\n"
        "- Ra mắt Zalo OA của Sở; hướng dẫn các trường chuẩn hóa trang thông tin điện tử.\n"
        "- Tổng kết công tác truyền thông.\n",
    ],
)
def timeline(d: Draft) -> Finding:
    """Each activity says when it happens: a date, month, quarter, range or period
    ("Tháng 4/2027", "15/5 – 15/6/2027", "Quý III", "hằng tháng"). Source: domain.md §6
    (timing per topic; owners, timeline and evaluation in section III). Weight 11. Unit:
    activity = one item or table row of the activity list (a "Thời gian" column counts);
    a phase heading's date ("Giai đoạn 1 (tháng 3 - 4/2027)") covers the items under it.
    Without an activity list, the items of section II are judged (or the tasks of section
    III when they carry more dates). Fraction = share of activities with timing;
    highlights those without."""
    lay = layout(d)
    units, source = _activities(lay)
    listed = source == "list"
    if not units:
        return Finding(0.0, _("I found no list of activities: add one (a list or a table) giving the month or "
                              "date of each activity."), (), judged=False)
    untimed = [u for u in units if not _activity_time(u)]
    frac = 1 - len(untimed) / len(units)
    if not untimed:
        return Finding(1.0)
    spans = tuple(u.head for u in untimed)
    if not listed:
        return Finding(frac, t("The plan has no activity list, and {k} of the {n} items of its sections II and III say "
                               "nothing about when: add a schedule with the month or date of each activity.",
                               k=len(untimed), n=len(units)), spans)
    return Finding(frac, t("{k} of {n} activities have no date, month or period (highlighted): add when each "
                           "takes place, e.g. \"Tháng 4/2027\" or \"15/5 – 15/6/2027\".",
                           k=len(untimed), n=len(units)), spans)


_OWNER_CUE = re.compile(
    r"(?:chủ trì|phụ trách|đơn vị thực hiện|đơn vị chủ trì|người thực hiện|thực hiện|giao)\s*:\s*(?P<unit>[^;.\])\n|]{2,90})"
)
_OWNER_AFTER = re.compile(
    r"(?:^|[;:,(\[]\s*|\bgiao\s+|\bdo\s+)(?P<unit>(?:các\s+)?" + NAMED_UNITS +
    r"[^;:()\[\]\n]{0,70}?)\s+(?:chủ trì|thực hiện|phụ trách|đảm nhận|đảm nhiệm)\b"
)
_OWNER_COL = re.compile(r"chủ trì|phụ trách|thực hiện|trách nhiệm|người|đơn vị")
_CO_COL = re.compile(r"phối hợp")
_LEAD_COL = re.compile(r"chủ trì|phụ trách|thực hiện")
_VAGUE_UNIT = re.compile(
    r"^(?:đề nghị\s+)?(?:các\s+|những\s+)?(?:đơn vị|bộ phận|cơ quan|phòng chuyên môn|phòng ban|phòng thuộc|"
    r"ban,? ngành|tổ chức|cá nhân|địa phương|lực lượng)\b|^(?:toàn trường|tất cả|mọi người)\b|liên quan\s*$"
)
_UNIT_WORD = re.compile(r"^(?:đề nghị\s+)?(?:các\s+)?(?:" + NAMED_UNITS + r"|(?:tỉnh đoàn|bí thư)\b)")
_FOCAL = re.compile(r"chủ trì|đầu mối|thường trực|điều phối|chỉ đạo chung|trưởng ban|tổ chức thực hiện kế hoạch")


_STRONG_CUE = re.compile(r"(?:đơn vị\s+)?(?:chủ trì|phụ trách)\s*:")
_TIME_START = re.compile(r"(?:tháng|ngày|quý|năm|tuần|từ|trước|sau|đến|hằng|định kỳ|\d)")


def _owner_of(u: Item) -> tuple[bool, tuple[int, int] | None]:
    """(a named lead unit is given, span of the owner text)."""
    if u.kind == "row" and u.table is not None:
        idx = [i for i in u.table.columns(_OWNER_COL)
               if not _CO_COL.search(u.table.header_folded[i]) or _LEAD_COL.search(u.table.header_folded[i])]
        for i in idx:
            if i < len(u.cells):
                c = u.cells[i][1]
                if c.text and not _VAGUE_UNIT.search(_cell_folded(u, c)):
                    return True, (c.start, c.end)
        if idx:
            return False, None
    f = u.folded
    for rx in (_OWNER_CUE, _OWNER_AFTER):
        for m in rx.finditer(f):
            unit = m.group("unit").strip()
            raw = u.text[m.start("unit"):m.end("unit")].lstrip()
            # a unit is named: "Văn phòng Sở", "các trường THPT" (not "tháng 3" after "thời gian thực hiện:")
            # after an explicit "Chủ trì:" any named, non-vague lead counts ("công chức Văn hóa - Xã hội",
            # "trưởng 14 bản"); after weaker cues it must look like a unit
            strong = rx is _OWNER_CUE and _STRONG_CUE.match(m.group(0)) and not _TIME_START.match(unit)
            if unit and not _VAGUE_UNIT.search(unit) and (strong or raw[:1].isupper() or _UNIT_WORD.match(unit)):
                return True, (u.start + m.start("unit"), u.start + m.end("unit"))
    return False, None


def _head_span(u: Item) -> tuple[int, int]:
    """The "Unit" of a "Unit: tasks" entry (its whole first line when there is no colon)."""
    off = _marker_len(u)
    colon = u.text.find(":", off)
    if 0 <= colon - off <= 120:
        return (u.start + off, u.start + colon)
    return u.head


def _org_owner(u: Item) -> bool:
    fb = _fbody(u)
    head, sep, _rest = fb.partition(":")
    for c in ([head.strip()] if sep else []) + [_fc(u.label.split(" | ")[-1]).strip() if u.label else ""]:
        c = re.sub(r"^\(?[0-9a-zđivx]{1,4}(?:\.\d{1,2})*[.)/]\s*", "", c)
        if c and _UNIT_WORD.match(c) and not _VAGUE_UNIT.search(c):
            return True
    return False


def _org_entries(lay: PlanLayout) -> list[tuple[str, str, tuple[int, int]]]:
    """(unit head, its tasks, span of the head) in the organisation part."""
    hit = lay.cache.get("org_entries")
    if hit is None:
        hit = lay.cache["org_entries"] = _find_org_entries(lay)
    return list(hit)


def _find_org_entries(lay: PlanLayout) -> list[tuple[str, str, tuple[int, int]]]:
    out: list[tuple[str, str, tuple[int, int]]] = []
    orgs = [s for s in lay.sections if s.has("organisation")]
    for org in orgs:
        for c in org.children:
            if c.has("evaluation") and not c.has("unit"):
                continue
            if c.has("unit") or _UNIT_WORD.match(_fc(c.title)):
                tasks = lay.folded[c.title_end:c.end]
                out.append((c.title, tasks, (c.start, c.title_end)))
        for it in lay.items(org, exclude=("evaluation",)):
            body, fb = _body(it), _fbody(it)
            head, sep, rest = body.partition(":")
            fh = fb[:len(head)].strip()
            at = lay.text.find(head.strip(), it.start, it.end)
            hspan = (at, at + len(head.strip())) if at >= 0 else it.head
            if sep and len(head.split()) <= 20 and _UNIT_WORD.match(fh):
                out.append((head, fb[len(head) + 1:], hspan))
            elif not sep and it.kind == "item" and _UNIT_WORD.match(fb) and len(body.split()) <= 40:
                out.append((body, fb, it.head))
    return out


def _org_score(lay: PlanLayout) -> tuple[float, list[tuple[int, int]], int]:
    entries = _org_entries(lay)
    specific = [(h, tasks, sp) for h, tasks, sp in entries if not _VAGUE_UNIT.search(_fc(h).strip())]
    vague = [sp for h, _tasks, sp in entries if _VAGUE_UNIT.search(_fc(h).strip())]
    focal = any(_FOCAL.search(tasks) for _h, tasks, _sp in specific)
    names = {_fc(h).strip()[:40] for h, _t, _s in specific}
    score = (0.5 if focal else 0.0) + 0.5 * min(1.0, len(names) / 3)
    return score, vague, len(names) if focal or not names else -len(names)


@RUBRIC.criterion(
    "owners", label=N_("Each activity has a lead unit"), weight=10,
    source="domain.md §3 (68/KH-BGDĐT → 182/KH-SGDĐT: III. Tổ chức thực hiện, Văn phòng Sở = focal point), "
           "§6 (section III: owners)",
    passes=[
        "4. Các hoạt động\n- Tháng 01/2027: họp báo quý I (chủ trì: Văn phòng Sở; phối hợp: Phòng Kế hoạch - Tài chính).\n"
        "- Tháng 4/2027: phát hành tờ gấp song ngữ (chủ trì: Phòng Giáo dục dân tộc; phối hợp: UBND các xã).\n",
    ],
    fails=[
        "4. Các hoạt động\n- Tháng 01/2027: họp báo quý I.\n- Tháng 4/2027: phát hành tờ gấp song ngữ.\n"
        "III. TỔ CHỨC THỰC HIỆN\nCác đơn vị liên quan căn cứ Kế hoạch chủ động triển khai thực hiện.\n",
    ],
)
def owners(d: Draft) -> Finding:
    """Who leads each activity: "chủ trì: <named unit>" (or a "Chủ trì"/"Phụ trách" column),
    or a task-by-unit organisation section naming units and the focal unit; "các đơn vị liên
    quan" alone is vague. Source: domain.md §3 (Văn phòng Sở as focal point in III. Tổ chức
    thực hiện) and §6 (owners in section III). Weight 10. Unit: activity (as for the
    timeline). Fraction = the larger of the share of activities with a named lead and 0.8 ×
    the organisation score (focal unit 0.5 + up to 0.5 for three or more named units)."""
    lay = layout(d)
    units, source = _activities(lay)
    org, vague_spans, n_units = _org_score(lay)
    if source == "organisation":
        # tasks listed unit by unit: each is led by the unit it is listed under
        listed = True
        owned = [u for u in units if _org_owner(u)]
    else:
        listed = source == "list"
        owned = [u for u in units if _owner_of(u)[0]] if listed else []
    s_act = len(owned) / len(units) if (listed and units) else 0.0
    frac = max(s_act, 0.8 * org)
    if frac >= 1.0:
        return Finding(1.0)
    owned_ids = {id(u) for u in owned}
    missing = [u for u in units if listed and id(u) not in owned_ids]
    spans = tuple(_head_span(u) if source == "organisation" else u.head for u in missing) or tuple(vague_spans)
    if listed and units and s_act >= 0.8 * org:
        return Finding(frac, t("{k} of {n} activities name no lead unit (highlighted): add \"(chủ trì: Văn phòng Sở; "
                               "phối hợp: …)\" or a \"Chủ trì\" column.", k=len(missing), n=len(units)), spans)
    if n_units == 0:
        return Finding(frac, _("No unit is put in charge: the organisation part speaks only of \"các đơn vị\" in "
                               "general. Name the focal unit (e.g. Văn phòng Sở) and what each named unit does, "
                               "and give each activity a lead (chủ trì)."), spans)
    if n_units < 0:  # units named, none of them the focal point
        return Finding(frac, _("The organisation part names units but no focal unit (đầu mối, chủ trì), and the "
                               "activities have no lead: say which unit coordinates the plan and give each activity "
                               "\"chủ trì: …\"."), spans)
    return Finding(frac, _("The organisation part names units and a focal unit, but the activities have no lead of "
                           "their own: give each activity \"chủ trì: …\"."), spans)


# --------------------------------------------------------------------------- 5. KPIs

_IND = re.compile(
    r"chỉ số|chỉ tiêu|tỷ lệ|số lượng|số (?:tin|bài|lượt|cuộc|người|buổi|phản ánh|thông tin|văn bản|trường|học sinh|"
    r"câu hỏi|lần|video|sản phẩm|bản tin|vụ|hồ sơ|phóng sự|thông cáo|họp báo|yêu cầu|kỳ)\b|"
    r"lượt (?:xem|truy cập|theo dõi|tương tác|chia sẻ|tiếp cận|quan tâm|nghe)|mức độ (?:hài lòng|hiểu biết|nhận biết|hiểu)|"
    r"kết quả khảo sát|đầu ra|tiếp nhận"
)
_METHOD = re.compile(
    r"khảo sát|thống kê|sổ theo dõi|bảng theo dõi|trích xuất|công cụ|kiểm tra|theo dữ liệu|số liệu (?:của|từ)|"
    r"\bmẫu\b|nhật ký|theo dõi|đo lường|phần mềm|phân tích"
)
# Outside a monitoring part only explicit indicators count ("các chỉ số cải cách hành chính"
# is a topic, not a measure of the plan).
_IND_LOOSE = re.compile(r"(?:chỉ số|chỉ tiêu)\s+(?:theo dõi|đánh giá|đo lường|giám sát|đầu ra|kết quả)")
_REPORT = re.compile(r"báo cáo")
_MEASURE_COL = re.compile(r"cách đo|phương pháp (?:đo|thu thập|đánh giá)|nguồn (?:số liệu|dữ liệu|kiểm chứng)|"
                          r"công cụ (?:đo|theo dõi)|tần suất")
_REPORT_TIME = re.compile(r"trước ngày|chậm nhất|hằng (?:ngày|tuần|tháng|quý|năm)|hàng (?:ngày|tuần|tháng|quý|năm)|"
                          r"mỗi (?:tuần|tháng|quý)|\b6 tháng|sáu tháng|lúc \d{1,2} giờ|cuối (?:tháng|quý|năm)|hằng kỳ")
_AVE = re.compile(r"\bave\b|giá trị (?:quy đổi )?quảng cáo|quy đổi (?:giá trị )?quảng cáo")
_NEG = re.compile(r"không (?:sử dụng|dùng|tính|áp dụng)|\bkhông\b")


def _sentences_in(d: Draft, start: int, end: int):
    """Sentences of ``d`` starting in ``[start, end)``."""
    sents = d.sentences
    i = _sentence_index(d, start)
    out = []
    while i < len(sents) and sents[i].start < end:
        out.append(sents[i])
        i += 1
    return out


_SENT_STARTS: "WeakKeyDictionary[Draft, list[int]]" = WeakKeyDictionary()


def _sentence_index(d: Draft, start: int) -> int:
    starts = _SENT_STARTS.get(d)
    if starts is None:
        starts = _SENT_STARTS[d] = [s.start for s in d.sentences]
    return bisect_right(starts, start - 1)


def _gaps(span: tuple[int, int], holes: list[Section]) -> list[tuple[int, int]]:
    """``span`` minus the (sorted, non-overlapping) sections ``holes``."""
    out = []
    pos = span[0]
    for h in holes:
        if h.end <= pos or h.start >= span[1]:
            continue
        if h.start > pos:
            out.append((pos, h.start))
        pos = max(pos, h.end)
    if pos < span[1]:
        out.append((pos, span[1]))
    return out


@RUBRIC.criterion(
    "kpis", label=N_("Indicators, monitoring and reports"), weight=12,
    source="domain.md §6 (AMEC outputs, out-takes, outcomes; no AVE) and §2 (NĐ 244/2026 Art. 10: yearly report "
           "by 20 December)",
    passes=[
        "6. Theo dõi, đánh giá và báo cáo\n"
        "- Chỉ số đầu ra: số tin, bài; số cuộc họp báo; lượt xem video.\n"
        "- Chỉ số kết quả: tỷ lệ phụ huynh trả lời đúng qua khảo sát 1.000 phụ huynh.\n"
        "- Văn phòng Sở báo cáo 6 tháng trước ngày 15/6/2027 và báo cáo năm trước ngày 10/12/2027.\n",
    ],
    fails=[
        "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở: chủ trì thực hiện Kế hoạch.\n"
        "Các đơn vị báo cáo kết quả về Sở khi có yêu cầu.\n",
    ],
)
def kpis(d: Draft) -> Finding:
    """The plan says how success is measured: indicators ("chỉ số", "tỷ lệ", counts of
    releases, press conferences, reach, understanding), how they are collected (survey,
    statistics, logbook) and reports with deadlines ("báo cáo … trước ngày …"). Source:
    domain.md §6 (AMEC outputs/outcomes, never AVE) and §2 (NĐ 244/2026 Art. 10 yearly
    report by 20 December). Weight 12. Unit: the monitoring part ("Theo dõi, đánh giá",
    "Chỉ số", "Chế độ báo cáo"). Graded: indicators 0.45 (three or more distinct ones),
    method 0.2, reports with a deadline 0.35; without a monitoring part at most 0.5.
    Using AVE (advertising value equivalents) as a measure costs 0.25."""
    lay = layout(d)
    regs = _outermost([s for s in lay.find("evaluation")
                       if not s.has("situation", "objectives", "budget") and not _within(lay, s, "budget")])
    for tb in lay.tables:
        if tb.column(_MEASURE_COL) is not None and not any(s.start <= tb.start < s.end for s in regs):
            regs.append(Section("", None, "table", 9, frozenset({"evaluation"}), tb.start, tb.start, tb.end + 1))
    found_part = bool(regs)
    objs = SpanSet()
    if found_part:
        spans_r = [(s.start, s.end) for s in regs]
    else:
        # no monitoring part: look in the body, leaving out the objectives (targets are no measures)
        objs = SpanSet(s.span for s in lay.find("objectives", "purpose"))
        spans_r = [(a, b) for a, b in _gaps(lay.body, _outermost(lay.find("objectives", "purpose")))]
    region = "\n".join(lay.folded[a:b] for a, b in spans_r)
    inds = {m.group() for m in _IND.finditer(region)} if found_part else \
        {m.group() for m in _IND_LOOSE.finditer(region)}
    ind_score = 0.45 if len(inds) >= 3 else 0.25 if inds else 0.0
    method = 0.2 if found_part and _METHOD.search(region) else 0.0
    report = 0.0
    for a, b in spans_r:
        for s in _sentences_in(d, a, b):
            fs = lay.folded[s.start:s.end]
            if not _REPORT.search(fs) or (objs and s.start in objs):
                continue
            if _REPORT_TIME.search(fs) or any(m.kind in ("date", "range", "month") or (m.kind == "periodic" and m.period)
                                              for m in find_dates(s.text)):
                report = 0.35
                break
            report = max(report, 0.15)
    frac = ind_score + method + report
    if not found_part:
        frac = min(frac, 0.5)
    ave_spans = []
    for m in _AVE.finditer(lay.folded, lay.body[0], lay.body[1]):
        # "Không sử dụng giá trị quy đổi quảng cáo (AVE)" rejects it: look back to the clause start
        clause = max(lay.folded.rfind(ch, max(0, m.start() - 200), m.start()) for ch in ".\n;")
        if not _NEG.search(lay.folded[clause + 1:m.start()]):
            ave_spans.append(m.span())
    if ave_spans:
        frac = max(0.0, frac - 0.25)
    frac = round(min(1.0, frac), 3)
    if frac >= 1.0:
        return Finding(1.0)
    if ave_spans:
        return Finding(frac, _("The plan measures success in advertising value (AVE): the Barcelona Principles "
                               "reject it. Measure outputs (releases, press conferences), reach and understanding "
                               "instead."), tuple(ave_spans))
    if not found_part:
        return Finding(frac, _("There is no monitoring part: add \"Theo dõi, đánh giá và báo cáo\" with indicators "
                               "(số tin, bài; số cuộc họp báo; lượt xem; tỷ lệ phụ huynh hiểu đúng…), how they are "
                               "collected, and report deadlines (the yearly report on press work is due by 20/12 "
                               "under NĐ 244/2026)."))
    missing = []
    if ind_score < 0.45:
        missing.append(_("indicators (chỉ số: số tin, bài, lượt xem, tỷ lệ…)"))
    if not method:
        missing.append(_("how each indicator is collected (khảo sát, thống kê…)"))
    if report < 0.35:
        missing.append(_("report deadlines (\"báo cáo … trước ngày …\")"))
    return Finding(frac, t("The monitoring part lacks: {items}.", items="; ".join(missing)),
                   tuple((s.start, s.title_end) for s in regs))


# --------------------------------------------------------------------------- 6. budget

_SOURCE = re.compile(r"ngân sách|\bnguồn\b|xã hội hóa|tài trợ|viện trợ|chi thường xuyên|sự nghiệp|\bquỹ\b|đóng góp|"
                     r"huy động|kinh phí (?:của|được giao)")
_MONEY_COL = re.compile(r"tiền|kinh phí|dự toán|đồng|giá trị|\bvnđ\b|\bvnd\b")
_NOT_AMOUNT_COL = re.compile(r"nguồn|đơn giá|số lượng")
# "Tổng cộng: …", "Cộng: …", "Tổng kinh phí 1,2 tỷ" (not "Cộng tác viên: …")
_TOTAL = re.compile(r"(?:tổng cộng|tổng kinh phí|tổng dự toán|tổng số|tổng|cộng)\s*(?:[:(]|\d|(?:dự kiến|kinh phí)\b|$)")
_IN_WORDS = re.compile(r"\(?\s*bằng chữ")
_MULT = re.compile(r"\([^()]*?(?:\bx\b|×)[^()]*\)")
_ANNEX = re.compile(r"phụ lục|dự toán (?:chi tiết )?kèm theo")
_NUM_CELL = re.compile(r"^\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


# Amounts in đồng ("400.000.000 đồng", "1,2 tỷ đồng", "150 triệu đồng", "500.000đ"). Parsed here
# rather than with entities.find_numbers, which reads "19.000.000 đồng" as a 1900 phone number.
_MONEY_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,3}))?\s*"  # 1.200.000 / 1,2
    r"(?:(tỷ|triệu)(?:\s*(?:đồng|vnđ|vnd|đ))?|(nghìn|ngàn)?\s*(?:đồng|vnđ|vnd|đ))"  # scale, currency
    r"(?![^\W\d_])"
)
_SCALE = {"tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, None: 1.0}


def _money(text: str, folded: str | None = None) -> list[float]:
    """Money amounts in ``text`` outside multiplication brackets ("(12 số x 15.000.000 đồng)")."""
    masked = _MULT.sub(lambda m: " " * len(m.group()), fold(text) if folded is None else folded)
    out = []
    for m in _MONEY_RE.finditer(masked):
        whole = int(m.group(1).replace(".", ""))
        frac = float("0." + m.group(2)) if m.group(2) else 0.0
        value = (whole + frac) * _SCALE[m.group(3) or m.group(4)]
        if value > 0:
            out.append(value)
    return out


def _row_amount(it: Item) -> float | None:
    if it.table is None:
        return None
    # the amount column: not the source ("Nguồn kinh phí") nor the unit price ("Đơn giá")
    idx = [i for i in it.table.columns(_MONEY_COL) if not _NOT_AMOUNT_COL.search(it.table.header_folded[i])]
    for i in reversed(idx):
        if i < len(it.cells):
            raw = it.cells[i][1].text.replace(" ", "")
            if _NUM_CELL.match(raw):
                head = it.table.header_folded[i]
                scale = 1e9 if "tỷ" in head else 1e6 if "triệu" in head else 1e3 if re.search(r"nghìn|ngàn", head) else 1.0
                return float(raw.replace(".", "").replace(",", ".")) * scale
            vals = _money(it.cells[i][1].text)
            if vals:
                return vals[-1]
    return None


def _fmt(v: float) -> str:
    return f"{v:,.0f}".replace(",", ".")


@RUBRIC.criterion(
    "budget", label=N_("Budget with amounts and sources"), weight=10,
    source="domain.md §6 (section IV. Kinh phí = inputs: fund source) and §3 (state budget + lawful sources)",
    passes=[
        "IV. KINH PHÍ\n- Tổ chức 02 cuộc họp báo: 14.000.000 đồng;\n- In 25.000 tờ gấp: 25.000.000 đồng.\n"
        "Tổng cộng: 39.000.000 đồng.\nNguồn kinh phí: ngân sách nhà nước năm 2027 giao cho Sở.\n",
    ],
    fails=[
        "IV. KINH PHÍ\nKinh phí thực hiện theo quy định.\n",
        "IV. KINH PHÍ\n- Họp báo: 14.000.000 đồng;\n- In tờ gấp: 25.000.000 đồng.\nTổng cộng: 49.000.000 đồng.\n",
    ],
)
def budget(d: Draft) -> Finding:
    """Section IV gives amounts (in đồng) and where the money comes from (ngân sách nhà nước,
    xã hội hóa, tài trợ…); when a total is given, the lines must add up to it (and the
    sources too). "Kinh phí thực hiện theo quy định" alone fails. Source: domain.md §6
    (IV. Kinh phí: inputs, fund source) and §3 (state budget + lawful sources). Weight 10.
    Unit: budget lines (items or rows with an amount). Amounts 0.7, a named source 0.3;
    lines that do not add up to the total −0.3, sources that do not −0.15; only a source
    and no amount 0.25."""
    lay = layout(d)
    secs = _outermost([s for s in lay.find("budget") if not s.has("unit")])
    if not secs:
        return Finding(0.0, _("There is no budget part: add \"IV. KINH PHÍ\" with the main costs in đồng, the total "
                              "and the source of funds."), (), judged=False)
    lines: list[tuple[Item, float]] = []
    bullets: set[int] = set()  # ids of lines written as bullets (possibly the breakdown of a numbered line)
    sources: list[tuple[Item, list[float]]] = []
    totals: list[tuple[Item, float]] = []
    has_source = False
    region = " ".join(lay.folded[s.title_end:s.end] for s in secs)
    for s in secs:
        for it in lay.items(s):
            body = _body(it)
            fb = _fbody(it).strip()
            if _IN_WORDS.match(fb):
                continue
            if it.kind == "row":
                amt = _row_amount(it)
                if amt is None:
                    continue
                (totals if is_total_row(it) else lines).append((it, amt))
                continue
            vals = _money(body, _fbody(it))
            # "Trong đó: ngân sách phường 35.000.000 đồng; …" breaks the total down by source.
            is_src = bool(re.match(r"nguồn|trong đó", fb)) or "nguồn" in _fc(it.label) or (
                _SOURCE.match(fb) is not None and not _TOTAL.match(fb))
            if _SOURCE.search(fb):
                has_source = True
            if not vals:
                continue
            if _TOTAL.match(fb):
                totals.append((it, vals[0]))
            elif is_src:
                sources.append((it, vals))
            else:
                # "Item (12 x 15.000.000 đồng): 180.000.000 đồng": the amount right after the colon
                colon = body.find(":")
                after = _money(body[colon + 1:], _fbody(it)[colon + 1:]) if colon >= 0 else []
                lines.append((it, after[0] if after else vals[-1]))
                if body[:1] in "-+•*–—·▪◦●○►✓":
                    bullets.add(id(it))
    if "nguồn" in region or _SOURCE.search(region):
        has_source = has_source or bool(_SOURCE.search(region))
    spans_all = tuple((s.start, s.end) for s in secs)
    if not lines and not totals and not sources:
        if _ANNEX.search(region):
            return Finding(0.5 if has_source else 0.35,
                           _("The budget refers to an annex: paste the main amounts and the total into section IV "
                             "so readers see the cost."), spans_all)
        if has_source and re.search(r"ngân sách|xã hội hóa|tài trợ|viện trợ|chi thường xuyên", region):
            return Finding(0.25, _("The budget names a source but no amount: list the main costs in đồng and the "
                                   "total, and say how much comes from each source."), spans_all)
        return Finding(0.0, _("The budget gives no amounts and no source (\"theo quy định\" is not a budget): list "
                              "the main costs in đồng, the total, and the source of funds."), spans_all)
    frac = 0.7 + (0.3 if has_source else 0.0)
    msgs: list[str] = []
    spans: list[tuple[int, int]] = []
    if not has_source:
        msgs.append(_("Say where the money comes from (ngân sách nhà nước, xã hội hóa, tài trợ…)."))
    if len(totals) == 1 and len(lines) >= 2:
        tot_it, total = totals[0]
        tol = max(1.0, total * 1e-4)
        s_lines = sum(v for _i, v in lines)
        # lines may be numbered headings with a bulleted breakdown: any reading that adds up is fine
        readings = (s_lines, sum(v for i, v in lines if id(i) in bullets),
                    sum(v for i, v in lines if id(i) not in bullets), s_lines / 2)
        if not any(abs(r - total) <= tol for r in readings):
            frac -= 0.3
            msgs.append(t("The lines add up to {sum} đồng but the total says {total} đồng: check the figures.",
                          sum=_fmt(s_lines), total=_fmt(total)))
            spans.append(tot_it.head)
        src_vals = [v for _i, vs in sources for v in vs]
        # "Nguồn: 39.000.000 đồng, trong đó ngân sách 30.000.000 đồng, …" repeats the total first
        src_readings = (sum(src_vals), sum(src_vals) / 2, sum(src_vals[1:]))
        if len(src_vals) >= 2 and not any(abs(r - total) <= tol for r in src_readings):
            frac -= 0.15
            msgs.append(t("The sources add up to {sum} đồng, not the total of {total} đồng.",
                          sum=_fmt(sum(src_vals)), total=_fmt(total)))
            spans += [it.head for it, _v in sources]
    frac = max(0.0, round(frac, 3))
    if frac >= 1.0:
        return Finding(1.0)
    return Finding(frac, " ".join(msgs), tuple(spans) or spans_all)


# --------------------------------------------------------------------------- 7. legal basis

_LAW = re.compile(r"\b(?:bộ\s+)?luật\s+[^\W\d_]|\bhiến pháp\b")
_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))")

# Dates of documents plans often cite (domain.md §1, §3; corpus README). A document whose
# symbol carries no year is checked only when the cited year matches (29-NQ/TW exists in
# 2013 and in 2022).
def _symbol_key(s: str) -> str:
    """"71-NQ/TW", "68/KH-BGD&ĐT" and "68/KH-BGDDT" share one key."""
    return re.sub(r"[\s&]+", "", fold(s)).replace("đ", "d")


KNOWN_DOCUMENTS: dict[str, tuple[int, int, int]] = {
    "29-nq/tw": (4, 11, 2013),
    "71-nq/tw": (22, 8, 2025),
    "57-nq/tw": (22, 12, 2024),
    "68/kh-bgdđt": (24, 1, 2022),
    "142/kh-bgdđt": (26, 2, 2019),
    "114/kh-bgdđt": (8, 2, 2023),
    "22/qđ-bgdđt": (8, 1, 2019),
    "131/qđ-ttg": (25, 1, 2022),
    "30/2020/nđ-cp": (5, 3, 2020),
    "80/2017/nđ-cp": (17, 7, 2017),
    "06/2019/tt-bgdđt": (12, 4, 2019),
    "29/2024/tt-bgdđt": (30, 12, 2024),
    "30/2024/tt-bgdđt": (30, 12, 2024),
}


_KNOWN = {_symbol_key(k): v for k, v in KNOWN_DOCUMENTS.items()}


def _wrong_dates(d: Draft) -> list[tuple[tuple[int, int], str, str]]:
    out = []
    text = d.text
    for a, b in symbol_spans(text):
        known = _KNOWN.get(_symbol_key(text[a:b]))
        if not known:
            continue
        m = _DATE_WORDS.search(d.folded, b, min(len(text), b + 40))
        if not m or m.start() - b > 25:
            continue
        day = int(m.group(1))
        month = int(m.group(2) or m.group(4))
        year = int(m.group(3) or m.group(5))
        if year != known[2]:
            continue  # another document with the same number
        if (day, month) != (known[0], known[1]):
            out.append(((m.start(), m.end()), text[a:b], f"{known[0]:02d}/{known[1]:02d}/{known[2]}"))
    return out


@RUBRIC.criterion(
    "legal_basis", label=N_("Legal basis cited with number and date"), weight=6,
    source="domain.md §1 (NĐ 30/2020: Căn cứ lines; first citation gives type, number, date, issuer; a law by "
           "name) and §3 (\"Thực hiện Kế hoạch số 68/KH-BGDĐT…\")",
    passes=[
        "KẾ HOẠCH\nTruyền thông năm 2027\n"
        "Căn cứ Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo;\n"
        "Căn cứ Luật Báo chí năm 2025.\nI. MỤC ĐÍCH, YÊU CẦU\n",
    ],
    fails=[
        "KẾ HOẠCH\nTruyền thông năm 2027\nSở Giáo dục và Đào tạo ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n",
    ],
)
def legal_basis(d: Draft) -> Finding:
    """The plan opens with *Căn cứ* / *Thực hiện* lines citing the documents it rests on,
    each with type, number and date ("Căn cứ Nghị quyết số 71-NQ/TW ngày 22/8/2025…"; a law
    by its name). Dates of well-known documents are checked (29-NQ/TW is 04/11/2013).
    Source: domain.md §1 (NĐ 30/2020, box 6) and §3 (seed plan's "Thực hiện Kế hoạch số
    68/KH-BGDĐT…"). Weight 6. Unit: basis line. One fully cited line: 1; a number without a
    date: 0.6; lines without any document: 0.3; none: 0; −0.25 per wrong known date."""
    lay = layout(d)
    lines = lay.basis
    wrong = _wrong_dates(d)
    if not lines:
        frac, msg, spans = 0.0, _("There is no legal basis: open with \"Căn cứ …\" or \"Thực hiện …\" lines citing "
                                  "each document with its number and date (e.g. \"Căn cứ Kế hoạch số 68/KH-BGDĐT "
                                  "ngày 24/01/2022 của Bộ GDĐT…\")."), ()
    else:
        best = 0.0
        half: list[tuple[int, int]] = []
        for a, b in lines:
            seg = d.text[a:b]
            fseg = lay.folded[a:b]
            has_sym = bool(symbol_spans(seg))
            has_date = bool(_DATE_WORDS.search(fseg)) or any(m.kind == "date" for m in find_dates(seg))
            if (has_sym and has_date) or _LAW.search(fseg):
                best = 1.0
            elif has_sym:
                best = max(best, 0.6)
                half.append((a, b))
            else:
                best = max(best, 0.3)
        frac, spans = best, tuple(half)
        if best >= 1.0:
            msg = ""
        elif best >= 0.6:
            msg = _("The basis cites documents without their date: give each \"số …, ngày …\".")
        else:
            msg = _("The basis lines cite no document: name each with its number and date "
                    "(\"Căn cứ Quyết định số … ngày … của …\").")
            spans = tuple(lines)
    if wrong:
        frac = max(0.25 if lines else 0.0, frac - 0.25 * len(wrong))
        notes = "; ".join(t("{doc} is dated {right}", doc=doc, right=right) for _sp, doc, right in wrong)
        msg = (msg + " " if msg else "") + t("Check the dates you cite: {notes}.", notes=notes)
        spans = tuple(spans) + tuple(sp for sp, _d, _r in wrong)
    if frac >= 1.0 and not wrong:
        return Finding(1.0)
    return Finding(frac, msg, spans)


# --------------------------------------------------------------------------- 8. messages

_MSG_COL = re.compile(r"thông điệp|khẩu hiệu")
_GUIDANCE = re.compile(r"phù hợp|từng đối tượng|ngắn gọn|dễ hiểu|dễ nhớ|sinh động|hấp dẫn|đúng định hướng|thống nhất")
_QUOTED = re.compile(r"[\"“«][^\"”»\n]{8,200}[\"”»]")
_INLINE_MSG = re.compile(r"(?:thông điệp|khẩu hiệu)[^.\n]{0,40}?[\"“«][^\"”»\n]{8,200}[\"”»]")


@RUBRIC.criterion(
    "messages", label=N_("Key messages stated"), weight=8,
    source="domain.md §6 (section II: messages, audiences, channels; PR element 'messages')",
    passes=[
        "2. Thông điệp chủ đạo\n- \"Cả xã hội chung tay đưa trẻ đến trường.\"\n"
        "- \"Không để học sinh nào phải nghỉ học vì hoàn cảnh khó khăn.\"\n",
    ],
    fails=[
        "2. Nội dung trọng tâm\n2.1. Quy chế thi, lịch thi.\n2.2. Phương án tuyển sinh lớp 10.\n",
        "2. Thông điệp\nThông điệp ngắn gọn, dễ hiểu, phù hợp với từng đối tượng.\n",
    ],
)
def messages(d: Draft) -> Finding:
    """The plan states its key messages: the sentences every channel repeats ("Cả xã hội
    chung tay đưa trẻ đến trường."), under "Thông điệp" / "Khẩu hiệu", in a "Thông điệp"
    column, or quoted after "thông điệp". Advice about messages ("ngắn gọn, phù hợp với
    từng đối tượng") is not a message. Source: domain.md §6 (section II). Weight 8. Unit:
    stated message (an item of 4+ syllables or a quote). Two or more: 1; one: 0.75; a
    message part without any: 0.3; nothing: 0."""
    lay = layout(d)
    secs = _outermost([s for s in lay.find("messages") if not s.has("unit")])
    found: list[tuple[int, int]] = []
    for s in secs:
        for it in lay.items(s):
            body, fb = _body(it), _fbody(it)
            if it.kind == "row":
                c = it.cell(_MSG_COL)
                if c is not None and _syl(c.text) >= 3:
                    found.append((c.start, c.end))
                continue
            quoted = _QUOTED.findall(body)
            if quoted:
                found += [it.head] * len(quoted)
            elif _syl(body) >= 4 and not _GUIDANCE.search(fb):
                found.append(it.head)
    for tb in lay.tables:
        col = tb.column(_MSG_COL)
        if col is None or any(s.start <= tb.start < s.end for s in secs):
            continue
        for row in tb.rows:
            if col < len(row) and _syl(row[col].text) >= 3:
                found.append((row[col].start, row[col].end))
    if not found:
        for m in _INLINE_MSG.finditer(lay.folded, lay.body[0], lay.body[1]):
            found.append(m.span())
    n = len(found)
    if n >= 2:
        return Finding(1.0)
    if n == 1:
        return Finding(0.75, _("Only one key message is stated: most plans carry two or three, one per main "
                               "audience or goal."), tuple(found))
    if secs:
        return Finding(0.3, _("The part on messages states no actual message: write the two or three sentences "
                              "every channel will repeat, in quotes."),
                       tuple((s.start, s.end) for s in secs))
    return Finding(0.0, _("No key messages: add a part \"Thông điệp chủ đạo\" with two or three short sentences "
                          "every channel will repeat (e.g. \"Cả xã hội chung tay đưa trẻ đến trường.\")."))


# --------------------------------------------------------------------------- 9. channels

_OWNED = (
    ("web", re.compile(r"cổng thông tin điện tử|cổng (?:tuyển sinh|dịch vụ công)|"
                       r"trang (?:thông tin|tin) điện tử (?:của )?(?:sở|bộ|phòng|trường|nhà trường|ubnd|phường|xã|tỉnh|thành phố|trung tâm)\b|"
                       r"\bwebsite\b")),
    ("fanpage", re.compile(r"fanpage|trang facebook|facebook (?:của|chính thức)")),
    ("zalo", re.compile(r"zalo oa|zalo official|tài khoản zalo|nhóm zalo")),
    ("video", re.compile(r"tiktok|youtube")),
    ("app", re.compile(r"sổ liên lạc điện tử|tin nhắn sms|\bsms\b|ứng dụng (?:di động|trên điện thoại)")),
)
_EVENTS = re.compile(r"họp báo|thông cáo báo chí|thông tin báo chí|trả lời phỏng vấn|phỏng vấn|tọa đàm|đối thoại|"
                     r"giao lưu trực tuyến|livestream|truyền hình trực tiếp")
_OUTLET = re.compile(r"\b(?:Báo|Đài|Tạp chí|Thông tấn xã|Truyền hình|Phát thanh)\s+(?:và\s+Phát thanh\b|[^\W\d_]+)")
_OUTLET_ACR = re.compile(r"\b(?:VTV\d{0,2}|HTV\d{0,2}|VOV\d?|VTC\d{0,2}|TTXVN|VNA|QPVN|VTVcab)\b")
_DIRECT = re.compile(r"loa (?:truyền thanh|phát thanh)|hệ thống truyền thanh|đài truyền thanh|họp (?:cha mẹ|phụ huynh)|"
                     r"hội nghị cha mẹ|tờ (?:rơi|gấp|hướng dẫn)|áp phích|pa ?nô|băng rôn|bảng tin|đường dây nóng|"
                     r"tổng đài|hộp thư|sinh hoạt dưới cờ|chào cờ|sân khấu hóa|tài liệu in|sổ tay|già làng|"
                     r"người có uy tín")
_GENERIC_CHANNEL = re.compile(r"phương tiện thông tin đại chúng|các hình thức (?:phù hợp|khác)|hình thức phù hợp")


def _channel_mask(lay: PlanLayout) -> SpanSet:
    """Where a named outlet is an owner or recipient, not a channel: "Nơi nhận",
    basis lines, owner clauses and cells, and unit heads of the organisation part."""
    mask: list[tuple[int, int]] = []
    if lay.header:
        mask.append(lay.header)
    if lay.recipients:
        mask.append((lay.recipients[0], len(lay.text)))
    mask += list(lay.basis)
    units, _source = _activities(lay)
    for u in units:
        if u.kind == "row" and u.table is not None:
            for i in u.table.columns(r"chủ trì|phụ trách|phối hợp|đơn vị|thực hiện|trách nhiệm"):
                if i < len(u.cells):
                    c = u.cells[i][1]
                    mask.append((c.start, c.end))
        f = u.folded
        for m in re.finditer(r"(?:chủ trì|phối hợp|phụ trách|đơn vị thực hiện)\s*:?[^;.\]\n]{0,120}", f):
            mask.append((u.start + m.start(), u.start + m.end()))
    for h, _tasks, sp in _org_entries(lay):
        mask.append(sp if len(h) < 200 else (sp[0], sp[0] + 120))
    return SpanSet(mask)


def _channel_counts(lay: PlanLayout) -> tuple[set[str], set[str], set[str]]:
    mask = _channel_mask(lay)
    a, b = lay.body
    f = lay.folded
    owned: set[str] = set()
    press: set[str] = set()
    direct: set[str] = set()
    for key, rx in _OWNED:
        for m in rx.finditer(f, a, b):
            if not _masked(f, m.start(), mask):
                owned.add(key)
                break
    for m in _EVENTS.finditer(f, a, b):
        if not _masked(f, m.start(), mask):
            press.add(m.group())
    for rx in (_OUTLET, _OUTLET_ACR):
        for m in rx.finditer(lay.text, a, b):
            word = m.group().split()[-1]
            if rx is _OUTLET and not (word[:1].isupper() or word == "Phát"):
                continue
            if not _masked(f, m.start(), mask):
                press.add(" ".join(m.group().split()[:3]).lower())
    for m in _DIRECT.finditer(f, a, b):
        if not _masked(f, m.start(), mask):
            direct.add(m.group())
    return owned, press, direct


@RUBRIC.criterion(
    "channels", label=N_("Named channels"), weight=8,
    source="domain.md §6 (PESO: paid, earned, shared, owned; section II: channel per topic) and §2 (NĐ 244/2026: "
           "press conference, portal and official social accounts, interviews, releases)",
    passes=[
        "3. Kênh truyền thông\n- Cổng thông tin điện tử, fanpage và Zalo OA của Sở;\n"
        "- Báo Giáo dục và Thời đại; họp báo, thông cáo báo chí;\n- Loa truyền thanh xã, họp cha mẹ học sinh.\n",
    ],
    fails=[
        "III. HÌNH THỨC TUYÊN TRUYỀN\nThông qua các phương tiện thông tin đại chúng, hội nghị và các hình thức phù hợp khác.\n",
    ],
)
def channels(d: Draft) -> Finding:
    """The plan names its channels: its own (Cổng thông tin điện tử, fanpage, Zalo OA,
    TikTok…), the press (named newspapers and stations; họp báo, thông cáo báo chí,
    phỏng vấn, tọa đàm) and direct ones (loa truyền thanh, họp cha mẹ học sinh, tờ gấp,
    đường dây nóng). "Phương tiện thông tin đại chúng" and "các hình thức phù hợp" name
    nothing. Outlets listed only as recipients (Nơi nhận) or as owners (chủ trì/phối hợp)
    do not count. Source: domain.md §6 (PESO) and §2 (NĐ 244 forms). Weight 8. Unit:
    distinct channel. Full marks: own channels plus another kind (press or direct), three or more in all;
    0.75 with own channels and one more; 0.6 for a mix without own channels; 0.35–0.5 for one or two."""
    lay = layout(d)
    owned, press, direct = _channel_counts(lay)
    # The agency's own channels are the core (PESO's "owned"); beside them a good mix, not a
    # fixed recipe: a school or ward plan may rightly reach parents directly and skip the press.
    kinds = (len(owned) >= 1) + (len(press) >= 1) + (len(direct) >= 1)
    total = len(owned) + len(press) + len(direct)
    if owned and kinds >= 2 and total >= 3:
        frac = 1.0
    elif owned and total >= 2:
        frac = 0.75
    elif kinds >= 2 and total >= 3:
        frac = 0.6
    else:
        frac = {0: 0.0, 1: 0.35}.get(total, 0.5)
    if frac >= 0.999:
        return Finding(1.0)
    generic = [m.span() for m in _GENERIC_CHANNEL.finditer(lay.folded, lay.body[0], lay.body[1])]
    missing = []
    if len(owned) < 2:
        missing.append(_("your own channels (Cổng thông tin điện tử, fanpage, Zalo OA…)"))
    if not press:
        missing.append(_("the press (named newspapers and stations, họp báo, thông cáo báo chí)"))
    if not direct:
        missing.append(_("direct channels (họp cha mẹ học sinh, loa truyền thanh, tờ gấp…)"))
    if not owned and not press and not direct:
        return Finding(0.0, _("No channel is named: say which ones carry each message — your own (Cổng thông tin "
                              "điện tử, fanpage, Zalo OA), the press (named newspapers, họp báo) and direct ones "
                              "(họp cha mẹ học sinh, loa truyền thanh)."), tuple(generic))
    return Finding(frac, t("Name more channels: {items}.", items="; ".join(missing)), tuple(generic))


# --------------------------------------------------------------------------- 10. format

_FORMAT_ELEMENTS = (
    ("issuer", N_("the issuing body (e.g. \"SỞ GIÁO DỤC VÀ ĐÀO TẠO\")")),
    ("motto", N_("the national title and motto (\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\", \"Độc lập - Tự do - Hạnh phúc\")")),
    ("number", N_("the number (\"Số: …/KH-…\")")),
    ("dateline", N_("the place and date (\"…, ngày … tháng … năm …\")")),
    ("title", N_("the title \"KẾ HOẠCH\" with its summary")),
    ("recipients", N_("\"Nơi nhận:\"")),
    ("signer", N_("the signer's title and full name")),
)


@RUBRIC.criterion(
    "format", label=N_("Administrative format (NĐ 30/2020)"), weight=7,
    source="domain.md §1 (NĐ 30/2020/NĐ-CP Art. 8, Annex I; plan = Mẫu 1.4)",
    passes=[
        "UBND TỈNH LẠNG SƠN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 2318/KH-SGDĐT\nLạng Sơn, ngày 26 tháng 11 năm 2026\nKẾ HOẠCH\nTruyền thông năm 2027\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n…\nNơi nhận:\n- UBND tỉnh (để b/c);\n- Lưu: VT, VP.\nGIÁM ĐỐC\n\nHoàng Thị Minh Thư\n",
    ],
    fails=[
        "KẾ HOẠCH\nTruyền thông năm 2027\nI. MỤC ĐÍCH, YÊU CẦU\nNội dung kế hoạch.\n",
    ],
)
def format_(d: Draft) -> Finding:
    """The plan has the elements NĐ 30/2020 requires: issuing body, national title and
    motto, "Số: …/KH-…", place and date, "KẾ HOẠCH" with its summary, "Nơi nhận:" and the
    signer (title and name). Source: domain.md §1 (NĐ 30/2020 Art. 8, Annex I, Mẫu 1.4).
    Weight 7. Unit: element (7). Half an element: motto without national title (or the
    reverse), title without summary or misspelt ("KÊ HOẠCH"), signer without name. The
    message lists what is missing."""
    lay = layout(d)
    title = 0.0
    if lay.doc_type is not None:
        title = (1.0 if lay.doc_type_ok else 0.5) - (0.0 if lay.summary else 0.5)
    got = {
        "issuer": 1.0 if lay.issuer else 0.0,
        "motto": (0.5 if lay.national_title else 0.0) + (0.5 if lay.motto else 0.0),
        "number": 1.0 if lay.number else 0.0,
        "dateline": 1.0 if lay.dateline else 0.0,
        "title": max(0.0, title),
        "recipients": 1.0 if lay.recipients else 0.0,
        "signer": (0.5 if lay.signer_title else 0.0) + (0.5 if lay.signer_name else 0.0),
    }
    frac = sum(got.values()) / len(got)
    if frac >= 1.0:
        return Finding(1.0)
    missing = [(key, _(label)) for key, label in _FORMAT_ELEMENTS if got[key] < 1.0]
    if lay.doc_type is not None and not lay.doc_type_ok:
        # a misspelt type ("KÊ HOẠCH") is the first thing to fix
        msg = t("The title reads \"{title}\": write \"KẾ HOẠCH\".", title=d.text[lay.doc_type[0]:lay.doc_type[1]])
        others = [label for key, label in missing if key != "title"]
        if others:
            msg += " " + t("Also check {items}.", items="; ".join(others))
        return Finding(round(frac, 3), msg, (lay.doc_type,))
    return Finding(round(frac, 3), t("The document format is incomplete: check {items}.",
                                     items="; ".join(label for _k, label in missing)))
