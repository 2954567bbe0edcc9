"""The whole practice as one documented JSON document (docs/practice-json.md).

Top-level keys: practice, clients (each with goals), appointments, notes (each with addenda),
payments, authorizations, fee_schedule, plus format/version/exported_at. Every record has its
``id``; references (client_id, appointment_id) use those ids, and import keeps them, so an
exported practice imports into an empty vault unchanged, signed notes and hashes included.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from models.appointment import Appointment, AppointmentStatus, Modality, Service
from models.billing import Authorization, Payment
from models.client import Client, ClientStatus, Diagnosis, Goal, GoalStatus, Insurance
from models.common import Address
from models.errors import InvalidInput
from models.note import Addendum, Note, NoteFormat, NoteSection, NoteStatus
from storage.atomic import write_text_atomic
from storage.codec import local_value, tz_key
from storage.repositories.practice import profile_from_dict
from storage.vault import Vault

FORMAT = "stillnote-practice"
VERSION = 1
T = TypeVar("T")


# --- export ---------------------------------------------------------------------------------
def practice_to_dict(vault: Vault, include_process_notes: bool = False) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "practice": asdict(vault.practice.get()),
        "clients": [_client_dict(vault, c) for c in vault.clients.list()],
        "appointments": [_appointment_dict(a) for a in vault.appointments.all()],
        "notes": [_note_dict(vault, n, include_process_notes) for n in vault.notes.all()],
        "payments": [_id_first(_plain(asdict(p))) for p in vault.billing.payments.all()],
        "authorizations": [_id_first(_plain(asdict(a)))
                           for a in vault.billing.authorizations.all()],
        "fee_schedule": {cpt: str(fee) for cpt, fee in vault.billing.fees.get_all().items()},
    }


def export_practice(vault: Vault, out: Path, include_process_notes: bool = False) -> dict[str, int]:
    """Write the practice to ``out`` atomically; returns record counts (for a summary line)."""
    data = practice_to_dict(vault, include_process_notes)
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
    assert c.id is not None
    d["goals"] = [_plain({k: v for k, v in asdict(g).items() if k != "client_id"})
                  for g in vault.goals.for_client(c.id)]
    return _id_first(d)


def _appointment_dict(a: Appointment) -> dict[str, Any]:
    d = dict(_plain(asdict(a)))
    d["timezone"] = tz_key(a.start)
    return _id_first(d)


def _note_dict(vault: Vault, n: Note, include_process_notes: bool) -> dict[str, Any]:
    d = dict(_plain(asdict(n)))
    if not include_process_notes:
        d.pop("process_notes", None)  # private psychotherapy notes leave only when asked
    assert n.id is not None
    d["addenda"] = [_plain({k: v for k, v in asdict(a).items() if k != "note_id"})
                    for a in vault.notes.addenda(n.id)]
    return _id_first(d)


# --- import ---------------------------------------------------------------------------------
def load_practice_file(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"The file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(f"The file {path.name} cannot be read as UTF-8 text.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path.name} is not valid JSON (line {exc.lineno}, column "
                           f"{exc.colno}: {exc.msg}).") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path.name} is not a Stillnote practice file (expected an object).")
    return data


def import_practice(vault: Vault, data: dict[str, Any]) -> dict[str, int]:
    """Load an exported practice into an empty vault, keeping every id; all or nothing."""
    missing = [k for k in ("practice", "clients", "appointments", "notes") if k not in data]
    if missing:
        raise InvalidInput(f"The practice file lacks the key(s) {', '.join(missing)}.")
    if int(data.get("version", VERSION) or VERSION) > VERSION:
        raise InvalidInput("The practice file was written by a newer Stillnote; update to import.")
    if vault.clients.count() or vault.appointments.all() or vault.notes.all():
        raise InvalidInput("The vault already holds a practice; import into an empty vault.")
    with vault.transaction():
        vault.practice.save(_parse("practice", 0, data["practice"], profile_from_dict))
        for i, raw in enumerate(_items(data, "clients")):
            client = _parse("clients", i, raw, _client)
            vault.clients.add(client)
            for g in raw.get("goals") or []:
                vault.goals.add(_parse("goals", i, {**g, "client_id": client.id}, _goal))
        for i, raw in enumerate(_items(data, "appointments")):
            vault.appointments.add(_parse("appointments", i, raw, _appointment))
        for i, raw in enumerate(_items(data, "notes")):
            note, addenda = _parse("notes", i, raw, _note)
            vault.notes.import_note(note, addenda)
        for i, raw in enumerate(_items(data, "payments")):
            vault.billing.payments.add(_parse("payments", i, raw, _payment))
        for i, raw in enumerate(_items(data, "authorizations")):
            vault.billing.authorizations.add(_parse("authorizations", i, raw, _authorization))
        fees = data.get("fee_schedule") or {}
        if not isinstance(fees, dict):
            raise InvalidInput("The practice file's fee_schedule is not an object of CPT: fee.")
        for cpt, fee in fees.items():
            vault.billing.fees.set(str(cpt), _parse("fee_schedule", 0, fee, _money))
        vault.audit.record("import", "practice", None, "practice json")
    return {k: len(_items(data, k)) for k in ("clients", "appointments", "notes")}


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


def _d(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _money(value: Any) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    return Decimal(str(value))


def _client(r: dict[str, Any]) -> Client:
    return Client(
        id=int(r["id"]), legal_name=str(r["legal_name"]),
        preferred_name=r.get("preferred_name", ""), pronouns=r.get("pronouns", ""),
        date_of_birth=_d(r.get("date_of_birth")), email=r.get("email", ""),
        phone=r.get("phone", ""), address=Address(**(r.get("address") or {})),
        insurance=Insurance(**(r.get("insurance") or {})),
        diagnoses=[Diagnosis(**d) for d in r.get("diagnoses") or []],
        ai_consent=bool(r.get("ai_consent", False)), ai_consent_date=_d(r.get("ai_consent_date")),
        status=ClientStatus(r.get("status", "active")), discharged_on=_d(r.get("discharged_on")),
        calendar_code=r.get("calendar_code", ""), last_note_format=r.get("last_note_format", ""),
        created_at=_dt(r.get("created_at")))


def _goal(r: dict[str, Any]) -> Goal:
    return Goal(id=int(r["id"]), client_id=int(r["client_id"]), text=str(r["text"]),
                status=GoalStatus(r.get("status", "active")), target_date=_d(r.get("target_date")))


def _appointment(r: dict[str, Any]) -> Appointment:
    start = local_value(str(r["start"]), str(r.get("timezone") or ""))
    return Appointment(
        id=int(r["id"]), client_id=int(r["client_id"]), start=start,
        minutes=int(r.get("minutes", 50)), modality=Modality(r.get("modality", "office")),
        service=Service(r.get("service", "individual")),
        status=AppointmentStatus(r.get("status", "scheduled")), fee=_money(r.get("fee", "0")),
        series_id=r.get("series_id"), cpt_code=r.get("cpt_code", ""),
        add_on_codes=list(r.get("add_on_codes") or []), location=r.get("location", ""),
        uid=r.get("uid", ""), sequence=int(r.get("sequence", 0)),
        updated_at=_dt(r.get("updated_at")))


def _note(r: dict[str, Any]) -> tuple[Note, list[Addendum]]:
    note = Note(
        id=int(r["id"]), appointment_id=int(r["appointment_id"]), client_id=int(r["client_id"]),
        format=NoteFormat(r.get("format", "soap")), prompts=dict(r.get("prompts") or {}),
        sections=[NoteSection(heading=s["heading"], text=s["text"])
                  for s in r.get("sections") or []],
        flags=list(r.get("flags") or []), status=NoteStatus(r.get("status", "draft")),
        process_notes=r.get("process_notes", ""),
        risk_not_assessed=bool(r.get("risk_not_assessed", False)),
        signed_at=_dt(r.get("signed_at")), signed_by=r.get("signed_by", ""),
        signer_credentials=r.get("signer_credentials", ""),
        content_hash=r.get("content_hash", ""), created_at=_dt(r.get("created_at")),
        updated_at=_dt(r.get("updated_at")))
    if note.is_signed and note.signed_at is None:
        raise ValueError("signed note without signed_at")
    addenda = [Addendum(id=int(a["id"]), note_id=note.id or 0, text=str(a["text"]),
                        signed_at=datetime.fromisoformat(a["signed_at"]),
                        signed_by=str(a["signed_by"]),
                        signer_credentials=a.get("signer_credentials", ""),
                        content_hash=a.get("content_hash", "")) for a in r.get("addenda") or []]
    return note, addenda


def _payment(r: dict[str, Any]) -> Payment:
    return Payment(id=int(r["id"]), appointment_id=int(r["appointment_id"]),
                   amount=_money(r["amount"]), paid_on=date.fromisoformat(r["paid_on"]),
                   method=r.get("method", ""))


def _authorization(r: dict[str, Any]) -> Authorization:
    return Authorization(id=int(r["id"]), client_id=int(r["client_id"]), number=str(r["number"]),
                         sessions_authorized=int(r["sessions_authorized"]),
                         start=date.fromisoformat(r["start"]), end=date.fromisoformat(r["end"]),
                         payer=r.get("payer", ""))
