"""``python -m kit score``: the interface outside checks read (keep it exactly)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT
from tests.test_cli import encode_legacy

CORPUS = ROOT / "tests" / "corpus"


def kit(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, KIT_LANG="vi", PYTHONUTF8="1")
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=env, timeout=120)


def test_json_lines_in_order_with_the_fixed_fields(tmp_path):
    files = [CORPUS / "press_release" / "good" / "01_nghean_hoc_bong_vung_lu.txt",
             CORPUS / "hot_issue" / "weak" / sorted(os.listdir(CORPUS / "hot_issue" / "weak"))[0],
             CORPUS / "campaign_plan" / "good" / "01_langson_annual_2027.txt"]
    out = kit("score", "--json", *map(str, files))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["path"] for r in lines] == list(map(str, files))
    assert [r["kind"] for r in lines] == ["press_release", "hot_issue", "campaign_plan"]
    for r in lines:
        assert set(r) == {"path", "kind", "total", "criteria", "warnings"}
        assert 0 <= r["total"] <= 100
        for c in r["criteria"]:
            assert set(c) == {"id", "label", "score", "max", "message", "spans"}
            assert 0 <= c["score"] <= c["max"]
            assert all(isinstance(s, list) and len(s) == 2 and s[0] <= s[1] for s in c["spans"])
            assert (c["message"] == "") == (c["score"] >= c["max"])


def test_explicit_kind_and_spans_point_into_nfc_text(tmp_path):
    import unicodedata

    src = (CORPUS / "press_release" / "weak" / sorted(os.listdir(CORPUS / "press_release" / "weak"))[0]).read_text()
    f = tmp_path / "nfd.txt"
    f.write_text(unicodedata.normalize("NFD", src), encoding="utf-8")
    rep = json.loads(kit("score", "--kind", "press_release", "--json", str(f)).stdout)
    assert rep["kind"] == "press_release" and rep["total"] <= 50
    text = unicodedata.normalize("NFC", src)
    for c in rep["criteria"]:
        for s, e in c["spans"]:
            assert 0 <= s < e <= len(text)


def test_unreadable_file_is_reported_and_others_still_scored(tmp_path):
    good = tmp_path / "tc.txt"
    good.write_bytes(encode_legacy("Sở Giáo dục và Đào tạo trao 500 suất học bổng cho học sinh nghèo.", "tcvn3"))
    out = kit("score", "--json", str(tmp_path / "missing.txt"), str(good))
    assert out.returncode != 0
    assert "Không tìm thấy tệp" in out.stderr and "Traceback" not in out.stderr
    rep = json.loads(out.stdout.strip())
    assert rep["path"] == str(good)
    assert any("TCVN3" in w for w in rep["warnings"])


def test_readable_report_in_vietnamese():
    out = kit("score", str(CORPUS / "press_release" / "weak" / sorted(os.listdir(CORPUS / "press_release" / "weak"))[0]))
    assert out.returncode == 0
    assert "điểm" in out.stdout and "→" in out.stdout


def test_empty_and_binary_like_input_exit_zero(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_text("   \n")
    out = kit("score", "--json", str(empty))
    assert out.returncode == 0
    rep = json.loads(out.stdout)
    assert rep["total"] == 0 and any("trống" in w for w in rep["warnings"])


def test_plan_json_is_scored_as_a_plan(tmp_path):
    src = CORPUS / "campaign_plan" / "good" / "02_nghean_new_school_year.txt"
    out = tmp_path / "ke hoạch.json"
    assert kit("plan", "import", str(src), "-o", str(out)).returncode == 0
    from_json = json.loads(kit("score", "--json", str(out)).stdout)
    from_text = json.loads(kit("score", "--json", str(src)).stdout)
    assert from_json["kind"] == "campaign_plan"
    assert abs(from_json["total"] - from_text["total"]) <= 10
