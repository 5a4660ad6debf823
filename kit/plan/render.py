"""A :class:`~kit.plan.model.Plan` as plain administrative text (the layout of the seed plan),
so that ``kit.scoring.score(plan_to_text(p), "campaign_plan")`` scores the model and
:func:`kit.plan.importer.import_text` can read it back."""

from __future__ import annotations

from .model import Plan, money

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _cell(s: str) -> str:
    return " ".join(str(s or "").replace("|", "/").split())


def _dateline(plan: Plan) -> str:
    if not plan.date:
        return f"{plan.place}, ngày     tháng     năm" if plan.place else ""
    y, m, d = plan.date.split("-")
    d, m = int(d), int(m)
    month = f"{m:02d}" if m < 3 else str(m)
    return f"{plan.place}, ngày {d:02d} tháng {month} năm {y}"


def _bullets(items) -> list[str]:
    return [f"- {x}" for x in items]


def _objective(o: dict) -> str:
    text = o.get("text", "")
    extra = []
    if o.get("target") and o["target"] not in text:
        extra.append(f"chỉ tiêu: {o['target']}")
    if o.get("deadline") and o["deadline"] not in text:
        extra.append(f"thời hạn: {o['deadline']}")
    return f"- {text}" + (f" ({'; '.join(extra)})" if extra else "")


def plan_to_text(plan: Plan) -> str:
    """The plan as text: header, Số, dateline, KẾ HOẠCH, summary, Căn cứ, sections I–IV,
    notes, Nơi nhận and signer. Empty parts are left out."""
    out: list[str] = []
    add = out.append
    for line in (plan.parent_body, plan.issuing_body):
        if line:
            add(line)
    add("")
    add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    add("Độc lập - Tự do - Hạnh phúc")
    add("")
    if plan.number:
        add(f"Số: {plan.number}")
    if plan.place or plan.date:
        add(_dateline(plan))
    add("")
    add(plan.title or "KẾ HOẠCH")
    if plan.summary:
        add(plan.summary)
    add("")
    out.extend(plan.bases)
    if plan.bases:
        add("")
    # unplaced text: an introduction stays under the Căn cứ lines, "Trên đây là…" closes the body
    closing = [n for n in plan.notes if n.lower().startswith("trên đây")]
    opening = [n for n in plan.notes if n not in closing]
    for n in opening:
        add(n)
        add("")

    sec = 0

    def section(title: str) -> None:
        nonlocal sec
        add("")
        add(f"{ROMAN[sec]}. {title}")
        sec += 1

    # I. purpose
    subs = [("Mục đích", _bullets(plan.purposes)),
            ("Mục tiêu cụ thể", [_objective(o) for o in plan.objectives]),
            ("Yêu cầu", _bullets(plan.requirements))]
    subs = [s for s in subs if s[1]]
    if subs:
        section("MỤC ĐÍCH, YÊU CẦU")
        for i, (head, lines) in enumerate(subs, 1):
            add(f"{i}. {head}")
            out.extend(lines)

    # II. content
    subs = []
    if plan.audiences:
        subs.append(("Đối tượng truyền thông và nhu cầu thông tin",
                     [f"- {a.get('name', '')}: {a.get('needs', '')}" if a.get("needs") else f"- {a.get('name', '')}"
                      for a in plan.audiences]))
    if plan.messages:
        subs.append(("Thông điệp chủ đạo", _bullets(plan.messages)))
    if plan.topics:
        subs.append(("Nội dung trọng tâm", _bullets(plan.topics)))
    if plan.channels:
        subs.append(("Kênh truyền thông", _bullets(plan.channels)))
    if plan.activities:
        rows = ["| TT | Hoạt động | Thời gian | Chủ trì | Phối hợp | Sản phẩm |", "|---|---|---|---|---|---|"]
        for i, a in enumerate(plan.activities, 1):
            rows.append(f"| {i} | {_cell(a.get('name'))} | {_cell(a.get('timing'))} | {_cell(a.get('lead'))} | "
                        f"{_cell(a.get('support'))} | {_cell(a.get('output'))} |")
        subs.append(("Các hoạt động chủ yếu", rows))
    if subs:
        section("NỘI DUNG")
        for i, (head, lines) in enumerate(subs, 1):
            add(f"{i}. {head}")
            out.extend(lines)

    # III. organisation
    subs = []
    for task in plan.tasks:
        duties = [x.strip() for x in str(task.get("duties", "")).split("\n") if x.strip()]
        if len(duties) == 1:  # "1. Văn phòng Sở: là đầu mối…"
            subs.append((f"{task.get('unit', '')}: {duties[0]}", []))
        else:
            subs.append((task.get("unit", ""), [f"- {d}" for d in duties]))
    if plan.kpis:
        rows = ["| TT | Chỉ số | Mục tiêu | Cách đo |", "|---|---|---|---|"]
        for i, k in enumerate(plan.kpis, 1):
            rows.append(f"| {i} | {_cell(k.get('indicator'))} | {_cell(k.get('target'))} | {_cell(k.get('method'))} |")
        subs.append(("Theo dõi, đánh giá", rows))
    if plan.reporting:
        subs.append(("Chế độ báo cáo", [x for x in plan.reporting.split("\n") if x.strip()]))
    if subs:
        section("TỔ CHỨC THỰC HIỆN")
        for i, (head, lines) in enumerate(subs, 1):
            add(f"{i}. {head}")
            out.extend(lines)

    # IV. budget
    if plan.budget or plan.budget_total is not None or plan.budget_sources:
        section("KINH PHÍ")
        n = 1
        if plan.budget or plan.budget_total is not None:
            add(f"{n}. Dự toán")
            n += 1
            add("| TT | Nội dung | Số tiền (đồng) | Nguồn |")
            add("|---|---|---|---|")
            for i, b in enumerate(plan.budget, 1):
                add(f"| {i} | {_cell(b.get('item'))} | {money(int(b.get('amount') or 0))} | {_cell(b.get('source'))} |")
            if plan.budget_total is not None:
                add(f"| | Tổng cộng | {money(plan.budget_total)} | |")
        if plan.budget_sources:
            add(f"{n}. Nguồn kinh phí")
            out.extend(x for x in plan.budget_sources.split("\n") if x.strip())

    if closing:
        add("")
        out.extend(closing)

    if plan.recipients:
        add("")
        add("Nơi nhận:")
        for i, r in enumerate(plan.recipients):
            add(f"- {r}{'.' if i == len(plan.recipients) - 1 else ';'}")
    if plan.signer_title or plan.signer_name:
        add("")
        out.extend(plan.signer_title.split("\n") if plan.signer_title else [])
        add("")
        add(plan.signer_name)
    return "\n".join(out).strip("\n") + "\n"
