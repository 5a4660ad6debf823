"""A communication plan (:class:`kit.plan.Plan`) exported for signing or sharing.

    data, suffix, mime = export_plan(plan, "docx")   # or "pdf", "html", "md", "json"

- ``docx``: :func:`kit.export.plan_docx.plan_to_docx` (the NĐ 30/2020 layout, domain.md §1).
- ``pdf``: that .docx converted by LibreOffice (``soffice --headless``, a private profile,
  120 s at most); :class:`ExportError` when LibreOffice is missing or fails.
- ``html``: ``templates/plan.html.j2`` (autoescaped, inline CSS, nothing loaded from outside).
- ``md``: ``templates/plan.md.j2`` (trainee text made inert by the filters of
  :mod:`kit.export.markdown_report`).
- ``json``: ``plan.to_dict()`` pretty-printed, UTF-8.

All formats share :func:`outline`: the parts of the plan in the order of
:func:`kit.plan.plan_to_text` (header, Căn cứ, sections I.–IV., Nơi nhận, signer), with
the labels translated through :mod:`kit.i18n` (Vietnamese by default).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _, get_language, t
from ..plan.model import Plan, money
from ..text.types import TextError

FORMATS = ("docx", "pdf", "html", "md", "json")
MIMES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
SOFFICE_TIMEOUT = 120  # seconds


class ExportError(TextError):
    """An export that cannot be made. Like :class:`TextError` it has a ``code`` (``no_soffice``,
    ``soffice_failed``, ``budget_mismatch``, ``bad_format``, ``template``); ``message`` is
    already worded for the trainee (Vietnamese by default)."""

    def __init__(self, code: str, message: str, **params) -> None:
        super().__init__(code, **params)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------- outline


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    total: list[str] | None = None  # the closing row (budget total), shown bold
    right: tuple[int, ...] = ()  # columns aligned right (amounts)
    widths: tuple[float, ...] = ()  # relative column widths


@dataclass
class Part:
    """One numbered subsection: "1. Mục đích" with its bullets, paragraphs or table."""

    head: str
    bullets: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    image: bytes = b""  # a PNG shown after the table (the activity timeline)
    image_alt: str = ""


@dataclass
class Section:
    title: str  # "I. MỤC ĐÍCH, YÊU CẦU"
    parts: list[Part]


@dataclass
class Outline:
    parent_body: str
    issuing_body: str
    nation: str
    motto: str
    number: str  # "Số: 18/KH-SGDĐT"
    dateline: str  # "Hà Tĩnh, ngày 05 tháng 01 năm 2027"
    title: str
    summary: str
    bases: list[str]
    opening: list[str]
    sections: list[Section]
    closing: list[str]
    recipients_label: str
    recipients: list[str]  # "- Bộ GDĐT (để b/c);" … "- Lưu: VT, VP."
    signer_title: list[str]
    signer_name: str
    budget_sum: int | None = None


def _s(x) -> str:
    """Trainee text for a document: NFC, no characters a .docx cannot hold."""
    from .press_release import sanitize

    if x is None:
        return ""
    return sanitize(x if isinstance(x, str) else str(x)).strip()


def _d(x) -> dict:
    return x if isinstance(x, dict) else {"text": x, "name": x, "item": x, "indicator": x, "unit": x}


def dateline(plan: Plan) -> str:
    """"Hà Tĩnh, ngày 05 tháng 01 năm 2027": days below 10 and months 1–2 with a leading 0;
    blanks to fill in by hand when the plan has no date yet."""
    place = _s(plan.place)
    date = _s(plan.date)
    if not place and not date:
        return ""
    try:
        y, m, d = (int(x) for x in date.split("-"))
        day, month, year = f"{d:02d}", (f"{m:02d}" if m < 3 else str(m)), str(y)
    except ValueError:
        day = month = "    "
        year = "     "
    return t("{place}, day {day} month {month} year {year}", place=place or "…", day=day, month=month,
             year=year)


def budget_amount(b) -> int:
    try:
        return int(_d(b).get("amount") or 0)
    except (TypeError, ValueError):
        return 0


def check_budget(plan: Plan) -> int | None:
    """The sum of the budget lines (None without a budget); :class:`ExportError` when the plan
    states a total that the lines do not add up to."""
    if not plan.budget and plan.budget_total is None:
        return None
    total = sum(budget_amount(b) for b in plan.budget)
    if plan.budget and plan.budget_total is not None and total != plan.budget_total:
        from ..plan.model import budget_mismatch_message

        raise ExportError("budget_mismatch", budget_mismatch_message(total, plan.budget_total),
                          sum=total, total=plan.budget_total)
    return total if plan.budget else plan.budget_total


def _objective(o) -> str:
    o = _d(o)
    text = _s(o.get("text"))
    extra = []
    if o.get("target") and _s(o["target"]) not in text:
        extra.append(t("target: {target}", target=_s(o["target"])))
    if o.get("deadline") and _s(o["deadline"]) not in text:
        extra.append(t("deadline: {deadline}", deadline=_s(o["deadline"])))
    return text + (f" ({'; '.join(extra)})" if extra else "")


def _lines(text) -> list[str]:
    return [x.strip() for x in _s(text).split("\n") if x.strip()]


def outline(plan: Plan, *, chart: bool = True) -> Outline:
    """The plan's parts, labels translated, in the order of :func:`kit.plan.plan_to_text`;
    with ``chart`` the activity part carries the timeline PNG (Markdown has no use for it).
    Raises :class:`ExportError` when the budget lines contradict the stated total."""
    budget_sum = check_budget(plan)
    sections: list[Section] = []

    def section(title: str, parts: list[Part]) -> None:
        parts = [p for p in parts if p.bullets or p.paragraphs or p.table or p.head]
        if parts:
            for i, p in enumerate(parts, 1):
                p.head = f"{i}. {p.head}"
            sections.append(Section(f"{ROMAN[len(sections)]}. {title}", parts))

    # I. purposes, objectives, requirements
    parts = []
    if plan.purposes:
        parts.append(Part(_("Purposes"), bullets=[_s(x) for x in plan.purposes]))
    if plan.objectives:
        parts.append(Part(_("Specific objectives"), bullets=[_objective(o) for o in plan.objectives]))
    if plan.requirements:
        parts.append(Part(_("Requirements"), bullets=[_s(x) for x in plan.requirements]))
    section(_("PURPOSES AND REQUIREMENTS"), parts)

    # II. content
    parts = []
    if plan.audiences:
        bullets = []
        for a in plan.audiences:
            a = _d(a)
            name, needs = _s(a.get("name")), _s(a.get("needs"))
            bullets.append(f"{name}: {needs}" if needs else name)
        parts.append(Part(_("Audiences and their information needs"), bullets=bullets))
    if plan.messages:
        parts.append(Part(_("Key messages"), bullets=[_s(x) for x in plan.messages]))
    if plan.topics:
        parts.append(Part(_("Main topics"), bullets=[_s(x) for x in plan.topics]))
    if plan.channels:
        parts.append(Part(_("Communication channels"), bullets=[_s(x) for x in plan.channels]))
    if plan.activities:
        acts = [_d(a) for a in plan.activities]
        with_output = any(_s(a.get("output")) for a in acts)
        header = [_("No."), _("Activity"), _("Timing"), _("Lead"), _("Support")]
        widths = (7, 37, 17, 20, 19)
        if with_output:
            header.append(_("Output"))
            widths = (7, 30, 15, 16, 16, 16)
        rows = []
        for i, a in enumerate(acts, 1):
            row = [str(i), _s(a.get("name")), _s(a.get("timing")), _s(a.get("lead")), _s(a.get("support"))]
            if with_output:
                row.append(_s(a.get("output")))
            rows.append(row)
        from ..views.charts import timeline_chart

        parts.append(Part(_("Main activities"), table=Table(header, rows, widths=widths),
                          image=timeline_chart(plan) if chart else b"", image_alt=_("Activity timeline")))
    section(_("CONTENT"), parts)

    # III. organisation
    parts = []
    for task in plan.tasks:
        task = _d(task)
        duties = _lines(task.get("duties"))
        unit = _s(task.get("unit"))
        if len(duties) == 1:
            parts.append(Part(unit, paragraphs=duties))
        else:
            parts.append(Part(unit, bullets=duties))
    if plan.kpis:
        rows = [[str(i), _s(_d(k).get("indicator")), _s(_d(k).get("target")), _s(_d(k).get("method"))]
                for i, k in enumerate(plan.kpis, 1)]
        parts.append(Part(_("Monitoring and evaluation"),
                          table=Table([_("No."), _("Indicator"), _("Target"), _("How it is measured")], rows,
                                      widths=(7, 49, 22, 22))))
    if _s(plan.reporting):
        parts.append(Part(_("Reporting"), paragraphs=[x[:1].upper() + x[1:] for x in _lines(plan.reporting)]))
    section(_("ORGANISATION"), parts)

    # IV. budget
    parts = []
    if budget_sum is not None:
        items = [_d(b) for b in plan.budget]
        with_source = any(_s(b.get("source")) for b in items)
        header = [_("No."), _("Item"), _("Amount (đồng)")]
        widths = (7, 63, 30)
        if with_source:
            header.append(_("Source"))
            widths = (7, 47, 22, 24)
        rows = []
        for i, b in enumerate(items, 1):
            row = [str(i), _s(b.get("item")), money(budget_amount(b))]
            if with_source:
                row.append(_s(b.get("source")))
            rows.append(row)
        total = ["", _("Total"), money(budget_sum)] + ([""] if with_source else [])
        parts.append(Part(_("Estimate"), table=Table(header, rows, total=total, right=(2,), widths=widths)))
    if _s(plan.budget_sources):
        parts.append(Part(_("Funding sources"), bullets=_lines(plan.budget_sources)))
    section(_("BUDGET"), parts)

    notes = [_s(n) for n in plan.notes if _s(n)]
    closing = [n for n in notes if n.lower().startswith("trên đây")]
    opening = [n for n in notes if n not in closing]
    recipients = [_s(r) for r in plan.recipients if _s(r)]
    recipients = [f"- {r.rstrip(';.')}{'.' if i == len(recipients) - 1 else ';'}" for i, r in enumerate(recipients)]
    return Outline(
        parent_body=_s(plan.parent_body).upper(),
        issuing_body=_s(plan.issuing_body).upper(),
        nation=_("SOCIALIST REPUBLIC OF VIETNAM"),
        motto=_("Independence - Freedom - Happiness"),
        number=t("No.: {number}", number=_s(plan.number) or "        "),
        dateline=dateline(plan),
        title=(_s(plan.title) or _("PLAN")).upper(),
        summary=_s(plan.summary),
        bases=[_s(b) for b in plan.bases if _s(b)],
        opening=opening,
        sections=sections,
        closing=closing,
        recipients_label=_("Recipients:"),
        recipients=recipients,
        signer_title=[x.upper() for x in _lines(plan.signer_title)],
        signer_name=_s(plan.signer_name),
        budget_sum=budget_sum,
    )


# --------------------------------------------------------------------------- formats


def _env(autoescape: bool):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from .markdown_report import md_cell, md_emph, md_text, template_dirs

    env = Environment(loader=FileSystemLoader([str(d) for d in template_dirs() if d.is_dir()]),
                      autoescape=autoescape, keep_trailing_newline=True, undefined=StrictUndefined)
    from ..i18n import num

    env.filters.update(md_text=md_text, md_cell=md_cell, md_emph=md_emph, num=num,
                       b64=lambda data: base64.b64encode(data).decode("ascii"))
    return env


def _render(name: str, autoescape: bool, **context) -> str:
    from jinja2 import TemplateError

    try:
        return _env(autoescape).get_template(name).render(**context)
    except TemplateError as err:
        raise ExportError("template", t("The template {name} is missing or broken ({detail}); "
                                        "ask the trainer to restore it.", name=name, detail=err)) from None


def plan_to_html(plan: Plan) -> str:
    o = outline(plan)
    return _render("plan.html.j2", True, o=o, lang=get_language())


def plan_to_markdown(plan: Plan) -> str:
    import re

    out = _render("plan.md.j2", False, o=outline(plan, chart=False))
    return re.sub(r"\n{3,}", "\n\n", out.strip("\n")) + "\n"


def plan_to_pdf(plan: Plan) -> bytes:
    """The .docx converted by LibreOffice; :class:`ExportError` when it is missing or fails."""
    from .plan_docx import plan_to_docx

    docx = plan_to_docx(plan)  # layout problems (the budget) are reported before LibreOffice starts
    return docx_to_pdf(docx)


def docx_to_pdf(docx: bytes) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ExportError("no_soffice", _(
            "LibreOffice is not installed, so the plan cannot be turned into PDF. Install LibreOffice "
            "(on Ubuntu: sudo apt install libreoffice-writer), or export to .docx and save it as PDF in Word."))
    with tempfile.TemporaryDirectory(prefix="kit-pdf-") as tmp:
        src = Path(tmp) / "plan.docx"
        src.write_bytes(docx)
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", tmp, str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT, cwd=tmp,
                                  env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired:
            raise ExportError("soffice_failed", t(
                "LibreOffice did not finish converting the plan to PDF within {seconds} seconds; "
                "close other LibreOffice windows and try again, or export to .docx.",
                seconds=SOFFICE_TIMEOUT)) from None
        except OSError as err:
            raise ExportError("soffice_failed", t(
                "LibreOffice could not convert the plan to PDF ({detail}); export to .docx instead.",
                detail=err)) from None
        pdf = Path(tmp) / "plan.pdf"
        if proc.returncode != 0 or not pdf.is_file():
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()[-300:] or proc.returncode
            raise ExportError("soffice_failed", t(
                "LibreOffice could not convert the plan to PDF ({detail}); export to .docx instead.",
                detail=detail))
        return pdf.read_bytes()


def export_plan(plan: Plan, fmt: str) -> tuple[bytes, str, str]:
    """``(data, suffix, mime)`` of ``plan`` in format ``fmt`` (docx, pdf, html, md, json)."""
    fmt = (fmt or "").lower().lstrip(".")
    if fmt == "docx":
        from .plan_docx import plan_to_docx

        data = plan_to_docx(plan)
    elif fmt == "pdf":
        data = plan_to_pdf(plan)
    elif fmt == "html":
        data = plan_to_html(plan).encode("utf-8")
    elif fmt == "md":
        data = plan_to_markdown(plan).encode("utf-8")
    elif fmt == "json":
        data = (json.dumps(plan.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        raise ExportError("bad_format", t("Unknown export format {fmt}; choose one of: {formats}.",
                                          fmt=fmt, formats=", ".join(FORMATS)))
    return data, "." + fmt, MIMES[fmt]
