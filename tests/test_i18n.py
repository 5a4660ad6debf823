"""Every message a user reads exists in Vietnamese (NFC) and in English."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

from kit import i18n
from tests.conftest import ROOT


def test_catalogues_are_complete_and_current():
    out = subprocess.run([sys.executable, "scripts/i18n.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_vietnamese_catalogue_is_nfc_and_keeps_placeholders():
    import re

    cat = i18n.catalogue("vi")
    assert len(cat) > 50
    for msgid, text in cat.items():
        assert unicodedata.is_normalized("NFC", text)
        assert set(re.findall(r"\{\w+\}", msgid)) == set(re.findall(r"\{\w+\}", text)), msgid
        assert set(re.findall(r"%\(\w+\)[sr]|%s", msgid)) == set(re.findall(r"%\(\w+\)[sr]|%s", text)), msgid


def test_language_switch(monkeypatch):
    monkeypatch.setitem(i18n._state, "lang", None)
    monkeypatch.setenv("KIT_LANG", "en")
    assert i18n.t("File: {path}", path="a") == "File: a"
    monkeypatch.setenv("KIT_LANG", "vi")
    assert i18n.t("File: {path}", path="a") == "Tệp: a"
