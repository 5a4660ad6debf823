"""Hand-made submission records with known numbers, for the collect and progress tests."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kit.submissions import trainee_id, validate

START = datetime(2026, 11, 30, 8, 0, tzinfo=timezone(timedelta(hours=7)))
KIND_OF = {"thong-cao": "press_release", "ke-hoach": "campaign_plan", "van-de-nong": "hot_issue"}


def record(name: str, exercise: str, criteria: dict[str, tuple[float, float]], *, minute: int = 0,
           attempt: int = 1, text: str = "Bản nháp.", debrief: dict | None = None, sid: str | None = None,
           messages: dict[str, str] | None = None) -> dict:
    """A valid submission whose report has ``criteria`` = {id: (score, max)}; total = 100 × Σscore / Σmax."""
    kind = next(k for prefix, k in KIND_OF.items() if exercise.startswith(prefix))
    messages = messages or {}
    crit = [{"id": cid, "label": cid, "score": s, "max": m, "message": "" if s >= m else messages.get(cid, f"Sửa {cid}."),
             "spans": []} for cid, (s, m) in criteria.items()]
    top = sum(m for _s, m in criteria.values())
    total = round(100 * sum(s for s, _m in criteria.values()) / top, 1) if top else 0.0
    rec = {
        "schema_version": 1, "id": sid or uuid.uuid4().hex,
        "trainee": {"name": name, "id": trainee_id(name)}, "exercise": exercise, "kind": kind, "text": text,
        "report": {"path": "", "kind": kind, "total": total, "criteria": crit, "warnings": []},
        "submitted_at": (START + timedelta(minutes=minute)).isoformat(timespec="seconds"),
        "kit_version": "0.1.0", "attempt": attempt,
    }
    if debrief is not None:
        rec["debrief"] = debrief
    validate(rec)
    return rec


def write(folder: Path, rec: dict, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{rec['exercise']}__{rec['trainee']['id']}__{rec['id'][:8]}.json")
    path.write_text(json.dumps(rec, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def small_room(folder: Path) -> None:
    """Three trainees, known numbers (see tests/test_collect.py::test_small_room_numbers)."""
    write(folder, record("Nguyễn Thị Lan", "thong-cao-1", {"headline": (0, 10), "lead": (5, 10)}, minute=0))
    write(folder, record("Nguyễn Thị Lan", "thong-cao-1", {"headline": (10, 10), "lead": (8, 10)}, minute=30,
                         attempt=2))
    write(folder, record("Trần Văn Hùng", "thong-cao-1", {"headline": (10, 10), "lead": (4, 10)}, minute=10))
    write(folder, record("Lê Thị Mai", "thong-cao-1", {"headline": (10, 10), "lead": (7, 10)}, minute=5))
    write(folder, record("Lê Thị Mai", "ke-hoach-1", {"objectives": (0, 10), "kpis": (6, 10)}, minute=50))
