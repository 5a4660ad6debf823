"""The scoring widget: write or paste a draft, see its score explained as you type.

Thin: scoring is ``kit.scoring.score``, the report's HTML is ``kit.views.report_view``,
the chart ``kit.views.charts``, autosave ``kit.storage.Draft``, submissions
``kit.submissions``. Nothing here writes into the text area while the trainee types.
"""

from __future__ import annotations

import time

import ipywidgets as W

from .. import submissions
from ..i18n import _, t
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
        self.compare_button = W.Button(description=_("Compare with the model answer"), icon="columns",
                                       layout=W.Layout(display="" if model else "none", width="auto"))
        self.name = W.Text(value=submissions.remembered_name() or "", placeholder=_("Your full name"),
                           layout=W.Layout(width="260px"))
        self.status = W.HTML()
        self.result = W.HTML()
        self.result.add_class("kit-result")
        self.chart = W.Image(format="png", layout=W.Layout(max_width="560px"))
        self.extra = W.HTML()
        self._debounce = Debouncer(self._on_pause, delay)
        guard = guarded(self._show_error)
        self.textarea.observe(guard(lambda _c: self._debounce.poke()), names="value")
        self.score_button.on_click(guard(lambda _b: self._save_and_score()))
        self.submit_button.on_click(guard(lambda _b: self.submit()))
        self.compare_button.on_click(guard(lambda _b: self.compare()))
        super().__init__([
            W.HTML(CSS),
            self.textarea,
            W.HBox([self.score_button, self.compare_button]),
            self.status,
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
        self.result.value = report_html(self.report, target=self.target)
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
            t("Submitted: {points} points. Saved as {file}.", points=format(self.report.total, "g"), file=path.name)) + "</p></div>"
        return path

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
                            + esc(_("Model")) + f"</th></tr>{rows}<tr><td><b>" + esc(_("Total")) + "</b></td>"
                            + f"<td><b>{mine.total:g}</b></td><td><b>{model.total:g}</b></td></tr></table>"
                            + '<h4>' + esc(_("Model answer")) + '</h4><div class="kit-preview">' + esc(self.model)
                            + "</div></div>")


def draft_scorer(kind: str, key: str, **kwargs) -> DraftScorer:
    return DraftScorer(kind, key, **kwargs)
