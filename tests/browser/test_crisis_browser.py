"""A trainee plays a crisis scenario to its debrief in JupyterLab, with the clock sped up."""

from __future__ import annotations

import re

import pytest

from kit import crisis

from .lab import open_notebook, restart_and_run_all, wait_kernel_idle

pytestmark = pytest.mark.browser

EXERCISE = "exercises/van-de-nong-6.ipynb"
SCENARIO = "tin-gia-nghi-hoc"
ROOM = ".kit-room"


def _button(page, text):
    return page.locator(f"{ROOM} button", has_text=text).first


def test_play_a_scenario_to_the_debrief(page, lab, artifacts):
    sc = crisis.load(SCENARIO)
    open_notebook(page, lab, EXERCISE)
    restart_and_run_all(page)
    room = page.locator(ROOM).first
    room.wait_for()
    assert "Văn bản giả thông báo" in room.inner_text()
    room.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "crisis_room_start.png"))

    # Speed the clock up and run it until the first decision is waiting.
    room.locator("select").first.select_option(label="10 phút mỗi giây")
    _button(page, "Bắt đầu").click()
    decision = sc.decisions[0]
    page.locator(f"{ROOM} .kit-decision", has_text=decision.prompt[:30]).first.wait_for(timeout=30_000)
    _button(page, "Tạm dừng").click()
    assert "Nhiều nhóm Zalo phụ huynh" in page.locator(f"{ROOM} .kit-feed").first.inner_text()
    page.locator(f"{ROOM} .kit-feed").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "crisis_room_decision.png"))
    box = page.locator(f"{ROOM} .kit-decision").first
    box.scroll_into_view_if_needed()
    box.screenshot(path=str(artifacts / "crisis_room_decision_box.png"))
    good = next(o for o in decision.options if o.quality == "good")
    _button(page, good.label[:40]).click()
    page.locator(f"{ROOM} .kit-feed", has_text=good.consequence[:30]).first.wait_for()

    # Write the statement: it is scored live, then published.
    editor = page.locator(f"{ROOM} textarea").first
    editor.fill(sc.model_response)
    page.locator(f"{ROOM} .kit-total-num").first.wait_for(timeout=60_000)
    page.locator(f"{ROOM} .kit-report").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "crisis_room_statement_scored.png"))
    _button(page, "Phát hành").click()
    page.locator(f"{ROOM} .kit-feed", has_text="Bản thông tin của bạn").first.wait_for()
    page.locator(f"{ROOM} .kit-pulse").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "crisis_room_published.png"))

    # End: the after-action report appears, with its chart.
    _button(page, "Kết thúc và xem đánh giá").click()
    heading = page.locator(f"{ROOM} h4", has_text="Báo cáo sau diễn tập").first
    heading.wait_for(timeout=60_000)
    total = float(re.search(r"([\d.]+)/100", heading.inner_text()).group(1))
    assert total >= 70
    frame = page.frame_locator(f"{ROOM} iframe.kit-debrief")
    frame.locator("h1", has_text="Báo cáo sau diễn tập").wait_for()
    frame.locator("img.chart").wait_for()
    assert frame.locator("table tr").count() >= 10
    heading.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "crisis_debrief.png"))
    page.locator(f"{ROOM} iframe.kit-debrief").first.screenshot(path=str(artifacts / "crisis_debrief_report.png"))

    # Reload and run again: the finished run comes back with its report.
    page.reload()
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_kernel_idle(page)
    restart_and_run_all(page)
    page.locator(f"{ROOM} h4", has_text="Báo cáo sau diễn tập").first.wait_for(timeout=60_000)
    assert not page.outside_requests  # type: ignore[attr-defined]


def test_facilitator_fires_an_inject_and_skips(page, lab, artifacts):
    open_notebook(page, lab, "notebooks/03_van_de_nong_giang_vien.ipynb")
    restart_and_run_all(page)
    room = page.locator(ROOM).first
    room.wait_for()
    room.locator("input[type=text]").first.fill("Một đài truyền hình đang đứng trước cổng trường.")
    _button(page, "Phát tin này").click()
    page.locator(f"{ROOM} .kit-feed", has_text="Một đài truyền hình").first.wait_for()
    room.locator("input[type=number]").first.fill("45")
    _button(page, "Chuyển tới").click()
    page.locator(f"{ROOM} .kit-room-clock", has_text="phút 45/").first.wait_for()
    log = page.locator(f"{ROOM} .kit-notes").first
    assert "Đồng hồ chuyển tới" in log.inner_text() and "Một đài truyền hình" in log.inner_text()
    log.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "crisis_facilitator.png"))
