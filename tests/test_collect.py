"""The room's results: reading a folder (and what is skipped), the numbers, the page, the CLI."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from kit import i18n
from kit.cli import main
from kit.collect import FolderReader, alias, build, debrief_view, read_folder, summarise
from kit.collect.report import page_html, write_report
from kit.submissions import MAX_BYTES
from tests.collect_tools import record, small_room, write


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch, kit_home):
    monkeypatch.setitem(i18n._state, "lang", "vi")


def _valid(name="Nguyễn Thị Lan", exercise="thong-cao-1", **kw):
    return record(name, exercise, {"headline": (10, 10), "lead": (5, 10)}, **kw)


# ---------------------------------------------------------------- reading and skipping


def test_each_bad_file_is_skipped_with_its_reason(tmp_path):
    folder = tmp_path / "bai-nop"
    good = write(folder, _valid())
    full = good.read_text(encoding="utf-8")
    (folder / "cut.json").write_text(full[: len(full) // 2], encoding="utf-8")
    (folder / "notes.json").write_text("ghi chú, không phải JSON", encoding="utf-8")
    (folder / "other.json").write_text(json.dumps({"ten": "Lan", "diem": 9}), encoding="utf-8")
    newer = _valid()
    newer["schema_version"] = 99
    (folder / "newer.json").write_text(json.dumps(newer), encoding="utf-8")
    (folder / "big.json").write_bytes(b"{" + b" " * (MAX_BYTES + 10) + b"}")
    (folder / "sub").mkdir()
    (folder / "sub" / "copy.json").write_text(full, encoding="utf-8")  # the same attempt from a USB stick
    (folder / ".tmp-write.json").write_text("{", encoding="utf-8")  # a write in progress: ignored
    (folder / "readme.txt").write_text("không phải bài nộp", encoding="utf-8")

    collection = read_folder(folder)
    reasons = {s.file: s.reason for s in collection.skipped}
    assert reasons == {"cut.json": "truncated", "notes.json": "not_json", "other.json": "wrong_schema",
                       "newer.json": "newer_version", "big.json": "too_large",
                       os.path.join("sub", "copy.json"): "duplicate"}
    assert [a.file for a in collection.attempts] == [good.name]
    assert collection.files == 7
    copy = next(s for s in collection.skipped if s.reason == "duplicate")
    assert "bản sao" in copy.message and good.name in copy.message
    for s in collection.skipped:
        assert s.file in s.message or s.reason == "duplicate"


def test_two_attempts_with_the_same_text_are_two_attempts(tmp_path):
    folder = tmp_path / "bai-nop"
    write(folder, _valid(text="Cùng một bản nháp.", minute=0))
    write(folder, _valid(text="Cùng một bản nháp.", minute=5, attempt=2))
    collection = read_folder(folder)
    assert len(collection.attempts) == 2 and not collection.skipped
    summary = summarise(collection)
    assert summary["exercises"][0]["attempts"] == 2


def test_missing_folder_raises_no_folder(tmp_path):
    from kit.submissions import SubmissionError

    with pytest.raises(SubmissionError) as err:
        read_folder(tmp_path / "khong-co")
    assert err.value.code == "no_folder"


def test_reader_parses_only_new_or_changed_files(tmp_path, monkeypatch):
    from kit.collect import reading

    folder = tmp_path / "bai-nop"
    write(folder, _valid(minute=0))
    calls = []
    real = reading.load
    monkeypatch.setattr(reading, "load", lambda p: calls.append(p) or real(p))
    reader = FolderReader(folder)
    sig = reader.signature()
    assert len(reader.read().attempts) == 1 and len(calls) == 1
    assert len(reader.read().attempts) == 1 and len(calls) == 1  # cached
    write(folder, _valid(minute=9, attempt=2))
    assert reader.signature() != sig
    assert len(reader.read().attempts) == 2 and len(calls) == 2  # only the new file parsed


# ---------------------------------------------------------------- the numbers


def test_small_room_numbers(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    s = summarise(read_folder(folder))
    assert s["counts"] == {"files": 5, "submissions": 5, "trainees": 3, "exercises": 2, "skipped": 0}

    assert [e["id"] for e in s["exercises"]] == ["thong-cao-1", "ke-hoach-1"]  # the lessons' order
    ex = {e["id"]: e for e in s["exercises"]}
    tc = ex["thong-cao-1"]
    assert tc["best_scores"] == [70.0, 85.0, 90.0]
    assert (tc["mean_best"], tc["median_best"], tc["attempts"], tc["trainees"]) == (81.7, 85.0, 4, 3)
    assert (tc["target"], tc["reached_target"], tc["kind"]) == (80.0, 2, "press_release")
    assert ex["ke-hoach-1"]["best_scores"] == [30.0] and ex["ke-hoach-1"]["reached_target"] == 0

    # Latest attempts only; weakest first; labels from the rubric.
    crit = [(c["kind"], c["id"], c["passed"], c["judged"], c["pass_rate"], c["mean_share"]) for c in s["criteria"]]
    assert crit == [("campaign_plan", "objectives", 0, 1, 0.0, 0.0), ("campaign_plan", "kpis", 0, 1, 0.0, 60.0),
                    ("press_release", "lead", 0, 3, 0.0, 63.3), ("press_release", "headline", 3, 3, 100.0, 100.0)]
    assert s["criteria"][-1]["label"] != "headline"  # the rubric's Vietnamese label

    lan = next(r for r in s["trainees"] if r["name"] == "Nguyễn Thị Lan")
    assert (lan["first_mean"], lan["last_mean"], lan["gain"], lan["attempts"]) == (25.0, 90.0, 65.0, 2)
    assert all(r["gain"] is None for r in s["trainees"] if r["name"] != "Nguyễn Thị Lan")
    assert s["progress"] == {"pairs": 1, "first_mean": 25.0, "last_mean": 90.0}

    board = [(r["rank"], r["name"], r["total_best"], r["exercises_done"], r["mean_best"]) for r in s["leaderboard"]]
    assert board == [(1, "Lê Thị Mai", 115.0, 2, 57.5), (2, "Nguyễn Thị Lan", 90.0, 1, 90.0),
                     (3, "Trần Văn Hùng", 70.0, 1, 70.0)]
    assert s["debriefs"] == []


def test_ties_share_a_rank(tmp_path):
    folder = tmp_path / "bai-nop"
    write(folder, _valid("An"))
    write(folder, _valid("Bình"))
    board = summarise(read_folder(folder))["leaderboard"]
    assert [r["rank"] for r in board] == [1, 1]


def test_summary_matches_its_schema(tmp_path):
    from jsonschema import Draft202012Validator

    from kit.submissions import _import_jsonschema

    _import_jsonschema()
    schema = json.loads((Path(__file__).parent.parent / "kit" / "schemas" / "summary.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    folder = tmp_path / "bai-nop"
    small_room(folder)
    write(folder, _crisis("Lan", 60, [8, 4]))
    (folder / "hong.json").write_text("{", encoding="utf-8")
    for anonymise in (False, True):
        summary = summarise(read_folder(folder), anonymise=anonymise)
        errors = sorted(Draft202012Validator(schema).iter_errors(json.loads(json.dumps(summary))), key=str)
        assert not errors, errors[0].message


# ---------------------------------------------------------------- crisis debriefs


def _crisis(name, total, scores, scenario="ngo-doc", minute=0):
    debrief = {"scenario": {"id": scenario, "title": "Ngộ độc ở bếp ăn bán trú"}, "total": total,
               "criteria": [{"id": "timeliness", "label": "Kịp thời", "score": scores[0], "max": 10},
                            {"id": "empathy", "label": "Đồng cảm", "score": scores[1], "max": 10}]}
    return record(name, "van-de-nong-1", {"timeliness": (5, 10)}, debrief=debrief, minute=minute)


def test_debriefs_latest_per_trainee_and_scenario_side_by_side(tmp_path):
    folder = tmp_path / "bai-nop"
    write(folder, _crisis("Lan", 30, [2, 4], minute=0))
    write(folder, _crisis("Lan", 80, [9, 7], minute=20))
    write(folder, _crisis("Hùng", 50, [5, 5], minute=5))
    write(folder, _crisis("Hùng", 70, [7, 7], scenario="clip", minute=6))
    s = summarise(read_folder(folder))
    groups = {g["scenario"]: g for g in s["debriefs"]}
    assert set(groups) == {"ngo-doc", "clip"}
    g = groups["ngo-doc"]
    assert [(r["name"], r["total"], r["scores"]) for r in g["rows"]] == [
        ("Lan", 80.0, {"timeliness": 90.0, "empathy": 70.0}), ("Hùng", 50.0, {"timeliness": 50.0, "empathy": 50.0})]
    assert g["mean_total"] == 65.0 and g["mean_scores"] == {"timeliness": 70.0, "empathy": 60.0}
    assert s["exercises"][0]["title"] == "Ngộ độc ở bếp ăn bán trú"  # an exercise of the crisis module
    summary, charts = build(read_folder(folder))
    assert "sau-xu-ly-khung-hoang.png" in charts


def test_debrief_view_reads_other_shapes_and_refuses_junk():
    base = _valid()
    assert debrief_view(base) is None
    assert debrief_view({**base, "debrief": {"note": "không có điểm"}}) is None
    view = debrief_view({**base, "debrief": {"score": 42, "criteria": {"tone": 7, "actions": {"score": 3, "max": 5,
                                                                                               "label": "Hành động"}},
                                             "scenario_id": "x"}})
    assert view["group"] == "x" and view["total"] == 42.0
    assert view["criteria"] == [{"id": "tone", "label": "tone", "score": 7.0, "max": 100.0},
                                {"id": "actions", "label": "Hành động", "score": 3.0, "max": 5.0}]
    junk = debrief_view({**base, "debrief": {"total": True, "criteria": [{"id": "a", "score": "nhiều"},
                                                                         {"id": "b", "score": 1, "max": 0}]}})
    assert junk is None
    assert debrief_view({**base, "debrief": {"total": 55}})["group"] == "thong-cao-1"


# ---------------------------------------------------------------- the page


HOSTILE = '<script>alert("x")</script> $\\frac{1}{2}$ & <img src=x onerror=alert(1)>'


def test_hostile_names_are_escaped_in_the_page_and_drawn_as_text(tmp_path):
    folder = tmp_path / "bai-nop"
    write(folder, _valid(HOSTILE, minute=0))
    write(folder, _valid(HOSTILE, minute=5, attempt=2))
    write(folder, _crisis(HOSTILE, 50, [5, 5]))
    summary, charts = build(read_folder(folder))
    assert set(charts) == {"diem-theo-bai.png", "tieu-chi-yeu.png", "tien-bo.png", "bang-xep-hang.png",
                           "sau-xu-ly-khung-hoang.png"}
    html = page_html(summary, charts)
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_page_is_self_contained(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    index = write_report(*build(read_folder(folder)), tmp_path / "ket-qua")
    html = index.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="vi"' in html
    assert "Kết quả của lớp" in html and "Điểm yếu chung" in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "no external asset"
    assert "<link" not in html and "<script" not in html
    assert html.count('src="data:image/png;base64,') == 4  # no crisis debrief here: four charts
    names = sorted(p.name for p in (tmp_path / "ket-qua").iterdir())
    assert names == ["bang-xep-hang.png", "diem-theo-bai.png", "index.html", "summary.json", "tien-bo.png",
                     "tieu-chi-yeu.png"]
    for png in (tmp_path / "ket-qua").glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_empty_folder_gives_a_friendly_page(tmp_path):
    folder = tmp_path / "bai-nop"
    folder.mkdir()
    summary, charts = build(read_folder(folder))
    assert charts == {}
    html = page_html(summary, charts)
    assert "Chưa có bài nộp nào." in html


# ---------------------------------------------------------------- anonymising


def test_anonymised_report_holds_no_name_and_no_file_name(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    write(folder, _crisis("Nguyễn Thị Lan", 60, [6, 6]))
    (folder / "nguyen-thi-lan-hong.json").write_text("{", encoding="utf-8")
    out = tmp_path / "ket-qua"
    write_report(*build(read_folder(folder), anonymise=True), out)
    text = (out / "index.html").read_text(encoding="utf-8") + (out / "summary.json").read_text(encoding="utf-8")
    text = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", text)  # base64 may spell "Lan" by chance
    for person in ("Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai", "nguyen-thi-lan", "tran-van-hung", "le-thi-mai",
                   "Lan", "Hùng", "Mai"):
        assert person not in text
    codes = {alias(k) for k in ("nguyen-thi-lan", "tran-van-hung", "le-thi-mai")}
    assert len(codes) == 3 and all(re.fullmatch(r"HV-[0-9A-F]{6}", c) for c in codes)
    assert all(c in text for c in codes)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["anonymised"] is True and summary["skipped"][0]["file"] is None
    assert "(ẩn danh)" in text


def test_aliases_are_stable_between_runs(tmp_path):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    one = summarise(read_folder(folder), anonymise=True)["leaderboard"]
    two = summarise(read_folder(folder), anonymise=True)["leaderboard"]
    assert one == two


# ---------------------------------------------------------------- command line


def test_cli_collect_end_to_end(tmp_path, capsys):
    folder = tmp_path / "bai-nop"
    small_room(folder)
    (folder / "hong.json").write_text('{"schema_version": 1, "id": "ab', encoding="utf-8")
    out = tmp_path / "ket-qua"
    assert main(["collect", str(folder), "-o", str(out)]) == 0
    cap = capsys.readouterr()
    assert "5 bài nộp của 3 học viên, bỏ qua 1 tệp." in cap.out
    assert "Bỏ qua: “hong.json” bị cụt" in cap.err
    assert (out / "index.html").is_file() and (out / "summary.json").is_file()
    assert "Nguyễn Thị Lan" in (out / "index.html").read_text(encoding="utf-8")
    assert main(["collect", str(folder), "-o", str(out), "--an-danh"]) == 0
    assert "Nguyễn Thị Lan" not in (out / "index.html").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Bỏ qua: bị cụt" in err and "hong.json" not in err  # file names carry names: hidden too
    assert main(["collect", str(folder), "-o", str(out), "--anonymise"]) == 0


def test_cli_collect_missing_folder_is_one_vietnamese_line(tmp_path, capsys):
    assert main(["collect", str(tmp_path / "khong-co"), "-o", str(tmp_path / "ra")]) == 1
    err = capsys.readouterr().err
    assert "không tồn tại" in err and "Traceback" not in err


def test_cli_collect_help_is_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main(["collect", "--help"])
    out = capsys.readouterr().out
    assert "--an-danh" in out and "thay tên học viên bằng mã" in out


def test_names_in_other_scripts_draw_without_warnings(tmp_path, recwarn):
    folder = tmp_path / "bai-nop"
    write(folder, _valid("Lan 🌸 王小明", minute=0))
    write(folder, _valid("Lan 🌸 王小明", minute=5, attempt=2))
    summary, charts = build(read_folder(folder))
    assert "tien-bo.png" in charts
    assert not [w for w in recwarn if "Glyph" in str(w.message)]
    assert "Lan 🌸 王小明" in page_html(summary, charts)
