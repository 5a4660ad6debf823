"""A communication plan as a Word document laid out as NĐ 30/2020 asks (domain.md §1).

:func:`plan_to_docx` builds, on A4 with margins 20/20/30/15 mm and Times New Roman:

- the header as a borderless two-column table: parent body (CAPS 13, not bold) and issuing
  body (CAPS 13 bold) with a short rule below on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
  NAM" (CAPS 12 bold) and "Độc lập - Tự do - Hạnh phúc" (13 bold, a rule as long as the line)
  on the right; then "Số: …" centred under the issuer and the place and date in italics
  under the motto, on the same row;
- "KẾ HOẠCH" (CAPS 14 bold) and the trích yếu (14 bold) centred with a short rule below;
- the Căn cứ lines in italics, the body 13 pt justified with a 1.27 cm first-line indent and
  6 pt after; sections I.–IV. as in :func:`kit.plan.plan_to_text`, activities, indicators
  and budget as Word tables with a header row (the budget total checked and shown);
- "Nơi nhận:" (12 bold italic, items 11) and the signer (title CAPS bold, name bold) as a
  borderless two-column table at the end; page numbers from page 2.

The page set-up, fonts and page numbers come from :mod:`kit.export.press_release`.
"""

from __future__ import annotations

import io

from ..plan.model import Plan
from .plan import Table, outline
from .press_release import (AFTER_PT, BODY_PT, FIRST_LINE_CM, MARGINS_MM, PAGE_MM, _repeat_header, new_document,
                            document_bytes, paragraph_style, style_id_map)

TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165 mm
HEADER_COLS_MM = (68, TEXT_MM - 68)  # the issuer's column, the national motto's column
END_COLS_MM = (80, TEXT_MM - 80)  # Nơi nhận, signer
TITLE_PT = 14
HEAD_PT = 13  # bodies, national name in the header
NATION_PT = 12
TABLE_PT = 12
RECIPIENTS_LABEL_PT = 12
RECIPIENTS_PT = 11
SIGN_SPACE_LINES = 4  # empty lines left for the signature and the seal
MOTTO_RULE = 1.07  # the estimate runs short for the motto: calibrated on a LibreOffice rendering


def _text_mm(text: str, pt: float, *, caps: bool = False) -> float:
    """Rough width of ``text`` set in Times New Roman Bold (measured averages per character)."""
    em = 0.56 if caps else 0.44
    return len(text) * pt * em * 25.4 / 72


TEMPLATE = "ke-hoach.docx"


def _styles() -> dict[str, dict]:
    """The plan's paragraph styles: name in Word → what NĐ 30/2020 asks of that element.

    The names are what a trainer sees in Word's Styles pane: restyle one there (in
    ``templates/ke-hoach.docx``) and every exported plan follows."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    from docx.shared import Cm

    C, L, J, R = A.CENTER, A.LEFT, A.JUSTIFY, A.RIGHT
    body = dict(align=J, first_line=Cm(FIRST_LINE_CM), after=AFTER_PT, spacing=1.15)
    cell = dict(size=TABLE_PT, before=1, after=1, spacing=1.0, first_line=Cm(0))
    return {
        "KH Cơ quan chủ quản": dict(size=HEAD_PT, align=C, after=0, spacing=1.0),
        "KH Cơ quan ban hành": dict(size=HEAD_PT, bold=True, align=C, after=0, spacing=1.0),
        "KH Quốc hiệu": dict(size=NATION_PT, bold=True, align=C, after=0, spacing=1.0),
        "KH Tiêu ngữ": dict(size=HEAD_PT, bold=True, align=C, after=0, spacing=1.0),
        "KH Số ký hiệu": dict(size=HEAD_PT, align=C, before=6, after=0, spacing=1.0),
        "KH Địa danh ngày": dict(size=HEAD_PT, italic=True, align=C, before=6, after=0, spacing=1.0),
        "KH Tên loại": dict(size=TITLE_PT, bold=True, align=C, before=24, after=0, spacing=1.0, keep_next=True),
        "KH Trích yếu": dict(size=TITLE_PT, bold=True, align=C, after=0, spacing=1.0, keep_next=True),
        "KH Căn cứ": dict(body, italic=True),
        "KH Nội dung": dict(body),
        "KH Đề mục": dict(body, bold=True, keep_next=True),
        "KH Bảng": dict(cell, align=L),
        "KH Bảng tiêu đề": dict(cell, bold=True, align=C),
        "KH Bảng số tiền": dict(cell, align=R),
        "KH Bảng tổng": dict(cell, bold=True, align=L),
        "KH Bảng tổng số tiền": dict(cell, bold=True, align=R),
        "KH Hình": dict(align=C, before=6, after=6, spacing=1.0, first_line=Cm(0)),
        "KH Nơi nhận": dict(size=RECIPIENTS_LABEL_PT, bold=True, italic=True, align=L, before=12, after=0, spacing=1.0),
        "KH Nơi nhận mục": dict(size=RECIPIENTS_PT, align=L, after=0, spacing=1.0),
        "KH Chức vụ ký": dict(size=BODY_PT, bold=True, align=C, after=0, spacing=1.0),
        "KH Họ tên ký": dict(size=BODY_PT, bold=True, align=C, after=0, spacing=1.0),
        "KH Đường kẻ": dict(size=2, align=C, before=2, after=0, spacing=1.0),
    }


def plan_document():
    """The Word document plans are built in: ``templates/ke-hoach.docx`` (page set-up, page
    numbers and the styles of :func:`_styles`, as a trainer may have restyled them) with its
    sample content removed; a built-in equivalent when the template is missing or broken.
    A style the template lacks is added with the decree's values."""
    from docx import Document
    from docx.oxml.ns import qn

    from .markdown_report import find_template

    doc = None
    path = find_template(TEMPLATE)
    if path is not None:
        try:
            doc = Document(str(path))
        except Exception:  # noqa: BLE001 - a damaged template must not stop the export
            doc = None
    if doc is None:
        doc = new_document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    have = {st.name for st in doc.styles}
    for name, spec in _styles().items():
        if name not in have:
            paragraph_style(doc, name, **spec)
    return doc


def template_document():
    """``templates/ke-hoach.docx`` as the kit ships it: the NĐ 30 page set-up, the plan styles,
    and one sample paragraph per style so a trainer sees what to restyle
    (``scripts/make_templates.py`` writes it)."""
    from ..i18n import t

    doc = new_document()
    for p in list(doc.paragraphs):
        p._p.getparent().remove(p._p)
    for name, spec in _styles().items():
        paragraph_style(doc, name, **spec)
        p = doc.add_paragraph(style=name)
        p.add_run(t("Sample of the style “{name}”: restyle it in Word (Home › Styles) and every exported plan "
                    "follows.", name=name) if name != "KH Đường kẻ" else "")
    return doc


def plan_to_docx(plan: Plan) -> bytes:
    """The plan as a .docx ready to print and sign (layout in the module docstring).

    Raises :class:`kit.export.plan.ExportError` when the budget lines do not add up to the
    stated total."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    o = outline(plan)
    doc = plan_document()

    style_ids = style_id_map(doc)

    def line(container, text, style, *, after=None):
        """A paragraph in one of the plan's styles; all its formatting comes from the style."""
        p = container.add_paragraph()
        p._p.style = style_ids[style]
        if after is not None:
            p.paragraph_format.space_after = Pt(after)
        if text:
            p.add_run(text)
        return p

    def rule(container, width_mm: float, column_mm: float, *, after=None):
        """A centred horizontal rule ``width_mm`` long: an empty paragraph's top border."""
        width_mm = max(8.0, min(width_mm, column_mm - 2))
        side = (column_mm - width_mm) / 2
        p = line(container, "", "KH Đường kẻ", after=after)
        p.paragraph_format.left_indent = Mm(side)
        p.paragraph_format.right_indent = Mm(side)
        _rule_border(p)
        _tiny(p)
        return p

    # ---- header: two borderless columns
    head = _borderless(doc.add_table(rows=2, cols=2), HEADER_COLS_MM)
    left, right = head.cell(0, 0), head.cell(0, 1)
    _clear(left), _clear(right)
    if o.parent_body:
        line(left, o.parent_body, "KH Cơ quan chủ quản")
    issuer = o.issuing_body
    line(left, issuer, "KH Cơ quan ban hành")
    issuer_mm = min(_text_mm(max(issuer.split("\n"), key=len), HEAD_PT, caps=True), HEADER_COLS_MM[0])
    rule(left, issuer_mm * 0.4, HEADER_COLS_MM[0])
    line(right, o.nation, "KH Quốc hiệu")
    line(right, o.motto, "KH Tiêu ngữ")
    rule(right, _text_mm(o.motto, HEAD_PT) * MOTTO_RULE, HEADER_COLS_MM[1])
    num, date = head.cell(1, 0), head.cell(1, 1)
    _clear(num), _clear(date)
    line(num, o.number, "KH Số ký hiệu")
    line(date, o.dateline, "KH Địa danh ngày")

    # ---- title and trích yếu
    line(doc, o.title, "KH Tên loại")
    if o.summary:
        line(doc, o.summary, "KH Trích yếu")
    title_mm = min(_text_mm(o.summary or o.title, TITLE_PT), TEXT_MM)
    rule(doc, title_mm * 0.4, TEXT_MM, after=12)

    for b in o.bases:
        line(doc, b, "KH Căn cứ")
    for n in o.opening:
        line(doc, n, "KH Nội dung")

    for s in o.sections:
        line(doc, s.title, "KH Đề mục")
        for part in s.parts:
            line(doc, part.head, "KH Đề mục")
            for x in part.paragraphs:
                line(doc, x, "KH Nội dung")
            for x in part.bullets:
                line(doc, f"- {x}", "KH Nội dung")
            if part.table is not None:
                _data_table(doc, part.table, line)
            if part.image:
                _picture(line(doc, "", "KH Hình"), part.image, TEXT_MM)

    for n in o.closing:  # "Trên đây là…" stays on the page of the signature
        line(doc, n, "KH Nội dung").paragraph_format.keep_with_next = True

    # ---- Nơi nhận and signer: two borderless columns
    end = _borderless(doc.add_table(rows=1, cols=2), END_COLS_MM)
    _cant_split_row(end.rows[0])
    rec, sig = end.cell(0, 0), end.cell(0, 1)
    _clear(rec), _clear(sig)
    if o.recipients:
        line(rec, o.recipients_label, "KH Nơi nhận")
        for r in o.recipients:
            line(rec, r, "KH Nơi nhận mục")
    else:
        line(rec, "", "KH Nơi nhận mục")
    for i, title in enumerate(o.signer_title):
        p = line(sig, title, "KH Chức vụ ký")
        if i == 0:
            p.paragraph_format.space_before = Pt(12)
    if o.signer_name:
        for _i in range(SIGN_SPACE_LINES):
            line(sig, "", "KH Họ tên ký")
        line(sig, o.signer_name, "KH Họ tên ký")

    return document_bytes(doc, title=" ".join(x for x in (o.title, o.summary) if x), subject=o.title,
                          author=o.issuing_body)


# ---- tables


def _data_table(doc, table: Table, line) -> None:
    """A grid table with a bold, repeated header row; amounts right-aligned; the total row bold."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    rel = table.widths or tuple(1 for _ in table.header)
    widths = [Mm(TEXT_MM * w / sum(rel)) for w in rel]
    rows = len(table.rows) + 1 + (1 if table.total else 0)
    tbl = doc.add_table(rows=rows, cols=len(table.header))
    tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False

    def fill(row, values, *, kind=""):
        for j, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = widths[j]
            _clear(cell)
            if kind == "header":
                style = "KH Bảng tiêu đề"
            elif kind == "total":
                style = "KH Bảng tổng số tiền" if j in table.right else "KH Bảng tổng"
            else:
                style = "KH Bảng số tiền" if j in table.right else "KH Bảng"
            p = line(cell, value, style)
            if j == 0 and kind != "total":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER  # the numbers of the rows

    fill(tbl.rows[0], table.header, kind="header")
    _repeat_header(tbl.rows[0])
    for i, values in enumerate(table.rows, 1):
        fill(tbl.rows[i], values)
        _cant_split_row(tbl.rows[i])
    if table.total:
        fill(tbl.rows[-1], table.total, kind="total")
    for col, w in zip(tbl.columns, widths):
        col.width = w
    # air after the table
    gap = line(doc, "", "KH Nội dung")
    gap.paragraph_format.first_line_indent = Mm(0)
    _tiny(gap, 6)


def _borderless(tbl, widths_mm):
    """A layout table: no borders, no cell padding at the sides, fixed column widths."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    tbl.autofit = False
    tblpr = tbl._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblpr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                "w:tblDescription", "w:tblPrChange")
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), "0")
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    tblpr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for row in tbl.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    for col, w in zip(tbl.columns, widths_mm):
        col.width = Mm(w)
    return tbl


def _clear(cell) -> None:
    """Remove the empty paragraph a new cell starts with (paragraphs are added afterwards)."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)


def _cant_split_row(row) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", "w:tblCellSpacing",
                               "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def _rule_border(p) -> None:
    """A thin black top border on paragraph ``p`` (between its indents)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from .press_release import _PPR_AFTER_PBDR

    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    bdr.append(top)
    p._p.get_or_add_pPr().insert_element_before(bdr, *_PPR_AFTER_PBDR)


def _tiny(p, pt: float = 1) -> None:
    """Make an empty paragraph as low as possible: its mark set in ``pt`` points."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    for tag in ("w:sz", "w:szCs"):
        e = OxmlElement(tag)
        e.set(qn("w:val"), str(max(2, int(round(pt * 2)))))
        rpr.append(e)


def _picture(p, png: bytes, width_mm: float) -> None:
    """``png`` as wide as ``width_mm`` in paragraph ``p`` (the timeline chart, style "KH Hình")."""
    from docx.shared import Mm

    p.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
