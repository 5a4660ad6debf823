"""A crisis scenario as data: what a trainer writes in ``kit/scenarios/<id>.yaml``.

The file is read with :func:`read_raw` (YAML, plus an optional CSV sheet of injects that
trainers keep in Excel), checked by :mod:`kit.crisis.check`, and turned into the frozen
:class:`Scenario` that :class:`kit.crisis.simulation.Simulation` plays. Times are simulated
minutes from the start of the exercise.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..i18n import t

SCENARIO_DIR = "scenarios"
CSV_COLUMNS = ("id", "at", "when", "delay", "channel", "source", "text", "shares", "sentiment", "press", "deadline")
CSV_INT = {"at", "delay", "shares", "deadline"}
CSV_NUM = {"sentiment", "press"}
PULSE_DEFAULTS = {"shares": 100, "sentiment": -10.0, "press": 10.0, "growth": 0.03, "patience": 30}


class CrisisError(Exception):
    """A scenario or an action script that cannot be used; ``message`` is for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Effect:
    shares: int = 0
    sentiment: float = 0.0
    press: float = 0.0


@dataclass(frozen=True)
class Inject:
    id: str
    channel: str
    source: str
    text: str
    at: int | None = None
    when: str | None = None
    delay: int = 0
    pulse: Effect = Effect()
    deadline: int | None = None


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    consequence: str
    quality: str
    posture: str | None = None
    pulse: Effect = Effect()
    feedback: str = ""


@dataclass(frozen=True)
class Decision:
    id: str
    prompt: str
    timeout: int
    default: str
    options: tuple[Option, ...]
    at: int | None = None
    when: str | None = None
    delay: int = 0

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Statement:
    id: str
    prompt: str
    due: int
    after: int = 0


@dataclass(frozen=True)
class Pulse:
    shares: int
    sentiment: float
    press: float
    growth: float
    patience: int


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    crisis_type: str
    situation: str
    role: str
    start: datetime
    duration: int
    aware_at: int
    speed: float
    seed: int
    pulse: Pulse
    injects: tuple[Inject, ...]
    decisions: tuple[Decision, ...]
    statements: tuple[Statement, ...]
    model_response: str
    strong_play: str = ""
    facts: str = ""
    path: str = field(default="", compare=False)

    def inject(self, inject_id: str) -> Inject | None:
        return next((i for i in self.injects if i.id == inject_id), None)

    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)

    def statement(self, statement_id: str) -> Statement | None:
        return next((s for s in self.statements if s.id == statement_id), None)

    def clock_label(self, minute: float) -> str:
        """'19:45' (with the day when the exercise runs past midnight: '00:15 10/10')."""
        when = self.start + timedelta(minutes=int(minute))
        if when.date() != self.start.date():
            return f"{when:%H:%M} {when.day}/{when.month}"
        return f"{when:%H:%M}"


# --------------------------------------------------------------------------- reading


def _nfc(value: Any) -> Any:
    """Every string in the data as NFC (the check reports files that were not)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):  # YAML reads a bare key such as "on" or "yes" as a boolean
        return {(k if isinstance(k, str) else str(k).lower()): _nfc(v) for k, v in value.items()}
    return value


def read_csv_injects(text: str, name: str = "") -> list[dict]:
    """Inject rows from a CSV sheet (comma or semicolon separated, as Excel saves it)."""
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    out = []
    for n, row in enumerate(rows, start=2):
        item: dict[str, Any] = {}
        pulse: dict[str, Any] = {}
        for key, value in row.items():
            key = (key or "").strip().lower()
            value = (value or "").strip()
            if not key or not value:
                continue
            if key not in CSV_COLUMNS:
                raise CrisisError(t("{file}, row {row}: unknown column “{column}” (use: {columns}).",
                                    file=name, row=n, column=key, columns=", ".join(CSV_COLUMNS)))
            try:
                if key in CSV_INT:
                    value = int(value)
                elif key in CSV_NUM:
                    value = float(value.replace(",", "."))
            except ValueError:
                raise CrisisError(t("{file}, row {row}: “{value}” in column “{column}” is not a number.",
                                    file=name, row=n, value=value, column=key)) from None
            if key in ("shares", "sentiment", "press"):
                pulse[key] = value
            else:
                item[key] = value
        if pulse:
            item["pulse"] = pulse
        if item:
            out.append(item)
    return out


def read_raw(path: str | Path, normalize: bool = True) -> dict:
    """The scenario file as plain data (NFC strings unless ``normalize`` is False, so the
    check can report text that is not NFC), CSV injects appended.

    Raises :class:`CrisisError` when the file cannot be read or is not YAML/JSON."""
    import yaml

    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise CrisisError(t("The file “{path}” does not exist.", path=str(p))) from None
    except UnicodeDecodeError:
        raise CrisisError(t("{file} is not saved as UTF-8 text: save it again as UTF-8 (Unicode).", file=p.name)) from None
    except OSError as err:
        raise CrisisError(t("The kit cannot read “{path}” ({reason}).", path=str(p), reason=err.strerror or err)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = t("line {line}", line=mark.line + 1) if mark is not None else ""
        raise CrisisError(t("{file}: the YAML layout is broken near {where}: check the indentation and the “:” "
                            "after each field name, and put a text that itself contains “: ” in quotes.",
                            file=p.name, where=where or "?")) from None
    if not isinstance(data, dict):
        raise CrisisError(t("{file} does not hold a scenario (expected fields such as id, title, injects).", file=p.name))
    if normalize:
        data = _nfc(data)
    sheet = data.get("injects_csv")
    if isinstance(sheet, str) and sheet.strip():
        csv_path = p.parent / sheet
        try:
            rows = read_csv_injects(csv_path.read_bytes().decode("utf-8-sig"), csv_path.name)
        except FileNotFoundError:
            raise CrisisError(t("{file}: the inject sheet “{sheet}” named in injects_csv was not found next to it.",
                                file=p.name, sheet=sheet)) from None
        except UnicodeDecodeError:
            raise CrisisError(t("{file} is not saved as UTF-8 text: save it again as UTF-8 (Unicode).",
                                file=csv_path.name)) from None
        if not isinstance(data.get("injects") or [], list):
            return data  # the schema check reports it
        data["injects"] = list(data.get("injects") or []) + (_nfc(rows) if normalize else rows)
    return data


def _effect(d: dict | None) -> Effect:
    d = d or {}
    return Effect(int(d.get("shares", 0)), float(d.get("sentiment", 0)), float(d.get("press", 0)))


def build(data: dict, path: str = "") -> Scenario:
    """A :class:`Scenario` from checked data (run :func:`kit.crisis.check.check_data` first)."""
    clock = data["clock"]
    pulse = {**PULSE_DEFAULTS, **(data.get("pulse") or {})}
    return Scenario(
        id=data["id"], title=data["title"].strip(), crisis_type=data["crisis_type"],
        situation=data["situation"].strip(), role=data["role"].strip(),
        start=datetime.strptime(clock["start"], "%Y-%m-%d %H:%M"), duration=int(clock["duration"]),
        aware_at=int(clock.get("aware_at", 0)), speed=float(clock.get("speed", 2.0)), seed=int(data.get("seed", 1)),
        pulse=Pulse(int(pulse["shares"]), float(pulse["sentiment"]), float(pulse["press"]), float(pulse["growth"]),
                    int(pulse["patience"])),
        injects=tuple(Inject(i["id"], i["channel"], i["source"].strip(), i["text"].strip(), i.get("at"), i.get("when"),
                             int(i.get("delay", 0)), _effect(i.get("pulse")), i.get("deadline"))
                      for i in data["injects"]),
        decisions=tuple(Decision(d["id"], d["prompt"].strip(), int(d["timeout"]), d["default"],
                                 tuple(Option(o["id"], o["label"].strip(), o["consequence"].strip(), o["quality"],
                                              o.get("posture"), _effect(o.get("pulse")), (o.get("feedback") or "").strip())
                                       for o in d["options"]),
                                 d.get("at"), d.get("when"), int(d.get("delay", 0)))
                        for d in data.get("decisions") or []),
        statements=tuple(Statement(s["id"], s["prompt"].strip(), int(s["due"]), int(s.get("after", 0)))
                         for s in data["statements"]),
        model_response=data["model_response"].strip(), strong_play=(data.get("strong_play") or "").strip(),
        facts=(data.get("facts") or "").strip(), path=path,
    )


# --------------------------------------------------------------------------- the bundled scenarios


def scenario_dir() -> Path:
    return Path(str(resources.files("kit") / SCENARIO_DIR))


def scenario_files() -> list[Path]:
    return sorted(scenario_dir().glob("*.yaml"))


def all_ids() -> list[str]:
    return [p.stem for p in scenario_files()]


def load(path_or_id: str | Path) -> Scenario:
    """A checked scenario from a file path or the id of a bundled one; :class:`CrisisError`
    (with every problem, in the trainer's words) when it does not pass the check."""
    from .check import check_file

    p = Path(path_or_id)
    if not p.suffix and not p.exists():
        p = scenario_dir() / f"{path_or_id}.yaml"
        if not p.exists():
            raise CrisisError(t("There is no scenario “{id}”. Scenarios: {ids}.", id=str(path_or_id),
                                ids=", ".join(all_ids())))
    return _load_cached(str(p.resolve()), p.stat().st_mtime_ns if p.exists() else 0)


@lru_cache(maxsize=32)
def _load_cached(path: str, _mtime: int) -> Scenario:
    from .check import check_file

    problems, data = check_file(path)
    errors = [pr for pr in problems if pr.severity == "error"]
    if errors:
        raise CrisisError("\n".join(pr.text() for pr in errors))
    return build(data, path)
