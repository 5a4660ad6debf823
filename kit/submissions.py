"""Submissions: a trainee hands an attempt in; the trainer's dashboard reads them all.

Pure Python (no ipywidgets): the notebook's "Submit" button and ``python -m kit submit``
both call :func:`submit`; the trainer's ``collect`` command reads a folder with
:func:`iter_submissions`.

One attempt is one JSON file (format: ``kit/schemas/submission.schema.json``) in
``paths.submissions_dir()`` (``~/kit-truyen-thong/bai-nop``, or the shared folder that
``KIT_SUBMISSIONS`` names on a JupyterHub). Its name,
``<exercise>__<trainee>__<UTC time>__<short id>.json``, is ASCII without colons (safe on
Windows and in zip files); it is written atomically and never replaces another file, even
when several trainees submit at the same second into one shared folder.

Problems are :class:`SubmissionError` with a ``code`` and parameters; ``message`` words
them for people through ``kit.i18n`` (Vietnamese by default).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import stat
import sys
import threading
import unicodedata
import uuid
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Mapping

from . import __version__, paths, storage
from .i18n import N_, t

SCHEMA_VERSION = 1
MAX_BYTES = 2 * 1024 * 1024  # a submission file larger than this is refused (reading and writing)
MAX_TEXT_CHARS = 300_000  # a press release is ~3 000 characters; the schema says the same
MAX_NAME_CHARS = 120
KINDS = ("press_release", "hot_issue", "campaign_plan")
EXTRA_FIELDS = ("plan", "debrief", "host")
NAME_FILE = "hoc-vien.json"  # "trainee": remembers the name typed last time

MESSAGES = {
    # submit
    "no_name": N_("Please type your full name before submitting, so the trainer knows whose work it is."),
    "name_too_long": N_("The name is too long ({n} characters; at most {limit}). Type just your full name."),
    "no_exercise": N_("The exercise has no id, so the attempt cannot be filed. Please tell the trainer."),
    "bad_exercise": N_("“{exercise}” is not a valid exercise id: use letters without marks, digits, “-”, “_” or “.”, "
                       "e.g. “thong-cao-1”."),
    "unknown_kind": N_("Unknown genre “{kind}”: choose press_release, hot_issue, campaign_plan or auto."),
    "text_too_long": N_("The draft is too long to submit ({n} characters; at most {limit}). Shorten it, or submit "
                        "only the document the exercise asks for."),
    "bad_time": N_("The start time “{value}” is not a valid date and time."),
    "invalid_record": N_("The submission could not be saved: its field “{field}” is not valid. Please tell the trainer."),
    "record_too_large": N_("The submission is too large to save ({size_mb} MB; at most {limit_mb} MB). "
                           "Shorten the draft."),
    "cannot_write": N_("The kit could not save the submission in “{folder}” ({reason}). Check that the folder exists "
                       "and that you may write in it, or ask the trainer."),
    # reading
    "not_found": N_("The file “{path}” does not exist."),
    "unreadable": N_("The kit cannot read “{path}” ({reason})."),
    "too_large": N_("“{path}” is too large to be a submission ({size_mb} MB; the limit is {limit_mb} MB)."),
    "truncated": N_("“{path}” is cut short (empty or incomplete JSON): the copy or the save was probably interrupted."),
    "not_json": N_("“{path}” is not a JSON file."),
    "newer_version": N_("“{path}” was written by a newer version of the kit (format {version}); update the kit to read it."),
    "no_folder": N_("The folder “{folder}” does not exist or cannot be opened."),
}
WRONG_SCHEMA = {
    "not_object": N_("“{path}” holds JSON, but not a kit submission."),
    "missing": N_("“{path}” is not a valid submission: the field “{field}” is missing."),
    "unexpected": N_("“{path}” is not a valid submission: it has an unknown field “{field}”."),
    "invalid": N_("“{path}” is not a valid submission: the field “{field}” has a wrong value."),
}


class SubmissionError(Exception):
    """A problem with a submission, as a ``code`` plus parameters (``path``, ``field``...).

    Codes when submitting: ``no_name``, ``name_too_long``, ``no_exercise``, ``bad_exercise``,
    ``unknown_kind``, ``text_too_long``, ``bad_time``, ``invalid_record``, ``record_too_large``,
    ``cannot_write``. Codes when reading: ``not_found``, ``unreadable``, ``too_large`` (over 2 MB),
    ``truncated``, ``not_json``, ``wrong_schema`` (``problem``: ``not_object``, ``missing``,
    ``unexpected`` or ``invalid``; ``field``; ``detail`` is jsonschema's English wording),
    ``newer_version``, ``no_folder``.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        """One sentence for people, in the current language (``kit.i18n``)."""
        if self.code == "wrong_schema":
            template = WRONG_SCHEMA.get(self.params.get("problem", ""), WRONG_SCHEMA["invalid"])
        else:
            template = MESSAGES.get(self.code)
        if template is None:
            return self.code
        params = {"path": "", "field": "", "reason": "", **self.params}
        try:
            return t(template, **params)
        except (KeyError, IndexError, ValueError):
            return self.code

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema (draft 2020-12) of one submission record."""
    ref = resources.files("kit") / "schemas" / "submission.schema.json"
    return json.loads(ref.read_text(encoding="utf-8"))


_validator_lock = threading.Lock()
_SLOW_IRI_MODULE = "rfc3987_syntax"


def _import_jsonschema() -> None:
    """Import jsonschema without ``rfc3987_syntax`` when nothing has imported them yet.

    jsonschema imports that module eagerly, only to check the ``iri`` formats (which the
    submission schema does not use), and its import builds dozens of Earley parsers: 2 to
    6 seconds on a trainee's laptop, paid on the first "Submit" (python-jsonschema/jsonschema
    issue #1428). Blocked for the import only; in this process jsonschema then leaves
    ``iri`` formats unchecked, as it does whenever that optional module is missing.
    """
    if "jsonschema" in sys.modules or _SLOW_IRI_MODULE in sys.modules:
        return
    sys.modules[_SLOW_IRI_MODULE] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import jsonschema  # noqa: F401
    finally:
        if _SLOW_IRI_MODULE in sys.modules and sys.modules[_SLOW_IRI_MODULE] is None:
            del sys.modules[_SLOW_IRI_MODULE]


def _validator():
    with _validator_lock:
        return _make_validator()


@lru_cache(maxsize=1)
def _make_validator():
    _import_jsonschema()
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(schema(), format_checker=FormatChecker())


def _field(path) -> str:
    return ".".join(str(p) for p in path)


def validate(record: Any, path: str | os.PathLike = "") -> None:
    """Raise :class:`SubmissionError` (``wrong_schema`` or ``newer_version``) unless ``record``
    is a valid submission; ``path`` only goes into the message."""
    path = os.fsdecode(path) if path else ""
    if not isinstance(record, dict):
        raise SubmissionError("wrong_schema", path=path, problem="not_object", field="", detail="not an object")
    version = record.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise SubmissionError("newer_version", path=path, version=version)
    validator = _validator()  # first: it imports jsonschema the fast way
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(record))
    if error is not None:
        where = list(error.absolute_path)
        if error.validator == "required":
            missing = [k for k in error.validator_value if isinstance(error.instance, dict) and k not in error.instance]
            problem, where = "missing", where + missing[:1]
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = set(error.schema.get("properties", {}))
            extra = sorted(k for k in error.instance if k not in known)
            problem, where = "unexpected", where + extra[:1]
        else:
            problem = "invalid"
        raise SubmissionError("wrong_schema", path=path, problem=problem, field=_field(where) or "(root)",
                              detail=error.message[:300])
    # What JSON Schema cannot say.
    name = record["trainee"]["name"]
    if not unicodedata.is_normalized("NFC", name):
        raise SubmissionError("wrong_schema", path=path, problem="invalid", field="trainee.name",
                              detail="the name is not NFC Unicode")
    if record["report"]["kind"] != record["kind"]:
        raise SubmissionError("wrong_schema", path=path, problem="invalid", field="report.kind",
                              detail="report.kind differs from kind")


# ---------------------------------------------------------------- names


def normalise_name(name: Any) -> str:
    """The name as it is stored: legacy pastes repaired, NFC, trimmed, inner white space
    collapsed. Raises ``no_name`` (empty) or ``name_too_long``."""
    from .text import clean_text

    text = " ".join(clean_text("" if name is None else str(name)).text.split())
    text = unicodedata.normalize("NFC", text)
    if not text:
        raise SubmissionError("no_name")
    if len(text) > MAX_NAME_CHARS:
        raise SubmissionError("name_too_long", n=len(text), limit=MAX_NAME_CHARS)
    return text


def trainee_id(name: str) -> str:
    """A stable file-name-safe slug of a (normalised) name: ``Nguyễn Thị Lan`` → ``nguyen-thi-lan``.

    A name with no Latin letters or digits (emoji, another script) gets ``hv-`` plus a
    short hash of the name, so two such trainees are not filed together.
    """
    slug = storage.safe_name(name, "").rstrip("-")
    if slug:
        return slug
    return "hv-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def remembered_name() -> str | None:
    """The name typed at the last submission on this machine (``home()/hoc-vien.json``), or None."""
    try:
        data = json.loads((paths.home() / NAME_FILE).read_text(encoding="utf-8"))
        return normalise_name(data["name"]) if isinstance(data, dict) and isinstance(data.get("name"), str) else None
    except (OSError, ValueError, KeyError, SubmissionError):
        return None


def remember_name(name: str) -> str:
    """Store ``name`` (normalised; returned) for next time, atomically. Raises ``no_name``
    for an empty name, ``cannot_write`` when the kit's folder is not writable."""
    name = normalise_name(name)
    payload = {"name": name, "saved_at": _now().isoformat(timespec="seconds")}
    target = paths.home() / NAME_FILE
    try:
        storage.atomic_write_text(target, json.dumps(payload, ensure_ascii=False, indent=2))
    except OSError as exc:
        raise SubmissionError("cannot_write", folder=str(target.parent), reason=_reason(exc)) from exc
    return name


# ---------------------------------------------------------------- submit


def _now() -> datetime:
    return datetime.now(timezone.utc).astimezone()  # local time, with its offset


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or type(exc).__name__


def _timestamp(value: Any) -> str:
    """An ISO 8601 string with an offset; a naive time is taken as local time."""
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip()
        try:
            dt = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
        except ValueError:
            raise SubmissionError("bad_time", value=text[:60]) from None
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.astimezone()
    return dt.isoformat(timespec="seconds")


def _check_exercise(exercise: Any) -> str:
    exercise = "" if exercise is None else str(exercise).strip()
    if not exercise:
        raise SubmissionError("no_exercise")
    props = schema()["properties"]["exercise"]
    if len(exercise) > props["maxLength"] or not re.fullmatch(props["pattern"], exercise):
        raise SubmissionError("bad_exercise", exercise=exercise[:80])
    return exercise


def _host() -> str | None:
    try:
        host = socket.gethostname()
    except OSError:
        return None
    return host[:255] if host else None


def _attempt(folder: Path, prefix: str) -> int:
    try:
        return 1 + sum(1 for _ in folder.glob(f"{prefix}__*.json"))
    except OSError:
        return 1


def submit(text: Any, *, exercise: str, name: str, kind: str | None = None, folder: str | os.PathLike | None = None,
           started_at: datetime | str | None = None, extra: Mapping[str, Any] | None = None,
           source: str = "") -> Path:
    """Hand an attempt in; returns the path of the new file.

    ``text`` is the draft (a ``str``, or a :class:`kit.text.Cleaned` from ``read_file``);
    it is normalised with ``clean_text`` and scored as ``kind`` (``None``/``"auto"``:
    recognised). An empty draft is accepted; the report's warnings say it is empty.
    ``folder`` defaults to ``paths.submissions_dir()``. ``started_at`` is a datetime or an
    ISO 8601 string (naive = local time). ``extra`` may carry ``plan`` and ``debrief``
    (objects) and ``host``. ``source`` is the file the draft came from (``report.path``).

    Raises :class:`SubmissionError`: ``no_name``, ``name_too_long``, ``no_exercise``,
    ``bad_exercise``, ``unknown_kind``, ``text_too_long``, ``bad_time``,
    ``invalid_record``, ``record_too_large``, ``cannot_write``. Never overwrites an existing file.
    """
    from .scoring import score
    from .text import Cleaned, clean_text

    name = normalise_name(name)
    exercise = _check_exercise(exercise)
    if kind in (None, "", "auto"):
        kind = "auto"
    elif kind not in KINDS:
        raise SubmissionError("unknown_kind", kind=str(kind)[:40])
    extra = dict(extra or {})
    unknown = sorted(set(extra) - set(EXTRA_FIELDS))
    if unknown:
        raise ValueError(f"submit(extra=...) takes only {EXTRA_FIELDS}, not {unknown}")
    if not isinstance(text, (str, Cleaned)) and text is not None:
        raise TypeError(f"submit() takes the draft as str or Cleaned, not {type(text).__name__}")
    cleaned = text if isinstance(text, Cleaned) else clean_text(text or "")
    if len(cleaned.text) > MAX_TEXT_CHARS:
        raise SubmissionError("text_too_long", n=len(cleaned.text), limit=MAX_TEXT_CHARS)

    report = score(cleaned.text, kind, cleaned=cleaned)
    report.path = os.fsdecode(source) if source else ""
    now = _now()
    sid = uuid.uuid4().hex
    tid = trainee_id(name)
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": sid,
        "trainee": {"name": name, "id": tid},
        "exercise": exercise,
        "kind": report.kind,
        "text": cleaned.text,
        "report": report.to_dict(),
    }
    if started_at is not None:
        record["started_at"] = _timestamp(started_at)
    record["submitted_at"] = now.isoformat(timespec="seconds")
    record["kit_version"] = __version__
    host = _host()
    if host:
        record["host"] = host
    record.update(extra)

    where = Path(folder) if folder is not None else Path(os.environ.get("KIT_SUBMISSIONS") or paths.home() / "bai-nop")
    try:
        target = Path(folder) if folder is not None else paths.submissions_dir()
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SubmissionError("cannot_write", folder=str(where), reason=_reason(exc)) from exc
    prefix = f"{storage.safe_name(exercise, 'bai-tap')}__{tid}"
    record["attempt"] = _attempt(target, prefix)
    try:
        validate(record)
    except SubmissionError as err:
        raise SubmissionError("invalid_record", field=err.params.get("field", ""),
                              detail=err.params.get("detail", "")) from err
    size = len(json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
    if size > MAX_BYTES:
        raise SubmissionError("record_too_large", size=size, size_mb=round(size / 1048576, 1),
                              limit_mb=MAX_BYTES // (1024 * 1024))
    stem = f"{prefix}__{now.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}__{sid[:8]}"
    try:
        return storage.write_new_json(target, stem, record)
    except OSError as exc:
        raise SubmissionError("cannot_write", folder=str(target), reason=_reason(exc)) from exc


# ---------------------------------------------------------------- read


def load(path: str | os.PathLike) -> dict:
    """Read and check one submission file. Raises :class:`SubmissionError`: ``not_found``,
    ``unreadable``, ``too_large`` (over 2 MB, never read), ``truncated``, ``not_json``,
    ``wrong_schema``, ``newer_version``; each carries ``path``."""
    name = os.fsdecode(os.fspath(path))
    p = Path(name)
    limits = {"limit_mb": MAX_BYTES // (1024 * 1024)}
    try:
        st = p.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise SubmissionError("not_found", path=name) from None
    except (OSError, ValueError) as exc:
        raise SubmissionError("unreadable", path=name, reason=_reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise SubmissionError("unreadable", path=name, reason="not a regular file")
    if st.st_size > MAX_BYTES:
        raise SubmissionError("too_large", path=name, size=st.st_size, size_mb=round(st.st_size / 1048576, 1), **limits)
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SubmissionError("not_found", path=name) from None
    except OSError as exc:
        raise SubmissionError("unreadable", path=name, reason=_reason(exc)) from None
    if len(data) > MAX_BYTES:  # grew since stat
        raise SubmissionError("too_large", path=name, size=len(data), size_mb=round(len(data) / 1048576, 1), **limits)
    try:
        doc = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SubmissionError("not_json", path=name) from None
    if not doc.strip():
        raise SubmissionError("truncated", path=name)
    try:
        record = json.loads(doc)
    except json.JSONDecodeError as err:
        cut = err.pos >= len(doc.rstrip()) or err.msg.startswith("Unterminated string")
        if cut and doc.lstrip()[:1] in "{[":
            raise SubmissionError("truncated", path=name) from None
        raise SubmissionError("not_json", path=name) from None
    except (ValueError, RecursionError):
        raise SubmissionError("not_json", path=name) from None
    validate(record, name)
    return record


def iter_submissions(folder: str | os.PathLike | None = None) -> Iterator[tuple[Path, dict | SubmissionError]]:
    """``(path, record)`` for each submission in ``folder`` (default ``paths.submissions_dir()``),
    or ``(path, SubmissionError)`` for a file that is not a valid one, in file-name order.

    Looks at the ``*.json`` files directly in the folder; hidden files (the temporary files
    of a write in progress, ``._`` files from macOS) and other files are skipped. Raises
    ``SubmissionError("no_folder")`` at once when the folder cannot be listed.
    """
    base = Path(folder) if folder is not None else paths.submissions_dir()
    try:
        names = sorted(e.name for e in os.scandir(base) if e.name.lower().endswith(".json")
                       and not e.name.startswith("."))
    except OSError:
        raise SubmissionError("no_folder", folder=str(base)) from None
    return _iterate(base, names)


def _iterate(base: Path, names: list[str]) -> Iterator[tuple[Path, dict | SubmissionError]]:
    for fname in names:
        path = base / fname
        try:
            yield path, load(path)
        except SubmissionError as err:
            yield path, err
