"""``python -m kit lab-config``: JupyterLab settings for trainees (Vietnamese menus).

Run by the setup script; conda, Binder and JupyterHub installs run it once too.
It merges into ``<prefix>/share/jupyter/lab/settings/overrides.json`` and keeps what
is already there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..i18n import _, t

OVERRIDES = {
    "@jupyterlab/translation-extension:plugin": {"locale": "vi_VN"},
}


def register(sub) -> None:
    p = sub.add_parser("lab-config", help=_("set JupyterLab up for trainees (Vietnamese menus)"))
    p.add_argument("--prefix", default=sys.prefix, help=_("the Python environment's folder (default: this one)"))
    p.set_defaults(run=run)


def run(args) -> int:
    target = Path(args.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    current: dict = {}
    if target.exists():
        try:
            current = json.loads(target.read_text(encoding="utf-8"))
        except ValueError:
            current = {}
    for plugin, values in OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(current, ensure_ascii=False, indent=2), encoding="utf-8")
    print(t("JupyterLab settings written to {path}.", path=target), file=sys.stderr)
    return 0
