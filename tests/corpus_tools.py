"""Reading the scoring corpus (tests/corpus/<genre>/) and measuring the rubrics on it.

Layout: ``good/NN_slug.txt``; ``broken/NN_slug__<criterion>.txt`` (the good draft with
exactly that criterion broken); ``weak/NN_slug.txt``; ``heldout/`` holds
``good_``, ``weak_`` and ``broken_`` files kept out of rule tuning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
GENRES = ("press_release", "hot_issue", "campaign_plan")
# A criterion "flags" a draft when it gives less than this share of its points.
FLAG_BELOW = 0.75


@dataclass(frozen=True)
class Broken:
    path: Path
    good: Path
    criterion: str


def _stem_key(path: Path) -> str:
    name = path.stem
    for prefix in ("good_", "weak_", "broken_"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name.split("__")[0]


def _held(heldout: bool | str) -> str:
    """The folder of a held-out set: ``heldout`` (True) or another name such as ``fresh``."""
    return heldout if isinstance(heldout, str) else "heldout"


def goods(genre: str, heldout: bool | str = False) -> list[Path]:
    base = CORPUS / genre
    return sorted((base / _held(heldout)).glob("good_*.txt")) if heldout else sorted((base / "good").glob("*.txt"))


def weaks(genre: str, heldout: bool | str = False) -> list[Path]:
    base = CORPUS / genre
    return sorted((base / _held(heldout)).glob("weak_*.txt")) if heldout else sorted((base / "weak").glob("*.txt"))


def brokens(genre: str, heldout: bool | str = False) -> list[Broken]:
    base = CORPUS / genre
    files = (sorted((base / _held(heldout)).glob("broken_*.txt")) if heldout
             else sorted((base / "broken").glob("*.txt")))
    by_key = {_stem_key(g): g for g in goods(genre, heldout)}
    return [Broken(p, by_key[_stem_key(p)], p.stem.split("__")[1]) for p in files]


def fractions(report) -> dict[str, float]:
    return {c.id: (c.score / c.max if c.max else 1.0) for c in report.criteria}


def precision_recall(genre: str, score, heldout: bool | str | None = False) -> dict[str, dict[str, float]]:
    """Per criterion: true/false positives on good drafts and broken copies.

    ``heldout`` False: tuning set; True: held-out set; None: both.
    """
    sets = (False, True) if heldout is None else (heldout,)
    docs: list[tuple[Path, str | None]] = []
    for h in sets:
        docs += [(g, None) for g in goods(genre, h)]
        docs += [(b.path, b.criterion) for b in brokens(genre, h)]
    stats: dict[str, dict[str, float]] = {}
    for path, broken in docs:
        rep = score(path.read_text(encoding="utf-8"), genre)
        for cid, frac in fractions(rep).items():
            s = stats.setdefault(cid, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
            flagged = frac < FLAG_BELOW
            if broken == cid:
                s["tp" if flagged else "fn"] += 1
            else:
                s["fp" if flagged else "tn"] += 1
    for s in stats.values():
        s["precision"] = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        s["recall"] = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
    return stats
