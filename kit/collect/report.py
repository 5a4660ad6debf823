"""The room's results as one HTML page (and the files beside it).

``index.html`` needs nothing else: its styles are inline and the charts are embedded as
``data:`` images (the same PNGs are written next to it, for slides). Every name and every
text that came from a submission goes through :func:`kit.views.html.esc`.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from .. import storage
from ..i18n import _, get_language, t
from ..views.html import esc
from .labels import el
from .labels import kind_tag, score_text

# Scoped to .kit-room, so the dashboard widget can use it inside JupyterLab too.
ROOM_CSS = """
.kit-room{box-sizing:border-box;max-width:1320px;margin:0 auto;padding:24px 28px 48px;color:#1f2933;font-family:"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:17px;line-height:1.5}
.kit-room h1{font-size:30px;color:#0b4f6c;margin:0 0 4px}
.kit-room h2{font-size:23px;color:#0b4f6c;margin:34px 0 10px;border-bottom:2px solid #cfe3ef;padding-bottom:4px}
.kit-room .lead{color:#52606d;margin:0 0 14px}
.kit-room .stats{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0}
.kit-room .stat{background:#fff;border:1px solid #cfe3ef;border-radius:8px;padding:10px 18px;min-width:130px}
.kit-room .stat b{display:block;font-size:30px;color:#0b4f6c;line-height:1.2}
.kit-room .chart{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:8px;margin:8px 0 12px}
.kit-room .chart img{display:block;width:100%;max-width:100%;height:auto}
.kit-room table{border-collapse:collapse;background:#fff;margin:8px 0 12px;width:100%;font-size:16px}
.kit-room th,.kit-room td{border:1px solid #d9e2ec;padding:6px 10px;text-align:left;vertical-align:top}
.kit-room th{background:#eef6fb;color:#0b4f6c}
.kit-room td.num,.kit-room th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.kit-room .skipped{background:#fff8e6;border:1px solid #f0c36d;border-radius:8px;padding:10px 16px;margin:14px 0}
.kit-room .skipped li{margin:2px 0}
.kit-room .muted{color:#6b7785;font-size:14px}
.kit-room .empty{color:#6b7785;font-style:italic}
.kit-room .bad{color:#b42318;font-weight:600}.kit-room .mid{color:#a05a00;font-weight:600}.kit-room .good{color:#1d7a46;font-weight:600}
.kit-room details summary{cursor:pointer;color:#0b4f6c;margin:6px 0}
.kit-room .cell{display:inline-block;min-width:3.2em;text-align:right}
"""
PAGE_CSS = "body{margin:0;background:#f5f7fa}" + ROOM_CSS

SHOW_TOP = 20


def _img(name: str, charts: dict[str, bytes], alt: str, embed: bool) -> str:
    if name not in charts:
        return ""
    src = "data:image/png;base64," + base64.b64encode(charts[name]).decode("ascii") if embed else esc(name)
    return f'<div class="chart"><img src="{src}" alt="{esc(alt)}"></div>'


def _rate_class(value: float | None) -> str:
    if value is None:
        return ""
    return "bad" if value < 50 else "mid" if value < 80 else "good"


def _num(value, cls: str = "") -> str:
    return f'<td class="num {cls}">{esc(score_text(value))}</td>'


def _table(head: list[tuple[str, bool]], rows: list[str]) -> str:
    ths = "".join(f'<th class="num">{esc(h)}</th>' if num else f"<th>{esc(h)}</th>" for h, num in head)
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _split_long(rows: list[str], head: list[tuple[str, bool]]) -> str:
    """The first rows as a table, the rest folded away (a room of 200 is a long list)."""
    if len(rows) <= SHOW_TOP + 5:
        return _table(head, rows)
    rest = t("Show all {n} rows", n=len(rows))
    return (_table(head, rows[:SHOW_TOP]) + f"<details><summary>{esc(rest)}</summary>"
            + _table(head, rows) + "</details>")


def _stats(summary: dict) -> str:
    c = summary["counts"]
    items = [(c["submissions"], _("submissions used")), (c["trainees"], _("trainees took part")),
             (c["exercises"], _("exercises tried")), (c["skipped"], _("files skipped"))]
    return '<div class="stats">' + "".join(
        f'<div class="stat"><b>{n}</b>{esc(label)}</div>' for n, label in items) + "</div>"


def _skipped(summary: dict) -> str:
    if not summary["skipped"]:
        return ""
    items = "".join(f"<li>{esc(s['message'])}</li>" for s in summary["skipped"][:200])
    more = len(summary["skipped"]) - 200
    extra = el("li", t("… and {n} more.", n=more)) if more > 0 else ""
    head = t("{n} files could not be used and were left out:", n=len(summary["skipped"]))
    note = _("File names are hidden in the anonymised report; run it without anonymising to see them.") \
        if summary["anonymised"] else ""
    note_html = f'<p class="muted">{esc(note)}</p>' if note else ""
    return f'<div class="skipped"><b>{esc(head)}</b><ul>{items}{extra}</ul>{note_html}</div>'


def _criteria_section(summary: dict, charts: dict, embed: bool) -> str:
    out = [el("h2", _("Common weaknesses")),
           el("p", _("Each criterion: the share of the trainees’ latest drafts that fully meet it. The weakest come first: start the discussion there."), "lead")]
    if not summary["criteria"]:
        return "".join(out) + el("p", _("No submissions yet."), "empty")
    out.append(_img("tieu-chi-yeu.png", charts, _("Criteria the room meets least"), embed))
    rows = [f"<tr><td>{esc(c['label'])}</td><td>{esc(kind_tag(c['kind']))}</td>"
            f"{_num(c['pass_rate'], _rate_class(c['pass_rate']))}"
            f'<td class="num">{c["passed"]}/{c["judged"]}</td>{_num(c["mean_share"])}</tr>'
            for c in summary["criteria"]]
    head = [(_("Criterion"), False), (_("Genre"), False), (_("Fully met (%)"), True),
            (_("Drafts judged"), True), (_("Mean share of points (%)"), True)]
    out.append(_split_long(rows, head))
    return "".join(out)


def _exercises_section(summary: dict, charts: dict, embed: bool) -> str:
    out = [el("h2", _("Scores by exercise"))]
    if not summary["exercises"]:
        return "".join(out) + el("p", _("No submissions yet."), "empty")
    out.append(_img("diem-theo-bai.png", charts, _("Scores by exercise"), embed))
    rows = []
    for e in summary["exercises"]:
        reached = "–" if e["reached_target"] is None else f"{e['reached_target']}/{e['trainees']}"
        rows.append(f"<tr><td>{esc(e['title'])}<br><span class=\"muted\">{esc(e['id'])}</span></td>"
                    f"<td>{esc(kind_tag(e['kind']))}</td><td class=\"num\">{e['trainees']}</td>"
                    f"<td class=\"num\">{e['attempts']}</td>{_num(e['median_best'])}{_num(e['mean_best'])}"
                    f"{_num(e['target'])}<td class=\"num\">{esc(reached)}</td></tr>")
    head = [(_("Exercise"), False), (_("Genre"), False), (_("Trainees"), True), (_("Attempts"), True),
            (_("Median of best scores"), True), (_("Mean of best scores"), True), (_("Target score"), True),
            (_("Reached the target"), True)]
    out.append(_table(head, rows))
    return "".join(out)


def _progress_section(summary: dict, charts: dict, embed: bool) -> str:
    out = [el("h2", _("Progress from first to latest attempt"))]
    p = summary["progress"]
    if not p["pairs"]:
        return "".join(out) + el("p", _("Nobody has submitted an exercise twice yet."), "empty")
    out.append('<p class="lead">' + esc(t(
        "Over the {n} times a trainee submitted an exercise more than once, the mean score went from {first} "
        "at the first attempt to {last} at the latest.",
        n=p["pairs"], first=score_text(p["first_mean"]), last=score_text(p["last_mean"]))) + "</p>")
    out.append(_img("tien-bo.png", charts, _("Progress from first to latest attempt"), embed))
    return "".join(out)


def _leaderboard_section(summary: dict, charts: dict, embed: bool) -> str:
    title = _("Leaderboard") + (" " + _("(anonymised)") if summary["anonymised"] else "")
    out = [f"<h2>{esc(title)}</h2>"]
    if not summary["leaderboard"]:
        return "".join(out) + el("p", _("No submissions yet."), "empty")
    out.append(el("p", _("Ranked by the sum of each trainee’s best score per exercise (every exercise done counts), then by the mean."), "lead"))
    out.append(_img("bang-xep-hang.png", charts, _("Leaderboard"), embed))
    by_key = {r["key"]: r for r in summary["trainees"]}
    rows = []
    for r in summary["leaderboard"]:
        tr = by_key.get(r["key"], {})
        gain = tr.get("gain")
        progress = "–" if gain is None else f"{score_text(tr['first_mean'])} → {score_text(tr['last_mean'])}"
        rows.append(f"<tr><td class=\"num\">{r['rank']}</td><td>{esc(r['name'])}</td>{_num(r['total_best'])}"
                    f"<td class=\"num\">{r['exercises_done']}</td>{_num(r['mean_best'])}"
                    f"<td class=\"num\">{tr.get('attempts', '')}</td><td class=\"num\">{esc(progress)}</td></tr>")
    head = [(_("Rank"), True), (_("Trainee"), False), (_("Points"), True), (_("Exercises done"), True),
            (_("Mean best score"), True), (_("Attempts"), True), (_("First → latest"), True)]
    out.append(_split_long(rows, head))
    return "".join(out)


def _debriefs_section(summary: dict, charts: dict, embed: bool) -> str:
    if not summary["debriefs"]:
        return ""
    out = [el("h2", _("Crisis simulation debriefs")),
           el("p", _("Each trainee’s latest debrief per scenario; criteria as a percentage of their points."), "lead"),
           _img("sau-xu-ly-khung-hoang.png", charts, _("Crisis debriefs side by side"), embed)]
    for g in summary["debriefs"]:
        out.append(f"<h3>{esc(g['title'])}</h3>")
        head = [(_("Trainee"), False), (_("Total score"), True)] + [(c["label"], True) for c in g["criteria"]]
        rows = []
        for r in g["rows"]:
            cells = "".join(_num(r["scores"].get(c["id"]), _rate_class(r["scores"].get(c["id"])))
                            for c in g["criteria"])
            rows.append(f"<tr><td>{esc(r['name'])}</td>{_num(r['total'])}{cells}</tr>")
        means = "".join(_num(g["mean_scores"].get(c["id"])) for c in g["criteria"])
        rows.append("<tr>" + el("th", _("Room mean")) + f"{_num(g['mean_total'])}{means}</tr>")
        out.append(_split_long(rows, head))
    return "".join(out)


def body_html(summary: dict, charts: dict[str, bytes], *, embed: bool = True) -> str:
    """The report's content (no ``<html>``): the dashboard widget shows the same."""
    when = summary["generated_at"].replace("T", " ")[:16]
    lead = t("Made {when} by the kit {version}.", when=when, version=summary["kit_version"])
    if summary["anonymised"]:
        lead += " " + _("Names are replaced by codes.")
    head = '<div class="kit-room">' + el("h1", _("The room’s results")) + el("p", lead, "lead")
    if not summary["counts"]["submissions"]:
        return (head + _stats(summary) + _skipped(summary) + el("p", _("No submissions yet."), "empty")
                + el("p", _("When trainees press “Submit” under an exercise, their results appear here."), "muted")
                + "</div>")
    return (head + _stats(summary) + _skipped(summary)
            + _criteria_section(summary, charts, embed) + _exercises_section(summary, charts, embed)
            + _progress_section(summary, charts, embed) + _leaderboard_section(summary, charts, embed)
            + _debriefs_section(summary, charts, embed) + "</div>")


def page_html(summary: dict, charts: dict[str, bytes], *, embed: bool = True) -> str:
    title = _("The room’s results")
    return (f'<!DOCTYPE html>\n<html lang="{esc(get_language())}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{PAGE_CSS}</style></head>"
            f"<body>{body_html(summary, charts, embed=embed)}</body></html>\n")


def write_report(summary: dict, charts: dict[str, bytes], outdir: str | Path) -> Path:
    """Write ``index.html``, ``summary.json`` and the PNG charts into ``outdir``; return index.html.

    Chart files from an earlier run that no longer have data are removed, so the folder
    never shows a stale chart.
    """
    from .charts import CHARTS

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for name in CHARTS:
        if name not in charts and (out / name).exists():
            (out / name).unlink()
    for name, png in charts.items():
        storage.atomic_write_bytes(out / name, png)
    storage.atomic_write_text(out / "summary.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    index = out / "index.html"
    storage.atomic_write_text(index, page_html(summary, charts))
    return index
