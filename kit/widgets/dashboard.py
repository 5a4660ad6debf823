"""The trainer's dashboard and the learner's progress: thin wiring of :mod:`kit.collect`.

The dashboard shows what ``python -m kit collect`` writes (same charts and tables), reads
the submissions folder again on "Refresh" or every few seconds when auto-refresh is on
(only new or changed files are parsed, and nothing is redrawn when nothing changed), and
can hide names for the projector.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import ipywidgets as W

from .. import paths
from ..i18n import _, t
from ..views.html import esc
from ..views.styles import CSS
from .base import error_html, guarded

AUTO_SECONDS = 10.0
# An HTML widget is a flex item that grows to its widest content (a 1280 px chart): let it
# shrink to the notebook's width instead, so the charts scale down.
FIT_CSS = ("<style>.kit-dashboard .widget-html-content,.kit-learner-progress .widget-html-content"
           "{min-width:0;width:100%}.kit-dashboard .kit-room{padding:8px 4px 24px}</style>")


def _folder_default() -> str:
    try:
        return str(paths.submissions_dir())
    except OSError:
        return ""


class Dashboard(W.VBox):
    """Folder, Refresh, auto-refresh and anonymise toggles, Save report; then the room's results."""

    def __init__(self, folder: str | None = None, interval: float = AUTO_SECONDS) -> None:
        self.interval = interval
        self.folder = W.Text(value=str(folder) if folder else _folder_default(),
                             description=_("Submissions folder:"), style={"description_width": "initial"},
                             layout=W.Layout(width="70%"))
        self.refresh_button = W.Button(description=_("Refresh"), icon="refresh", button_style="primary",
                                       layout=W.Layout(width="auto"))
        self.auto = W.ToggleButton(value=False, description=t("Auto-refresh every {n} s", n=int(interval)),
                                   icon="clock-o", layout=W.Layout(width="auto"))
        self.anonymise = W.ToggleButton(value=False, description=_("Hide names (projector)"), icon="user-secret",
                                        layout=W.Layout(width="auto"))
        self.save_button = W.Button(description=_("Save the report"), icon="download", layout=W.Layout(width="auto"))
        self.status = W.HTML()
        self.view = W.HTML()
        self.summary: dict | None = None
        self.charts: dict[str, bytes] = {}
        self._reader = None
        self._shown: tuple | None = None  # (folder, signature, anonymise) on screen
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        guard = guarded(self._show_error)
        self.refresh_button.on_click(guard(lambda _b: self.refresh(force=True)))
        self.save_button.on_click(guard(lambda _b: self.save()))
        self.anonymise.observe(guard(lambda _c: self.refresh(force=True)), names="value")
        self.auto.observe(guard(self._on_auto), names="value")
        self.view.layout = W.Layout(width="100%")
        super().__init__([
            W.HTML(CSS + FIT_CSS),
            W.HBox([self.folder, self.refresh_button]),
            W.HBox([self.auto, self.anonymise, self.save_button]),
            self.status,
            self.view,
        ])
        self.add_class("kit-dashboard")
        guard(self.refresh)()

    def _show_error(self, line: str) -> None:
        self.status.value = error_html(line)

    def _reader_for(self, folder: str):
        from ..collect import FolderReader

        if self._reader is None or str(self._reader.folder) != folder:
            self._reader = FolderReader(folder)
        return self._reader

    def refresh(self, force: bool = False) -> bool:
        """Read the folder; redraw if something changed (or ``force``). Returns whether it redrew."""
        from ..collect import build
        from ..collect.report import ROOM_CSS, body_html
        from ..submissions import SubmissionError

        with self._lock:
            folder = self.folder.value.strip()
            reader = self._reader_for(folder)
            try:
                state = (folder, reader.signature(), self.anonymise.value)
                if not force and state == self._shown:
                    return False
                collection = reader.read()
            except (SubmissionError, OSError):
                self.status.value = error_html(t("The folder “{folder}” does not exist or cannot be opened.",
                                                 folder=folder))
                return False
            self.summary, self.charts = build(collection, anonymise=self.anonymise.value)
            self.view.value = f"<style>{ROOM_CSS}</style>" + body_html(self.summary, self.charts)
            self._shown = state
            c = self.summary["counts"]
            self.status.value = '<span class="kit-muted">' + esc(t(
                "Updated at {time}: {submissions} submissions from {trainees} trainees.", time=time.strftime("%H:%M:%S"),
                submissions=c["submissions"], trainees=c["trainees"])) + "</span>"
            return True

    def save(self) -> Path | None:
        """Write the report shown (index.html, summary.json, PNGs) into the exports folder."""
        from ..collect.report import write_report

        if self.summary is None:
            return None
        target = paths.exports_dir() / "ket-qua-lop"
        index = write_report(self.summary, self.charts, target)
        self.status.value = '<span class="kit-ok">✓ ' + esc(t("Report saved: {path}", path=index)) + "</span>"
        return index

    # Auto-refresh: a timer thread (ipykernel sends widget updates from any thread).
    def _on_auto(self, change) -> None:
        if change["new"]:
            self._schedule()
        else:
            self.stop()

    def _schedule(self) -> None:
        self._timer = threading.Timer(self.interval, self._tick)
        self._timer.daemon = True
        self._timer.start()

    def _tick(self) -> None:
        if not self.auto.value:
            return
        guarded(self._show_error)(self.refresh)()
        if self.auto.value:
            self._schedule()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class LearnerProgress(W.VBox):
    """A learner's own progress: their name, a Refresh button, the progress page."""

    def __init__(self, folder: str | None = None) -> None:
        from ..submissions import remembered_name

        self.folder = str(folder) if folder else None
        self.name = W.Text(value=remembered_name() or "", description=_("Your full name:"),
                           placeholder=_("e.g. Nguyễn Thị Lan"), style={"description_width": "initial"},
                           layout=W.Layout(width="60%"))
        self.refresh_button = W.Button(description=_("Show my progress"), icon="line-chart", button_style="primary",
                                       layout=W.Layout(width="auto"))
        self.view = W.HTML()
        guard = guarded(self._show_error)
        self.refresh_button.on_click(guard(lambda _b: self.refresh()))
        self.view.layout = W.Layout(width="100%")
        super().__init__([W.HTML(CSS + FIT_CSS), W.HBox([self.name, self.refresh_button]), self.view])
        self.add_class("kit-learner-progress")
        if self.name.value:
            guard(self.refresh)()
        else:
            self.view.value = CSS + '<div class="kit-box"><p class="kit-muted">' + esc(
                _("Type the name you use when submitting, then press “Show my progress”.")) + "</p></div>"

    def _show_error(self, line: str) -> None:
        self.view.value = error_html(line)

    def refresh(self) -> None:
        from ..collect.progress import PROGRESS_CSS, ProgressError, body_html, learner_progress
        from ..submissions import SubmissionError

        try:
            folder = self.folder or str(paths.submissions_dir())
            progress = learner_progress(folder, self.name.value or None)
        except (SubmissionError, ProgressError) as err:
            self.view.value = error_html(err.message if not isinstance(err, ProgressError) else
                                         _("Type the name you use when submitting, then press “Show my progress”."))
            return
        self.view.value = f"<style>{PROGRESS_CSS}</style>" + body_html(progress)


def dashboard(folder: str | None = None) -> Dashboard:
    return Dashboard(folder)


def learner_progress(folder: str | None = None) -> LearnerProgress:
    return LearnerProgress(folder)
