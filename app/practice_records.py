"""One record of a practice file (docs/practice-json.md) read into its model object.

Each reader takes the record as the file holds it and returns the model (a Client, a Note and
its addenda, ...) or raises KeyError, TypeError or ValueError, which app/practice_json.py turns
into one plain sentence naming the record. Value ranges are checked by app/practice_checks.py.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from app import practice_checks as check
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
from models.flags import Flag
from models.good_faith import GoodFaithEstimate
from models.insurance import BillingKind, Insurance, billing_kind_for
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
from storage.codec import local_value
from storage.repositories.practice import profile_from_dict

T = TypeVar("T")


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


def practice_from(raw: Any) -> PracticeProfile:
    if not isinstance(raw, dict):
        raise ValueError("practice is not an object")
    _texts(raw.get("address"), Address)
    profile = profile_from_dict(raw)
    for f in fields(profile):
        if f.name != "address" and not isinstance(getattr(profile, f.name), str):
            raise KeyError(f.name)
    check.zone(profile.timezone)
    return profile


def money_from(value: Any, field: str) -> Decimal:
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


def client_from(r: dict[str, Any]) -> Client:
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
        sliding_fee=money_from(r.get("sliding_fee") or "0", "sliding_fee"), sex=_s(r, "sex"),
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


def goal_from(r: Any, client_id: int | None) -> Goal:
    if not isinstance(r, dict) or not isinstance(r.get("text"), str):
        raise KeyError("goals")
    return Goal(id=check.record_id(r.get("id")), client_id=client_id or 0, text=r["text"],
                status=GoalStatus(r.get("status", "active")),
                target_date=_d(r.get("target_date"), "target_date"))


def appointment_from(r: dict[str, Any]) -> Appointment:
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
        fee=money_from(r.get("fee", "0"), "fee"),
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


def note_from(r: dict[str, Any]) -> tuple[Note, list[Addendum]]:
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


def payment_from(r: dict[str, Any]) -> Payment:
    paid_on = _d(r.get("paid_on"), "paid_on")
    if paid_on is None:
        raise KeyError("paid_on")
    return Payment(id=check.record_id(r.get("id")),
                   appointment_id=check.record_id(r.get("appointment_id"), "appointment_id"),
                   amount=money_from(r.get("amount"), "amount"), paid_on=paid_on,
                   method=_s(r, "method"))


def authorization_from(r: dict[str, Any]) -> Authorization:
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


def estimate_from(r: dict[str, Any]) -> GoodFaithEstimate:
    estimate = GoodFaithEstimate.from_dict(r, estimate_id=check.record_id(r.get("id")))
    for day, name in ((estimate.issued_on, "issued_on"), (estimate.period_end, "period_end")):
        check.day(day, name)
    if estimate.period_end < estimate.issued_on:
        raise KeyError("period_end")
    for item in estimate.items:
        check.money(item.unit_fee, "items")
        check.whole(item.quantity, "items", 0, check.MAX_SESSIONS)
    return estimate
