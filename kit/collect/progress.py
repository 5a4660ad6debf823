"""One learner's progress, for self-study after the workshop: which exercises are done, the
best scores, and what to work on next (the criteria that lose the most points, with the
advice the rubric gave on the latest attempt).

The learner is found by name (the same slug ``kit.submissions`` files attempts under);
without a name, the name remembered from the last submission on this machine, or the only
trainee in the folder.
"""

from __future__ import annotations

import os
from typing import Any

from ..i18n import N_, _, get_language, t
from ..views.html import esc
from .labels import el
from .labels import kind_tag, score_text
from .reading import FolderReader
from .summary import KIND_ORDER, PASS_EPSILON, alias

MAX_ADVICE = 5
MAX_NOT_STARTED = 3

MESSAGES = {
    "no_name": N_("Whose progress? Give a name with --name (the folder holds the work of {n} trainees)."),
}


class ProgressError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code, self.params = code, params

    @property
    def message(self) -> str:
        return t(MESSAGES[self.code], **self.params)


def _catalogue() -> list[dict]:
    from ..exercises import all_ids, load

    out = []
    for ex_id in all_ids():
        try:
            ex = load(ex_id)
        except (KeyError, ValueError, OSError):
            continue
        out.append({"id": ex.id, "title": ex.title, "kind": ex.kind, "target": ex.target})
    return out


def _order(ex: dict) -> tuple:
    kind = KIND_ORDER.index(ex["kind"]) if ex["kind"] in KIND_ORDER else len(KIND_ORDER)
    return (kind, 0 if ex["id"].endswith("bai-hoc") else 1, ex["id"])


def learner_progress(folder: str | os.PathLike, name: str | None = None,
                     reader: FolderReader | None = None) -> dict:
    """The learner's progress as data. Raises ``SubmissionError("no_folder")`` or
    ``ProgressError("no_name")`` (no name given or remembered, several trainees in the folder)."""
    from ..submissions import normalise_name, remembered_name, trainee_id

    collection = (reader or FolderReader(folder)).read()
    people = {a.trainee: a.record["trainee"]["name"] for a in collection.attempts}
    if name is not None and str(name).strip():
        shown = normalise_name(name)
        key = trainee_id(shown)
    elif (remembered := remembered_name()) is not None:
        shown, key = remembered, trainee_id(remembered)
    elif len(people) == 1:
        key, shown = next(iter(people.items()))
    else:
        raise ProgressError("no_name", n=len(people))
    mine = [a for a in collection.attempts if a.trainee == key]
    if mine:
        shown = mine[-1].record["trainee"]["name"]

    by_ex: dict[str, list] = {}
    for a in mine:
        by_ex.setdefault(a.exercise, []).append(a)
    catalogue = {e["id"]: e for e in _catalogue()}
    for ex_id, attempts in by_ex.items():  # exercises from other modules (crisis scenarios...)
        catalogue.setdefault(ex_id, {"id": ex_id, "title": ex_id, "kind": attempts[-1].record["kind"], "target": None})
    exercises = []
    for ex in sorted(catalogue.values(), key=_order):
        attempts = by_ex.get(ex["id"], [])
        best = max((a.total for a in attempts), default=None)
        exercises.append({**ex, "attempts": len(attempts), "first": attempts[0].total if attempts else None,
                          "best": best, "last": attempts[-1].total if attempts else None,
                          "reached": None if best is None or ex["target"] is None else best >= ex["target"]})

    # What to work on next: the criteria that lose the most points on the latest attempts.
    weak: dict[tuple[str, str], dict] = {}
    for ex_id, attempts in by_ex.items():
        latest = attempts[-1]
        for c in latest.record["report"]["criteria"]:
            lost = c["max"] - c["score"]
            if c["max"] <= 0 or c["score"] / c["max"] >= 1 - PASS_EPSILON:
                continue
            key2 = (latest.record["kind"], c["id"])
            entry = weak.get(key2)
            if entry is None or lost > entry["lost"]:
                weak[key2] = {"kind": latest.record["kind"], "id": c["id"], "label": c["label"], "lost": lost,
                              "share": round(100 * c["score"] / c["max"], 1), "advice": c["message"],
                              "exercise": ex_id, "exercise_title": catalogue[ex_id]["title"]}
    advice = sorted(weak.values(), key=lambda w: (-w["lost"], w["share"], w["id"]))[:MAX_ADVICE]
    redo = [e for e in exercises if e["reached"] is False]
    not_started = [e for e in exercises if not e["attempts"]][:MAX_NOT_STARTED]
    return {
        "name": shown,
        "code": alias(key),
        "folder": str(folder),
        "attempts": len(mine),
        "done": sum(1 for e in exercises if e["attempts"]),
        "total": len(exercises),
        "exercises": exercises,
        "advice": advice,
        "redo": [{"id": e["id"], "title": e["title"], "best": e["best"], "target": e["target"]} for e in redo],
        "not_started": [{"id": e["id"], "title": e["title"]} for e in not_started],
    }


# Scoped to .kit-progress, so the widget can use it inside JupyterLab too.
PROGRESS_CSS = """
.kit-progress{max-width:980px;margin:0 auto;padding:20px 24px 40px;font-family:"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2933}
.kit-progress h1{font-size:26px;color:#0b4f6c;margin:0 0 4px}
.kit-progress h2{font-size:20px;color:#0b4f6c;margin:26px 0 8px;border-bottom:2px solid #cfe3ef;padding-bottom:3px}
.kit-progress table{border-collapse:collapse;width:100%;background:#fff;font-size:15px}
.kit-progress th,.kit-progress td{border:1px solid #d9e2ec;padding:5px 9px;text-align:left;vertical-align:middle}
.kit-progress th{background:#eef6fb;color:#0b4f6c}
.kit-progress td.num{text-align:right;white-space:nowrap}
.kit-progress .bar{position:relative;height:14px;background:#eef1f4;border-radius:7px;min-width:120px}
.kit-progress .bar span{position:absolute;left:0;top:0;bottom:0;border-radius:7px}
.kit-progress .bar i{position:absolute;top:-3px;bottom:-3px;width:3px;background:#b42318}
.kit-progress .ok{color:#1d7a46;font-weight:600}.kit-progress .todo{color:#a05a00;font-weight:600}
.kit-progress .muted{color:#6b7785;font-size:14px}
.kit-progress .card{background:#fff;border:1px solid #d9e2ec;border-left:5px solid #c27c0e;border-radius:6px;padding:8px 12px;margin:8px 0}
.kit-progress .card b{color:#0b4f6c}
.kit-progress h3{font-size:17px;color:#0b4f6c;margin:16px 0 4px}
.kit-progress ul{margin:6px 0 6px 1.2em;padding:0}
"""
PAGE_CSS = "body{margin:0;background:#f5f7fa}" + PROGRESS_CSS


def _bar(best: float | None, target: float | None) -> str:
    if best is None:
        return ""
    colour = "#1d7a46" if target is not None and best >= target else "#c27c0e"
    marker = f'<i style="left:{min(100.0, target):.0f}%"></i>' if target is not None else ""
    return f'<div class="bar"><span style="width:{min(100.0, best):.0f}%;background:{colour}"></span>{marker}</div>'


def body_html(progress: dict) -> str:
    """The progress page's content (the widget shows the same)."""
    p = progress
    out = ['<div class="kit-progress">',
           el("h1", t("Progress of {name}", name=p["name"])),
           '<p class="muted">' + esc(t("{done} of {total} exercises done, {attempts} submissions. Your code on the "
                                       "trainer's anonymised leaderboard: {code}.", done=p["done"], total=p["total"],
                                       attempts=p["attempts"], code=p["code"])) + "</p>"]
    if not p["attempts"]:
        out.append("<p>" + esc(t("No submission under the name “{name}” yet. Submit an exercise (the Submit button "
                                 "under each exercise), then come back here.", name=p["name"])) + "</p>")
    out.append(el("h2", _("What to work on next")))
    if p["advice"]:
        for w in p["advice"]:
            where = t("{share}% of its points in “{exercise}”", share=score_text(w["share"]),
                      exercise=w["exercise_title"])
            tip = "<br>" + esc(w["advice"]) if w["advice"] else ""
            out.append('<div class="card">' + el("b", w["label"]) + " " + el("span", where, "muted") + tip + "</div>")
    items = [esc(t("Improve “{title}”: best {best}, target {target}.", title=e["title"], best=score_text(e["best"]),
                   target=score_text(e["target"]))) for e in p["redo"]]
    items += [esc(t("Try “{title}”.", title=e["title"])) for e in p["not_started"]]
    if items:
        out.append(el("h3", _("Exercises to redo or try next")))
        out.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
    if not p["advice"] and not items:
        out.append("<p class=\"ok\">" + esc(_("Every exercise is at its target. Well done!")) + "</p>")
    out.append(el("h2", _("Exercises")))
    head = [_("Exercise"), _("Genre"), _("Attempts"), _("First score"), _("Best score"), _("Target score"), "",
            _("Where you stand")]
    rows = []
    for e in p["exercises"]:
        if not e["attempts"]:
            status = el("span", _("not started"), "muted")
        elif e["reached"]:
            status = el("span", "✓ " + _("target reached"), "ok")
        elif e["reached"] is None:
            status = el("span", _("done"), "ok")
        else:
            status = el("span", _("below target"), "todo")
        rows.append(f"<tr><td>{esc(e['title'])}</td><td>{esc(kind_tag(e['kind']))}</td>"
                    f"<td class=\"num\">{e['attempts'] or ''}</td><td class=\"num\">{esc(score_text(e['first']))}</td>"
                    f"<td class=\"num\"><b>{esc(score_text(e['best']))}</b></td>"
                    f"<td class=\"num\">{esc(score_text(e['target']))}</td><td>{_bar(e['best'], e['target'])}</td>"
                    f"<td>{status}</td></tr>")
    ths = "".join(f"<th>{esc(h)}</th>" for h in head)
    out.append(f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    out.append("</div>")
    return "".join(out)


def page_html(progress: dict) -> str:
    title = t("Progress of {name}", name=progress["name"])
    return (f'<!DOCTYPE html>\n<html lang="{esc(get_language())}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{PAGE_CSS}</style></head>"
            f"<body>{body_html(progress)}</body></html>\n")
