#!/usr/bin/env python3
"""How fast the trainer gets the room's results: N realistic submissions (default 500)
written into a temporary folder, then ``kit collect`` timed step by step, the dashboard's
re-read, and the command line end to end. Prints figures; it is not a test.

    .venv/bin/python benchmarks/collect.py [--n 500] [--keep DIR]

The submissions are real: corpus drafts (tests/corpus: weak and broken ones for early
attempts, good ones later, so the room makes progress) scored with ``kit.scoring``,
written in the format of ``kit.submissions`` and checked against its schema. A few are
crisis-simulation attempts with a debrief, and a few files are bad on purpose (cut short,
not JSON, copied twice), as in a real shared folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit import __version__, storage  # noqa: E402
from kit.scoring import score  # noqa: E402
from kit.submissions import trainee_id, validate  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE = ["Thị", "Văn", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Kim", "Xuân", "Hoài"]
GIVEN = ["Lan", "Hùng", "Mai", "Tuấn", "Hương", "Dũng", "Hà", "Nam", "Linh", "Sơn", "Thảo", "Phúc", "Yến", "Khoa",
         "Trang", "Bình", "Nga", "Long", "Hạnh", "Quang", "Vy", "Hiếu", "Oanh", "Tâm"]
EXERCISES = {
    "press_release": ["thong-cao-1", "thong-cao-2", "thong-cao-3", "thong-cao-4"],
    "campaign_plan": ["ke-hoach-1", "ke-hoach-2", "ke-hoach-3"],
    "hot_issue": ["van-de-nong-1", "van-de-nong-2"],
}
SCENARIOS = {
    "van-de-nong-1": ("ngo-doc-bep-an", "Ngộ độc thực phẩm ở bếp ăn bán trú"),
    "van-de-nong-2": ("clip-bao-luc", "Clip bạo lực học đường lan trên mạng"),
}
DEBRIEF_CRITERIA = [("timeliness", "Kịp thời"), ("facts", "Đúng sự thật, không suy đoán"), ("empathy", "Đồng cảm"),
                    ("spokesperson", "Đúng người phát ngôn"), ("minors", "Bảo vệ trẻ em"),
                    ("next_update", "Hẹn cập nhật tiếp")]


def corpus(kind: str) -> dict[str, list[str]]:
    base = ROOT / "tests" / "corpus" / kind
    return {level: [p.read_text(encoding="utf-8") for p in sorted((base / level).glob("*.txt"))]
            for level in ("weak", "broken", "good", "heldout", "fresh")}


def generate(folder: Path, n: int, seed: int = 8) -> dict:
    """Write about ``n`` submissions into ``folder``; returns counts of what was written."""
    rng = random.Random(seed)
    drafts = {kind: corpus(kind) for kind in EXERCISES}
    reports: dict[tuple[str, int, str], dict] = {}  # each distinct draft is scored once

    def report_of(kind: str, level: str, i: int) -> tuple[str, dict]:
        text = drafts[kind][level][i]
        key = (kind, i, level)
        if key not in reports:
            reports[key] = score(text, kind).to_dict()
        return text, reports[key]

    start = datetime(2026, 11, 30, 8, 0, tzinfo=timezone(timedelta(hours=7)))
    names = set()
    while len(names) < max(4, n // 4):
        names.add(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")
    written = 0
    records = []
    counters: dict[tuple[str, str], int] = {}
    while written < n:
        name = rng.choice(sorted(names))
        skill = zlib.crc32(name.encode("utf-8")) % 100 / 100  # stable across runs, unlike hash()
        kind = rng.choice(["press_release", "press_release", "campaign_plan", "hot_issue"])
        exercise = rng.choice(EXERCISES[kind])
        k = counters.get((name, exercise), 0) + 1
        counters[(name, exercise)] = k
        # Early attempts are weak or broken drafts; later ones (and stronger trainees) good ones.
        good_chance = min(0.9, 0.15 + 0.25 * (k - 1) + 0.3 * skill)
        level = rng.choice(["good", "heldout", "fresh"]) if rng.random() < good_chance else rng.choice(["weak", "broken"])
        pool = drafts[kind][level] or drafts[kind]["good"]
        text, report = report_of(kind, level if drafts[kind][level] else "good", rng.randrange(len(pool)))
        when = start + timedelta(minutes=20 * k + rng.randrange(0, 15), seconds=rng.randrange(60))
        record = {
            "schema_version": 1, "id": uuid.UUID(int=rng.getrandbits(128), version=4).hex,
            "trainee": {"name": name, "id": trainee_id(name)}, "exercise": exercise, "kind": kind,
            "text": text, "report": report, "submitted_at": when.isoformat(timespec="seconds"),
            "kit_version": __version__, "attempt": k, "host": "jupyterhub",
        }
        if kind == "hot_issue":
            sid, title = SCENARIOS[exercise]
            base = 35 + 40 * skill + 8 * k
            crit = [{"id": cid, "label": label, "score": max(0, min(10, round((base + rng.gauss(0, 15)) / 10))),
                     "max": 10} for cid, label in DEBRIEF_CRITERIA]
            record["debrief"] = {"scenario": {"id": sid, "title": title},
                                 "total": round(100 * sum(c["score"] for c in crit) / (10 * len(crit)), 1),
                                 "criteria": crit}
        validate(record)
        stem = f"{exercise}__{record['trainee']['id']}__{when.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}__{record['id'][:8]}"
        storage.write_new_json(folder, stem, record)
        records.append((stem, record))
        written += 1
    # A real shared folder also holds a few bad files.
    stem, record = records[0]
    (folder / "sao-chep").mkdir()
    (folder / "sao-chep" / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    full = json.dumps(records[1][1], ensure_ascii=False)
    (folder / "bi-cat-ngang.json").write_text(full[: len(full) // 2], encoding="utf-8")
    (folder / "ghi-chu.json").write_text("ghi chú của giảng viên, không phải JSON", encoding="utf-8")
    return {"submissions": written, "trainees": len({r["trainee"]["id"] for _s, r in records}), "bad_files": 3}


REPEAT = 3


def timed(label: str, fn, repeat: int | None = None):
    """Run ``fn`` ``repeat`` times; print the median and the worst (the machine may be shared)."""
    times, cpu, result = [], [], None
    for _ in range(repeat or REPEAT):
        t0, c0 = time.perf_counter(), _cpu()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((_cpu() - c0) * 1000)
    print(f"  {label:40} {statistics.median(times):7.0f} ms (worst {max(times):5.0f}; CPU {statistics.median(cpu):5.0f} ms)")
    return result, statistics.median(times)


def _cpu() -> float:
    """CPU seconds of this process and its finished children: a fairer figure on a busy machine."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3, help="runs per step (median printed)")
    ap.add_argument("--keep", help="write the submissions and the report here instead of a temporary folder")
    args = ap.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kit-collect-bench-"))
    folder, out = work / "bai-nop", work / "ket-qua"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        made = generate(folder, args.n)
        print(f"generated {made['submissions']} submissions from {made['trainees']} trainees "
              f"(+{made['bad_files']} bad files) in {time.perf_counter() - t0:.1f} s")
        size = sum(p.stat().st_size for p in folder.rglob("*.json"))
        print(f"folder: {size / 1e6:.1f} MB")

        from kit.collect import FolderReader, build
        from kit.collect.charts import all_charts
        from kit.collect.report import write_report
        from kit.collect.summary import summarise

        print(f"in-process, median of {REPEAT} runs (imports paid before):")
        from kit.submissions import _make_validator

        _make_validator()
        build(FolderReader(folder).read())  # warm: matplotlib, fonts, jsonschema
        reader = FolderReader(folder)
        collection, read_ms = timed("read + validate all files", lambda: FolderReader(folder).read())
        reader.read()
        summary, sum_ms = timed("summarise", lambda: summarise(collection))
        charts, chart_ms = timed("draw 5 charts (matplotlib)", lambda: all_charts(summary))
        _, write_ms = timed("write index.html, summary.json, PNGs", lambda: write_report(summary, charts, out))
        print(f"  {'total':40} {read_ms + sum_ms + chart_ms + write_ms:7.0f} ms")
        print(f"  used {len(collection.attempts)}, skipped {len(collection.skipped)}: "
              + ", ".join(sorted(s.reason for s in collection.skipped)))
        print("dashboard refresh (files cached, nothing new):")
        timed("re-read folder", reader.read)
        timed("summary + charts", lambda: build(reader.read()))
        print(f"load average (2 cores shared with other jobs): {os.getloadavg()[0]:.1f}")
        print("command line, end to end (new process, imports included):")
        cmd = [sys.executable, "-m", "kit", "collect", str(folder), "-o", str(out)]
        done, _ms = timed("python -m kit collect", lambda: subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT))
        print(f"  exit code {done.returncode}")
        html = (out / "index.html").stat().st_size
        print(f"  index.html {html / 1e3:.0f} kB, summary.json {(out / 'summary.json').stat().st_size / 1e3:.0f} kB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
