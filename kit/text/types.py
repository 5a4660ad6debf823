"""Small value types shared by the modules of ``kit.text``.

They carry codes and numbers, never user-facing sentences: the command line and the
widgets turn a :class:`Note` into a Vietnamese (or English) message through ``kit.i18n``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Note:
    """Something normalisation found or did, e.g. ``Note("legacy_converted", {"scheme": "tcvn3", "count": 12})``.

    Codes (the only ones the message catalogue knows; add a message when adding a code):
    ``bom_removed``, ``decoded`` (encoding), ``utf16``, ``cp1258``, ``legacy_converted``
    (scheme, count), ``nfc_composed`` (count), ``controls_removed`` (count),
    ``newlines_unified``, ``binary`` (ratio), ``undecodable`` (count), ``empty``,
    ``markup_found`` (count), ``truncated`` (limit).
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Cleaned:
    """The result of normalising input: NFC text plus what was found and done on the way."""

    text: str
    encoding: str | None = None  # e.g. "utf-8", "utf-8-sig", "utf-16", "cp1258"; None for str input
    legacy: str | None = None  # "tcvn3", "vni" or "viqr" when legacy text was converted
    notes: tuple[Note, ...] = ()

    def has(self, code: str) -> bool:
        return any(n.code == code for n in self.notes)


class TextError(Exception):
    """Input that cannot be read as text (missing file, binary data...).

    Like :class:`Note` it carries a code and parameters, not a sentence; ``kit.i18n``
    words it for the user. Codes: ``not_found``, ``is_directory``, ``permission``,
    ``binary``, ``too_large``, ``unreadable``.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params
