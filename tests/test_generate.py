"""The workbook generator (kit.notebooks.generate), on small notebooks built here."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kit.notebooks import generate as gen
from tests import test_notebooks as conventions
from tests.conftest import ROOT

SECRET = "Tít mẫu: Sở GD&ĐT Hà Nội khai giảng năm học mới cho 2,1 triệu học sinh"
REASONING = "Vì sao tít này tốt: nói rõ ai, làm gì và có số liệu."
HINT = "Tít nên trả lời **ai làm gì**, dưới 15 tiếng.\n\n- Bắt đầu bằng tên đơn vị.\n- Có một con số."
HIDDEN = {"jupyter": {"source_hidden": True}, "tags": ["remove-input"], "slideshow": {"slide_type": "-"}}


def hidden(*tags: str, **extra) -> dict:
    meta = json.loads(json.dumps(HIDDEN))
    meta["tags"] += list(tags)
    meta.update(extra)
    return meta


def solution_notebook() -> nbformat.NotebookNode:
    """A small solution: lesson text, a hint, the worked answer, a form with saved outputs."""
    nb = new_notebook(metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "kit": {"id": "thong_cao_1", "title": "Viết tít thông cáo", "target_score": 80, "role": "solution"},
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {"m": {"value": SECRET}}}},
    })
    cells = [
        new_markdown_cell("# Bài tập 1: Viết tít thông cáo báo chí\n\nĐọc tình huống rồi viết tít.",
                          metadata={"slideshow": {"slide_type": "slide"}}),
        new_markdown_cell(HINT, metadata={"tags": ["hint"], "slideshow": {"slide_type": "-"}}),
        new_markdown_cell(f"## Bài giải mẫu\n\n{SECRET}\n\n{REASONING}",
                          metadata={"tags": ["solution"], "slideshow": {"slide_type": "slide"}}),
        new_code_cell("# Khung viết tít\nkw.exercise(\"thong_cao_1\")", execution_count=4,
                      outputs=[new_output("stream", name="stdout", text=SECRET)],
                      metadata=hidden(kit={"exercise": "thong_cao_1"}, scrolled=True, collapsed=False,
                                      execution={"iopub.status.idle": "2024-09-01T08:00:00.000Z"})),
        new_code_cell("# Chấm bài giải mẫu\nkw.exercise(\"thong_cao_1\", answer=True)", execution_count=5,
                      metadata=hidden("solution")),
        new_code_cell("# Gợi ý dạng khung\nkw.hint(\"thong_cao_1\")", metadata=hidden("hint")),
    ]
    for i, cell in enumerate(cells):
        cell["id"] = f"c{i}"
    nb.cells = cells
    return nb


def write_solution(folder: Path, name: str = "thong_cao_1.ipynb", nb=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb if nb is not None else solution_notebook(), path)
    return path


def by_id(nb) -> dict:
    return {c.id: c for c in nb.cells}


# --- build_exercise: the preprocessor chain -------------------------------------------------


def test_solution_cells_are_removed():
    ex = gen.build_exercise(solution_notebook())
    assert all("solution" not in c.metadata.get("tags", []) for c in ex.cells)
    text = gen.render_notebook(ex)
    assert SECRET not in text and REASONING not in text and "answer=True" not in text
    assert [c.id for c in ex.cells] == [gen.BANNER_ID, "c0", "c1", "c3", "c5"]


def test_markdown_hint_is_collapsed_into_details():
    hint = by_id(gen.build_exercise(solution_notebook()))["c1"]
    src = hint.source
    assert src.startswith("<details>\n<summary>") and src.endswith("\n</details>")
    assert "Gợi ý" in src and "(bấm để mở)" in src
    # Blank lines around the body: JupyterLab renders it as markdown inside the block.
    assert f"</summary>\n\n{HINT}\n\n</details>" in src
    assert "<details open" not in src  # closed until the trainee clicks
    assert hint.metadata["tags"] == ["hint"] and hint.metadata["slideshow"] == {"slide_type": "-"}


def test_hint_body_renders_as_markdown_inside_details():
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    html = markdown2html_mistune(gen.collapse(HINT))
    assert html.index("<details>") < html.index("<strong>ai làm gì</strong>") < html.index("</details>")
    assert "<li>Có một con số.</li>" in html


def test_code_hint_and_cell_metadata_are_kept():
    ex = by_id(gen.build_exercise(solution_notebook()))
    assert ex["c5"].source == "# Gợi ý dạng khung\nkw.hint(\"thong_cao_1\")"
    assert ex["c5"].metadata == hidden("hint")
    form = ex["c3"]
    assert form.metadata["kit"] == {"exercise": "thong_cao_1"}
    assert form.metadata["jupyter"] == {"source_hidden": True}
    assert form.metadata["tags"] == ["remove-input"]
    assert form.metadata["slideshow"] == {"slide_type": "-"}


def test_collapsing_twice_does_not_nest():
    nb = solution_notebook()
    once = gen.build_exercise(nb)
    nb.cells[1].source = by_id(once)["c1"].source
    assert by_id(gen.build_exercise(nb))["c1"].source == by_id(once)["c1"].source


def test_outputs_counts_timings_and_widget_state_are_cleared():
    ex = gen.build_exercise(solution_notebook())
    for cell in ex.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            assert not {"execution", "scrolled", "collapsed"} & set(cell.metadata)
    assert "widgets" not in ex.metadata
    assert SECRET not in gen.render_notebook(ex)


def test_notebook_metadata_is_copied_with_role_exercise():
    sol = solution_notebook()
    ex = gen.build_exercise(sol)
    assert ex.metadata["kit"] == {"id": "thong_cao_1", "title": "Viết tít thông cáo", "target_score": 80,
                                  "role": "exercise"}
    assert ex.metadata["kernelspec"] == sol.metadata["kernelspec"]
    # The source is left untouched.
    assert sol.metadata["kit"]["role"] == "solution" and "widgets" in sol.metadata
    assert len(sol.cells) == 6 and sol.cells[3].outputs and sol.cells[3].execution_count == 4


def test_solution_without_kit_metadata_still_builds():
    nb = solution_notebook()
    del nb.metadata["kit"]
    assert gen.build_exercise(nb).metadata["kit"] == {"role": "exercise"}


def test_a_workbook_is_not_accepted_as_a_solution():
    nb = solution_notebook()
    nb.metadata["kit"]["role"] = "exercise"
    with pytest.raises(gen.SolutionError, match="role"):
        gen.build_exercise(nb)


def test_banner_is_friendly_vietnamese():
    ex = gen.build_exercise(solution_notebook(), "thong_cao_1.ipynb")
    banner = ex.cells[0]
    assert banner.cell_type == "markdown" and banner.id == gen.BANNER_ID
    assert "Sổ bài tập" in banner.source and "solutions" in banner.source
    assert "thong_cao_1.ipynb" in banner.source and "Gợi ý" in banner.source
    assert "slideshow" in banner.metadata
    lowered = banner.source.lower()
    for technical in ("script", "generat", "sinh tự động", "python", "nbconvert"):
        assert technical not in lowered
    assert unicodedata.is_normalized("NFC", banner.source)


def test_banner_mentions_hints_only_when_there_are_some():
    nb = solution_notebook()
    nb.cells = [c for c in nb.cells if "hint" not in c.metadata.get("tags", [])]
    assert "Gợi ý" not in gen.build_exercise(nb).cells[0].source


def test_banner_id_never_clashes_with_a_source_cell():
    nb = solution_notebook()
    nb.cells[0]["id"] = gen.BANNER_ID
    ids = [c.id for c in gen.build_exercise(nb).cells]
    assert len(set(ids)) == len(ids) and ids[1] == gen.BANNER_ID


def test_duplicate_cell_ids_are_an_error():
    nb = solution_notebook()
    nb.cells[1]["id"] = "c0"
    with pytest.raises(gen.SolutionError, match="duplicate"):
        gen.build_exercise(nb)


def test_nfc_text_is_preserved_and_nfd_is_normalised():
    nb = solution_notebook()
    nfd = unicodedata.normalize("NFD", "Trường Tiểu học Nguyễn Trãi")
    nb.cells[0].source = nfd
    title = by_id(gen.build_exercise(nb))["c0"].source
    assert title == "Trường Tiểu học Nguyễn Trãi" and unicodedata.is_normalized("NFC", title)
    hint = by_id(gen.build_exercise(solution_notebook()))["c1"].source
    assert HINT in hint  # NFC in, the same code points out


def test_exercise_meets_the_notebook_conventions(tmp_path):
    write_solution(tmp_path / "solutions")
    [path] = gen.generate(tmp_path / "solutions", tmp_path / "exercises")
    conventions.test_notebook_is_clean_and_hides_code(path)


# --- files: generate, stale, orphans ---------------------------------------------------------


def test_generate_writes_nbformat_json_with_vietnamese_intact(tmp_path):
    write_solution(tmp_path / "solutions")
    written = gen.generate(tmp_path / "solutions", tmp_path / "exercises")
    assert written == [tmp_path / "exercises" / "thong_cao_1.ipynb"]
    raw = written[0].read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("}\n") and '\n "cells": [\n  {\n   "cell_type"' in text  # indent 1
    assert "Viết tít thông cáo báo chí" in text and "\\u" not in text  # UTF-8, not \u escapes
    assert b"\r\n" not in raw
    nb = nbformat.read(written[0], as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kit"]["role"] == "exercise"


def test_generate_is_byte_identical_across_runs(tmp_path):
    write_solution(tmp_path / "solutions")
    first = gen.generate(tmp_path / "solutions", tmp_path / "a")[0].read_bytes()
    second = gen.generate(tmp_path / "solutions", tmp_path / "b")[0].read_bytes()
    assert first == second
    (tmp_path / "a" / "thong_cao_1.ipynb").unlink()
    assert gen.generate(tmp_path / "solutions", tmp_path / "a")[0].read_bytes() == first


def test_unchanged_workbooks_are_not_rewritten(tmp_path):
    write_solution(tmp_path / "solutions")
    [path] = gen.generate(tmp_path / "solutions", tmp_path / "exercises")
    before = path.stat().st_mtime_ns
    assert gen.generate(tmp_path / "solutions", tmp_path / "exercises") == []
    assert path.stat().st_mtime_ns == before


def test_cell_ids_follow_the_solution(tmp_path):
    nb = solution_notebook()
    write_solution(tmp_path / "solutions", nb=nb)
    [path] = gen.generate(tmp_path / "solutions", tmp_path / "exercises")
    ids = [c.id for c in nbformat.read(path, as_version=4).cells]
    assert ids[1:] == [c.id for c in nb.cells if "solution" not in c.metadata.get("tags", [])]


def test_legacy_solution_without_ids_gets_stable_ids(tmp_path):
    raw = json.loads(nbformat.writes(solution_notebook()))
    raw["nbformat_minor"] = 4
    for cell in raw["cells"]:
        del cell["id"]
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / "cu.ipynb").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    first = gen.exercise_text(tmp_path / "solutions" / "cu.ipynb")
    assert first == gen.exercise_text(tmp_path / "solutions" / "cu.ipynb")
    assert json.loads(first)["nbformat_minor"] == 5


def test_stale_detects_missing_modified_and_orphan(tmp_path):
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    assert gen.stale(sols, exs) == []  # no folders yet: nothing to do
    write_solution(sols, "a.ipynb")
    write_solution(sols, "b.ipynb")
    assert gen.stale(sols, exs) == ["a.ipynb", "b.ipynb"]
    gen.generate(sols, exs)
    assert gen.stale(sols, exs) == []

    # A hand edit in the workbook.
    nb = nbformat.read(exs / "a.ipynb", as_version=4)
    nb.cells[1].source += "\n\nSửa tay."
    nbformat.write(nb, exs / "a.ipynb")
    # The solution changed but the workbook was not regenerated.
    sol = solution_notebook()
    sol.cells[0].source = "# Bài tập 1 (bản mới)"
    write_solution(sols, "b.ipynb", nb=sol)
    # A workbook whose solution was renamed away, and one deleted.
    write_solution(exs, "cu.ipynb")
    write_solution(sols, "c.ipynb")

    assert gen.changes(sols, exs) == [
        ("a.ipynb", gen.MODIFIED), ("b.ipynb", gen.MODIFIED), ("c.ipynb", gen.MISSING), ("cu.ipynb", gen.ORPHAN),
    ]
    assert gen.stale(sols, exs) == ["a.ipynb", "b.ipynb", "c.ipynb", "cu.ipynb"]
    assert gen.orphans(sols, exs) == [exs / "cu.ipynb"]

    assert sorted(p.name for p in gen.generate(sols, exs)) == ["a.ipynb", "b.ipynb", "c.ipynb"]
    assert gen.stale(sols, exs) == ["cu.ipynb"]  # generate() never deletes
    (exs / "cu.ipynb").unlink()
    assert gen.stale(sols, exs) == []


def test_stale_ignores_checkpoints_and_other_files_and_follows_subfolders(tmp_path):
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    write_solution(sols / "chu_de_2", "x.ipynb")
    write_solution(sols / ".ipynb_checkpoints", "x-checkpoint.ipynb")
    (exs / ".ipynb_checkpoints").mkdir(parents=True)
    (exs / ".ipynb_checkpoints" / "old-checkpoint.ipynb").write_text("{}", encoding="utf-8")
    (exs / "README.md").write_text("# exercises/\n", encoding="utf-8")
    assert gen.stale(sols, exs) == ["chu_de_2/x.ipynb"]
    assert gen.generate(sols, exs) == [exs / "chu_de_2" / "x.ipynb"]
    assert gen.stale(sols, exs) == []


def test_stale_accepts_crlf_checkouts(tmp_path):
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    write_solution(sols)
    [path] = gen.generate(sols, exs)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert gen.stale(sols, exs) == []


def test_a_broken_solution_writes_nothing(tmp_path):
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    write_solution(sols, "a.ipynb")
    (sols / "b.ipynb").write_text("{ not json", encoding="utf-8")
    with pytest.raises(gen.SolutionError, match="b.ipynb"):
        gen.generate(sols, exs)
    assert not exs.exists()


# --- scripts/make_exercises.py --------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location("make_exercises", ROOT / "scripts" / "make_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_check_then_regenerate(tmp_path, capsys):
    script = load_script()
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    write_solution(sols, "a.ipynb")
    write_solution(exs, "orphan.ipynb")
    folders = ["--solutions", str(sols), "--exercises", str(exs)]

    assert script.main(["--check", *folders]) == 1
    out = capsys.readouterr().out
    assert "exercises/a.ipynb" in out and "exercises/orphan.ipynb" in out
    assert not (exs / "a.ipynb").exists()  # --check changes nothing

    assert script.main(folders) == 0
    assert (exs / "a.ipynb").exists() and not (exs / "orphan.ipynb").exists()
    out = capsys.readouterr().out
    assert "a.ipynb" in out and "orphan.ipynb" in out  # says what it wrote and removed

    assert script.main(["--check", *folders]) == 0 and gen.stale(sols, exs) == []
    assert script.main(folders) == 0 and "không có gì thay đổi" in capsys.readouterr().out


def test_script_refuses_a_missing_solutions_folder(tmp_path):
    write_solution(tmp_path / "exercises", "a.ipynb")
    folders = ["--solutions", str(tmp_path / "nowhere"), "--exercises", str(tmp_path / "exercises")]
    assert load_script().main(folders) == 2
    assert (tmp_path / "exercises" / "a.ipynb").exists()  # nothing removed


def test_script_reports_a_broken_solution_without_a_traceback(tmp_path):
    sols = tmp_path / "solutions"
    sols.mkdir()
    (sols / "hong.ipynb").write_text("{ not json", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_exercises.py"), "--solutions", str(sols),
                          "--exercises", str(tmp_path / "exercises")],
                         capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert out.returncode == 2
    assert "hong.ipynb" in out.stdout and "Traceback" not in out.stdout + out.stderr
