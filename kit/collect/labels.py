"""Short words for people used by the room's report, the dashboard and the progress page."""

from __future__ import annotations

from ..i18n import N_, _

SKIP_REASONS = {
    "not_json": N_("not a JSON file"),
    "truncated": N_("cut short (incomplete copy or save)"),
    "too_large": N_("too large (over 2 MB)"),
    "wrong_schema": N_("JSON, but not a valid kit submission"),
    "newer_version": N_("written by a newer version of the kit"),
    "unreadable": N_("cannot be read"),
    "not_found": N_("disappeared while being read"),
    "duplicate": N_("the same attempt copied twice"),
}


def skip_reason(code: str) -> str:
    """Why a file was skipped, in a few words."""
    return _(SKIP_REASONS.get(code, SKIP_REASONS["unreadable"]))


def kind_short(kind: str) -> str:
    from ..scoring import kind_label

    return kind_label(kind) if kind != "mixed" else _("several genres")


def score_text(value: float | None) -> str:
    """A score as people write it: ``72,5`` (Vietnamese decimal comma), ``–`` when missing."""
    if value is None:
        return "–"
    text = format(round(float(value), 1), "g")
    from ..i18n import get_language

    return text.replace(".", ",") if get_language() == "vi" else text
