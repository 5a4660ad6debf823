"""The after-action report of a crisis run (after HSEEP): a score by criterion, what went
well, what to improve, the timeline, and what a strong response looked like.

Criteria and weights (100 points):

==================  ======  ==========================================================
timeliness            15    each statement against its due minute, in simulated time:
                            on time full marks; within 6 h of the agency learning of it
                            (MOET QĐ 22) half; within 24 h (NĐ 244/2026 Art. 7) a quarter
verified_facts        12    hot_issue rubric on the statement(s)
empathy               10    hot_issue rubric
tone                  10    hot_issue rubric
actions               12    half the rubric's "actions taken" on the statement(s), half
                            the quality of the decisions taken (good 1, fair ½, poor 0)
next_update            8    hot_issue rubric
spokesperson           8    hot_issue rubric (NĐ 244/2026: only the spokesperson speaks)
privacy               12    hot_issue rubric (Luật Trẻ em 2016; Luật BVDLCN 91/2025)
posture               13    the stance taken fits the kind of crisis (see ``FIT``)
==================  ======  ==========================================================

A statement that was never published scores 0 on every text criterion.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import N_, _, t
from ..scoring.fold import fold
from .simulation import QUALITY_POINTS, Simulation, statement_quality

WEIGHTS = {
    "timeliness": 15, "verified_facts": 12, "empathy": 10, "tone": 10, "actions": 12,
    "next_update": 8, "spokesperson": 8, "privacy": 12, "posture": 13,
}
LABELS = {
    "timeliness": N_("Timeliness (simulated time)"),
    "verified_facts": N_("Verified facts, no guessing"),
    "empathy": N_("Shows empathy"),
    "tone": N_("Open, not defensive"),
    "actions": N_("Actions: decisions and what the statement says was done"),
    "next_update": N_("Says when and where the next update comes"),
    "spokesperson": N_("Named spokesperson and hotline"),
    "privacy": N_("Protects pupils' identity"),
    "posture": N_("Response posture fits the kind of crisis"),
}
RUBRIC_CRITERIA = ("verified_facts", "empathy", "tone", "next_update", "spokesperson", "privacy")
MOET_HOURS, LAW_HOURS = 6, 24

# How well each stance fits each kind of crisis (CERC "be credible": never withhold to
# avoid embarrassment; NĐ 244/2026 Art. 7: rebut false reports in writing).
FIT = {
    "rumour": {"rebut": 1.0, "inform": 1.0, "apologise": 0.5, "deny": 0.5, "silence": 0.0, "blame": 0.0},
    "incident": {"inform": 1.0, "apologise": 1.0, "rebut": 0.0, "deny": 0.0, "silence": 0.0, "blame": 0.0},
    "misconduct": {"apologise": 1.0, "inform": 0.5, "rebut": 0.0, "deny": 0.0, "silence": 0.0, "blame": 0.0},
}
POSTURE_LABELS = {
    "inform": N_("inform openly"), "rebut": N_("correct false information with evidence"),
    "apologise": N_("acknowledge and apologise"), "silence": N_("keep silent"),
    "deny": N_("deny without evidence"), "blame": N_("blame others"),
}
CRISIS_TYPE_LABELS = {
    "rumour": N_("a rumour or false information"), "incident": N_("an incident (accident, illness, violence)"),
    "misconduct": N_("a wrong done inside the sector"),
}
BEST_POSTURE = {"rumour": "rebut", "incident": "inform", "misconduct": "apologise"}
# What the statement itself says about its stance (folded text).
_APOLOGY_RE = re.compile(r"xin lỗi|nhận trách nhiệm|chịu trách nhiệm|thiếu sót của|sai sót của|khuyết điểm")
_REBUT_RE = re.compile(r"(?:không|chưa) (?:đúng|chính xác|có thật)|sai sự thật|không có (?:việc|chuyện)|tin giả|thông tin sai")
_BLAME_RE = re.compile(r"đối tượng xấu|thế lực|kẻ xấu|thiếu hiểu biết|câu view|câu like")


def _fmt(x: float) -> float:
    return round(x, 1)


def _timeliness(sim: Simulation) -> tuple[float, str, list[dict]]:
    sc = sim.sc
    rows, fracs, notes = [], [], []
    for st in sc.statements:
        pub = sim.published.get(st.id)
        if pub is None:
            frac = 0.0
            notes.append(t("“{statement}” was never published (due at {due}).", statement=st.id,
                           due=sc.clock_label(st.due)))
        else:
            late = pub.minute - st.due
            since = pub.minute - sc.aware_at
            if late <= 0:
                frac = 1.0
            elif since <= MOET_HOURS * 60:
                frac = 0.5
            elif since <= LAW_HOURS * 60:
                frac = 0.25
            else:
                frac = 0.0
            if late > 0:
                notes.append(t("“{statement}” went out at {time}, {late} minutes after it was due ({due}).",
                               statement=st.id, time=sc.clock_label(pub.minute), late=int(round(late)),
                               due=sc.clock_label(st.due)))
        fracs.append(frac)
        rows.append({"statement": st.id, "due": st.due, "published": None if pub is None else round(pub.minute, 2),
                     "fraction": frac})
    return (sum(fracs) / len(fracs) if fracs else 0.0), " ".join(notes), rows


def _posture(sim: Simulation, texts: list[str]) -> tuple[float, str, list[str]]:
    sc = sim.sc
    fit = FIT[sc.crisis_type]
    signals: list[str] = []
    for ch in sim.choices.values():
        opt = sc.decision(ch.decision).option(ch.option)
        if opt.posture:
            signals.append(opt.posture)
    for text in texts:
        f = fold(text)
        if _APOLOGY_RE.search(f):
            signals.append("apologise")
        if _REBUT_RE.search(f) and sc.crisis_type == "rumour":
            signals.append("rebut")
        if _BLAME_RE.search(f):
            signals.append("blame")
    kind = _(CRISIS_TYPE_LABELS[sc.crisis_type])
    best = _(POSTURE_LABELS[BEST_POSTURE[sc.crisis_type]])
    if not signals:
        return 0.0, t("No stance could be seen in your choices or statement. For {kind}, the fitting stance is: {best}.",
                      kind=kind, best=best), signals
    frac = sum(fit.get(s, 0.0) for s in signals) / len(signals)
    if sc.crisis_type == "misconduct" and "apologise" not in signals:
        frac = min(frac, 0.5)
    wrong = sorted({s for s in signals if fit.get(s, 0.0) < 1.0})
    msg = ""
    if wrong:
        msg = t("For {kind} these stances fit poorly: {stances}. The fitting stance is: {best}.", kind=kind,
                stances=", ".join(_(POSTURE_LABELS[s]) for s in wrong), best=best)
    elif frac < 1.0:
        msg = t("For {kind}, the fitting stance is: {best}.", kind=kind, best=best)
    return frac, msg, signals


def describe(sc, e) -> str:
    """One line, in the trainee's language, for an entry of the run's log."""
    d = e.detail
    if e.what == "inject":
        inj = sc.inject(d.get("inject", "")) if d.get("inject") else None
        return f"{inj.source}: {inj.text}" if inj else d.get("text", "")
    if e.what == "decision_open":
        return sc.decision(d["decision"]).prompt
    if e.what == "choice":
        return sc.decision(d["decision"]).option(d["option"]).label
    if e.what == "publish":
        return t("Statement “{statement}” published", statement=d["statement"])
    if e.what == "speed":
        return t("Clock speed set to {value} minutes per second", value=format(d["value"], "g"))
    if e.what == "skip":
        return t("Clock moved to {time}", time=sc.clock_label(d["to"]))
    return e.what


def debrief(sim: Simulation) -> dict:
    """The after-action report as plain data (JSON-ready; the room, the HTML and the PDF read it)."""
    sc = sim.sc
    reports = {}
    for st in sc.statements:
        pub = sim.published.get(st.id)
        if pub is not None:
            reports[st.id] = statement_quality(pub.text)[1]
    n = len(sc.statements)
    crit: dict[str, tuple[float, str]] = {}
    frac, msg, timing_rows = _timeliness(sim)
    crit["timeliness"] = (frac, msg)
    for cid in RUBRIC_CRITERIA + ("actions",):
        fracs, msgs = [], []
        for st in sc.statements:
            rep = reports.get(st.id)
            c = next((c for c in rep.criteria if c.id == cid), None) if rep else None
            fracs.append(c.score / c.max if c and c.max else 0.0)
            if c and c.message:
                msgs.append(c.message if n == 1 else f"[{st.id}] {c.message}")
        crit[cid] = (sum(fracs) / n if n else 0.0, " ".join(msgs))
    # actions: the statement's half and the decisions' half
    text_frac, text_msg = crit["actions"]
    if sc.decisions:
        pts = []
        poor = []
        for dec in sc.decisions:
            ch = sim.choices.get(dec.id)
            if ch is None:
                continue
            opt = dec.option(ch.option)
            pts.append(QUALITY_POINTS[opt.quality])
            if opt.quality != "good":
                poor.append(opt.label + (" " + _("(time ran out)") if ch.by == "timeout" else ""))
        dec_frac = sum(pts) / len(pts) if pts else 0.0
        frac = 0.5 * text_frac + 0.5 * dec_frac
        msg = text_msg
        if poor:
            msg = (msg + " " if msg else "") + t("Weaker decisions: {choices}.", choices="; ".join(poor))
        crit["actions"] = (frac, msg)
    texts = [sim.published[s.id].text for s in sc.statements if s.id in sim.published]
    pfrac, pmsg, signals = _posture(sim, texts)
    crit["posture"] = (pfrac, pmsg)
    for cid in RUBRIC_CRITERIA:
        if not texts:
            crit[cid] = (0.0, _("No statement was published."))

    criteria = []
    for cid, weight in WEIGHTS.items():
        frac, msg = crit[cid]
        frac = max(0.0, min(1.0, frac))
        criteria.append({"id": cid, "label": _(LABELS[cid]), "score": _fmt(frac * weight), "max": weight,
                         "message": msg if frac < 1.0 else ""})
    total = _fmt(sum(c["score"] for c in criteria))
    strengths = [t("{label}: {score}/{max}.", label=c["label"], score=format(c["score"], "g"), max=c["max"])
                 for c in criteria if c["score"] >= 0.8 * c["max"]]
    # the table carries each criterion's advice; here the weak points by name, then why
    # the weaker decisions were weak
    improvements = [t("{label}: {score}/{max}.", label=c["label"], score=format(c["score"], "g"), max=c["max"])
                    for c in criteria if c["score"] < 0.7 * c["max"]]
    decisions = []
    for dec in sc.decisions:
        ch = sim.choices.get(dec.id)
        if ch is None:
            continue
        opt = dec.option(ch.option)
        decisions.append({"decision": dec.id, "prompt": dec.prompt, "option": opt.id, "label": opt.label,
                          "quality": opt.quality, "by": ch.by, "minute": round(ch.minute, 2),
                          "time": sc.clock_label(ch.minute), "opened": sim.opened_at.get(dec.id),
                          "feedback": opt.feedback})
        if opt.feedback:  # why each decision was strong or weak, in the trainer's words
            (strengths if opt.quality == "good" else improvements).append(f"{opt.label}: {opt.feedback}")
    statements = []
    for st in sc.statements:
        pub = sim.published.get(st.id)
        rep = reports.get(st.id)
        statements.append({"statement": st.id, "prompt": st.prompt, "due": st.due, "due_time": sc.clock_label(st.due),
                           "published": None if pub is None else round(pub.minute, 2),
                           "time": None if pub is None else sc.clock_label(pub.minute),
                           "text": "" if pub is None else pub.text,
                           "rubric_total": None if rep is None else rep.total})
    timeline = [{"minute": round(e.minute, 2), "time": sc.clock_label(e.minute), "who": e.who, "what": e.what,
                 "text": describe(sc, e)[:300]} for e in sim.log]
    last = sim.history[-1]
    return {
        "scenario": sc.id, "title": sc.title, "crisis_type": sc.crisis_type, "seed": sim.seed,
        "start": sc.start.strftime("%Y-%m-%d %H:%M"), "duration": sc.duration, "ended_at": round(sim.now, 2),
        "total": total, "criteria": criteria, "strengths": strengths, "improvements": improvements,
        "timing": timing_rows, "decisions": decisions, "statements": statements, "postures": signals,
        "pulse": {"shares": last.shares, "sentiment": last.sentiment, "press": last.press,
                  "peak_shares": max(p.shares for p in sim.history)},
        "pulse_history": [[p.minute, p.shares, p.sentiment, p.press] for p in sim.history],
        "timeline": timeline, "model_response": sc.model_response, "strong_play": sc.strong_play,
        "actions": [dict(a) for a in sim.actions],
    }
