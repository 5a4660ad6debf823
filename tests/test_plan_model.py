"""The plan data model: JSON schema validity, JSON round trip, validation messages."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from kit.i18n import set_language
from kit.plan import Plan, load, plan_to_text, save, validate
from kit.plan.model import schema


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")
    yield


def sample() -> Plan:
    return Plan(
        parent_body="UBND TỈNH QUẢNG NGÃI", issuing_body="SỞ GIÁO DỤC VÀ ĐÀO TẠO", number="18/KH-SGDĐT",
        place="Quảng Ngãi", date="2027-03-01", summary="Truyền thông về tuyển sinh lớp 10 năm 2027",
        bases=["Căn cứ Kế hoạch số 68/KH-BGDĐT ngày 24/01/2027 của Bộ Giáo dục và Đào tạo;"],
        purposes=["Giúp cha mẹ học sinh nắm rõ phương án tuyển sinh."],
        requirements=["Thông tin chính xác, kịp thời."],
        objectives=[{"text": "Trước ngày 30/5/2027, 100% trường công khai chỉ tiêu tuyển sinh.", "target": "100%",
                     "deadline": "30/5/2027"}],
        audiences=[{"name": "Cha mẹ học sinh", "needs": "cần biết lịch đăng ký, hồ sơ"}],
        messages=["Tuyển sinh công khai, minh bạch."], topics=["Phương án tuyển sinh lớp 10."],
        channels=["Cổng thông tin điện tử của Sở"],
        activities=[{"name": "Họp báo công bố phương án tuyển sinh", "timing": "Tháng 3/2027", "lead": "Văn phòng Sở",
                     "support": "Phòng Giáo dục Trung học", "output": "Thông cáo báo chí"}],
        tasks=[{"unit": "Văn phòng Sở", "duties": "là đầu mối thực hiện Kế hoạch."}],
        kpis=[{"indicator": "Số tin, bài trên Cổng thông tin", "target": "60 tin, bài"}],
        reporting="Các đơn vị báo cáo về Văn phòng Sở trước ngày 25 hằng tháng.",
        budget=[{"item": "In tờ gấp", "amount": 20_000_000, "source": "Ngân sách nhà nước"},
                {"item": "Họp báo", "amount": 15_000_000, "source": ""}],
        budget_total=35_000_000, budget_sources="Ngân sách nhà nước năm 2027 giao cho Sở.",
        recipients=["UBND tỉnh (để b/c)", "Lưu: VT, VP"], signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        signer_name="Nguyễn Văn An",
    )


def test_schema_is_valid_and_describes_every_field():
    s = schema()
    Draft202012Validator.check_schema(s)
    assert s["$schema"].endswith("2020-12/schema")
    assert set(s["properties"]) == set(Plan().to_dict())
    for name, prop in s["properties"].items():
        assert prop.get("description"), name
        for sub in prop.get("items", {}).get("properties", {}).values():
            assert sub.get("description"), name


def test_default_and_sample_plans_are_valid():
    assert validate(Plan()) == []
    assert validate(sample()) == []
    assert validate(sample().to_dict()) == []


def test_json_round_trip(tmp_path):
    p = sample()
    path = tmp_path / "plan.json"
    save(p, path)
    raw = path.read_text(encoding="utf-8")
    assert "Sở" in raw and json.loads(raw)["schema_version"] == 1  # UTF-8, not \\u escapes
    assert load(path) == p
    assert Plan.from_dict(p.to_dict()) == p
    assert not list(tmp_path.glob(".*.tmp"))


def test_budget_mismatch_message():
    d = sample().to_dict()
    d["budget_total"] = 40_000_000
    probs = validate(d)
    assert len(probs) == 1 and probs[0].path == "budget_total"
    assert probs[0].message == ("Mục kinh phí: các khoản cộng lại 35.000.000 đồng nhưng tổng ghi 40.000.000 đồng; "
                                "bạn hãy sửa lại các khoản hoặc số tổng.")


def test_missing_required_fields():
    d = sample().to_dict()
    del d["issuing_body"]
    del d["activities"][0]["lead"]
    msgs = {p.path: p.message for p in validate(d)}
    assert "issuing_body" in msgs and "Cơ quan ban hành" in msgs["issuing_body"] and "thiếu" in msgs["issuing_body"]
    assert "activities/0/lead" in msgs and "Hoạt động" in msgs["activities/0/lead"]


def test_wrong_types():
    d = sample().to_dict()
    d["budget"][1]["amount"] = "15.000.000"
    d["messages"] = "một thông điệp"
    d["date"] = "01/3/2027"
    msgs = {p.path: p.message for p in validate(d)}
    assert "số nguyên" in msgs["budget/1/amount"] and "Kinh phí, mục 2" in msgs["budget/1/amount"]
    assert "danh sách" in msgs["messages"]
    assert "Ngày ban hành" in msgs["date"]
    assert validate([]) and validate({"bogus": 1, **sample().to_dict()})


def test_render_scores_as_a_plan():
    from kit.scoring import score

    text = plan_to_text(sample())
    assert "KẾ HOẠCH" in text and "I. MỤC ĐÍCH, YÊU CẦU" in text and "IV. KINH PHÍ" in text
    assert "Quảng Ngãi, ngày 01 tháng 3 năm 2027" in text and "Nơi nhận:" in text
    report = score(text, "campaign_plan")
    assert report.total >= 70
