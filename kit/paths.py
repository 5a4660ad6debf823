"""Where the kit keeps a trainee's files.

Everything lives under one folder, ``KIT_HOME`` or ``~/kit-truyen-thong`` by default, so a
trainee (and the README) can name it: drafts saved as they type, submissions, exports
and the error log. On a JupyterHub, ``KIT_SUBMISSIONS`` points submissions at a shared folder.
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    return Path(os.environ.get("KIT_HOME") or Path.home() / "kit-truyen-thong")


def _sub(name: str) -> Path:
    path = home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    """Autosaved drafts (``ban-nhap``: "drafts")."""
    return _sub("ban-nhap")


def exports_dir() -> Path:
    """Exported documents (``tai-lieu-xuat``: "exported documents")."""
    return _sub("tai-lieu-xuat")


def submissions_dir() -> Path:
    """Submitted attempts (``bai-nop``); ``KIT_SUBMISSIONS`` overrides it."""
    env = os.environ.get("KIT_SUBMISSIONS")
    if env:
        path = Path(env)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return _sub("bai-nop")


def log_file() -> Path:
    """Tracebacks go here, never to the trainee's screen."""
    return _sub("nhat-ky") / "kit.log"
