"""Any input to clean NFC text: pasted or typed text (:func:`clean_text`), bytes from a file
(:func:`decode_bytes`) or a file on disk (:func:`read_file`).

What was found and done travels as :class:`~kit.text.types.Note` codes; problems that stop
reading are :class:`~kit.text.types.TextError`. Nothing here raises anything else.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .legacy import (
    _BASE_256,
    TCVN3,
    VIQR,
    VNI,
    _from_viqr,
    decode_tcvn3,
    decode_vni,
    fix_pasted,
    guess_bytes_scheme,
    looks_like_viqr,
)
from .types import Cleaned, Note, TextError

__all__ = ["clean_text", "decode_bytes", "read_file", "MAX_FILE_BYTES"]

MAX_FILE_BYTES = 20 * 1024 * 1024

# ---------------------------------------------------------------- text

_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Other line ends (\v, \f, NEL, LS, PS) become "\n" with the CR ones.
_ODD_NEWLINE_RE = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# C0/C1 controls except \t and \n, zero-width space, word joiner, BOM. The soft hyphen
# (U+00AD) stays: it is the TCVN3 letter ư in a legacy paste.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff]")
_TAG_RE = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|!--)")
_SCRIPT_RE = re.compile(r"<\s*script", re.IGNORECASE)


def _char_class(chars: list[str]) -> str:
    """A regex character class body for ``chars``, as ranges (kept BMP-only: fast to match)."""
    spans: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if spans and cp == spans[-1][1] + 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)


@lru_cache(maxsize=1)
def _nfc_change_res() -> tuple[re.Pattern, re.Pattern]:
    """Regexes for what NFC may change: a letter followed by combining marks, and the single
    characters NFC replaces on their own (Å → Å...). Built at first need (~30 ms)."""
    marks, singles = [], []
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        if unicodedata.combining(c):
            marks.append(c)
        elif unicodedata.decomposition(c) and unicodedata.normalize("NFC", c) != c:
            singles.append(c)
    mark_class = _char_class(marks)
    return re.compile(f"[^{mark_class}]?[{mark_class}]+"), re.compile(f"[{_char_class(singles)}]")


def _to_nfc(text: str) -> tuple[str, int]:
    """NFC, and how many letters it changed (a letter with its marks counts once)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, 0
    out = unicodedata.normalize("NFC", text)
    clusters, singles = _nfc_change_res()
    # Few distinct clusters occur ("e" + dot + circumflex...): normalise each once.
    seen = Counter(clusters.findall(text))
    count = sum(n for cluster, n in seen.items() if unicodedata.normalize("NFC", cluster) != cluster)
    count += len(singles.findall(text))
    return out, max(count, 1)


def _clean(text: str, *, encoding: str | None = None, legacy: str | None = None,
           notes: list[Note] | None = None, detect_legacy: bool = True) -> Cleaned:
    notes = list(notes or [])
    if _SURROGATE_RE.search(text):
        before = text.count("\ufffd")
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        notes.append(Note("surrogates_replaced", {"count": text.count("\ufffd") - before}))
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
        notes.append(Note("bom_removed"))
    text, n = _ODD_NEWLINE_RE.subn("\n", text)
    if n:
        notes.append(Note("newlines_unified"))
    text, n = _CONTROL_RE.subn("", text)
    if n:
        notes.append(Note("controls_removed", {"count": n}))
    text = text.replace("\u00a0", " ")
    if detect_legacy:
        text, found, note = _repair_legacy(text)
        if note is not None:
            legacy = found
            notes.append(note)
    text, n = _to_nfc(text)
    if n:
        notes.append(Note("nfc_composed", {"count": n}))
    if "<" in text:
        n = len(_TAG_RE.findall(text)) or len(_SCRIPT_RE.findall(text))
        if n:
            notes.append(Note("markup_found", {"count": n}))
    if not text.strip():
        notes.append(Note("empty"))
    return Cleaned(text=text, encoding=encoding, legacy=legacy, notes=tuple(notes))


def _repair_legacy(text: str) -> tuple[str, str | None, Note | None]:
    """fix_pasted, else VIQR when clearly VIQR. A heuristic: should it ever fail, the text
    is better left as the user gave it than not cleaned at all."""
    try:
        fixed, scheme, count = fix_pasted(text)
        if scheme is None and looks_like_viqr(text):
            fixed, count = _from_viqr(text, True)
            scheme = VIQR if count else None
    except Exception:  # pragma: no cover - defensive: clean_text never raises
        return text, None, None
    if scheme is None:
        return text, None, None
    return fixed, scheme, Note("legacy_converted", {"scheme": scheme, "count": count})


def clean_text(text: str) -> Cleaned:
    """Pasted or typed text → NFC text plus notes.

    Unifies line breaks, removes control characters (not ``\\t``/``\\n``), zero-width spaces
    and stray BOMs, turns no-break spaces into spaces, repairs legacy pastes (TCVN3, VNI;
    VIQR when clearly VIQR), composes to NFC. HTML is noted (``markup_found``), never
    removed. Never raises for a ``str``; lone surrogates become U+FFFD.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(text))
    if text is None:
        text = ""
    return _clean(str(text))


# ---------------------------------------------------------------- bytes

_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"PK\x05\x06",
    b"%PDF-", b"\x7fELF", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x1f\x8b\x08", b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07", b"\x00asm", b"OggS\x00", b"\xca\xfe\xba\xbe", b"MZ\x90\x00",
)
# Bytes no text file holds (tab, newlines, form feed, ESC aside).
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)]) + b"\x7f"
_SAMPLE = 1 << 18


def _binary_ratio(data: bytes) -> float:
    sample = data[:_SAMPLE]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM shows as NUL bytes at every other position (ASCII, Vietnamese
    letters U+1Exx and most Latin text have a zero or small high byte)."""
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0:2 * half:2].count(0)
    odd = sample[1:2 * half:2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _replaced(text: str, data_had: int = 0) -> int:
    return text.count("\ufffd") - data_had


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _single_byte(data: bytes) -> tuple[str, str, str | None, list[Note]]:
    """Bytes that are not UTF-8: cp1258, TCVN3 or VNI when clearly so, else cp1252/Latin-1.

    Returns (text, encoding, legacy scheme, notes).
    """
    scheme = guess_bytes_scheme(data)
    if scheme == "cp1258":
        text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
        notes = [Note("cp1258")]
        bad = _replaced(text)
        if bad:
            notes.append(Note("undecodable", {"count": bad}))
        return text, "cp1258", None, notes
    if scheme in (TCVN3, VNI):
        text = decode_tcvn3(data, restore_case=True) if scheme == TCVN3 else decode_vni(data)
        words = sum(1 for m in _LETTERS_RE.finditer(text) if not m.group().isascii())
        return text, scheme, scheme, [Note("legacy_converted", {"scheme": scheme, "count": words})]
    text = codecs.charmap_decode(data, "strict", _BASE_256)[0]
    encoding = "cp1252" if any(0x80 <= b < 0xA0 for b in set(data)) else "latin-1"
    return text, encoding, None, [Note("latin1", {"encoding": encoding})]


def _decode(data: bytes) -> Cleaned:
    if not data:
        return _clean("", encoding="utf-8")
    notes: list[Note] = []
    # UTF-32 first: its little-endian BOM starts like the UTF-16 one.
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be")):
        if data.startswith(bom) and len(data) % 4 == 0:
            try:
                text = data[4:].decode(codec)
            except UnicodeDecodeError:
                break
            return _clean(text, encoding="utf-32", notes=[Note("bom_removed"), Note("decoded", {"encoding": "utf-32"})])
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
        notes.append(Note("bom_removed"))
        bad = _replaced(text, data[3:].decode("utf-8", errors="ignore").count("\ufffd"))
        if bad:
            notes.append(Note("undecodable", {"count": bad}))
        return _clean(text, encoding="utf-8-sig", notes=notes)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[2:]
            text = body.decode(codec, errors="replace")
            notes += [Note("bom_removed"), Note("utf16")]
            bad = _replaced(text, body.decode(codec, errors="ignore").count("\ufffd"))
            if bad:
                notes.append(Note("undecodable", {"count": bad}))
            return _clean(text, encoding="utf-16", notes=notes)
    codec = _guess_utf16_without_bom(data)
    if codec is not None:
        even = data[: len(data) - len(data) % 2]
        try:
            text = even.decode(codec)
        except UnicodeDecodeError:
            text = None
        # Binary data can have NULs at alternate places too: the text must look like text.
        if text is not None and len(_CONTROL_RE.findall(text)) <= 0.05 * len(text):
            notes.append(Note("utf16"))
            if len(data) % 2:
                text += "\ufffd"
                notes.append(Note("undecodable", {"count": 1}))
            return _clean(text, encoding="utf-16", notes=notes)
    if data.startswith(_MAGIC):
        raise TextError("binary", ratio=round(_binary_ratio(data), 3))
    ratio = _binary_ratio(data)
    if ratio > 0.05:
        raise TextError("binary", ratio=round(ratio, 3))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _clean(text, encoding="utf-8")
    # A file has one encoding: once chosen here, no word-by-word legacy repair afterwards.
    text, encoding, legacy, notes = _single_byte(data)
    return _clean(text, encoding=encoding, legacy=legacy, notes=notes, detect_legacy=False)


def decode_bytes(data: bytes) -> Cleaned:
    """Bytes from a file → :class:`Cleaned` (``encoding`` set).

    Order: BOM (UTF-8, UTF-16 LE/BE, UTF-32); UTF-16 without BOM when NUL bytes sit at every
    other position; binary data → ``TextError("binary")``; strict UTF-8; else the most
    plausible of Windows-1258, TCVN3 and VNI; else cp1252/Latin-1 with a ``latin1`` note.
    The text then goes through :func:`clean_text`. Raises nothing but :class:`TextError`.
    """
    try:
        if isinstance(data, str):
            return _clean(data)
        return _decode(bytes(data))
    except TextError:
        raise
    except Exception as exc:  # a bug must not crash the notebook: report it as unreadable
        raise TextError("unreadable", reason=type(exc).__name__) from exc


# ---------------------------------------------------------------- files


def read_file(path: str | os.PathLike) -> Cleaned:
    """Read and clean a text file. Raises :class:`TextError`: ``not_found``, ``is_directory``,
    ``permission``, ``too_large`` (over :data:`MAX_FILE_BYTES`), ``binary``, ``unreadable``;
    every error carries ``path``."""
    try:
        name = os.fsdecode(os.fspath(path))
    except TypeError as exc:
        raise TextError("unreadable", path=str(path), reason=type(exc).__name__) from exc
    p = Path(name)
    try:
        st = p.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise TextError("not_found", path=name) from None
    except PermissionError:
        raise TextError("permission", path=name) from None
    except (OSError, ValueError) as exc:
        raise TextError("unreadable", path=name, reason=getattr(exc, "strerror", None) or type(exc).__name__) from None
    if stat.S_ISDIR(st.st_mode):
        raise TextError("is_directory", path=name)
    if not stat.S_ISREG(st.st_mode):
        # A pipe or a device would block or never end.
        raise TextError("unreadable", path=name, reason="not a regular file")
    limits = {"limit": MAX_FILE_BYTES, "limit_mb": MAX_FILE_BYTES // (1024 * 1024)}
    if st.st_size > MAX_FILE_BYTES:
        raise TextError("too_large", path=name, size=st.st_size, size_mb=round(st.st_size / 1048576, 1), **limits)
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise TextError("not_found", path=name) from None
    except IsADirectoryError:
        raise TextError("is_directory", path=name) from None
    except PermissionError:
        raise TextError("permission", path=name) from None
    except OSError as exc:
        raise TextError("unreadable", path=name, reason=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_FILE_BYTES:
        raise TextError("too_large", path=name, size=len(data), size_mb=round(len(data) / 1048576, 1), **limits)
    try:
        return decode_bytes(data)
    except TextError as err:
        raise TextError(err.code, **{**err.params, "path": name}) from None
