"""A draft, analysed once and shared by every criterion.

Everything is computed lazily and cached, so a rubric pays only for what its rules use.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..text import analyse, clean_text, entities
from ..text.types import Cleaned
from .fold import fold

# Lines that open an official document rather than say anything: the issuing body, the
# national motto, document type words. They are not the headline or the lead.
_HEADER_LINE = re.compile(
    r"^(?:cộng hòa|độc lập|số\s*:|thông cáo báo chí$|thông tin báo chí$|tin báo chí$|kế hoạch$|-{2,}|_{2,})",
)
# Issuing bodies are header lines only when written in capitals ("SỞ GIÁO DỤC VÀ ĐÀO TẠO"):
# a sentence-case "Sở GD&ĐT trao 500 suất học bổng" is a headline.
_BODY_LINE = re.compile(r"^(?:ubnd|ủy ban|uỷ ban|bộ|sở|phòng|trường|ban|trung tâm)\b")
_DATELINE = re.compile(r"^[^\n]{0,60}?,\s*ngày\s+\d{1,2}\s*(?:tháng|/)\s*\d{1,2}", re.I)


class Draft:
    """The normalised text of a draft and what the rules need to know about it."""

    def __init__(self, text: str, cleaned: Cleaned | None = None) -> None:
        self.cleaned = cleaned if cleaned is not None else clean_text(text)
        self.text = self.cleaned.text

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def doc(self):
        return analyse(self.text)

    @property
    def paragraphs(self):
        return self.doc.paragraphs

    @property
    def sentences(self):
        return self.doc.sentences

    @cached_property
    def dates(self):
        return entities.find_dates(self.text)

    @cached_property
    def numbers(self):
        return entities.find_numbers(self.text)

    @cached_property
    def contacts(self):
        return entities.find_contacts(self.text)

    @cached_property
    def acronyms(self):
        return entities.find_acronyms(self.text)

    @cached_property
    def definitions(self):
        return entities.find_definitions(self.text)

    @cached_property
    def undefined_acronyms(self):
        return entities.undefined_acronyms(self.text)

    def is_header_line(self, para) -> bool:
        folded = self.folded[para.start:para.end].strip()
        if _HEADER_LINE.match(folded):
            return True
        if _BODY_LINE.match(folded) and not any(c.islower() for c in para.text):
            return True
        return bool(_DATELINE.match(para.text) and len(para.text) < 80)

    @cached_property
    def content_paragraphs(self):
        """Paragraphs after the document header lines (issuing body, motto, number, type)."""
        paras = list(self.paragraphs)
        i = 0
        while i < len(paras) and i < 8 and self.is_header_line(paras[i]):
            i += 1
        return paras[i:]

    def find(self, pattern: re.Pattern[str] | str, start: int = 0, end: int | None = None):
        """Matches of ``pattern`` (written in folded, lower-case form) with spans into the text."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        return list(rx.finditer(self.folded, start, len(self.folded) if end is None else end))

    def sentence_number(self, sentence) -> int:
        return self.doc.sentences.index(sentence) + 1
