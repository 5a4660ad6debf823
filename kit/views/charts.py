"""Small matplotlib charts as PNG bytes (Agg backend: no display needed)."""

from __future__ import annotations

import io


def criteria_chart(report, width: float = 6.0) -> bytes:
    """A horizontal bar per criterion: the share of its points earned."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    labels = [c.label for c in report.criteria][::-1]
    shares = [(c.score / c.max * 100 if c.max else 0) for c in report.criteria][::-1]
    colours = ["#1d7a46" if s >= 100 else "#c27c0e" if s >= 50 else "#b42318" for s in shares]
    fig = Figure(figsize=(width, 0.38 * len(labels) + 0.6), dpi=100)
    ax = fig.add_subplot()
    ax.barh(labels, [100] * len(labels), color="#eef1f4")  # the full mark, for scale
    ax.barh(labels, shares, color=colours)
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", labelsize=9)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def timeline_chart(plan, width: float = 8.0) -> bytes:
    """A Gantt chart of the plan's activities (PNG); b"" when no activity can be placed.

    One row per activity in the plan's order, months along the top; a day is a diamond,
    recurring work a hatched bar over the whole period. Activities whose timing cannot be
    read are named under the chart so the trainee sees what to fix. Drawing takes a few
    hundred milliseconds, so the last charts are cached by what they show: the builder
    redraws on every pause and then exports the same plan.
    """
    import json

    from ..i18n import get_language
    from ..plan.timeline import plan_year

    year = plan_year(plan)
    key = json.dumps([plan.activities, year, get_language(), width], ensure_ascii=False, default=str)
    if key not in _TIMELINES:
        _TIMELINES[key] = _timeline_png(plan, year, width)
        while len(_TIMELINES) > 16:
            _TIMELINES.pop(next(iter(_TIMELINES)))
    return _TIMELINES[key]


_TIMELINES: dict[str, bytes] = {}  # insertion-ordered: the oldest chart goes first


def _timeline_png(plan, year: int, width: float) -> bytes:
    import datetime as dt

    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.dates import DateFormatter, MonthLocator, date2num
    from matplotlib.figure import Figure

    from ..i18n import _, t
    from ..plan.timeline import schedule

    sch = schedule(plan, year)
    if not sch.bars:
        return b""
    rows = len(sch.bars)
    names = [_two_lines(f"{b.index + 1}. {b.name}", 38) for b in sch.bars]
    fig = Figure(figsize=(width, 0.5 * rows + 1.6 + (0.3 if sch.unscheduled else 0)), dpi=100)
    ax = fig.add_subplot()
    colours = {"span": "#0b6e99", "recurring": "#9cc7db", "point": "#c27c0e"}
    for y, b in enumerate(sch.bars):
        start = date2num(b.start)
        if b.kind == "point":
            ax.plot([start + 0.5], [y], marker="D", markersize=9, color=colours["point"])
        else:
            ax.barh(y, date2num(b.end + dt.timedelta(days=1)) - start, left=start, height=0.55,
                    color=colours[b.kind], hatch="//" if b.kind == "recurring" else None,
                    edgecolor="#0b4f6c" if b.kind == "recurring" else colours[b.kind])
    ax.set_yticks(range(rows), names, fontsize=8.5)
    ax.set_ylim(rows - 0.5, -0.7)
    ax.set_xlim(date2num(sch.first), date2num(sch.last + dt.timedelta(days=1)))
    months = (sch.last.year - sch.first.year) * 12 + sch.last.month - sch.first.month + 1
    ax.xaxis.set_major_locator(MonthLocator(interval=1 if months <= 15 else 3))
    ax.xaxis.set_major_formatter(DateFormatter("%m/%Y"))
    ax.xaxis.tick_top()
    ax.tick_params(axis="x", labelsize=8, rotation=0 if months <= 8 else 45)
    ax.grid(axis="x", color="#d9e2ec", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("right", "bottom"):
        ax.spines[side].set_visible(False)
    fig.suptitle(_("Activity timeline"), fontsize=11, x=0.01, ha="left")
    if sch.unscheduled:
        missing = ", ".join(str(i + 1) for i, _name in sch.unscheduled)
        fig.text(0.01, 0.01, t("No readable time yet for activity {numbers}: write a month, a quarter or a date.",
                               numbers=missing), fontsize=8.5, color="#b42318")
    # fixed margins instead of tight_layout (which draws the figure once more): the labels
    # column is as wide as the longest wrapped name
    height = fig.get_figheight()
    longest = max(len(line) for name in names for line in name.split("\n"))
    fig.subplots_adjust(left=min(0.5, (0.25 + longest * 0.068) / width), right=1 - 0.4 / width,
                        top=1 - (0.95 if months > 8 else 0.8) / height,
                        bottom=(0.45 if sch.unscheduled else 0.15) / height)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _two_lines(text: str, width: int) -> str:
    """``text`` wrapped on at most two lines, with "…" when it was longer."""
    import textwrap

    lines = textwrap.wrap(text, width) or ["…"]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder=" …")]
    return "\n".join(lines)
