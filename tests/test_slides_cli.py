"""``python -m kit slides`` and ``python -m kit handouts`` as a trainer runs them: Vietnamese, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kit.slides.assets import find_lessons
from tests.conftest import ROOT


def kit(*args: str, cwd=ROOT, **extra_env: str) -> subprocess.CompletedProcess:
    env = {"KIT_LANG": "vi", "PATH": "/usr/bin:/bin", "PYTHONUTF8": "1", "HOME": str(ROOT / "tests"),
           "KIT_HOME": os.environ["KIT_HOME"], **extra_env}
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=env, timeout=300)


def _no_traceback(out: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in out.stderr + out.stdout


def test_help_lists_both_commands_in_vietnamese():
    out = kit("--help")
    assert "slides" in out.stdout and "handouts" in out.stdout
    assert "bài trình chiếu" in out.stdout and "phát tay" in out.stdout


def test_slides_builds_every_lesson_into_the_folder_given(tmp_path):
    out = kit("slides", "--no-run", "--out", str(tmp_path / "decks"))
    assert out.returncode == 0, out.stderr
    _no_traceback(out)
    names = sorted(p.name for p in (tmp_path / "decks").glob("*.slides.html"))
    lessons = sorted(p.stem + ".slides.html" for p in find_lessons(ROOT / "notebooks"))
    assert len(lessons) >= 4  # the tool notebooks (dashboard, progress, trainer's room) get no deck
    assert names == lessons
    assert out.stdout.count("trang chiếu") == len(lessons)
    assert "Đã làm xong" in out.stdout and (tmp_path / "decks" / "index.html").exists()
    assert (tmp_path / "decks" / "assets" / "reveal.js" / "dist" / "theme" / "kit.css").exists()


def test_slides_defaults_to_a_folder_in_the_current_directory(tmp_path):
    lesson = ROOT / "notebooks" / "00_chao_mung.ipynb"
    out = kit("slides", "--no-run", str(lesson), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "trinh-chieu" / "00_chao_mung.slides.html").exists()


@pytest.mark.parametrize("command", ["slides", "handouts"])
def test_bad_lessons_get_a_vietnamese_line_and_exit_1(tmp_path, command):
    missing = kit(command, str(tmp_path / "khong-co.ipynb"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 1 and "không phải sổ bài học" in missing.stderr
    empty = tmp_path / "rong"
    empty.mkdir()
    none = kit(command, "--lessons-dir", str(empty), "--out", str(tmp_path / "o"))
    assert none.returncode == 1 and "Không tìm thấy sổ bài học" in none.stderr
    broken = tmp_path / "hong.ipynb"
    broken.write_text("{ không phải JSON", encoding="utf-8")
    bad = kit(command, "--no-run", str(broken), "--out", str(tmp_path / "o"))
    assert bad.returncode == 1 and "không đọc được bài học" in bad.stderr
    for out in (missing, none, bad):
        _no_traceback(out)


def test_slides_into_a_file_is_refused(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    out = kit("slides", "--no-run", "--out", str(target))
    assert out.returncode == 1 and "không ghi được bài trình chiếu" in out.stderr
    _no_traceback(out)


def test_handouts_without_a_browser_says_how_to_get_one(tmp_path):
    out = kit("handouts", "--out", str(tmp_path / "pdf"), KIT_CHROMIUM=str(tmp_path / "no-chromium"))
    assert out.returncode == 1 and "Không tìm thấy Chromium" in out.stderr
    _no_traceback(out)
