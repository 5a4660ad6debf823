"""The scoring widget's logic without a browser."""

from __future__ import annotations

import json

from kit.widgets.draft_scorer import DraftScorer
from tests import corpus_tools as ct


def test_typing_scores_after_a_pause_and_autosaves(kit_home):
    weak = ct.weaks("press_release")[0].read_text()
    w = DraftScorer("press_release", "tc-thu", target=80, delay=30)
    w.textarea.value = weak
    w.flush()
    assert w.report is not None and w.report.total <= 50
    assert "Còn thiếu" in w.result.value and 'data-criterion="headline"' in w.result.value
    assert "<mark" in w.result.value  # the passages to fix are highlighted
    assert w.chart.value[:4] == b"\x89PNG"
    assert json.loads(w.draft.path.read_text())["text"] == weak
    again = DraftScorer("press_release", "tc-thu", delay=30)
    assert again.textarea.value == weak and "Đã khôi phục" in again.status.value


def test_target_reached_and_submit(kit_home):
    good = ct.goods("press_release")[0].read_text()
    w = DraftScorer("press_release", "tc-nop", target=80, exercise="thong-cao-1", delay=30)
    w.textarea.value = good
    w.flush()
    assert "Đã đạt mục tiêu" in w.result.value
    w.submit_button.click()
    assert "Họ và tên" in w.extra.value or "họ" in w.extra.value.lower()  # a name is required first
    w.name.value = "Nguyễn Thị Hoa"
    path = w.submit()
    record = json.loads(path.read_text())
    assert record["trainee"]["name"] == "Nguyễn Thị Hoa" and record["exercise"] == "thong-cao-1"
    assert record["report"]["total"] == w.report.total
    assert "Đã nộp bài" in w.extra.value
    assert DraftScorer("press_release", "other", delay=30).name.value == "Nguyễn Thị Hoa"


def test_markup_in_draft_is_escaped(kit_home):
    w = DraftScorer("press_release", "tc-html", delay=30)
    w.textarea.value = "<img src=x onerror=alert(1)> Sở GD&ĐT trao học bổng."
    w.flush()
    assert "<img" not in w.result.value and "&lt;img" in w.result.value


def test_compare_with_model(kit_home):
    model = ct.goods("press_release")[1].read_text()
    w = DraftScorer("press_release", "tc-cmp", model=model, delay=30)
    w.textarea.value = ct.weaks("press_release")[1].read_text()
    w.flush()
    w.compare_button.click()
    assert "Bài mẫu" in w.extra.value and "Tổng điểm" in w.extra.value


def test_export_offers_docx_and_md_and_keeps_a_copy(kit_home):
    import base64
    import io
    import re

    import docx

    w = DraftScorer("press_release", "tc-xuat", delay=30)
    w.textarea.value = ct.goods("press_release")[2].read_text()
    saved = w.export()
    assert sorted(p.suffix for p in saved) == [".docx", ".md"]
    assert all(p.parent == kit_home / "tai-lieu-xuat" and p.stat().st_size > 0 for p in saved)
    hrefs = re.findall(r'href="data:([^;]+);base64,([^"]+)"', w.downloads.value)
    assert len(hrefs) == 2
    word = docx.Document(io.BytesIO(base64.b64decode(hrefs[0][1])))
    assert any("Báo cáo chấm điểm" in p.text for p in word.paragraphs)


def test_highlight_focuses_on_one_criterion_at_a_time(kit_home):
    w = DraftScorer("press_release", "tc-focus", delay=30)
    w.textarea.value = ct.weaks("press_release")[0].read_text()
    w.flush()
    first = w.focus.value
    assert first  # the first criterion with something to fix is shown first
    assert "theo tiêu chí" in w.result.value
    w.focus.value = ""  # the trainee asks for all of them
    assert "những đoạn cần sửa được tô vàng" in w.result.value
    w.textarea.value += " Thêm một câu."
    w.flush()
    assert w.focus.value == ""  # the trainee's choice is kept while typing


def test_save_button_writes_at_once(kit_home):
    w = DraftScorer("press_release", "tc-luu", delay=30)
    w.textarea.value = "Bản nháp chưa xong."
    w.save_button.click()
    assert json.loads(w.draft.path.read_text())["text"] == "Bản nháp chưa xong."
    assert "Đã tự động lưu" in w.status.value or "lưu" in w.status.value
