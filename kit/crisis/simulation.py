"""The simulation of one crisis run: a simulated clock, injects, decisions, statements and
the public pulse, all deterministic for a given scenario, seed and list of actions.

The run is *event-sourced*: its whole state is the scenario id, the seed, the current
minute and the list of actions taken (choices, statements, facilitator moves), each with
its simulated minute. :meth:`Simulation.state` gives that small dict (autosaved by the
room), :meth:`Simulation.restore` replays it, and a finished run can be replayed step by
step. Time advances in whole simulated minutes; the pulse draws one random number per
minute from ``random.Random(seed)``, so the same actions always give the same run.
"""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass, field
from typing import Any

from ..i18n import t
from .model import CrisisError, Effect, Scenario

QUALITY_POINTS = {"good": 1.0, "fair": 0.5, "poor": 0.0}
STATE_VERSION = 1


@dataclass
class FeedItem:
    """One line of the room's feed: an inject, a consequence, a facilitator's extra inject."""

    minute: int
    kind: str  # inject | consequence | timeout | statement | facilitator
    channel: str
    source: str
    text: str
    ref: str = ""
    deadline: int | None = None


@dataclass
class Choice:
    decision: str
    option: str
    minute: float
    by: str  # trainee | timeout


@dataclass
class Published:
    statement: str
    minute: float
    text: str
    quality: float  # 0–1, the hot_issue rubric without its text-based timing


@dataclass
class PulsePoint:
    minute: int
    shares: int
    sentiment: float
    press: float


@dataclass
class LogEntry:
    minute: float
    who: str  # trainee | facilitator | clock
    what: str
    detail: dict = field(default_factory=dict)


def statement_quality(text: str) -> tuple[float, Any]:
    """(0–1 share of the hot_issue points other than the text's own stated timing, report)."""
    from ..scoring import score

    report = score(text, "hot_issue")
    crit = [c for c in report.criteria if c.id != "timeliness"]
    total = sum(c.max for c in crit)
    return (sum(c.score for c in crit) / total if total else 0.0), report


class Simulation:
    def __init__(self, scenario: Scenario, seed: int | None = None) -> None:
        self.sc = scenario
        self.seed = scenario.seed if seed is None else int(seed)
        self.rng = random.Random(self.seed)
        self.now: float = 0.0
        self._minute = -1  # last whole minute processed
        self.feed: list[FeedItem] = []
        self.open: dict[str, int] = {}  # decision id -> minute it opened
        self.opened_at: dict[str, int] = {}
        self.choices: dict[str, Choice] = {}
        self.published: dict[str, Published] = {}
        self.actions: list[dict] = []
        self.log: list[LogEntry] = []
        self.speed = scenario.speed
        s = scenario.pulse
        self.shares = float(s.shares)
        self.sentiment = float(s.sentiment)
        self.press = float(s.press)
        self.history: list[PulsePoint] = []
        self._queue: list[tuple[int, int, str, str]] = []  # (minute, seq, kind, id)
        self._seq = 0
        for inj in scenario.injects:
            if inj.at is not None:
                self._push(inj.at, "inject", inj.id)
        for dec in scenario.decisions:
            if dec.at is not None:
                self._push(dec.at, "decision", dec.id)
        self._tick(0)

    # -- clock -------------------------------------------------------------------------
    @property
    def duration(self) -> int:
        return self.sc.duration

    @property
    def ended(self) -> bool:
        return self._minute >= self.sc.duration

    def pulse_now(self) -> PulsePoint:
        """The pulse as it stands now (a choice or a statement moves it before the next minute)."""
        return PulsePoint(int(self.now), int(round(self.shares)), round(self.sentiment, 1), round(self.press, 1))

    def clock(self) -> str:
        return self.sc.clock_label(self.now)

    def advance(self, to: float) -> None:
        """Move the clock forward to minute ``to`` (never back; stops at the end)."""
        to = min(float(to), float(self.sc.duration))
        if to <= self.now:
            return
        self.now = to
        while self._minute < math.floor(self.now + 1e-9):
            self._tick(self._minute + 1)

    def _push(self, minute: int, kind: str, ident: str) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (int(minute), self._seq, kind, ident))

    def _tick(self, m: int) -> None:
        self._minute = m
        if m > 0:
            self._pulse_step(m)
        while self._queue and self._queue[0][0] <= m:
            _at, _seq, kind, ident = heapq.heappop(self._queue)
            if kind == "inject":
                self._arrive(ident, m)
            else:
                self._open(ident, m)
        for dec_id, opened in sorted(self.open.items(), key=lambda kv: kv[1]):
            dec = self.sc.decision(dec_id)
            if dec_id in self.open and opened + dec.timeout <= m:
                self._choose(dec_id, dec.default, m, "timeout")
        self.history.append(PulsePoint(m, int(round(self.shares)), round(self.sentiment, 1), round(self.press, 1)))

    def _pulse_step(self, m: int) -> None:
        p = self.sc.pulse
        noise = self.rng.uniform(-0.3, 0.3)
        quality = max((pub.quality for pub in self.published.values()), default=None)
        silent_for = m - max(self.sc.aware_at, 0)
        if quality is None:
            growth = p.growth
            if silent_for > p.patience:
                self.sentiment -= 0.25
                self.press += 0.3
        else:
            growth = p.growth * max(0.05, 1.0 - quality) * 0.6
            target_sent = quality * 70 - 40
            self.sentiment += (target_sent - self.sentiment) * 0.03
            target_press = (1.0 - quality) * 60
            self.press += (target_press - self.press) * 0.02
        growth *= 1.0 / (1.0 + self.shares / 200_000)  # the audience is finite
        self.shares += self.shares * growth * (1.0 + noise)
        self._clamp()

    def _clamp(self) -> None:
        self.shares = max(0.0, self.shares)
        self.sentiment = min(100.0, max(-100.0, self.sentiment))
        self.press = min(100.0, max(0.0, self.press))

    def _apply(self, e: Effect) -> None:
        self.shares += e.shares
        self.sentiment += e.sentiment
        self.press += e.press
        self._clamp()

    # -- what happens ------------------------------------------------------------------
    def _arrive(self, inject_id: str, m: int, who: str = "clock") -> None:
        inj = self.sc.inject(inject_id)
        self.feed.append(FeedItem(m, "inject" if who == "clock" else "facilitator", inj.channel, inj.source, inj.text,
                                  inj.id, inj.deadline))
        self._apply(inj.pulse)
        self.log.append(LogEntry(m, who, "inject", {"inject": inj.id}))

    def _open(self, decision_id: str, m: int) -> None:
        if decision_id in self.opened_at:
            return
        self.open[decision_id] = m
        self.opened_at[decision_id] = m
        self.log.append(LogEntry(m, "clock", "decision_open", {"decision": decision_id}))

    def _choose(self, decision_id: str, option_id: str, minute: float, by: str) -> None:
        dec = self.sc.decision(decision_id)
        opt = dec.option(option_id)
        del self.open[decision_id]
        self.choices[decision_id] = Choice(decision_id, option_id, minute, by)
        self._apply(opt.pulse)
        kind = "timeout" if by == "timeout" else "consequence"
        self.feed.append(FeedItem(int(minute), kind, "consequence", opt.label, opt.consequence, f"{decision_id}.{option_id}"))
        self.log.append(LogEntry(minute, "trainee" if by == "trainee" else "clock", "choice",
                                 {"decision": decision_id, "option": option_id, "by": by}))
        trigger = f"{decision_id}.{option_id}"
        for inj in self.sc.injects:
            if inj.when == trigger:
                self._push(math.floor(minute) + inj.delay, "inject", inj.id)
        for d in self.sc.decisions:
            if d.when == trigger:
                self._push(math.floor(minute) + d.delay, "decision", d.id)
        # items due this very minute arrive now, not a minute late
        while self._queue and self._queue[0][0] <= self._minute:
            _at, _seq, k, ident = heapq.heappop(self._queue)
            self._arrive(ident, self._minute) if k == "inject" else self._open(ident, self._minute)

    # -- actions (recorded, so a run can be saved and replayed) ------------------------
    def choose(self, decision_id: str, option_id: str) -> None:
        dec = self.sc.decision(decision_id)
        if dec is None:
            raise CrisisError(t("There is no decision “{decision}” in this scenario.", decision=decision_id))
        if dec.option(option_id) is None:
            raise CrisisError(t("The decision “{decision}” has no option “{option}”.", decision=decision_id, option=option_id))
        if decision_id not in self.open:
            when = self.sc.clock_label(self.now)
            if decision_id in self.choices:
                raise CrisisError(t("At {time} the decision “{decision}” has already been made.", time=when,
                                    decision=decision_id))
            raise CrisisError(t("At {time} the decision “{decision}” is not open yet.", time=when, decision=decision_id))
        self._record({"type": "choose", "decision": decision_id, "option": option_id})
        self._choose(decision_id, option_id, self.now, "trainee")

    def publish(self, statement_id: str, text: str) -> Published:
        st = self.sc.statement(statement_id)
        if st is None:
            raise CrisisError(t("There is no statement “{statement}” to write in this scenario.", statement=statement_id))
        if statement_id in self.published:
            raise CrisisError(t("The statement “{statement}” has already been published.", statement=statement_id))
        if self.now < st.after:
            raise CrisisError(t("The statement “{statement}” can be published from {time}.", statement=statement_id,
                                time=self.sc.clock_label(st.after)))
        if self.ended:
            raise CrisisError(t("The exercise has ended; the statement can no longer be published."))
        if not (text or "").strip():
            raise CrisisError(t("The statement “{statement}” is empty.", statement=statement_id))
        self._record({"type": "publish", "statement": statement_id, "text": text})
        quality, _report = statement_quality(text)
        pub = Published(statement_id, self.now, text, quality)
        self.published[statement_id] = pub
        self.sentiment += quality * 30 - 10
        self.press += 5
        self._clamp()
        self.feed.append(FeedItem(int(self.now), "statement", "statement", st.prompt.split("\n")[0][:80], text, statement_id))
        self.log.append(LogEntry(self.now, "trainee", "publish", {"statement": statement_id}))
        return pub

    def fire(self, inject_id: str | None = None, *, source: str = "", text: str = "", channel: str = "social") -> None:
        """Facilitator: an inject now (one from the scenario, or one typed on the spot)."""
        if inject_id:
            if self.sc.inject(inject_id) is None:
                raise CrisisError(t("There is no inject “{inject}” in this scenario.", inject=inject_id))
            self._record({"type": "fire", "inject": inject_id})
            self._arrive(inject_id, int(self.now), who="facilitator")
            return
        if not text.strip():
            raise CrisisError(t("Type the text of the extra inject first."))
        self._record({"type": "fire", "source": source, "text": text, "channel": channel})
        self.feed.append(FeedItem(int(self.now), "facilitator", channel, source or "—", text))
        self.log.append(LogEntry(self.now, "facilitator", "inject", {"text": text[:80]}))

    def set_speed(self, speed: float, who: str = "facilitator") -> None:
        """Simulated minutes per real second (logged; the room's timer reads it)."""
        speed = float(speed)
        if not 0 < speed <= 600:
            raise CrisisError(t("The speed must be between 0 and 600 simulated minutes per second."))
        who = "trainee" if who == "trainee" else "facilitator"
        self._record({"type": "speed", "value": speed, "who": who})
        self.speed = speed
        self.log.append(LogEntry(self.now, who, "speed", {"value": speed}))

    def skip(self, to: float, who: str = "facilitator") -> None:
        """Move the clock to minute ``to`` (the facilitator, or a trainee jumping ahead)."""
        who = "trainee" if who == "trainee" else "facilitator"
        self._record({"type": "skip", "to": float(to), "who": who})
        self.log.append(LogEntry(self.now, who, "skip", {"to": float(to)}))
        self.advance(to)

    def finish(self) -> None:
        """Run the clock to the end: open decisions take their defaults."""
        if not self.ended:
            self._record({"type": "finish"})
            self.advance(self.sc.duration)

    def _record(self, action: dict) -> None:
        self.actions.append({"at": round(self.now, 2), **action})

    # -- saving and replaying ----------------------------------------------------------
    def state(self) -> dict:
        return {"version": STATE_VERSION, "scenario": self.sc.id, "seed": self.seed, "now": round(self.now, 2),
                "actions": [dict(a) for a in self.actions]}

    @classmethod
    def restore(cls, scenario: Scenario, state: dict) -> "Simulation":
        sim = cls(scenario, state.get("seed"))
        sim.replay(state.get("actions") or [])
        sim.advance(float(state.get("now") or 0))
        return sim

    def replay(self, actions: list[dict]) -> None:
        for a in sorted(actions, key=lambda a: float(a.get("at", 0))):
            self.apply(a)

    def apply(self, a: dict) -> None:
        """Apply one recorded action at its minute."""
        self.advance(float(a.get("at", 0)))
        kind = a.get("type")
        if kind == "choose":
            self.choose(a["decision"], a["option"])
        elif kind == "publish":
            self.publish(a["statement"], a["text"])
        elif kind == "fire":
            self.fire(a.get("inject"), source=a.get("source", ""), text=a.get("text", ""), channel=a.get("channel", "social"))
        elif kind == "speed":
            self.set_speed(a["value"], a.get("who", "facilitator"))
        elif kind == "skip":
            self.skip(a["to"], a.get("who", "facilitator"))
        elif kind == "finish":
            self.finish()
        else:
            raise CrisisError(t("Unknown action “{action}”.", action=str(kind)))

    def frames(self) -> list[int]:
        """Minutes at which something happened (for replaying a finished run step by step)."""
        return sorted({int(e.minute) for e in self.log} | {0, self.sc.duration})


def parse_script(data: Any) -> tuple[int | None, list[dict]]:
    """``(seed, actions)`` from an action script: a list, or ``{seed, actions}``, of items
    such as ``{at: 6, choose: DECISION.OPTION}``, ``{at: 40, publish: STATEMENT, text: …}``,
    ``{at: 20, fire: INJECT}``, ``{at: 30, skip_to: 90}``, ``{at: 5, speed: 10}``."""
    seed = None
    if isinstance(data, dict):
        seed = data.get("seed")
        data = data.get("actions")
    if not isinstance(data, list):
        raise CrisisError(t("The action file must hold a list of actions (or “actions:” with a list)."))
    out = []
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict) or "at" not in item:
            raise CrisisError(t("Action {n}: each action needs “at” (the simulated minute).", n=n))
        try:
            at = float(item["at"])
        except (TypeError, ValueError):
            raise CrisisError(t("Action {n}: “at” must be a number of minutes.", n=n)) from None
        if "choose" in item:
            dec, sep, opt = str(item["choose"]).partition(".")
            if not sep:
                raise CrisisError(t("Action {n}: write “choose: DECISION.OPTION”.", n=n))
            out.append({"at": at, "type": "choose", "decision": dec, "option": opt})
        elif "publish" in item:
            out.append({"at": at, "type": "publish", "statement": str(item["publish"]), "text": str(item.get("text") or "")})
        elif "fire" in item:
            out.append({"at": at, "type": "fire", "inject": str(item["fire"])})
        elif "skip_to" in item:
            out.append({"at": at, "type": "skip", "to": float(item["skip_to"])})
        elif "speed" in item:
            out.append({"at": at, "type": "speed", "value": float(item["speed"])})
        elif item.get("finish"):
            out.append({"at": at, "type": "finish"})
        else:
            raise CrisisError(t("Action {n}: unknown action; use choose, publish, fire, skip_to, speed or finish.", n=n))
    return (int(seed) if seed is not None else None), out


def play(scenario: Scenario, actions: list[dict], seed: int | None = None) -> Simulation:
    """Play ``actions`` headless and run the clock to the end."""
    sim = Simulation(scenario, seed)
    sim.replay(actions)
    sim.finish()
    return sim
