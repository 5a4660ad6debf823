"""The plan builder's form: conversions between typed values and a Plan."""

from __future__ import annotations

import pytest

from kit.i18n import set_language
from kit.plan import Plan, import_text, validate
from kit.plan.form import FIELDS, STEPS, budget_line, from_form, parse_amount, parse_date, show_date, to_form
from kit.plan.model import FIELD_LABELS

from .test_export_plan import CORPUS


@pytest.fixture(autouse=True)
def _vietnamese():
    set_language("vi")


@pytest.mark.parametrize("typed, iso", [
    ("05/01/2027", "2027-01-05"), ("5/1/2027", "2027-01-05"), ("05.01.2027", "2027-01-05"),
    ("2027-01-05", "2027-01-05"), ("", ""), ("  ", ""),
    ("31/02/2027", None), ("ngày 5 tháng 1", None), ("13/13/2027", None),
])
def test_dates_typed_the_vietnamese_way(typed, iso):
    assert parse_date(typed) == iso


def test_dates_are_shown_the_vietnamese_way():
    assert show_date("2027-01-05") == "05/01/2027" and show_date("") == ""


@pytest.mark.parametrize("typed, amount", [
    ("6.000.000", 6_000_000), ("6,000,000 đồng", 6_000_000), ("6000000đ", 6_000_000), ("6 triệu", 6_000_000),
    ("1,2 tỷ", 1_200_000_000), ("2,5 triệu", 2_500_000), ("", 0), ("sáu triệu", None), ("6.000.000 USD", None),
])
def test_amounts(typed, amount):
    assert parse_amount(typed) == amount


def test_every_plan_field_but_the_fixed_ones_is_in_a_step():
    fixed = {"schema_version", "title", "budget_total"}
    assert set(FIELDS) == set(FIELD_LABELS) - fixed
    assert len(STEPS) == 7


def test_a_real_plan_survives_the_form_unchanged():
    plan, _notes = import_text(CORPUS.read_text(encoding="utf-8"))
    back, problems = from_form(to_form(plan), Plan())
    assert problems == []

    def content(p: Plan) -> dict:  # an empty cell and a missing key say the same
        return {k: [{a: b for a, b in x.items() if b != ""} if isinstance(x, dict) else x for x in v]
                if isinstance(v, list) else v for k, v in p.to_dict().items()}

    assert content(back) == content(plan)
    assert validate(back) == []


def test_typed_values_become_a_valid_plan():
    values = to_form(Plan())
    values.update(summary=" Truyền thông năm 2027 ", date="05/01/2027", messages="Một.\n\n  Hai. \n",
                  activities=[{"name": "Họp báo", "timing": "Tháng 3/2027", "lead": "Văn phòng Sở", "support": ""},
                              {"name": " ", "timing": "", "lead": "", "support": ""}],
                  budget=[{"item": "Họp báo", "amount": "6 triệu", "source": "NSNN"},
                          {"item": "Tờ gấp", "amount": "4.000.000", "source": ""}])
    plan, problems = from_form(values)
    assert problems == []
    assert plan.summary == "Truyền thông năm 2027" and plan.date == "2027-01-05"
    assert plan.messages == ["Một.", "Hai."]
    assert len(plan.activities) == 1  # the empty row is left out
    assert [b["amount"] for b in plan.budget] == [6_000_000, 4_000_000] and plan.budget_total == 10_000_000
    assert validate(plan) == []
    assert budget_line(plan) == "Tổng cộng: 10.000.000 đồng (2 khoản)"


def test_bad_date_and_amount_are_named_and_nothing_is_lost():
    base = Plan(date="2026-11-25")
    plan, problems = from_form({"date": "31/02/2027", "budget": [{"item": "In", "amount": "nhiều", "source": ""}]},
                               base)
    assert plan.date == "2026-11-25"  # the last good date is kept
    assert plan.budget == [{"item": "In", "amount": 0, "source": ""}]
    assert len(problems) == 2
    assert "Ngày ban hành" in problems[0] and "31/02/2027" in problems[0] and "05/01/2027" in problems[0]
    assert "Các khoản kinh phí, dòng 1" in problems[1] and "“nhiều”" in problems[1]


def test_keys_the_form_does_not_show_ride_along():
    plan = Plan(activities=[{"name": "Họp báo", "timing": "Tháng 3", "lead": "VP", "support": "", "output": "1 cuộc"}])
    values = to_form(plan)
    values["activities"][0]["name"] = "Họp báo quý I"
    back, _problems = from_form(values, plan)
    assert back.activities[0] == {"name": "Họp báo quý I", "timing": "Tháng 3", "lead": "VP", "support": "",
                                  "output": "1 cuộc"}
