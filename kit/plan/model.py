"""The data model of a communication plan and its JSON form.

A :class:`Plan` holds the parts of a plan drafted under NĐ 30/2020/NĐ-CP (Mẫu 1.4): the
header, the *Căn cứ* lines, sections I–IV (purpose and objectives; audiences, messages,
topics, channels, activities; tasks, KPIs, reporting; budget) and the end block. List
entries that have parts are plain dicts (``{"name": …, "needs": …}``) so that the JSON
file and the Python object look the same. ``notes`` keeps whatever an importer could not
place, verbatim. :func:`validate` checks a JSON-like dict against
``kit/schemas/plan.schema.json`` and the rules a schema cannot state (budget totals).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..i18n import t
from ..storage import atomic_write_text

SCHEMA_VERSION = 1

LIST_FIELDS = ("bases", "purposes", "requirements", "objectives", "audiences", "messages", "topics", "channels",
               "activities", "tasks", "kpis", "budget", "recipients", "notes")


@dataclass
class Plan:
    """A communication plan; see the JSON schema for what each field holds."""

    schema_version: int = SCHEMA_VERSION
    parent_body: str = ""
    issuing_body: str = ""
    number: str = ""
    place: str = ""
    date: str = ""
    title: str = "KẾ HOẠCH"
    summary: str = ""
    bases: list = field(default_factory=list)
    purposes: list = field(default_factory=list)
    requirements: list = field(default_factory=list)
    objectives: list = field(default_factory=list)   # {text, target?, deadline?}
    audiences: list = field(default_factory=list)    # {name, needs}
    messages: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    channels: list = field(default_factory=list)
    activities: list = field(default_factory=list)   # {name, timing, lead, support, output?}
    tasks: list = field(default_factory=list)        # {unit, duties}
    kpis: list = field(default_factory=list)         # {indicator, target?, method?}
    reporting: str = ""
    budget: list = field(default_factory=list)       # {item, amount, source}
    budget_total: int | None = None
    budget_sources: str = ""
    recipients: list = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""
    notes: list = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return json.loads(json.dumps(asdict(self), ensure_ascii=False))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Plan":
        """Build a plan from a dict (unknown keys are ignored; missing ones take defaults)."""
        names = {f.name for f in fields(cls)}
        kw = {k: (list(v) if isinstance(v, list) else v) for k, v in data.items() if k in names}
        return cls(**kw)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def save(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` as UTF-8 JSON, atomically."""
    atomic_write_text(Path(path), plan.to_json())


def load(path: str | Path) -> Plan:
    """Read a plan written by :func:`save`."""
    return Plan.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@dataclass(frozen=True)
class PlanProblem:
    """One thing wrong in a plan: ``path`` names the field ("budget/2/amount")."""

    path: str
    message: str


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON schema (draft 2020-12) of the plan file."""
    src = resources.files("kit") / "schemas" / "plan.schema.json"
    return json.loads(src.read_text(encoding="utf-8"))


# Vietnamese field names for messages (keep in step with the schema).
FIELD_LABELS = {
    "schema_version": "Phiên bản lược đồ", "parent_body": "Cơ quan chủ quản", "issuing_body": "Cơ quan ban hành",
    "number": "Số, ký hiệu", "place": "Địa danh", "date": "Ngày ban hành", "title": "Tên loại văn bản",
    "summary": "Trích yếu", "bases": "Căn cứ", "purposes": "Mục đích", "requirements": "Yêu cầu",
    "objectives": "Mục tiêu", "audiences": "Đối tượng", "messages": "Thông điệp", "topics": "Nội dung trọng tâm",
    "channels": "Kênh truyền thông", "activities": "Hoạt động", "tasks": "Phân công", "kpis": "Chỉ số đánh giá",
    "reporting": "Chế độ báo cáo", "budget": "Kinh phí", "budget_total": "Tổng kinh phí",
    "budget_sources": "Nguồn kinh phí", "recipients": "Nơi nhận", "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký", "notes": "Ghi chú",
}


def _label(path: list) -> str:
    head = str(path[0]) if path else ""
    name = FIELD_LABELS.get(head, head)
    if len(path) >= 2 and isinstance(path[1], int):
        name = t("{field}, entry {n}", field=name, n=path[1] + 1)
    if len(path) >= 3:
        name = f"{name} ({path[2]})"
    return name


def money(n: int) -> str:
    """35000000 → "35.000.000"."""
    return f"{n:,}".replace(",", ".")


def validate(data: dict | Plan) -> list[PlanProblem]:
    """Problems in a plan dict (or :class:`Plan`): schema errors, then budget arithmetic.

    Messages are for trainees (Vietnamese by default): they name the field and say what to do.
    """
    from jsonschema import Draft202012Validator

    if isinstance(data, Plan):
        data = data.to_dict()
    out: list[PlanProblem] = []
    if not isinstance(data, dict):
        return [PlanProblem("", t("The plan file must hold a JSON object with the plan's fields."))]
    validator = Draft202012Validator(schema())
    for err in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(err.absolute_path)
        where = "/".join(str(p) for p in path)
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else ""
            full = path + [missing]
            name = FIELD_LABELS.get(missing, missing) if not path else _label(full)
            out.append(PlanProblem("/".join(str(p) for p in full),
                                   t("{field}: missing; add it (it may be empty, but it must be there).", field=name)))
        elif err.validator == "type":
            expected = err.validator_value
            expected = expected if isinstance(expected, str) else " / ".join(expected)
            out.append(PlanProblem(where, t("{field}: has the wrong kind of value; it must be {expected}.",
                                            field=_label(path), expected=_kind(expected))))
        elif err.validator == "additionalProperties":
            out.append(PlanProblem(where, t("{field}: unknown field; remove it or check its spelling ({detail}).",
                                            field=_label(path) or t("plan"), detail=err.message)))
        elif err.validator == "pattern" and path == ["date"]:
            out.append(PlanProblem(where, t("{field}: write the date as yyyy-mm-dd (for example 2027-03-01), "
                                            "or leave it empty.", field=_label(path))))
        elif err.validator == "minimum":
            out.append(PlanProblem(where, t("{field}: must not be negative.", field=_label(path))))
        else:
            out.append(PlanProblem(where, t("{field}: invalid value ({detail}); correct it.",
                                            field=_label(path) or t("plan"), detail=err.message)))
    budget = data.get("budget")
    total = data.get("budget_total")
    if isinstance(budget, list) and isinstance(total, int) and not isinstance(total, bool) and budget:
        amounts = [b.get("amount") for b in budget if isinstance(b, dict)]
        if all(isinstance(a, int) and not isinstance(a, bool) for a in amounts) and sum(amounts) != total:
            out.append(PlanProblem("budget_total", budget_mismatch_message(sum(amounts), total)))
    return out


def budget_mismatch_message(lines_sum: int, total: int) -> str:
    """The one wording of "the budget lines do not add up" (validation and export use it)."""
    return t("Budget section: the lines add up to {sum} đồng but the total says {total} đồng; "
             "correct the lines or the total.", sum=money(lines_sum), total=money(total))


def _kind(expected: str) -> str:
    names = {"string": t("text"), "integer": t("a whole number"), "array": t("a list"),
             "object": t("a group of fields"), "null": t("empty (null)")}
    return " / ".join(names.get(x.strip(), x) for x in expected.split("/"))
