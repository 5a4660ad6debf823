"""The Word template of exported plans: shipped complete, restyled by a trainer, never fatal."""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest
from docx.shared import Pt

from kit.export.plan import export_plan
from kit.export.plan_docx import TEMPLATE, _styles
from kit.plan import import_text

from .test_export_plan import CORPUS, ROOT


@pytest.fixture(scope="module")
def plan():
    return import_text(CORPUS.read_text(encoding="utf-8"))[0]


def _export(plan) -> docx.document.Document:
    return docx.Document(io.BytesIO(export_plan(plan, "docx")[0]))


def test_the_shipped_template_has_every_style_and_the_decree_page():
    assert subprocess.run([sys.executable, "scripts/make_templates.py", "--check"], cwd=ROOT).returncode == 0
    doc = docx.Document(str(ROOT / "templates" / TEMPLATE))
    names = {s.name for s in doc.styles}
    assert set(_styles()) <= names
    sec = doc.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297
    # one sample line per style, so a trainer sees each one in Word
    assert {p.style.name for p in doc.paragraphs} == set(_styles())


def test_a_restyled_template_changes_every_export(plan, tmp_path, monkeypatch):
    doc = docx.Document(str(ROOT / "templates" / TEMPLATE))
    doc.styles["KH Nội dung"].font.size = Pt(14)
    doc.styles["KH Tên loại"].font.size = Pt(16)
    doc.save(str(tmp_path / TEMPLATE))
    monkeypatch.setenv("KIT_TEMPLATES", str(tmp_path))
    out = _export(plan)
    assert out.styles["KH Nội dung"].font.size == Pt(14)
    title = next(p for p in out.paragraphs if p.text == "KẾ HOẠCH")
    assert title.style.name == "KH Tên loại" and title.style.font.size == Pt(16)
    assert not any(p.text.startswith("Mẫu kiểu") for p in out.paragraphs)  # the samples are gone


def test_a_broken_or_incomplete_template_still_exports(plan, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_TEMPLATES", str(tmp_path))
    (tmp_path / TEMPLATE).write_bytes(b"not a Word file")
    out = _export(plan)
    assert out.styles["KH Nội dung"].font.size == Pt(13)
    thin = docx.Document()  # python-docx's blank document: none of the plan's styles
    thin.save(str(tmp_path / TEMPLATE))
    out = _export(plan)
    assert set(_styles()) <= {s.name for s in out.styles}
    assert next(p for p in out.paragraphs if p.text == "KẾ HOẠCH").style.font.size == Pt(14)
