"""The plan builder: a communication plan filled in step by step, scored as it grows.

Thin: the steps and conversions are :mod:`kit.plan.form`, scoring
``kit.scoring.score(plan_to_text(plan), "campaign_plan")`` (the same as
``python -m kit score PLAN.json``), the chart :func:`kit.views.charts.timeline_chart`,
exports :func:`kit.export.export_plan`, import :func:`kit.plan.import_file`, autosave
``kit.storage.Draft`` (the plan's JSON), submissions ``kit.submissions``.
"""

from __future__ import annotations

import base64
import json
import tempfile
import time
from pathlib import Path
from typing import Callable

import ipywidgets as W

from .. import submissions
from ..i18n import _, num, t
from ..plan import Plan, plan_to_text
from ..plan.form import STEPS, Field, budget_line, from_form, to_form
from ..storage import Draft
from ..views.html import esc
from ..views.report_view import report_html
from ..views.styles import CSS
from .base import Debouncer, error_html, guarded, log_exception

IMPORT_TYPES = ".txt,.md,.docx,.json"
IMPORT_LIMIT = 5_000_000  # bytes: a plan is far smaller; a bigger file is a mistake
BUILDER_CSS = """<style>
.kit-plan-builder .kit-row{gap:4px;align-items:center}
.kit-plan-builder .kit-row .widget-text{margin:0}
.kit-plan-builder .kit-row-head{gap:4px;font-size:12px;color:#52606d;font-weight:600}
.kit-plan-builder .kit-field-label{font-weight:600;margin:.6em 0 .1em;color:#0b4f6c}
.kit-plan-builder .kit-hint{color:#6b7785;font-size:12px;margin:0 0 .2em}
.kit-plan-builder .kit-row button{min-width:32px;width:32px;padding:0}
</style>"""


def _flex(width: str) -> W.Layout:
    return W.Layout(flex=f"{width.removesuffix('fr') or 1} 1 0%", width="auto", min_width="60px")


class RowsEditor(W.VBox):
    """Rows of short fields (an activity, a budget line) that can be added, moved and removed.

    ``on_change(structural)`` is called after every edit: ``structural`` is True when a row
    was added, moved or removed (worth acting on at once), False while typing.
    """

    def __init__(self, field: Field, on_change: Callable[[bool], None], guard: Callable) -> None:
        self.field = field
        self._on_change = on_change
        self._guard = guard
        self._rows: list[tuple[dict, list[W.Text]]] = []
        head = W.HBox([W.HTML(esc(_(c.label)), layout=_flex(c.width)) for c in field.columns]
                      + [W.HTML("", layout=W.Layout(width="108px"))])
        head.add_class("kit-row-head")
        self.body = W.VBox()
        self.add_button = W.Button(description=_("Add a line"), icon="plus", layout=W.Layout(width="auto"))
        self.add_button.on_click(guard(lambda _b: self.add_row()))
        super().__init__([head, self.body, self.add_button])

    def set_rows(self, rows: list[dict]) -> None:
        self._rows = [self._make(dict(r)) for r in rows]
        self._redraw()

    def rows(self) -> list[dict]:
        out = []
        for data, texts in self._rows:
            row = dict(data)  # keeps keys the form does not show
            row.update({c.key: w.value for c, w in zip(self.field.columns, texts)})
            out.append(row)
        return out

    def add_row(self, row: dict | None = None) -> None:
        self._rows.append(self._make(dict(row or {})))
        self._redraw()
        self._on_change(True)

    def move(self, index: int, step: int) -> None:
        j = index + step
        if 0 <= index < len(self._rows) and 0 <= j < len(self._rows):
            self._rows[index], self._rows[j] = self._rows[j], self._rows[index]
            self._redraw()
            self._on_change(True)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            del self._rows[index]
            self._redraw()
            self._on_change(True)

    def _make(self, data: dict) -> tuple[dict, list[W.Text]]:
        texts = []
        for c in self.field.columns:
            w = W.Text(value=str(data.get(c.key, "") or ""), placeholder=_(c.label), layout=_flex(c.width),
                       continuous_update=True)
            w.observe(self._guard(lambda _c: self._on_change(False)), names="value")
            texts.append(w)
        return data, texts

    def _redraw(self) -> None:
        children = []
        for i, (_data, texts) in enumerate(self._rows):
            up = W.Button(icon="arrow-up", tooltip=_("Move up"), disabled=i == 0)
            down = W.Button(icon="arrow-down", tooltip=_("Move down"), disabled=i == len(self._rows) - 1)
            rm = W.Button(icon="trash", tooltip=_("Remove this line"), button_style="")
            up.on_click(self._guard(lambda _b, i=i: self.move(i, -1)))
            down.on_click(self._guard(lambda _b, i=i: self.move(i, 1)))
            rm.on_click(self._guard(lambda _b, i=i: self.remove(i)))
            row = W.HBox(texts + [up, down, rm])
            row.add_class("kit-row")
            children.append(row)
        self.body.children = children


class PlanBuilder(W.VBox):
    """The plan form (one tab per step), its live score, timeline, import, export and submit.

    ``key`` names the autosave file; ``starter`` (a Plan or its dict) fills an empty
    builder; ``exercise`` is the id used when submitting; ``target`` the exercise's score.
    """

    def __init__(self, key: str = "ke-hoach-cua-toi", *, starter: Plan | dict | None = None,
                 exercise: str | None = None, target: float | None = None, delay: float = 0.8) -> None:
        self.key = key
        self.exercise = exercise or key
        self.target = target
        self.draft = Draft(f"{key}.plan")
        self.report = None
        self.problems: list[str] = []
        self.inputs: dict[str, W.Widget] = {}
        self._debounce = Debouncer(self._on_pause, delay)
        guard = guarded(self._show_error)
        self._guard = guard
        self._filling = False

        saved, restored = self._load(starter)
        self.plan = saved
        tabs = []
        for step in STEPS:
            items: list[W.Widget] = [W.HTML('<p class="kit-hint">' + esc(_(step.intro)) + "</p>")]
            for f in step.fields:
                items.append(W.HTML('<div class="kit-field-label">' + esc(_(f.label)) + "</div>"
                                    + ('<div class="kit-hint">' + esc(_(f.hint)) + "</div>" if f.hint else "")))
                items.append(self._input(f, guard))
                if f.key == "budget":
                    self.budget_total = W.HTML()
                    items.append(self.budget_total)
            tabs.append(W.VBox(items, layout=W.Layout(padding="4px 8px")))
        self.tabs = W.Tab(children=tabs)
        for i, step in enumerate(STEPS):
            self.tabs.set_title(i, _(step.title))

        self.upload = W.FileUpload(accept=IMPORT_TYPES, multiple=False, description=_("Import a plan"),
                                   layout=W.Layout(width="auto"))
        self.upload.observe(guard(self._on_upload), names="value")
        self.export_buttons = {}
        for fmt, label in (("docx", _("Word (.docx)")), ("pdf", "PDF"), ("html", "HTML"), ("md", "Markdown"),
                           ("json", "JSON")):
            b = W.Button(description=label, icon="download", layout=W.Layout(width="auto"))
            b.on_click(guard(lambda _b, fmt=fmt: self.export(fmt)))
            self.export_buttons[fmt] = b
        self.downloads = W.HTML()
        self.status = W.HTML()
        self.result = W.HTML()
        self.result.add_class("kit-result")
        self.timeline = W.Image(format="png", layout=W.Layout(max_width="820px"))
        self.name = W.Text(value=submissions.remembered_name() or "", placeholder=_("Your full name"),
                           layout=W.Layout(width="260px"))
        self.submit_button = W.Button(description=_("Submit"), icon="paper-plane")
        self.submit_button.on_click(guard(lambda _b: self.submit()))
        self.extra = W.HTML()
        super().__init__([
            W.HTML(CSS + BUILDER_CSS),
            W.HBox([W.HTML("<b>" + esc(_("Start from last year's plan:")) + "</b>&nbsp;"), self.upload],
                   layout=W.Layout(align_items="center")),
            W.HTML('<p class="kit-hint">' + esc(_("A .docx, .txt, .md or plan .json file. What the kit cannot place "
                                                  "goes to the notes in step 7.")) + "</p>"),
            self.tabs,
            self.status,
            self.result,
            self.timeline,
            W.HBox([W.HTML("<b>" + esc(_("Download:")) + "</b>&nbsp;")] + list(self.export_buttons.values()),
                   layout=W.Layout(flex_flow="row wrap", align_items="center")),
            self.downloads,
            W.HBox([W.HTML("<b>" + esc(_("Hand in:")) + "</b>&nbsp;"), self.name, self.submit_button],
                   layout=W.Layout(align_items="center")),
            self.extra,
        ])
        self.add_class("kit-plan-builder")
        self.fill(self.plan)
        if restored:
            self.status.value = '<span class="kit-muted">' + esc(_("Your last plan was restored.")) + "</span>"

    # -- form ------------------------------------------------------------------------------
    def _input(self, f: Field, guard) -> W.Widget:
        if f.kind == "rows":
            w = RowsEditor(f, self._changed, guard)
        elif f.kind in ("lines", "textarea"):
            w = W.Textarea(layout=W.Layout(width="100%", height=f"{f.rows * 24 + 12}px"), continuous_update=True)
            w.observe(guard(lambda _c: self._changed(False)), names="value")
        else:
            w = W.Text(layout=W.Layout(width="100%" if f.key in ("summary",) else "420px"), continuous_update=True,
                       placeholder=_(f.hint) if f.kind == "date" else "")
            w.observe(guard(lambda _c: self._changed(False)), names="value")
        w.add_class("kit-input")
        self.inputs[f.key] = w
        return w

    def values(self) -> dict:
        return {k: (w.rows() if isinstance(w, RowsEditor) else w.value) for k, w in self.inputs.items()}

    def fill(self, plan: Plan) -> None:
        """Show ``plan`` in the form and score it."""
        self._filling = True
        try:
            for key, value in to_form(plan).items():
                w = self.inputs[key]
                if isinstance(w, RowsEditor):
                    w.set_rows(value)
                else:
                    w.value = value
        finally:
            self._filling = False
        self.plan = plan
        self.rescore()

    def _changed(self, structural: bool) -> None:
        if self._filling:
            return
        if structural:
            self.save_now()
        else:
            self._debounce.poke()

    def _on_pause(self) -> None:
        self._guard(self._save_and_score)()

    def _save_and_score(self) -> None:
        self.plan, self.problems = from_form(self.values(), self.plan)
        self.draft.save(self.plan.to_json())
        self.status.value = '<span class="kit-muted">' + esc(
            t("Saved automatically at {time}.", time=time.strftime("%H:%M:%S"))) + "</span>"
        self.rescore()

    def rescore(self) -> None:
        from ..scoring import score
        from ..views.charts import timeline_chart

        self.report = score(plan_to_text(self.plan), "campaign_plan")
        problems = "".join('<p class="kit-warn">' + esc(p) + "</p>" for p in self.problems)
        self.result.value = ((CSS + '<div class="kit-box">' + problems + "</div>") if problems else "") \
            + report_html(self.report, target=self.target, preview=False)
        self.budget_total.value = '<p class="kit-box"><b>' + esc(budget_line(self.plan)) + "</b></p>"
        png = timeline_chart(self.plan)
        self.timeline.value = png
        self.timeline.layout.display = "" if png else "none"

    def flush(self) -> None:
        """Run a pending save-and-score now (tests)."""
        self._debounce.flush()

    def save_now(self) -> None:
        """Save and score at once: the pending call if typing left one, else a fresh one."""
        if not self._debounce.flush():
            self._save_and_score()

    # -- autosave ----------------------------------------------------------------------------
    def _load(self, starter) -> tuple[Plan, bool]:
        text = self.draft.load()
        if text:
            try:
                return Plan.from_dict(json.loads(text)), True
            except (ValueError, TypeError):
                pass  # a damaged autosave: start again from the starter, keep the file for the trainer
        if isinstance(starter, Plan):
            return starter, False
        if isinstance(starter, dict):
            return Plan.from_dict(starter), False
        return Plan(), False

    def _show_error(self, line: str) -> None:
        self.extra.value = error_html(line)

    # -- import ------------------------------------------------------------------------------
    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
        name = str(item.get("name") or (item.get("metadata") or {}).get("name") or "ke-hoach.txt")
        content = bytes(item.get("content") or b"")
        self.import_bytes(name, content)

    def import_bytes(self, name: str, content: bytes) -> bool:
        """Replace the form with the plan read from an uploaded file; the old plan is kept as a
        backup draft first. Returns False (with a Vietnamese message) when it cannot be read."""
        from ..plan import import_file, validate
        from ..text import TextError

        suffix = Path(name).suffix.lower()
        if suffix not in IMPORT_TYPES.split(","):
            self.extra.value = error_html(t("“{name}” is not a plan file the kit can read; choose a .docx, .txt, .md "
                                            "or .json file.", name=name))
            return False
        if len(content) > IMPORT_LIMIT:
            self.extra.value = error_html(t("“{name}” is too large for a plan ({size} MB); choose the plan itself.",
                                            name=name, size=round(len(content) / 1e6, 1)))
            return False
        unplaced: list[str] = []
        try:
            if suffix == ".json":
                data = json.loads(content.decode("utf-8-sig"))
                problems = validate(data)
                if problems:
                    self.extra.value = error_html(t("“{name}” is not a plan saved by the kit: {problem}",
                                                    name=name, problem=problems[0].message))
                    return False
                plan = Plan.from_dict(data)
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / f"ke-hoach{suffix}"
                    path.write_bytes(content)
                    plan, unplaced = import_file(path)
        except TextError as err:
            from ..text.messages import describe_error

            err.params["path"] = name  # not the temporary copy
            self.extra.value = error_html(describe_error(err, name))
            return False
        except Exception:  # noqa: BLE001 - a damaged .docx raises many kinds of error
            log_exception("plan import of %s failed", name)
            self.extra.value = error_html(t("“{name}” could not be read as a plan; check that it opens in Word or a "
                                            "text editor.", name=name))
            return False
        if not any(v for k, v in plan.to_dict().items() if k not in ("schema_version", "title", "notes")) \
                and not any(str(n).strip() for n in plan.notes):
            self.extra.value = error_html(t("“{name}” has no plan in it (the file is empty); nothing was changed.",
                                            name=name))
            return False
        if any(self.values().get(k) for k in ("summary", "objectives", "activities")):
            Draft(f"{self.key}.plan.truoc-khi-nhap").save(self.plan.to_json())  # never lose the trainee's plan
        self.fill(plan)
        self.draft.save(self.plan.to_json())
        found = t("Imported “{name}”: {n} activities, {m} objectives, {k} budget lines.", name=name,
                  n=len(plan.activities), m=len(plan.objectives), k=len(plan.budget))
        more = (" " + t("{n} passages could not be placed: they are in step 7, under notes.", n=len(unplaced))
                if unplaced else "")
        self.extra.value = CSS + '<div class="kit-box"><p class="kit-ok">' + esc(found + more) + "</p></div>"
        return True

    # -- export and submit ---------------------------------------------------------------------
    def export(self, fmt: str) -> Path | None:
        """Write the plan in ``fmt``, keep a copy in the exports folder, offer it as a download."""
        from .. import paths
        from ..export.plan import ExportError, export_plan
        from ..storage import atomic_write_bytes, safe_name

        self.save_now()
        if fmt == "pdf":
            self.downloads.value = '<span class="kit-muted">' + esc(_("Making the PDF (a few seconds)…")) + "</span>"
        try:
            data, suffix, mime = export_plan(self.plan, fmt)
        except ExportError as err:
            self.downloads.value = error_html(err.message)
            return None
        stem = safe_name(self.plan.summary or self.plan.title or "ke-hoach", "ke-hoach")[:60]
        name = f"ke-hoach-{stem}{suffix}" if not stem.startswith("ke-hoach") else f"{stem}{suffix}"
        target = paths.exports_dir() / name
        atomic_write_bytes(target, data)
        href = f"data:{mime.split(';')[0]};base64,{base64.b64encode(data).decode('ascii')}"
        self.downloads.value = (CSS + '<div class="kit-box"><a class="kit-download" download="' + esc(name) + '" href="'
                                + href + '">⬇ ' + esc(t("Save {name}", name=name)) + '</a><p class="kit-muted">'
                                + esc(t("A copy is also saved in {folder}.", folder=str(paths.exports_dir())))
                                + "</p></div>")
        return target

    def submit(self) -> Path | None:
        self.save_now()
        try:
            path = submissions.submit(plan_to_text(self.plan), exercise=self.exercise, name=self.name.value,
                                      kind="campaign_plan", extra={"plan": self.plan.to_dict()})
        except submissions.SubmissionError as err:
            self.extra.value = error_html(err.message)
            return None
        submissions.remember_name(self.name.value)
        self.extra.value = CSS + '<div class="kit-box"><p class="kit-ok">' + esc(
            t("Submitted: {points} points. Saved as {file}.", points=num(self.report.total), file=path.name)) + "</p></div>"
        return path


def plan_builder(key: str = "ke-hoach-cua-toi", **kwargs) -> PlanBuilder:
    return PlanBuilder(key, **kwargs)
