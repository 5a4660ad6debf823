"""Messages for people: Vietnamese by default, English on request.

Source strings (msgids) are English and live in the code, marked with ``_()``, ``t()``
or ``N_()``; Babel extracts them into ``kit/locale/kit.pot`` (the English catalogue)
and ``kit/locale/vi/LC_MESSAGES/kit.po`` holds the Vietnamese. The ``.po`` file is read
directly with Babel at first use, so no compiled ``.mo`` has to be kept in step.

The language is ``vi`` unless ``set_language("en")`` or ``KIT_LANG=en`` says otherwise.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from importlib import resources

LANGUAGES = ("vi", "en")
_state = {"lang": None}


def get_language() -> str:
    lang = _state["lang"] or os.environ.get("KIT_LANG", "vi").split("_")[0].lower()
    return lang if lang in LANGUAGES else "vi"


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose from {LANGUAGES}")
    _state["lang"] = lang


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """msgid -> translated string for ``lang`` (empty for English: msgids are English)."""
    if lang == "en":
        return {}
    from babel.messages.pofile import read_po

    po = resources.files("kit") / "locale" / lang / "LC_MESSAGES" / "kit.po"
    with po.open("rb") as fh:
        cat = read_po(fh)
    out: dict[str, str] = {}
    for msg in cat:
        if msg.id and msg.string and not msg.fuzzy:
            key = msg.id if isinstance(msg.id, str) else msg.id[0]
            val = msg.string if isinstance(msg.string, str) else msg.string[0]
            out[key] = unicodedata.normalize("NFC", val)
    return out


def _(msgid: str) -> str:
    """Translate ``msgid`` into the current language (falls back to the English)."""
    return catalogue(get_language()).get(msgid, msgid)


def t(msgid: str, /, **params: object) -> str:
    """Translate and fill ``{name}`` placeholders."""
    text = _(msgid)
    return text.format(**params) if params else text


def num(x: float) -> str:
    """A score or figure as the reader writes it: "90,5" in Vietnamese, "90.5" in English."""
    text = f"{x:g}"
    return text.replace(".", ",") if get_language() == "vi" else text


def N_(msgid: str) -> str:
    """Mark a string for extraction without translating it yet (tables of messages)."""
    return msgid
