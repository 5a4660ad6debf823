"""Handouts: each lesson printed to an A4 PDF by headless Chromium, Vietnamese text, numbered pages.

Needs Chromium (``/usr/bin/chromium``) and poppler's ``pdftotext``/``pdftoppm`` (both installed by
scripts/test.py); with ``KIT_REQUIRE_BROWSER=1`` or ``CI=true`` a missing one fails instead of skipping.
A page of each handout is rendered to tests/artifacts/handouts/ to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata

import nbformat
import pytest

from kit.slides import assets, handouts
from kit.slides.prepare import lesson_title
from tests.conftest import ARTIFACTS, ROOT

LESSONS = assets.find_lessons(ROOT / "notebooks")


def _require(tool: str) -> str:
    found = shutil.which(tool) if tool != "chromium" else handouts.find_browser()
    if not found:
        msg = f"{tool} is missing (scripts/test.py installs it)"
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return found


def _text(pdf, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    out = subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFC", out)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    browser = _require("chromium")
    _require("pdftotext")
    out = tmp_path_factory.mktemp("handouts")
    return [handouts.build_handout(src, out, browser, run=False) for src in LESSONS]


def test_every_lesson_is_printed_with_a_sane_page_count(printed):
    assert [h.source for h in printed] == LESSONS
    for h in printed:
        assert h.pdf.read_bytes().startswith(b"%PDF")
        words = sum(len(c.source.split()) for c in nbformat.read(h.source, as_version=4).cells)
        # about 350-700 words a page at 10.5 pt on A4
        assert max(1, words // 900) <= h.pages <= words // 250 + 2, (h.pdf.name, h.pages, words)
        info = subprocess.run(["pdfinfo", str(h.pdf)], capture_output=True, text=True).stdout
        assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == h.pages
        assert re.search(r"Page size:\s+59[45](\.\d+)? x 84[12]", info), info  # A4 in points


def test_the_text_is_vietnamese_with_the_title_and_no_code(printed, vietnamese):
    for h in printed:
        title = lesson_title(nbformat.read(h.source, as_version=4), h.source)
        first = _text(h.pdf, 1)
        assert title in first, (title, first[:300])
        whole = _text(h.pdf)
        assert "kw.ready()" not in whole and "import kit" not in whole
        assert "Ghi chú cho giảng viên" not in whole  # the trainer's notes stay out of the trainees' copy


def test_pages_are_numbered_and_carry_the_lesson_title(printed, vietnamese):
    for h in printed:
        title = lesson_title(nbformat.read(h.source, as_version=4), h.source)
        for page in range(1, h.pages + 1):
            text = _text(h.pdf, page)
            assert f"Trang {page}/{h.pages}" in text, (h.pdf.name, page)
            if page > 1:
                assert title in text, (h.pdf.name, page)


def test_a_page_renders_to_an_image_to_look_at(printed):
    _require("pdftoppm")
    shots = ARTIFACTS / "handouts"
    shots.mkdir(parents=True, exist_ok=True)
    for h in printed:
        prefix = shots / h.pdf.stem
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(h.pdf), str(prefix)], check=True)
        images = sorted(shots.glob(f"{h.pdf.stem}-*.png"))
        assert images and all(p.stat().st_size > 5_000 for p in images)


def test_the_fonts_are_embedded(printed):
    _require("pdffonts")
    for h in printed:
        fonts = subprocess.run(["pdffonts", str(h.pdf)], capture_output=True, text=True).stdout
        assert "BeVietnamPro" in fonts, fonts
