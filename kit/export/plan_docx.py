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

import datetime as _dt
import io

from ..plan.model import Plan
from .plan import Table, outline
from .press_release import AFTER_PT, BODY_PT, FIRST_LINE_CM, MARGINS_MM, PAGE_MM, _repeat_header, _run, new_document

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


def plan_to_docx(plan: Plan) -> bytes:
    """The plan as a .docx ready to print and sign (layout in the module docstring).

    Raises :class:`kit.export.plan.ExportError` when the budget lines do not add up to the
    stated total."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    o = outline(plan)
    doc = new_document()
    for p in list(doc.paragraphs):  # the template's empty first paragraph
        p._p.getparent().remove(p._p)

    C, L, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

    def fmt(p, *, align=None, after=0.0, before=0.0, first=None, spacing=1.0, keep=False):
        pf = p.paragraph_format
        if align is not None:
            p.alignment = align
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        pf.first_line_indent = first if first is not None else Pt(0)
        pf.line_spacing = spacing
        if keep:
            pf.keep_with_next = True
        return p

    style_ids: dict[str, str] = {}

    def line(container, text, *, size=BODY_PT, bold=None, italic=None, align=C, after=0.0, before=0.0,
             first=None, spacing=1.0, keep=False, style="PR Body"):
        p = container.add_paragraph()
        if style:  # by id: python-docx's lookup by name scans every style on each call
            if style not in style_ids:
                style_ids[style] = doc.styles[style].style_id
            p._p.style = style_ids[style]
        fmt(p, align=align, after=after, before=before, first=first, spacing=spacing, keep=keep)
        if text:
            _run(p, text, bold=bold, italic=italic, size=Pt(size))
        return p

    def rule(container, width_mm: float, column_mm: float, *, after=0.0):
        """A centred horizontal rule ``width_mm`` long: an empty paragraph's top border."""
        width_mm = max(8.0, min(width_mm, column_mm - 2))
        side = (column_mm - width_mm) / 2
        p = line(container, "", size=2, after=after, before=2)
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
        line(left, o.parent_body, size=HEAD_PT, bold=False)
    issuer = o.issuing_body
    line(left, issuer, size=HEAD_PT, bold=True)
    issuer_mm = min(_text_mm(max(issuer.split("\n"), key=len), HEAD_PT, caps=True), HEADER_COLS_MM[0])
    rule(left, issuer_mm * 0.4, HEADER_COLS_MM[0])
    line(right, o.nation, size=NATION_PT, bold=True)
    line(right, o.motto, size=HEAD_PT, bold=True)
    rule(right, _text_mm(o.motto, HEAD_PT) * MOTTO_RULE, HEADER_COLS_MM[1])
    num, date = head.cell(1, 0), head.cell(1, 1)
    _clear(num), _clear(date)
    line(num, o.number, size=HEAD_PT, before=6)
    line(date, o.dateline, size=HEAD_PT, italic=True, before=6)

    # ---- title and trích yếu
    line(doc, o.title, size=TITLE_PT, bold=True, before=24, keep=True)
    if o.summary:
        line(doc, o.summary, size=TITLE_PT, bold=True, keep=True)
    title_mm = min(_text_mm(o.summary or o.title, TITLE_PT), TEXT_MM)
    rule(doc, title_mm * 0.4, TEXT_MM, after=12)

    indent = Cm(FIRST_LINE_CM)

    def body(text, *, bold=None, italic=None, keep=False, after=AFTER_PT):
        return line(doc, text, bold=bold, italic=italic, align=J, first=indent, after=after,
                    spacing=1.15, keep=keep)

    for b in o.bases:
        body(b, italic=True)
    for n in o.opening:
        body(n)

    for s in o.sections:
        body(s.title, bold=True, keep=True)
        for part in s.parts:
            body(part.head, bold=True, keep=True)
            for x in part.paragraphs:
                body(x)
            for x in part.bullets:
                body(f"- {x}")
            if part.table is not None:
                _data_table(doc, part.table, line)
            if part.image:
                _picture(doc, part.image, TEXT_MM)

    for n in o.closing:  # "Trên đây là…" stays on the page of the signature
        body(n, keep=True)

    # ---- Nơi nhận and signer: two borderless columns
    end = _borderless(doc.add_table(rows=1, cols=2), END_COLS_MM)
    _cant_split_row(end.rows[0])
    rec, sig = end.cell(0, 0), end.cell(0, 1)
    _clear(rec), _clear(sig)
    if o.recipients:
        line(rec, o.recipients_label, size=RECIPIENTS_LABEL_PT, bold=True, italic=True, align=L, before=12)
        for r in o.recipients:
            line(rec, r, size=RECIPIENTS_PT, align=L)
    else:
        line(rec, "", align=L)
    first = True
    for title in o.signer_title:
        line(sig, title, size=BODY_PT, bold=True, before=12 if first else 0)
        first = False
    if o.signer_name:
        for _i in range(SIGN_SPACE_LINES):
            line(sig, "", size=BODY_PT)
        line(sig, o.signer_name, size=BODY_PT, bold=True)

    cp = doc.core_properties
    cp.title = " ".join(x for x in (o.title, o.summary) if x)
    cp.subject = o.title
    cp.language = "vi-VN"
    cp.author = o.issuing_body
    cp.last_modified_by = ""
    cp.comments = ""
    cp.keywords = ""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cp.created = cp.modified = now
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---- tables


def _data_table(doc, table: Table, line) -> None:
    """A grid table with a bold, repeated header row; amounts right-aligned; the total row bold."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    C, L, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    rel = table.widths or tuple(1 for _ in table.header)
    widths = [Mm(TEXT_MM * w / sum(rel)) for w in rel]
    rows = len(table.rows) + 1 + (1 if table.total else 0)
    tbl = doc.add_table(rows=rows, cols=len(table.header))
    tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False

    def fill(row, values, *, bold=None, header=False):
        for j, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = widths[j]
            _clear(cell)
            align = C if header or j == 0 else (R if j in table.right else L)
            line(cell, value, size=TABLE_PT, bold=bold, align=align, before=1, after=1)

    fill(tbl.rows[0], table.header, bold=True, header=True)
    _repeat_header(tbl.rows[0])
    for i, values in enumerate(table.rows, 1):
        fill(tbl.rows[i], values)
        _cant_split_row(tbl.rows[i])
    if table.total:
        fill(tbl.rows[-1], table.total, bold=True)
    for col, w in zip(tbl.columns, widths):
        col.width = w
    # air after the table
    gap = doc.add_paragraph(style="PR Body")
    gap.paragraph_format.first_line_indent = Mm(0)
    gap.paragraph_format.space_after = Pt(AFTER_PT)
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


def _picture(doc, png: bytes, width_mm: float) -> None:
    """A centred picture as wide as the text (the timeline chart under the activity table)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(6)
    p.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
