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


KIND_TAGS = {
    "press_release": N_("Press releases"),
    "hot_issue": N_("Hot issues"),
    "campaign_plan": N_("Plans"),
}


def kind_tag(kind: str) -> str:
    """The genre in one or two words, for chart labels."""
    return _(KIND_TAGS[kind]) if kind in KIND_TAGS else kind_short(kind)


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


def el(tag: str, text: str, css_class: str = "") -> str:
    """One HTML element around escaped text (keeps ``_()`` calls out of f-strings, where
    Babel cannot find them)."""
    from ..views.html import esc

    attr = f' class="{esc(css_class)}"' if css_class else ""
    return f"<{tag}{attr}>{esc(text)}</{tag}>"
