"""The Vietnamese text core that scoring, import and export all use.

- ``clean_text(str)``, ``decode_bytes(bytes)``, ``read_file(path)`` → :class:`Cleaned`:
  NFC Unicode, legacy encodings (TCVN3, VNI, VIQR, Windows-1258) converted, with notes
  saying what was found and done.
- ``analyse(text)`` → :class:`Document`: paragraphs and sentences with offsets, counts of
  syllables (tiếng). ``kit.text.entities``: acronyms and their definitions, dates and
  times, figures, contacts.
"""

from . import entities
from .decode import clean_text, decode_bytes, read_file
from .segment import Document, Paragraph, Sentence, analyse, count_syllables, longest_sentence
from .types import Cleaned, Note, TextError

__all__ = [
    "Cleaned", "Document", "Note", "Paragraph", "Sentence", "TextError",
    "analyse", "clean_text", "count_syllables", "decode_bytes", "entities", "longest_sentence", "read_file",
]
