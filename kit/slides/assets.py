"""Where the deck and handout builders find their files, and how assets travel with a deck.

Browser assets (reveal.js, RequireJS, fonts) are vendored in ``kit/static/slides`` by
``scripts/vendor_slide_assets.py``; the theme and the nbconvert templates live in
``templates/slides`` (the repository's folder of templates), with a copy-free fallback to
the package for an installed kit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
REPO = PACKAGE.parent
STATIC = PACKAGE / "static" / "slides"
ASSETS_DIR = "assets"  # beside the decks: out/assets/...


def templates_dir() -> Path:
    for base in (REPO / "templates" / "slides", PACKAGE / "templates" / "slides"):
        if base.is_dir():
            return base
    raise FileNotFoundError("templates/slides")


def lessons_dir() -> Path:
    return REPO / "notebooks"


def find_lessons(folder: Path) -> list[Path]:
    """Lesson notebooks of a folder, in their numbered order (checkpoints left out). Tool
    notebooks (the trainer's dashboard, a learner's progress page: metadata
    ``kit.role == "tool"``) are not lessons and get no deck."""
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file() and not _is_tool(p))


def _is_tool(path: Path) -> bool:
    import json

    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return False  # unreadable: let the deck builder report it
    return isinstance(meta, dict) and (meta.get("kit") or {}).get("role") == "tool"


def copy_assets(out: Path) -> Path:
    """Copy the vendored assets and the deck theme into ``out/assets`` (replacing an older copy)."""
    target = out / ASSETS_DIR
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(STATIC, target)
    theme = target / "reveal.js" / "dist" / "theme"
    theme.mkdir(parents=True, exist_ok=True)
    shutil.copy2(templates_dir() / "kit-theme.css", theme / "kit.css")
    return target
