"""Shared test setup: every test (and every nbval kernel) writes into a temporary KIT_HOME."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"

# Set at import time so the kernels nbval starts inherit it: no test writes into ~.
os.environ.setdefault("KIT_HOME", tempfile.mkdtemp(prefix="kit-home-"))
os.environ.setdefault("KIT_LANG", "vi")


@pytest.fixture()
def kit_home(tmp_path, monkeypatch) -> Path:
    """A fresh, empty KIT_HOME for one test."""
    home = tmp_path / "kit-home"
    monkeypatch.setenv("KIT_HOME", str(home))
    monkeypatch.delenv("KIT_SUBMISSIONS", raising=False)
    return home


@pytest.fixture()
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture()
def vietnamese():
    """Messages in Vietnamese for one test, whatever KIT_LANG says."""
    from kit import i18n

    i18n.set_language("vi")
    yield
    i18n._state["lang"] = None


def highlighted(text: str, finding) -> list[str]:
    """The passages a rubric finding highlights, as text."""
    from kit.scoring.draft import Draft

    d = Draft(text)
    return [d.text[s:e] for s, e in finding.spans]
