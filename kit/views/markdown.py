"""Kit-authored Markdown (exercise briefs, fact sheets) to HTML.

Only text written by the kit's authors goes through here; trainee text never does (it is
escaped with :func:`kit.views.html.esc`). Raw HTML in the source is escaped all the same.
"""

from __future__ import annotations

from .styles import CSS


def markdown_html(source: str) -> str:
    import mistune  # nbconvert's own Markdown renderer, already installed with it

    md = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
    return CSS + '<div class="kit-box kit-brief">' + md(source) + "</div>"
