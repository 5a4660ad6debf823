"""Build the trainee workbooks in ``exercises/`` from the worked solutions in ``solutions/``.

A solution notebook is the single source of its exercise. The workbook is derived from it
by a chain of nbconvert preprocessors, like nbgrader's release step, but with no server,
database or course directory:

1. :class:`RemoveSolutionCells`  cells tagged ``solution`` (the worked answer and its
   reasoning) are dropped;
2. :class:`CollapseHints`        markdown cells tagged ``hint`` become a closed
   ``<details>`` block the trainee opens with a click;
3. :class:`ClearOutputs`         outputs, execution counts and saved widget state go;
4. :class:`NormalizeText`        every cell's text is NFC Unicode;
5. :class:`StableCellIds`        each cell keeps its source cell's id, so the same solution
   always gives the same bytes and a diff of ``exercises/`` is meaningful;
6. :class:`AddBanner`            a short Vietnamese note opens the workbook;
7. :class:`MarkAsExercise`       the notebook's ``kit`` metadata is copied, with
   ``kit.role = "exercise"`` (a solution has ``"solution"`` or no role).

Everything else stays as the author wrote it: other cells, their tags, and cell metadata
such as ``kit.exercise`` or ``slideshow``. Only markdown hints are collapsed; a code cell
tagged ``hint`` is kept as it is (its widget decides how to show itself).

    build_exercise(nb)                      the workbook for one solution notebook
    generate(solutions_dir, exercises_dir)  write the workbooks that are missing or out of date
    stale(solutions_dir, exercises_dir)     names of workbooks that differ from what generate() makes
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import re
import unicodedata
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor
from traitlets import Set, Unicode

__all__ = [
    "AddBanner",
    "ClearOutputs",
    "CollapseHints",
    "MarkAsExercise",
    "NormalizeText",
    "PREPROCESSORS",
    "RemoveSolutionCells",
    "SolutionError",
    "StableCellIds",
    "build_exercise",
    "changes",
    "exercise_text",
    "find_notebooks",
    "generate",
    "orphans",
    "read_solution",
    "render_notebook",
    "stale",
]

SOLUTION_TAG = "solution"
HINT_TAG = "hint"
BANNER_ID = "kit-workbook-banner"

# What a change to one workbook is, in changes().
MISSING = "missing"    # a solution without its workbook
MODIFIED = "modified"  # the workbook differs from what the generator makes
ORPHAN = "orphan"      # a workbook without a solution

# Plain text, no emoji: a laptop without an emoji font would show an empty box.
HINT_SUMMARY = "<b>Gợi ý</b> (bấm để mở)"

# The note at the top of every workbook: what this page is and where the answer is.
BANNER_TEXT = (
    "> **Sổ bài tập của bạn.** Bạn làm bài ngay trên trang này: đọc hướng dẫn, điền hoặc gõ bài "
    "vào các khung và xem góp ý hiện ra bên dưới.{hints} Bài giải mẫu nằm trong thư mục "
    "**`solutions`**, ở tệp cùng tên{name}: hãy tự làm trước, rồi mới mở ra để đối chiếu."
)
BANNER_HINTS = " Khi cần trợ giúp, bấm vào dòng **Gợi ý** để mở ra xem."

_ID_RE = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


class SolutionError(ValueError):
    """A solution notebook the generator cannot turn into a workbook."""


class RemoveSolutionCells(Preprocessor):
    """Drop every cell tagged ``solution``: it holds the worked answer and its reasoning."""

    tags = Set({SOLUTION_TAG}, help="cells with any of these tags are removed").tag(config=True)

    def preprocess(self, nb, resources):
        nb.cells = [cell for cell in nb.cells if not (_tags(cell) & self.tags)]
        return nb, resources


def collapse(source: str, summary: str = HINT_SUMMARY) -> str:
    """Wrap markdown in a closed ``<details>`` block.

    The blank lines around the body end the HTML blocks, so JupyterLab (and nbconvert)
    still render the body as markdown inside the block.
    """
    body = source.strip("\n")
    return f"<details>\n<summary>{summary}</summary>\n\n{body}\n\n</details>"


class CollapseHints(Preprocessor):
    """Turn each markdown cell tagged ``hint`` into a closed ``<details>`` block."""

    tag = Unicode(HINT_TAG).tag(config=True)
    summary = Unicode(HINT_SUMMARY, help="the clickable line of a collapsed hint").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown" and self.tag in _tags(cell):
            if not cell.source.lstrip().lower().startswith("<details"):
                cell.source = collapse(cell.source, self.summary)
        return cell, resources


class ClearOutputs(ClearOutputPreprocessor):
    """Clear outputs and execution counts (nbconvert's preprocessor), plus run timings
    (cell ``execution`` metadata) and the widget state JupyterLab may save in the
    notebook: it can hold the model answer typed into a form."""

    remove_metadata_fields = Set({"collapsed", "scrolled", "execution"}).tag(config=True)

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        return super().preprocess(nb, resources)


class NormalizeText(Preprocessor):
    """Make every cell's text NFC, the form the kit and its tests expect."""

    def preprocess_cell(self, cell, resources, index):
        cell.source = _nfc(cell.source)
        return cell, resources


def _derived_id(index: int, cell: dict) -> str:
    """A deterministic id for a cell saved without one (nbformat < 4.5)."""
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    key = f"{index}\0{cell.get('cell_type', '')}\0{source}".encode("utf-8")
    return hashlib.sha1(key).hexdigest()[:8]


class StableCellIds(Preprocessor):
    """Each workbook cell keeps the id of the solution cell it comes from.

    The ids are then the same on every run (the files are byte-identical) and a cell of
    the workbook can be found in the solution. A cell without an id gets one derived
    from its place and text; duplicates are an error in the source.
    """

    def preprocess(self, nb, resources):
        seen: set[str] = set()
        for index, cell in enumerate(nb.cells):
            cid = cell.get("id") or _derived_id(index, cell)
            if not _ID_RE.match(cid):
                raise SolutionError(f"cell {index}: invalid cell id {cid!r}")
            if cid in seen:
                raise SolutionError(f"cell {index}: duplicate cell id {cid!r}")
            seen.add(cid)
            cell["id"] = cid
        if nb.nbformat == 4 and nb.nbformat_minor < 5:
            nb.nbformat_minor = 5
        return nb, resources


def banner_text(name: str | None = None, has_hints: bool = False) -> str:
    """The Vietnamese note at the top of a workbook (``name``: its file name)."""
    return _nfc(BANNER_TEXT.format(
        hints=BANNER_HINTS if has_hints else "",
        name=f" (`{name}`)" if name else "",
    ))


class AddBanner(Preprocessor):
    """Put a short note at the top: this is your workbook; the model answer is in solutions/."""

    exercise_name = Unicode(None, allow_none=True, help="the workbook's file name, shown in the note").tag(
        config=True)

    def preprocess(self, nb, resources):
        has_hints = any(c.cell_type == "markdown" and HINT_TAG in _tags(c) for c in nb.cells)
        ids = {c.get("id") for c in nb.cells}
        cid, n = BANNER_ID, 1
        while cid in ids:
            n += 1
            cid = f"{BANNER_ID}-{n}"
        banner = nbformat.v4.new_markdown_cell(
            banner_text(self.exercise_name or resources.get("exercise_name"), has_hints),
            metadata={"slideshow": {"slide_type": "skip"}},
        )
        banner["id"] = cid
        nb.cells.insert(0, banner)
        return nb, resources


class MarkAsExercise(Preprocessor):
    """Copy the notebook's ``kit`` metadata (id, title, target_score…) with role "exercise"."""

    role = Unicode("exercise").tag(config=True)

    def preprocess(self, nb, resources):
        kit = dict(nb.metadata.get("kit") or {})
        kit["role"] = self.role
        nb.metadata["kit"] = kit
        return nb, resources


# The release chain, in order (cf. nbgrader's GenerateAssignment preprocessors).
PREPROCESSORS = (
    RemoveSolutionCells,
    CollapseHints,
    ClearOutputs,
    NormalizeText,
    StableCellIds,
    AddBanner,
    MarkAsExercise,
)


def build_exercise(nb, name: str | None = None) -> nbformat.NotebookNode:
    """The trainee workbook for the solution notebook ``nb`` (which is left untouched).

    ``name``, the workbook's file name, is shown in the banner when given.
    """
    nb = nbformat.from_dict(copy.deepcopy(dict(nb)))
    role = (nb.metadata.get("kit") or {}).get("role")
    if role not in (None, "solution"):
        raise SolutionError(f'kit.role is {role!r}: a solution notebook has role "solution"')
    resources: dict = {"exercise_name": name}
    for cls in PREPROCESSORS:
        nb, resources = cls(enabled=True).preprocess(nb, resources)
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as err:
        raise SolutionError(f"the workbook would not be a valid notebook: {err}") from err
    return nb


def read_solution(path: Path) -> nbformat.NotebookNode:
    """Read a solution notebook; cells saved without ids get deterministic ones
    (nbformat would otherwise make random ids, and every run would differ)."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("nbformat") == 4 and raw.get("nbformat_minor", 0) < 5:
            for index, cell in enumerate(raw.get("cells", [])):
                cell.setdefault("id", _derived_id(index, cell))
            raw["nbformat_minor"] = 5
        return nbformat.reads(json.dumps(raw), as_version=4)
    except (OSError, UnicodeDecodeError, ValueError, AttributeError, nbformat.reader.NotJSONError) as err:
        raise SolutionError(f"{path}: not a readable notebook ({err})") from err


def render_notebook(nb) -> str:
    """The notebook as nbformat.write writes it (indent 1, sorted keys, final newline)."""
    buf = io.StringIO()
    nbformat.write(nb, buf)
    return buf.getvalue()


def exercise_text(solution_path: Path, name: str | None = None) -> str:
    """The exact text of the workbook generated from ``solution_path``."""
    solution_path = Path(solution_path)
    try:
        nb = build_exercise(read_solution(solution_path), name or solution_path.name)
    except SolutionError as err:
        if str(solution_path) in str(err):
            raise
        raise SolutionError(f"{solution_path}: {err}") from err
    return render_notebook(nb)


def find_notebooks(folder: Path) -> dict[str, Path]:
    """``{relative posix name: path}`` of the notebooks under ``folder`` (no checkpoints or
    hidden folders), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.rglob("*.ipynb"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        found[rel.as_posix()] = path
    return dict(sorted(found.items()))


def _read_existing(path: Path) -> str | None:
    try:
        # A checkout with CRLF line ends holds the same notebook.
        return path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def changes(solutions_dir: Path, exercises_dir: Path) -> list[tuple[str, str]]:
    """``(name, what)`` for each workbook that is not what the generator makes, by name;
    ``what`` is ``"missing"``, ``"modified"`` or ``"orphan"`` (no solution of that name)."""
    solutions = find_notebooks(solutions_dir)
    exercises = find_notebooks(exercises_dir)
    out = []
    for name in sorted(set(solutions) | set(exercises)):
        if name not in exercises:
            out.append((name, MISSING))
        elif name not in solutions:
            out.append((name, ORPHAN))
        elif _read_existing(exercises[name]) != exercise_text(solutions[name], Path(name).name):
            out.append((name, MODIFIED))
    return out


def stale(solutions_dir: Path, exercises_dir: Path) -> list[str]:
    """Names (relative to ``exercises_dir``, e.g. ``"thong_cao_1.ipynb"``) of the workbooks
    that differ from what :func:`generate` would write, are missing, or have no solution."""
    return [name for name, _what in changes(solutions_dir, exercises_dir)]


def orphans(solutions_dir: Path, exercises_dir: Path) -> list[Path]:
    """Workbooks in ``exercises_dir`` with no solution of the same name."""
    solutions = find_notebooks(solutions_dir)
    return [path for name, path in find_notebooks(exercises_dir).items() if name not in solutions]


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


def generate(solutions_dir: Path, exercises_dir: Path) -> list[Path]:
    """Write the workbook of every solution notebook into ``exercises_dir`` (same relative
    name) and return the paths written. A workbook that is already up to date is not
    rewritten (JupyterLab would report a file changed on disk), so a second run returns
    ``[]``. Workbooks without a solution are left alone: see :func:`orphans`.

    Every workbook is built before any is written, so a broken solution changes nothing.
    """
    exercises_dir = Path(exercises_dir)
    texts = {name: exercise_text(path, Path(name).name) for name, path in find_notebooks(solutions_dir).items()}
    written = []
    for name, text in texts.items():
        target = exercises_dir / name
        if target.is_file() and target.read_bytes() == text.encode("utf-8"):
            continue
        _write_atomic(target, text)
        written.append(target)
    return written
