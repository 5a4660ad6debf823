"""A learner's progress page: exercises done, best scores, what to work on next."""

from __future__ import annotations

import pytest

from kit import i18n
from kit.cli import main
from kit.collect import alias
from kit.collect.progress import ProgressError, learner_progress, page_html
from kit.exercises import all_ids
from tests.collect_tools import record, small_room, write


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch, kit_home):
    monkeypatch.setitem(i18n._state, "lang", "vi")


def test_progress_of_one_learner(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    p = learner_progress(folder, "  lê  thị mai ")  # typed loosely: same slug
    assert p["name"] == "Lê Thị Mai" and p["code"] == alias("le-thi-mai")
    assert (p["attempts"], p["done"], p["total"]) == (2, 2, len(all_ids()))
    ex = {e["id"]: e for e in p["exercises"]}
    assert (ex["thong-cao-1"]["best"], ex["thong-cao-1"]["reached"]) == (85.0, True)
    assert (ex["ke-hoach-1"]["best"], ex["ke-hoach-1"]["target"], ex["ke-hoach-1"]["reached"]) == (30.0, 75.0, False)
    assert ex["thong-cao-2"]["attempts"] == 0 and ex["thong-cao-2"]["reached"] is None
    # Lessons' order: press releases first, the lesson's own exercise before the workbooks.
    assert [e["id"] for e in p["exercises"]][:2] == ["thong-cao-bai-hoc", "thong-cao-1"]
    # The criteria losing the most points on the latest attempts, with the rubric's advice.
    assert [(w["id"], w["lost"], w["advice"]) for w in p["advice"]] == [
        ("objectives", 10, "Sửa objectives."), ("kpis", 4, "Sửa kpis."), ("lead", 3, "Sửa lead.")]
    assert [r["id"] for r in p["redo"]] == ["ke-hoach-1"]
    assert [r["id"] for r in p["not_started"]] == ["thong-cao-bai-hoc", "thong-cao-2", "thong-cao-3"]
    html = page_html(p)
    assert "Tiến độ học tập của Lê Thị Mai" in html and "Sửa objectives." in html
    assert "Làm lại" in html and "chưa đạt mục tiêu" in html and p["code"] in html


def test_latest_attempt_gives_the_advice_not_an_older_one(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    p = learner_progress(folder, "Nguyễn Thị Lan")
    assert [(w["id"], w["lost"]) for w in p["advice"]] == [("lead", 2)]  # headline was fixed in attempt 2
    assert p["redo"] == []


def test_name_remembered_or_the_only_trainee(tmp_path):
    from kit.submissions import remember_name

    folder = tmp_path / "bai-nop"
    write(folder, record("Phạm Văn An", "thong-cao-2", {"headline": (10, 10)}))
    assert learner_progress(folder)["name"] == "Phạm Văn An"  # the only one in the folder
    small_room(folder)
    with pytest.raises(ProgressError) as err:
        learner_progress(folder)
    assert "--name" in err.value.message and "4 học viên" in err.value.message
    remember_name("Trần Văn Hùng")
    assert learner_progress(folder)["name"] == "Trần Văn Hùng"


def test_no_submission_yet_is_said_kindly(tmp_path):
    folder = tmp_path / "bai-nop"
    folder.mkdir()
    p = learner_progress(folder, "Đỗ Thu Hà")
    assert p["done"] == 0 and p["advice"] == []
    assert "Chưa có bài nộp nào mang tên “Đỗ Thu Hà”" in page_html(p)


def test_hostile_name_is_escaped(tmp_path):
    folder = tmp_path / "bai-nop"
    name = "<b onmouseover=alert(1)>Hà</b>"
    write(folder, record(name, "thong-cao-1", {"headline": (1, 10)}, messages={"headline": "<i>sửa</i> tít"}))
    html = page_html(learner_progress(folder, name))
    assert "<b onmouseover" not in html and "&lt;b onmouseover=alert(1)&gt;" in html
    assert "<i>sửa</i>" not in html and "&lt;i&gt;sửa&lt;/i&gt; tít" in html


def test_cli_progress(tmp_path, capsys):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    out = tmp_path / "tien-do.html"
    assert main(["progress", str(folder), "--name", "Lê Thị Mai", "-o", str(out)]) == 0
    assert "Lê Thị Mai: đã làm 2/" in capsys.readouterr().out
    assert "Tiến độ học tập của Lê Thị Mai" in out.read_text(encoding="utf-8")
    assert main(["progress", str(folder), "-o", str(out)]) == 1
    assert "--name" in capsys.readouterr().err
    assert main(["progress", str(tmp_path / "khong-co"), "--name", "A"]) == 1
    assert "không tồn tại" in capsys.readouterr().err
