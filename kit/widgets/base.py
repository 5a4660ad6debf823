"""What every widget shares: friendly error lines, a debouncer for typing, logging.

Callbacks never let an exception reach the trainee: they log the traceback to the
kit's log file and show one Vietnamese line instead.
"""

from __future__ import annotations

import functools
import logging
import threading
from typing import Callable

from .. import paths
from ..i18n import _, t
from ..views.html import esc
from ..views.styles import CSS

_log = logging.getLogger("kit.widgets")


def _ensure_log_handler() -> None:
    """Log to the current KIT_HOME's log file (it may change between notebooks and tests)."""
    import os

    target = os.path.abspath(paths.log_file())
    for h in list(_log.handlers):
        if getattr(h, "_kit", False):
            if getattr(h, "baseFilename", None) == target:
                return
            _log.removeHandler(h)
            h.close()
    try:
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return
    handler._kit = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)


def error_html(message: str) -> str:
    return CSS + f'<div class="kit-box"><p class="kit-error">{esc(message)}</p></div>'


def friendly_error_line() -> str:
    return t("Sorry, something went wrong. Your text is safe; try again. (Details for the trainer: {log})",
             log=paths.log_file())


def log_exception(message: str, *args) -> None:
    """Log the exception being handled (with its traceback) to the kit's log file."""
    _ensure_log_handler()
    _log.exception(message, *args)


def guarded(show_error: Callable[[str], None]) -> Callable:
    """Decorator: run the callback; on any error log it and call ``show_error(line)``."""

    def wrap(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception:  # noqa: BLE001 - a trainee never sees a traceback
                log_exception("widget callback %s failed", getattr(fn, "__name__", fn))
                try:
                    show_error(friendly_error_line())
                except Exception:  # noqa: BLE001
                    pass
                return None

        return inner

    return wrap


class Debouncer:
    """Call ``fn`` once typing has paused for ``delay`` seconds.

    Runs on a timer thread (ipykernel sends widget updates from any thread); ``flush``
    runs a pending call at once, which tests use instead of sleeping.
    """

    def __init__(self, fn: Callable[[], None], delay: float = 0.7) -> None:
        self.fn = fn
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def poke(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self._timer = None
        self.fn()

    def flush(self) -> bool:
        """Run the pending call now; True when there was one."""
        with self._lock:
            pending = self._timer is not None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if pending:
            self.fn()
        return pending


def label_text(msgid: str) -> str:
    """A translated widget label (kept as a function so labels are extracted for translation)."""
    return _(msgid)


def ready_banner() -> str:
    """The line a workbook's first hidden cell shows, so trainees know the kit is running."""
    from .. import __version__

    return CSS + ('<div class="kit-box"><p class="kit-ok">✓ ' + esc(_("The kit is ready. Your files are saved in:"))
                  + f" <code>{esc(str(paths.home()))}</code></p>"
                  + '<p class="kit-muted">' + esc(t("Kit version {version}", version=__version__)) + "</p></div>")
