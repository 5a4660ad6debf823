"""Atomic file writes and autosaved drafts.

A write goes to a temporary file in the same folder, is flushed to disk and then renamed
over the target, so a killed kernel or a full disk never leaves half a draft behind.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import unicodedata
import uuid
from pathlib import Path
from typing import Any

from . import paths


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _new_shared_temp(folder: Path) -> tuple[int, str]:
    """A new hidden temporary file in ``folder``, created with the mode a plain ``open()``
    gives (0o666 less the umask). ``mkstemp`` would make it 0o600, and in the shared
    submissions folder of a JupyterHub the trainer (who reads through the folder's group)
    could then not open the trainees' files."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = os.path.join(folder, f".new.{uuid.uuid4().hex}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def write_new_json(folder: Path, stem: str, payload: Any) -> Path:
    """Write ``payload`` to a file in ``folder`` that did not exist before: never overwrites."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
    for n in range(1000):
        target = folder / (f"{stem}.json" if n == 0 else f"{stem}-{n}.json")
        fd, tmp = _new_shared_temp(folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, target)  # fails if target exists: no overwrite, even in a race
        except FileExistsError:
            os.unlink(tmp)
            continue
        except OSError:  # file systems without hard links
            if target.exists():
                os.unlink(tmp)
                continue
            os.replace(tmp, target)
            return target
        os.unlink(tmp)
        return target
    raise FileExistsError(folder / stem)


def safe_name(text: str, fallback: str = "ban-nhap") -> str:
    """A file-name-safe ASCII slug (Vietnamese letters lose their marks; đ becomes d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60]
    return slug or fallback


class Draft:
    """One autosaved draft, e.g. the text a trainee is typing in a widget.

    ``save`` is cheap enough to call on every pause in typing; ``load`` returns the
    last saved text (or ``""``). The file is JSON so it can carry a timestamp too.
    """

    def __init__(self, key: str, folder: Path | None = None) -> None:
        self.key = safe_name(key, "nhap")
        self.folder = Path(folder) if folder else paths.drafts_dir()
        self.path = self.folder / f"{self.key}.json"

    def load(self) -> str:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return ""
        text = data.get("text", "") if isinstance(data, dict) else ""
        return text if isinstance(text, str) else ""

    def save(self, text: str) -> None:
        payload = {"key": self.key, "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "text": text}
        atomic_write_text(self.path, json.dumps(payload, ensure_ascii=False))
