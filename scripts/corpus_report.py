#!/usr/bin/env python3
"""Print each criterion's precision and recall on the scoring corpus, and the scores of
good, weak and broken drafts. ``--heldout`` measures the held-out drafts (check them last).

    .venv/bin/python scripts/corpus_report.py [--genre press_release] [--heldout|--fresh|--set NAME|--all] [-v]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kit.scoring import score  # noqa: E402
from tests import corpus_tools as ct  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--genre", choices=ct.GENRES)
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--fresh", action="store_true", help="the second held-out set (tests/corpus/*/fresh)")
    ap.add_argument("--set", metavar="NAME", help="another held-out set, tests/corpus/*/NAME (e.g. blind)")
    ap.add_argument("--all", action="store_true", help="tuning and held-out drafts together")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every flagged criterion per file")
    args = ap.parse_args()
    held = None if args.all else args.set or ("fresh" if args.fresh else args.heldout)
    for genre in [args.genre] if args.genre else ct.GENRES:
        print(f"\n=== {genre} ({'all' if held is None else held if isinstance(held, str) else 'held-out' if held else 'tuning'}) ===")
        sets = (False, True) if held is None else (held,)
        for label, paths in (("good", [p for h in sets for p in ct.goods(genre, h)]),
                             ("weak", [p for h in sets for p in ct.weaks(genre, h)])):
            totals = []
            for p in paths:
                rep = score(p.read_text(encoding="utf-8"), genre)
                totals.append(rep.total)
                flagged = [f"{c.id}={c.score:g}/{c.max:g}" for c in rep.criteria if c.max and c.score / c.max < ct.FLAG_BELOW]
                if args.verbose:
                    print(f"  {label:5} {rep.total:5.1f} {p.name}  {' '.join(flagged)}")
            if totals:
                print(f"{label}: n={len(totals)} min={min(totals):.1f} median={statistics.median(totals):.1f} max={max(totals):.1f}")
        bad_order = []
        for b in [b for h in sets for b in ct.brokens(genre, h)]:
            g = score(b.good.read_text(encoding="utf-8"), genre)
            r = score(b.path.read_text(encoding="utf-8"), genre)
            gf, rf = ct.fractions(g), ct.fractions(r)
            drops = {k: gf[k] - rf[k] for k in gf}
            biggest = max(drops, key=drops.get)
            if r.total >= g.total or drops.get(b.criterion, 0) <= 0 or biggest != b.criterion:
                bad_order.append(f"  {b.path.name}: good {g.total} broken {r.total}; drop {b.criterion}={drops.get(b.criterion, 0):.2f}, biggest {biggest}={drops[biggest]:.2f}")
        print(f"broken copies where the broken criterion does not drop most: {len(bad_order)}")
        if args.verbose:
            print("\n".join(bad_order))
        stats = ct.precision_recall(genre, score, held)
        print(f"{'criterion':18} {'prec':>5} {'rec':>5}  tp fp fn")
        for cid, s in stats.items():
            print(f"{cid:18} {s['precision']:5.2f} {s['recall']:5.2f}  {s['tp']:2d} {s['fp']:2d} {s['fn']:2d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
