"""Turn a lesson notebook into what a deck or a handout shows.

1. run it (optional) in a fresh kernel with a throw-away ``KIT_HOME``, so outputs such as
   charts appear and no trainer's drafts are read or written;
2. replace each live widget with a *practice card*: a deck or a sheet of paper has no
   kernel, so a frozen widget would only show buttons that do nothing. The card names the
   exercise (the Vietnamese comment on the cell's first line) and says where to do it;
3. drop error output and warnings (never a traceback in front of a room) and the saved
   widget state (no widget renderer to load);
4. skip the hidden start-up cell (it only says "the kit is ready" on a laptop).
"""

from __future__ import annotations

import contextlib
import copy
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _, t
from ..views.html import esc
from . import metadata

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass
class Prepared:
    nb: object
    errors: list[str] = field(default_factory=list)  # cells whose code failed (first line of each)
    not_run: str = ""  # why the lesson could not be run at all (then it is shown without outputs)


def lesson_title(nb, path: Path) -> str:
    kit_meta = nb.metadata.get("kit") or {}
    if kit_meta.get("title"):
        return str(kit_meta["title"])
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def cell_caption(cell) -> str:
    """The Vietnamese comment a lesson's code cell opens with (tests/test_notebooks.py asks for one)."""
    for line in cell.source.splitlines():
        if line.strip():
            return line.lstrip("# ").strip() if line.lstrip().startswith("#") else ""
    return ""


def practice_card(caption: str, notebook_name: str, printed: bool = False) -> str:
    """What stands for a live widget: on a slide, a pointer to JupyterLab; on paper, to the laptop."""
    title = t("Hands-on practice: {what}", what=caption) if caption else _("Hands-on practice")
    if printed:
        body = t("Do this part on your laptop: open the lesson {notebook} in JupyterLab.", notebook=notebook_name)
    else:
        body = t("This box works only in JupyterLab: trainees open the lesson {notebook} on their laptops to do it; "
                 "switch to JupyterLab to show it to the room.", notebook=notebook_name)
    return (f'<div class="kit-practice"><div class="kit-practice-icon" aria-hidden="true">✍</div>'
            f'<div><p class="kit-practice-title">{esc(title)}</p><p class="kit-practice-body">{esc(body)}</p>'
            "</div></div>")


@contextlib.contextmanager
def _scratch_home():
    saved = {k: os.environ.get(k) for k in ("KIT_HOME", "KIT_SUBMISSIONS", "KIT_LANG")}
    with tempfile.TemporaryDirectory(prefix="kit-slides-") as home:
        os.environ["KIT_HOME"] = home
        os.environ.pop("KIT_SUBMISSIONS", None)
        os.environ["KIT_LANG"] = "vi"
        try:
            yield home
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def execute(nb, cwd: Path, timeout: int = 180):
    """Run every code cell in a new kernel; failing cells keep their error output (removed later)."""
    from nbclient import NotebookClient

    with _scratch_home():
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": str(cwd)}})
        # The kernel's own start-up warnings are not for the trainer's console.
        client.execute(stderr=subprocess.DEVNULL)
    return nb


def prepare(nb, path: Path, run: bool = True, printed: bool = False) -> Prepared:
    """A presentable copy of the lesson ``nb`` read from ``path`` (see the module doc)."""
    nb = copy.deepcopy(nb)
    metadata.assign(nb)  # a lesson without slide types still makes a sensible deck
    not_run = ""
    if run:
        try:
            execute(nb, path.parent)
        except Exception as err:  # noqa: BLE001 - no kernel, or it died: still worth a deck without outputs
            not_run = type(err).__name__
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs = []
            run = False
    errors: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if metadata.slide_type(cell) == "skip":
            cell.outputs = []
            continue
        outputs = []
        widget = not run  # not run: every visible code cell is a live box (the lessons' convention)
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(cell_caption(cell) or (cell.source.splitlines() or ["?"])[0])
                continue
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                continue
            data = out.get("data") or {}
            if WIDGET_MIME in data:
                widget = True
                continue
            outputs.append(out)
        if widget:
            from nbformat.v4 import new_output

            outputs.insert(0, new_output("display_data", data={"text/html": practice_card(
                cell_caption(cell), f"notebooks/{path.name}", printed)}))
        cell.outputs = outputs
        cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return Prepared(nb, errors, not_run)
