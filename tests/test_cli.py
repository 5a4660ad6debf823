"""``python -m kit`` as a user runs it: Vietnamese messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest

from tests.conftest import ROOT

LETTERS = json.loads((ROOT / "kit" / "text" / "data" / "legacy_mapping.json").read_text())["letters"]
SENTENCE = "Sở Giáo dục và Đào tạo tổ chức hội nghị công tác văn phòng năm học 2026–2027."


def encode_legacy(text: str, scheme: str) -> bytes:
    out = bytearray()
    for ch in text:
        if ch in LETTERS:
            out += bytes.fromhex(LETTERS[ch][scheme])
        elif ch == "–":
            out += b"-"
        else:
            out += ch.encode("ascii")
    return bytes(out)


def kit(*args: str, lang: str = "vi") -> subprocess.CompletedProcess:
    env = {"KIT_LANG": lang, "PATH": "/usr/bin:/bin", "PYTHONUTF8": "1", "HOME": str(ROOT / "tests")}
    import os

    env["KIT_HOME"] = os.environ["KIT_HOME"]
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=env, timeout=120)


def test_help_speaks_vietnamese_and_english():
    vi = kit("--help")
    assert vi.returncode == 0 and "cách dùng" in vi.stdout and "normalize" in vi.stdout
    assert unicodedata.is_normalized("NFC", vi.stdout)
    en = kit("--lang", "en", "--help")
    assert en.returncode == 0 and "usage:" in en.stdout and "commands" in en.stdout


@pytest.mark.parametrize("scheme", ["tcvn3", "vni"])
def test_normalize_converts_legacy_bytes(tmp_path, scheme):
    f = tmp_path / f"kế hoạch cũ ({scheme}).txt"
    f.write_bytes(encode_legacy(SENTENCE, scheme))
    out = kit("normalize", str(f))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == SENTENCE.replace("–", "-")
    assert "TCVN3" in out.stderr if scheme == "tcvn3" else "VNI" in out.stderr


def test_normalize_nfd_utf16_and_cp1258(tmp_path):
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", SENTENCE), encoding="utf-8")
    out = kit("normalize", str(nfd))
    assert out.stdout.strip() == SENTENCE and "NFC" in out.stderr
    u16 = tmp_path / "u16.txt"
    u16.write_text(SENTENCE, encoding="utf-16")
    assert kit("normalize", str(u16)).stdout.strip() == SENTENCE
    cp = tmp_path / "cp1258.txt"
    cp.write_bytes(unicodedata.normalize("NFD", "Giáo dục và đào tạo").encode("cp1258"))
    out = kit("normalize", str(cp))
    assert out.stdout.strip() == "Giáo dục và đào tạo", out.stderr


def test_normalize_leaves_genuine_text_alone(tmp_path):
    f = tmp_path / "fr.txt"
    text = "Université de Genève, café Phố Cổ; Sở GD&ĐT Hà Nội."
    f.write_text(text, encoding="utf-8")
    out = kit("normalize", str(f))
    assert out.stdout.strip() == text
    assert "không cần chuyển đổi" in out.stderr


@pytest.mark.parametrize("make, expect", [
    (lambda p: p / "khong-co.txt", "Không tìm thấy tệp"),
    (lambda p: p, "là một thư mục"),
    (lambda p: (p / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20) and p / "anh.png",
     "không phải tệp văn bản"),
])
def test_normalize_bad_files_get_a_vietnamese_line(tmp_path, make, expect):
    out = kit("normalize", str(make(tmp_path)))
    assert out.returncode != 0
    assert expect in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_unknown_command_is_explained_in_vietnamese():
    out = kit("khong-co-lenh")
    assert out.returncode == 2 and "lỗi" in out.stderr and "Traceback" not in out.stderr
