"""The scoring widget: write or paste a draft, see its score explained as you type.

Thin: scoring is ``kit.scoring.score``, the report's HTML is ``kit.views.report_view``,
the chart ``kit.views.charts``, autosave ``kit.storage.Draft``, submissions
``kit.submissions``. Nothing here writes into the text area while the trainee types.
"""

from __future__ import annotations

import time

import ipywidgets as W

from .. import submissions
from ..i18n import _, num, t
from ..storage import Draft
from ..views.charts import criteria_chart
from ..views.html import esc
from ..views.report_view import report_html
from ..views.styles import CSS
from .base import Debouncer, error_html, guarded


class DraftScorer(W.VBox):
    """A text area scored live with the rubric of ``kind``.

    ``key`` names the autosave file; ``starter`` fills an empty draft (e.g. the weak
    example a lesson asks to rewrite); ``target`` is the exercise's target score;
    ``exercise`` is the id used when submitting; ``model`` is a model answer that
    self-learners may compare with.
    """

    def __init__(self, kind: str, key: str, *, starter: str = "", target: float | None = None,
                 exercise: str | None = None, model: str | None = None, rows: int = 16, delay: float = 0.8) -> None:
        self.kind = kind
        self.target = target
        self.exercise = exercise or key
        self.model = model
        self.draft = Draft(key)
        self.report = None
        saved = self.draft.load()
        self.textarea = W.Textarea(value=saved or starter, layout=W.Layout(width="100%", height=f"{rows * 22}px"),
                                   placeholder=_("Type or paste your draft here. The score updates when you pause."),
                                   continuous_update=True)
        self.textarea.add_class("kit-input")
        self.score_button = W.Button(description=_("Score now"), button_style="primary", icon="check")
        self.submit_button = W.Button(description=_("Submit"), icon="paper-plane")
        self.save_button = W.Button(description=_("Save"), icon="save")
        self.export_button = W.Button(description=_("Download (Word, Markdown)"), icon="download",
                                      layout=W.Layout(width="auto", display="" if kind == "press_release" else "none"))
        self.downloads = W.HTML()
        self.compare_button = W.Button(description=_("Compare with the model answer"), icon="columns",
                                       layout=W.Layout(display="" if model else "none", width="auto"))
        self.name = W.Text(value=submissions.remembered_name() or "", placeholder=_("Your full name"),
                           layout=W.Layout(width="260px"))
        self.focus = W.Dropdown(options=[(_("All criteria"), "")], value="", description=_("Highlight:"),
                                layout=W.Layout(width="auto"), style={"description_width": "initial"})
        self.status = W.HTML()
        self.result = W.HTML()
        self.result.add_class("kit-result")
        self.chart = W.Image(format="png", layout=W.Layout(max_width="560px"))
        self.extra = W.HTML()
        self._debounce = Debouncer(self._on_pause, delay)
        guard = guarded(self._show_error)
        self.textarea.observe(guard(lambda _c: self._debounce.poke()), names="value")
        self._focus_chosen = False
        self._setting_focus = False
        self.focus.observe(guard(self._on_focus), names="value")
        self.score_button.on_click(guard(lambda _b: self._save_and_score()))
        self.save_button.on_click(guard(lambda _b: self._save_and_score()))
        self.submit_button.on_click(guard(lambda _b: self.submit()))
        self.compare_button.on_click(guard(lambda _b: self.compare()))
        self.export_button.on_click(guard(lambda _b: self.export()))
        super().__init__([
            W.HTML(CSS),
            self.textarea,
            W.HBox([self.score_button, self.save_button, self.export_button, self.compare_button]),
            self.downloads,
            self.status,
            self.focus,
            self.result,
            self.chart,
            W.HBox([W.HTML("<b>" + esc(_("Hand in:")) + "</b>&nbsp;"), self.name, self.submit_button]),
            self.extra,
        ])
        self.add_class("kit-draft-scorer")
        if saved:
            self.status.value = '<span class="kit-muted">' + esc(_("Your last draft was restored.")) + "</span>"
        guard(self.rescore)()

    # -- scoring -------------------------------------------------------------------------
    def _show_error(self, line: str) -> None:
        self.extra.value = error_html(line)

    def _on_pause(self) -> None:
        guarded(self._show_error)(self._save_and_score)()

    def _save_and_score(self) -> None:
        self.draft.save(self.textarea.value)
        self.status.value = '<span class="kit-muted">' + esc(
            t("Saved automatically at {time}.", time=time.strftime("%H:%M:%S"))) + "</span>"
        self.rescore()

    def rescore(self) -> None:
        from ..scoring import score

        self.report = score(self.textarea.value, self.kind)
        options = [(_("All criteria"), "")] + [(c.label, c.id) for c in self.report.criteria if c.spans]
        keep = self.focus.value if self._focus_chosen and any(v == self.focus.value for _l, v in options) else None
        if keep is None:  # show the first criterion that has something to fix
            keep = next((c.id for c in self.report.criteria if c.spans and c.score < c.max), "")
        self._setting_focus = True
        try:
            self.focus.options = options
            self.focus.value = keep
        finally:
            self._setting_focus = False
        self._render()

    def _on_focus(self, _change) -> None:
        if not self._setting_focus:
            self._focus_chosen = True
            self._render()

    def _render(self) -> None:
        if self.report is None:
            return
        self.result.value = report_html(self.report, target=self.target, focus=self.focus.value or None)
        self.chart.value = criteria_chart(self.report) if self.textarea.value.strip() else b""
        self.chart.layout.display = "" if self.textarea.value.strip() else "none"

    def flush(self) -> None:
        """Run a pending save-and-score now (tests; before submitting)."""
        self._debounce.flush()

    # -- actions -------------------------------------------------------------------------
    def submit(self):
        self.flush()
        self.draft.save(self.textarea.value)
        try:
            path = submissions.submit(self.textarea.value, exercise=self.exercise, name=self.name.value, kind=self.kind)
        except submissions.SubmissionError as err:
            self.extra.value = error_html(err.message)
            return None
        submissions.remember_name(self.name.value)
        self.rescore()
        self.extra.value = CSS + '<div class="kit-box"><p class="kit-ok">' + esc(
            t("Submitted: {points} points. Saved as {file}.", points=num(self.report.total), file=path.name)) + "</p></div>"
        return path

    def export(self) -> list:
        """Build the .docx and .md, keep a copy in the exports folder, offer both as downloads."""
        import base64

        from .. import paths
        from ..export import export_press_release, suggested_filename
        from ..storage import atomic_write_bytes

        self.flush()
        self.rescore()
        links, saved = [], []
        for fmt, label in (("docx", _("Word file (.docx)")), ("md", _("Markdown file (.md)"))):
            data, _suffix, mime = export_press_release(self.textarea.value, fmt, report=self.report)
            name = suggested_filename(self.textarea.value, fmt)
            target = paths.exports_dir() / name
            atomic_write_bytes(target, data)
            saved.append(target)
            href = f"data:{mime.split(';')[0]};base64,{base64.b64encode(data).decode('ascii')}"
            links.append(f'<a class="kit-download" download="{esc(name)}" href="{href}">⬇ {esc(label)}</a>')
        self.downloads.value = (CSS + '<div class="kit-box">' + " &nbsp; ".join(links) + '<p class="kit-muted">'
                                + esc(t("A copy is also saved in {folder}.", folder=str(paths.exports_dir()))) + "</p></div>")
        return saved

    def compare(self) -> None:
        if not self.model:
            return
        from ..scoring import score

        mine = self.report or score(self.textarea.value, self.kind)
        model = score(self.model, self.kind)
        rows = "".join(
            f"<tr><td>{esc(a.label)}</td><td>{a.score:g}/{a.max:g}</td><td>{b.score:g}/{b.max:g}</td></tr>"
            for a, b in zip(mine.criteria, model.criteria))
        self.extra.value = (CSS + '<div class="kit-box"><h4>' + esc(_("Your draft and the model answer")) + "</h4>"
                            + '<table class="kit-compare"><tr><th></th><th>' + esc(_("Yours")) + "</th><th>"
                            + esc(_("The model")) + f"</th></tr>{rows}<tr><td><b>" + esc(_("Total points")) + "</b></td>"
                            + f"<td><b>{mine.total:g}</b></td><td><b>{model.total:g}</b></td></tr></table>"
                            + '<h4>' + esc(_("Model answer")) + '</h4><div class="kit-preview">' + esc(self.model)
                            + "</div></div>")


def draft_scorer(kind: str, key: str, **kwargs) -> DraftScorer:
    return DraftScorer(kind, key, **kwargs)
