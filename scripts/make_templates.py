#!/usr/bin/env python3
"""Write the Word template of exported plans, templates/ke-hoach.docx.

    .venv/bin/python scripts/make_templates.py          # (re)write it
    .venv/bin/python scripts/make_templates.py --check  # exit 1 when it lacks a style the kit uses

The template carries the NĐ 30/2020 page set-up, page numbers and one paragraph style per
element of a plan ("KH Nội dung", "KH Tên loại"…), each shown on a sample line. A trainer
restyles those styles in Word and every exported plan follows; a style deleted from the
template is put back with the decree's values at export time. Rewriting the file undoes a
trainer's restyling, so ``--check`` only checks that every style is there.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "templates" / "ke-hoach.docx"


def missing_styles(path: Path) -> list[str]:
    from docx import Document

    from kit.export.plan_docx import _styles

    have = {s.name for s in Document(str(path)).styles}
    return [name for name in _styles() if name not in have]


def main(argv: list[str]) -> int:
    from kit.export.plan_docx import template_document
    from kit.i18n import set_language

    if "--check" in argv:
        if not TARGET.exists():
            print(f"{TARGET.relative_to(ROOT)} is missing: run scripts/make_templates.py")
            return 1
        missing = missing_styles(TARGET)
        if missing:
            print(f"{TARGET.relative_to(ROOT)} lacks the styles {', '.join(missing)}: run scripts/make_templates.py")
            return 1
        return 0
    set_language("vi")
    doc = template_document()
    cp = doc.core_properties
    cp.title, cp.author, cp.language = "Mẫu kế hoạch (Nghị định 30/2020/NĐ-CP)", "kit", "vi-VN"
    doc.save(str(TARGET))
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
