"""The press-release export: the .docx read back with python-docx, the Markdown, bad input."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

import docx  # noqa: E402  (a dependency of the kit)

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Mm, Pt  # noqa: E402

from kit.export import FORMATS, export_press_release, suggested_filename  # noqa: E402
from kit.export import markdown_report  # noqa: E402
from kit.export.press_release import DOCX_MIME, END_MARK, structure, to_docx, to_markdown  # noqa: E402
from kit.i18n import _, set_language  # noqa: E402
from kit.scoring import score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOOD = sorted((ROOT / "tests" / "corpus" / "press_release" / "good").glob("*.txt"))
WEAK = sorted((ROOT / "tests" / "corpus" / "press_release" / "weak").glob("*.txt"))
HELDOUT_LIST = ROOT / "tests" / "corpus" / "press_release" / "heldout" / "good_01_danang_thu_vien_ngoai_troi.txt"
NGHE_AN = GOOD[0]  # headline, inline dateline, quote, "###", a four-line contact block


@pytest.fixture(autouse=True)
def _vietnamese():
    set_language("vi")
    yield
    set_language("vi")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def by_style(doc, name: str):
    return [p for p in doc.paragraphs if p.style.name == name]


def fonts(run) -> dict[str, str]:
    """The run's w:rFonts attributes (ascii, hAnsi, cs, eastAsia)."""
    rfonts = run._r.rPr.find(qn("w:rFonts"))
    return {k: rfonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")}


def effective_size(p, run):
    return run.font.size or p.style.font.size


# --------------------------------------------------------------------------- docx: page and fonts


def test_page_is_a4_with_nd30_margins():
    doc = open_docx(to_docx(read(NGHE_AN)))
    assert len(doc.sections) == 1
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= sec.top_margin <= Mm(25)
    assert Mm(20) <= sec.bottom_margin <= Mm(25)
    assert Mm(30) <= sec.left_margin <= Mm(35)
    assert Mm(15) <= sec.right_margin <= Mm(20)


def test_every_run_is_times_new_roman_in_all_four_slots():
    doc = open_docx(to_docx(read(NGHE_AN)))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert len(runs) > 20
    for r in runs:
        assert fonts(r) == dict.fromkeys(("ascii", "hAnsi", "cs", "eastAsia"), "Times New Roman"), r.text
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(13)
    # no theme font left in the defaults (Word would prefer it to the named font)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert rfonts.get(qn("w:asciiTheme")) is None and rfonts.get(qn("w:eastAsia")) == "Times New Roman"


def test_headline_bold_16pt_centred():
    text = read(NGHE_AN)
    doc = open_docx(to_docx(text))
    (h,) = by_style(doc, "PR Headline")
    assert h.text == text.splitlines()[0]
    assert h.alignment == WD_ALIGN_PARAGRAPH.CENTER or h.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert h.style.font.bold and h.style.font.size == Pt(16)
    assert all(r.bold in (None, True) for r in h.runs)
    # it comes after the document type and before the body
    names = [p.style.name for p in doc.paragraphs]
    assert names.index("PR Kicker") < names.index("PR Headline") < names.index("PR Body")
    assert by_style(doc, "PR Kicker")[0].text == _("Press release").upper()


def test_body_13pt_justified_first_line_indent_6pt_after():
    doc = open_docx(to_docx(read(NGHE_AN)))
    body = by_style(doc, "PR Body")
    assert len(body) == 7  # lead + six paragraphs
    fmt = body[0].style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(fmt.first_line_indent - Cm(1.27)) < Cm(0.01)
    assert fmt.space_after >= Pt(6)
    assert body[0].style.font.size == Pt(13)
    for p in body:
        assert p.paragraph_format.alignment is None  # nothing overrides the style
        assert all(effective_size(p, r) == Pt(13) for r in p.runs)


def test_dateline_italic_then_lead_upright():
    doc = open_docx(to_docx(read(NGHE_AN)))
    lead = by_style(doc, "PR Body")[0]
    assert lead.runs[0].text == "Nghệ An, ngày 14/9/2026 –" and lead.runs[0].italic
    assert lead.text.startswith("Nghệ An, ngày 14/9/2026 – Sở Giáo dục và Đào tạo")
    assert not lead.runs[-1].italic


def test_dateline_on_its_own_line_is_an_italic_paragraph():
    text = ("SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN\nTHÔNG CÁO BÁO CHÍ\n\nNghệ An trao 1.240 suất học bổng cho học sinh "
            "vùng lũ\n\nNghệ An, ngày 14 tháng 9 năm 2026\n\nSáng nay, Sở Giáo dục và Đào tạo Nghệ An trao 1.240 "
            "suất học bổng cho học sinh vùng lũ tại Trường Phổ thông Dân tộc nội trú Tương Dương.\n\nMỗi suất "
            "trị giá 2 triệu đồng.")
    doc = open_docx(to_docx(text))
    (d,) = by_style(doc, "PR Dateline")
    assert d.text == "Nghệ An, ngày 14 tháng 9 năm 2026" and d.style.font.italic
    assert [p.text for p in by_style(doc, "PR Header")] == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN"]
    # the draft has its own document type: none is added
    assert [p.text for p in by_style(doc, "PR Kicker")] == ["THÔNG CÁO BÁO CHÍ"]


def test_quote_kept_as_written():
    text = read(NGHE_AN)
    doc = open_docx(to_docx(text))
    quote = next(line for line in text.splitlines() if line.startswith("“"))
    assert quote in [p.text for p in doc.paragraphs]


def test_end_mark_centred_and_contact_boxed():
    doc = open_docx(to_docx(read(NGHE_AN)))
    (end,) = by_style(doc, "PR End Mark")
    assert end.text == END_MARK
    assert end.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    contact = by_style(doc, "PR Contact")
    assert [p.text for p in contact] == ["Thông tin liên hệ:", "Ông Phan Đức Lâm, Chánh Văn phòng Sở GD&ĐT Nghệ An",
                                         "Điện thoại: 0238 3844 126", "Email: vanphong@sgdnghean.edu.vn"]
    assert contact[0].runs[0].bold  # the cue
    bdr = doc.styles["PR Contact"].element.pPr.find(qn("w:pBdr"))
    assert {e.tag.split("}")[1] for e in bdr} == {"top", "left", "bottom", "right"}
    names = [p.style.name for p in doc.paragraphs]
    assert names.index("PR End Mark") < names.index("PR Contact")


def test_end_mark_added_when_missing():
    # draft 03 has no end mark and a contact sentence ("xin liên hệ bà …")
    text = read(GOOD[2])
    doc = open_docx(to_docx(text))
    assert [p.text for p in by_style(doc, "PR End Mark")] == [END_MARK]
    contact = by_style(doc, "PR Contact")
    assert [p.text for p in contact] == [text.rstrip().splitlines()[-1]]
    assert not any(r.bold for r in contact[0].runs)  # the cue is mid-sentence: nothing is bolded
    # a draft whose end mark follows the contact block gets no second one
    moved = read(NGHE_AN).replace("###\n\n", "") + "\n\n###"
    doc = open_docx(to_docx(moved))
    assert [p.text for p in by_style(doc, "PR End Mark")] == [END_MARK]
    names = [p.style.name for p in doc.paragraphs]
    assert names.index("PR Contact") < names.index("PR End Mark")


def test_inline_cue_bold_and_text_unchanged():
    text = read(GOOD[1])  # "Liên hệ báo chí: bà Lưu Thị Thanh Hà, …" after "-HẾT-"
    doc = open_docx(to_docx(text))
    assert [p.text for p in by_style(doc, "PR End Mark")] == ["-HẾT-"]  # the draft's own mark, as written
    (contact,) = by_style(doc, "PR Contact")
    assert contact.text == text.rstrip().splitlines()[-1]
    assert contact.runs[0].text == "Liên hệ báo chí:" and contact.runs[0].bold
    assert "> **Liên hệ báo chí:** bà Lưu Thị Thanh Hà" in to_markdown(text)


def test_contact_label_added_when_the_block_has_none():
    text = ("Sở Giáo dục và Đào tạo Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ\n\n"
            "Sáng 14/9/2026, Sở Giáo dục và Đào tạo Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ tại "
            "Tương Dương.\n\nMỗi suất trị giá 2 triệu đồng.\n\n"
            "Ông Phan Đức Lâm, Chánh Văn phòng Sở\nĐiện thoại: 0238 3844 126\nEmail: vanphong@sgdnghean.edu.vn")
    contact = by_style(open_docx(to_docx(text)), "PR Contact")
    assert [p.text for p in contact] == ["Thông tin liên hệ", "Ông Phan Đức Lâm, Chánh Văn phòng Sở",
                                         "Điện thoại: 0238 3844 126", "Email: vanphong@sgdnghean.edu.vn"]
    assert contact[0].runs[0].bold
    assert "> **Thông tin liên hệ**" in to_markdown(text)


def test_list_items_hang():
    doc = open_docx(to_docx(read(HELDOUT_LIST)))
    items = by_style(doc, "PR List")
    assert len(items) == 4
    assert items[0].text == "•\t6.000 cuốn sách, trong đó 3.400 cuốn do phụ huynh và cựu học sinh tặng."
    fmt = items[0].style.paragraph_format
    assert fmt.first_line_indent < 0 < fmt.left_indent


def test_page_numbers_top_centre_from_page_two():
    doc = open_docx(to_docx(read(NGHE_AN)))
    sec = doc.sections[0]
    assert sec.different_first_page_header_footer
    assert not "".join(p.text for p in sec.first_page_header.paragraphs).strip()
    header_xml = sec.header._element.xml
    assert "PAGE" in header_xml and "fldChar" in header_xml
    assert sec.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_core_properties():
    text = read(NGHE_AN)
    doc = open_docx(to_docx(text))
    cp = doc.core_properties
    assert cp.title == text.splitlines()[0]
    assert cp.language == "vi-VN"
    assert cp.author == ""
    assert open_docx(to_docx(text, title="Bài tập 3")).core_properties.title == "Bài tập 3"
    # Vietnamese proofing by default
    assert 'w:val="vi-VN"' in doc.styles["Normal"].element.xml


# --------------------------------------------------------------------------- docx: the report


@pytest.mark.parametrize("path", [NGHE_AN, WEAK[0]], ids=lambda p: p.stem)
def test_report_on_a_new_page_with_one_row_per_criterion(path):
    text = read(path)
    report = score(text, "press_release")
    doc = open_docx(to_docx(text, report))
    (heading,) = by_style(doc, "PR Report Heading")
    assert heading.text == "Báo cáo chấm điểm"
    assert heading.paragraph_format.page_break_before
    total = by_style(doc, "PR Report Text")[0].text
    assert total.startswith(f"Tổng điểm: {report.total:g}".replace(".", ",") + "/100")
    (table,) = doc.tables
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Tiêu chí", "Điểm", "Góp ý"]
    rows = table.rows[1:]
    assert len(rows) == len(report.criteria)
    for row, c in zip(rows, report.criteria):
        label, points, advice = (cell.text for cell in row.cells)
        assert label == c.label
        assert points == f"{c.score:g}/{c.max:g}".replace(".", ",")
        assert advice == (c.message or "Đạt yêu cầu.")
    warnings = [p.text for p in by_style(doc, "PR Report Bullet")]
    assert warnings == ["•\t" + w for w in report.warnings]


def test_report_scored_when_not_given_and_left_out_on_request():
    text = read(NGHE_AN)
    assert len(open_docx(to_docx(text)).tables) == 1
    doc = open_docx(to_docx(text, False))
    assert not doc.tables and not by_style(doc, "PR Report Heading")


def test_report_as_dict():
    text = read(WEAK[1])
    report = score(text, "press_release")
    doc = open_docx(to_docx(text, report.to_dict()))
    assert len(doc.tables[0].rows) == len(report.criteria) + 1


def test_english_labels():
    set_language("en")
    text = read(NGHE_AN)
    doc = open_docx(to_docx(text, score(text, "press_release")))
    assert by_style(doc, "PR Report Heading")[0].text == "Score report"
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Criterion", "Points", "Advice"]


# --------------------------------------------------------------------------- docx: Vietnamese text


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_corpus_text_intact_and_nfc(path):
    text = read(path)
    doc = open_docx(to_docx(text, False))
    out = [p.text.replace("\t", " ") for p in doc.paragraphs]
    for p in out:
        assert unicodedata.is_normalized("NFC", p)
    joined = "\n".join(out)
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("•"):
            assert line in joined, line
    (h,) = by_style(doc, "PR Headline")
    assert h.text == text.splitlines()[0]


def test_nfd_input_comes_out_nfc():
    text = read(NGHE_AN)
    doc = open_docx(to_docx(unicodedata.normalize("NFD", text)))
    assert by_style(doc, "PR Headline")[0].text == text.splitlines()[0]
    assert "Ông Phan Đức Lâm, Chánh Văn phòng Sở GD&ĐT Nghệ An" in [p.text for p in doc.paragraphs]
    md = to_markdown(unicodedata.normalize("NFD", text))
    assert unicodedata.is_normalized("NFC", md) and "# " + text.splitlines()[0] in md


# --------------------------------------------------------------------------- Markdown


def test_markdown_headline_text_and_table():
    text = read(NGHE_AN)
    report = score(text, "press_release")
    md = to_markdown(text, report)
    assert "\n# Nghệ An trao 1.240 suất học bổng cho học sinh vùng lũ miền Tây\n" in md
    assert "*Nghệ An, ngày 14/9/2026 –* Sở Giáo dục và Đào tạo (GD&ĐT) Nghệ An" in md
    quote = next(line for line in text.splitlines() if line.startswith("“"))
    assert quote in md  # kept as written
    assert "\n\\###\n" in md  # the end mark prints instead of being an empty heading
    assert "> **Thông tin liên hệ:**" in md
    assert "## Báo cáo chấm điểm" in md
    assert "| Tiêu chí | Điểm | Góp ý |" in md
    rows = [line for line in md.splitlines() if line.startswith("| ") and "Tiêu chí" not in line]
    assert len(rows) == len(report.criteria)
    assert all(line.count(" | ") == 2 for line in rows)
    assert unicodedata.is_normalized("NFC", md)


def test_markdown_keeps_html_inert_and_table_intact():
    text = ("<script>alert('x')</script> Sở trao 500 suất học bổng\n\n"
            "Sáng 4/7, Sở <b>trao</b> 500 suất | học bổng cho học sinh.\n\n---\n\n###")
    md = to_markdown(text)
    assert "<script" not in md and "<b>" not in md
    assert "&lt;script>alert('x')&lt;/script>" in md
    assert "Sở &lt;b>trao&lt;/b> 500 suất | học bổng" in md  # release text kept as written
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            assert line.count(" | ") == 2, line
    # a report message quoting the trainee's text can hold "|" or "<": escaped in the cell
    row = markdown_report.md_cell("a | b <i>\nc")
    assert row == "a \\| b &lt;i> c"


def test_markdown_renders_as_commonmark():
    mistune = pytest.importorskip("mistune")
    text = read(HELDOUT_LIST) + "\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>"
    report = score(text, "press_release")
    # escape=False: raw HTML would pass through, so only our escaping keeps it out
    html = mistune.create_markdown(escape=False, plugins=["table"])(to_markdown(text, report))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<h1>TRƯỜNG TIỂU HỌC HÒA KHÁNH 2 MỞ THƯ VIỆN NGOÀI TRỜI VỚI 6.000 CUỐN SÁCH</h1>" in html
    assert html.count("<tr>") == len(report.criteria) + 1
    assert "<blockquote>" in html and "<strong>Liên hệ:</strong> cô Trần Thị Minh Thư" in html
    assert "<p>---</p>" in html  # the draft's own end mark, printed as written


def test_markdown_template_file_matches_inline_copy():
    path = markdown_report.find_template("press_release.md.j2")
    assert path is not None and path.parent == ROOT / "templates"
    assert path.read_text(encoding="utf-8") == markdown_report.INLINE_TEMPLATES["press_release.md.j2"]
    text = read(NGHE_AN)
    report = score(text, "press_release")
    from kit.export.press_release import labels, summarise

    ctx = {"blocks": structure(text).blocks, "report": summarise(report), "labels": labels(summarise(report))}
    assert markdown_report.render("press_release.md.j2", **ctx) == \
        markdown_report.render("press_release.md.j2", inline=True, **ctx)


def test_markdown_without_template_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(markdown_report, "template_dirs", lambda: [tmp_path / "missing"])
    markdown_report._environment.cache_clear()
    try:
        md = to_markdown(read(NGHE_AN))
    finally:
        markdown_report._environment.cache_clear()
    assert "# Nghệ An trao 1.240 suất" in md and "| Tiêu chí | Điểm | Góp ý |" in md


# --------------------------------------------------------------------------- bad input


BAD = {
    "empty": "",
    "blank": " \n\n\t \n",
    "none": None,
    "end_mark_only": "###",
    "no_headline": "sáng nay, sở giáo dục trao học bổng cho học sinh vùng lũ ở xã a, b và c với tổng giá trị hai tỷ "
                   "đồng và nhiều phần quà khác cho các em học sinh của các trường trên địa bàn.",
    "controls": "Tiêu đề\x00\x01\x0b\x0c\x1b có\ufffe\uffff ký tự\n\nThân \ud800 bài\x7f.\r\nDòng\rcuối",
    "html": "<script>alert(1)</script>\n\n<b>x</b> | y & z",
    "markdown": "# Tiêu đề *đậm* [liên kết](http://x)\n\n| a | b |\n|---|---|\n\n---\n===",
    "bytes_like": "\ufeffBOM ở đầu\u200b và khoảng trắng\u00a0lạ",
    "long_line": "chữ " * 20000,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_does_not_raise(name):
    text = BAD[name]
    doc = open_docx(to_docx(text))
    assert abs(doc.sections[0].page_width - Mm(210)) < Mm(0.5)
    md = to_markdown(text)
    assert md.endswith("\n") and "<script" not in md
    for fmt in FORMATS:
        data, suffix, mime = export_press_release(text, fmt)
        assert data and suffix == "." + fmt
    assert suggested_filename(text).endswith(".docx")


def test_empty_draft_says_so():
    doc = open_docx(to_docx(""))
    assert "Bản thảo đang trống." in [p.text for p in doc.paragraphs]
    assert "Bản thảo đang trống." in to_markdown("")


def test_control_characters_stripped():
    data = to_docx(BAD["controls"])
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    for ch in "\x00\x01\x0b\x0c\x1b\ufffe\uffff\x7f":
        assert ch not in xml
    paras = [p.text for p in open_docx(data).paragraphs]
    # clean_text reads vertical tab and form feed as line breaks; the rest is dropped
    assert "Tiêu đề" in paras and "có ký tự" in paras and "Thân \ufffd bài." in paras


def test_very_long_input_is_laid_out_whole():
    text = read(NGHE_AN)
    big = "\n\n".join([text] * 150)  # ~240k characters: past the layout limit
    doc = open_docx(to_docx(big, False))
    paras = [p.text for p in doc.paragraphs]
    assert paras.count(text.splitlines()[-1]) == 150  # the last line of every copy is there
    assert len(to_markdown(big, False)) > len(big) * 0.9


# --------------------------------------------------------------------------- registry


def test_registry():
    text = read(NGHE_AN)
    data, suffix, mime = export_press_release(text, "docx")
    assert suffix == ".docx" and mime == DOCX_MIME and data[:2] == b"PK"
    data, suffix, mime = export_press_release(text, "md", score(text, "press_release"))
    assert suffix == ".md" and mime.startswith("text/markdown")
    assert data.decode("utf-8").startswith("**THÔNG CÁO BÁO CHÍ**")
    with pytest.raises(ValueError):
        export_press_release(text, "pdf")


def test_suggested_filename():
    assert suggested_filename(read(NGHE_AN)) == "nghe-an-trao-1240-suat-hoc-bong-cho-hoc-sinh-vung-lu-mien.docx"
    assert suggested_filename("", "md") == "thong-cao-bao-chi.md"
