"""The trainer's dashboard and the learner's progress widget, without a browser."""

from __future__ import annotations

import time

import pytest

from kit import i18n
from kit.widgets.dashboard import Dashboard, LearnerProgress
from tests.collect_tools import record, small_room, write


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch, kit_home):
    monkeypatch.setitem(i18n._state, "lang", "vi")


def test_dashboard_shows_the_room_and_hides_names_on_request(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    w = Dashboard(str(folder))
    assert "Kết quả của lớp" in w.view.value and "Nguyễn Thị Lan" in w.view.value
    assert "5 bài nộp của 3 học viên" in w.status.value
    assert w.view.value.count("data:image/png;base64,") == 4
    w.anonymise.value = True
    assert "Nguyễn Thị Lan" not in w.view.value and "HV-" in w.view.value
    w.anonymise.value = False
    assert "Nguyễn Thị Lan" in w.view.value


def test_dashboard_redraws_only_when_the_folder_changes(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    w = Dashboard(str(folder))
    assert w.refresh() is False  # nothing new
    write(folder, record("Đỗ Thu Hà", "thong-cao-2", {"headline": (10, 10)}))
    assert w.refresh() is True
    assert "Đỗ Thu Hà" in w.view.value and "6 bài nộp của 4 học viên" in w.status.value
    w.refresh_button.click()  # the button always redraws
    assert "Đỗ Thu Hà" in w.view.value


def test_auto_refresh_picks_up_new_submissions(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    w = Dashboard(str(folder), interval=0.05)
    w.auto.value = True
    try:
        write(folder, record("Võ Minh Khoa", "thong-cao-2", {"headline": (10, 10)}))
        deadline = time.monotonic() + 20
        while "Võ Minh Khoa" not in w.view.value and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "Võ Minh Khoa" in w.view.value
    finally:
        w.auto.value = False
    assert w._timer is None


def test_dashboard_save_and_missing_folder(tmp_path, kit_home):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    w = Dashboard(str(folder))
    w.save_button.click()
    index = kit_home / "tai-lieu-xuat" / "ket-qua-lop" / "index.html"
    assert index.is_file() and "Đã lưu báo cáo" in w.status.value
    w.folder.value = str(tmp_path / "khong-co")
    w.refresh_button.click()
    assert "không tồn tại" in w.status.value


def test_learner_progress_widget(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    w = LearnerProgress(str(folder))
    assert "Gõ họ tên" in w.view.value  # no name remembered, several trainees
    w.name.value = "Lê Thị Mai"
    w.refresh_button.click()
    assert "Tiến độ học tập của Lê Thị Mai" in w.view.value and "Nên luyện gì tiếp" in w.view.value
    w.name.value = "<script>x</script>"
    w.refresh_button.click()
    assert "<script>x" not in w.view.value
