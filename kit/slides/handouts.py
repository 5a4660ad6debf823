"""Print each lesson as an A4 PDF handout for trainees without a laptop.

The lesson is prepared as for a deck (:mod:`kit.slides.prepare`: widgets become a note
pointing to the laptop), without the trainer's notes and the hidden start-up cell, then
exported with nbconvert's HTMLExporter (code removed, no script, the print stylesheet
``templates/slides/handout.css`` and the kit's fonts from file://) and printed by headless
Chromium (``--print-to-pdf``). Page numbers and the lesson title run in the page margins
through CSS ``@page`` margin boxes, so no browser header or footer (with its file path)
is printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..i18n import _, t
from . import assets, metadata
from .prepare import lesson_title, prepare

# Where a browser may be, after $KIT_CHROMIUM and the PATH (Debian, Windows, macOS).
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
BROWSER_PATHS = (
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)


class HandoutError(Exception):
    """A handout that cannot be printed; ``message`` is for the trainer, in their language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Handout:
    source: Path
    pdf: Path
    title: str
    pages: int
    seconds: float


def find_browser() -> str | None:
    env = os.environ.get("KIT_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in BROWSER_PATHS if Path(p).exists()), None)


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes and line breaks escaped)."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\\n\r' or ord(c) < 32 else c for c in text) + '"'


def page_css(title: str) -> str:
    """A4 pages with the lesson title at the top and "Trang 3/12" at the bottom."""
    before, _sep, rest = _("Page {page} of {pages}").partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    number = " ".join(part for part in (
        _css_string(before) if before else "", "counter(page)", _css_string(middle) if middle else "",
        "counter(pages)", _css_string(after) if after else "") if part)
    kit_name = _("Communications training kit")
    margin_box = "font-family:'Be Vietnam Pro','Kit Symbols',sans-serif;font-size:8.5pt;color:#4a5a68;"
    return (f"@page{{size:A4;margin:18mm 17mm 18mm 17mm;"
            f"@top-left{{content:{_css_string(title)};{margin_box}}}"
            f"@top-right{{content:{_css_string(kit_name)};{margin_box}}}"
            f"@bottom-center{{content:{number};{margin_box}}}}}\n"
            f"@page:first{{@top-left{{content:none}}@top-right{{content:none}}}}\n")


def handout_html(source: Path, run: bool = True) -> tuple[str, str]:
    """(title, HTML page) of one lesson, ready to print."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = nbformat.read(source, as_version=4)
    title = lesson_title(nb, source)
    prepared = prepare(nb, source, run=run, printed=True)
    # The trainer's notes and the start-up cell are not for the trainees' paper.
    prepared.nb.cells = [c for c in prepared.nb.cells if metadata.slide_type(c) not in ("notes", "skip")]
    prepared.nb.metadata["title"] = title
    c = Config()
    c.HTMLExporter.extra_template_basedirs = [str(assets.templates_dir())]
    c.HTMLExporter.template_name = "kit_handout"
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.language_code = "vi"
    c.HTMLExporter.require_js_url = ""
    c.HTMLExporter.mathjax_url = ""
    css = page_css(title) + (assets.templates_dir() / "handout.css").read_text(encoding="utf-8")
    resources = {"metadata": {"name": source.stem}, "kit_print_css": css,
                 "kit_fonts_css": (assets.STATIC / "fonts.css").as_uri()}
    body, _res = HTMLExporter(config=c).from_notebook_node(prepared.nb, resources=resources)
    return title, body


def print_pdf(html: Path, pdf: Path, browser: str, timeout: float = 120) -> None:
    """Print ``html`` (a local file) to ``pdf`` with headless Chromium; no network, a throw-away profile."""
    with tempfile.TemporaryDirectory(prefix="kit-chromium-") as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--no-pdf-header-footer", f"--user-data-dir={profile}",
               "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",  # any web request fails fast
               f"--print-to-pdf={pdf}", html.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as err:
            raise HandoutError(t("The browser took longer than {seconds} s to print {name}.",
                                 seconds=int(timeout), name=html.name)) from err
    if proc.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise HandoutError(t("The browser could not print {name} (exit status {code}).", name=html.name,
                             code=proc.returncode))


def count_pages(pdf: Path) -> int:
    """Pages of a PDF Chromium wrote (its page tree lists each page as /Type /Page); poppler's
    pdfinfo answers when the page objects are compressed out of sight."""
    import re

    found = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    if found or not shutil.which("pdfinfo"):
        return found
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    match = re.search(r"Pages:\s+(\d+)", info)
    return int(match.group(1)) if match else 0


def build_handout(source: Path, out: Path, browser: str, run: bool = True) -> Handout:
    start = time.perf_counter()
    title, page = handout_html(source, run=run)
    pdf = out / f"{source.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="kit-handout-") as tmp:
        html = Path(tmp) / f"{source.stem}.html"
        html.write_text(page, encoding="utf-8")
        tmp_pdf = Path(tmp) / pdf.name
        print_pdf(html, tmp_pdf, browser)
        shutil.move(str(tmp_pdf), pdf)
    return Handout(source, pdf, title, count_pages(pdf), time.perf_counter() - start)
