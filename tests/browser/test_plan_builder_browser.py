"""The plan builder in the planning lesson, as a trainee uses it in JupyterLab."""

from __future__ import annotations

import json

import pytest

from .lab import download_word, open_notebook, restart_and_run_all, wait_kernel_idle
from ..test_export_plan import CORPUS

pytestmark = pytest.mark.browser

LESSON = "notebooks/02_ke_hoach_truyen_thong.ipynb"
B = ".kit-plan-builder"
CHART_DRAWN = """(b) => { const i = document.querySelector(b + ' > .widget-image');
  return !!i && i.offsetParent !== null && !!i.src && i.naturalWidth > 100; }"""
CHART_CHANGED = """([b, old]) => { const i = document.querySelector(b + ' > .widget-image');
  return !!i && !!i.src && i.src !== old && i.naturalWidth > 100; }"""
FIRST_ROW_IS = """([b, start]) => { const i = document.querySelector(b + ' .kit-row input');
  return !!i && i.value.startsWith(start); }"""


def _chart(page) -> str:
    img = page.locator(f"{B} > .widget-image").first
    return (img.get_attribute("src") or "") if img.is_visible() else ""


def test_fill_import_export_and_restore(page, lab, artifacts):
    open_notebook(page, lab, LESSON)
    restart_and_run_all(page)
    builder = page.locator(B).first
    builder.wait_for(timeout=120_000)
    builder.scroll_into_view_if_needed()
    score = builder.locator(".kit-result")
    score.locator(".kit-crit").first.wait_for(timeout=60_000)
    page.screenshot(path=str(artifacts / "plan_builder_empty.png"))

    # Step 1: type the heading; the score and the autosave follow the pause in typing.
    builder.locator("input[type=text]").nth(0).fill("UBND TỈNH HÀ TĨNH")
    builder.locator("input[type=text]").nth(1).fill("SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    page.wait_for_selector(f"{B} >> text=Đã tự động lưu", timeout=60_000)

    # Step 4: add two activities; the timeline chart appears and changes.
    builder.locator(".lm-TabBar-tab", has_text="4. Hoạt động").click()
    activities = builder.locator(".widget-vbox:has(> .kit-row-head)").filter(has_text="Đơn vị chủ trì").first
    activities.locator("button", has_text="Thêm dòng").click()
    row = activities.locator(".kit-row").nth(0)
    row.locator("input").nth(0).fill("Họp báo công bố phương án tuyển sinh")
    row.locator("input").nth(1).fill("Tháng 3/2027")
    row.locator("input").nth(2).fill("Văn phòng Sở")
    page.wait_for_function(CHART_DRAWN, arg=B, timeout=60_000)
    first_chart = _chart(page)
    activities.locator("button", has_text="Thêm dòng").click()
    row = activities.locator(".kit-row").nth(1)
    row.locator("input").nth(0).fill("Chuỗi video hướng dẫn đăng ký")
    row.locator("input").nth(1).fill("Tháng 4 - 6/2027")
    page.wait_for_function(CHART_CHANGED, arg=[B, first_chart], timeout=60_000)
    page.screenshot(path=str(artifacts / "plan_builder_activities.png"), full_page=False)

    # Reorder: the second activity moves up.
    activities.locator(".kit-row").nth(1).locator("button").nth(0).click()
    page.wait_for_function(FIRST_ROW_IS, arg=[B, "Chuỗi"], timeout=30_000)
    assert activities.locator(".kit-row").nth(0).locator("input").nth(0).input_value() == "Chuỗi video hướng dẫn đăng ký"

    # Import last year's plan: the form fills and scores 100.
    with page.expect_file_chooser() as chooser:
        builder.locator("button", has_text="Nhập kế hoạch").click()
    chooser.value.set_files(str(CORPUS))
    page.wait_for_selector(f"{B} >> text=Đã nhập", timeout=90_000)
    page.wait_for_selector(f"{B} .kit-result >> text=100", timeout=60_000)
    builder.locator(".lm-TabBar-tab", has_text="6. Kinh phí").click()
    page.wait_for_selector(f"{B} >> text=Tổng cộng: 400.000.000 đồng", timeout=30_000)
    builder.locator(".lm-TabBar-tab", has_text="6. Kinh phí").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "plan_builder_budget.png"))

    # Export to Word: a download that opens, with the timeline picture inside.
    doc = download_word(page, builder.locator("button", has_text="Word (.docx)"),
                        builder.locator("a.kit-download").first, artifacts / "plan_builder_export.docx")
    assert any(p.text == "KẾ HOẠCH" for p in doc.paragraphs) and len(doc.inline_shapes) == 1

    # Reload the page and run again: the imported plan is restored.
    page.reload()
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_kernel_idle(page)
    restart_and_run_all(page)
    builder = page.locator(B).first
    builder.wait_for(timeout=120_000)
    page.wait_for_selector(f"{B} >> text=Đã mở lại bản kế hoạch", timeout=60_000)
    assert builder.locator("input[type=text]").nth(2).input_value() == "2318/KH-SGDĐT"
    builder.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "plan_builder_restored.png"))
    saved = json.loads(json.loads((lab.home / "ban-nhap" / "ke-hoach-cua-toi-plan.json").read_text())["text"])
    assert len(saved["activities"]) == 9
    assert not page.outside_requests, page.outside_requests
