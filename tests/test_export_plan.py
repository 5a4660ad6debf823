"""The communication-plan export: .docx read back with python-docx, HTML, Markdown, JSON, PDF
and the ``export`` command (called through ``run(Namespace)``)."""

from __future__ import annotations

import argparse
import io
import json
import re
import os
import shutil
from pathlib import Path

import pytest

# In CI (KIT_REQUIRE_OFFICE=1, set by scripts/test.py) a missing LibreOffice fails, never skips.
NO_OFFICE = not shutil.which("soffice") and os.environ.get("KIT_REQUIRE_OFFICE") != "1"

import docx  # noqa: E402

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm  # noqa: E402

from kit.commands import export as export_cmd  # noqa: E402
from kit.export.plan import ExportError, dateline, export_plan  # noqa: E402
from kit.i18n import set_language  # noqa: E402
from kit.plan import Plan, import_text, save  # noqa: E402
from kit.plan.model import money  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus" / "campaign_plan" / "good").glob("01_*.txt"))[0]


@pytest.fixture(autouse=True)
def _vietnamese():
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(scope="module")
def plan() -> Plan:
    p, _notes = import_text(CORPUS.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def document(plan):
    data, suffix, mime = export_plan(plan, "docx")
    assert suffix == ".docx" and mime.startswith("application/vnd.openxmlformats")
    return docx.Document(io.BytesIO(data))


def _eff(p, get):
    """A paragraph's effective formatting: its own (or its runs'), else its style's, else the
    base styles' (the plan is styled through named styles a trainer can restyle)."""
    value = get(p)
    style = p.style
    while value is None and style is not None:
        value = get(style)
        style = style.base_style
    return value


def bold(p) -> bool:
    runs = [r.bold for r in p.runs if r.text]
    return bool(runs) and all(r is True for r in runs) or (all(r is None for r in runs)
                                                              and bool(_eff(p, _font("bold"))))


def italic(p) -> bool:
    runs = [r.italic for r in p.runs if r.text]
    return bool(runs) and all(r is True for r in runs) or (all(r is None for r in runs)
                                                              and bool(_eff(p, _font("italic"))))


def size(p) -> float:
    return _eff(p, _font("size")).pt


def align(p):
    return _eff(p, lambda x: x.paragraph_format.alignment if hasattr(x, "paragraph_format") else x.alignment)


def _font(attr):
    return lambda x: getattr(x.runs[0].font, attr) if hasattr(x, "runs") and x.runs else (
        None if hasattr(x, "runs") else getattr(x.font, attr))


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def _borderless(table) -> bool:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return borders is not None and all(e.get(qn("w:val")) in ("nil", "none") for e in borders)


# --------------------------------------------------------------------------- .docx


def test_docx_page_setup_and_font(document):
    sec = document.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(1) and abs(sec.page_height - Mm(297)) < Mm(1)
    mm = lambda v: v / Mm(1)  # noqa: E731
    assert 20 <= mm(sec.top_margin) <= 25 and 20 <= mm(sec.bottom_margin) <= 25
    assert 30 <= mm(sec.left_margin) <= 35 and 15 <= mm(sec.right_margin) <= 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    fonts = set()
    for p in _all_paragraphs(document):
        style = p.style
        while style is not None and style.font.name is None:
            style = style.base_style
        fonts.add(style.font.name if style is not None else None)
        for r in p.runs:  # no run may override the font
            rf = r._r.rPr.find(qn("w:rFonts")) if r._r.rPr is not None else None
            if rf is not None:
                fonts.update(rf.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia"))
    assert fonts == {"Times New Roman"}
    assert sec.different_first_page_header_footer  # page numbers from page 2


def test_docx_header_table(document, plan):
    head = document.tables[0]
    assert _borderless(head) and len(head.columns) == 2
    left, right = head.cell(0, 0), head.cell(0, 1)
    assert plan.parent_body in left.text and plan.issuing_body in left.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text and "Độc lập - Tự do - Hạnh phúc" in right.text
    issuer = next(p for p in left.paragraphs if p.text == plan.issuing_body)
    assert bold(issuer)
    parent = next(p for p in left.paragraphs if p.text == plan.parent_body)
    assert not bold(parent)
    assert head.cell(1, 0).text == f"Số: {plan.number}"
    date = head.cell(1, 1).paragraphs[0]
    assert date.text == "Lạng Sơn, ngày 26 tháng 11 năm 2026" and italic(date)
    # rules under the issuer and under the motto: empty paragraphs with a top border
    for cell in (left, right):
        assert any(p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None for p in cell.paragraphs)


def test_docx_title_bases_body(document, plan):
    paras = document.paragraphs
    title = next(p for p in paras if p.text == "KẾ HOẠCH")
    assert align(title) == WD_ALIGN_PARAGRAPH.CENTER and bold(title) and size(title) == 14
    summary = next(p for p in paras if p.text == plan.summary)
    assert bold(summary) and size(summary) == 14
    bases = [p for p in paras if p.text.startswith("Căn cứ")]
    assert len(bases) == len(plan.bases) and all(italic(p) for p in bases)
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ"):
        assert any(p.text == heading for p in paras), heading
    body = next(p for p in paras if p.text.startswith("- " + plan.purposes[0][:20]))
    assert align(body) == WD_ALIGN_PARAGRAPH.JUSTIFY and size(body) == 13 and not bold(body)
    assert Mm(10) <= body.style.paragraph_format.first_line_indent <= Mm(12.7) + 100
    assert body.style.paragraph_format.space_after.pt >= 6


def test_docx_activities_and_budget_tables(document, plan):
    tables = document.tables
    acts = next(t for t in tables if t.rows[0].cells[1].text == "Hoạt động")
    assert len(acts.rows) == len(plan.activities) + 1
    assert acts.rows[1].cells[1].text == plan.activities[0]["name"]
    budget = next(t for t in tables if t.rows[0].cells[1].text == "Nội dung" and "Số tiền" in t.rows[0].cells[2].text)
    assert bold(budget.rows[0].cells[1].paragraphs[0]) and size(budget.rows[1].cells[1].paragraphs[0]) == 12
    lines = budget.rows[1:-1]
    assert len(lines) == len(plan.budget)
    for row, b in zip(lines, plan.budget):
        assert row.cells[1].text == b["item"] and row.cells[2].text == money(b["amount"])
    total = budget.rows[-1]
    assert total.cells[1].text == "Tổng cộng" and total.cells[2].text == money(plan.budget_total) == "400.000.000"


def test_docx_timeline_chart_under_the_activities(document):
    pictures = document.inline_shapes
    assert len(pictures) == 1
    assert abs(pictures[0].width - Mm(165)) < Mm(1)  # as wide as the text


def test_docx_end_block(document, plan):
    end = document.tables[-1]
    assert _borderless(end) and len(end.columns) == 2
    rec, sig = end.cell(0, 0), end.cell(0, 1)
    label = rec.paragraphs[0]
    assert label.text == "Nơi nhận:" and bold(label) and italic(label)
    assert size(label) == 12 and size(rec.paragraphs[1]) == 11
    assert rec.paragraphs[-1].text == "- Lưu: VT, VP."
    texts = [p.text for p in sig.paragraphs if p.text]
    assert texts == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", plan.signer_name]
    assert all(bold(p) for p in sig.paragraphs if p.text)


def test_budget_mismatch_is_a_clear_error(plan):
    bad = Plan.from_dict({**plan.to_dict(), "budget_total": plan.budget_total + 1})
    with pytest.raises(ExportError) as err:
        export_plan(bad, "docx")
    assert err.value.code == "budget_mismatch" and "kinh phí" in str(err.value)


def test_budget_total_shown_when_not_stated(plan):
    p = Plan.from_dict({**plan.to_dict(), "budget_total": None})
    doc = docx.Document(io.BytesIO(export_plan(p, "docx")[0]))
    budget = next(t for t in doc.tables if t.rows[-1].cells[1].text == "Tổng cộng")
    assert budget.rows[-1].cells[2].text == money(sum(b["amount"] for b in plan.budget))


def test_dateline_leading_zeros():
    assert dateline(Plan(place="Hà Tĩnh", date="2027-01-05")) == "Hà Tĩnh, ngày 05 tháng 01 năm 2027"
    assert dateline(Plan(place="Hà Tĩnh", date="2027-03-15")) == "Hà Tĩnh, ngày 15 tháng 3 năm 2027"
    assert "ngày" in dateline(Plan(place="Hà Tĩnh"))  # no date yet: blanks to fill in by hand


def test_empty_plan_exports():
    for fmt in ("docx", "html", "md", "json"):
        data, _suffix, _mime = export_plan(Plan(), fmt)
        assert data


def test_labels_follow_the_language(plan):
    set_language("en")
    doc = docx.Document(io.BytesIO(export_plan(plan, "docx")[0]))
    assert "Recipients:" in _all_text(doc) and "SOCIALIST REPUBLIC OF VIETNAM" in _all_text(doc)


# --------------------------------------------------------------------------- HTML, Markdown, JSON


def test_html_escapes_and_loads_nothing(plan):
    evil = Plan.from_dict({**plan.to_dict(), "summary": "<script>alert(1)</script>",
                           "messages": ['<img src="http://x/y.png" onerror="z()">']})
    html, suffix, mime = export_plan(evil, "html")
    html = html.decode("utf-8")
    assert suffix == ".html" and mime.startswith("text/html")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the one picture is the timeline chart, inline: nothing is loaded from outside
    assert len(re.findall(r"<img", html)) == 1
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="Tiến độ các hoạt động">', html)
    outside = re.sub(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+"', "", html)
    assert not re.search(r"""<[^>]*\b(src|href)\s*=|@import|url\(|<link|<iframe|<object|<embed""", outside, re.I)
    assert "&lt;img" in html
    assert "<style>" in html and "Nơi nhận:" in html and "400.000.000" in html


def test_markdown_sections(plan):
    md, suffix, _mime = export_plan(plan, "md")
    md = md.decode("utf-8")
    assert suffix == ".md"
    for heading in ("# KẾ HOẠCH", "## I. MỤC ĐÍCH, YÊU CẦU", "## II. NỘI DUNG", "## III. TỔ CHỨC THỰC HIỆN",
                    "## IV. KINH PHÍ", "### 1. Dự toán"):
        assert heading + "\n" in md, heading
    assert "| TT | Nội dung | Số tiền (đồng) |" in md and "**400.000.000**" in md
    assert "\n\n|---" not in md  # a table's rows stay together
    evil = Plan.from_dict({**plan.to_dict(), "summary": "<script>x</script>"})
    assert "<script" not in export_plan(evil, "md")[0].decode("utf-8")


def test_json_round_trip(plan):
    data, suffix, mime = export_plan(plan, "json")
    assert suffix == ".json" and mime == "application/json"
    assert "Lạng Sơn" in data.decode("utf-8")  # UTF-8, not \u escapes
    assert Plan.from_dict(json.loads(data)) == plan


def test_unknown_format(plan):
    with pytest.raises(ExportError):
        export_plan(plan, "odt")


@pytest.mark.skipif(NO_OFFICE, reason="LibreOffice (soffice) is not installed")
def test_pdf(plan, tmp_path, artifacts):
    """The PDF is the Word file as LibreOffice prints it: A4 pages, the header's text on
    page 1, and a first page that renders to a non-blank image (kept in tests/artifacts)."""
    import subprocess

    data, suffix, mime = export_plan(plan, "pdf")
    assert data.startswith(b"%PDF") and suffix == ".pdf" and mime == "application/pdf"
    pdf = tmp_path / "ke-hoach.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH", plan.number):
        assert words in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.3" in info and "841.8" in info  # A4 in points
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile", str(pdf),
                    str(artifacts / "plan-page-1")], check=True)
    from PIL import Image

    page = Image.open(artifacts / "plan-page-1.png").convert("L")
    assert abs(page.width / page.height - 210 / 297) < 0.01
    dark = sum(page.histogram()[:128])
    assert dark > 0.005 * page.width * page.height  # text was drawn, not an empty page


def test_pdf_without_libreoffice(plan, monkeypatch):
    import kit.export.plan as mod

    monkeypatch.setattr(mod.shutil, "which", lambda name: None)
    with pytest.raises(ExportError) as err:
        export_plan(plan, "pdf")
    assert err.value.code == "no_soffice" and "LibreOffice" in str(err.value) and "cài" in str(err.value)


# --------------------------------------------------------------------------- the command


def _args(plan_path, to=None, output=None):
    return argparse.Namespace(plan=str(plan_path), to=to, output=None if output is None else str(output))


@pytest.mark.parametrize("fmt", ["docx", "html", "md", "json",
                                 pytest.param("pdf", marks=pytest.mark.skipif(NO_OFFICE, reason="no LibreOffice"))])
def test_cli_formats(plan, tmp_path, capsys, fmt):
    src = tmp_path / "plan.json"
    save(plan, src)
    out = tmp_path / "out" / f"ke-hoach.{fmt}"
    out.parent.mkdir()
    assert export_cmd.run(_args(src, fmt, out)) == 0
    data = out.read_bytes()
    assert data == export_plan(plan, fmt)[0] or fmt in ("docx", "pdf")  # docx/pdf carry timestamps
    assert "Đã xuất kế hoạch" in capsys.readouterr().out
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    if fmt == "docx":
        assert docx.Document(io.BytesIO(data)).tables


def test_cli_format_from_output_name_and_default_output(plan, tmp_path):
    src = tmp_path / "plan.json"
    save(plan, src)
    assert export_cmd.run(_args(src, None, tmp_path / "x.md")) == 0
    assert (tmp_path / "x.md").read_text(encoding="utf-8").startswith("UBND")
    assert export_cmd.run(_args(src)) == 0
    assert (tmp_path / "plan.docx").is_file()


@pytest.mark.parametrize("content, words", [
    (None, "không tồn tại"),
    (b"{not json", "JSON"),
    (b"[1, 2]", "không phải tệp kế hoạch"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
])
def test_cli_bad_plan_file(tmp_path, capsys, content, words):
    src = tmp_path / "plan.json"
    if content is not None:
        src.write_bytes(content)
    assert export_cmd.run(_args(src, "docx", tmp_path / "o.docx")) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "o.docx").exists()


def test_cli_invalid_plan(plan, tmp_path, capsys):
    src = tmp_path / "plan.json"
    data = plan.to_dict()
    data["budget_total"] = 1
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert export_cmd.run(_args(src, "docx", tmp_path / "o.docx")) == 1
    assert "kinh phí" in capsys.readouterr().err


def test_cli_missing_libreoffice(plan, tmp_path, capsys, monkeypatch):
    import kit.export.plan as mod

    monkeypatch.setattr(mod.shutil, "which", lambda name: None)
    src = tmp_path / "plan.json"
    save(plan, src)
    assert export_cmd.run(_args(src, "pdf", tmp_path / "o.pdf")) == 1
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "Traceback" not in err and not (tmp_path / "o.pdf").exists()


def test_cli_unwritable_output(plan, tmp_path, capsys):
    src = tmp_path / "plan.json"
    save(plan, src)
    assert export_cmd.run(_args(src, "json", tmp_path / "missing-dir" / "sub" / "o.json")) in (0, 1)
    capsys.readouterr()
    (tmp_path / "a-dir").mkdir()
    assert export_cmd.run(_args(src, "json", tmp_path / "a-dir")) == 1
    assert "không ghi được" in capsys.readouterr().err


def test_register_adds_the_command():
    parser = argparse.ArgumentParser()
    export_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["export", "p.json", "--to", "pdf", "-o", "o.pdf"])
    assert (args.plan, args.to, args.output, args.run) == ("p.json", "pdf", "o.pdf", export_cmd.run)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_exported_plans_import_back_and_score_the_same(fmt, tmp_path):
    """Text → plan → .docx/.md → plan again: the content is kept, and `kit score` on the
    export is within a few points of the original text."""
    from kit.plan import import_file
    from kit.plan.importer import docx_text, markdown_text
    from kit.scoring import score

    for path in sorted((ROOT / "tests" / "corpus" / "campaign_plan" / "good").glob("*.txt"))[:5]:
        text = path.read_text(encoding="utf-8")
        plan, _ = import_text(text)
        out = tmp_path / f"{path.stem}.{fmt}"
        out.write_bytes(export_plan(plan, fmt)[0])
        back, _ = import_file(out)
        for field in ("bases", "objectives", "audiences", "messages", "channels", "activities", "kpis", "budget",
                      "budget_total", "recipients", "signer_title", "signer_name"):
            assert getattr(back, field) == getattr(plan, field), (path.name, fmt, field)
        exported = docx_text(out) if fmt == "docx" else markdown_text(out.read_text(encoding="utf-8"))
        before, after = score(text, "campaign_plan").total, score(exported, "campaign_plan").total
        assert abs(after - before) <= 5, (path.name, fmt, before, after)


def test_markdown_marks_are_removed_on_import():
    from kit.plan.importer import looks_like_markdown, markdown_text

    md = ("## I. MỤC ĐÍCH\n\n### 1. Mục đích\n\n**Sở GD&ĐT** tổ chức\\* họp báo  \n***Nơi nhận:***\n\n---\n"
          "| 1 | a \\| b | c |")
    assert looks_like_markdown(md)
    assert markdown_text(md).split("\n") == ["I. MỤC ĐÍCH", "", "1. Mục đích", "", "Sở GD&ĐT tổ chức* họp báo",
                                             "Nơi nhận:", "", "", "| 1 | a \\| b | c |"]
    assert not looks_like_markdown("KẾ HOẠCH\n# một dòng\nI. MỤC ĐÍCH")
