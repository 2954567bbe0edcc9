"""The whole practice as one documented JSON document (docs/practice-json.md).

Top-level keys: practice, clients (each with goals), appointments, notes (each with addenda),
payments, authorizations, fee_schedule, good_faith_estimates, measures, measure_schedules,
signing_keys and seal, plus format/version/exported_at.
Every record has its ``id``; references (client_id, appointment_id) use those ids, and import
keeps them, so an exported practice imports into an empty vault unchanged, signed notes and
their signatures included (checked by app/practice_seal.py; each record is read by
practice_records.py, its value ranges checked by practice_checks.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app import practice_records as records
from app.measures.practice_json import (
    ParsedMeasures,
    check_measure_references,
    import_measures,
    measures_sections,
    parse_measures,
)
from app.practice_seal import check_signatures, export_signatures
from models.appointment import Appointment
from models.billing import Authorization, Payment
from models.client import (
    Client,
    Goal,
)
from models.errors import InvalidInput
from models.good_faith import GoodFaithEstimate
from models.json_checks import check_tree, loads
from models.note import (
    Addendum,
    Note,
    NoteKind,
)
from models.practice import PracticeProfile
from storage.codec import tz_key
from storage.files import write_text_atomic
from storage.signing import PublicKey

if TYPE_CHECKING:
    from storage.vault import Vault

FORMAT = "stillnote-practice"
VERSION = 2  # 2: notes carry Ed25519 signatures and the file a seal (docs/practice-json.md)
T = TypeVar("T")
# practice > notes[] > note > flags[] > flag > value is the deepest the format goes.
MAX_DEPTH = 8


# --- export ---------------------------------------------------------------------------------
def practice_to_dict(vault: Vault, include_process_notes: bool = False,
                     problems: list[str] | None = None) -> dict[str, Any]:
    """The practice as a document; a signed note that fails its signature check is exported
    as stored (so an import refuses it) and named in ``problems``."""
    exported_at = datetime.now(UTC).isoformat()
    notes = [(n, vault.notes.addenda(n.id or 0)) for n in vault.notes.all()]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at,
        "practice": asdict(vault.practice.get()),
        "clients": [_client_dict(vault, c) for c in vault.clients.list()],
        "appointments": [_appointment_dict(a) for a in vault.appointments.all()],
        "notes": [_note_dict(n, adds, include_process_notes) for n, adds in notes],
        "payments": [_id_first(_plain(asdict(p))) for p in vault.billing.payments.all()],
        "authorizations": [_id_first(_plain(asdict(a)))
                           for a in vault.billing.authorizations.all()],
        "fee_schedule": {cpt: str(fee) for cpt, fee in vault.billing.fees.get_all().items()},
        "good_faith_estimates": [{"id": e.id, **e.to_dict()}
                                 for e in vault.billing.estimates.all()],
        **measures_sections(vault),  # measures, measure_schedules (app/measures/practice_json)
        **export_signatures(vault, notes, exported_at, problems if problems is not None else []),
    }


def export_practice(vault: Vault, out: Path, include_process_notes: bool = False,
                    problems: list[str] | None = None) -> dict[str, int]:
    """Write the practice to ``out`` atomically; returns record counts (for a summary line)."""
    data = practice_to_dict(vault, include_process_notes, problems)
    write_text_atomic(Path(out), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    vault.audit.record("export", "practice", None, "practice json")
    return {k: len(data[k]) for k in ("clients", "appointments", "notes")}


def _id_first(record: dict[str, Any]) -> dict[str, Any]:
    return {"id": record.get("id"), **{k: v for k, v in record.items() if k != "id"}}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _client_dict(vault: Vault, c: Client) -> dict[str, Any]:
    d = _plain(asdict(c))
    d["insurance"] = c.insurance.to_dict()
    d["secondary_insurance"] = c.secondary_insurance.to_dict()
    assert c.id is not None
    d["goals"] = [_plain({k: v for k, v in asdict(g).items() if k != "client_id"})
                  for g in vault.goals.for_client(c.id)]
    return _id_first(d)


def _appointment_dict(a: Appointment) -> dict[str, Any]:
    d = dict(_plain(asdict(a)))
    d["timezone"] = tz_key(a.start)
    return _id_first(d)


def _note_dict(n: Note, addenda: list[Addendum], include_process_notes: bool) -> dict[str, Any]:
    d = dict(_plain(asdict(n)))
    d["kind"] = str(n.kind)  # progress, intake, treatment_plan or discharge (from the format)
    if not include_process_notes:
        d.pop("process_notes", None)  # private psychotherapy notes leave only when asked
    # The salt of the process notes' digest goes only with them (it would let a guess at
    # private notes be checked against the digest).
    d["signature"] = n.signature.to_dict(with_salt=include_process_notes) if n.signature \
        else None
    d["addenda"] = [{**_plain({k: v for k, v in asdict(a).items() if k != "note_id"}),
                     "signature": a.signature.to_dict() if a.signature else None}
                    for a in addenda]
    return _id_first(d)


# --- import ---------------------------------------------------------------------------------
# A ten-year practice (20,000 notes) exports to well under 100 MB; anything far larger is not
# a practice file, and reading it whole could exhaust memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


def load_practice_file(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB, too "
                               "large for a practice file.")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"The file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(f"The file {path.name} cannot be read as UTF-8 text.") from None
    data = loads(text, path.name)
    check_tree(data, path.name, MAX_DEPTH)
    if not isinstance(data, dict):
        raise InvalidInput(f"{path.name} is not a Stillnote practice file (expected an object).")
    return data


@dataclass
class ParsedPractice:
    """The practice file as records, checked before anything is written."""

    practice: PracticeProfile
    clients: list[tuple[Client, list[Goal]]]
    appointments: list[Appointment]
    notes: list[tuple[Note, list[Addendum]]]
    payments: list[Payment]
    authorizations: list[Authorization]
    fees: dict[str, Decimal]
    estimates: list[GoodFaithEstimate] = field(default_factory=list)
    keys: list[PublicKey] = field(default_factory=list)  # who signed its signed notes
    sealed_by: str = ""  # fingerprint of the key that sealed the file
    measures: ParsedMeasures = field(default_factory=ParsedMeasures)


def parse_practice(data: dict[str, Any]) -> ParsedPractice:
    """The practice file as records, its ids and references checked; InvalidInput if not.

    Needs no vault, so the command line refuses a bad file before it unlocks anything.
    A document not read by ``load_practice_file`` gets the same tree checks here.
    """
    check_tree(data, "The practice file", MAX_DEPTH)
    missing = [k for k in ("practice", "clients", "appointments", "notes") if k not in data]
    if missing:
        raise InvalidInput(f"The practice file lacks the key(s) {', '.join(missing)}.")
    version = data.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInput("The practice file's version is not a whole number.")
    if version > VERSION:
        raise InvalidInput("The practice file was written by a newer Stillnote; update to import.")
    parsed = _parse_all(data)
    _check_references(parsed)
    parsed.keys, parsed.sealed_by = check_signatures(data, version, parsed.notes)
    return parsed


def import_practice(vault: Vault, data: dict[str, Any] | ParsedPractice) -> dict[str, int]:
    """Load an exported practice into an empty vault, keeping every id; all or nothing.

    The whole file is parsed and its ids and references checked first, so a bad file is
    refused with a sentence naming the record before the vault is touched.
    """
    parsed = data if isinstance(data, ParsedPractice) else parse_practice(data)
    if vault.clients.count() or vault.appointments.all() or vault.notes.all():
        raise InvalidInput("The vault already holds a practice; import into an empty vault.")
    with vault.transaction():
        vault.signing.trust(parsed.keys)
        vault.practice.save(parsed.practice)
        for client, goals in parsed.clients:
            vault.clients.add(client)
            for goal in goals:
                vault.goals.add(goal)
        for appt in parsed.appointments:
            vault.appointments.add(appt)
        # by id: a plan revision follows the version it revises
        for note, addenda in sorted(parsed.notes, key=lambda pair: pair[0].id or 0):
            vault.notes.import_note(note, addenda)
        for payment in parsed.payments:
            vault.billing.payments.add(payment)
        for auth in parsed.authorizations:
            vault.billing.authorizations.add(auth)
        for cpt, fee in parsed.fees.items():
            vault.billing.fees.set(cpt, fee)
        for estimate in parsed.estimates:
            vault.billing.estimates.add(estimate)
        import_measures(vault, parsed.measures)
        vault.audit.record("import", "practice", None, "practice json")
    return {"clients": len(parsed.clients), "appointments": len(parsed.appointments),
            "notes": len(parsed.notes)}


def _parse_all(data: dict[str, Any]) -> ParsedPractice:
    clients: list[tuple[Client, list[Goal]]] = []
    for i, raw in enumerate(_items(data, "clients")):
        client = _parse("clients", i, raw, records.client_from)
        goals = raw.get("goals") or []
        if not isinstance(goals, list):
            raise InvalidInput(f"The practice file's clients[{i}].goals is not a list.")
        goal = partial(records.goal_from, client_id=client.id)
        clients.append((client, [_parse("clients", i, g, goal) for g in goals]))
    fees = data.get("fee_schedule") or {}
    if not isinstance(fees, dict):
        raise InvalidInput("The practice file's fee_schedule is not an object of CPT: fee.")
    return ParsedPractice(
        practice=_parse("practice", 0, data["practice"], records.practice_from),
        clients=clients,
        appointments=[_parse("appointments", i, raw, records.appointment_from)
                      for i, raw in enumerate(_items(data, "appointments"))],
        notes=[_parse("notes", i, raw, records.note_from)
               for i, raw in enumerate(_items(data, "notes"))],
        payments=[_parse("payments", i, raw, records.payment_from)
                  for i, raw in enumerate(_items(data, "payments"))],
        authorizations=[_parse("authorizations", i, raw, records.authorization_from)
                        for i, raw in enumerate(_items(data, "authorizations"))],
        fees={str(cpt): _parse("fee_schedule", 0, fee, partial(records.money_from, field=str(cpt)))
              for cpt, fee in fees.items()},
        estimates=[_parse("good_faith_estimates", i, raw, records.estimate_from)
                   for i, raw in enumerate(_items(data, "good_faith_estimates"))],
        measures=parse_measures(data),
    )


def _check_references(p: ParsedPractice) -> None:
    """Unique ids, and every client_id / appointment_id pointing at a record in the file."""
    client_ids = _unique("clients", [c.id for c, _ in p.clients])
    _unique("goals", [g.id for _, goals in p.clients for g in goals])
    _unique("appointments", [a.id for a in p.appointments])
    appt_client = {a.id: a.client_id for a in p.appointments}
    _unique("notes", [n.id for n, _ in p.notes])
    _unique("addenda", [a.id for _, adds in p.notes for a in adds])
    _unique("payments", [x.id for x in p.payments])
    _unique("authorizations", [x.id for x in p.authorizations])
    for i, appt in enumerate(p.appointments):
        if appt.client_id not in client_ids:
            raise InvalidInput(f"The practice file's appointments[{i}] refers to client "
                               f"{appt.client_id}, which is not in the file.")
    noted: set[int] = set()
    kinds = {n.id: (n.kind, n.client_id) for n, _ in p.notes}
    for i, (note, _adds) in enumerate(p.notes):
        if note.revises is not None and kinds.get(note.revises) != (NoteKind.TREATMENT_PLAN,
                                                                     note.client_id):
            raise InvalidInput(f"The practice file's notes[{i}] revises note {note.revises}, "
                               "which is not a treatment plan of the same client in the file.")
        if note.appointment_id is None:
            if note.client_id not in client_ids:
                raise InvalidInput(f"The practice file's notes[{i}] refers to client "
                                   f"{note.client_id}, which is not in the file.")
            continue
        if note.appointment_id not in appt_client:
            raise InvalidInput(f"The practice file's notes[{i}] refers to appointment "
                               f"{note.appointment_id}, which is not in the file.")
        if appt_client[note.appointment_id] != note.client_id:
            raise InvalidInput(f"The practice file's notes[{i}] names client {note.client_id}, "
                               f"but its appointment belongs to client "
                               f"{appt_client[note.appointment_id]}.")
        if note.appointment_id in noted:
            raise InvalidInput(f"The practice file's notes[{i}] is a second note for "
                               f"appointment {note.appointment_id}.")
        noted.add(note.appointment_id)
    for i, pay in enumerate(p.payments):
        if pay.appointment_id not in appt_client:
            raise InvalidInput(f"The practice file's payments[{i}] refers to appointment "
                               f"{pay.appointment_id}, which is not in the file.")
    for i, auth in enumerate(p.authorizations):
        if auth.client_id not in client_ids:
            raise InvalidInput(f"The practice file's authorizations[{i}] refers to client "
                               f"{auth.client_id}, which is not in the file.")
    _unique("good_faith_estimates", [e.id for e in p.estimates])
    for i, estimate in enumerate(p.estimates):
        if estimate.client_id not in client_ids:
            raise InvalidInput(f"The practice file's good_faith_estimates[{i}] refers to client "
                               f"{estimate.client_id}, which is not in the file.")
    check_measure_references(p.measures, client_ids, appt_client)


def _unique(key: str, ids: list[int | None]) -> set[int]:
    seen: set[int] = set()
    for i, record_id in enumerate(ids):
        if record_id is None or record_id < 1:
            raise InvalidInput(f"The practice file's {key}[{i}] has no valid id.")
        if record_id in seen:
            raise InvalidInput(f"The practice file has two {key} with id {record_id} "
                               f"({key}[{i}]).")
        seen.add(record_id)
    return seen


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InvalidInput(f"The practice file's {key} is not a list of records.")
    return value


def _parse(key: str, index: int, raw: Any, build: Callable[[Any], T]) -> T:
    try:
        return build(raw)
    except InvalidInput:
        raise
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as exc:
        what = f"{key}[{index}]" if key != "practice" else "practice"
        field = f" (field {exc.args[0]!r})" if isinstance(exc, KeyError) else ""
        raise InvalidInput(f"The practice file has a missing or invalid value in "
                           f"{what}{field}.") from None
