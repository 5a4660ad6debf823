"""Build one reveal.js deck per lesson with nbconvert's SlidesExporter, entirely offline.

Every URL the exporter would point at a CDN (reveal.js, RequireJS, jQuery, MathJax,
Mermaid, the widget renderer) is set to a local copy in ``assets/`` beside the decks or
left out: the template ``templates/slides/kit_reveal`` loads only RequireJS, reveal.js,
its notes plugin and the kit's theme and fonts. A deck folder copied to a USB stick opens
from ``file://`` with no network.
"""

from __future__ import annotations

import time
from urllib.parse import quote
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..i18n import _, t
from ..views.html import esc
from . import assets
from .prepare import lesson_title, prepare
from .split import paginate

NOT_USED = ""  # an asset URL the kit's template does not load


@dataclass
class Deck:
    source: Path
    html: Path
    title: str
    slides: int
    notes: int
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    not_run: str = ""


def exporter():
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    prefix = f"{assets.ASSETS_DIR}/reveal.js"
    c = Config()
    c.SlidesExporter.extra_template_basedirs = [str(assets.templates_dir())]
    c.SlidesExporter.template_name = "kit_reveal"
    c.SlidesExporter.reveal_url_prefix = prefix
    c.SlidesExporter.reveal_theme = "kit"
    c.SlidesExporter.reveal_transition = "none"  # projectors and old laptops: no animation
    c.SlidesExporter.reveal_number = "c/t"
    c.SlidesExporter.reveal_width = "1280"
    c.SlidesExporter.reveal_height = "720"
    c.SlidesExporter.require_js_url = f"{assets.ASSETS_DIR}/require.js"
    c.SlidesExporter.jquery_url = NOT_USED
    c.SlidesExporter.mathjax_url = NOT_USED
    c.SlidesExporter.widget_renderer_url = NOT_USED
    c.SlidesExporter.jupyter_widgets_base_url = NOT_USED
    c.SlidesExporter.font_awesome_url = NOT_USED
    c.SlidesExporter.language_code = "vi"
    c.SlidesExporter.exclude_input = True
    c.SlidesExporter.exclude_input_prompt = True
    c.SlidesExporter.exclude_output_prompt = True
    return SlidesExporter(config=c)


def count_slides(html: str) -> tuple[int, int]:
    """(slides, speaker notes) of an exported deck: leaf <section>s and <aside class="notes">."""
    from html.parser import HTMLParser

    class Counter(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[bool] = []  # per open section: has it a child section?
            self.leaves = 0
            self.notes = 0

        def handle_starttag(self, tag, attrs):
            if tag == "section":
                if self.stack:
                    self.stack[-1] = True
                self.stack.append(False)
            elif tag == "aside" and "notes" in (dict(attrs).get("class") or "").split():
                self.notes += 1

        def handle_endtag(self, tag):
            if tag == "section" and self.stack:
                self.leaves += 0 if self.stack.pop() else 1

    counter = Counter()
    counter.feed(html)
    return counter.leaves, counter.notes


def deck_name(source: Path) -> str:
    return f"{source.stem}.slides.html"


def build_deck(source: Path, out: Path, run: bool = True) -> Deck:
    start = time.perf_counter()
    nb = nbformat.read(source, as_version=4)
    title = lesson_title(nb, source)
    prepared = prepare(nb, source, run=run)
    deck_nb = paginate(prepared.nb)
    deck_nb.metadata["title"] = title
    body, _res = exporter().from_notebook_node(deck_nb, resources={"metadata": {"name": source.stem}})
    target = out / deck_name(source)
    target.write_text(body, encoding="utf-8")
    slides, notes = count_slides(body)
    return Deck(source, target, title, slides, notes, prepared.errors, time.perf_counter() - start,
                prepared.not_run)


def build_decks(sources: list[Path], out: Path, run: bool = True) -> list[Deck]:
    out.mkdir(parents=True, exist_ok=True)
    assets.copy_assets(out)
    decks = [build_deck(src, out, run=run) for src in sources]
    write_index(out, decks)
    return decks


def write_index(out: Path, decks: list[Deck]) -> Path:
    """A start page for the USB stick: one link per deck, and how to present."""
    heading = esc(_("Slide decks of the training kit"))
    tips = esc(_("Keys: → or Space for the next slide, Esc for an overview of all slides, F for full screen, "
                 "S for the speaker view with the trainer's notes."))
    items = []
    for d in decks:
        count = esc(t("{n} slides", n=d.slides))
        items.append(f'<li><a href="{esc(quote(d.html.name))}">{esc(d.title)}</a> <span>({count})</span></li>')
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{heading}</title>
<link rel="stylesheet" href="{assets.ASSETS_DIR}/fonts.css">
<style>body{{font-family:'Be Vietnam Pro','Kit Symbols',sans-serif;max-width:52em;margin:2em auto;padding:0 1em;
color:#14212b;font-size:20px;line-height:1.5}}h1{{color:#0b4f6c}}a{{color:#0b4f6c;font-weight:700}}
li{{margin:.4em 0}}li span,.tips{{color:#4a5a68}}</style></head>
<body><h1>{heading}</h1>
<ol>
{chr(10).join(items)}
</ol>
<p class="tips">{tips}</p>
</body></html>
"""
    target = out / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
