"""What the welcome page's text cleaner shows: counts, what was fixed, the longest sentence."""

from __future__ import annotations

from ..i18n import _, t
from ..text.messages import describe
from .html import esc, highlight
from .styles import CSS


def text_summary_html(cleaned, doc) -> str:
    """HTML for a cleaned text (``kit.text.Cleaned``) and its analysis (``kit.text.Document``)."""
    if not cleaned.text.strip():
        return CSS + '<div class="kit-box"><p class="kit-warn">' + esc(
            _("The box is empty. Paste or type some text, then press “Clean and analyse”.")) + "</p></div>"
    sentences = doc.sentences
    longest = max(sentences, key=lambda s: s.syllables, default=None)
    stats = [
        t("<b>{n}</b> sentences", n=len(sentences)),
        t("<b>{n}</b> syllables (tiếng)", n=doc.syllables),
        t("<b>{n}</b> paragraphs", n=len(doc.paragraphs)),
    ]
    parts = [CSS, '<div class="kit-box">', '<div class="kit-stats">']
    parts += [f'<span class="kit-stat">{s}</span>' for s in stats]
    parts.append("</div>")
    fixes = [describe(n) for n in cleaned.notes if n.code not in ("newlines_unified",)]
    if fixes:
        parts.append("<h4>" + esc(_("What the kit fixed or noticed")) + '</h4><ul class="kit-notes">')
        parts += [f"<li>{esc(line)}</li>" for line in fixes]
        parts.append("</ul>")
    else:
        parts.append('<p class="kit-ok">' + esc(_("The text is clean Unicode: nothing needed fixing.")) + "</p>")
    spans: list[tuple[int, int]] = []
    if longest is not None:
        number = sentences.index(longest) + 1
        spans = [(longest.start, longest.end)]
        advice = _("Over 25 syllables is hard to read: try splitting it.") if longest.syllables > 25 else _(
            "That is an easy length to read.")
        parts.append("<h4>" + esc(t("The longest sentence is sentence {number}, with {n} syllables (highlighted in yellow).",
                                     number=number, n=longest.syllables)) + "</h4>")
        parts.append('<p class="kit-muted">' + esc(advice) + "</p>")
    parts.append('<div class="kit-preview">' + highlight(cleaned.text, spans, titles=[_("Longest sentence")]) + "</div>")
    parts.append("</div>")
    return "".join(parts)
