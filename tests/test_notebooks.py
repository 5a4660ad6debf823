"""Notebooks are written for people who do not code: no visible code, Vietnamese NFC text."""

from __future__ import annotations

import unicodedata

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = sorted(p for d in ("notebooks", "exercises", "solutions") for p in (ROOT / d).rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)


def test_there_is_a_welcome_notebook():
    assert (ROOT / "notebooks" / "00_chao_mung.ipynb").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_clean_and_hides_code(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        assert unicodedata.is_normalized("NFC", cell.source), "text must be NFC"
        if cell.cell_type == "code":
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.source
            assert "remove-input" in cell.metadata.get("tags", []), cell.source
            assert not cell.get("outputs"), "commit notebooks without outputs"
            lines = [ln for ln in cell.source.splitlines() if ln.strip()]
            # JupyterLab shows a hidden cell's first line: make it a Vietnamese comment, not code.
            assert lines and lines[0].startswith("# "), cell.source
            code = [ln for ln in lines if not ln.startswith("#")]
            assert len(code) <= 2, "a code cell is one call into kit (plus its import)"
