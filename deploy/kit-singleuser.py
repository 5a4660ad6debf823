"""Start one trainee's Jupyter server on a JupyterHub, with the kit's workbooks in their home.

JupyterHub runs this as the trainee (``c.Spawner.cmd`` in ``tljh/jupyterhub_config.d/kit.py``),
with the Python of the kit's environment. It copies the lesson and exercise notebooks from
the kit's source folder (``KIT_SOURCE``, default ``/srv/kit``) into the trainee's home, only
the files that are not there yet, so a trainee's own copy is never overwritten and a
notebook added to the kit later still arrives. Then it becomes ``jupyterhub-singleuser``
with the arguments JupyterHub gave.

Standard library only: it runs before anything else of the kit is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# What trainees get. Worked solutions (``solutions/``) are left out on purpose: a trainer
# hands them out after the workshop by adding "solutions" to KIT_HUB_FOLDERS.
DEFAULT_FOLDERS = "notebooks exercises"


def copy_missing(source: Path, home: Path, folders: list[str]) -> list[Path]:
    """Copy every ``*.ipynb`` of ``source/<folder>`` to ``home/<folder>`` unless it exists.
    Returns the files copied."""
    copied = []
    for folder in folders:
        base = source / folder
        if not base.is_dir():
            continue
        for src in sorted(base.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in src.parts:
                continue
            dst = home / src.relative_to(source)
            if dst.exists():
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
            copied.append(dst)
    return copied


def main(argv: list[str]) -> None:
    source = Path(os.environ.get("KIT_SOURCE") or "/srv/kit")
    home = Path(os.environ.get("HOME") or Path.home())
    folders = (os.environ.get("KIT_HUB_FOLDERS") or DEFAULT_FOLDERS).split()
    try:
        copied = copy_missing(source, home, folders)
        if copied:
            print(f"[kit] copied {len(copied)} notebooks into {home}", file=sys.stderr, flush=True)
    except OSError as exc:  # a full disk must not keep the trainee out of their server
        print(f"[kit] could not copy the notebooks from {source}: {exc}", file=sys.stderr, flush=True)
    os.execv(sys.executable, [sys.executable, "-m", "jupyterhub.singleuser", *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
