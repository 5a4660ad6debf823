"""Markdown for exports: escaping trainee text, finding and rendering Jinja2 templates.

The templates live in the repository's ``templates/`` folder (``templates/press_release.md.j2``).
:func:`render` looks for them there (or in ``KIT_TEMPLATES``, or inside the installed
``kit`` package once they are packaged), and falls back to a copy of the template kept in
the code, so an export never fails because a file is missing.

Autoescaping is off (this is Markdown, not HTML); trainee text goes through the filters
below instead:

- ``md_text``: the release as written, made inert: ``<`` becomes ``&lt;`` (no HTML or
  ``<script>`` survives a Markdown renderer), and a line that a renderer would swallow
  (``###`` alone is an empty heading, ``---`` a rule or a heading underline) gets a
  backslash so it prints as written.
- ``md_cell``: one table cell: also ``|`` escaped and line breaks folded into spaces.
- ``md_emph``: text inside ``*…*``: also ``*`` escaped.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

# A whole line made only of the characters of a heading, rule or setext underline
# ("###", "---", "***", "===", "___"), possibly spaced: a renderer would not print it.
_SWALLOWED_LINE = re.compile(r"^([ \t]{0,3})([#*=_\-][ \t#*=_\-]*)$")
_LEADING_HASHES = re.compile(r"^([ \t]{0,3})(#{1,6})(?=[ \t]*$)")


def md_text(text: str) -> str:
    """Trainee text for a Markdown paragraph: kept as written, but inert."""
    text = "" if text is None else str(text)
    text = text.replace("<", "&lt;")
    lines = []
    for line in text.split("\n"):
        m = _SWALLOWED_LINE.match(line)
        if m:
            line = m.group(1) + "\\" + m.group(2)
        lines.append(line)
    return "\n".join(lines)


def md_cell(text: str) -> str:
    """Trainee (or message) text for one cell of a Markdown table."""
    text = "" if text is None else str(text)
    text = " ".join(text.split())  # a line break would end the row
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return text


def md_emph(text: str) -> str:
    """Text to put between ``*`` and ``*`` (the dateline)."""
    return md_text(" ".join(("" if text is None else str(text)).split())).replace("*", "\\*")


# --------------------------------------------------------------------------- templates

# Kept identical to templates/press_release.md.j2 (a test checks it): used when the file is missing.
INLINE_TEMPLATES = {
    "press_release.md.j2": """\
{#- A press release as Markdown, then its score report.
    Context (kit/export/press_release.py, to_markdown): blocks (role, text, dateline,
    label, cue, lines), report (total, band, rows: label, points, advice; warnings; note)
    or None, labels. Trainee text always goes through md_text, md_cell or md_emph.
    Blank lines in a row are collapsed afterwards. -#}
{% for b in blocks %}
{%- if b.role == "headline" %}
# {{ b.text | md_text }}
{% elif b.role == "kicker" or b.role == "subheading" %}
**{{ b.text | md_emph }}**
{% elif b.role == "dateline" or b.role == "caption" or b.role == "empty" %}
*{{ b.text | md_emph }}*
{% elif b.role == "contact" %}
---
{% if b.label %}
> **{{ b.label | md_emph }}**  
{%- endif %}
{% for line in b.lines %}
> {% if loop.first and b.cue %}**{{ b.cue | md_emph }}**{% if line %} {% endif %}{% endif %}{{ line | md_text }}{% if not loop.last %}  {% endif %}
{%- endfor %}
{% else %}
{% if b.dateline %}*{{ b.dateline | md_emph }}* {% endif %}{{ b.text | md_text }}
{% endif %}
{% endfor %}
{%- if report %}
---

## {{ labels.report }}

**{{ labels.total }}** — {{ report.band | md_text }}

| {{ labels.criterion }} | {{ labels.points }} | {{ labels.advice }} |
|---|:---:|---|
{% for r in report.rows -%}
| {{ r.label | md_cell }} | {{ r.points }} | {{ r.advice | md_cell }} |
{% endfor %}
{% if report.warnings %}
### {{ labels.warnings }}

{% for w in report.warnings -%}
- {{ w | md_cell }}
{% endfor %}
{% endif %}
*{{ report.note | md_emph }}*
{% endif %}
""",
}


def _repo_root() -> Path:
    return Path(__file__).resolve().parent.parent.parent


def template_dirs() -> list[Path]:
    """Where templates are looked for, first match wins: ``KIT_TEMPLATES``, the
    repository's ``templates/`` (a checkout or an editable install), ``kit/templates``
    (for when they are packaged)."""
    dirs = []
    env = os.environ.get("KIT_TEMPLATES")
    if env:
        dirs.append(Path(env))
    dirs.append(_repo_root() / "templates")
    dirs.append(Path(__file__).resolve().parent.parent / "templates")
    return dirs


def find_template(name: str) -> Path | None:
    for d in template_dirs():
        path = d / name
        try:
            if path.is_file():
                return path
        except OSError:
            continue
    return None


@lru_cache(maxsize=None)
def _environment(loader_dirs: tuple[str, ...]):
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(list(loader_dirs)), DictLoader(INLINE_TEMPLATES)]),
        autoescape=False,  # Markdown: trainee text is escaped by the filters instead
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(md_text=md_text, md_cell=md_cell, md_emph=md_emph)
    return env


def environment(*, inline: bool = False):
    """The Jinja2 environment (``inline=True``: only the templates kept in the code)."""
    dirs = () if inline else tuple(str(d) for d in template_dirs() if d.is_dir())
    return _environment(dirs)


def render(name: str, *, inline: bool = False, **context) -> str:
    """Render template ``name``; a broken template file falls back to the inline copy."""
    try:
        out = environment(inline=inline).get_template(name).render(**context)
    except Exception:
        if inline or name not in INLINE_TEMPLATES:
            raise
        out = environment(inline=True).get_template(name).render(**context)
    return tidy(out)


def tidy(markdown: str) -> str:
    """At most one blank line in a row, one final newline."""
    markdown = re.sub(r"\n{3,}", "\n\n", markdown.strip("\n"))
    return markdown + "\n"
