"""The press-release module as a trainee does it, in JupyterLab in headless Chromium."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import urllib.request

import pytest

from tests import corpus_tools as ct

from .conftest import TOKEN
from .lab import download_word, open_notebook, restart_and_run_all, wait_kernel_idle

pytestmark = pytest.mark.browser

EXERCISE = "exercises/thong-cao-1.ipynb"
EDITOR = ".kit-draft-scorer textarea"


def _kill_kernels(lab) -> None:
    """SIGKILL every kernel process of this server, as a crash would."""
    with urllib.request.urlopen(f"{lab.url}/api/kernels?token={TOKEN}") as r:
        ids = [k["id"] for k in json.load(r)]
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if any(k in line for k in ids) and "ipykernel" in line:
            os.kill(int(line.split()[0]), signal.SIGKILL)


def test_exercise_scores_restores_exports_and_submits(page, lab, artifacts):
    open_notebook(page, lab, EXERCISE)
    restart_and_run_all(page)
    editor = page.locator(EDITOR).first
    editor.wait_for()
    assert page.locator(".jp-CodeCell .jp-InputArea:visible .cm-content").count() == 0

    draft = ct.weaks("press_release")[0].read_text()
    editor.fill(draft)
    result = page.locator(".kit-draft-scorer .kit-result").first
    result.locator(".kit-crit").first.wait_for(timeout=60_000)
    result.locator("mark.kit-mark").first.wait_for()
    assert result.locator(".kit-crit").count() >= 8
    assert "Mục tiêu" in result.inner_text()
    page.wait_for_selector(".kit-draft-scorer >> text=Đã tự động lưu", timeout=60_000)
    result.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "press_exercise_scored.png"))

    # Reload the page: the draft comes back.
    page.reload()
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_kernel_idle(page)
    restart_and_run_all(page)
    page.locator(EDITOR).first.wait_for()
    assert page.locator(EDITOR).first.input_value() == draft

    # Kill the kernel outright, restart: the draft is still there.
    _kill_kernels(lab)
    page.wait_for_timeout(2000)
    restart_and_run_all(page)
    page.locator(EDITOR).first.wait_for()
    assert page.locator(EDITOR).first.input_value() == draft

    # Export: the Word file downloads and opens.
    doc = download_word(page, page.locator(".kit-draft-scorer button", has_text="Tải về").first,
                        page.locator("a.kit-download", has_text="Word").first, artifacts / "press_export.docx")
    assert any("Báo cáo chấm điểm" in p.text for p in doc.paragraphs)

    # Submit under a Vietnamese name: one JSON file appears in the submissions folder.
    page.locator(".kit-draft-scorer input[type=text]").first.fill("Trần Thị Mai")
    page.locator(".kit-draft-scorer button", has_text="Nộp bài").first.click()
    page.wait_for_selector(".kit-draft-scorer >> text=Đã nộp bài", timeout=60_000)
    # other browser tests share this server's folder: find this trainee's attempt
    files = list((lab.home / "bai-nop").glob("thong-cao-1__tran-thi-mai__*.json"))
    assert len(files) == 1
    record = json.loads(files[0].read_text())
    assert record["trainee"]["name"] == "Trần Thị Mai" and record["text"] == draft
    page.screenshot(path=str(artifacts / "press_exercise_submitted.png"))
    assert not page.outside_requests, page.outside_requests
