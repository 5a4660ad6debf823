"""The welcome page's widget: paste any text, see it cleaned and its longest sentence."""

from __future__ import annotations

import time

import ipywidgets as W

from ..i18n import _, t
from ..storage import Draft
from ..views.html import esc
from ..views.styles import CSS
from ..views.text_summary import text_summary_html
from .base import Debouncer, error_html, guarded

# A sentence from an old .VnTime document, pasted without its font: the demo input.
SAMPLE_GARBLED = (
    "Së Gi¸o dôc vµ §µo t¹o th«ng b¸o: n¨m häc míi b¾t ®Çu tõ ngµy 5/9/2026. "
    "Tr\xadêng häc cÇn chuÈn bÞ ®ñ s¸ch gi¸o khoa, bµn ghÕ vµ n\xadíc s¹ch cho häc sinh "
    "tr\xadíc ngµy khai gi¶ng."
)


class TextCleaner(W.VBox):
    """Textarea → cleaned text, counts and longest sentence; autosaved as the trainee types."""

    def __init__(self, key: str = "chao-mung", delay: float = 0.7) -> None:
        self.draft = Draft(key)
        self.textarea = W.Textarea(
            value=self.draft.load(),
            placeholder=_("Paste or type any Vietnamese text here, e.g. a paragraph from an old document…"),
            layout=W.Layout(width="100%", height="170px"),
            continuous_update=True,
        )
        self.textarea.add_class("kit-input")
        self.run_button = W.Button(description=_("Clean and analyse"), button_style="primary", icon="magic",
                                   layout=W.Layout(width="auto"))
        self.sample_button = W.Button(description=_("Try a garbled sample"), icon="font", layout=W.Layout(width="auto"))
        self.clear_button = W.Button(description=_("Clear"), icon="eraser", layout=W.Layout(width="auto"))
        self.use_button = W.Button(description=_("Put the fixed text in the box"), icon="check",
                                   layout=W.Layout(width="auto"),
                                   tooltip=_("Replace what you pasted by the cleaned Unicode text, ready to copy"))
        self.status = W.HTML()
        self.result = W.HTML()
        self.result.add_class("kit-result")
        self._debounce = Debouncer(self._on_pause, delay)
        guard = guarded(self._show_error)
        self.textarea.observe(guard(self._on_typing), names="value")
        self.run_button.on_click(guard(lambda _b: self.analyse()))
        self.sample_button.on_click(guard(lambda _b: self._load_sample()))
        self.clear_button.on_click(guard(lambda _b: self._clear()))
        self.use_button.on_click(guard(lambda _b: self._use_cleaned()))
        super().__init__([
            W.HTML(CSS + "<b>" + esc(_("Your text")) + "</b>"),
            self.textarea,
            W.HBox([self.run_button, self.use_button, self.sample_button, self.clear_button]),
            self.status,
            self.result,
        ])
        self.add_class("kit-text-cleaner")
        if self.textarea.value:
            self.status.value = '<span class="kit-muted">' + esc(_("Your last text was restored.")) + "</span>"
            guard(self.analyse)()

    def _show_error(self, line: str) -> None:
        self.result.value = error_html(line)

    def _on_typing(self, change) -> None:
        # Never write back into the textarea here: that would reset the cursor of
        # Vietnamese input methods (Unikey, EVKey) in the middle of a word.
        self._debounce.poke()

    def _on_pause(self) -> None:
        guarded(self._show_error)(self._save_and_analyse)()

    def _save_and_analyse(self) -> None:
        self.draft.save(self.textarea.value)
        self.status.value = '<span class="kit-muted">' + esc(
            t("Saved automatically at {time}.", time=time.strftime("%H:%M:%S"))) + "</span>"
        self.analyse()

    def analyse(self) -> None:
        from ..text import analyse, clean_text

        cleaned = clean_text(self.textarea.value)
        self.result.value = text_summary_html(cleaned, analyse(cleaned.text))

    def flush(self) -> None:
        """Run the pending save-and-analyse now (tests; leaving the page)."""
        self._debounce.flush()

    def _load_sample(self) -> None:
        self.textarea.value = SAMPLE_GARBLED
        self.flush()
        self._save_and_analyse()

    def _use_cleaned(self) -> None:
        # A button press, not typing: writing into the box cannot disturb an input method here.
        from ..text import clean_text

        self.textarea.value = clean_text(self.textarea.value).text
        self.flush()
        self._save_and_analyse()

    def _clear(self) -> None:
        self.textarea.value = ""
        self.flush()
        self._save_and_analyse()


def text_cleaner(key: str = "chao-mung") -> TextCleaner:
    return TextCleaner(key)
