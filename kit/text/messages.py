"""Words for what ``kit.text`` found and did: a :class:`Note` or :class:`TextError` in,
one sentence for the user out (Vietnamese by default, see ``kit.i18n``)."""

from __future__ import annotations

from ..i18n import N_, t
from .types import Note, TextError

SCHEME_NAMES = {
    "tcvn3": N_("TCVN3 (ABC, .VnTime fonts)"),
    "vni": N_("VNI-Windows (VNI-Times fonts)"),
    "viqr": N_("VIQR (typed with ASCII marks)"),
}

NOTE_MESSAGES = {
    "bom_removed": N_("Removed the byte order mark (BOM) at the start."),
    "decoded": N_("Read the file as {encoding}."),
    "utf16": N_("The file is UTF-16; it was read correctly."),
    "cp1258": N_("The file uses the Windows-1258 (Vietnamese Windows) code page; it was converted to Unicode."),
    "latin1": N_("The file is in no known Vietnamese encoding; it was read as Latin-1. Check the letters."),
    "legacy_converted": N_("Converted {count} words from the old {scheme_name} encoding to Unicode."),
    "nfc_composed": N_("Joined {count} decomposed letters and marks into composed Unicode (NFC)."),
    "controls_removed": N_("Removed {count} invisible control characters."),
    "newlines_unified": N_("Unified the line breaks."),
    "markup_found": N_("The text contains {count} HTML tags; they are kept as plain text and never run."),
    "empty": N_("The text is empty."),
    "truncated": N_("The text was too long; only the first {limit} characters are used."),
    "undecodable": N_("{count} bytes could not be read and were replaced by �."),
    "surrogates_replaced": N_("Replaced {count} broken characters by �."),
}

ERROR_MESSAGES = {
    "not_found": N_("The file “{path}” does not exist. Check the name and the folder."),
    "is_directory": N_("“{path}” is a folder, not a file. Choose a text file inside it."),
    "permission": N_("The kit may not read “{path}” (no permission)."),
    "binary": N_("“{path}” is not a text file (it looks like an image, a program or a compressed file). Save it as .txt, .docx or .md first."),
    "too_large": N_("“{path}” is too large ({size_mb} MB; the limit is {limit_mb} MB)."),
    "unreadable": N_("The kit cannot read “{path}”: {reason}."),
}


def describe(note: Note) -> str:
    """One sentence for a note; an unknown code still gives a readable line."""
    params = dict(note.params)
    if "scheme" in params:
        params.setdefault("scheme_name", t(SCHEME_NAMES.get(params["scheme"], params["scheme"])))
    template = NOTE_MESSAGES.get(note.code)
    if template is None:
        return note.code
    try:
        return t(template, **params)
    except (KeyError, IndexError, ValueError):
        return t(template.split("{")[0].strip()) or note.code


def describe_error(err: TextError, path: str = "") -> str:
    params = {"path": path, "reason": "", "size_mb": "?", "limit_mb": "?", **err.params}
    template = ERROR_MESSAGES.get(err.code, ERROR_MESSAGES["unreadable"])
    try:
        return t(template, **params)
    except (KeyError, IndexError, ValueError):
        return t(ERROR_MESSAGES["unreadable"], path=path, reason=err.code)
