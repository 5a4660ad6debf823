#!/usr/bin/env python3
"""Refresh the browser assets that slide decks and handouts ship with (kit/static/slides/).

Decks must open from a USB stick with the network unplugged, so reveal.js, require.js and
the fonts are committed to the repository (a clean clone needs no download at build time).
This script is only for updating them; it needs `npm` (packages fetched with `npm pack`
from the npm registry) and fontTools (installed with matplotlib, which ships DejaVu).

    .venv/bin/python scripts/vendor_slide_assets.py

Only the minimal built files are kept, each with its licence (reveal.js and RequireJS:
MIT; Be Vietnam Pro: SIL OFL 1.1; DejaVu: Bitstream Vera / public-domain changes).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "kit" / "static" / "slides"

REVEAL = "reveal.js@5.2.1"
REQUIREJS = "requirejs@2.3.8"
BE_VIETNAM_PRO = "@fontsource/be-vietnam-pro@5.3.0"
NOTO_SANS_MONO = "@fontsource/noto-sans-mono@5.3.0"

REVEAL_FILES = ("dist/reveal.js", "dist/reveal.css", "dist/reset.css", "plugin/notes/notes.js", "LICENSE")
# Vietnamese needs the "latin" and "vietnamese" subsets (Ă Đ Ơ Ư and the tone marks are in the latter).
FONT_SUBSETS = ("latin", "vietnamese")
FONT_STYLES = (("400", "normal"), ("400", "italic"), ("700", "normal"), ("700", "italic"))

# Characters the lessons use that Be Vietnam Pro lacks (✓ ✗ ☐ ▶ ⋯ █ …): a small DejaVu subset.
SYMBOL_RANGES = "U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,U+2500-25FF,U+2600-26FF,U+2700-27BF"
# Code blocks (the plan layout, the inverted pyramid): Noto Sans Mono for the letters (DejaVu Sans
# Mono lacks the precomposed Vietnamese letters, so browsers drew "ề" as "ê" plus a loose mark),
# a DejaVu Sans Mono subset for punctuation, box drawing and symbols.
MONO_RANGES = "U+2000-206F,U+20AB,U+20AC," + SYMBOL_RANGES


def npm_pack(spec: str, work: Path) -> Path:
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True, text=True)
    tgz = work / out.stdout.strip().splitlines()[-1]
    target = work / tgz.stem
    with tarfile.open(tgz) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def subset(src: Path, dest: Path, ranges: str) -> None:
    from fontTools import subset as fts

    unicodes = []
    for part in ranges.split(","):
        lo, _, hi = part.removeprefix("U+").partition("-")
        unicodes.extend(range(int(lo, 16), int(hi or lo, 16) + 1))
    options = fts.Options()
    options.flavor = "woff"  # zlib: fontTools writes it without the brotli module
    options.layout_features = ["*"]
    font = fts.load_font(str(src), options)
    sub = fts.Subsetter(options)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    fts.save_font(font, str(dest), options)


def main() -> int:
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    if DEST.exists():
        shutil.rmtree(DEST)
    (DEST / "fonts").mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        reveal = npm_pack(REVEAL, work)
        for rel in REVEAL_FILES:
            (DEST / "reveal.js" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(reveal / rel, DEST / "reveal.js" / rel)
        requirejs = npm_pack(REQUIREJS, work)
        shutil.copy2(requirejs / "require.js", DEST / "require.js")  # its header carries the MIT notice
        fonts = npm_pack(BE_VIETNAM_PRO, work)
        faces = []
        for weight, style in FONT_STYLES:
            for sub in FONT_SUBSETS:
                name = f"be-vietnam-pro-{sub}-{weight}-{style}.woff2"
                shutil.copy2(fonts / "files" / name, DEST / "fonts" / name)
                rng = json.loads((fonts / "unicode.json").read_text(encoding="utf-8"))[sub]
                faces.append(_face("Be Vietnam Pro", weight, style, f"fonts/{name}", "woff2", rng))
        shutil.copy2(fonts / "LICENSE", DEST / "fonts" / "LICENSE-be-vietnam-pro.txt")
        mono = npm_pack(NOTO_SANS_MONO, work)
        mono_ranges = json.loads((mono / "unicode.json").read_text(encoding="utf-8"))
        for sub in FONT_SUBSETS:
            name = f"noto-sans-mono-{sub}-400-normal.woff2"
            shutil.copy2(mono / "files" / name, DEST / "fonts" / name)
            faces.append(_face("Kit Mono", "400", "normal", f"fonts/{name}", "woff2", mono_ranges[sub]))
        shutil.copy2(mono / "LICENSE", DEST / "fonts" / "LICENSE-noto-sans-mono.txt")
    subset(dejavu / "DejaVuSans.ttf", DEST / "fonts" / "kit-symbols.woff", SYMBOL_RANGES)
    subset(dejavu / "DejaVuSansMono.ttf", DEST / "fonts" / "kit-mono.woff", MONO_RANGES)
    shutil.copy2(dejavu / "LICENSE_DEJAVU", DEST / "fonts" / "LICENSE-dejavu.txt")
    faces.append(_face("Kit Symbols", "400", "normal", "fonts/kit-symbols.woff", "woff", SYMBOL_RANGES))
    faces.append(_face("Kit Mono", "400", "normal", "fonts/kit-mono.woff", "woff", MONO_RANGES))
    (DEST / "fonts.css").write_text(
        "/* Generated by scripts/vendor_slide_assets.py: the fonts of the decks and handouts. */\n"
        + "\n".join(faces) + "\n", encoding="utf-8")
    (DEST / "VENDORED.md").write_text(
        "# Vendored browser assets (generated by scripts/vendor_slide_assets.py; do not edit)\n\n"
        f"- {REVEAL}: {', '.join(REVEAL_FILES)} (MIT, reveal.js/LICENSE)\n"
        f"- {REQUIREJS}: require.js (MIT, notice in the file's header)\n"
        f"- {BE_VIETNAM_PRO}: subsets {', '.join(FONT_SUBSETS)}, weights 400/700, normal/italic "
        "(SIL OFL 1.1, fonts/LICENSE-be-vietnam-pro.txt)\n"
        f"- {NOTO_SANS_MONO}: subsets {', '.join(FONT_SUBSETS)}, weight 400 (SIL OFL 1.1, "
        "fonts/LICENSE-noto-sans-mono.txt)\n"
        "- DejaVu Sans and DejaVu Sans Mono from matplotlib, subset to symbols and a monospace set "
        "(fonts/LICENSE-dejavu.txt)\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in DEST.rglob("*") if p.is_file())
    print(f"Vendored into {DEST.relative_to(ROOT)}: {size // 1024} KB")
    return 0


def _face(family: str, weight: str, style: str, url: str, fmt: str, ranges: str) -> str:
    return (f"@font-face{{font-family:'{family}';font-style:{style};font-weight:{weight};font-display:block;"
            f"src:url({url}) format('{fmt}');unicode-range:{ranges}}}")


if __name__ == "__main__":
    sys.exit(main())
