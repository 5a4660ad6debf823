"""The debrief as a picture, a web page and a PDF.

- :func:`timeline_chart`: PNG (matplotlib, Agg) of the public pulse over simulated time,
  with what arrived and when the trainee acted, and the statements' due times;
- :func:`debrief_html`: one self-contained page from ``templates/crisis_debrief.html.j2``
  (autoescaped, the chart inlined, nothing loaded from outside);
- :func:`debrief_pdf`: that page printed by headless Chromium, or converted by LibreOffice
  when Chromium is missing (:class:`kit.export.plan.ExportError` when neither works).
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from ..i18n import _, get_language, t

PDF_TIMEOUT = 120  # seconds
LANE_STYLE = {  # what -> (lane, marker, colour)
    "inject": (2, "o", "#6b7785"),
    "decision_open": (1, "|", "#9fb3c8"),
    "choice": (1, "v", "#0b6fa4"),
    "publish": (0, "*", "#1d7a46"),
}


def _clock(start: datetime, minute: float) -> str:
    return f"{start + timedelta(minutes=minute):%H:%M}"


def timeline_chart(d: dict, width: float = 8.0) -> bytes:
    """The pulse (shares, sentiment) above three lanes: statements, decisions, injects."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    start = datetime.strptime(d["start"], "%Y-%m-%d %H:%M")
    hist = d["pulse_history"]
    fig = Figure(figsize=(width, 4.6), dpi=100)
    top, low = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.3, 1]})
    xs = [h[0] for h in hist]
    top.plot(xs, [h[1] for h in hist], color="#b42318", lw=2, label=_("Shares of the post"))
    top.set_ylabel(_("Shares of the post"), color="#b42318")
    top.tick_params(axis="y", labelcolor="#b42318", labelsize=8)
    right = top.twinx()
    right.plot(xs, [h[2] for h in hist], color="#0b6fa4", lw=1.6, label=_("Public sentiment"))
    right.plot(xs, [h[3] for h in hist], color="#c27c0e", lw=1.2, ls="--", label=_("Press attention"))
    right.set_ylim(-100, 100)
    right.axhline(0, color="#d9e2ec", lw=0.8)
    right.tick_params(axis="y", labelsize=8)
    right.set_ylabel(_("Sentiment / press (−100…100)"), fontsize=8)
    lines = [ln for ln in top.get_lines() + right.get_lines() if not ln.get_label().startswith("_")]
    fig.legend(lines, [ln.get_label() for ln in lines], loc="upper center", ncol=3, fontsize=8, frameon=False)
    for s in d["statements"]:
        for ax in (top, low):
            ax.axvline(s["due"], color="#b42318", lw=1, ls=":")
        low.annotate(t("due: {statement}", statement=s["statement"]), (s["due"], 2.45), fontsize=7, color="#b42318",
                     ha="right", va="center", xytext=(-3, 0), textcoords="offset points")
    for e in d["timeline"]:
        style = LANE_STYLE.get(e["what"])
        if style is None:
            continue
        lane, marker, colour = style
        if e["what"] == "choice" and e["who"] != "trainee":
            colour = "#b42318"  # the default, taken because time ran out
        low.scatter([e["minute"]], [lane], marker=marker, s=70 if marker == "*" else 30, color=colour, zorder=3)
    low.set_yticks([0, 1, 2], [_("Statements written"), _("Decisions taken"), _("Injects received")], fontsize=8)
    low.set_ylim(-0.6, 2.8)
    low.grid(axis="x", color="#eef1f4")
    low.set_xlim(0, d["duration"])
    low.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: _clock(start, x)))
    low.tick_params(axis="x", labelsize=8)
    low.set_xlabel(_("Simulated time"), fontsize=8)
    for ax in (top, low, right):
        ax.spines["top"].set_visible(False)
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def debrief_html(d: dict, chart: bytes | None = None) -> str:
    from ..export.plan import _render

    if chart is None:
        chart = timeline_chart(d)
    quality_words = {"good": _("good choice"), "fair": _("fair choice"), "poor": _("poor choice")}
    return _render("crisis_debrief.html.j2", True, d=d, lang=get_language(),
                   chart=base64.b64encode(chart).decode("ascii"), quality_words=quality_words,
                   labels={
                       "report": _("After-action report"), "total": _("Total"), "criteria": _("Score by criterion"),
                       "criterion": _("Criterion"), "points": _("Points"), "comment": _("Comment on the criterion"),
                       "strengths": _("What went well"), "improvements": _("What to improve"),
                       "timeline": _("Timeline of the run"), "log": _("Log of the run, minute by minute"), "decisions": _("Decisions taken"), "statements": _("Statements written"),
                       "model": _("What a strong response looked like"), "strong_play": _("A strong play"),
                       "time": _("Simulated clock time"), "who": _("Who acted"), "event": _("What happened"),
                       "not_published": _("never published"), "due": _("due at"), "published": _("published at"),
                       "timeout": _("time ran out: default taken"), "pulse": _("Public pulse at the end"),
                       "shares": _("Shares of the post"), "sentiment": _("Public sentiment"), "press": _("Press attention"),
                       "chart_alt": _("Timeline chart of the run"), "none": _("Nothing to show yet."),
                       "who_trainee": _("the trainee"), "who_facilitator": _("the facilitator"), "who_clock": _("the clock (time ran out or arrived)"),
                   })


def debrief_pdf(html: str) -> bytes:
    """The page as PDF (Chromium's print, or LibreOffice)."""
    from ..export.plan import ExportError

    with tempfile.TemporaryDirectory(prefix="kit-debrief-") as tmp:
        src = Path(tmp) / "debrief.html"
        src.write_text(html, encoding="utf-8")
        out = Path(tmp) / "debrief.pdf"
        chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if chromium:
            cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", src.as_uri()]
        elif soffice:
            cmd = [soffice, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", tmp, str(src)]
        else:
            raise ExportError("no_pdf_tool", _("Neither Chromium nor LibreOffice is installed, so the debrief cannot be "
                                               "turned into PDF. Download the HTML and print it to PDF from the browser."))
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=PDF_TIMEOUT, cwd=tmp, env={**os.environ, "HOME": tmp})
        except (subprocess.TimeoutExpired, OSError) as err:
            raise ExportError("pdf_failed", t("The debrief could not be turned into PDF ({detail}); download the HTML "
                                              "and print it from the browser.", detail=type(err).__name__)) from None
        if not out.is_file() or out.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()[-200:] or proc.returncode
            raise ExportError("pdf_failed", t("The debrief could not be turned into PDF ({detail}); download the HTML "
                                              "and print it from the browser.", detail=detail))
        return out.read_bytes()
