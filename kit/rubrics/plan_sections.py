"""Where the parts of a Vietnamese administrative plan (*kế hoạch*) are in its text.

A plan drafted under NĐ 30/2020/NĐ-CP (Mẫu 1.4, domain.md §1) has, in order: a header
block (issuing body, national title and motto, "Số: …/KH-…", place and date), the
document type "KẾ HOẠCH" with its summary (trích yếu), *Căn cứ* / *Thực hiện* lines,
numbered sections (I. MỤC ĐÍCH, YÊU CẦU; II. NỘI DUNG; III. TỔ CHỨC THỰC HIỆN;
IV. KINH PHÍ… — domain.md §3, §6), then "Nơi nhận:" and the signer. This module finds
those parts and returns character spans into the text it was given, so that a rubric can
judge one part and a widget can highlight it; a later importer can build a data model
from the same :class:`PlanLayout`.

    layout = parse_plan(text)            # text as given (NFC); never raises
    layout.first("objectives")           # Section with tag "objectives", or None
    layout.items(section)                # its units: list items, table rows, paragraphs
    layout.basis, layout.recipients      # spans

Tolerance (what the parser accepts as the same thing)
------------------------------------------------------
* Numbering: "I." "II)" "III -" "Phần I." (roman), "A." (capital letter), "1." "1)"
  "1/" (arabic), "1.1." "2.3" (dotted), "a)" "đ." (small letter), "(1)", or none (a line
  in capitals such as "MỤC ĐÍCH, YÊU CẦU"). Levels are inferred from the order in which
  marker styles first appear (a stack, as in outline parsers), not from fixed rules, so
  "1. MỤC ĐÍCH" with "1.1." under it works as well as "I." with "1." under it.
* A short line ending with ":" and nothing after it ("Theo dõi, đánh giá:", "Nguồn kinh
  phí:") is a *label*: a sub-section of whatever section it is in.
* Capitalisation and tone placement: titles are matched on :func:`kit.scoring.fold.fold`
  text ("HOÀ"/"hòa", "MỤC TIÊU"/"Mục tiêu").
* Tables: Markdown pipe tables ("| TT | Hoạt động | Thời gian |" with or without a
  "|---|" row) and tab-separated rows (a Word table pasted as text).
* Side-by-side header and signature blocks ("UBND TỈNH X      CỘNG HÒA…",
  "Nơi nhận:      KT. GIÁM ĐỐC"): columns are cut at runs of 3+ spaces or tabs.

Section tags (``Section.tags``), from the folded title
-----------------------------------------------------
``basis`` (căn cứ), ``situation`` (thực trạng, tình hình), ``purpose`` (mục đích, yêu
cầu, mục tiêu, chỉ tiêu), ``aims`` (mục đích), ``objectives`` (mục tiêu, chỉ tiêu),
``requirements`` (yêu cầu), ``content`` (nội dung, nhiệm vụ, giải pháp), ``audiences``
(đối tượng), ``messages`` (thông điệp, khẩu hiệu), ``channels`` (kênh, hình thức,
phương tiện), ``activities`` (hoạt động, lịch, tiến độ, giai đoạn…), ``topics`` (nội
dung trọng tâm…), ``organisation`` (tổ chức thực hiện, phân công, trách nhiệm),
``evaluation`` (theo dõi, đánh giá, giám sát, báo cáo, chỉ số), ``budget`` (kinh phí,
ngân sách, dự toán), ``sources`` (nguồn…), ``procedure`` (quy trình). A heading that
names a unit ("1. Văn phòng Sở", "3. Phòng Kế hoạch - Tài chính") is tagged ``unit``
only, so a department's name never makes it a budget section.

Everything is linear in the length of the text; regexes are anchored or bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..scoring.fold import fold
from ..text import analyse
from ..text.segment import Document, Paragraph

Span = tuple[int, int]

__all__ = [
    "Cell", "Item", "PlanLayout", "Section", "Span", "SpanSet", "Table",
    "ATTRIBUTE_LINE", "columns", "is_caps", "is_total_row", "marker_end", "parse_plan", "tags_of",
]

# --------------------------------------------------------------------------- patterns

# Section markers at the start of a line. Roman numerals are limited to I, V, X so that
# "C." or "D." read as letters.
_MARKER = re.compile(
    r"(?:(?P<part>(?:phần|PHẦN|Phần|mục|MỤC|Mục|chương|CHƯƠNG|Chương)\s+)?(?P<roman>[IVX]{1,5})\s*[.)/:\-–—]\s*(?=\S)"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?\)?\s+"
    r"|(?P<arabic>\d{1,2})\s*[.)/]\s+"
    r"|\((?P<paren>\d{1,2}|[a-zđ])\)\s*"
    r"|(?P<upper>[A-ZĐ])[.)]\s+"
    r"|(?P<lower>[a-zđ])[.)]\s+)"
)
_BULLET = re.compile(r"(?:[-+•*–—·▪◦●○►✓→⇒➔➜➤]|=>)\s*")
_END_PUNCT = re.compile(r"[.;,!?…]\s*[\"”’»)]*\s*$")
_TOKEN = re.compile(r"[^\W_]+", re.U)
_LETTER = re.compile(r"[^\W\d_]")
_COLUMN_GAP = re.compile(r"\t+|\s{3,}")

# Lines inside an activity that describe it rather than start a new one
# ("- Thời gian: …", "- Chủ trì: …").
ATTRIBUTE_LINE = re.compile(
    r"(?:thời gian|thời hạn|thời điểm|tiến độ|chủ trì|đơn vị (?:chủ trì|thực hiện|phối hợp|phụ trách)|"
    r"phối hợp|phụ trách|người (?:thực hiện|phụ trách)|nội dung|sản phẩm|kinh phí|kết quả|"
    r"địa điểm|hình thức|đối tượng|phạm vi|yêu cầu|ghi chú)\s*:"
)

_TAG_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (tag, re.compile(rx)) for tag, rx in (
        ("basis", r"^căn cứ"),
        ("situation", r"thực trạng|tình hình|bối cảnh|sự cần thiết|kết quả (?:thực hiện|đạt được)"),
        ("purpose", r"mục đích|yêu cầu|mục tiêu|chỉ tiêu"),
        ("aims", r"mục đích"),
        ("objectives", r"mục tiêu|chỉ tiêu"),
        ("requirements", r"yêu cầu"),
        ("content", r"nội dung|nhiệm vụ|giải pháp"),
        ("audiences", r"đối tượng|công chúng"),
        ("messages", r"thông điệp|khẩu hiệu"),
        ("channels", r"\bkênh\b|hình thức|phương tiện|phương thức"),
        ("activities", r"hoạt động|\blịch\b|tiến độ|giai đoạn|lộ trình|thời gian (?:thực hiện|triển khai)|"
                       r"kế hoạch (?:triển khai|chi tiết)|nhiệm vụ cụ thể|công việc cụ thể"),
        ("topics", r"nội dung (?:trọng tâm|chủ yếu|chính|cụ thể|truyền thông|tuyên truyền)|chủ đề"),
        ("organisation", r"tổ chức thực hiện|phân công|trách nhiệm|tổ chức triển khai"),
        ("evaluation", r"theo dõi|đánh giá|giám sát|báo cáo|chỉ số|sơ kết|tổng kết"),
        ("budget", r"kinh phí|ngân sách|dự toán|tài chính"),
        ("sources", r"^nguồn"),
        ("procedure", r"quy trình|các bước"),
    )
)
# A heading that is a unit's name ("1. Văn phòng Sở", "Phòng Kế hoạch - Tài chính",
# "Đề nghị UBND các xã") is a task-by-unit entry, never a topic section.
# Names of units that can lead or take part in a plan's work (the rubric uses the same list).
NAMED_UNITS = (r"(?:văn phòng|phòng|thanh tra|ban|tổ\s+(?!chức)|trường|nhà trường|ubnd|ủy ban|sở|bộ|trung tâm|"
               r"công an|công đoàn|đoàn|hội|cục|vụ|viện|hiệu trưởng|phó hiệu trưởng|giáo viên|giám đốc|"
               r"cơ sở giáo dục|báo|đài|liên đoàn)(?![^\W\d_])")
_UNIT_HEAD = re.compile(
    r"(?:các\s+|đề nghị\s+(?:các\s+)?)?(?:" + NAMED_UNITS + r"|(?:lãnh đạo|cơ quan|đơn vị|bộ phận)(?![^\W\d_]))"
)
_BASIS_START = re.compile(r"(?:căn cứ|thực hiện|triển khai|theo chỉ đạo|theo đề nghị|theo ý kiến)\b")
_DOC_TYPE = re.compile(r"k[eêếềểễệ]\s*ho[aạáàảã]ch\b")
_NATIONAL = re.compile(r"cộng\s+h[òo]a\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam")
_MOTTO = re.compile(r"độc\s+lập\s*[-–—]+\s*tự\s+do\s*[-–—]+\s*hạnh\s+phúc")
_NUMBER = re.compile(r"số\s*[:.]?\s*[\d\s.…_]{0,12}/\s*[a-zđ][a-zđ&]{0,8}(?:-[a-zđ&.]{1,15}){0,3}")
_DATELINE = re.compile(
    r"[^\W\d_][^\n,]{0,50},\s*ngày\s*(?:\d{1,2}|[\s.…_]{1,12})\s*(?:tháng\s*(?:\d{1,2}|[\s.…_]{1,12})\s*năm\s*\d{4}"
    r"|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})"
)
_ISSUER_WORD = re.compile(
    r"(?:ubnd|ủy ban|bộ|sở|trường|phòng|ban|cục|vụ|viện|trung tâm|đại học|học viện|công đoàn|đoàn|hội|"
    r"đảng ủy|tỉnh ủy|thành ủy|chi bộ|ttgdnn|gdđt|gd&đt)\b"
)
_RECIPIENTS = re.compile(r"\s*nơi\s+nhận\b\s*:?")
_SIGNER_PREFIX = re.compile(r"(?:kt|tm|tl|q|tuq|ktl)\s*\.\s*\S")
_SIGNER_TITLE = re.compile(
    r"(?:phó\s+)?(?:giám đốc|hiệu trưởng|bộ trưởng|thứ trưởng|chủ tịch|trưởng phòng|chánh văn phòng|"
    r"trưởng ban|cục trưởng|vụ trưởng|viện trưởng|tổng giám đốc|bí thư|trưởng khoa|trưởng đoàn|"
    r"chánh thanh tra|người ký|thủ trưởng)\b"
)
_NAME = re.compile(r"(?:[A-ZÀ-ỸĐ][\w'’\-]*\s+){1,6}[A-ZÀ-ỸĐ][\w'’\-]*")
_CLOSING = re.compile(r"trên đây là\b")
_RULE_LINE = re.compile(r"[-_=—–*.\s]{3,}$")
_SEPARATOR_CELL = re.compile(r":?-{2,}:?")
_TOTAL_ROW = re.compile(r"(?:tổng cộng|tổng số|tổng|cộng)\s*(?:[:(]|$|kinh phí|dự toán)")


# --------------------------------------------------------------------------- value types

@dataclass(frozen=True)
class Cell:
    """One table cell: ``text`` is stripped; ``start``/``end`` cover it in the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Table:
    """A table written as pipe rows or tab-separated rows.

    ``header`` is the first row; ``rows`` the body rows (a "|---|" separator is dropped).
    """

    start: int
    end: int
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header_folded: tuple[str, ...] = ()  # folded header texts, same order

    def column(self, pattern: str | re.Pattern[str]) -> int | None:
        """Index of the first header cell whose folded text matches ``pattern``."""
        cols = self.columns(pattern)
        return cols[0] if cols else None

    def columns(self, pattern: str | re.Pattern[str]) -> list[int]:
        """Indices of the header cells whose folded text matches ``pattern``."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        heads = self.header_folded or tuple(fold(c.text) for c in self.header)
        return [i for i, h in enumerate(heads) if rx.search(h)]


@dataclass(frozen=True)
class Section:
    """A numbered or titled part of the plan.

    ``start``–``title_end`` is the heading line, ``title_end``–``end`` its body (up to
    the next heading of the same or a higher level). ``style`` is the marker style
    (``roman``, ``upper``, ``arabic``, ``dotted``, ``lower``, ``paren``, ``caps`` for an
    unnumbered line in capitals, ``label`` for "Title:" lines); ``level`` starts at 1.
    """

    title: str
    marker: str | None
    style: str
    level: int
    tags: frozenset[str]
    start: int
    title_end: int
    end: int
    children: tuple["Section", ...] = ()

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    @property
    def body(self) -> Span:
        return (self.title_end, self.end)

    def has(self, *tags: str) -> bool:
        return any(t in self.tags for t in tags)

    def walk(self) -> Iterator["Section"]:
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass(frozen=True)
class Item:
    """A unit inside a section: a list item (with the attribute lines under it), a table
    row, or a body paragraph.

    ``start``/``end`` cover the whole unit (``text`` and ``folded`` are that slice of the
    text and of the folded text), ``head`` its first line (what to highlight). ``label`` is
    the text of the group labels above it inside the region ("Quý I/2027", "4.1. Giai
    đoạn chuẩn bị"), which its details may inherit. For a table row, ``cells`` pairs each
    header text with its cell.
    """

    start: int
    end: int
    head: Span
    text: str
    folded: str
    label: str = ""
    kind: str = "item"  # "item", "row" or "body"
    cells: tuple[tuple[str, Cell], ...] = ()
    table: Table | None = None

    def cell(self, pattern: str | re.Pattern[str]) -> Cell | None:
        """The cell whose folded header matches ``pattern`` (first one), if any."""
        if self.table is None:
            return None
        for i in self.table.columns(pattern):
            if i < len(self.cells):
                return self.cells[i][1]
        return None


@dataclass
class PlanLayout:
    """The parts of a plan, as spans into ``text`` (``None`` when a part is missing)."""

    text: str
    folded: str
    doc: Document
    header: Span | None = None
    issuer: Span | None = None
    national_title: Span | None = None
    motto: Span | None = None
    number: Span | None = None
    dateline: Span | None = None
    doc_type: Span | None = None
    doc_type_ok: bool = False  # spelt "KẾ HOẠCH" (not "KÊ HOẠCH")
    summary: Span | None = None
    basis: tuple[Span, ...] = ()
    body: Span = (0, 0)
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    closing: Span | None = None
    recipients: Span | None = None
    signer_title: Span | None = None
    signer_name: Span | None = None
    _paragraphs: list[Paragraph] = field(default_factory=list, repr=False)
    _para_starts: list[int] = field(default_factory=list, repr=False)
    _table_rows: set[int] = field(default_factory=set, repr=False)
    _heading_paras: dict[int, Section] = field(default_factory=dict, repr=False)
    cache: dict = field(default_factory=dict, repr=False)  # for consumers' derived results

    # ---------------------------------------------------------------- sections

    def walk(self) -> Iterator[Section]:
        """Every section, outer before inner, in document order."""
        return iter(self._all_sections())

    def _all_sections(self) -> list[Section]:
        hit = self.cache.get("_all")
        if hit is None:
            hit = self.cache["_all"] = [x for s in self.sections for x in s.walk()]
            self.cache["_all_starts"] = [x.start for x in hit]
        return hit

    def find(self, *tags: str) -> list[Section]:
        """All sections (any level, document order) carrying any of ``tags``."""
        return [s for s in self._all_sections() if s.has(*tags)]

    def first(self, *tags: str) -> Section | None:
        for s in self._all_sections():
            if s.has(*tags):
                return s
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span contains ``offset``."""
        path = self.path_at(offset)
        return path[-1] if path else None

    def path_at(self, offset: int) -> list[Section]:
        """Sections containing ``offset``, outermost first."""
        out: list[Section] = []
        level = self.sections
        while level:
            key = ("starts", id(level))
            starts = self.cache.get(key)
            if starts is None:
                starts = self.cache[key] = [s.start for s in level]
            i = bisect_right(starts, offset) - 1
            if i < 0 or not (level[i].start <= offset < level[i].end):
                break
            out.append(level[i])
            level = level[i].children
        return out

    # ---------------------------------------------------------------- paragraphs, tables

    def paragraphs(self, start: int = 0, end: int | None = None) -> list[Paragraph]:
        """Paragraphs starting in ``[start, end)``."""
        end = len(self.text) if end is None else end
        i = bisect_right(self._para_starts, start - 1)
        out = []
        while i < len(self._paragraphs) and self._paragraphs[i].start < end:
            out.append(self._paragraphs[i])
            i += 1
        return out

    def tables_in(self, start: int, end: int) -> list[Table]:
        """Tables starting in ``[start, end)``."""
        return [t for t in self.tables if start <= t.start < end]

    def is_table_row(self, para: Paragraph) -> bool:
        return para.index in self._table_rows

    def heading_section(self, para: Paragraph) -> Section | None:
        """The section this paragraph is the heading of, if it is one."""
        return self._heading_paras.get(para.index)

    # ---------------------------------------------------------------- items

    def items(self, region: Section | Span, *, exclude: Iterable[str] = ()) -> list[Item]:
        """The units of ``region``: table rows, list items with their attribute lines
        ("- Thời gian: …" under "a) …"), and body paragraphs; headings and short labels
        become the ``label`` of what follows them. Sub-sections carrying any tag in
        ``exclude`` are skipped."""
        if isinstance(region, Section) and region.style == "inline":
            a = region.title_end + _lead(self.text[region.title_end:region.end])
            return [Item(a, region.end, (region.start, region.end), self.text[a:region.end],
                         self.folded[a:region.end], region.title, "body")]
        start, end = region.body if isinstance(region, Section) else region
        key = ("items", start, end, tuple(exclude))
        hit = self.cache.get(key)
        if hit is not None:
            return list(hit)
        skip: list[Span] = []
        if exclude:
            secs = self._all_sections()
            i = bisect_right(self.cache["_all_starts"], start - 1)
            while i < len(secs) and secs[i].start < end:
                s = secs[i]
                if s.has(*exclude) and not (isinstance(region, Section) and s is region):
                    skip.append(s.span)
                i += 1
        out = _items(self, start, end, skip)
        self.cache[key] = tuple(out)
        return out


# --------------------------------------------------------------------------- helpers

class SpanSet:
    """Spans merged and sorted, for a fast "is this offset inside one of them?"."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _b in merged]
        self._ends = [b for _a, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def __bool__(self) -> bool:
        return bool(self._starts)


def is_caps(text: str) -> bool:
    """At least two letters and no small letter."""
    letters = 0
    for ch in text[:400]:
        if ch.islower():
            return False
        if ch.isalpha():
            letters += 1
    return letters >= 2 and not any(ch.islower() for ch in text[400:])


def columns(line: str, start: int) -> list[Span]:
    """Spans of the columns of a side-by-side line (cut at tabs or 3+ spaces)."""
    out = []
    pos = 0
    for m in _COLUMN_GAP.finditer(line):
        if m.start() > pos:
            out.append((start + pos, start + m.start()))
        pos = m.end()
    if pos < len(line):
        out.append((start + pos, start + len(line)))
    return [(s, e) for s, e in out if line[s - start:e - start].strip()]


def tags_of(title: str, folded: str | None = None) -> frozenset[str]:
    """Tags of a section title (see the module docstring); ``folded`` may be given."""
    t = title.strip()
    f = (fold(t) if folded is None else folded.strip())
    m = _MARKER.match(t)
    if m:
        f = f[m.end():]
    f = f.strip(" :.-–")
    if _UNIT_HEAD.match(f):
        return frozenset({"unit"})
    return frozenset(tag for tag, rx in _TAG_RULES if rx.search(f))


def marker_end(text: str) -> int:
    """Offset where the content of a list line starts, after its marker or bullet
    ("1. ", "a) ", "2.1. ", "- ", "• "); 0 when there is none."""
    lead = len(text) - len(text.lstrip())
    m = _MARKER.match(text, lead) or _BULLET.match(text, lead)
    return m.end() if m else 0


def _marker(text: str) -> tuple[str | None, str | None, int]:
    """(style, marker, offset of the title) for a stripped line."""
    m = _MARKER.match(text)
    if not m:
        return None, None, 0
    for style in ("roman", "dotted", "arabic", "paren", "upper", "lower"):
        if m.group(style) is not None:
            return style, text[:m.end()].strip(), m.end()
    return None, None, 0


_BRACKETED = re.compile(r"\([^()\n]*\)")


def _title_like(rest: str) -> bool:
    toks = _TOKEN.findall(rest[:300])
    if not toks or len(toks) > 14 or len(rest) > 160:
        return False
    if _END_PUNCT.search(rest):
        return False
    # a colon inside brackets is an aside: "1.2. Mục tiêu năm 2027 (chỉ tiêu được giao: 450)"
    colon = _BRACKETED.sub(lambda m: " " * len(m.group()), rest).find(":")
    if 0 <= colon < len(rest.rstrip()) - 1:  # "1. Văn phòng Sở: chủ trì…" is an entry
        return False
    return bool(_LETTER.match(rest.lstrip("\"“'«(")))


_INLINE = re.compile(r"([^:\n]{2,60}):\s*\S")
# Tags that an unnumbered "Head: content" paragraph may open ("Theo dõi, báo cáo: …").
_INLINE_TAGS = frozenset({"objectives", "audiences", "messages", "channels", "evaluation", "activities"})


def _is_plain_heading(text: str, folded: str) -> bool:
    """An unnumbered short line in sentence case that names a plan part ("Các hoạt động",
    "Đối tượng và nhu cầu"): no final punctuation, at most 8 tokens, a known tag."""
    if _END_PUNCT.search(text) or ":" in text or len(text) > 80 or _BULLET.match(text) or "|" in text:
        return False
    toks = _TOKEN.findall(text)
    if not 1 <= len(toks) <= 8 or not text[:1].isupper():
        return False
    tags = tags_of(text, folded)
    return bool(tags) and "unit" not in tags and not _BASIS_START.match(folded)


def _is_label(text: str, folded: str) -> bool:
    s = text.rstrip()
    if not s.endswith(":") or _RECIPIENTS.match(folded):
        return False
    toks = _TOKEN.findall(s[:200])
    return 1 <= len(toks) <= 10 and not _BULLET.match(s) and "|" not in s


# --------------------------------------------------------------------------- parsing

def parse_plan(text: str, doc: Document | None = None, folded: str | None = None) -> PlanLayout:
    """Locate the parts of the plan in ``text`` (any ``str``; never raises)."""
    text = text if isinstance(text, str) else str(text)
    try:
        return _parse(text, doc, folded)
    except Exception:  # pragma: no cover - a parser bug must not break scoring
        return PlanLayout(text, fold(text) if folded is None else folded, doc or analyse(""), body=(0, len(text)))


def _parse(text: str, doc: Document | None, folded: str | None) -> PlanLayout:
    doc = analyse(text) if doc is None else doc
    folded = fold(text) if folded is None else folded
    paras = list(doc.paragraphs)
    lay = PlanLayout(text, folded, doc, body=(0, len(text)))
    lay._paragraphs = paras
    lay._para_starts = [p.start for p in paras]
    n = len(paras)

    def ftext(p: Paragraph) -> str:
        return folded[p.start:p.end].strip()

    # -- document type "KẾ HOẠCH" and summary: within the first 40 paragraphs.
    ti = None
    for p in paras[:40]:
        f = ftext(p)
        if _DOC_TYPE.match(f) and (is_caps(p.text) or len(_TOKEN.findall(f)) <= 2):
            ti = p.index
            m = _DOC_TYPE.match(f)
            lay.doc_type = (p.start + _lead(p.text), p.start + _lead(p.text) + m.end())
            lay.doc_type_ok = m.group().replace(" ", "") in ("kếhoạch",)
            rest = p.text.strip()[m.end():].strip(" :-–")
            if len(_TOKEN.findall(rest)) >= 2:
                at = p.text.find(rest)
                lay.summary = (p.start + at, p.start + at + len(rest))
            break
    after_title = ti + 1 if ti is not None else 0
    if ti is not None and lay.summary is None:
        j = after_title
        s_start = s_end = None
        while j < n and j < after_title + 3:
            f = ftext(paras[j])
            if _RULE_LINE.match(paras[j].text.strip()):
                j += 1
                continue
            if _BASIS_START.match(f) or _MARKER.match(paras[j].text.strip()) or _RECIPIENTS.match(f):
                break
            if s_start is None:
                s_start = paras[j].start
            s_end = paras[j].end
            j += 1
            # a summary wraps onto a second line only when the first does not end a sentence and
            # the next line reads as its continuation (small letter, or capitals after capitals)
            if _END_PUNCT.search(paras[j - 1].text) or j >= n or paras[j].start - paras[j - 1].end > 2:
                break
            nxt = paras[j].text.strip()
            if not nxt or not (nxt[0].islower() or (is_caps(nxt) and is_caps(paras[j - 1].text)
                                                     and not (tags_of(nxt, ftext(paras[j])) - {"unit"}))):
                break
        if s_start is not None:
            lay.summary = (s_start, s_end)
            after_title = j

    # -- header block: the lines before the document type (or the first 12 lines).
    header_end = paras[ti].start if ti is not None else _header_guess(paras, folded)
    if header_end > 0:
        lay.header = (0, header_end)
        _header_elements(lay, text, folded, header_end)

    # -- recipients and signer at the end.
    rec_para = None
    for p in reversed(paras):
        if p.index < after_title:
            break
        if _RECIPIENTS.match(ftext(p)):
            rec_para = p
            break
    body_end = len(text)
    if rec_para is not None:
        body_end = rec_para.start
        j = rec_para.index + 1
        last = rec_para
        while j < n and (_BULLET.match(paras[j].text.lstrip()) or paras[j].text.strip().startswith("Lưu")):
            last = paras[j]
            j += 1
        lay.recipients = (rec_para.start, _first_column_end(last, text))
    _signer(lay, paras, text, folded, rec_para)
    if rec_para is None and lay.signer_title is not None:
        body_end = min(body_end, _line_start(text, lay.signer_title[0]))

    # -- closing sentence "Trên đây là Kế hoạch…" belongs to the body, but is noted.
    for p in reversed(paras):
        if p.start >= body_end:
            continue
        if p.start < (paras[after_title].start if after_title < n else len(text)):
            break
        if _CLOSING.match(ftext(p)):
            lay.closing = (p.start, p.end)
            break

    # -- tables (anywhere between the title and the recipients).
    body_start_guess = paras[after_title].start if after_title < n else len(text)
    lay.tables = tuple(_tables(paras, text, folded, body_start_guess, body_end, lay._table_rows))

    # -- headings and the section tree.
    heads: list[tuple[Paragraph, str, str | None, str, int]] = []  # para, style, marker, title, title offset
    for p in paras:
        if p.start < body_start_guess or p.start >= body_end or p.index in lay._table_rows:
            continue
        raw = p.text.strip()
        lead = _lead(p.text)
        f = ftext(p)
        style, marker, off = _marker(raw)
        if style is not None:
            rest = raw[off:]
            if not _title_like(rest):
                continue
            if style in ("lower", "paren") and not (is_caps(rest) or (tags_of(rest, f[off:]) - {"unit"})):
                continue  # "a) Quý I/2027", "b) Học sinh…" are items, not sections
            heads.append((p, style, marker, rest, lead + off))
        elif is_caps(raw) and len(_TOKEN.findall(raw)) <= 20 and not _RULE_LINE.match(raw):
            heads.append((p, "caps", None, raw, lead))
        elif _is_label(raw, f) or _is_plain_heading(raw, f):
            heads.append((p, "label", None, raw.rstrip(":").strip(), lead))
        else:
            m = _INLINE.match(raw)
            if m and not _BULLET.match(raw) and len(_TOKEN.findall(m.group(1))) <= 8:
                tg = tags_of(m.group(1), f[:m.end(1)])
                if tg & _INLINE_TAGS and "unit" not in tg:
                    heads.append((p, "inline", None, m.group(1).strip(), lead))

    # the body starts at the first real section heading when the preamble holds basis lines
    first_head = next((h for h in heads if h[1] not in ("label", "inline")), None)
    body_start = first_head[0].start if first_head else body_start_guess
    lay.body = (min(body_start, body_end), body_end)
    sections = _tree(heads, body_end, lay._heading_paras, folded)
    lay.sections = tuple(sections)

    # -- basis lines: in the preamble, or the items of a "CĂN CỨ" section.
    basis: list[Span] = []
    for p in paras:
        if p.start < body_start_guess or p.start >= body_start:
            continue
        if _BASIS_START.match(_unmarked(ftext(p))):
            basis.append((p.start + _lead(p.text), p.end))
    if not heads:  # no sections at all: basis lines right after the title
        basis = []
        misses = 0
        for p in paras[after_title:after_title + 12]:
            if _BASIS_START.match(_unmarked(ftext(p))):
                basis.append((p.start + _lead(p.text), p.end))
                misses = 0
            elif basis:
                misses += 1
                if misses >= 2:
                    break
    for s in lay.walk():
        if s.has("basis"):
            inner = SpanSet(c.span for c in s.children if not c.has("basis"))
            for p in lay.paragraphs(s.title_end, s.end):
                if p.text.strip() and p.index not in lay._heading_paras and p.start not in inner:
                    basis.append((p.start + _lead(p.text), p.end))
            for t in lay.tables_in(s.title_end, s.end):
                for row in t.rows:
                    basis.append((row[0].start, row[-1].end))
    lay.basis = tuple(sorted(set(basis)))
    return lay


def _unmarked(f: str) -> str:
    """A folded line without its list marker or bullet."""
    m = _MARKER.match(f) or _BULLET.match(f)
    return f[m.end():] if m else f


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _first_column_end(p: Paragraph, text: str) -> int:
    cols = columns(p.text, p.start)
    return cols[0][1] if cols else p.end


def _header_guess(paras: list[Paragraph], folded: str) -> int:
    """Without a document type line, the header is the run of opening lines that look
    like header elements."""
    end = 0
    for p in paras[:12]:
        f = folded[p.start:p.end]
        if (_NATIONAL.search(f) or _MOTTO.search(f) or _NUMBER.match(f.strip()) or _DATELINE.search(f)
                or (is_caps(p.text) and _ISSUER_WORD.search(f))):
            end = p.end
        else:
            break
    return end


def _header_elements(lay: PlanLayout, text: str, folded: str, end: int) -> None:
    pos = 0
    issuer = None
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop]
        # number and date first on the whole line: a blank number ("Số:     /KH-UBND") or
        # day ("ngày    tháng 4") would otherwise be cut into columns
        fl = folded[pos:stop]
        m = _NUMBER.search(fl)
        if m and lay.number is None and (m.start() == 0 or fl[:m.start()].strip() == "" or fl[m.start() - 1] == " "):
            lay.number = (pos + m.start(), pos + m.end())
        m = _DATELINE.search(fl)
        if m and lay.dateline is None:
            a = m.start()
            gap = None
            for g in _COLUMN_GAP.finditer(fl, a, fl.find(",", a, m.end())):
                gap = g
            lay.dateline = (pos + (gap.end() if gap else a), pos + m.end())
        for s, e in columns(line, pos):
            f = folded[s:e].strip()
            if not f:
                continue
            m = _NATIONAL.search(f)
            if m and lay.national_title is None:
                lay.national_title = (s, e)
                continue
            if _MOTTO.search(f) and lay.motto is None:
                lay.motto = (s, e)
                continue
            if _NUMBER.match(f) or (lay.dateline and lay.dateline[0] <= s < lay.dateline[1]):
                continue
            if issuer is None and is_caps(text[s:e]) and _ISSUER_WORD.match(f):
                issuer = (s, e)
            elif issuer is not None and is_caps(text[s:e]) and _ISSUER_WORD.match(f) and s - issuer[1] < 200 \
                    and s == _line_start(text, s):
                issuer = (issuer[0], e)  # "UBND TỈNH X" + "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (left column)
        pos = stop + 1
    lay.issuer = issuer


def _signer(lay: PlanLayout, paras: list[Paragraph], text: str, folded: str, rec_para: Paragraph | None) -> None:
    """Signer title (GIÁM ĐỐC, KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC, HIỆU TRƯỞNG, TM. UBND…)
    and the name under it, after "Nơi nhận" or in the last lines."""
    if rec_para is not None:
        cand = paras[rec_para.index:]
    else:
        cand = paras[-12:]
    title: Span | None = None
    title_para = -1
    for p in cand:
        for s, e in columns(p.text, p.start):
            raw = text[s:e].strip()
            f = folded[s:e].strip()
            if not is_caps(raw) or len(_TOKEN.findall(raw)) > 12:
                continue
            if _SIGNER_PREFIX.match(f) or _SIGNER_TITLE.match(f):
                if title is None or p.index > title_para + 2:
                    title = (s, e)  # the last signature block wins
                title_para = p.index
    if title is None:
        return
    lay.signer_title = title
    for p in paras:
        if p.index <= title_para or p.index > title_para + 8:
            continue
        for s, e in columns(p.text, p.start):
            raw = text[s:e].strip()
            if raw.startswith(("-", "+", "•")) or is_caps(raw) or ":" in raw or ";" in raw or raw.startswith("("):
                continue
            m = _NAME.fullmatch(raw)
            if m and 2 <= len(raw.split()) <= 7:
                lay.signer_name = (s, e)
                return


def _split_cells(line: str, start: int, sep: str) -> list[Cell]:
    cells = []
    pos = 0
    body = line
    if sep == "|":
        # drop the outer pipes
        ls = len(body) - len(body.lstrip())
        pos = ls + 1 if body.lstrip().startswith("|") else ls
    parts_end = len(body.rstrip())
    if sep == "|" and body.rstrip().endswith("|"):
        parts_end -= 1
    i = pos
    while i <= parts_end:
        j = body.find(sep, i, parts_end)
        if j < 0:
            j = parts_end
        raw = body[i:j]
        lead = len(raw) - len(raw.lstrip())
        txt = raw.strip()
        cells.append(Cell(start + i + lead, start + i + lead + len(txt), txt))
        i = j + 1
    return cells


def _tables(paras: list[Paragraph], text: str, folded: str, start: int, end: int, rows_out: set[int]) -> list[Table]:
    out: list[Table] = []
    run: list[Paragraph] = []
    run_sep = ""

    def flush() -> None:
        nonlocal run
        if len(run) >= 2:
            rows = []
            for p in run:
                cells = _split_cells(p.text, p.start, run_sep)
                if all(_SEPARATOR_CELL.fullmatch(c.text) or not c.text for c in cells):
                    rows_out.add(p.index)
                    continue
                rows.append(tuple(cells))
                rows_out.add(p.index)
            if rows:
                out.append(Table(run[0].start, run[-1].end, rows[0], tuple(rows[1:]),
                                 tuple(folded[c.start:c.end] for c in rows[0])))
        run = []

    for p in paras:
        if p.start < start or p.start >= end:
            continue
        s = p.text.strip()
        if s.startswith("|") and s.count("|") >= 2:
            sep = "|"
        elif "\t" in s and len([c for c in s.split("\t") if c.strip()]) >= 2:
            sep = "\t"
        else:
            flush()
            continue
        if run and (sep != run_sep or p.start - run[-1].end > 2):
            flush()
        run_sep = sep
        run.append(p)
    flush()
    return out


def _tree(heads: list, body_end: int, heading_paras: dict[int, Section], folded: str) -> list[Section]:
    """Nest the headings with a stack of marker styles (first seen = outermost)."""

    class _Node:
        __slots__ = ("para", "style", "marker", "title", "toff", "children", "end", "level", "ftitle")

        def __init__(self, para, style, marker, title, toff):
            self.para, self.style, self.marker, self.title, self.toff = para, style, marker, title, toff
            s = para.start + toff
            self.ftitle = folded[s:s + len(title)]
            self.children: list = []
            self.end = body_end
            self.level = 1

    roots: list[_Node] = []
    stack: list[_Node] = []
    for para, style, marker, title, toff in heads:
        node = _Node(para, style, marker, title, toff)
        if style == "inline":
            # "Theo dõi, báo cáo: …": a one-paragraph section, never a parent
            node.end = para.end
            node.level = len(stack) + 1
            (stack[-1].children if stack else roots).append(node)
            continue
        if style == "label":
            # a label closes a previous label and sits under the current section
            if stack and stack[-1].style == "label":
                stack.pop().end = para.start
        else:
            styles = [s.style for s in stack]
            if style in styles:
                while stack:
                    top = stack.pop()
                    top.end = para.start
                    if top.style == style:
                        break
            elif stack and stack[-1].style == "label":
                stack.pop().end = para.start
        node.level = len(stack) + 1
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def build(node: _Node) -> Section:
        kids = tuple(build(c) for c in node.children)
        start = node.para.start + _lead(node.para.text)
        title_end = node.para.end
        if node.style == "inline":
            title_end = node.para.text.find(":", _lead(node.para.text)) + node.para.start + 1
        sec = Section(
            title=node.title, marker=node.marker, style=node.style, level=node.level,
            tags=tags_of(node.title, node.ftitle), start=start, title_end=title_end, end=node.end, children=kids,
        )
        heading_paras[node.para.index] = sec
        return sec

    return [build(r) for r in roots]


# --------------------------------------------------------------------------- items

def _items(lay: PlanLayout, start: int, end: int, skip: list[Span]) -> list[Item]:
    out: list[Item] = []
    text = lay.text
    folded = lay.folded

    skipset = SpanSet(skip)

    def skipped(pos: int) -> bool:
        return bool(skipset) and pos in skipset

    tables = [t for t in lay.tables_in(start, end) if not skipped(t.start)]
    table_starts = [t.start for t in tables]
    labels: dict[int, str] = {}  # level -> label text (headings inside the region)
    group = ""  # a short ordered item heading the bullets that follow
    group_active = False
    cur: list | None = None  # [start, end, head, label, kind]
    paras = [p for p in lay.paragraphs(start, end) if not skipped(p.start)]

    def make(a: int, b: int, head: Span, label: str, kind: str, cells=(), table=None) -> Item:
        return Item(a, b, head, text[a:b], folded[a:b], label, kind, cells, table)

    def close() -> None:
        nonlocal cur
        if cur is not None:
            out.append(make(*cur))
        cur = None

    def label_text() -> str:
        parts = [labels[k] for k in sorted(labels)]
        if group_active and group:
            parts.append(group)
        return " | ".join(parts)

    def emit_rows(t: Table) -> None:
        for row in t.rows:
            if not row:
                continue
            cells = tuple((t.header[k].text if k < len(t.header) else "", c) for k, c in enumerate(row))
            out.append(make(row[0].start, row[-1].end, (row[0].start, row[-1].end), label_text(), "row", cells, t))

    def stripped(p: Paragraph) -> tuple[str, str]:
        lead = _lead(p.text)
        raw = p.text.strip()
        a = p.start + lead
        return raw, folded[a:a + len(raw)]

    ti = 0
    for i, p in enumerate(paras):
        while ti < len(tables) and tables[ti].start <= p.start:
            close()
            emit_rows(tables[ti])
            ti += 1
        if lay.is_table_row(p):
            continue
        raw, f = stripped(p)
        if not raw:
            continue
        sec = lay.heading_section(p)
        if sec is not None and sec.style != "inline":
            close()
            group_active = False
            has_body = any(q.start >= sec.title_end and not lay.is_table_row(q) and q.index not in lay._heading_paras
                           for q in paras[i + 1:i + 2]) or _any_between(table_starts, sec.title_end, sec.end)
            if not has_body and sec.style != "label" and sec.end - sec.title_end < 3:
                # a heading with nothing under it is itself an entry ("1. Họp báo quý I")
                out.append(make(sec.start, sec.title_end, (sec.start, sec.title_end), label_text(), "item"))
                continue
            for k in [k for k in labels if k >= sec.level]:
                del labels[k]
            labels[sec.level] = raw
            continue
        mk = _MARKER.match(raw)
        bm = _BULLET.match(raw)
        bullet = bool(bm) and not mk
        style, _, off = _marker(raw)
        if not style and bullet:
            off = bm.end()
        body, fbody = raw[off:], f[off:]
        if cur is not None and ATTRIBUTE_LINE.match(fbody):
            cur[1] = p.end
            continue
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if style is not None and nxt is not None and not lay.is_table_row(nxt):
            nraw, nf = stripped(nxt)
            nbm = _BULLET.match(nraw)
            if nbm and not _MARKER.match(nraw) and not ATTRIBUTE_LINE.match(nf[nbm.end():]) \
                    and len(_TOKEN.findall(body)) <= 8:
                # "a) Quý I/2027" above "- Tháng 01: …": a group label
                close()
                group = raw
                group_active = True
                continue
        if style is not None:
            group_active = False
        if _is_label(raw, f):
            close()
            labels[99] = raw
            continue
        close()
        a = p.start + _lead(p.text)
        cur = [a, p.end, (a, p.end), label_text(), "item" if (bullet or style) else "body"]
    close()
    while ti < len(tables):
        emit_rows(tables[ti])
        ti += 1
    return out


def _any_between(sorted_starts: list[int], a: int, b: int) -> bool:
    i = bisect_right(sorted_starts, a - 1)
    return i < len(sorted_starts) and sorted_starts[i] < b


def is_total_row(item: Item) -> bool:
    """A budget or table row that sums the others ("Tổng cộng", "Cộng")."""
    if item.kind != "row":
        return False
    first = next(((c.start, c.end) for _, c in item.cells if c.text), None)
    if first is None:
        return False
    a = first[0] - item.start
    return bool(_TOTAL_ROW.match(item.folded[a:a + (first[1] - first[0])]))
