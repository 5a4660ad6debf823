"""Submissions: the record's schema, safe writes into shared folders, reading junk, the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import pytest

from kit import i18n, submissions
from kit.submissions import SubmissionError
from tests.conftest import ROOT

submissions._import_jsonschema()  # the way the kit imports it: seconds faster (see its docstring)
import jsonschema  # noqa: E402

DRAFT = (
    "Hà Nội trao 1.240 suất học bổng cho học sinh vùng lũ\n\n"
    "Hà Nội, ngày 4/7/2026 – Sáng nay, Sở Giáo dục và Đào tạo (GD&ĐT) Hà Nội trao 1.240 suất học bổng "
    "cho học sinh các xã bị ảnh hưởng bởi lũ.\n\n"
    "“Không em nào phải bỏ học vì lũ”, bà Trần Thị Mai, Giám đốc Sở GD&ĐT, cho biết.\n\n"
    "Liên hệ báo chí: Văn phòng Sở, điện thoại 024 3825 1234, email vanphong@hanoi.edu.vn.\n"
)
FILE_NAME = re.compile(r"^[a-z0-9-]+__[a-z0-9-]+__\d{8}T\d{6}Z__[0-9a-f]{8}(-\d+)?\.json$")


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch):
    monkeypatch.setitem(i18n._state, "lang", "vi")


def _files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


# ---------------------------------------------------------------- schema and record


def test_schema_is_valid_draft_2020_12():
    schema = submissions.schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)

    def described(node, where="root"):  # every field says what it is
        for name, sub in node.get("properties", {}).items():
            assert sub.get("description"), f"{where}.{name} has no description"
            described(sub, f"{where}.{name}")
        if isinstance(node.get("items"), dict):
            described(node["items"], where + "[]")

    described(schema)


def test_submit_writes_a_valid_record(kit_home):
    name = unicodedata.normalize("NFD", "  Nguyễn   Thị Lan ")
    path = submissions.submit(DRAFT, exercise="thong-cao-1", name=name, kind="press_release",
                              started_at="2026-03-14T08:00:00+07:00")
    assert path.parent == kit_home / "bai-nop"
    assert FILE_NAME.match(path.name) and path.name.startswith("thong-cao-1__nguyen-thi-lan__")
    record = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(submissions.schema(), format_checker=jsonschema.FormatChecker()).validate(record)
    assert submissions.load(path) == record
    assert record["trainee"] == {"name": "Nguyễn Thị Lan", "id": "nguyen-thi-lan"}
    assert record["exercise"] == "thong-cao-1" and record["kind"] == "press_release" == record["report"]["kind"]
    assert record["text"] == DRAFT and record["attempt"] == 1 and record["schema_version"] == 1
    assert record["started_at"] == "2026-03-14T08:00:00+07:00"
    assert datetime.fromisoformat(record["submitted_at"]).tzinfo is not None
    stamp = re.search(r"__(\d{8}T\d{6}Z)__", path.name).group(1)
    assert datetime.fromisoformat(record["submitted_at"]).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ") == stamp
    assert record["id"][:8] in path.name and len(record["id"]) == 32
    assert 0 < record["report"]["total"] <= 100
    assert [p.name for p in _files(path.parent)] == [path.name]  # no temporary file left behind


def test_text_is_normalised_and_kind_recognised(kit_home):
    nfd = unicodedata.normalize("NFD", DRAFT).replace("\n", "\r\n") + "\u200b"
    record = submissions.load(submissions.submit(nfd, exercise="thong-cao-1", name="Lan"))
    assert record["text"] == DRAFT
    assert record["kind"] in submissions.KINDS and record["report"]["kind"] == record["kind"]


def test_empty_text_is_accepted_and_marked(kit_home):
    record = submissions.load(submissions.submit("", exercise="thong-cao-1", name="Lan", kind="press_release"))
    assert record["text"] == "" and record["report"]["total"] == 0
    assert i18n._("The draft is empty: type or paste your text first.") in record["report"]["warnings"]


@pytest.mark.parametrize("name", ["", "   ", "\u200b\n\t", None])
def test_empty_name_is_refused_in_vietnamese(kit_home, name):
    with pytest.raises(SubmissionError) as info:
        submissions.submit(DRAFT, exercise="thong-cao-1", name=name)
    assert info.value.code == "no_name"
    assert "họ và tên" in info.value.message and str(info.value) == info.value.message
    assert not (kit_home / "bai-nop").exists() or not list((kit_home / "bai-nop").iterdir())


@pytest.mark.parametrize("kwargs, code", [
    ({"exercise": ""}, "no_exercise"),
    ({"exercise": "bài 1"}, "bad_exercise"),
    ({"exercise": "../x"}, "bad_exercise"),
    ({"kind": "poem"}, "unknown_kind"),
    ({"name": "A" * 121}, "name_too_long"),
    ({"started_at": "hôm qua"}, "bad_time"),
])
def test_bad_arguments_give_clear_codes(kit_home, kwargs, code):
    args = {"exercise": "thong-cao-1", "name": "Lan", **kwargs}
    with pytest.raises(SubmissionError) as info:
        submissions.submit(DRAFT, **args)
    assert info.value.code == code
    assert info.value.message != code  # worded for people


def test_too_long_text_is_refused(kit_home):
    with pytest.raises(SubmissionError) as info:
        submissions.submit("a" * (submissions.MAX_TEXT_CHARS + 1), exercise="x", name="Lan")
    assert info.value.code == "text_too_long"


def test_extra_plan_and_debrief_are_kept(kit_home):
    extra = {"plan": {"objectives": ["90% phụ huynh biết lịch tuyển sinh"]}, "debrief": {"steps": 3}}
    record = submissions.load(submissions.submit(DRAFT, exercise="x", name="Lan", extra=extra))
    assert record["plan"] == extra["plan"] and record["debrief"] == extra["debrief"]
    with pytest.raises(ValueError):
        submissions.submit(DRAFT, exercise="x", name="Lan", extra={"score": 100})
    with pytest.raises(SubmissionError) as info:
        submissions.submit(DRAFT, exercise="x", name="Lan", extra={"plan": "not an object"})
    assert info.value.code == "invalid_record" and info.value.params["field"] == "plan"


def test_unwritable_folder_is_a_clear_error(kit_home, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(SubmissionError) as info:
        submissions.submit(DRAFT, exercise="x", name="Lan", folder=blocker / "sub")
    assert info.value.code == "cannot_write" and str(blocker) in info.value.message


# ---------------------------------------------------------------- never overwrite


def test_many_submissions_in_one_second_are_all_kept(kit_home, tmp_path):
    folder = tmp_path / "shared"
    paths = [submissions.submit(DRAFT, exercise="thong-cao-1", name="Lan", folder=folder) for _ in range(12)]
    assert len(set(paths)) == 12 and len(_files(folder)) == 12
    assert sorted(submissions.load(p)["attempt"] for p in paths) == list(range(1, 13))
    other = submissions.load(submissions.submit(DRAFT, exercise="thong-cao-2", name="Lan", folder=folder))
    assert other["attempt"] == 1  # counted per exercise


def test_threads_into_a_shared_folder_never_overwrite(kit_home, tmp_path):
    folder = tmp_path / "shared"
    names = ["Nguyễn Thị Lan", "Trần Văn Bình", "Lê Hoàng Đức", "Phạm Thu Hà"]

    def one(i: int) -> Path:
        return submissions.submit(f"{DRAFT}\nBản {i}.", exercise="thong-cao-1", name=names[i % 4], folder=folder)

    with ThreadPoolExecutor(max_workers=8) as pool:
        paths = list(pool.map(one, range(24)))
    assert len(set(paths)) == 24
    assert sorted(p.name for p in _files(folder)) == sorted(p.name for p in paths)  # no temporary files
    texts = {submissions.load(p)["text"] for p in paths}
    assert len(texts) == 24


def test_same_second_and_same_id_still_never_overwrite(kit_home, tmp_path, monkeypatch):
    """The worst case: identical file names (same trainee, second and short id) from many threads."""
    fixed = datetime(2026, 3, 14, 8, 0, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(submissions, "_now", lambda: fixed)
    monkeypatch.setattr(submissions.uuid, "uuid4", lambda: uuid.UUID("12345678123456781234567812345678"))
    folder = tmp_path / "shared"
    with ThreadPoolExecutor(max_workers=8) as pool:
        paths = list(pool.map(lambda i: submissions.submit(f"Bản {i}", exercise="x", name="Lan", folder=folder),
                              range(16)))
    assert len(set(paths)) == 16
    assert sorted(submissions.load(p)["text"] for p in paths) == sorted(f"Bản {i}" for i in range(16))
    assert all(FILE_NAME.match(p.name) for p in paths)


def test_kit_submissions_is_honoured(kit_home, tmp_path, monkeypatch):
    shared = tmp_path / "hub" / "bai-nop-chung"
    monkeypatch.setenv("KIT_SUBMISSIONS", str(shared))
    path = submissions.submit(DRAFT, exercise="thong-cao-1", name="Lan")
    assert path.parent == shared
    assert not (kit_home / "bai-nop").exists()
    explicit = submissions.submit(DRAFT, exercise="thong-cao-1", name="Lan", folder=tmp_path / "khac")
    assert explicit.parent == tmp_path / "khac"


# ---------------------------------------------------------------- names


@pytest.mark.parametrize("name, slug", [
    ("Đặng Văn Đức", "dang-van-duc"),
    (unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết"), "nguyen-thi-anh-tuyet"),
    ("Lan 🙂", "lan"),
    ("Hà/Nội\\Lan:C?*", "ha-noi-lan-c"),
    ("../../etc/passwd", "etc-passwd"),
    ("CON", "con"),
    ("Tôn Nữ " + "Thị " * 27 + "Ánh", None),  # 118 characters: long but allowed
    ("🙂", None),
    ("李小龙", None),
])
def test_odd_names_make_safe_files(kit_home, tmp_path, name, slug):
    folder = tmp_path / "out"
    path = submissions.submit(DRAFT, exercise="thong-cao-1", name=name, folder=folder)
    assert path.parent == folder and FILE_NAME.match(path.name), path.name
    assert len(path.name) < 160
    record = submissions.load(path)
    assert record["trainee"]["name"] == " ".join(unicodedata.normalize("NFC", name).split())
    tid = record["trainee"]["id"]
    assert path.name.split("__")[1] == tid
    if slug:
        assert tid == slug
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tid) and len(tid) <= 60


def test_names_without_latin_letters_are_not_filed_together():
    assert submissions.trainee_id("🙂") != submissions.trainee_id("😀")
    assert submissions.trainee_id("🙂") == submissions.trainee_id("🙂")
    assert submissions.trainee_id("🙂").startswith("hv-")


def test_name_is_remembered(kit_home):
    assert submissions.remembered_name() is None
    assert submissions.remember_name(unicodedata.normalize("NFD", "  Trần   Văn Bình ")) == "Trần Văn Bình"
    assert (kit_home / "hoc-vien.json").exists()
    assert submissions.remembered_name() == "Trần Văn Bình"
    submissions.remember_name("Lê Thu")
    assert submissions.remembered_name() == "Lê Thu"
    assert [p.name for p in kit_home.iterdir()] == ["hoc-vien.json"]  # atomic: no temporary file
    with pytest.raises(SubmissionError) as info:
        submissions.remember_name("  ")
    assert info.value.code == "no_name"
    assert submissions.remembered_name() == "Lê Thu"
    (kit_home / "hoc-vien.json").write_text("{hỏng", encoding="utf-8")
    assert submissions.remembered_name() is None
    (kit_home / "hoc-vien.json").write_text('{"name": 42}', encoding="utf-8")
    assert submissions.remembered_name() is None


# ---------------------------------------------------------------- validation and reading


@pytest.fixture()
def record(kit_home) -> dict:
    return submissions.load(submissions.submit(DRAFT, exercise="thong-cao-1", name="Lan", kind="press_release"))


def _spoil(record: dict, change) -> dict:
    bad = json.loads(json.dumps(record))
    change(bad)
    return bad


@pytest.mark.parametrize("change, code, problem, field", [
    (lambda r: r.pop("exercise"), "wrong_schema", "missing", "exercise"),
    (lambda r: r["trainee"].pop("name"), "wrong_schema", "missing", "trainee.name"),
    (lambda r: r.update(score=100), "wrong_schema", "unexpected", "score"),
    (lambda r: r["report"].update(extra=1), "wrong_schema", "unexpected", "report.extra"),
    (lambda r: r.update(kind="poem"), "wrong_schema", "invalid", "kind"),
    (lambda r: r.update(attempt=0), "wrong_schema", "invalid", "attempt"),
    (lambda r: r["trainee"].update(name=" "), "wrong_schema", "invalid", "trainee.name"),
    (lambda r: r["trainee"].update(name=unicodedata.normalize("NFD", "Lê Thu")), "wrong_schema", "invalid",
     "trainee.name"),
    (lambda r: r.update(submitted_at="2026-03-14T08:00:00"), "wrong_schema", "invalid", "submitted_at"),
    (lambda r: r.update(submitted_at="2026-13-45T08:00:00Z"), "wrong_schema", "invalid", "submitted_at"),
    (lambda r: r["report"].update(total=140), "wrong_schema", "invalid", "report.total"),
    (lambda r: r["report"]["criteria"][0].update(spans=[[1, 2, 3]]), "wrong_schema", "invalid",
     "report.criteria.0.spans.0"),
    (lambda r: r["report"].update(kind="hot_issue"), "wrong_schema", "invalid", "report.kind"),
    (lambda r: r.update(schema_version=2), "newer_version", None, None),
])
def test_bad_records_fail_with_the_right_code(record, change, code, problem, field):
    bad = _spoil(record, change)
    with pytest.raises(SubmissionError) as info:
        submissions.validate(bad, "bai.json")
    assert info.value.code == code
    if problem:
        assert info.value.params["problem"] == problem and info.value.params["field"] == field
    assert "bai.json" in info.value.message


def test_non_object_json_is_not_a_submission():
    with pytest.raises(SubmissionError) as info:
        submissions.validate([1, 2], "bai.json")
    assert info.value.params["problem"] == "not_object"


def test_iter_submissions_reports_junk_and_keeps_going(kit_home, tmp_path):
    folder = tmp_path / "shared"
    good = [submissions.submit(DRAFT, exercise="thong-cao-1", name=n, folder=folder) for n in ("Lan", "Bình")]
    valid_bytes = good[0].read_bytes()
    (folder / "rac.json").write_text("đây không phải JSON", encoding="utf-8")
    (folder / "cut.json").write_bytes(valid_bytes[: len(valid_bytes) // 2])
    (folder / "cut-at-the-end.json").write_bytes(valid_bytes.rstrip()[:-1])
    (folder / "empty.json").write_bytes(b"")
    (folder / "other.json").write_text('{"name": "không phải bài nộp"}', encoding="utf-8")
    (folder / "list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    (folder / "big.json").write_bytes(b'{"text": "' + b"x" * (3 * 1024 * 1024) + b'"}')
    (folder / "newer.json").write_text(json.dumps({**json.loads(valid_bytes), "schema_version": 2}), encoding="utf-8")
    (folder / "folder.json").mkdir()
    (folder / "notes.txt").write_text("ghi chú của giảng viên", encoding="utf-8")  # not a .json: skipped
    (folder / ".new.abc.tmp").write_bytes(b"{")  # a write in progress: skipped
    (folder / "._thong-cao.json").write_bytes(b"\x00\x05\x16\x07")  # macOS metadata: skipped

    results = {p.name: r for p, r in submissions.iter_submissions(folder)}
    codes = {name: (r.code if isinstance(r, SubmissionError) else "ok") for name, r in results.items()}
    assert codes == {
        good[0].name: "ok", good[1].name: "ok",
        "rac.json": "not_json", "binary.json": "not_json",
        "cut.json": "truncated", "cut-at-the-end.json": "truncated", "empty.json": "truncated",
        "other.json": "wrong_schema", "list.json": "wrong_schema", "newer.json": "newer_version",
        "big.json": "too_large", "folder.json": "unreadable",
    }
    assert results[good[1].name]["trainee"]["name"] == "Bình"
    for name, result in results.items():
        if isinstance(result, SubmissionError):
            assert name in result.message and result.message != result.code
    assert results["big.json"].params["size_mb"] == 3.0


def test_iter_submissions_default_folder_and_missing_folder(kit_home, tmp_path):
    path = submissions.submit(DRAFT, exercise="x", name="Lan")
    assert [p for p, _ in submissions.iter_submissions()] == [path]
    with pytest.raises(SubmissionError) as info:
        submissions.iter_submissions(tmp_path / "khong-co")
    assert info.value.code == "no_folder"


def test_load_missing_file(tmp_path):
    with pytest.raises(SubmissionError) as info:
        submissions.load(tmp_path / "khong-co.json")
    assert info.value.code == "not_found"


# ---------------------------------------------------------------- the command line


def kit(home: Path, *args: str, lang: str = "vi", **env_extra: str) -> subprocess.CompletedProcess:
    env = {"KIT_LANG": lang, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONUTF8": "1",
           "HOME": str(home), "KIT_HOME": str(home), **env_extra}
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=env, timeout=120)


def test_cli_submits_and_remembers_the_name(kit_home, tmp_path):
    draft = tmp_path / "thông cáo.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = kit(kit_home, "submit", str(draft), "--exercise", "thong-cao-1", "--name", "Nguyễn Thị Lan",
              "--kind", "press_release")
    assert out.returncode == 0, out.stderr
    assert out.stderr == "" and "Traceback" not in out.stdout
    assert "Đã nộp bài" in out.stdout and "Điểm:" in out.stdout and "lần nộp thứ 1" in out.stdout
    files = _files(kit_home / "bai-nop")
    assert len(files) == 1 and str(files[0]) in out.stdout
    record = submissions.load(files[0])
    assert record["report"]["path"] == str(draft) and record["kind"] == "press_release"
    assert f"{record['report']['total']:g}/100" in out.stdout
    assert unicodedata.is_normalized("NFC", out.stdout)

    shared = tmp_path / "chung"  # no --name: the remembered one; KIT_SUBMISSIONS honoured
    again = kit(kit_home, "submit", str(draft), "--exercise", "thong-cao-1", KIT_SUBMISSIONS=str(shared))
    assert again.returncode == 0, again.stderr
    assert len(_files(shared)) == 1 and submissions.load(_files(shared)[0])["trainee"]["name"] == "Nguyễn Thị Lan"


def test_cli_to_folder_in_english(kit_home, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = kit(kit_home, "submit", str(draft), "--exercise", "x", "--name", "Lan", "--to", str(tmp_path / "to"),
              lang="en")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Submitted: ") and len(_files(tmp_path / "to")) == 1


def test_cli_errors_are_one_vietnamese_line(kit_home, tmp_path):
    png = tmp_path / "anh.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    cases = [
        (("submit", str(tmp_path / "khong-co.txt"), "--exercise", "x", "--name", "Lan"), "Không tìm thấy tệp"),
        (("submit", str(png), "--exercise", "x", "--name", "Lan"), "không phải tệp văn bản"),
        (("submit", str(draft), "--exercise", "x"), "--name"),  # no name given, none remembered
        (("submit", str(draft), "--exercise", "bài 1", "--name", "Lan"), "mã bài tập"),
    ]
    for args, words in cases:
        out = kit(kit_home, *args)
        assert out.returncode == 1, (args, out.stdout, out.stderr)
        assert words in out.stderr and "Traceback" not in out.stderr, out.stderr
        assert out.stdout == ""
    assert not (kit_home / "bai-nop").exists() or not _files(kit_home / "bai-nop")
