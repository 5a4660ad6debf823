"""Exports of a trainee's finished work: ``export_press_release(text, fmt)`` gives the
bytes to download, the file-name suffix and the MIME type.

    >>> data, suffix, mime = export_press_release(text, "docx", report)
    >>> name = suggested_filename(text, "docx")   # "nghe-an-trao-1240-suat-hoc-bong-….docx"

``fmt`` is ``docx`` (Word, laid out per NĐ 30/2020) or ``md`` (Markdown, UTF-8). Both end
with the score report; ``report=None`` scores the text, ``report=False`` leaves it out.
Pure Python (python-docx for ``docx``), no widgets.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

from .press_release import DOCX_MIME, MD_MIME, to_docx, to_markdown


def _docx(text: str, report) -> bytes:
    return to_docx(text, report)


def _md(text: str, report) -> bytes:
    return to_markdown(text, report).encode("utf-8")


# fmt -> (render(text, report) -> bytes, file-name suffix, MIME type)
FORMATS: dict[str, tuple[Callable[[str, object], bytes], str, str]] = {
    "docx": (_docx, ".docx", DOCX_MIME),
    "md": (_md, ".md", MD_MIME),
}


def export_press_release(text: str, fmt: str, report=None) -> tuple[bytes, str, str]:
    """``(data, suffix, mime)`` for ``fmt`` in :data:`FORMATS` (``docx``, ``md``)."""
    key = str(fmt).lower().lstrip(".")
    if key == "markdown":
        key = "md"
    if key not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {sorted(FORMATS)}")
    render, suffix, mime = FORMATS[key]
    return render(text, report), suffix, mime


def suggested_filename(text: str, fmt: str = "docx", *, max_len: int = 60) -> str:
    """A safe ASCII file name from the headline ("Nghệ An trao 1.240 suất…" →
    ``nghe-an-trao-1240-suat-….docx``); ``thong-cao-bao-chi`` when there is none."""
    from .press_release import structure

    try:
        headline = structure(text, kicker=False, end_mark=False).headline or ""
    except Exception:  # a name must never stop a download
        headline = ""
    s = headline.replace("đ", "d").replace("Đ", "D")
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = re.sub(r"(?<=\d)[.,](?=\d)", "", s.lower())
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0] or s[:max_len]
    key = str(fmt).lower().lstrip(".")
    suffix = FORMATS.get("md" if key == "markdown" else key, (None, "." + key, None))[1]
    return (s or "thong-cao-bao-chi") + suffix


__all__ = ["FORMATS", "DOCX_MIME", "MD_MIME", "export_press_release", "suggested_filename", "to_docx", "to_markdown"]
