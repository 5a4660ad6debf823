"""A score report as HTML: the total with its band, each criterion with its points and
advice, and the draft with the text to fix highlighted. Pure: the widgets and the
exports both use it."""

from __future__ import annotations

from ..i18n import N_, _, t
from .html import esc, highlight
from .styles import CSS

# Bands a trainee can read at a glance (lower bound, msgid, colour).
BANDS = (
    (85, N_("Ready to send"), "#1d7a46"),
    (70, N_("Good, a few fixes left"), "#3c8d2f"),
    (50, N_("Needs work"), "#c27c0e"),
    (0, N_("Start of a draft"), "#b42318"),
)

REPORT_CSS = """
<style>
.kit-total{display:flex;align-items:center;gap:12px;margin:.3em 0 .7em}
.kit-total-num{font-size:28px;font-weight:700}
.kit-bar{flex:1;max-width:420px;height:14px;background:#e4e9ef;border-radius:7px;overflow:hidden}
.kit-bar>span{display:block;height:100%}
.kit-band{font-weight:600}
.kit-crit{display:grid;grid-template-columns:22px 1fr 64px;gap:2px 8px;padding:6px 4px;border-bottom:1px solid #eef1f4}
.kit-crit .kit-pts{text-align:right;font-variant-numeric:tabular-nums;color:#52606d}
.kit-crit .kit-msg{grid-column:2 / 4;color:#3e4c59;font-size:13px}
.kit-crit-ok .kit-icon{color:#1d7a46}.kit-crit-part .kit-icon{color:#c27c0e}.kit-crit-bad .kit-icon{color:#b42318}
.kit-target{padding:6px 10px;border-radius:6px;margin:.4em 0}
.kit-target-met{background:#e6f4ea;color:#1d7a46}.kit-target-open{background:#fff7e6;color:#8a5a00}
.kit-warnings{margin:.3em 0 .6em 1.2em;color:#8a5a00}
</style>
"""


def band(total: float) -> tuple[str, str]:
    for low, label, colour in BANDS:
        if total >= low:
            return _(label), colour
    return _(BANDS[-1][1]), BANDS[-1][2]


def _state(score: float, maximum: float) -> tuple[str, str]:
    if maximum and score >= maximum:
        return "kit-crit-ok", "✓"
    if maximum and score / maximum >= 0.5:
        return "kit-crit-part", "◐"
    return "kit-crit-bad", "✗"


def report_html(report, target: float | None = None, preview: bool = True, focus: str | None = None) -> str:
    """HTML for a :class:`kit.scoring.Report`; every piece of the trainee's text is escaped.

    ``focus`` names one criterion whose passages alone are highlighted (all when None):
    a weak draft flagged everywhere would otherwise be one wall of yellow."""
    label, colour = band(report.total)
    parts = [CSS, REPORT_CSS, '<div class="kit-box kit-report">']
    parts.append('<div class="kit-total">'
                 f'<span class="kit-total-num" style="color:{colour}">{_num(report.total)}</span>'
                 '<span class="kit-muted">/100</span>'
                 f'<span class="kit-bar"><span style="width:{max(0.0, min(100.0, report.total)):.0f}%;background:{colour}"></span></span>'
                 f'<span class="kit-band" style="color:{colour}">{esc(label)}</span></div>')
    if target is not None:
        if report.total >= target:
            parts.append('<div class="kit-target kit-target-met">' + esc(
                t("Target reached: {target} points. Well done! You can submit your work.", target=_num(target))) + "</div>")
        else:
            parts.append('<div class="kit-target kit-target-open">' + esc(
                t("Target: {target} points. {missing} more to go.", target=_num(target),
                  missing=_num(round(target - report.total, 1)))) + "</div>")
    if report.warnings:
        parts.append('<ul class="kit-warnings">' + "".join(f"<li>{esc(w)}</li>" for w in report.warnings) + "</ul>")
    for c in report.criteria:
        cls, icon = _state(c.score, c.max)
        parts.append(f'<div class="kit-crit {cls}" data-criterion="{esc(c.id)}">'
                     f'<span class="kit-icon">{icon}</span><b>{esc(c.label)}</b>'
                     f'<span class="kit-pts">{_num(c.score)}/{_num(c.max)}</span>')
        if c.message:
            parts.append(f'<span class="kit-msg">{esc(c.message)}</span>')
        parts.append("</div>")
    if preview and report.text.strip():
        spans, titles = [], []
        for c in report.criteria:
            if focus and c.id != focus:
                continue
            for s, e in c.spans:
                spans.append((s, e))
                titles.append(c.label)
        chosen = next((c.label for c in report.criteria if c.id == focus), None)
        heading = (t("Your draft: passages to improve for “{criterion}” highlighted", criterion=chosen) if chosen
                   else _("Your draft, with the passages to improve highlighted"))
        parts.append("<h4>" + esc(heading) + "</h4>")
        parts.append('<div class="kit-preview">' + highlight(report.text, spans, titles=titles) + "</div>")
    parts.append("</div>")
    return "".join(parts)


def _num(x: float) -> str:
    from ..i18n import num

    return num(x)
