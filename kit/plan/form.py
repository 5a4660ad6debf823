"""The plan as a step-by-step form: which fields each step shows, and the conversions
between what a trainee types and a :class:`~kit.plan.Plan`.

Pure (no ipywidgets): :class:`kit.widgets.plan_builder.PlanBuilder` draws :data:`STEPS`
and calls :func:`to_form` / :func:`from_form`; tests use them directly.

Form values are strings (one entry per line for lists), lists of row dicts of strings
(activities, budget lines…) and a date typed the Vietnamese way (05/01/2027). Keys a row
does not show (an imported activity's ``output``) ride along untouched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..i18n import N_, t
from .model import Plan, money


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # msgid
    width: str = "1fr"  # CSS grid width
    kind: str = "text"  # "text" or "money"


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # msgid
    kind: str = "text"  # "text", "lines" (one entry per line), "textarea", "date", "rows"
    hint: str = ""  # msgid: one example or tip under the label
    columns: tuple[Column, ...] = ()
    rows: int = 3  # height of a text area


@dataclass(frozen=True)
class Step:
    title: str  # msgid
    intro: str  # msgid
    fields: tuple[Field, ...]


STEPS: tuple[Step, ...] = (
    Step(N_("1. Heading"), N_("Who issues the plan, its number and date, and what it is about."), (
        Field("parent_body", N_("Parent body"), hint=N_("For example: UBND TỈNH HÀ TĨNH")),
        Field("issuing_body", N_("Issuing body"), hint=N_("For example: SỞ GIÁO DỤC VÀ ĐÀO TẠO")),
        Field("number", N_("Number and symbol"), hint=N_("For example: 18/KH-SGDĐT")),
        Field("place", N_("Place name"), hint=N_("For example: Hà Tĩnh")),
        Field("date", N_("Date of issue"), kind="date", hint=N_("dd/mm/yyyy, for example 05/01/2027")),
        Field("summary", N_("Summary line"), hint=N_("For example: Truyền thông về giáo dục và đào tạo năm 2027")),
        Field("bases", N_("Legal bases (one per line)"), kind="lines", rows=4,
              hint=N_("Type, number, date and issuer of each document, e.g. Căn cứ Kế hoạch số 68/KH-BGDĐT ngày …")),
    )),
    Step(N_("2. Objectives"), N_("What the plan wants to achieve, with figures and deadlines."), (
        Field("purposes", N_("Purposes (one per line)"), kind="lines"),
        Field("objectives", N_("Measurable objectives"), kind="rows",
              hint=N_("Each objective: what changes, by how much, by when."),
              columns=(Column("text", N_("Objective"), "3fr"), Column("target", N_("Target figure"), "1.2fr"),
                       Column("deadline", N_("Deadline"), "1fr"))),
        Field("requirements", N_("Requirements (one per line)"), kind="lines"),
    )),
    Step(N_("3. Audiences"), N_("Who you talk to, what each group needs, and what you say."), (
        Field("audiences", N_("Audiences and what each needs to know"), kind="rows",
              columns=(Column("name", N_("Audience"), "1.3fr"), Column("needs", N_("What they need to know"), "3fr"))),
        Field("messages", N_("Key messages (one per line)"), kind="lines",
              hint=N_("Two or three short sentences everyone repeats.")),
        Field("topics", N_("Main topics (one per line)"), kind="lines"),
    )),
    Step(N_("4. Activities"), N_("Where you speak, what you do, when, and who leads."), (
        Field("channels", N_("Channels (one per line)"), kind="lines"),
        Field("activities", N_("Activities"), kind="rows",
              hint=N_("Timing as a month, quarter or date: Tháng 3/2027, Quý II/2027, 15/4/2027, Hằng tháng."),
              columns=(Column("name", N_("Activity"), "3fr"), Column("timing", N_("Timing"), "1.3fr"),
                       Column("lead", N_("Lead unit"), "1.3fr"), Column("support", N_("Supporting units"), "1.3fr"))),
    )),
    Step(N_("5. Organisation"), N_("Each unit's tasks, the indicators you will measure, and reports."), (
        Field("tasks", N_("Tasks by unit"), kind="rows",
              columns=(Column("unit", N_("Unit"), "1.2fr"), Column("duties", N_("Tasks"), "3fr"))),
        Field("kpis", N_("Indicators (KPIs)"), kind="rows",
              columns=(Column("indicator", N_("Indicator"), "2fr"), Column("target", N_("Target figure"), "1fr"),
                       Column("method", N_("How it is measured"), "1.5fr"))),
        Field("reporting", N_("Reporting"), kind="textarea",
              hint=N_("Who reports to whom, how often, by which date.")),
    )),
    Step(N_("6. Budget"), N_("The main costs in đồng, and where the money comes from. The total adds itself up."), (
        Field("budget", N_("Budget lines"), kind="rows",
              columns=(Column("item", N_("Item"), "3fr"), Column("amount", N_("Amount (đồng)"), "1.2fr", "money"),
                       Column("source", N_("Source"), "1.3fr"))),
        Field("budget_sources", N_("Funding sources"), kind="textarea", rows=2),
    )),
    Step(N_("7. Signature"), N_("Who receives the plan and who signs it."), (
        Field("recipients", N_("Recipients (one per line)"), kind="lines", rows=4,
              hint=N_("For example: Bộ GDĐT (để b/c)")),
        Field("signer_title", N_("Signer's title (one line each)"), kind="textarea", rows=2,
              hint=N_("For example: KT. GIÁM ĐỐC, then PHÓ GIÁM ĐỐC")),
        Field("signer_name", N_("Signer's full name")),
        Field("notes", N_("Imported text not yet placed (kept so nothing is lost)"), kind="lines", rows=3),
    )),
)

FIELDS: dict[str, Field] = {f.key: f for s in STEPS for f in s.fields}

_DATE_VN = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str) -> str | None:
    """"05/01/2027" or "2027-01-05" → "2027-01-05"; "" → ""; None when it is not a real date."""
    if not text.strip():
        return ""
    m = _DATE_VN.match(text)
    if m:
        d, mo, y = (int(x) for x in m.groups())
    else:
        m = _DATE_ISO.match(text)
        if not m:
            return None
        y, mo, d = (int(x) for x in m.groups())
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def show_date(iso: str) -> str:
    """"2027-01-05" → "05/01/2027" (anything else unchanged)."""
    m = _DATE_ISO.match(iso or "")
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else (iso or "")


_MILLION = re.compile(r"(?i)^\s*(\d+(?:[.,]\d+)?)\s*(triệu|tr|tỷ)\b")


def parse_amount(text: str) -> int | None:
    """An amount typed in a form cell: "6.000.000", "6,000,000 đồng", "6 triệu", "1,2 tỷ" → đồng.
    "" → 0; None when there is no figure."""
    s = (text or "").strip()
    if not s:
        return 0
    m = _MILLION.match(s)
    if m:
        value = float(m.group(1).replace(",", "."))
        return round(value * (1_000_000 if m.group(2).lower() in ("triệu", "tr") else 1_000_000_000))
    digits = re.sub(r"(?i)\s*(đồng|đ|vnđ|vnd)\.?\s*$", "", s)
    digits = re.sub(r"[.,\s]", "", digits)
    return int(digits) if digits.isdigit() else None


def to_form(plan: Plan) -> dict:
    """The plan's values as the form shows them."""
    data = plan.to_dict()
    out: dict = {}
    for key, f in FIELDS.items():
        value = data.get(key)
        if f.kind == "rows":
            rows = []
            for item in value or []:
                item = dict(item) if isinstance(item, dict) else {f.columns[0].key: str(item)}
                for c in f.columns:
                    v = item.get(c.key)
                    item[c.key] = money(v) if c.kind == "money" and isinstance(v, int) else ("" if v is None else str(v))
                rows.append(item)
            out[key] = rows
        elif f.kind == "lines":
            out[key] = "\n".join(str(x) for x in value or [])
        elif f.kind == "date":
            out[key] = show_date(value or "")
        else:
            out[key] = "" if value is None else str(value)
    return out


def _blank(row: dict, f: Field) -> bool:
    return not any(str(row.get(c.key, "")).strip() for c in f.columns)


def from_form(values: dict, base: Plan | None = None) -> tuple[Plan, list[str]]:
    """A plan from form values (fields not in ``values`` come from ``base``), and what the
    trainee should fix (a date or an amount that cannot be read), in their language.
    Empty rows are left out; the budget total is the sum of the lines."""
    data = (base or Plan()).to_dict()
    problems: list[str] = []
    for key, f in FIELDS.items():
        if key not in values:
            continue
        value = values[key]
        if f.kind == "rows":
            rows = []
            for n, row in enumerate(value or [], 1):
                if _blank(row, f):
                    continue
                row = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items()}
                for c in f.columns:
                    if c.kind == "money":
                        amount = parse_amount(str(row.get(c.key, "")))
                        if amount is None:
                            problems.append(t("{field}, line {n}: “{value}” is not an amount; write it in đồng, "
                                              "e.g. 6.000.000.", field=t(f.label), n=n, value=row.get(c.key, "")))
                            amount = 0
                        row[c.key] = amount
                rows.append(row)
            data[key] = rows
        elif f.kind == "lines":
            data[key] = [x.strip() for x in str(value).splitlines() if x.strip()]
        elif f.kind == "date":
            iso = parse_date(str(value))
            if iso is None:
                problems.append(t("{field}: “{value}” is not a date; write it as dd/mm/yyyy, e.g. 05/01/2027.",
                                  field=t(f.label), value=value))
                iso = data.get(key) or ""
            data[key] = iso
        else:
            data[key] = str(value).strip() if f.kind == "text" else str(value).strip("\n")
    if data.get("budget"):
        data["budget_total"] = sum(int(b.get("amount") or 0) for b in data["budget"])
    elif "budget" in values:
        data["budget_total"] = None
    return Plan.from_dict(data), problems


def budget_line(plan: Plan) -> str:
    """"Tổng cộng: 400.000.000 đồng (7 khoản)" for the form's budget step."""
    if not plan.budget:
        return t("No budget lines yet.")
    total = sum(int(b.get("amount") or 0) for b in plan.budget if isinstance(b, dict))
    return t("Total: {total} đồng ({n} lines)", total=money(total), n=len(plan.budget))
