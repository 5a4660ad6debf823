"""The room's charts as PNG bytes, drawn from the summary alone (so ``summary.json`` is enough
to redraw them). Sized and lettered for a projector at the back of a hall: 1280 px wide,
15 pt text, few colours, the numbers written on the bars.

Names are drawn with matplotlib's maths parser off: a trainee called ``$\\frac{}`` is text.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
import warnings
from typing import Callable

from ..i18n import _, t
from .labels import kind_tag, score_text

WIDTH = 12.8  # inches at 100 dpi: 1280 px
DPI = 100
INK = "#1f2933"
MUTED = "#6b7785"
BLUE = "#0b4f6c"
LIGHT = "#cfe3ef"
GREEN = "#1d7a46"
AMBER = "#c27c0e"
RED = "#b42318"
MAX_CRITERIA = 15
MAX_PROGRESS = 30
MAX_LEADERS = 15

RC = {
    "text.parse_math": False,
    "font.family": "DejaVu Sans",  # ships with matplotlib and has every Vietnamese letter
    "font.size": 15,
    "axes.labelcolor": INK,
    "axes.edgecolor": "#9aa5b1",
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
}


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def exercise_label(ex: dict, width: int = 40) -> str:
    """Two lines: the genre, then the exercise's title (cut)."""
    kind = kind_tag(ex["kind"])
    return f"{kind[:1].upper()}{kind[1:]}\n{_short(ex['title'], width)}"


TITLE_INCHES = 0.95


def _figure(rows: int, per_row: float, extra: float = 1.6):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, max(3.2, per_row * rows + extra + TITLE_INCHES)), dpi=DPI)
    FigureCanvasAgg(fig)  # an Agg canvas from the start: _text_inches measures with its renderer
    return fig


def _text_inches(fig, texts, fontsize: float) -> float:
    """The width of the widest line among ``texts``, measured without drawing the figure."""
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()
    prop = FontProperties(family=RC["font.family"], size=fontsize)
    widths = [renderer.get_text_width_height_descent(line, prop, ismath=False)[0]
              for text in texts for line in str(text).split("\n")]
    return max(widths, default=0) / fig.dpi


def _finish(fig, title: str, *, labels=(), label_size: float = 13, right: float = 0.3, bottom: float = 1.0,
            top_extra: float = 0.0, legend: bool = False, subtitle: str = "") -> None:
    """The title (and a smaller second line) at the top left of the picture, not of the plot,
    so long titles fit; the legend (if any) at the top right; the plot placed below them
    with room for its ``labels`` on the left and ``right`` inches on the right.

    Margins are measured, not found by ``tight_layout`` (which draws the whole figure once
    more: a third of the time of a 500-submission report).
    """
    width, height = fig.get_size_inches()
    fig.text(0.012, 1 - 0.14 / height, title, ha="left", va="top", fontsize=19, fontweight="bold")
    if subtitle:
        fig.text(0.012, 1 - 0.5 / height, subtitle, ha="left", va="top", fontsize=14, color=MUTED)
    if legend:
        fig.legend(loc="upper right", bbox_to_anchor=(0.995, 1 - 0.1 / height), ncol=3,
                   frameon=False, fontsize=13)
    left = _text_inches(fig, labels, label_size) + 0.3
    fig.subplots_adjust(left=min(0.6, left / width), right=1 - right / width,
                        top=1 - (TITLE_INCHES + top_extra) / height, bottom=bottom / height)


def _png(draw: Callable) -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=False)
    # A name in another script or with emoji lacks glyphs in DejaVu Sans: drawn as boxes,
    # without an English warning on the trainer's terminal (the HTML tables show it whole).
    with matplotlib.rc_context(RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig = draw()
        buf = io.BytesIO()
        # Fast zlib level: a sixth less time for a sixth more bytes (the report is made while the room waits).
        fig.savefig(buf, format="png", facecolor="white", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _clean_axes(ax, keep_left: bool = True) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if not keep_left:
        ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)


def _jitter(key: str, i: int) -> float:
    """A small fixed offset, so dots with equal scores do not hide each other (same every run)."""
    h = hashlib.blake2b(f"{key}:{i}".encode(), digest_size=2).digest()
    return (int.from_bytes(h, "big") / 65535 - 0.5) * 0.36


def _rate_colour(rate: float) -> str:
    return RED if rate < 50 else AMBER if rate < 80 else GREEN


def scores_chart(summary: dict) -> bytes | None:
    """Each exercise's best scores (one dot per trainee), their spread, and the target."""
    exercises = summary["exercises"]
    if not exercises:
        return None

    import matplotlib

    # "orientation" replaced "vert" in matplotlib 3.10; the kit supports 3.8 and later.
    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    sideways = {"orientation": "horizontal"} if (major, minor) >= (3, 10) else {"vert": False}

    def draw():
        fig = _figure(len(exercises), 1.15)
        ax = fig.add_subplot()
        n = len(exercises)
        ys = [n - 1 - row for row in range(n)]
        # One call per kind of mark, not one per exercise: fewer artists draw faster.
        ax.boxplot([ex["best_scores"] for ex in exercises], positions=ys, widths=0.55, **sideways, whis=(0, 100),
                   showfliers=False, patch_artist=True, boxprops={"facecolor": LIGHT, "edgecolor": BLUE},
                   medianprops={"color": BLUE, "linewidth": 3}, whiskerprops={"color": BLUE},
                   capprops={"color": BLUE})
        xs = [v for ex in exercises for v in ex["best_scores"]]
        dot_ys = [y + _jitter(ex["id"], i) for y, ex in zip(ys, exercises) for i in range(len(ex["best_scores"]))]
        ax.scatter(xs, dot_ys, s=26, color=BLUE, alpha=0.55, zorder=3, linewidths=0)
        targets = [(y, ex["target"]) for y, ex in zip(ys, exercises) if ex["target"] is not None]
        if targets:
            ax.vlines([x for _y, x in targets], [y - 0.38 for y, _x in targets], [y + 0.38 for y, _x in targets],
                      color=RED, linewidth=3, zorder=4)
        for y, ex in zip(ys, exercises):
            note = t("{n} trainees", n=ex["trainees"])
            if ex["reached_target"] is not None:
                note += "\n" + t("{k} reached the target", k=ex["reached_target"])
            ax.text(103.5, y, note, va="center", fontsize=13, color=MUTED)
        ax.set_yticks(range(n), [exercise_label(e) for e in reversed(exercises)], fontsize=13)
        ax.set_xlim(-1.5, 101.5)  # dots at 0 and 100 drawn whole
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlabel(_("best score of each trainee (0–100)"))
        ax.plot([], [], color=RED, linewidth=3, label=_("target score"))
        ax.scatter([], [], color=BLUE, alpha=0.55, label=_("one trainee"))
        ax.grid(axis="x", color="#e4e7eb")
        ax.set_axisbelow(True)
        _clean_axes(ax)
        notes = [text.get_text() for text in ax.texts]
        _finish(fig, _("Scores by exercise"), labels=[exercise_label(e) for e in exercises],
                right=_text_inches(fig, notes, 13) + 0.45, legend=True,
                subtitle=_("each dot is one trainee’s best attempt"))
        return fig

    return _png(draw)


def criteria_chart(summary: dict) -> bytes | None:
    """The criteria the room fails most, weakest first: the class's common weaknesses."""
    criteria = summary["criteria"][:MAX_CRITERIA]
    if not criteria:
        return None

    def draw():
        fig = _figure(len(criteria), 0.55, 1.9)
        ax = fig.add_subplot()
        n = len(criteria)
        ys = [n - 1 - i for i in range(n)]
        rates = [c["pass_rate"] for c in criteria]
        ax.barh(ys, [100] * n, color="#eef1f4", height=0.7)
        ax.barh(ys, rates, color=[_rate_colour(r) for r in rates], height=0.7)
        for y, c in zip(ys, criteria):
            ax.text(min(c["pass_rate"], 100) + 1, y, f"{score_text(c['pass_rate'])}%  ({c['passed']}/{c['judged']})",
                    va="center", fontsize=13)
        labels = [f"{_short(c['label'], 40)}  ·  {kind_tag(c['kind'])}" for c in criteria]
        ax.set_yticks(ys, labels, fontsize=13)
        ax.set_xlim(0, 118)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel(_("share of the room's latest drafts that fully meet the criterion (%)"))
        subtitle = ""
        if len(summary["criteria"]) > MAX_CRITERIA:
            subtitle = t("({n} weakest of {total})", n=MAX_CRITERIA, total=len(summary["criteria"]))
        _clean_axes(ax, keep_left=False)
        _finish(fig, _("Common weaknesses: criteria the room meets least"), labels=labels, subtitle=subtitle)
        return fig

    return _png(draw)


def progress_chart(summary: dict) -> bytes | None:
    """First attempt → latest attempt, per trainee who tried an exercise more than once."""
    rows = [r for r in summary["trainees"] if r["gain"] is not None]
    if not rows:
        return None
    rows.sort(key=lambda r: (-r["gain"], r["name"].casefold()))
    shown = rows[:MAX_PROGRESS]

    def draw():
        fig = _figure(len(shown), 0.42, 2.0)
        ax = fig.add_subplot()
        n = len(shown)
        ys = [n - 1 - i for i in range(n)]
        colours = [GREEN if r["gain"] > 0 else RED if r["gain"] < 0 else MUTED for r in shown]
        firsts, lasts = [r["first_mean"] for r in shown], [r["last_mean"] for r in shown]
        ax.hlines(ys, [min(a, b) for a, b in zip(firsts, lasts)], [max(a, b) for a, b in zip(firsts, lasts)],
                  colors=colours, linewidth=3, alpha=0.7)
        ax.scatter(firsts, ys, s=70, color="white", edgecolors=MUTED, linewidths=2, zorder=3)
        ax.scatter(lasts, ys, s=70, color=colours, zorder=3)
        for y, r, colour in zip(ys, shown, colours):
            sign = "+" if r["gain"] > 0 else ""
            ax.text(103.5, y, sign + score_text(r["gain"]), va="center", fontsize=13, color=colour)
        ax.set_yticks(range(n), [_short(r["name"], 28) for r in reversed(shown)], fontsize=13)
        ax.set_xlim(-1.5, 101.5)
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlabel(_("score (mean over the exercises tried more than once)"))
        subtitle = ""
        if len(rows) > MAX_PROGRESS:
            subtitle = t("(the {n} who improved most, of {total})", n=MAX_PROGRESS, total=len(rows))
        ax.scatter([], [], s=70, color="white", edgecolors=MUTED, linewidths=2, label=_("first attempt"))
        ax.scatter([], [], s=70, color=GREEN, label=_("latest attempt"))
        ax.grid(axis="x", color="#e4e7eb")
        ax.set_axisbelow(True)
        _clean_axes(ax)
        _finish(fig, _("Progress: first attempt → latest attempt"), labels=[_short(r["name"], 28) for r in shown],
                right=0.9, legend=True, subtitle=subtitle)
        return fig

    return _png(draw)


def leaderboard_chart(summary: dict) -> bytes | None:
    """The top of the leaderboard: sum of best scores."""
    rows = summary["leaderboard"][:MAX_LEADERS]
    if not rows:
        return None

    def draw():
        fig = _figure(len(rows), 0.5, 1.6)
        ax = fig.add_subplot()
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]
        totals = [r["total_best"] for r in rows]
        top = max(totals) or 1
        ax.barh(ys, totals, color=[BLUE if r["rank"] > 3 else GREEN for r in rows], height=0.7)
        for y, r in zip(ys, rows):
            ax.text(r["total_best"] + top * 0.01, y,
                    t("{total} points · {n} exercises", total=score_text(r["total_best"]), n=r["exercises_done"]),
                    va="center", fontsize=13)
        names = [f"{r['rank']}. {_short(r['name'], 28)}" for r in rows]
        ax.set_yticks(ys, names, fontsize=14)
        ax.set_xlim(0, top * 1.3)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_xlabel(_("sum of the best score of each exercise done"))
        title = _("Leaderboard")
        if summary["anonymised"]:
            title += " " + _("(anonymised)")
        _clean_axes(ax, keep_left=False)
        _finish(fig, title, labels=names, label_size=14)
        return fig

    return _png(draw)


def debriefs_chart(summary: dict) -> bytes | None:
    """Crisis debriefs side by side: one column per scenario, mean share of each criterion."""
    groups = summary["debriefs"]
    if not groups:
        return None
    labels: list[str] = []
    for g in groups:
        for c in g["criteria"]:
            if c["label"] not in labels:
                labels.append(c["label"])

    def draw():
        import numpy as np

        rows = labels + [_("Total score")]
        grid = np.full((len(rows), len(groups)), np.nan)
        for j, g in enumerate(groups):
            for c in g["criteria"]:
                value = g["mean_scores"].get(c["id"])
                if value is not None:
                    grid[labels.index(c["label"]), j] = value
            if g["mean_total"] is not None:
                grid[-1, j] = g["mean_total"]
        fig = _figure(len(rows), 0.55, 2.6)
        ax = fig.add_subplot()
        ax.imshow(np.ma.masked_invalid(grid), cmap="RdYlGn", vmin=0, vmax=100, aspect="auto")
        for i in range(len(rows)):
            for j in range(len(groups)):
                if not np.isnan(grid[i, j]):
                    ax.text(j, i, score_text(grid[i, j]), ha="center", va="center", fontsize=14,
                            fontweight="bold" if i == len(rows) - 1 else "normal")
        row_labels = [_short(r, 38) for r in rows]
        ax.set_yticks(range(len(rows)), row_labels, fontsize=13)
        ax.set_xticks(range(len(groups)),
                      [textwrap.fill(_short(g["title"], 44), 22) + "\n" + t("({n} trainees)", n=len(g["rows"]))
                       for g in groups], fontsize=12)
        ax.xaxis.tick_top()
        ax.axhline(len(rows) - 1.5, color="white", linewidth=4)
        for side in ax.spines.values():
            side.set_visible(False)
        ax.tick_params(length=0)
        # At most ~2.6 inches per scenario: one or two scenarios do not stretch across the slide.
        spare = WIDTH - (_text_inches(fig, row_labels, 13) + 0.3) - 2.6 * len(groups) - 0.3
        _finish(fig, _("Crisis debriefs side by side"), labels=row_labels, bottom=0.25, top_extra=0.85,
                right=max(0.3, spare),
                subtitle=_("room mean, as a percentage of each criterion's points"))
        return fig

    return _png(draw)


CHARTS = {
    "diem-theo-bai.png": scores_chart,
    "tieu-chi-yeu.png": criteria_chart,
    "tien-bo.png": progress_chart,
    "bang-xep-hang.png": leaderboard_chart,
    "sau-xu-ly-khung-hoang.png": debriefs_chart,
}


def all_charts(summary: dict) -> dict[str, bytes]:
    """File name → PNG for every chart there is data for."""
    out = {}
    for name, draw in CHARTS.items():
        png = draw(summary)
        if png is not None:
            out[name] = png
    return out
