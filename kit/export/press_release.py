"""A finished press release as a Word document or as Markdown, each with its score report.

- :func:`to_docx` lays the release out the way NĐ 30/2020 asks of an administrative text
  (domain.md §1): A4, margins 20/20/30/15 mm (top, bottom, left, right), Times New Roman,
  body 13 pt justified with a 1.27 cm first-line indent and 6 pt after, page numbers
  centred in the top margin from page 2. The parts of the release (domain.md §4) come
  from :func:`kit.rubrics.press_release.layout`: the headline bold 16 pt centred, the
  dateline in italics, the end mark centred, the contact block in a box. The score
  report follows on a new page: total with its band, a table of criteria, warnings.
- :func:`to_markdown` renders ``templates/press_release.md.j2`` (see
  :mod:`kit.export.markdown_report`).

Pure Python, no widgets. The trainee's words are kept as written (quotes, capitals,
punctuation); the text is only normalised (NFC, legacy encodings, control characters
removed) by :func:`kit.text.clean_text`. Neither function raises for any ``str``.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import dataclass, field

from ..i18n import _, get_language, t

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MD_MIME = "text/markdown; charset=utf-8"

# Page set-up (NĐ 30/2020 Annex I, domain.md §1): the values inside the allowed ranges.
PAGE_MM = (210, 297)  # A4 portrait
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_MM = 10  # where the page number sits, inside the top margin
FONT = "Times New Roman"
BODY_PT = 13
HEADLINE_PT = 16
FIRST_LINE_CM = 1.27
AFTER_PT = 6
LINE_SPACING = 1.15  # "single to 1.5 lines"
REPORT_PT = 11  # the report table: smaller, so that eight pieces of advice fit on one page

END_MARK = "###"
# Only the beginning of a huge paste is analysed for its layout; the rest follows as body text.
LAYOUT_CHARS = 150_000

# XML 1.0 forbids these; python-docx refuses them.
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --------------------------------------------------------------------------- structure


@dataclass
class Block:
    """One paragraph of the exported release.

    ``role``: ``header`` (letterhead, motto), ``kicker`` (the document type line),
    ``headline``, ``dateline`` (on its own line), ``body`` (``dateline`` holds an inline
    dateline that opens it), ``list`` (a list item), ``subheading``, ``caption``,
    ``endmark``, ``contact`` (``lines`` of the contact block; ``cue`` the "Liên hệ:" that
    opens it, ``label`` a heading added when it has none), ``empty``.
    """

    role: str
    text: str = ""
    dateline: str = ""
    lines: list[str] = field(default_factory=list)
    cue: str = ""
    label: str = ""
    marker: str | None = None  # a list item's marker ("-", "•", "a)")
    added: bool = False  # not in the trainee's text (the kicker, an end mark, a label)


@dataclass
class Release:
    blocks: list[Block]
    headline: str | None
    text: str


def sanitize(text: str) -> str:
    """NFC text without the characters a .docx cannot hold (via :func:`kit.text.clean_text`)."""
    from ..text import clean_text

    if text is None:
        text = ""
    cleaned = clean_text(text if isinstance(text, str) else str(text)).text
    return _XML_INVALID.sub("", cleaned)


def structure(text: str, *, kicker: bool = True, end_mark: bool = True) -> Release:
    """The blocks of the release, in order, from :func:`kit.rubrics.press_release.layout`.

    ``kicker`` adds the document type ("THÔNG CÁO BÁO CHÍ") above the headline when the
    draft has none; ``end_mark`` adds "###" before the contact block when the draft has
    no end mark of its own.
    """
    from ..rubrics.press_release import _DOCTYPE_RE, _END_MARK_RE, layout
    from ..scoring.draft import Draft
    from ..text.types import Cleaned

    full = sanitize(text)
    if not full.strip():
        return Release([Block("empty", _("The draft is empty."), added=True)], None, full)
    head = full
    if len(full) > LAYOUT_CHARS:
        cut = full.rfind("\n", 0, LAYOUT_CHARS)
        head = full[:cut if cut > 0 else LAYOUT_CHARS]
    d = Draft(head, Cleaned(head))
    lay = layout(d)
    paras = list(d.paragraphs)
    body_ids = {p.index for p in lay.body}
    top = lay.headline.index if lay.headline is not None else (lay.lead.index if lay.lead is not None else 0)

    # The contact block closes the release when it sits in the second half (as in layout()).
    contact_ids: set[int] = set()
    c = lay.contact
    if c is not None and c.start >= len(d.text) // 2:
        line_start = d.text.rfind("\n", 0, c.start) + 1
        contact_ids = {p.index for p in paras if p.end > line_start and p.start < c.end}
        # lines that run straight on from the block (no blank line) belong to it
        last = max(contact_ids, default=-1)
        while 0 <= last < len(paras) - 1 and "\n\n" not in d.text[paras[last].end:paras[last + 1].start]:
            last += 1
            contact_ids.add(last)

    blocks: list[Block] = []
    has_doctype = False
    # the draft's own end mark, wherever it stands (some put it after the contact block)
    has_end_mark = any(_END_MARK_RE.match(d.folded[p.start:p.end]) for p in paras)
    contact_block: Block | None = None
    for p in paras:
        f = d.folded[p.start:p.end].strip()
        is_dateline = lay.dateline is not None and (p.start, p.end) == tuple(lay.dateline)
        if p.index in contact_ids:
            if contact_block is None:
                contact_block = Block("contact")
                cue_end = _cue_end(d.text, c, p)
                if cue_end > p.start:
                    contact_block.cue = d.text[p.start:cue_end].strip()
                    contact_block.lines.append(d.text[cue_end:p.end].strip())
                else:
                    contact_block.lines.append(p.text)
                    if c.cue is None:
                        contact_block.label = _("Contact information")
                if end_mark and not has_end_mark:
                    blocks.append(Block("endmark", END_MARK, added=True))
                    has_end_mark = True
                blocks.append(contact_block)
            else:
                contact_block.lines.append(p.text)
            continue
        if _END_MARK_RE.match(d.folded[p.start:p.end]):
            blocks.append(Block("endmark", p.text.strip()))
            continue
        if lay.headline is not None and p.index == lay.headline.index:
            if kicker and not has_doctype:
                blocks.append(Block("kicker", _("Press release").upper(), added=True))
                has_doctype = True
            blocks.append(Block("headline", p.text.strip()))
            continue
        if is_dateline:
            blocks.append(Block("dateline", p.text.strip()))
            continue
        if p.index < top:
            doctype = bool(_DOCTYPE_RE.match(f)) and len(f) < 60
            has_doctype = has_doctype or doctype
            blocks.append(Block("kicker" if doctype else "header", p.text.strip()))
            continue
        if lay.lead is not None and p.index == lay.lead.index and lay.lead_start > p.start:
            blocks.append(Block("body", d.text[lay.lead_start:p.end].strip(),
                                dateline=d.text[p.start:lay.lead_start].strip()))
            continue
        if p.index not in body_ids and lay.lead is not None and p.index < lay.lead.index:
            if re.match(r"^\s*\(?ảnh\s*:", f):
                blocks.append(Block("caption", p.text.strip()))
                continue
            if _DOCTYPE_RE.match(f) and len(f) < 60:
                blocks.append(Block("kicker", p.text.strip()))
                continue
        if p.kind == "heading":
            blocks.append(Block("subheading", p.text.strip()))
        elif p.kind == "list_item":
            blocks.append(Block("list", p.text.strip(), marker=p.marker))
        else:
            blocks.append(Block("body", p.text.strip()))
    if end_mark and not has_end_mark and contact_block is None:
        blocks.append(Block("endmark", END_MARK, added=True))
    # the rest of a huge paste: one paragraph per line
    for line in full[len(head):].split("\n"):
        if line.strip():
            blocks.append(Block("body", line.strip()))
    headline = lay.headline.text.strip() if lay.headline is not None else None
    return Release(blocks, headline, full)


def _cue_end(text: str, contact, p) -> int:
    """Where a cue that opens paragraph ``p`` ("Thông tin liên hệ:", "Liên hệ báo chí:")
    ends, colon included; ``p.start`` when the paragraph does not open with one."""
    if contact is None or contact.cue is None:
        return p.start
    s, e = contact.cue
    if not (p.start <= s < p.end) or text[p.start:s].strip():
        return p.start
    m = re.match(r"[ \t]*:", text[e:p.end])
    if m is None:
        return p.start if e < p.end and text[e] not in " \t" else e
    return e + m.end()


# --------------------------------------------------------------------------- report


@dataclass
class ReportRow:
    id: str
    label: str
    points: str
    advice: str
    full: bool


@dataclass
class ReportSummary:
    total: str  # "92,5" (Vietnamese decimal comma) or "92.5"
    band: str
    colour: str
    rows: list[ReportRow]
    warnings: list[str]
    note: str


def num(x: float) -> str:
    """A score as people write it: no ``.0``; a decimal comma in Vietnamese."""
    s = f"{float(x):g}"
    return s.replace(".", ",") if get_language() == "vi" else s


def summarise(report) -> ReportSummary | None:
    """What the exports print of a :class:`kit.scoring.Report` (or its ``to_dict()``)."""
    if report is None:
        return None
    from ..views.report_view import band

    get = (lambda o, k, d=None: o.get(k, d)) if isinstance(report, dict) else (lambda o, k, d=None: getattr(o, k, d))
    total = float(get(report, "total", 0.0) or 0.0)
    label, colour = band(total)
    rows = []
    for c in get(report, "criteria", []) or []:
        score, maximum = float(get(c, "score", 0) or 0), float(get(c, "max", 0) or 0)
        message = sanitize(get(c, "message", "") or "")
        full = bool(maximum) and score >= maximum
        rows.append(ReportRow(str(get(c, "id", "")), sanitize(get(c, "label", "") or ""),
                              f"{num(score)}/{num(maximum)}",
                              message or (_("Meets the criterion.") if full else ""), full))
    warnings = [sanitize(w) for w in (get(report, "warnings", []) or [])]
    return ReportSummary(num(total), label, colour, rows, warnings,
                         _("Scored automatically by the kit: read the advice, then check the release "
                           "yourself before sending it."))


def _report_for(text: str, report):
    if report is False:
        return None
    if report is None:
        from ..scoring import score

        report = score(text, "press_release")
    return summarise(report)


def labels(summary: ReportSummary | None) -> dict[str, str]:
    return {
        "report": _("Score report"),
        "criterion": _("Criterion"),
        "points": _("Points"),
        "advice": _("Advice"),
        "warnings": _("Warnings"),
        "total": t("Total: {total}/100", total=summary.total) if summary else "",
    }


# --------------------------------------------------------------------------- Markdown


def to_markdown(text: str, report=None) -> str:
    """The release as Markdown (kept as written, HTML made inert), then its score report as
    a table. ``report``: a :class:`kit.scoring.Report` (its ``to_dict()`` works too);
    ``None`` scores the text as a press release; ``False`` leaves the report out."""
    from .markdown_report import render

    release = structure(text)
    summary = _report_for(release.text, report)
    return render("press_release.md.j2", blocks=release.blocks, report=summary, labels=labels(summary))


# --------------------------------------------------------------------------- docx


def new_document():
    """An empty Word document set up the NĐ 30/2020 way: A4, the decree's margins, Times New
    Roman styles, page numbers centred in the top margin from page 2 (plans use it too)."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    _setup_styles(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    sec.top_margin, sec.bottom_margin = _twips_up(MARGINS_MM["top"]), _twips_up(MARGINS_MM["bottom"])
    sec.left_margin, sec.right_margin = _twips_up(MARGINS_MM["left"]), _twips_up(MARGINS_MM["right"])
    sec.header_distance = sec.footer_distance = Mm(HEADER_MM)
    _page_numbers(sec)
    return doc


def to_docx(text: str, report=None, *, title: str | None = None) -> bytes:
    """The release as a ``.docx`` (NĐ 30/2020 page set-up), then its score report on a new
    page. ``report`` as in :func:`to_markdown`; ``title`` overrides the document title
    (the headline by default)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    release = structure(text)
    summary = _report_for(release.text, report)
    doc = new_document()

    body = doc.paragraphs[0] if doc.paragraphs else None  # the template's empty first paragraph
    if body is not None:
        body._p.getparent().remove(body._p)

    # Paragraphs are built directly (python-docx looks a style up by name in O(styles) per call,
    # which makes a long paste take seconds).
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    style_ids = style_id_map(doc)
    body_el = doc.element.body
    sect = body_el.sectPr

    def para(style: str, text: str = "", *, bold=None, italic=None):
        p_el = OxmlElement("w:p")
        if sect is not None:
            sect.addprevious(p_el)
        else:
            body_el.append(p_el)
        p_el.style = style_ids[style]
        p = Paragraph(p_el, doc._body)
        if text:
            _run(p, text, bold=bold, italic=italic)
        return p

    for i, b in enumerate(release.blocks):
        nxt = release.blocks[i + 1] if i + 1 < len(release.blocks) else None
        if b.role == "header":
            para("PR Header", b.text, bold=_is_caps(b.text) or None)
        elif b.role == "kicker":
            para("PR Kicker", b.text)
        elif b.role == "headline":
            para("PR Headline", b.text)
        elif b.role == "dateline":
            para("PR Dateline", b.text)
        elif b.role == "subheading":
            para("PR Subheading", b.text)
        elif b.role == "caption":
            para("PR Caption", b.text)
        elif b.role == "list":
            p = para("PR List", _marker_tab(b.text, b.marker))
            if nxt is None or nxt.role != "list":
                p.paragraph_format.space_after = Pt(AFTER_PT)
        elif b.role == "endmark":
            para("PR End Mark", b.text)
        elif b.role == "contact":
            lines = ([b.label] if b.label else []) + b.lines
            for i, line in enumerate(lines):
                p = para("PR Contact")
                if i == 0 and b.label:
                    _run(p, line, bold=True)
                elif i == (1 if b.label else 0) and b.cue:
                    _run(p, b.cue, bold=True)
                    if line:
                        _run(p, " " + line)
                else:
                    _run(p, line)
                if i < len(lines) - 1:
                    p.paragraph_format.keep_with_next = True
        elif b.role == "empty":
            para("PR Body", b.text, italic=True)
        else:
            p = para("PR Body")
            if b.dateline:
                _run(p, b.dateline, italic=True)
                _run(p, " ")
            _run(p, b.text)

    if summary is not None:
        lab = labels(summary)
        h = para("PR Report Heading", lab["report"])
        h.paragraph_format.page_break_before = True
        p = para("PR Report Text")
        _run(p, lab["total"], bold=True)
        _run(p, " — ")
        r = _run(p, summary.band, bold=True)
        r.font.color.rgb = RGBColor.from_string(summary.colour.lstrip("#").upper())
        para("PR Report Note", summary.note, italic=True)
        last = para("PR Report Note", t("Exported on {date}", date=_dt.date.today().strftime("%d/%m/%Y")))
        if summary.warnings:
            para("PR Report Subheading", lab["warnings"])
            for w in summary.warnings:
                last = para("PR Report Bullet", "•\t" + w)
        last.paragraph_format.space_after = Pt(12)  # air before the table
        widths = (Mm(58), Mm(19), Mm(88))  # 165 mm of text width
        table = doc.add_table(rows=1, cols=3)
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for cell, label, w in zip(table.rows[0].cells, (lab["criterion"], lab["points"], lab["advice"]), widths):
            _cell(cell, label, w, bold=True, shade="E7ECF2",
                  align=WD_ALIGN_PARAGRAPH.CENTER)
        _repeat_header(table.rows[0])
        for row in summary.rows:
            tr = table.add_row()
            _cant_split(tr)
            cells = tr.cells
            _cell(cells[0], row.label, widths[0], bold=True)
            _cell(cells[1], row.points, widths[1], align=WD_ALIGN_PARAGRAPH.CENTER)
            _cell(cells[2], row.advice, widths[2], italic=row.full)
        for col, w in zip(table.columns, widths):
            col.width = w

    return document_bytes(doc, title=sanitize(title) if title else (release.headline or _("Press release")),
                          subject=_("Press release"), category=_("Press release"))


def document_bytes(doc, *, title: str, subject: str, author: str = "", category: str = "") -> bytes:
    """``doc`` saved as .docx bytes, with clean properties: its title, subject, author and category,
    Vietnamese, created now, and nothing left over from the template (comments, keywords, editor)."""
    cp = doc.core_properties
    cp.title, cp.subject, cp.author, cp.category = title, subject, author, category
    cp.language = "vi-VN"
    cp.last_modified_by = ""
    cp.comments = ""
    cp.keywords = ""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cp.created = cp.modified = now
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _marker_tab(text: str, marker: str | None) -> str:
    """"• 6.000 cuốn sách" → "•\t6.000 cuốn sách": the text then lines up at the hanging indent."""
    if marker and text.startswith(marker) and text[len(marker):len(marker) + 1] in (" ", "\t"):
        return marker + "\t" + text[len(marker):].lstrip(" \t")
    return text


def _twips_up(mm: float):
    """``mm`` as whole twips (what .docx stores), rounded up so that 15 mm stays ≥ 15 mm."""
    import math

    from docx.shared import Twips

    return Twips(math.ceil(mm * 1440 / 25.4 - 1e-9))


def _is_caps(text: str) -> bool:
    return text.upper() == text and any(ch.isalpha() for ch in text)


# ---- python-docx helpers


def _fonts(rpr, name: str = FONT) -> None:
    """Set all four ``w:rFonts`` slots (and drop theme fonts, which would win in Word)."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{attr}"), name)


def _size_cs(rpr, pt: float) -> None:
    """The complex-script size (``w:szCs``) matching ``w:sz``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    e = rpr.find(qn("w:szCs"))
    if e is None:
        e = OxmlElement("w:szCs")
        rpr.insert_element_before(e, "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
                                  "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
    e.set(qn("w:val"), str(int(round(pt * 2))))


def _lang(rpr, val: str = "vi-VN") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), val)
    lang.set(qn("w:eastAsia"), val)


_RPR_TEMPLATE = []


def _rpr_template():
    """A ``w:rPr`` naming Times New Roman in all four slots, copied into every run."""
    if not _RPR_TEMPLATE:
        from docx.oxml import OxmlElement

        rpr = OxmlElement("w:rPr")
        _fonts(rpr)
        _RPR_TEMPLATE.append(rpr)
    return _RPR_TEMPLATE[0]


def _run(p, text: str, *, bold=None, italic=None, size=None):
    from copy import deepcopy

    r = p.add_run(text)
    # direct font names too, so that no style or theme lets Word substitute another font
    r._r.insert(0, deepcopy(_rpr_template()))
    if bold is not None:
        r.bold = bold
    if italic is not None:
        r.italic = italic
    if size is not None:
        r.font.size = size
    return r


def style_id_map(doc) -> dict[str, str]:
    """Style name → style id, read once: python-docx's lookup by name scans every style on each
    call, which made a plan's export take seconds."""
    return {st.name: st.style_id for st in doc.styles}


def paragraph_style(doc, name: str, *, size=BODY_PT, bold=False, italic=False, align=None, before=0,
                    after=AFTER_PT, first_line=None, left=None, keep_next=False, outline=None, colour=None,
                    spacing=None):
    """Add the paragraph style ``name`` (Times New Roman, based on Normal) to ``doc``."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt

    st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles["Normal"]
    st.quick_style = True
    st.font.name = FONT
    _fonts(st.element.get_or_add_rPr())
    st.font.size = Pt(size)
    _size_cs(st.element.get_or_add_rPr(), size)
    st.font.bold = bold
    st.font.italic = italic
    if colour:
        from docx.shared import RGBColor

        st.font.color.rgb = RGBColor.from_string(colour)
    f = st.paragraph_format
    if align is not None:
        f.alignment = align
    f.space_before, f.space_after = Pt(before), Pt(after)
    if first_line is not None:
        f.first_line_indent = first_line
    if left is not None:
        f.left_indent = left
    if spacing is not None:
        f.line_spacing = spacing
    f.keep_with_next = keep_next
    if outline is not None:
        st.element.get_or_add_pPr().get_or_add_outlineLvl().set(qn("w:val"), str(outline))
    return st


def _setup_styles(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    styles = doc.styles
    # document defaults: Times New Roman everywhere, Vietnamese proofing
    rpr_default = styles.element.find(qn("w:docDefaults"))
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault"))
        if rpr is not None and rpr.find(qn("w:rPr")) is not None:
            _fonts(rpr.find(qn("w:rPr")))
            _lang(rpr.find(qn("w:rPr")))
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _fonts(normal.element.get_or_add_rPr())
    _size_cs(normal.element.get_or_add_rPr(), BODY_PT)
    _lang(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(AFTER_PT)
    pf.line_spacing = LINE_SPACING
    pf.widow_control = True

    def add(name, **kw):
        return paragraph_style(doc, name, **kw)

    J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    add("PR Header", align=C, after=0, keep_next=True)
    add("PR Kicker", bold=True, align=C, before=6, after=6, keep_next=True)
    add("PR Headline", size=HEADLINE_PT, bold=True, align=C, before=6, after=12, keep_next=True, outline=0,
        spacing=1.0)
    add("PR Dateline", italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=AFTER_PT, keep_next=True)
    add("PR Body", align=J, first_line=Cm(FIRST_LINE_CM))
    add("PR Subheading", bold=True, align=L, before=6, keep_next=True, first_line=Cm(FIRST_LINE_CM))
    add("PR Caption", size=12, italic=True, align=C)
    lst = add("PR List", align=J, left=Cm(FIRST_LINE_CM + 0.63), first_line=Cm(-0.63), after=3)
    lst.paragraph_format.tab_stops.add_tab_stop(Cm(FIRST_LINE_CM + 0.63), WD_TAB_ALIGNMENT.LEFT)
    add("PR End Mark", align=C, before=6, after=12)
    contact = add("PR Contact", align=L, after=0, left=Cm(0.2))
    contact.paragraph_format.right_indent = Cm(0.2)
    contact.paragraph_format.keep_together = True
    _border_box(contact.element.get_or_add_pPr())
    add("PR Report Heading", size=14, bold=True, align=C, after=12, keep_next=True, outline=0)
    add("PR Report Text", size=BODY_PT, align=L, after=6)
    add("PR Report Subheading", size=BODY_PT, bold=True, align=L, before=12, after=6, keep_next=True)
    bullet = add("PR Report Bullet", size=REPORT_PT, align=L, left=Cm(0.6), first_line=Cm(-0.6), after=3)
    bullet.paragraph_format.tab_stops.add_tab_stop(Cm(0.6), WD_TAB_ALIGNMENT.LEFT)
    add("PR Report Note", size=11, align=L, after=0, colour="52606D")
    add("PR Table Text", size=REPORT_PT, align=L, after=0, spacing=1.0)


_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _border_box(ppr) -> None:
    """A thin box round the paragraph (consecutive boxed paragraphs share one box)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "6")  # eighths of a point
        e.set(qn("w:space"), "4")  # points
        e.set(qn("w:color"), "404040")
        bdr.append(e)
    # schema order: Word rejects misplaced elements
    ppr.insert_element_before(bdr, *_PPR_AFTER_PBDR)


def _page_numbers(sec) -> None:
    """The page number centred in the top margin, none on page 1 (NĐ 30/2020)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    sec.different_first_page_header_footer = True
    first = sec.first_page_header
    first.is_linked_to_previous = False
    header = sec.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.space_after = Pt(0)

    def fld(kind: str):
        r = _run(p, "", size=Pt(BODY_PT))
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), kind)
        r._r.append(e)

    fld("begin")
    r = _run(p, "", size=Pt(BODY_PT))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    r._r.append(instr)
    fld("separate")
    _run(p, "2", size=Pt(BODY_PT))
    fld("end")
    for hp in first.paragraphs:
        hp.paragraph_format.space_after = Pt(0)


def _cell(cell, text: str, width, *, bold=False, italic=False, shade=None, align=None) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    cell.width = width
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    p = cell.paragraphs[0]
    p.style = "PR Table Text"
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_before = Pt(1)
    p.paragraph_format.space_after = Pt(1)
    _run(p, text, bold=bold or None, italic=italic or None)
    if shade:
        tcpr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), shade)
        tcpr.insert_element_before(shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                                   "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def _cant_split(row) -> None:
    """Keep a row on one page (a criterion and its advice are read together)."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", "w:tblCellSpacing",
                               "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trpr.insert_element_before(e, "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
