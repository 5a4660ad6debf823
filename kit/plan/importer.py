"""Import a plan's text (or a .txt/.md/.docx file) into a :class:`~kit.plan.model.Plan`.

Built on :func:`kit.rubrics.plan_sections.parse_plan`: the header elements, basis lines,
recipients and signer come from its spans; section bodies are read with
``layout.items`` and placed by the section tags (purpose, objectives, audiences,
messages, topics, channels, activities, organisation, evaluation, budget, sources).
Every paragraph that no field received goes into ``plan.notes`` verbatim and is returned
as *unplaced*: text is never dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..rubrics.plan_sections import Item, PlanLayout, Section, is_total_row, marker_end, parse_plan
from ..scoring.draft import Draft
from .model import Plan

_AMOUNT = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(triệu\s*)?(?:đồng|đ\b|vnđ|VNĐ)", re.I)
_NUM = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")
_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})|ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DEADLINE = re.compile(r"(?:trước|chậm nhất|đến|trong)\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}/\d{4}|năm\s+\d{4}|quý\s+[IV]+/\d{4})",
                       re.I)
_TARGET = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|tin|bài|cuộc|lượt|trường|cán bộ|phụ huynh|học sinh|người|video|giờ)",
                     re.I)
_SUFFIX = re.compile(r"\s*\((?:chỉ tiêu|thời hạn)\s*:[^()]*\)\s*$")
_ATTR = re.compile(r"(chủ trì|đơn vị chủ trì|phối hợp|đơn vị phối hợp|thời gian|sản phẩm|kết quả|mục tiêu|cách đo|"
                   r"phương pháp)\s*:\s*", re.I)
_TIMING_HEAD = re.compile(r"((?:từ\s+)?(?:tháng|quý|tuần|năm|ngày|trước|trong|đầu|cuối|giữa|hằng|thường xuyên|"
                          r"giai đoạn|đợt)[^:]{0,40}):\s*", re.I)
_TRAIL = " ;.,"


def _strip(text: str) -> str:
    """A list line without its marker/bullet and final ';' or '.'."""
    s = text.strip()
    s = s[marker_end(s):].strip()
    return s.rstrip(";").strip() if s.endswith(";") else s


def _clean_end(s: str) -> str:
    return s.strip().rstrip(";,").strip()


def _amount(s: str) -> int | None:
    """The last amount in đồng on the line ("(6 x 6.000.000 đồng): 36.000.000 đồng" → 36000000)."""
    m = None
    for m in _AMOUNT.finditer(s):
        pass
    if m:
        n = int(re.sub(r"[.,]", "", m.group(1)))
        return n * 1_000_000 if m.group(2) else n
    return None


def _cell(item: Item, pattern: str) -> str:
    c = item.cell(pattern)
    return c.text if c is not None else ""


_MARKER_HEAD = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVX]+\.)\s+", re.I)


def _is_timing(text: str) -> bool:
    """A short phrase that is a time: "xong trước 15/01/2027", "tháng 5 và tháng 6/2027", "Quý I/2027"."""
    from ..text.entities import find_dates

    text = text.strip(" .;,")
    if not text or len(text) > 60:
        return False
    found = find_dates(text)
    return bool(found) and sum(d.end - d.start for d in found) >= len(text) * 0.4


def _attrs(text: str) -> tuple[str, dict[str, str]]:
    """Split "name (chủ trì: A; phối hợp: B)" / "- Chủ trì: A" lines into name and attributes."""
    found: dict[str, str] = {}
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    head = lines[0] if lines else ""
    for ln in lines[1:]:
        body = _strip(ln)
        m = _ATTR.match(body)
        if not m:
            head += " " + body
            continue
        # "→ Chủ trì: A; phối hợp: B; xong trước 15/01/2027": several attributes on one line
        key = None
        for part in re.split(r";\s*", body):
            mm = _ATTR.match(part)
            if mm:
                key = mm.group(1).lower()
                found[key] = _clean_end(part[mm.end():])
            elif key and "thời gian" not in found and _is_timing(part):
                found["thời gian"] = _clean_end(part).rstrip(".")
            elif key:
                found[key] = _clean_end(f"{found[key]}; {part}")
    m = re.search(r"\s*\(([^()]*(?:chủ trì|phối hợp)\s*:[^()]*)\)\s*[.;]?\s*$", head, re.I)
    if m:
        for part in re.split(r";\s*", m.group(1)):
            mm = _ATTR.match(part.strip())
            if mm:
                found[mm.group(1).lower()] = _clean_end(part.strip()[mm.end():])
        head = head[:m.start()]
    m = re.search(r"[;,]?\s*(?:đơn vị thực hiện|thực hiện)\s*:\s*(.+?)\s+chủ trì(?:\s*[,;]\s*(.+?)\s+phối hợp)?\s*[.;]?\s*$",
                  head, re.I)
    if m:
        found.setdefault("chủ trì", m.group(1).strip())
        if m.group(2):
            found.setdefault("phối hợp", m.group(2).strip())
        head = head[:m.start()]
    return _clean_end(_strip(head)), found


class _Importer:
    def __init__(self, text: str) -> None:
        draft = Draft(text)
        self.text = draft.text
        self.lay: PlanLayout = parse_plan(draft.text, draft.doc, draft.folded)
        self.plan = Plan()
        self.placed: list[tuple[int, int]] = []
        self.used_labels: set[str] = set()
        self.extra_notes: list[str] = []

    def mark(self, a: int, b: int) -> None:
        self.placed.append((a, b))

    def span_text(self, span) -> str:
        return self.text[span[0]:span[1]].strip() if span else ""

    # ------------------------------------------------------------ header / end
    def header(self) -> None:
        lay, p = self.lay, self.plan
        for sp in (lay.national_title, lay.motto, lay.doc_type):
            if sp:
                self.mark(*sp)
        if lay.issuer:
            lines = [ln.strip() for ln in self.span_text(lay.issuer).split("\n") if ln.strip()]
            # side-by-side headers: keep only the issuer columns
            lines = [re.split(r"\t|\s{3,}", ln)[0] for ln in lines]
            cut = next((i for i, ln in enumerate(lines) if re.match(r"CỘNG H|ĐỘC LẬP", ln.upper())), None)
            if cut:  # lines after the national title are not the issuer's: keep them as notes
                self.extra_notes.extend(ln for ln in lines[cut:] if not re.match(r"CỘNG H|ĐỘC LẬP", ln.upper()))
                lines = lines[:cut]
            p.issuing_body = lines[-1] if lines else ""
            p.parent_body = "\n".join(lines[:-1])
            self.mark(*lay.issuer)
        if lay.number:
            s = self.span_text(lay.number)
            s = re.sub(r"^số\s*[:.]?\s*", "", s, flags=re.I)
            p.number = re.sub(r"\s+", "", s)
            self.mark(*lay.number)
        if lay.dateline:
            s = self.span_text(lay.dateline)
            p.place = s.split(",")[0].strip()
            m = _DATE.search(s)
            if m:
                g = [x for x in m.groups() if x]
                p.date = f"{int(g[2]):04d}-{int(g[1]):02d}-{int(g[0]):02d}"
            self.mark(*lay.dateline)
        if lay.doc_type:
            p.title = "KẾ HOẠCH"
        if lay.summary:
            p.summary = " ".join(self.span_text(lay.summary).split())
            self.mark(*lay.summary)
        for sp in lay.basis:
            p.bases.append(self.span_text(sp))
            self.mark(*sp)
        if lay.recipients:
            lines = self.span_text(lay.recipients).split("\n")
            first = re.sub(r"^\s*nơi\s+nhận\s*:?", "", lines[0], flags=re.I).strip()
            for ln in ([first] if first else []) + lines[1:]:
                ln = re.split(r"\t|\s{3,}", ln.strip())[0]
                ln = _strip(ln).rstrip(".").strip()
                if ln:
                    p.recipients.append(ln)
            self.mark(*lay.recipients)
        if lay.signer_title:
            a = lay.signer_title[0]
            b = lay.signer_name[0] if lay.signer_name else lay.signer_title[1]
            lines = []
            for ln in self.text[a:b].split("\n"):
                cols = [c for c in re.split(r"\t|\s{3,}", ln) if c.strip()]
                if cols and cols[-1].strip().isupper():
                    lines.append(cols[-1].strip())
            p.signer_title = "\n".join(lines) or self.span_text(lay.signer_title)
            self.mark(a, b)
        if lay.signer_name:
            p.signer_name = self.span_text(lay.signer_name)
            self.mark(*lay.signer_name)

    # ------------------------------------------------------------ sections
    def items(self, sec: Section, exclude=()) -> list[Item]:
        out = []
        for it in self.lay.items(sec, exclude=exclude):
            if self.lay.closing and it.start >= self.lay.closing[0] and it.end <= self.lay.closing[1]:
                continue
            out.append(it)
        return out

    def place(self, sec: Section, kind: str, exclude=()) -> None:
        self.mark(sec.start, sec.title_end)
        its = self.items(sec, exclude)
        getattr(self, "put_" + kind)(sec, its)

    def put_strings(self, field: str, its: list[Item]) -> None:
        for it in its:
            s = _clean_end(_strip(it.text)) if it.kind != "row" else " – ".join(c.text for _, c in it.cells[1:] if c.text)
            if s:
                getattr(self.plan, field).append(" ".join(s.split()) if it.kind == "row" else s)
                self.mark(it.start, it.end)

    def put_purposes(self, sec, its):
        self.put_strings("purposes", its)

    def put_requirements(self, sec, its):
        self.put_strings("requirements", its)

    def put_messages(self, sec, its):
        self.put_strings("messages", its)

    def put_topics(self, sec, its):
        self.put_strings("topics", its)

    def put_channels(self, sec, its):
        self.put_strings("channels", its)

    def put_objectives(self, sec, its):
        for it in its:
            if it.kind == "row":
                text = _cell(it, r"mục tiêu|chỉ tiêu|nội dung") or " ".join(c.text for _, c in it.cells[1:])
                o = {"text": text}
                tg = _cell(it, r"chỉ số|mức|giá trị|target")
                dl = _cell(it, r"thời hạn|thời gian|hạn")
            else:
                text = _clean_end(_strip(it.text))
                m = _SUFFIX.search(text)
                tg = dl = ""
                if m:
                    for part in re.split(r";\s*", m.group(0).strip(" ()")):
                        k, _, v = part.partition(":")
                        if "chỉ tiêu" in k:
                            tg = v.strip()
                        else:
                            dl = v.strip()
                    text = text[:m.start()]
                o = {"text": text}
                if not tg:
                    mt = _TARGET.search(text)
                    tg = mt.group(0).strip(" ,") if mt else ""
                if not dl:
                    md = _DEADLINE.search(text)
                    dl = md.group(1) if md else ""
            if tg:
                o["target"] = tg
            if dl:
                o["deadline"] = dl
            if o["text"]:
                self.plan.objectives.append(o)
                self.mark(it.start, it.end)

    def put_audiences(self, sec, its):
        for it in its:
            if it.kind == "row":
                name = _cell(it, r"đối tượng|công chúng") or (it.cells[1][1].text if len(it.cells) > 1 else "")
                needs = _cell(it, r"nhu cầu|thông tin|nội dung")
                for field, rx in (("messages", r"thông điệp"), ("channels", r"kênh|hình thức")):
                    v = _cell(it, rx)
                    if v and v not in getattr(self.plan, field):
                        getattr(self.plan, field).append(v)
            else:
                s = _clean_end(_strip(it.text))
                name, _, needs = s.partition(":")
            if name.strip():
                self.plan.audiences.append({"name": name.strip(), "needs": " ".join(needs.split())})
                self.mark(it.start, it.end)

    def put_activities(self, sec, its):
        period = ""  # a line such as "Quý I/2027" heading the activities under it
        for it in its:
            if it.kind != "row" and "\n" not in it.text.strip() and _is_timing(_strip(it.text)) \
                    and len(_strip(it.text).split()) <= 6:
                period = _clean_end(_strip(it.text)).rstrip(":")
                self.mark(it.start, it.end)
                continue
            if it.kind == "row":
                a = {"name": _cell(it, r"hoạt động|nội dung|công việc"), "timing": _cell(it, r"thời gian|tiến độ"),
                     "lead": _cell(it, r"chủ trì|thực hiện|phụ trách"), "support": _cell(it, r"phối hợp")}
                out = _cell(it, r"sản phẩm|kết quả")
                if not a["name"]:
                    a["name"] = " ".join(c.text for _, c in it.cells[1:2])
            else:
                name, attrs = _attrs(it.text)
                timing = attrs.get("thời gian", "")
                m = _TIMING_HEAD.match(name)
                if m and not timing:
                    timing, name = m.group(1).strip(), name[m.end():]
                lab = it.label.split(" | ")[-1].strip() if it.label else ""
                if lab and lab.rstrip(":") != sec.title.strip() and not lab.endswith(sec.title.strip()):
                    group = _strip(lab).rstrip(":").strip()
                    timing = f"{group}, {timing}" if timing else group
                    self.used_labels.add(lab)
                if period and period not in timing:
                    timing = f"{period}, {timing}" if timing else period
                a = {"name": _clean_end(name), "timing": timing,
                     "lead": attrs.get("chủ trì", attrs.get("đơn vị chủ trì", "")),
                     "support": attrs.get("phối hợp", attrs.get("đơn vị phối hợp", ""))}
                out = attrs.get("sản phẩm", attrs.get("kết quả", ""))
            if out:
                a["output"] = out
            if a["name"]:
                self.plan.activities.append(a)
                self.mark(it.start, it.end)

    def put_activity_section(self, sec) -> None:
        """A numbered sub-section that is one activity: its title names it, its lines give the
        time and the units ("- Thời gian: …", "- Chủ trì: A. Phối hợp: B.")."""
        title = _MARKER_HEAD.sub("", self.text[sec.start:sec.title_end].strip())
        body = self.text[sec.title_end:sec.end].strip()
        lines = []
        for ln in body.split("\n"):  # "Chủ trì: A. Phối hợp: B." → two attribute lines
            lines.extend(re.split(r"(?<=[.;])\s+(?=(?:đơn vị\s+)?phối hợp\s*:)", ln, flags=re.I))
        name, attrs = _attrs("\n".join([title] + lines))
        a = {"name": _clean_end(name), "timing": attrs.get("thời gian", attrs.get("thời hạn", "")),
             "lead": attrs.get("chủ trì", attrs.get("đơn vị chủ trì", "")),
             "support": attrs.get("phối hợp", attrs.get("đơn vị phối hợp", ""))}
        if attrs.get("sản phẩm") or attrs.get("kết quả"):
            a["output"] = attrs.get("sản phẩm", attrs.get("kết quả", ""))
        if a["name"]:
            self.plan.activities.append(a)
            self.mark(sec.start, sec.end)

    def put_kpis(self, sec, its):
        for it in its:
            if it.kind == "row":
                if is_total_row(it):
                    continue
                k = {"indicator": _cell(it, r"chỉ số|tiêu chí|nội dung") or it.cells[min(1, len(it.cells) - 1)][1].text}
                tg, me = _cell(it, r"mục tiêu|chỉ tiêu|mức"), _cell(it, r"cách đo|phương pháp|nguồn")
            else:
                s = _clean_end(_strip(it.text))
                if re.search(r"báo cáo", s, re.I) and not re.search(r"chỉ số|tỷ lệ|số lượng|^số\b", s, re.I):
                    s = re.sub(r"^(?:chế độ báo cáo|báo cáo)\s*:\s*", "", s, flags=re.I)
                    self.plan.reporting = (self.plan.reporting + "\n" + s).strip()
                    self.mark(it.start, it.end)
                    continue
                name, attrs = _attrs(s)
                m = re.search(r"\s*\(\s*(mục tiêu|cách đo)\s*:\s*([^()]*)\)\s*$", name, re.I)
                tg = attrs.get("mục tiêu", "")
                me = attrs.get("cách đo", attrs.get("phương pháp", ""))
                if m and not tg and m.group(1).lower() == "mục tiêu":
                    tg, name = m.group(2).strip(), name[:m.start()]
                k = {"indicator": _clean_end(name)}
            if tg:
                k["target"] = tg
            if me:
                k["method"] = me
            if k["indicator"]:
                self.plan.kpis.append(k)
                self.mark(it.start, it.end)

    def put_reporting(self, sec, its):
        for it in its:
            s = _clean_end(_strip(it.text))
            if s:
                self.plan.reporting = (self.plan.reporting + "\n" + s).strip()
                self.mark(it.start, it.end)

    def put_task(self, sec, its):
        unit = _clean_end(sec.title.rstrip(":"))
        duties = [_strip(it.text) if it.kind != "row" else " ".join(c.text for _, c in it.cells) for it in its]
        self.plan.tasks.append({"unit": unit, "duties": "\n".join(d for d in duties if d)})
        for it in its:
            self.mark(it.start, it.end)

    def put_tasks_inline(self, sec, its):
        from ..rubrics.plan_sections import tags_of

        for it in its:
            if it.kind == "row":
                unit = _cell(it, r"đơn vị|bộ phận")
                duties = _cell(it, r"nhiệm vụ|nội dung|trách nhiệm")
                if unit:
                    self.plan.tasks.append({"unit": unit, "duties": duties})
                    self.mark(it.start, it.end)
                continue
            s = _strip(it.text)
            unit, colon, duties = s.partition(":")
            if colon and (("unit" in tags_of(unit) and len(unit) < 300) or (it.kind == "item" and len(unit) < 100)):
                self.plan.tasks.append({"unit": unit.strip(), "duties": duties.strip()})
                self.mark(it.start, it.end)
            elif self.plan.tasks and it.kind != "row" and it.label and it.label.split(" | ")[-1].strip().startswith(
                    tuple(task["unit"][:20] for task in self.plan.tasks[-1:])):
                self.plan.tasks[-1]["duties"] += "\n" + s
                self.mark(it.start, it.end)

    def put_budget(self, sec, its):
        for it in its:
            if it.kind == "row":
                amount_text = _cell(it, r"số tiền|kinh phí|thành tiền|dự toán|đồng|tiền")
                n = _NUM.search(amount_text.replace(" ", ""))
                amount = int(re.sub(r"[.,]", "", n.group())) if n else None
                if amount is not None and "triệu" in amount_text.lower():
                    amount *= 1_000_000
                if is_total_row(it):
                    if amount is not None:
                        self.plan.budget_total = amount
                        self.mark(it.start, it.end)
                    continue
                item = _cell(it, r"nội dung|khoản|hạng mục|hoạt động") or (it.cells[1][1].text if len(it.cells) > 1 else "")
                if amount is not None and item:
                    self.plan.budget.append({"item": item, "amount": amount, "source": _cell(it, r"nguồn")})
                    self.mark(it.start, it.end)
                continue
            s = _clean_end(_strip(it.text))
            amount = _amount(s)
            if re.match(r"nguồn", s, re.I):
                self.plan.budget_sources = (self.plan.budget_sources + "\n" + s).strip()
                self.mark(it.start, it.end)
                continue
            if amount is None:
                if re.search(r"nguồn|ngân sách|kinh phí", s, re.I):
                    self.plan.budget_sources = (self.plan.budget_sources + "\n" + s).strip()
                    self.mark(it.start, it.end)
                continue
            if re.match(r"(tổng cộng|tổng kinh phí|tổng số|tổng|cộng)\b", s, re.I):
                self.plan.budget_total = amount
                self.mark(it.start, it.end)
                continue
            item, colon, rest = s.rpartition(":")
            if not colon:
                item = _AMOUNT.split(s)[0]
            self.plan.budget.append({"item": _clean_end(item), "amount": amount, "source": ""})
            self.mark(it.start, it.end)

    def put_sources(self, sec, its):
        for it in its:
            s = _clean_end(_strip(it.text)) if it.kind != "row" else " – ".join(c.text for _, c in it.cells if c.text)
            if s:
                self.plan.budget_sources = (self.plan.budget_sources + "\n" + s).strip()
                self.mark(it.start, it.end)

    def put_content(self, sec, its):
        """A content section without sub-sections: its paragraphs are topics."""
        self.put_strings("topics", its)

    def walk(self, sec: Section, ctx: str = "") -> None:
        tags = sec.tags
        kids = sec.children
        order = [("budget", "budget"), ("sources", "sources"), ("audiences", "audiences"), ("messages", "messages"),
                 ("topics", "topics"), ("channels", "channels"), ("activities", "activities"),
                 ("objectives", "objectives"), ("aims", "purposes"), ("requirements", "requirements")]
        if "sources" in tags:
            kind = "sources"
        elif "evaluation" in tags and ctx != "budget":
            kind = "reporting" if ("báo cáo" in sec.title.lower() and not re.search(r"đánh giá|chỉ số|theo dõi",
                                                                                        sec.title.lower())) else "kpis"
        elif "unit" in tags and ctx == "organisation":
            kind = "task"
        elif "organisation" in tags:
            kind = "tasks_inline"
        else:
            kind = next((k for t, k in order if t in tags), "")
            if not kind:
                kind = {"budget": "budget", "organisation": "tasks_inline", "purpose": "purposes",
                        "content": "topics"}.get(ctx, "")
            if not kind and "content" in tags:
                kind = "topics"
        if ctx == "activities" and not kids and not kind:
            self.put_activity_section(sec)  # "1. Khảo sát …" over "- Thời gian: …", "- Chủ trì: …"
            return
        sub_ctx = ("activities" if kind == "activities" else
                   "organisation" if "organisation" in tags else "budget" if "budget" in tags
                   else "purpose" if "purpose" in tags else "content" if "content" in tags else ctx)
        if kids:
            self.mark(sec.start, sec.title_end)
            # the section's own text before/around its sub-sections
            if kind:
                own = [it for it in self.items(sec) if not any(c.start <= it.start < c.end for c in kids)]
                getattr(self, "put_" + kind)(sec, own)
            for c in kids:
                self.walk(c, sub_ctx)
        elif kind:
            self.place(sec, kind)

    def run(self) -> tuple[Plan, list[str]]:
        self.header()
        for sec in self.lay.sections:
            self.walk(sec)
        for tb in self.lay.tables:  # a table's header row goes with its placed rows
            if tb.header and any(tb.start <= a < tb.end for a, _b in self.placed):
                self.mark(tb.header[0].start, tb.header[-1].end)
        self.plan.notes = self.unplaced()
        return self.plan, list(self.plan.notes)

    def unplaced(self) -> list[str]:
        spans = sorted(self.placed)
        out = list(self.extra_notes)
        for para in self.lay.doc.paragraphs:
            s = para.text.strip()
            if not s or re.fullmatch(r"[-_=—–*.\s|:]+", s) or s in self.used_labels:
                continue
            a, b = para.start, para.end
            if any(x < b and a < y for x, y in spans):
                continue
            out.append(s)
        return out


def import_text(text: str) -> tuple[Plan, list[str]]:
    """Read a plan from ``text``; returns the plan and the paragraphs it could not place
    (also kept, verbatim, in ``plan.notes``)."""
    return _Importer(text).run()


def docx_text(path: str | Path) -> str:
    """The text of a .docx: paragraphs and tables (as pipe rows) in body order; runs in
    legacy fonts (.VnTime, VNI-Times…) converted to Unicode."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from ..text.legacy import convert_run

    d = docx.Document(str(path))
    default_font = None
    try:
        default_font = d.styles["Normal"].font.name
    except KeyError:
        pass

    def para_text(p) -> str:
        parts = []
        for r in p.runs:
            font = r.font.name or (p.style.font.name if p.style is not None else None) or default_font
            parts.append(convert_run(r.text, font) if font else r.text)
        return "".join(parts)

    lines: list[str] = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(para_text(Paragraph(child, d)))
        elif tag == "tbl" and _layout_table(Table(child, d)):
            # the two-column header or signature block: its cells are lines of the plan, not data
            for row in Table(child, d).rows:
                for c in row.cells:
                    lines.append("")
                    lines.extend(para_text(p) for p in c.paragraphs)
            lines.append("")
        elif tag == "tbl":
            lines.append("")
            for row in Table(child, d).rows:
                cells = []
                for c in row.cells:
                    cells.append(" ".join(para_text(p) for p in c.paragraphs).replace("|", "/").strip())
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_WRAPPED = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?)(\*{1,3}|_{1,3})(\S(?:.*\S)?)\2([ \t]*)$")
_MD_STRONG = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")


def looks_like_markdown(text: str) -> bool:
    """True when ``text`` has Markdown headings or bold lines (an exported or hand-written .md)."""
    return len(re.findall(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+\S|^\*\*\S", text)) >= 2


def markdown_text(text: str) -> str:
    """A Markdown plan as the plain text a plan is typed in: heading marks, emphasis around
    whole lines, bold inside lines, hard-break spaces, backslash escapes and rules removed.
    Tables stay as pipe rows, which the importer reads; "&lt;" becomes "<" again."""
    out = []
    for line in text.split("\n"):
        if _MD_RULE.match(line) and not line.lstrip().startswith("|"):
            out.append("")
            continue
        m = _MD_HEADING.match(line)
        if m:
            line = m.group(1)
        line = line.rstrip()
        for _ in range(2):  # ***x*** is bold inside italic
            m = _MD_WRAPPED.match(line)
            if m:
                line = m.group(1) + m.group(3) + m.group(4)
        line = _MD_STRONG.sub(r"\2", line)
        if not line.lstrip().startswith("|"):  # a cell's "\|" must stay escaped for the table reader
            line = _MD_ESCAPE.sub(r"\1", line)
        out.append(line.replace("&lt;", "<"))
    return "\n".join(out)


_LAYOUT_CUES = re.compile(r"(?i)nơi nhận|cộng hòa xã hội|cộng hoà xã hội|độc lập\s*-\s*tự do")


def _layout_table(table) -> bool:
    """A table used for layout (the decree's header or the Nơi nhận/signature block): every
    border switched off, or two columns holding the national motto or "Nơi nhận"."""
    from docx.oxml.ns import qn

    borders = table._tbl.tblPr.find(qn("w:tblBorders")) if table._tbl.tblPr is not None else None
    if borders is not None and len(borders) and all(b.get(qn("w:val")) in ("nil", "none") for b in borders):
        return True
    if len(table.columns) != 2:
        return False
    return any(_LAYOUT_CUES.search(c.text) for row in table.rows for c in row.cells)


def import_file(path: str | Path) -> tuple[Plan, list[str]]:
    """Import a .txt/.md (any encoding :func:`kit.text.read_file` understands) or .docx file.
    Raises :class:`kit.text.TextError` or ``OSError`` when the file cannot be read."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return import_text(docx_text(path))
    from ..text import read_file

    text = read_file(path).text
    if path.suffix.lower() in (".md", ".markdown") or looks_like_markdown(text):
        text = markdown_text(text)
    return import_text(text)
