#!/usr/bin/env python3
"""Keep the message catalogues in step with the code.

    .venv/bin/python scripts/i18n.py          # extract kit/locale/kit.pot, merge into vi/kit.po
    .venv/bin/python scripts/i18n.py --check  # exit 1 when a message lacks a Vietnamese translation
    .venv/bin/python scripts/i18n.py --fill F.json  # also take translations {msgid: Vietnamese} from F.json

kit.pot is the English catalogue (msgids are English); vi/LC_MESSAGES/kit.po holds the
Vietnamese that trainees read. Translators can open either in Poedit or Weblate.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "kit" / "locale" / "kit.pot"
VI = ROOT / "kit" / "locale" / "vi" / "LC_MESSAGES" / "kit.po"
KEYWORDS = {"_": None, "t": (1,), "N_": None, "label_text": None}


def extract() -> Catalog:
    cat = Catalog(project="kit", version="", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT / "kit", method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        cat.add(message, None, [(f"kit/{filename}", lineno)], auto_comments=comments, context=context)
    return cat


def _po_bytes(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, cat, width=100, omit_header=False, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return buf.getvalue()


def _undated(po: bytes) -> bytes:
    """The catalogue without its creation date, which changes every minute."""
    return b"\n".join(line for line in po.splitlines() if not line.startswith(b'"POT-Creation-Date'))


def load_vi() -> Catalog:
    if not VI.exists():
        return Catalog(locale="vi", project="kit", charset="utf-8")
    with VI.open("rb") as fh:
        return read_po(fh, locale="vi")


def problems(template: Catalog, vi: Catalog) -> list[str]:
    out = []
    for msg in template:
        if not msg.id:
            continue
        tr = vi.get(msg.id)
        if tr is None or not tr.string:
            out.append(f"missing Vietnamese for: {msg.id!r}")
        elif not unicodedata.is_normalized("NFC", tr.string):
            out.append(f"not NFC: {msg.id!r}")
        elif tr.fuzzy:
            out.append(f"fuzzy: {msg.id!r}")
    return out


def main(argv: list[str]) -> int:
    template = extract()
    vi = load_vi()
    if "--check" in argv:
        errs = problems(template, vi)
        if _undated(POT.read_bytes()) != _undated(_po_bytes(template)):
            errs.append("kit/locale/kit.pot is out of date: run scripts/i18n.py")
        print("\n".join(errs) or "catalogues complete")
        return 1 if errs else 0
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(_po_bytes(template))
    vi.update(template, no_fuzzy_matching=True)
    if "--fill" in argv:
        import json

        for msgid, text in json.loads(Path(argv[argv.index("--fill") + 1]).read_text(encoding="utf-8")).items():
            msg = vi.get(msgid)
            if msg is None:
                print(f"  not in the code (skipped): {msgid!r}")
                continue
            msg.string = unicodedata.normalize("NFC", text)
            msg.flags.discard("fuzzy")
    VI.parent.mkdir(parents=True, exist_ok=True)
    VI.write_bytes(_po_bytes(vi))
    missing = problems(template, vi)
    print(f"{len(template)} messages; {len(missing)} need a Vietnamese translation")
    for m in missing:
        print("  " + m)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
