"""The whole practice as one documented JSON document (docs/practice-json.md).

Top-level keys: practice, clients (each with goals), appointments, notes (each with addenda),
payments, authorizations, fee_schedule, good_faith_estimates, measures, measure_schedules,
signing_keys and seal, plus format/version/exported_at.
Every record has its ``id``; references (client_id, appointment_id) use those ids, and import
keeps them, so an exported practice imports into an empty vault unchanged, signed notes and
their signatures included (checked by app/practice_seal.py; value ranges: practice_checks.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app import practice_checks as check
from app.measures.practice_json import (
    ParsedMeasures,
    check_measure_references,
    import_measures,
    measures_sections,
    parse_measures,
)
from app.practice_seal import check_signatures, export_signatures
from models.appointment import Appointment, AppointmentStatus, Modality, Service
from models.billing import Authorization, Payment
from models.client import (
    Client,
    ClientStatus,
    ContactMethod,
    Diagnosis,
    EmergencyContact,
    Goal,
    GoalStatus,
)
from models.common import Address
from models.errors import InvalidInput
from models.flags import Flag
from models.good_faith import GoodFaithEstimate
from models.insurance import BillingKind, Insurance, billing_kind_for
from models.json_checks import check_tree, loads
from models.note import (
    Addendum,
    Note,
    NoteFormat,
    NoteKind,
    NoteSection,
    NoteStatus,
    kind_of,
)
from models.practice import PracticeProfile
from models.signed_record import Seal
from storage.codec import local_value, tz_key
from storage.files import write_text_atomic
from storage.repositories.practice import profile_from_dict
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
        client = _parse("clients", i, raw, _client)
        goals = raw.get("goals") or []
        if not isinstance(goals, list):
            raise InvalidInput(f"The practice file's clients[{i}].goals is not a list.")
        clients.append((client, [_parse("clients", i, g, partial(_goal, client_id=client.id))
                                 for g in goals]))
    fees = data.get("fee_schedule") or {}
    if not isinstance(fees, dict):
        raise InvalidInput("The practice file's fee_schedule is not an object of CPT: fee.")
    return ParsedPractice(
        practice=_parse("practice", 0, data["practice"], _practice),
        clients=clients,
        appointments=[_parse("appointments", i, raw, _appointment)
                      for i, raw in enumerate(_items(data, "appointments"))],
        notes=[_parse("notes", i, raw, _note) for i, raw in enumerate(_items(data, "notes"))],
        payments=[_parse("payments", i, raw, _payment)
                  for i, raw in enumerate(_items(data, "payments"))],
        authorizations=[_parse("authorizations", i, raw, _authorization)
                        for i, raw in enumerate(_items(data, "authorizations"))],
        fees={str(cpt): _parse("fee_schedule", 0, fee, partial(_money, field=str(cpt)))
              for cpt, fee in fees.items()},
        estimates=[_parse("good_faith_estimates", i, raw, _estimate)
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


def _d(value: Any, field: str) -> date | None:
    """An optional ISO date within the years Stillnote handles."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise KeyError(field)
    try:
        return check.day(date.fromisoformat(value), field)
    except ValueError:
        raise KeyError(field) from None


def _dt(value: Any, field: str) -> datetime | None:
    """An optional ISO time with its UTC offset, within the years Stillnote handles."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise KeyError(field)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise KeyError(field) from None
    if parsed.tzinfo is None:
        raise KeyError(field)  # a time without its offset would land at the wrong hour
    return check.moment(parsed, field)


def _s(r: dict[str, Any], key: str) -> str:
    """An optional text field: absent or null is "", anything but text is an error."""
    value = r.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise KeyError(key)  # reported as "missing or invalid value ... (field 'key')"
    return value


def _practice(raw: Any) -> PracticeProfile:
    if not isinstance(raw, dict):
        raise ValueError("practice is not an object")
    _texts(raw.get("address"), Address)
    profile = profile_from_dict(raw)
    for f in fields(profile):
        if f.name != "address" and not isinstance(getattr(profile, f.name), str):
            raise KeyError(f.name)
    check.zone(profile.timezone)
    return profile


def _money(value: Any, field: str) -> Decimal:
    """A fee or amount: a decimal string (a JSON number is read by its digits), finite, in
    range and in whole cents."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise KeyError(field)
    try:
        amount = Decimal(repr(value) if isinstance(value, float) else str(value))
    except InvalidOperation:
        raise KeyError(field) from None
    return check.money(amount, field)


def _texts(raw: Any, cls: type[T]) -> T:
    """A small record of text fields (address, insurance) from an object of strings."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ValueError(f"{cls.__name__.lower()} is not an object of text fields")
    return cls(**raw)


def _diagnosis(raw: Any) -> Diagnosis:
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
        raise KeyError("diagnoses")
    return Diagnosis(code=raw["code"], description=_s(raw, "description"),
                     is_primary=bool(raw.get("is_primary", False)))


def _client(r: dict[str, Any]) -> Client:
    if not isinstance(r.get("legal_name"), str) or not r["legal_name"].strip():
        raise KeyError("legal_name")
    diagnoses = r.get("diagnoses") or []
    if not isinstance(diagnoses, list):
        raise KeyError("diagnoses")
    insurance = _insurance(r.get("insurance"), "insurance")
    return Client(
        id=check.record_id(r.get("id")), legal_name=r["legal_name"],
        preferred_name=_s(r, "preferred_name"), pronouns=_s(r, "pronouns"),
        date_of_birth=_d(r.get("date_of_birth"), "date_of_birth"), email=_s(r, "email"),
        phone=_s(r, "phone"), address=_texts(r.get("address"), Address),
        insurance=insurance,
        diagnoses=[_diagnosis(d) for d in diagnoses],
        ai_consent=bool(r.get("ai_consent", False)),
        ai_consent_date=_d(r.get("ai_consent_date"), "ai_consent_date"),
        status=ClientStatus(r.get("status", "active")),
        discharged_on=_d(r.get("discharged_on"), "discharged_on"),
        calendar_code=_s(r, "calendar_code"), last_note_format=_s(r, "last_note_format"),
        created_at=_dt(r.get("created_at"), "created_at"),
        # Billing (issue 12); a file written before it: a payer on file means insurance.
        billing=BillingKind(r.get("billing") or billing_kind_for(insurance)),
        secondary_insurance=_insurance(r.get("secondary_insurance"), "secondary_insurance"),
        sliding_fee=_money(r.get("sliding_fee") or "0", "sliding_fee"), sex=_s(r, "sex"),
        release_on_file=_d(r.get("release_on_file"), "release_on_file"),
        assignment_on_file=_d(r.get("assignment_on_file"), "assignment_on_file"),
        # The working day (issue 13): details therapists expect, the client's note format.
        emergency_contact=_texts(r.get("emergency_contact"), EmergencyContact),
        contact_method=_contact_method(r), referral_source=_s(r, "referral_source"),
        note_format=_note_format_choice(r))


def _insurance(raw: Any, field: str) -> Insurance:
    """A plan as exported (models.insurance's shape), its dates in range."""
    try:
        insurance = Insurance.from_dict(raw)
    except (TypeError, ValueError):
        raise KeyError(field) from None
    check.day(insurance.subscriber.date_of_birth, field)
    return insurance


def _contact_method(r: dict[str, Any]) -> str:
    value = _s(r, "contact_method")
    return str(ContactMethod(value)) if value else ""


def _note_format_choice(r: dict[str, Any]) -> str:
    value = _s(r, "note_format")
    return str(NoteFormat(value)) if value else ""


def _goal(r: Any, client_id: int | None) -> Goal:
    if not isinstance(r, dict) or not isinstance(r.get("text"), str):
        raise KeyError("goals")
    return Goal(id=check.record_id(r.get("id")), client_id=client_id or 0, text=r["text"],
                status=GoalStatus(r.get("status", "active")),
                target_date=_d(r.get("target_date"), "target_date"))


def _appointment(r: dict[str, Any]) -> Appointment:
    zone_name = _s(r, "timezone")
    if zone_name:
        check.zone(zone_name)
    if not isinstance(r.get("start"), str):
        raise KeyError("start")
    try:
        start = local_value(r["start"], zone_name)
    except ValueError:
        raise KeyError("start") from None
    if start.tzinfo is None:
        raise KeyError("start")  # a time without its offset would land at the wrong hour
    check.moment(start, "start")
    add_ons = r.get("add_on_codes") or []
    if not isinstance(add_ons, list) or not all(isinstance(c, str) for c in add_ons):
        raise KeyError("add_on_codes")
    series_id = r.get("series_id")
    if series_id is not None and not isinstance(series_id, str):
        raise KeyError("series_id")
    return Appointment(
        id=check.record_id(r.get("id")), client_id=check.record_id(r.get("client_id"),
                                                                   "client_id"),
        start=start, minutes=check.whole(r.get("minutes", 50), "minutes", 1, check.MAX_MINUTES),
        modality=Modality(r.get("modality", "office")),
        service=Service(r.get("service", "individual")),
        status=AppointmentStatus(r.get("status", "scheduled")),
        fee=_money(r.get("fee", "0"), "fee"),
        series_id=series_id, cpt_code=_s(r, "cpt_code"), add_on_codes=list(add_ons),
        location=_s(r, "location"), uid=_s(r, "uid"),
        sequence=check.whole(r.get("sequence", 0), "sequence", 0, check.MAX_SEQUENCE),
        updated_at=_dt(r.get("updated_at"), "updated_at"),
        booked_at=_dt(r.get("booked_at"), "booked_at"))


def _seal(raw: Any, field: str) -> Seal | None:
    if raw is None:
        return None
    try:
        seal = Seal.from_dict(raw)
    except (ValueError, TypeError):
        raise KeyError(field) from None
    check.moment(seal.at, field)
    return seal


def _flags(raw: object) -> list[Flag]:
    """Verifier flags as exported: flat objects of a kind this version knows."""
    if not isinstance(raw, list):
        raise KeyError("flags")
    try:
        return [Flag.from_dict(check.flat_record(f, "flags")) for f in raw]
    except ValueError:
        raise KeyError("flags") from None


def _note(r: dict[str, Any]) -> tuple[Note, list[Addendum]]:
    prompts = check.texts(r.get("prompts") or {}, "prompts")
    sections = r.get("sections") or []
    if not isinstance(sections, list) or not all(
            isinstance(x, dict) and isinstance(x.get("heading"), str)
            and isinstance(x.get("text"), str) for x in sections):
        raise KeyError("sections")
    flags = _flags(r.get("flags") or [])
    fmt = NoteFormat(r.get("format", "soap"))
    if r.get("kind") not in (None, str(kind_of(fmt))):
        raise KeyError("kind")  # the kind a file names must be its format's
    between_sessions = kind_of(fmt) in (NoteKind.TREATMENT_PLAN, NoteKind.DISCHARGE)
    note = Note(
        id=check.record_id(r.get("id")),
        appointment_id=None if between_sessions else check.record_id(
            r.get("appointment_id"), "appointment_id"),
        client_id=check.record_id(r.get("client_id"), "client_id"),
        format=fmt, prompts=prompts,
        sections=[NoteSection(heading=x["heading"], text=x["text"]) for x in sections],
        flags=flags,
        status=NoteStatus(r.get("status", "draft")),
        process_notes=_s(r, "process_notes"),
        risk_not_assessed=bool(r.get("risk_not_assessed", False)),
        signed_at=_dt(r.get("signed_at"), "signed_at"), signed_by=_s(r, "signed_by"),
        signer_credentials=_s(r, "signer_credentials"),
        content_hash=_s(r, "content_hash"), created_at=_dt(r.get("created_at"), "created_at"),
        updated_at=_dt(r.get("updated_at"), "updated_at"),
        signature=_seal(r.get("signature"), "signature"),
        written_on=_d(r.get("written_on"), "written_on"),
        review_on=_d(r.get("review_on"), "review_on"),
        revises=None if r.get("revises") is None else check.record_id(r.get("revises"),
                                                                      "revises"))
    if between_sessions and (r.get("appointment_id") is not None or note.written_on is None):
        raise KeyError("appointment_id" if r.get("appointment_id") is not None
                       else "written_on")  # a plan or discharge summary is dated by itself
    # Whether a signed note is as it was signed is checked with its signature, once the whole
    # file is read (app/practice_seal.py); a draft carries neither signing time nor signature.
    if note.is_signed and note.signed_at is None:
        raise KeyError("signed_at")
    if not note.is_signed and (note.signed_at is not None or note.signature is not None):
        raise KeyError("signed_at" if note.signed_at is not None else "signature")
    raw_addenda = r.get("addenda") or []
    if not isinstance(raw_addenda, list):
        raise KeyError("addenda")
    if raw_addenda and not note.is_signed:
        raise KeyError("addenda")  # addenda follow a signed note only
    addenda = []
    for a in raw_addenda:
        if not isinstance(a, dict) or not isinstance(a.get("text"), str):
            raise KeyError("addenda")
        signed_at = _dt(a.get("signed_at"), "addenda")
        if signed_at is None:
            raise KeyError("addenda")
        addenda.append(Addendum(id=check.record_id(a.get("id"), "addenda"), note_id=note.id or 0,
                                text=a["text"], signed_at=signed_at, signed_by=_s(a, "signed_by"),
                                signer_credentials=_s(a, "signer_credentials"),
                                content_hash=_s(a, "content_hash"),
                                signature=_seal(a.get("signature"), "addenda")))
    return note, addenda


def _payment(r: dict[str, Any]) -> Payment:
    paid_on = _d(r.get("paid_on"), "paid_on")
    if paid_on is None:
        raise KeyError("paid_on")
    return Payment(id=check.record_id(r.get("id")),
                   appointment_id=check.record_id(r.get("appointment_id"), "appointment_id"),
                   amount=_money(r.get("amount"), "amount"), paid_on=paid_on,
                   method=_s(r, "method"))


def _authorization(r: dict[str, Any]) -> Authorization:
    if not isinstance(r.get("number"), str):
        raise KeyError("number")
    start, end = _d(r.get("start"), "start"), _d(r.get("end"), "end")
    if start is None or end is None:
        raise KeyError("start" if start is None else "end")
    return Authorization(id=check.record_id(r.get("id")),
                         client_id=check.record_id(r.get("client_id"), "client_id"),
                         number=r["number"],
                         sessions_authorized=check.whole(r.get("sessions_authorized"),
                                                         "sessions_authorized", 0,
                                                         check.MAX_SESSIONS),
                         start=start, end=end, payer=_s(r, "payer"))


def _estimate(r: dict[str, Any]) -> GoodFaithEstimate:
    estimate = GoodFaithEstimate.from_dict(r, estimate_id=check.record_id(r.get("id")))
    for day, name in ((estimate.issued_on, "issued_on"), (estimate.period_end, "period_end")):
        check.day(day, name)
    if estimate.period_end < estimate.issued_on:
        raise KeyError("period_end")
    for item in estimate.items:
        check.money(item.unit_fee, "items")
        check.whole(item.quantity, "items", 0, check.MAX_SESSIONS)
    return estimate
