from __future__ import annotations

import json

from kit import storage


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a" / "draft.json"
    storage.atomic_write_text(target, "một")
    storage.atomic_write_text(target, "hai")
    assert target.read_text(encoding="utf-8") == "hai"
    assert [p.name for p in target.parent.iterdir()] == ["draft.json"]


def test_write_new_json_never_overwrites(tmp_path):
    paths = {storage.write_new_json(tmp_path, "bai", {"n": i}) for i in range(3)}
    assert len(paths) == 3
    assert sorted(json.loads(p.read_text())["n"] for p in paths) == [0, 1, 2]


def test_draft_round_trip_and_corrupt_file(kit_home):
    draft = storage.Draft("Thông cáo số 1")
    assert draft.load() == ""
    draft.save("Nội dung <script>")
    assert storage.Draft("Thông cáo số 1").load() == "Nội dung <script>"
    draft.path.write_text("{not json")
    assert draft.load() == ""


def test_safe_name_handles_vietnamese_and_odd_names():
    assert storage.safe_name("Đề án Giáo dục 2026!") == "de-an-giao-duc-2026"
    assert storage.safe_name("../../etc/passwd") == "etc-passwd"
    assert storage.safe_name("🙂") == "ban-nhap"
