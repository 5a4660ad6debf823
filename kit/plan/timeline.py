"""When each activity of a plan happens, read from its free-text timing.

Trainees write timings the way plans do ("Tháng 01/2027", "Quý II/2027", "Từ 01/3 đến
15/6/2027", "Hằng tháng", "Trước ngày 30/4/2027"); :func:`schedule` turns them into
date ranges with :func:`kit.text.entities.find_dates`, so the timeline chart and the
rubric read dates the same way. A timing without a year takes the plan's year (from its
date, its summary, or the other activities). What cannot be placed is kept in
``Schedule.unscheduled``, never dropped silently.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..text.entities import DateMention, find_dates
from .model import Plan

_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass(frozen=True)
class Bar:
    """One activity on the timeline: ``start``/``end`` inclusive; ``kind`` is ``"span"``,
    ``"point"`` (a single day: a deadline or an event) or ``"recurring"`` (hằng tháng…,
    drawn over the whole plan period)."""

    index: int  # position in plan.activities
    name: str
    timing: str
    start: dt.date
    end: dt.date
    kind: str


@dataclass
class Schedule:
    bars: list[Bar] = field(default_factory=list)
    unscheduled: list[tuple[int, str]] = field(default_factory=list)  # (index, name)
    first: dt.date | None = None  # the period the chart shows
    last: dt.date | None = None


def plan_year(plan: Plan) -> int:
    """The year the plan is about: its summary's year ("… năm 2027"), else its date's, else
    the commonest year in the activity timings, else this year."""
    m = _YEAR.findall(plan.summary or "")
    if m:
        return int(m[-1])
    if plan.date[:4].isdigit():
        return int(plan.date[:4])
    years = Counter(int(y) for a in plan.activities if isinstance(a, dict) for y in _YEAR.findall(str(a.get("timing", ""))))
    return years.most_common(1)[0][0] if years else dt.date.today().year


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, min(d, calendar.monthrange(y, m)[1]))


def _bounds(d: DateMention, year: int) -> tuple[dt.date, dt.date, str] | None:
    """(start, end, kind) of one date mention, or None when it is not a point in time."""
    y = d.year or d.end_year or year
    try:
        if d.kind in ("date", "datetime") and d.month and d.day:
            day = _safe_date(y, d.month, d.day)
            return day, day, "point"
        if d.kind == "month" and d.month:
            return dt.date(y, d.month, 1), _month_end(y, d.month), "span"
        if d.kind == "quarter" and d.quarter:
            m = 3 * d.quarter - 2
            return dt.date(y, m, 1), _month_end(y, m + 2), "span"
        if d.kind == "range":
            ey = d.end_year or y
            if d.quarter and d.end_quarter:
                return dt.date(y, 3 * d.quarter - 2, 1), _month_end(ey, 3 * d.end_quarter), "span"
            if d.month and d.end_month:
                start = _safe_date(y, d.month, d.day or 1)
                end = _safe_date(ey, d.end_month, d.end_day) if d.end_day else _month_end(ey, d.end_month)
                if end < start and not d.end_year:
                    end = end.replace(year=end.year + 1)
                return (start, end, "span") if end >= start else None
        if d.kind == "school_year" and d.year:
            return dt.date(d.year, 9, 1), _month_end(d.end_year or d.year + 1, 5), "span"
        if d.kind == "year" and d.year:
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "span"
    except ValueError:  # a month 13 or day 0 typed by hand
        return None
    return None


def schedule(plan: Plan, year: int | None = None) -> Schedule:
    """The activities of ``plan`` as bars on a calendar (see the module docstring); ``year``
    is the plan's year when the caller knows it already."""
    year = year or plan_year(plan)
    out = Schedule()
    recurring: list[tuple[int, str, str]] = []
    for i, a in enumerate(plan.activities):
        a = a if isinstance(a, dict) else {"name": str(a)}
        name = str(a.get("name") or "").strip() or str(a.get("timing") or "").strip()
        timing = str(a.get("timing") or "").strip()
        mentions = find_dates(timing)
        # "tháng 8 - 10/2027, gắn với năm học 2027-2028": the precise mentions say when
        precise = [d for d in mentions if d.kind not in ("year", "school_year")]
        found = [b for b in (_bounds(d, year) for d in (precise or mentions)) if b]
        if found:
            start = min(b[0] for b in found)
            end = max(b[1] for b in found)
            kind = "point" if start == end else "span"
            out.bars.append(Bar(i, name, timing, start, end, kind))
        elif any(d.kind == "periodic" for d in mentions) or re.search(r"(?i)cả năm|quanh năm|thường xuyên", timing):
            recurring.append((i, name, timing))
        else:
            out.unscheduled.append((i, name))
    if out.bars:
        out.first = min(b.start for b in out.bars).replace(day=1)
        last = max(b.end for b in out.bars)
        out.last = _month_end(last.year, last.month)
    if recurring:  # ongoing work spans the plan's period (its year when nothing else is dated)
        first = out.first or dt.date(year, 1, 1)
        last = out.last or dt.date(year, 12, 31)
        if not out.bars:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        out.first, out.last = first, last
        out.bars.extend(Bar(i, name, timing, first, last, "recurring") for i, name, timing in recurring)
        out.bars.sort(key=lambda b: b.index)
    return out
