"""The room's results as plain data (``summary.json``; schema: ``kit/schemas/summary.schema.json``).

Rules, so a trainer can explain every number:

- an exercise's score for a trainee is their **best** attempt; the score distribution,
  the leaderboard and "target reached" use it;
- a criterion's pass rate counts each trainee's **latest** attempt at each exercise (where
  the room stands now); a criterion passes when it earned all its points;
- progress compares a trainee's first and latest attempt at each exercise they tried at
  least twice, averaged over those exercises;
- the leaderboard ranks by the sum of best scores (doing more exercises counts), then by
  their mean;
- a crisis debrief is read generically (``total`` and ``criteria``), latest per trainee
  and scenario.

With ``anonymise`` the names become stable codes (``HV-1A2B3C``, from a hash of the
trainee's id, so the same person keeps the same code from one refresh to the next and a
learner's progress page can tell them theirs) and no file name (which carries the name)
is kept.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import defaultdict
from datetime import datetime
from typing import Any

from .. import __version__
from ..i18n import _
from .reading import Attempt, Collection

SCHEMA_VERSION = 1
PASS_EPSILON = 1e-6


def alias(trainee: str) -> str:
    """The anonymous code shown instead of a trainee's name."""
    return "HV-" + hashlib.sha256(("kit-an-danh:" + trainee).encode("utf-8")).hexdigest()[:6].upper()


def _exercise_info(exercise_id: str) -> dict[str, Any]:
    from ..exercises import load

    try:
        ex = load(exercise_id)
    except (KeyError, ValueError, OSError):
        return {"title": None, "target": None}
    return {"title": ex.title, "target": ex.target}


def _criterion_label(kind: str, cid: str, fallback: str) -> str:
    from .. import rubrics

    try:
        for c in rubrics.get(kind).criteria:
            if c.id == cid:
                return _(c.label)
    except KeyError:
        pass
    return fallback


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if value == value and abs(value) != float("inf") else None  # no NaN, no infinity


def _r(value: float) -> float:
    return round(value, 1)


def debrief_view(record: dict) -> dict | None:
    """What the dashboard can read of a submission's ``debrief`` (its format belongs to the
    crisis module): the scenario it belongs to, its total and its criteria. None if unusable.

    Understood: ``total`` (or ``score``); ``criteria`` as a list of objects with ``id``,
    ``label``, ``score`` and ``max`` (``max`` defaults to 100), or as an object
    ``{id: number}`` / ``{id: {"label", "score", "max"}}``; the scenario in ``scenario``
    (a string or an object with ``id``/``title``), ``scenario_id``/``scenario_title``,
    else the exercise.
    """
    debrief = record.get("debrief")
    if not isinstance(debrief, dict):
        return None
    scenario = debrief.get("scenario")
    group = title = None
    if isinstance(scenario, dict):
        group, title = scenario.get("id"), scenario.get("title")
    elif isinstance(scenario, str):
        group = scenario
    group = group if isinstance(group, str) and group else debrief.get("scenario_id")
    group = group if isinstance(group, str) and group else record["exercise"]
    title = title if isinstance(title, str) and title else debrief.get("scenario_title") or debrief.get("title")
    title = title if isinstance(title, str) and title else group
    raw = debrief.get("criteria")
    items: list[tuple[str, dict]] = []
    if isinstance(raw, list):
        items = [(str(c.get("id") or c.get("label") or i), c) for i, c in enumerate(raw) if isinstance(c, dict)]
    elif isinstance(raw, dict):
        items = [(str(k), v if isinstance(v, dict) else {"score": v}) for k, v in raw.items()]
    criteria = []
    for cid, c in items:
        score = _num(c.get("score"))
        top = _num(c.get("max"))
        top = 100.0 if top is None else top
        if score is None or top <= 0:
            continue
        label = c.get("label") if isinstance(c.get("label"), str) and c.get("label") else cid
        criteria.append({"id": cid, "label": label[:120], "score": score, "max": top})
    total = _num(debrief.get("total"))
    if total is None:
        total = _num(debrief.get("score"))
    if total is None and not criteria:
        return None
    return {"group": group[:120], "title": str(title)[:200], "total": total, "criteria": criteria}


KIND_ORDER = ("press_release", "campaign_plan", "hot_issue")  # the order of the lessons


def _lesson_order(exercise_id: str, by_pair: dict) -> tuple:
    """Exercises in the lessons' order: genre, the lesson's own exercise first, then by id."""
    kind = next((v[0].record["kind"] for (_tr, ex), v in by_pair.items() if ex == exercise_id), "")
    rank = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
    return (rank, 0 if exercise_id.endswith("bai-hoc") else 1, exercise_id)


def _latest_per(attempts: list[Attempt], key) -> dict:
    """The latest attempt for each key (attempts are oldest first)."""
    out: dict = {}
    for a in attempts:
        out[key(a)] = a
    return out


def summarise(collection: Collection, *, anonymise: bool = False, now: datetime | None = None) -> dict:
    """Everything the report shows, as JSON-ready data."""
    attempts = collection.attempts
    names: dict[str, str] = {}
    for a in attempts:
        names[a.trainee] = a.record["trainee"]["name"]  # the latest spelling wins
    shown = {k: (alias(k) if anonymise else v) for k, v in names.items()}

    by_pair: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
    for a in attempts:
        by_pair[(a.trainee, a.exercise)].append(a)

    # Exercises: best score per trainee.
    exercises = []
    for ex_id in sorted({a.exercise for a in attempts}, key=lambda e: _lesson_order(e, by_pair)):
        pairs = {k: v for k, v in by_pair.items() if k[1] == ex_id}
        best = sorted(max(x.total for x in v) for v in pairs.values())
        info = _exercise_info(ex_id)
        kinds = sorted({x.record["kind"] for v in pairs.values() for x in v})
        target = info["target"]
        title = info["title"]
        if title is None:  # an exercise of another module: its debrief may name the scenario
            views = [debrief_view(x.record) for v in pairs.values() for x in v]
            title = next((d["title"] for d in views if d and d["title"] != d["group"]), ex_id)
        exercises.append({
            "id": ex_id,
            "title": title,
            "kind": kinds[0] if len(kinds) == 1 else "mixed",
            "target": target,
            "attempts": sum(len(v) for v in pairs.values()),
            "trainees": len(pairs),
            "best_scores": best,
            "mean_best": _r(statistics.fmean(best)),
            "median_best": _r(statistics.median(best)),
            "reached_target": None if target is None else sum(1 for b in best if b >= target),
        })

    # Criteria: latest attempt per trainee and exercise.
    latest = [v[-1] for v in by_pair.values()]
    crit: dict[tuple[str, str], dict] = {}
    for a in latest:
        kind = a.record["kind"]
        for c in a.record["report"]["criteria"]:
            entry = crit.setdefault((kind, c["id"]), {
                "kind": kind, "id": c["id"], "label": _criterion_label(kind, c["id"], c["label"]),
                "max": c["max"], "judged": 0, "passed": 0, "_shares": [], "exercises": set()})
            entry["judged"] += 1
            share = c["score"] / c["max"] if c["max"] else 1.0
            entry["passed"] += share >= 1 - PASS_EPSILON
            entry["_shares"].append(share)
            entry["exercises"].add(a.exercise)
    criteria = []
    for entry in crit.values():
        shares = entry.pop("_shares")
        entry["exercises"] = sorted(entry["exercises"])
        entry["pass_rate"] = _r(100 * entry["passed"] / entry["judged"])
        entry["mean_share"] = _r(100 * statistics.fmean(shares))
        criteria.append(entry)
    criteria.sort(key=lambda c: (c["pass_rate"], c["mean_share"], c["kind"], c["id"]))

    # Trainees: best per exercise, progress from first to latest attempt.
    trainees = []
    for key in names:
        pairs = {ex: v for (tr, ex), v in by_pair.items() if tr == key}
        per_ex = []
        for ex in sorted(pairs):
            v = pairs[ex]
            per_ex.append({"exercise": ex, "attempts": len(v), "first": v[0].total, "last": v[-1].total,
                           "best": max(x.total for x in v)})
        repeated = [p for p in per_ex if p["attempts"] >= 2]
        first = _r(statistics.fmean(p["first"] for p in repeated)) if repeated else None
        last = _r(statistics.fmean(p["last"] for p in repeated)) if repeated else None
        bests = [p["best"] for p in per_ex]
        trainees.append({
            "key": alias(key) if anonymise else key,
            "name": shown[key],
            "exercises_done": len(per_ex),
            "attempts": sum(p["attempts"] for p in per_ex),
            "total_best": _r(sum(bests)),
            "mean_best": _r(statistics.fmean(bests)),
            "first_mean": first,
            "last_mean": last,
            "gain": None if first is None else _r(last - first),
            "per_exercise": per_ex,
        })
    trainees.sort(key=lambda r: (r["name"].casefold(), r["key"]))

    ranked = sorted(trainees, key=lambda r: (-r["total_best"], -r["mean_best"], r["name"].casefold()))
    leaderboard = []
    for i, r in enumerate(ranked):
        rank = i + 1
        if leaderboard and (r["total_best"], r["mean_best"]) == (ranked[i - 1]["total_best"], ranked[i - 1]["mean_best"]):
            rank = leaderboard[-1]["rank"]  # ties share a rank
        leaderboard.append({"rank": rank, "key": r["key"], "name": r["name"], "total_best": r["total_best"],
                            "exercises_done": r["exercises_done"], "mean_best": r["mean_best"]})

    repeated_all = [p for r in trainees for p in r["per_exercise"] if p["attempts"] >= 2]
    progress = {
        "pairs": len(repeated_all),
        "first_mean": _r(statistics.fmean(p["first"] for p in repeated_all)) if repeated_all else None,
        "last_mean": _r(statistics.fmean(p["last"] for p in repeated_all)) if repeated_all else None,
    }

    return {
        "schema_version": SCHEMA_VERSION,
        "kit_version": __version__,
        "generated_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
        "anonymised": anonymise,
        "counts": {"files": collection.files, "submissions": len(attempts), "trainees": len(names),
                   "exercises": len(exercises), "skipped": len(collection.skipped)},
        "skipped": [{"file": None if anonymise else s.file, "reason": s.reason,
                     "message": s.message if not anonymise else _skip_reason_text(s.reason)}
                    for s in collection.skipped],
        "exercises": exercises,
        "criteria": criteria,
        "progress": progress,
        "trainees": trainees,
        "leaderboard": leaderboard,
        "debriefs": _debriefs(attempts, shown, anonymise),
    }


def _skip_reason_text(reason: str) -> str:
    from .labels import skip_reason

    return skip_reason(reason)


def _debriefs(attempts: list[Attempt], shown: dict[str, str], anonymise: bool) -> list[dict]:
    views = [(a, v) for a in attempts if (v := debrief_view(a.record)) is not None]
    latest = _latest_per([a for a, _v in views], lambda a: (a.trainee, debrief_view(a.record)["group"]))
    groups: dict[str, dict] = {}
    for (trainee, group), a in latest.items():
        v = debrief_view(a.record)
        g = groups.setdefault(group, {"scenario": group, "title": v["title"], "criteria": {}, "rows": []})
        for c in v["criteria"]:
            g["criteria"].setdefault(c["id"], {"id": c["id"], "label": c["label"], "max": c["max"]})
        g["rows"].append({"key": alias(trainee) if anonymise else trainee, "name": shown[trainee],
                          "exercise": a.exercise, "total": v["total"],
                          "scores": {c["id"]: _r(100 * c["score"] / c["max"]) for c in v["criteria"]}})
    out = []
    for group in sorted(groups):
        g = groups[group]
        g["criteria"] = list(g["criteria"].values())
        g["rows"].sort(key=lambda r: (-(r["total"] if r["total"] is not None else -1), r["name"].casefold()))
        totals = [r["total"] for r in g["rows"] if r["total"] is not None]
        g["mean_total"] = _r(statistics.fmean(totals)) if totals else None
        g["mean_scores"] = {}
        for c in g["criteria"]:
            vals = [r["scores"][c["id"]] for r in g["rows"] if c["id"] in r["scores"]]
            g["mean_scores"][c["id"]] = _r(statistics.fmean(vals)) if vals else None
        out.append(g)
    return out
