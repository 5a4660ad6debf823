"""The welcome page as a trainee uses it, in JupyterLab in headless Chromium."""

from __future__ import annotations

import pytest

from kit.widgets.text_cleaner import SAMPLE_GARBLED

from .lab import open_notebook, restart_and_run_all, wait_kernel_idle

pytestmark = pytest.mark.browser

WELCOME = "notebooks/00_chao_mung.ipynb"


def test_welcome_page_cleans_pasted_text(page, lab, artifacts):
    open_notebook(page, lab, WELCOME)
    restart_and_run_all(page)
    page.locator(".kit-box .kit-ok", has_text="sẵn sàng").wait_for()
    box = page.locator(".kit-text-cleaner textarea")
    box.wait_for()
    # No code is shown to the trainee: every code cell's input is hidden.
    assert page.locator(".jp-CodeCell .jp-InputArea:visible .cm-content").count() == 0

    # A paste from an old .VnTime document, then a long sentence typed key by key.
    box.fill(SAMPLE_GARBLED + "\n")
    box.press("End")
    box.type("Đây là câu cuối, được gõ từng phím để kiểm tra rằng bộ gõ và ô nhập không bị giật con trỏ khi "
             "bộ công cụ đang phân tích văn bản ở phía sau, kể cả khi câu này rất dài như thế này.", delay=5)
    result = page.locator(".kit-text-cleaner .kit-result")
    result.locator("mark.kit-mark").wait_for()
    text = result.inner_text()
    assert "Sở Giáo dục và Đào tạo" in text  # the garbled paste came out as Unicode
    assert "TCVN3" in text  # and the kit said what it converted
    assert "3 câu" in text.replace("\n", " ")
    assert result.locator("mark.kit-mark").inner_text().startswith("Đây là câu cuối")
    # The cursor stayed at the end while the kit analysed: the typed text is intact.
    assert box.input_value().endswith("như thế này.")
    result.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "welcome_text_cleaner.png"), full_page=False)

    # Markup in the text is shown as text and never run.
    box.fill("<script>window.__kitPwned = 1</script><b>đậm</b> Câu thử.")
    page.wait_for_function(
        "() => document.querySelector('.kit-text-cleaner .kit-preview')?.textContent.includes('<script>')")
    assert page.evaluate("() => window.__kitPwned === undefined")
    assert page.locator(".kit-text-cleaner .kit-preview b").count() == 0
    assert not page.outside_requests, page.outside_requests


def test_welcome_page_restores_text_after_reload(page, lab):
    open_notebook(page, lab, WELCOME)
    restart_and_run_all(page)
    box = page.locator(".kit-text-cleaner textarea")
    box.wait_for()
    box.fill("Văn bản thử khôi phục sau khi tải lại trang.")
    page.wait_for_selector(".kit-text-cleaner >> text=Đã tự động lưu", timeout=90_000)
    page.reload()
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_kernel_idle(page)
    restart_and_run_all(page)
    page.locator(".kit-text-cleaner textarea").wait_for()
    assert page.locator(".kit-text-cleaner textarea").input_value() == "Văn bản thử khôi phục sau khi tải lại trang."
    page.wait_for_selector(".kit-text-cleaner >> text=Đã khôi phục")
