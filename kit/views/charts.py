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
