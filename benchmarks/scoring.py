#!/usr/bin/env python3
"""Scoring speed, in-process: median and worst milliseconds per call at 1×, 4× and 16× a
typical draft (press release ~400 words, statement ~700, plan ~2,000), and how time grows
with size. Prints figures; it is not a test.

    .venv/bin/python benchmarks/scoring.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.scoring import score  # noqa: E402
from kit.text import count_syllables  # noqa: E402

TYPICAL = {"press_release": 400, "hot_issue": 700, "campaign_plan": 2000}


def draft_of(kind: str, syllables: int) -> str:
    """Good corpus drafts of this genre, concatenated and cut to about ``syllables`` tiếng."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus" / kind / "good").glob("*.txt"))]
    first = texts[0]
    out, n, i = [first], count_syllables(first), 1
    while n < syllables:
        body = texts[i % len(texts)].split("\n\n", 1)[-1]
        out.append(body)
        n += count_syllables(body)
        i += 1
    text = "\n\n".join(out)
    # Trim whole paragraphs back to the target.
    paras = text.split("\n\n")
    while len(paras) > 1 and count_syllables("\n\n".join(paras[:-1])) >= syllables:
        paras.pop()
    return "\n\n".join(paras)


def measure(text: str, kind: str, repeat: int) -> tuple[float, float]:
    score(text, kind)  # warm caches (compiled patterns, catalogue)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        score(text, kind)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    print(f"{'genre':15} {'size':>5} {'tiếng':>7} {'median ms':>10} {'worst ms':>9} {'ms/1k tiếng':>12}")
    for kind, words in TYPICAL.items():
        base = None
        for mult in (1, 4, 16):
            text = draft_of(kind, words * mult)
            n = count_syllables(text)
            med, worst = measure(text, kind, max(5, args.repeat // mult))
            per_k = med / n * 1000
            base = base or per_k
            print(f"{kind:15} {mult:>4}× {n:>7} {med:>10.1f} {worst:>9.1f} {per_k:>12.2f}")
        print(f"{'':15} growth: time per 1,000 tiếng at 16× is {per_k / base:.2f}× that at 1× (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
