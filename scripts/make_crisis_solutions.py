#!/usr/bin/env python3
"""Rebuild the hot-issue exercise solutions (``solutions/van-de-nong-*.ipynb``) from the scenarios.

    .venv/bin/python scripts/make_crisis_solutions.py && .venv/bin/python scripts/make_exercises.py

Each solution quotes the debrief of a strong and a weak play (``tests/crisis_scripts/``) as the
kit scores them today, the steps of the strong play and the scenario's model response; run this
after changing a scenario, a script or the hot_issue rubric (``tests/test_crisis_lesson.py``
fails until the quoted numbers match). The lesson notebooks are edited by hand, not here.
"""
import sys
import unicodedata
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, ROOT)
from kit import crisis  # noqa: E402
from kit.commands.crisis import load_script  # noqa: E402

META = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}}


def md(cid, text, slide="-", tags=None):
    c = new_markdown_cell(unicodedata.normalize("NFC", text.strip("\n")))
    c.id = cid
    c.metadata = {"slideshow": {"slide_type": slide}}
    if tags:
        c.metadata["tags"] = tags
    return c


def code(cid, comment, line):
    c = new_code_cell(f"# {comment}\n{line}")
    c.id = cid
    c.metadata = {"jupyter": {"source_hidden": True}, "slideshow": {"slide_type": "-"}, "tags": ["remove-input"]}
    return c


def save(nb, path):
    nbformat.validate(nb)
    with open(path, "w", encoding="utf-8") as fh:
        nbformat.write(nb, fh)


EXERCISES = [
    ("van-de-nong-1", "video-danh-nhau"),
    ("van-de-nong-2", "lo-de-thi"),
    ("van-de-nong-3", "ngo-doc-ban-tru"),
    ("van-de-nong-4", "lam-thu"),
    ("van-de-nong-5", "phan-anh-giao-vien"),
    ("van-de-nong-6", "tin-gia-nghi-hoc"),
    ("van-de-nong-7", "tai-nan-lan-can"),
]
TYPE_WORDS = {"rumour": "tin đồn, thông tin sai", "incident": "sự cố", "misconduct": "sai phạm trong ngành"}

# ----------------------------------------------------------------------------- exercises

HINTS = {
    "rumour": ["**Gợi ý 1.** Trước khi bác bỏ, hãy có **bằng chứng** (biên bản, sổ văn bản, xác nhận của cơ quan chuyên môn). Phủ nhận khi chưa kiểm tra là đặt cược uy tín của cơ quan.",
               "**Gợi ý 2.** Nói rõ điều nào đúng, điều nào sai. Đừng dọa người đã chia sẻ: họ là những người bạn cần để lời đính chính lan đi."],
    "incident": ["**Gợi ý 1.** Việc đầu tiên là xác minh tại chỗ và lo cho các em. Thông tin ban đầu cần có trong giờ vàng, kể cả khi chưa biết nguyên nhân.",
                 "**Gợi ý 2.** Tách *điều đã xác định* khỏi *điều đang xác minh*; không suy đoán nguyên nhân; không nêu tên, lớp của các em."],
    "misconduct": ["**Gợi ý 1.** Khi sai phạm nằm trong ngành, đừng lặp lại lời giải thích của đơn vị bị phản ánh. Nhận phần sai và xin lỗi trước.",
                   "**Gợi ý 2.** Nói việc sửa sai cụ thể, có thời hạn; không kết luận kỷ luật thay cơ quan có thẩm quyền; không trách người phản ánh."],
}


def fmt(x):
    return format(x, "g").replace(".", ",")


for n, (ex, sid) in enumerate(EXERCISES, start=1):
    sc = crisis.load(sid)
    seed, actions = load_script(f"{ROOT}/tests/crisis_scripts/{sid}.strong.yaml", sc)
    d = crisis.debrief(crisis.play(sc, actions, seed))
    wseed, wactions = load_script(f"{ROOT}/tests/crisis_scripts/{sid}.weak.yaml", sc)
    w = crisis.debrief(crisis.play(sc, wactions, wseed))
    title = f"Bài tập {n}. {sc.title}"
    nb = new_notebook(metadata={**META, "kit": {"id": ex, "role": "solution", "target_score": 80, "title": title}})
    due = "; ".join(f"{s.prompt}" for s in sc.statements)
    nb.cells += [
        md(f"v{n}-title", f"""
# {title}

{sc.situation}

**Loại vấn đề:** {TYPE_WORDS[sc.crisis_type]}.
""", "slide"),
        code(f"v{n}-setup", "Khởi động bộ công cụ", "import kit.widgets as kw\nkw.ready()"),
        md(f"v{n}-task", f"""
## Đề bài

Chơi kịch bản trong phòng mô phỏng đến khi có **báo cáo sau diễn tập**, và đạt **80 điểm**. Việc phải viết: {due}.

Bấm **Bắt đầu**, đọc tin đến, ra quyết định trước khi hết giờ, viết và bấm **Phát hành**. Có thể **Tạm dừng** bất cứ lúc nào. Xong, bấm **Kết thúc và xem đánh giá**, rồi **Nộp bài**.
""", "slide"),
        code(f"v{n}-room", "Phòng mô phỏng", f'kw.crisis_room("{sid}", exercise="{ex}")'),
        *[md(f"v{n}-hint-{k}", h, tags=["hint"]) for k, h in enumerate(HINTS[sc.crisis_type], start=1)],
    ]
    steps = []
    for a in actions:
        when = sc.clock_label(a["at"])
        if a["type"] == "choose":
            dec = sc.decision(a["decision"])
            opt = dec.option(a["option"])
            steps.append(f"- **{when}** — {dec.prompt} → *{opt.label}*. {opt.feedback}")
        elif a["type"] == "publish":
            st = sc.statement(a["statement"])
            steps.append(f"- **{when}** — phát hành: {st.prompt}.")
    rows = "\n".join(f"| {c['label']} | {fmt(c['score'])}/{c['max']} | {fmt(wc['score'])}/{wc['max']} |"
                     for c, wc in zip(d["criteria"], w["criteria"]))
    nb.cells += [
        md(f"v{n}-sol-debrief", f"""
## Báo cáo của một lượt chơi tốt

Lượt chơi tốt dưới đây được **{fmt(d['total'])}/100**; một lượt chơi yếu (im lặng, phủ nhận, đổ lỗi, phát hành muộn) chỉ được **{fmt(w['total'])}/100**. Lúc kết thúc, thái độ dư luận là **{d['pulse']['sentiment']:+.0f}** sau lượt chơi tốt và **{w['pulse']['sentiment']:+.0f}** sau lượt chơi yếu.

| Tiêu chí | Lượt chơi tốt | Lượt chơi yếu |
|---|---|---|
{rows}
""", "slide", ["solution"]),
        md(f"v{n}-sol-steps", "### Các bước của lượt chơi tốt\n\n" + "\n".join(steps)
           + (f"\n\n{sc.strong_play}" if sc.strong_play else ""), "subslide", ["solution"]),
        md(f"v{n}-sol-model", "### Bản thông tin mẫu\n\n" + "\n".join("> " + ln if ln else ">" for ln in
                                                                    sc.model_response.splitlines()), "subslide", ["solution"]),
    ]
    save(nb, f"{ROOT}/solutions/{ex}.ipynb")
print(f"[kit] {len(EXERCISES)} solutions written in solutions/")
