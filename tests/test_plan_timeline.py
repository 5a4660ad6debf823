"""Activity timings read into dates, and the Gantt chart drawn from them."""

from __future__ import annotations

import datetime as dt

import pytest

from kit.plan import Plan
from kit.plan.timeline import plan_year, schedule
from kit.views.charts import timeline_chart

D = dt.date


def _plan(*timings: str, **kw) -> Plan:
    return Plan(activities=[{"name": f"Việc {i}", "timing": t} for i, t in enumerate(timings, 1)], **kw)


@pytest.mark.parametrize("timing, start, end, kind", [
    ("Tháng 01/2027", D(2027, 1, 1), D(2027, 1, 31), "span"),
    ("Tháng 3–5/2027", D(2027, 3, 1), D(2027, 5, 31), "span"),
    ("Quý II/2027", D(2027, 4, 1), D(2027, 6, 30), "span"),
    ("Quý III-IV/2027", D(2027, 7, 1), D(2027, 12, 31), "span"),
    ("15/01/2027", D(2027, 1, 15), D(2027, 1, 15), "point"),
    ("Trước ngày 30/4/2027", D(2027, 4, 30), D(2027, 4, 30), "point"),
    ("Từ 01/3 đến 15/6/2027", D(2027, 3, 1), D(2027, 6, 15), "span"),
    ("Tháng 9/2026 – tháng 5/2027", D(2026, 9, 1), D(2027, 5, 31), "span"),
    ("phát động tháng 4/2027; trao giải ngày 22/5/2027", D(2027, 4, 1), D(2027, 5, 22), "span"),
    # the precise months win over the school year they belong to
    ("tháng 8 - 10/2027, gắn với năm học 2027-2028", D(2027, 8, 1), D(2027, 10, 31), "span"),
    ("Tháng 6", D(2027, 6, 1), D(2027, 6, 30), "span"),  # the plan's year
])
def test_timings_become_date_ranges(timing, start, end, kind):
    bar = schedule(_plan(timing, summary="Truyền thông năm 2027")).bars[0]
    assert (bar.start, bar.end, bar.kind) == (start, end, kind)


def test_recurring_work_spans_the_plan_period_and_unknown_timing_is_kept():
    sch = schedule(_plan("Tháng 3/2027", "Hằng tháng", "khi có yêu cầu", "Tháng 10/2027"))
    assert [b.index for b in sch.bars] == [0, 1, 3]
    recurring = sch.bars[1]
    assert recurring.kind == "recurring" and (recurring.start, recurring.end) == (D(2027, 3, 1), D(2027, 10, 31))
    assert sch.unscheduled == [(2, "Việc 3")]
    assert (sch.first, sch.last) == (D(2027, 3, 1), D(2027, 10, 31))


def test_only_recurring_work_covers_the_plan_year():
    sch = schedule(_plan("Định kỳ hằng quý", summary="Kế hoạch năm 2028"))
    assert (sch.bars[0].start, sch.bars[0].end) == (D(2028, 1, 1), D(2028, 12, 31))


def test_plan_year_comes_from_summary_then_date_then_activities():
    assert plan_year(Plan(summary="Truyền thông năm 2027", date="2026-11-25")) == 2027
    assert plan_year(Plan(date="2026-11-25")) == 2026
    assert plan_year(_plan("Tháng 2/2029", "Tháng 5/2029")) == 2029


def test_impossible_dates_are_unscheduled_not_errors():
    sch = schedule(_plan("31/02/2027", "Tháng 13/2027", ""))
    assert sch.bars == [] or all(b.start <= b.end for b in sch.bars)
    assert len(sch.bars) + len(sch.unscheduled) == 3


def test_chart_is_a_png_and_empty_without_dates():
    png = timeline_chart(_plan("Tháng 1/2027", "15/3/2027", "Hằng tháng", "chưa rõ"))
    assert png.startswith(b"\x89PNG")
    from PIL import Image
    import io

    img = Image.open(io.BytesIO(png))
    assert img.width == 800 and img.height > 200
    assert timeline_chart(_plan("chưa rõ", "")) == b""
    assert timeline_chart(Plan()) == b""


def test_chart_of_a_long_plan_stays_readable(artifacts):
    names = [f"Hoạt động truyền thông số {i} với một cái tên rất dài cho đủ hai dòng chữ" for i in range(25)]
    plan = Plan(activities=[{"name": n, "timing": f"Tháng {i % 12 + 1}/2027"} for i, n in enumerate(names)])
    png = timeline_chart(plan)
    (artifacts / "timeline-25.png").write_bytes(png)
    from PIL import Image
    import io

    assert Image.open(io.BytesIO(png)).height >= 25 * 40  # half an inch a row
