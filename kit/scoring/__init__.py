"""Score a draft against its genre's rubric: ``score(text, kind) -> Report``.

Pure and fast (no ipywidgets): the widgets call it as the trainee types and
``python -m kit score`` prints it. The total is the weighted sum of the criteria,
scaled to 0–100.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .. import rubrics
from ..i18n import N_, _, t
from ..rubrics.base import Finding
from ..text.types import Cleaned
from .draft import Draft
from .genre import detect, mismatch

# A draft longer than this is scored on its beginning (a 1 MB paste must stay responsive).
MAX_CHARS = 150_000
MIN_SYLLABLES = 40

KIND_LABELS = {
    "press_release": N_("press release"),
    "hot_issue": N_("hot-issue statement"),
    "campaign_plan": N_("communication plan"),
}


@dataclass
class CriterionResult:
    id: str
    label: str
    score: float
    max: float
    message: str
    spans: list[list[int]] = field(default_factory=list)


@dataclass
class Report:
    kind: str
    total: float
    criteria: list[CriterionResult]
    warnings: list[str]
    text: str = ""  # the normalised text the spans point into (not part of the JSON)
    path: str = ""

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "kind": self.kind,
            "total": self.total,
            "criteria": [asdict(c) for c in self.criteria],
            "warnings": list(self.warnings),
        }


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def _run(criterion, draft: Draft) -> Finding:
    finding = criterion.check(draft)
    frac = min(1.0, max(0.0, float(finding.fraction)))
    return Finding(frac, finding.message, tuple(finding.spans), finding.judged)


def score(text: str, kind: str = "auto", *, cleaned: Cleaned | None = None) -> Report:
    """Score ``text`` as ``kind`` (``press_release``, ``hot_issue``, ``campaign_plan`` or ``auto``)."""
    warnings: list[str] = []
    if cleaned is None:
        cleaned = _clean(text)
    if len(cleaned.text) > MAX_CHARS:
        warnings.append(t("The draft is very long ({n} characters): only the first {limit} were scored.",
                          n=len(cleaned.text), limit=MAX_CHARS))
        cleaned = Cleaned(cleaned.text[:MAX_CHARS], cleaned.encoding, cleaned.legacy, cleaned.notes)
    draft = Draft(cleaned.text, cleaned)
    guessed, confidence = detect(draft)
    if kind in (None, "", "auto"):
        kind = guessed
        if draft.text.strip():
            warnings.append(t("Genre recognised automatically: {label}.", label=kind_label(kind)))
    elif kind not in rubrics.KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    elif draft.text.strip() and (other := mismatch(draft, kind)):
        warnings.append(t("This draft reads more like a {other} than a {kind}; check that you chose the right exercise.",
                          other=kind_label(other), kind=kind_label(kind)))
    warnings += _input_warnings(draft)
    rubric = rubrics.get(kind)
    results: list[CriterionResult] = []
    empty = not draft.text.strip()
    for c in rubric.criteria:
        f = Finding(0.0, _("Nothing to score yet: the draft is empty."), (), False) if empty else _run(c, draft)
        pts = round(c.weight * f.fraction, 1)
        results.append(CriterionResult(c.id, _(c.label), pts, c.weight, "" if f.fraction >= 1 else f.message,
                                       [[int(s), int(e)] for s, e in f.spans]))
    total = round(100 * sum(r.score for r in results) / rubric.total_weight, 1) if rubric.total_weight else 0.0
    return Report(kind, total, results, warnings, draft.text)


def _clean(text: str) -> Cleaned:
    from ..text import clean_text

    return clean_text(text if isinstance(text, str) else str(text))


def _input_warnings(draft: Draft) -> list[str]:
    out = []
    if not draft.text.strip():
        return [_("The draft is empty: type or paste your text first.")]
    if draft.cleaned.legacy:
        out.append(t("The text was in an old encoding ({scheme}) and has been converted to Unicode.",
                     scheme=draft.cleaned.legacy.upper()))
    if draft.cleaned.has("markup_found"):
        out.append(_("The text contains HTML tags or code; they are treated as plain text."))
    if draft.doc.syllables < MIN_SYLLABLES:
        out.append(t("The draft is very short ({n} syllables): the score means little until it is complete.",
                     n=draft.doc.syllables))
    longest = max((s.syllables for s in draft.sentences), default=0)
    if longest > 150:
        out.append(t("One sentence runs to {n} syllables: check the punctuation.", n=longest))
    return out
