"""Reading a folder of submissions: the usable attempts, and what was skipped and why.

A folder is read recursively (a trainer often copies each machine's ``bai-nop`` into its
own sub-folder), hidden files and folders aside. Every ``*.json`` file is checked with
:func:`kit.submissions.load`; a file that cannot be used is *skipped* with a reason (not
JSON, wrong schema, truncated, over 2 MB, written by a newer kit, unreadable) and the
same attempt found twice (same ``id``, e.g. copied from two USB sticks) is counted once.
Two attempts with the same text are still two attempts: only the id makes a copy.

:class:`FolderReader` remembers what it read by (path, size, mtime), so the trainer's
dashboard can re-read a folder every few seconds and only parse the new files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import N_, t
from ..submissions import SubmissionError, load, trainee_id

DUPLICATE = N_("“{path}” is a copy of “{first}” (the same attempt): it is counted once.")


@dataclass
class Skipped:
    """A file that was not used: its path relative to the folder, a reason code, a sentence."""

    file: str
    reason: str
    message: str


@dataclass
class Attempt:
    """One usable submission, with what the summaries need already worked out."""

    file: str
    record: dict
    trainee: str  # the trainee's key (slug)
    when: datetime  # submitted_at, comparable across time zones

    @property
    def exercise(self) -> str:
        return self.record["exercise"]

    @property
    def total(self) -> float:
        return float(self.record["report"]["total"])


@dataclass
class Collection:
    folder: str
    attempts: list[Attempt] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.attempts) + len(self.skipped)


def _when(record: dict) -> datetime:
    text = record["submitted_at"]
    try:
        dt = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _list_json(base: Path) -> list[str]:
    """Relative paths of the ``*.json`` files under ``base``, hidden ones left out, sorted."""
    out = []
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(root, base)
        for name in files:
            if name.lower().endswith(".json") and not name.startswith("."):
                out.append(name if rel == "." else os.path.join(rel, name))
    # Top-level files first: of two copies of an attempt, the one in a sub-folder is the copy.
    return sorted(out, key=lambda rel: (rel.count(os.sep), rel))


class FolderReader:
    """Reads a folder again and again, parsing only files that are new or changed."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self._cache: dict[str, tuple[tuple[int, int], dict | SubmissionError]] = {}

    def signature(self) -> tuple:
        """Changes when a file is added, removed or rewritten (cheap: no file is opened)."""
        sig = []
        for rel in _list_json(self.folder):
            try:
                st = os.stat(self.folder / rel)
            except OSError:
                continue
            sig.append((rel, st.st_size, st.st_mtime_ns))
        return tuple(sig)

    def read(self) -> Collection:
        """Raises ``SubmissionError("no_folder")`` when the folder cannot be listed."""
        if not self.folder.is_dir():
            raise SubmissionError("no_folder", folder=str(self.folder))
        try:
            names = _list_json(self.folder)
        except OSError:
            raise SubmissionError("no_folder", folder=str(self.folder)) from None
        fresh: dict[str, tuple[tuple[int, int], dict | SubmissionError]] = {}
        collection = Collection(str(self.folder))
        seen: dict[str, str] = {}  # attempt id -> the file it was first found in
        for rel in names:
            path = self.folder / rel
            try:
                st = os.stat(path)
                key = (st.st_size, st.st_mtime_ns)
            except OSError:
                key = (-1, -1)
            cached = self._cache.get(rel)
            if cached is not None and cached[0] == key and key != (-1, -1):
                result = cached[1]
            else:
                try:
                    result = load(path)
                except SubmissionError as err:
                    result = err
            fresh[rel] = (key, result)
            if isinstance(result, SubmissionError):
                err = SubmissionError(result.code, **{**result.params, "path": rel})
                collection.skipped.append(Skipped(rel, result.code, err.message))
                continue
            first = seen.get(result["id"])
            if first is not None:
                collection.skipped.append(Skipped(rel, "duplicate", t(DUPLICATE, path=rel, first=first)))
                continue
            seen[result["id"]] = rel
            person = result["trainee"].get("id") or trainee_id(result["trainee"]["name"])
            collection.attempts.append(Attempt(rel, result, person, _when(result)))
        self._cache = fresh
        collection.attempts.sort(key=lambda a: (a.when, a.record["attempt"], a.file))
        return collection


def read_folder(folder: str | os.PathLike) -> Collection:
    """The usable attempts in ``folder`` (oldest first) and the skipped files."""
    return FolderReader(folder).read()
