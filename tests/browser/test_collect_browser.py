"""The room's results in a real browser: the report opened from file:// with the network cut,
and the trainer's dashboard in JupyterLab. Screenshots are kept in tests/artifacts/."""

from __future__ import annotations

import pytest

from kit.collect import build, read_folder
from kit.collect.report import write_report
from tests.collect_tools import record, small_room, write

from .lab import open_notebook, restart_and_run_all

pytestmark = pytest.mark.browser


def _room(folder):
    small_room(folder)
    crisis = {"scenario": {"id": "ngo-doc", "title": "Ngộ độc ở bếp ăn bán trú"}, "total": 62,
              "criteria": [{"id": "timeliness", "label": "Kịp thời", "score": 7, "max": 10},
                           {"id": "empathy", "label": "Đồng cảm", "score": 5, "max": 10}]}
    write(folder, record("Trần Văn Hùng", "van-de-nong-1", {"timeliness": (5, 10)}, debrief=crisis, minute=70))


def test_report_opens_offline_from_file_with_every_chart(browser, tmp_path, artifacts):
    folder = tmp_path / "bai-nop"
    _room(folder)
    index = write_report(*build(read_folder(folder)), tmp_path / "ket-qua")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(("file://", "data:")):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(index.as_uri())
        page.wait_for_load_state("load")
        images = page.locator(".kit-room img")
        assert images.count() == 5
        widths = page.eval_on_selector_all(".kit-room img", "els => els.map(e => e.complete ? e.naturalWidth : 0)")
        assert all(w >= 1000 for w in widths), widths
        assert "Kết quả của lớp" in page.title()
        assert page.locator("h2", has_text="Điểm yếu chung").count() == 1
        assert outside == []
        page.screenshot(path=str(artifacts / "collect_report.png"), full_page=True)
    finally:
        context.close()


def test_dashboard_in_jupyterlab_hides_names(page, lab, artifacts):
    _room(lab.home / "bai-nop")
    open_notebook(page, lab, "notebooks/90_bang_dieu_khien_giang_vien.ipynb")
    restart_and_run_all(page)
    room = page.locator(".kit-dashboard .kit-room")
    room.wait_for(timeout=120_000)
    assert "Nguyễn Thị Lan" in room.inner_text()
    room.locator("img").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "collect_dashboard.png"), full_page=False)
    page.locator(".kit-dashboard button", has_text="Ẩn tên").click()
    page.locator(".kit-dashboard .kit-room h2", has_text="ẩn danh").wait_for()
    assert "Nguyễn Thị Lan" not in room.inner_text()
    page.locator(".kit-dashboard .kit-room h2", has_text="ẩn danh").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "collect_dashboard_anonymised.png"), full_page=False)
