"""``crisis check``: tell a trainer, in plain words, what is wrong with a scenario file.

Four kinds of check, in order: the file reads (YAML, the CSV sheet); its shape matches
``kit/schemas/crisis_scenario.schema.json``; its story holds together (ids unique and
referenced correctly, every inject and decision reachable, no loop of triggers, every
decision ends within the exercise, times consistent); and every text a trainee reads is
Vietnamese with its marks, in NFC, not in an old encoding.

Each problem names the file, the item (by its id when it has one) and what to do.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..i18n import N_, _, t
from .model import CrisisError, read_raw

ERROR, WARNING = "error", "warning"

# Words for the parts of a scenario, in the trainer's language.
PART_NAMES = {
    "injects": N_("scenario inject"), "decisions": N_("scenario decision"), "options": N_("decision option"),
    "statements": N_("statement to write"), "clock": N_("scenario clock"), "pulse": N_("public pulse"),
}
TYPE_NAMES = {
    "string": N_("text"), "integer": N_("a whole number"), "number": N_("a number"),
    "array": N_("a list (lines starting with “-”)"), "object": N_("a group of fields"),
}
# Fields whose text a trainee reads: they must be Vietnamese with marks.
READ_FIELDS = ("title", "situation", "role", "text", "source", "prompt", "label", "consequence", "feedback",
               "model_response", "strong_play", "facts")
# Names of pages and people ("Trang Facebook “Tin nhanh”") may lack marks; longer text may not.
MARK_FIELDS = tuple(f for f in READ_FIELDS if f not in ("source", "label"))
MIN_WORDS_FOR_MARKS = 5


@dataclass(frozen=True)
class Problem:
    severity: str
    file: str
    where: str
    message: str

    def text(self) -> str:
        label = _("Error in the scenario") if self.severity == ERROR else _("Warning about the scenario")
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{where} {label}: {self.message}"


@lru_cache(maxsize=1)
def schema() -> dict:
    ref = resources.files("kit") / "schemas" / "crisis_scenario.schema.json"
    return json.loads(ref.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- locations


def _item_name(data: Any, path: list) -> str:
    """'inject “video-lan”' or 'decision 2' for a path such as ['injects', 3, 'text']."""
    parts: list[str] = []
    node = data
    i = 0
    while i < len(path):
        key = path[i]
        nxt = path[i + 1] if i + 1 < len(path) else None
        if key in PART_NAMES and isinstance(nxt, int):
            try:
                node = node[key][nxt]
            except (KeyError, IndexError, TypeError):
                node = None
            ident = node.get("id") if isinstance(node, dict) else None
            name = _(PART_NAMES[key])
            parts.append(t("{part} “{id}”", part=name, id=ident) if isinstance(ident, str) and ident
                         else t("{part} no. {n}", part=name, n=nxt + 1))
            i += 2
            continue
        if key in PART_NAMES:
            parts.append(_(PART_NAMES[key]))
        elif isinstance(key, str):
            parts.append(t("field “{field}”", field=key))
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        i += 1
    return ", ".join(parts)


def _schema_message(err) -> str:
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return t("the field “{field}” is missing.", field=missing)
    if v == "additionalProperties":
        allowed = list((err.schema.get("properties") or {}).keys())
        extra = [k for k in err.instance if k not in allowed] if isinstance(err.instance, dict) else []
        name = extra[0] if extra else "?"
        close = difflib.get_close_matches(name, allowed, n=1)
        if close:
            return t("unknown field “{field}”: did you mean “{suggestion}”?", field=name, suggestion=close[0])
        return t("unknown field “{field}”; the fields allowed here are: {fields}.", field=name, fields=", ".join(allowed))
    if v == "enum":
        return t("“{value}” is not allowed here; choose one of: {choices}.", value=err.instance,
                 choices=", ".join(str(c) for c in err.validator_value))
    if v == "const":
        return t("must be {value}.", value=err.validator_value)
    if v == "type":
        return t("must be {kind}, not “{value}”.", kind=_(TYPE_NAMES.get(str(err.validator_value), str(err.validator_value))),
                 value=str(err.instance)[:40])
    if v == "pattern":
        field = err.absolute_path[-1] if err.absolute_path else ""
        if field == "start":
            return t("“{value}” is not a time in the form YYYY-MM-DD HH:MM, e.g. 2026-10-09 19:30.", value=err.instance)
        if field == "when":
            return t("“{value}” must name a decision and one of its options, joined by a dot: DECISION.OPTION "
                     "(e.g. xac-minh.goi-truong).", value=err.instance)
        return t("“{value}” is not a valid id: use lowercase letters without marks, digits and “-” (e.g. video-lan-truyen).",
                 value=err.instance)
    if v in ("minimum", "exclusiveMinimum"):
        return t("{value} is too small (at least {limit}).", value=err.instance, limit=err.validator_value)
    if v == "maximum":
        return t("{value} is too large (at most {limit}).", value=err.instance, limit=err.validator_value)
    if v == "minLength":
        return t("the text is too short (at least {n} characters).", n=err.validator_value)
    if v == "maxLength":
        return t("the text is too long (at most {n} characters).", n=err.validator_value)
    if v == "minItems":
        return t("the list needs at least {n} item(s).", n=err.validator_value)
    return t("the value is not valid ({detail}).", detail=err.message[:120])


def _schema_problems(data: dict, file: str) -> list[Problem]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [Problem(ERROR, file, _item_name(data, list(e.absolute_path)), _schema_message(e)) for e in errors]


# --------------------------------------------------------------------------- story


def _story_problems(data: dict, file: str) -> list[Problem]:
    out: list[Problem] = []

    def err(where: str, msg: str) -> None:
        out.append(Problem(ERROR, file, where, msg))

    def warn(where: str, msg: str) -> None:
        out.append(Problem(WARNING, file, where, msg))

    clock = data["clock"]
    duration = int(clock["duration"])
    try:
        datetime.strptime(clock["start"], "%Y-%m-%d %H:%M")
    except ValueError:
        err(_(PART_NAMES["clock"]), t("“{value}” is not a real date and time.", value=clock["start"]))
    aware = int(clock.get("aware_at", 0))
    if aware > duration:
        err(_(PART_NAMES["clock"]), t("aware_at (minute {aware}) comes after the end of the exercise (minute {end}).",
                                      aware=aware, end=duration))
    injects, decisions, statements = data["injects"], data.get("decisions") or [], data["statements"]

    def name(kind: str, ident: str) -> str:
        return t("{part} “{id}”", part=_(PART_NAMES[kind]), id=ident)

    for kind, items in (("injects", injects), ("decisions", decisions), ("statements", statements)):
        seen: set[str] = set()
        for it in items:
            if it["id"] in seen:
                err(name(kind, it["id"]), _("this id is used twice; give each item its own id."))
            seen.add(it["id"])
    dec_by_id = {d["id"]: d for d in decisions}
    for d in decisions:
        opts = [o["id"] for o in d["options"]]
        if len(set(opts)) != len(opts):
            err(name("decisions", d["id"]), _("two options have the same id."))
        if d["default"] not in opts:
            err(name("decisions", d["id"]), t("the default option “{default}” is not one of its options ({options}).",
                                               default=d["default"], options=", ".join(opts)))
        if not any(o["quality"] == "good" for o in d["options"]):
            warn(name("decisions", d["id"]), _("no option is marked quality: good, so even a strong trainee cannot do well here."))

    # When can each item happen? Timed items at their minute; triggered ones when the
    # option that fires them can be picked (from the decision's opening to its timeout).
    window: dict[tuple[str, str], tuple[int, int]] = {}
    items = [("injects", i) for i in injects] + [("decisions", d) for d in decisions]
    for kind, it in items:
        has_at, has_on = it.get("at") is not None, it.get("when") is not None
        if has_at == has_on:
            err(name(kind, it["id"]), _("give exactly one of “at” (a minute) or “when” (DECISION.OPTION that triggers it)."))
        elif has_on:
            dec_id, _sep, opt_id = it["when"].partition(".")
            dec = dec_by_id.get(dec_id)
            if dec is None:
                err(name(kind, it["id"]), t("it is triggered by “{when}”, but there is no decision “{decision}”.",
                                             when=it["when"], decision=dec_id))
            elif not any(o["id"] == opt_id for o in dec["options"]):
                err(name(kind, it["id"]), t("it is triggered by “{when}”, but the decision “{decision}” has no option “{option}”.",
                                             when=it["when"], decision=dec_id, option=opt_id))
        elif it.get("delay"):
            warn(name(kind, it["id"]), _("“delay” only counts for items triggered with “when”; with “at” it is ignored."))
    broken = "broken"  # an item whose trigger is missing (already reported above)

    def resolve(kind: str, it: dict, stack: tuple):
        key = (kind, it["id"])
        if key in window:
            return window[key]
        if key in stack:
            return None
        if it.get("at") is not None:
            span = (int(it["at"]), int(it["at"]))
        elif it.get("when") is None:
            return broken
        else:
            dec_id, _sep, opt_id = it["when"].partition(".")
            dec = dec_by_id.get(dec_id)
            if dec is None or not any(o["id"] == opt_id for o in dec["options"]):
                return broken
            parent = resolve("decisions", dec, stack + (key,))
            if parent is None or parent == broken:
                return parent
            delay = int(it.get("delay", 0))
            span = (parent[0] + delay, parent[1] + int(dec["timeout"]) + delay)
        window[key] = span
        return span

    for kind, it in items:
        span = resolve(kind, it, ())
        if span == broken:
            continue
        if span is None:
            err(name(kind, it["id"]), _("it is part of a loop of triggers (it triggers itself through other decisions), "
                                        "so the story never ends; break the loop."))
            continue
        lo, hi = span
        if lo > duration:
            err(name(kind, it["id"]), t("it arrives at minute {minute}, after the exercise ends (minute {end}), "
                                         "so trainees never see it.", minute=lo, end=duration))
        elif kind == "decisions" and hi + int(it["timeout"]) > duration:
            err(name(kind, it["id"]), t("its time runs out at minute {minute}, after the exercise ends (minute {end}); "
                                         "shorten “timeout” or lengthen the clock's “duration”.",
                                         minute=hi + int(it["timeout"]), end=duration))
        elif hi > duration:
            warn(name(kind, it["id"]), t("depending on the trainee's timing it may arrive as late as minute {minute}, "
                                          "after the exercise ends (minute {end}).", minute=hi, end=duration))
        if kind == "injects" and it.get("deadline") and lo + int(it["deadline"]) > duration:
            warn(name(kind, it["id"]), t("its deadline (minute {minute}) falls after the end of the exercise.",
                                          minute=lo + int(it["deadline"])))
    # Options that trigger nothing are fine (the story goes on by the clock); a decision
    # whose options all lead nowhere different is worth a look but not an error.
    if not any((it.get("at") is not None and int(it["at"]) <= aware) for it in injects):
        warn(_(PART_NAMES["injects"]), t("no inject arrives by minute {aware} (aware_at): the trainee learns of "
                                          "the issue from nothing.", aware=aware))
    for s in statements:
        due, after = int(s["due"]), int(s.get("after", 0))
        if due > duration:
            err(name("statements", s["id"]), t("it is due at minute {due}, after the exercise ends (minute {end}).",
                                                due=due, end=duration))
        if after >= due:
            err(name("statements", s["id"]), t("it opens at minute {after} but is due at minute {due}: the trainee "
                                                "has no time to write it.", after=after, due=due))
    return out


# --------------------------------------------------------------------------- text


def _has_marks(text: str) -> bool:
    text = unicodedata.normalize("NFC", text)
    return any(ch in "đĐ" or len(unicodedata.normalize("NFD", ch)) > 1 for ch in text if ch.isalpha())


def _text_problems(raw: Any, data: dict, file: str, path: list | None = None) -> list[Problem]:
    from ..text.legacy import detect_scheme

    out: list[Problem] = []
    path = path or []
    if isinstance(raw, dict):
        for k, v in raw.items():
            out += _text_problems(v, data, file, path + [k])
    elif isinstance(raw, list):
        for i, v in enumerate(raw):
            out += _text_problems(v, data, file, path + [i])
    elif isinstance(raw, str) and path and path[-1] in READ_FIELDS:
        where = _item_name(data, path)
        if not unicodedata.is_normalized("NFC", raw):
            out.append(Problem(ERROR, file, where, _("the text is not in Unicode NFC (marks typed as separate "
                                                     "characters); run “python -m kit normalize” on the file or retype it.")))
        scheme = detect_scheme(raw)
        if scheme in ("tcvn3", "vni"):
            out.append(Problem(ERROR, file, where, t("the text looks typed in the old {scheme} encoding; convert it "
                                                     "with “python -m kit normalize”.", scheme=scheme.upper())))
        elif path[-1] in MARK_FIELDS and len(raw.split()) >= MIN_WORDS_FOR_MARKS and not _has_marks(raw):
            out.append(Problem(ERROR, file, where, _("the text has no Vietnamese marks (typed without accents?); "
                                                     "trainees must read Vietnamese with its marks.")))
    return out


# --------------------------------------------------------------------------- entry points


def check_file(path: str | Path) -> tuple[list[Problem], dict]:
    """``(problems, data)`` for one scenario file; ``data`` is NFC and usable by
    :func:`kit.crisis.model.build` when no problem is an error."""
    from .model import _nfc

    p = Path(path)
    file = p.name
    try:
        raw = read_raw(p, normalize=False)
    except CrisisError as e:
        msg = e.message[len(file) + 2:] if e.message.startswith(file + ": ") else e.message
        return [Problem(ERROR, file, "", msg)], {}
    data = _nfc(raw)
    problems = _schema_problems(data, file)
    if not problems:
        problems += _story_problems(data, file)
        if p.stem != data["id"]:
            problems.append(Problem(WARNING, file, t("field “{field}”", field="id"),
                                    t("the id “{id}” differs from the file name “{name}”; keep them the same so "
                                      "trainers find the file.", id=data["id"], name=p.stem)))
    problems += _text_problems(raw, data, file)
    return problems, data


def check_paths(paths: list[str | Path]) -> list[Problem]:
    out: list[Problem] = []
    for p in paths:
        out += check_file(p)[0]
    return out
