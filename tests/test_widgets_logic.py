"""Widget logic without a browser: set the value, check what the trainee would see."""

from __future__ import annotations

from kit.widgets.text_cleaner import SAMPLE_GARBLED, TextCleaner


def test_typing_is_analysed_after_a_pause_and_autosaved(kit_home):
    w = TextCleaner(key="thu", delay=30)  # long delay: only flush() runs the analysis
    w.textarea.value = "Câu ngắn. Đây là một câu dài hơn hẳn câu trước đó nhiều."
    assert w.result.value == ""  # nothing happens while typing
    w.flush()
    assert "<b>2</b> câu" in w.result.value
    assert '<mark class="kit-mark"' in w.result.value and "Đây là một câu dài" in w.result.value
    assert "Đã tự động lưu" in w.status.value
    again = TextCleaner(key="thu")
    assert again.textarea.value == w.textarea.value
    assert "Đã khôi phục" in again.status.value


def test_sample_button_converts_legacy_text(kit_home):
    w = TextCleaner(key="mau", delay=30)
    w.sample_button.click()
    assert w.textarea.value == SAMPLE_GARBLED
    assert "Sở Giáo dục và Đào tạo" in w.result.value
    assert "TCVN3" in w.result.value


def test_markup_is_escaped(kit_home):
    w = TextCleaner(key="html", delay=30)
    w.textarea.value = '<script>alert("x")</script> Câu một.'
    w.flush()
    assert "<script>" not in w.result.value and "&lt;script&gt;" in w.result.value


def test_errors_become_one_friendly_line(kit_home, monkeypatch):
    w = TextCleaner(key="loi", delay=30)

    def boom():
        raise RuntimeError("internal detail")

    monkeypatch.setattr(w, "analyse", boom)
    w.run_button.click()
    assert "Xin lỗi" in w.result.value and "RuntimeError" not in w.result.value
    log = (kit_home / "nhat-ky" / "kit.log").read_text()
    assert "RuntimeError: internal detail" in log


def test_empty_text_gets_a_hint(kit_home):
    w = TextCleaner(key="rong", delay=30)
    w.clear_button.click()
    assert "Khung đang trống" in w.result.value


def test_fixed_text_can_replace_the_paste(kit_home):
    w = TextCleaner(key="dung", delay=30)
    w.sample_button.click()
    w.use_button.click()
    assert w.textarea.value.startswith("Sở Giáo dục và Đào tạo thông báo")
    assert "không có gì cần sửa" in w.result.value
