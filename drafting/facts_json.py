"""The structured session prompt as JSON (what `stillnote draft --facts` reads) -> SessionFacts.

Extra keys (such as a sample's ``expect``) are ignored. Every problem is an InvalidInput with one
plain sentence; nothing of the note text is echoed back in it. The document is read with
models.json_checks first: no number too long to convert, no NaN, no lone surrogate (which no
model or terminal can take), no absurd nesting, and at most MAX_FILE_BYTES.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.errors import InvalidInput
from models.json_checks import check_tree, loads
from models.note import DOCUMENT_FIELDS, PROMPT_FIELDS, NoteFormat
from models.session_facts import SessionFacts, SessionInfo

FORMAT_NAMES = ", ".join(f.value for f in NoteFormat)
# Eight prompt fields of at most 20,000 characters each (the editor's limit), with room to spare.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 8  # facts > prompts > field is 3; samples carry deeper "expect" data, ignored
_WHAT = "The session facts file"
# Every prompt any format asks; the format decides which of them its sections draw on.
KNOWN_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(
    PROMPT_FIELDS + tuple(f for fields in DOCUMENT_FIELDS.values() for f in fields)))


def parse_format(value: object) -> NoteFormat:
    if not isinstance(value, str) or value.strip().lower() not in {f.value for f in NoteFormat}:
        shown = value if isinstance(value, str) and len(value) < 40 else "that"
        raise InvalidInput(f"Unknown note format {shown!r}; use one of {FORMAT_NAMES}.")
    return NoteFormat(value.strip().lower())


def _text(value: object, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidInput(f"The field {what} must be text.")
    return str(value)


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput(f"The {key!r} part of the session facts must be a JSON object.")
    return value


def _minutes(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        minutes = int(str(value).strip()) if not isinstance(value, bool) else None
    except ValueError:
        minutes = None
    if minutes is None or not 0 < minutes <= 24 * 60:
        raise InvalidInput(
            "The session length (session.minutes) must be a whole number of minutes.")
    return minutes


def facts_from_json(data: dict[str, Any]) -> SessionFacts:
    """Validate one session-facts document; InvalidInput if it cannot be drafted from."""
    if not isinstance(data, dict):
        raise InvalidInput("The session facts must be a JSON object.")
    check_tree(data, _WHAT, MAX_DEPTH)
    fmt = parse_format(data["format"]) if data.get("format") not in (None, "") else NoteFormat.SOAP
    session = _section(data, "session")
    client = _section(data, "client")
    raw_prompts = _section(data, "prompts")
    prompts = {name: _text(raw_prompts.get(name), f"prompts.{name}") for name in KNOWN_FIELDS}
    prompts = {k: v for k, v in prompts.items() if v.strip()}
    if not prompts:
        raise InvalidInput(
            "The session prompt is empty; answer at least one question about the session.")
    info = SessionInfo(
        date=_text(session.get("date"), "session.date").strip(),
        start=_text(session.get("start"), "session.start").strip(),
        minutes=_minutes(session.get("minutes")),
        modality=_text(session.get("modality"), "session.modality").strip(),
        service=_text(session.get("service"), "session.service").strip(),
        approach=_text(session.get("approach"), "session.approach").strip(),
    )
    return SessionFacts(
        format=fmt,
        session=info,
        client_name=_text(client.get("name"), "client.name").strip(),
        client_pronouns=_text(client.get("pronouns"), "client.pronouns").strip(),
        prompts=prompts,
    )


def facts_from_text(text: str) -> SessionFacts:
    if len(text) > MAX_FILE_BYTES:
        raise InvalidInput(f"The session facts are larger than {MAX_FILE_BYTES // 2**20} MB, "
                           "too large for one session.")
    return facts_from_json(loads(text, _WHAT))


def facts_from_file(path: Path) -> SessionFacts:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(f"The facts file is larger than {MAX_FILE_BYTES // 2**20} MB, "
                               "too large for one session.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"The facts file {path} does not exist.") from None
    except OSError:
        raise InvalidInput(f"The facts file {path} cannot be read.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("The session facts file is not UTF-8 text.") from None
    return facts_from_text(text)
