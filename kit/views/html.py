"""Escaping and highlighting of trainee text for HTML output."""

from __future__ import annotations

import html
from typing import Iterable, Sequence

# A draft that is a 1 MB paste is shown cut, so the browser stays responsive.
PREVIEW_LIMIT = 20_000


def esc(text: str) -> str:
    """Escape text for HTML content and attributes (quotes too)."""
    return html.escape(text, quote=True)


def highlight(text: str, spans: Iterable[Sequence[int]], css_class: str = "kit-mark",
              limit: int = PREVIEW_LIMIT, titles: Sequence[str] | None = None) -> str:
    """``text`` as escaped HTML with each ``(start, end)`` span wrapped in ``<mark>``.

    Overlapping spans are merged; spans outside the text are clipped. Line breaks are
    kept by the caller's ``white-space: pre-wrap``. Text past ``limit`` is cut with an ellipsis.
    """
    shown = text[:limit]
    merged: list[list[int]] = []
    for i, span in enumerate(sorted((max(0, s), min(len(shown), e), k) for k, (s, e) in enumerate(spans))):
        s, e, k = span
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, k])
    out: list[str] = []
    pos = 0
    for s, e, k in merged:
        out.append(esc(shown[pos:s]))
        title = f' title="{esc(titles[k])}"' if titles and k < len(titles) else ""
        out.append(f'<mark class="{esc(css_class)}"{title}>{esc(shown[s:e])}</mark>')
        pos = e
    out.append(esc(shown[pos:]))
    if len(text) > limit:
        out.append(" …")
    return "".join(out)
