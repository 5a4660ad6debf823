"""The plan builder without a browser: fill it, import, reorder, export, submit, restore."""

from __future__ import annotations

import json

import pytest

from kit import submissions
from kit.i18n import set_language
from kit.widgets.plan_builder import PlanBuilder

from .test_export_plan import CORPUS


@pytest.fixture(autouse=True)
def _vietnamese():
    set_language("vi")


def _rows(b: PlanBuilder, key: str):
    return b.inputs[key]


def test_an_empty_builder_scores_low_and_draws_no_chart(kit_home):
    b = PlanBuilder("trong", delay=30)
    assert b.report.total < 10
    assert bytes(b.timeline.value) == b"" and b.timeline.layout.display == "none"
    assert "Chưa có khoản kinh phí nào." in b.budget_total.value
    assert [b.tabs.get_title(i) for i in range(7)][0] == "1. Phần đầu"


def test_typing_rescores_redraws_and_autosaves(kit_home):
    b = PlanBuilder("go", delay=30)
    before = b.report.total
    acts = _rows(b, "activities")
    acts.add_row({"name": "Họp báo quý I", "timing": "Tháng 3/2027", "lead": "Văn phòng Sở"})
    assert bytes(b.timeline.value).startswith(b"\x89PNG")  # a row added: redrawn at once
    b.inputs["objectives"].add_row({"text": "Đến 31/12/2027, 90% trường có trang tin cập nhật hằng tuần",
                                    "target": "90%", "deadline": "31/12/2027"})
    b.inputs["summary"].value = "Truyền thông về giáo dục năm 2027"
    assert b.plan.summary == ""  # typing waits for a pause
    b.flush()
    assert b.plan.summary == "Truyền thông về giáo dục năm 2027"
    assert b.report.total > before
    saved = json.loads(json.loads(b.draft.path.read_text(encoding="utf-8"))["text"])
    assert saved["activities"][0]["name"] == "Họp báo quý I"
    assert "Đã tự động lưu" in b.status.value


def test_rows_move_and_remove(kit_home):
    b = PlanBuilder("dong", delay=30)
    budget = _rows(b, "budget")
    for item, amount in (("A", "1.000.000"), ("B", "2 triệu"), ("C", "3.000.000")):
        budget.add_row({"item": item, "amount": amount})
    budget.move(2, -1)
    assert [r["item"] for r in b.plan.budget] == ["A", "C", "B"]
    budget.move(0, -1)  # already first: nothing happens
    budget.remove(0)
    assert [r["item"] for r in b.plan.budget] == ["C", "B"]
    assert b.plan.budget_total == 5_000_000
    assert "Tổng cộng: 5.000.000 đồng (2 khoản)" in b.budget_total.value
    up, down, trash = budget.body.children[0].children[-3:]
    assert up.disabled and not down.disabled
    trash.click()
    assert [r["item"] for r in b.plan.budget] == ["B"]


def test_bad_values_are_explained_in_vietnamese(kit_home):
    b = PlanBuilder("sai", delay=30)
    b.inputs["date"].value = "30/02/2027"
    b.flush()
    assert "chưa phải ngày hợp lệ" in b.result.value


def test_import_fills_the_form_and_keeps_the_old_plan(kit_home):
    b = PlanBuilder("nhap", delay=30)
    b.inputs["summary"].value = "Kế hoạch cũ của tôi"
    b.flush()
    assert b.import_bytes("kế hoạch 2026 (bản cuối).txt", CORPUS.read_bytes())
    assert "Đã nhập “kế hoạch 2026 (bản cuối).txt”: 9 hoạt động" in b.extra.value
    assert b.report.total == 100 and len(b.plan.activities) == 9
    assert b.inputs["date"].value == "26/11/2026"
    backups = list((kit_home / "ban-nhap").glob("*truoc-khi-nhap*"))
    assert len(backups) == 1 and "Kế hoạch cũ của tôi" in backups[0].read_text(encoding="utf-8")
    assert "có 2 đoạn chưa xếp được" in b.extra.value.lower()
    assert len(b.inputs["notes"].value.splitlines()) == 2


@pytest.mark.parametrize("name, content, words", [
    ("anh.png", b"\x89PNG....", "không phải loại tệp kế hoạch"),
    ("trong.txt", b"", "kế hoạch của bạn được giữ nguyên"),
    ("hong.docx", b"PK\x03\x04 not really", "Không đọc được “hong.docx”"),
    ("lung-tung.json", b'{"a": 1}', "không phải kế hoạch do bộ công cụ lưu"),
    ("nhi-phan.txt", bytes(range(256)) * 4, "không phải tệp văn bản"),
])
def test_bad_imports_change_nothing(kit_home, name, content, words):
    b = PlanBuilder("nhap-loi", delay=30)
    b.inputs["summary"].value = "Giữ nguyên"
    b.flush()
    assert not b.import_bytes(name, content)
    assert words in b.extra.value
    assert b.plan.summary == "Giữ nguyên" and b.inputs["summary"].value == "Giữ nguyên"
    assert "/tmp" not in b.extra.value.replace(str(kit_home), "")  # no temporary path shown


def test_plan_json_import_round_trip(kit_home):
    b = PlanBuilder("json", delay=30)
    b.import_bytes("a.txt", CORPUS.read_bytes())
    path = b.export("json")
    other = PlanBuilder("json-2", delay=30)
    assert other.import_bytes(path.name, path.read_bytes())
    assert other.plan.to_dict() == b.plan.to_dict()


def test_trainee_text_is_escaped(kit_home):
    b = PlanBuilder("html", delay=30)
    b.import_bytes("<b>x</b>.txt", "KẾ HOẠCH\n<script>alert(1)</script>".encode())
    assert "<script>" not in b.extra.value + b.result.value and "&lt;b&gt;x&lt;/b&gt;.txt" in b.extra.value


def test_exports_give_downloads_and_copies(kit_home):
    b = PlanBuilder("xuat", delay=30)
    b.import_bytes("a.txt", CORPUS.read_bytes())
    for fmt in ("docx", "html", "md", "json"):
        path = b.export(fmt)
        assert path.suffix == f".{fmt}" and path.parent == kit_home / "tai-lieu-xuat" and path.stat().st_size > 500
        assert 'download="' + path.name + '"' in b.downloads.value and "base64," in b.downloads.value


def test_budget_mismatch_cannot_happen_because_the_total_adds_itself(kit_home):
    b = PlanBuilder("tong", delay=30)
    b.import_bytes("a.txt", CORPUS.read_bytes())
    _rows(b, "budget").remove(0)
    assert b.plan.budget_total == sum(x["amount"] for x in b.plan.budget)
    assert b.export("docx") is not None


def test_submit_carries_the_plan_and_restores_after_restart(kit_home):
    b = PlanBuilder("nop", exercise="ke-hoach-cua-toi", delay=30)
    b.import_bytes("a.txt", CORPUS.read_bytes())
    b.name.value = "Trần Thị Bình"
    path = b.submit()
    record = submissions.load(path)
    assert record["kind"] == "campaign_plan" and record["exercise"] == "ke-hoach-cua-toi"
    assert record["plan"]["activities"] == b.plan.to_dict()["activities"]
    assert record["report"]["total"] == b.report.total == 100
    again = PlanBuilder("nop", delay=30)  # a new kernel: the same key finds the plan
    assert again.plan.to_dict() == b.plan.to_dict()
    assert "Đã mở lại" in again.status.value
    assert again.name.value == "Trần Thị Bình"


def test_submit_without_a_name_says_so(kit_home):
    b = PlanBuilder("nop-2", delay=30)
    b.name.value = "  "
    assert b.submit() is None
    assert "họ và tên" in b.extra.value


def test_a_damaged_autosave_does_not_block_the_builder(kit_home):
    b = PlanBuilder("hong", delay=30)
    b.draft.path.parent.mkdir(parents=True, exist_ok=True)
    b.draft.save("{ không phải JSON")
    again = PlanBuilder("hong", starter={"summary": "Mẫu"}, delay=30)
    assert again.plan.summary == "Mẫu"
