"""The repository API others build on: clients, goals, appointments, notes, billing, settings."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from models.appointment import Appointment, AppointmentStatus, Modality, Recurrence
from models.billing import Authorization, Payment
from models.client import Client, ClientStatus, Diagnosis, Goal, GoalStatus, Insurance
from models.common import Address
from models.errors import NoteLocked, VaultError
from models.flags import Flag, FlagKind
from models.note import Note, NoteFormat, NoteSection, NoteStatus, content_hash
from models.practice import PracticeProfile
from storage.vault import Vault

NY = ZoneInfo("America/New_York")


def _client(vault: Vault, name: str = "Maya Thornton", **kw: object) -> Client:
    return vault.clients.add(Client(name, **kw))  # type: ignore[arg-type]


def _appt(vault: Vault, client_id: int, day: int = 2) -> Appointment:
    return vault.appointments.add(Appointment(client_id, datetime(2026, 3, day, 10, tzinfo=NY),
                                              fee=Decimal("150.00")))


def test_practice_profile_round_trip(vault: Vault) -> None:
    assert vault.practice.get() == PracticeProfile()
    profile = PracticeProfile(clinician_name="Jordan Avery", npi="1234567893",
                              address=Address("1 Main St", "Ithaca", "NY", "14850"))
    vault.practice.save(profile)
    assert vault.practice.get() == profile


def test_client_round_trip_and_update(vault: Vault) -> None:
    client = Client("Ελένη Παπαδοπούλου", preferred_name="Eleni", pronouns="she/her",
                    date_of_birth=date(1979, 9, 3), insurance=Insurance("Payer", "M1", "G1"),
                    diagnoses=[Diagnosis("F32.1", "MDD", True), Diagnosis("F41.1")],
                    ai_consent=True, ai_consent_date=date(2026, 1, 5),
                    address=Address("2 Oak", "Ithaca", "NY", "14850"))
    stored = vault.clients.add(client)
    assert stored.id is not None and stored.created_at is not None
    got = vault.clients.get(stored.id)
    assert got == stored
    got.phone = "555-0199"
    assert vault.clients.update(got).phone == "555-0199"
    with pytest.raises(VaultError, match="not found"):
        vault.clients.get(999)


def test_client_list_sorts_filters_and_searches(vault: Vault) -> None:
    _client(vault, "Zoe Adams")
    eleni = _client(vault, "Ελένη Παπαδοπούλου", preferred_name="Eleni")
    _client(vault, "陈美玲", preferred_name="Meiling")
    _client(vault, "adam Young")
    assert [c.legal_name for c in vault.clients.list()][:2] == ["adam Young", "Zoe Adams"]
    assert [c.id for c in vault.clients.list(search="ΕΛΈΝΗ")] == [eleni.id]
    assert [c.legal_name for c in vault.clients.list(search="美玲")] == ["陈美玲"]
    vault.clients.discharge(eleni.id or 0, date(2026, 5, 1))
    assert vault.clients.get(eleni.id or 0).status is ClientStatus.DISCHARGED
    assert eleni.id not in [c.id for c in vault.clients.list(active_only=True)]
    vault.clients.set_last_note_format(eleni.id or 0, "dap")
    assert vault.clients.get(eleni.id or 0).last_note_format == "dap"


def test_goals(vault: Vault) -> None:
    client = _client(vault)
    goal = vault.goals.add(Goal(client.id or 0, "Sleep 7 hours", target_date=date(2026, 6, 1)))
    goal.status = GoalStatus.MET
    vault.goals.update(goal)
    assert vault.goals.for_client(client.id or 0) == [goal]


def test_appointment_series_keep_wall_clock_across_dst(vault: Vault) -> None:
    client = _client(vault)
    first = Appointment(client.id or 0, datetime(2026, 3, 1, 10, tzinfo=NY))
    series = vault.appointments.add_series(first, Recurrence.BIWEEKLY, 3)
    assert [a.start.hour for a in series] == [10, 10, 10]
    assert len({a.series_id for a in series}) == 1 and series[0].series_id
    assert len({a.uid for a in series}) == 3
    stored = vault.appointments.get(series[1].id or 0)
    assert stored.start == datetime(2026, 3, 15, 10, tzinfo=NY)
    assert stored.start.tzinfo == NY


def test_appointment_update_bumps_sequence_only_for_calendar_changes(vault: Vault) -> None:
    client = _client(vault)
    appt = _appt(vault, client.id or 0)
    appt.location = "Office 2"
    appt = vault.appointments.update(appt)
    assert appt.sequence == 0
    appt.modality = Modality.TELEHEALTH
    appt = vault.appointments.update(appt)
    assert appt.sequence == 1
    moved = vault.appointments.set_status(appt.id or 0, AppointmentStatus.CANCELLED)
    assert moved.sequence == 2 and moved.uid == appt.uid
    assert vault.appointments.get(appt.id or 0) == moved


def test_appointments_between_and_for_client(vault: Vault) -> None:
    a = _client(vault, "A Person")
    b = _client(vault, "B Person")
    for day in (2, 3, 4):
        _appt(vault, a.id or 0, day)
    _appt(vault, b.id or 0, 3)
    start = datetime(2026, 3, 3, tzinfo=NY)
    end = start + timedelta(days=1)
    assert len(vault.appointments.between(start, end)) == 2
    assert len(vault.appointments.between(start, end, client_id=b.id)) == 1
    # the same instant expressed in UTC finds the same appointments
    assert len(vault.appointments.between(start.astimezone(UTC), end.astimezone(UTC))) == 2
    assert [x.start.day for x in vault.appointments.for_client(a.id or 0)] == [2, 3, 4]
    assert len(vault.appointments.all()) == 4


def test_appointment_for_missing_client_is_refused(vault: Vault) -> None:
    with pytest.raises(VaultError):
        _appt(vault, 42)


def _draft(vault: Vault) -> Note:
    client = _client(vault)
    appt = _appt(vault, client.id or 0)
    note = Note(appt.id or 0, client.id or 0, format=NoteFormat.SOAP,
                prompts={"risk": "denied SI"},
                flags=[Flag(FlagKind.UNGROUNDED, "Subjective", "Not in the prompt.",
                            "Client reported insomnia.", acknowledged=False)],
                sections=[NoteSection("Subjective", "Client reported insomnia and worry.")],
                process_notes="private thoughts", risk_not_assessed=True)
    return vault.notes.save_draft(note)


def test_note_draft_insert_update_and_lookups(vault: Vault) -> None:
    note = _draft(vault)
    assert note.id is not None
    assert vault.notes.get(note.id) == note
    note.sections[0].text = "Client reported better sleep."
    updated = vault.notes.save_draft(note)
    assert updated.id == note.id
    assert vault.notes.for_appointment(note.appointment_id) == updated
    assert vault.notes.for_client(note.client_id) == [updated]
    assert vault.notes.unsigned() == [updated]
    assert vault.notes.all() == [updated]


def test_a_stored_flag_of_an_unknown_kind_is_left_out_not_fatal(
        vault: Vault, caplog: pytest.LogCaptureFixture) -> None:
    note = _draft(vault)
    newer = {"kind": "from_a_newer_version", "section": None, "message": "?", "text": ""}
    vault.connection.execute("UPDATE notes SET flags = ? WHERE id = ?",
                             (json.dumps([newer, note.flags[0].to_dict()]), note.id))
    assert vault.notes.get(note.id or 0).flags == note.flags
    assert f"note {note.id}: a flag of an unknown kind" in caplog.text


def test_sign_locks_the_note_and_addenda_follow(vault: Vault) -> None:
    note = _draft(vault)
    at = datetime(2026, 3, 2, 18, tzinfo=NY)
    signed = vault.notes.sign(note.id or 0, "Jordan Avery", "LCSW", at)
    assert signed.status is NoteStatus.SIGNED and signed.content_hash == content_hash(signed)
    assert vault.notes.get(note.id or 0) == signed
    assert vault.notes.unsigned() == []
    with pytest.raises(NoteLocked):
        vault.notes.save_draft(signed)
    draft_again = vault.notes.get(note.id or 0)
    draft_again.status = NoteStatus.DRAFT
    with pytest.raises(NoteLocked):
        vault.notes.save_draft(draft_again)
    with pytest.raises(NoteLocked):
        vault.notes.sign(note.id or 0, "Jordan Avery", "LCSW", at)
    with pytest.raises(NoteLocked):
        vault.notes.delete_draft(note.id or 0)
    add = vault.notes.add_addendum(note.id or 0, "Late entry.", "Jordan Avery", "LCSW",
                                   at + timedelta(days=1))
    assert vault.notes.addenda(note.id or 0) == [add]
    assert vault.notes.signed_between(at - timedelta(hours=1), at + timedelta(hours=1)) == [signed]
    assert vault.notes.signed_between(at + timedelta(hours=1), at + timedelta(days=2)) == []


def test_addendum_to_a_draft_is_refused(vault: Vault) -> None:
    note = _draft(vault)
    with pytest.raises(NoteLocked, match="still a draft"):
        vault.notes.add_addendum(note.id or 0, "x", "J", "", datetime.now(UTC))


def test_full_text_search(vault: Vault) -> None:
    note = _draft(vault)
    assert vault.notes.search("insomnia") == [note.id]
    assert vault.notes.search("INSOM") == [note.id]  # prefix, any case
    assert vault.notes.search("insomnia worry") == [note.id]
    assert vault.notes.search("insomnia elephants") == []
    assert vault.notes.search('"unbalanced AND OR (') == []  # FTS syntax cannot leak in
    assert vault.notes.search("") == []
    note.sections[0].text = "Now about elephants."
    vault.notes.save_draft(note)
    assert vault.notes.search("insomnia") == []
    assert vault.notes.search("elephants") == [note.id]


def test_billing_and_settings(vault: Vault) -> None:
    client = _client(vault)
    appt = _appt(vault, client.id or 0)
    pay = vault.billing.payments.add(Payment(appt.id or 0, Decimal("20.50"), date(2026, 3, 2),
                                             "card"))
    assert vault.billing.payments.for_appointment(appt.id or 0) == [pay]
    assert vault.billing.payments.for_client(client.id or 0) == [pay]
    auth = vault.billing.authorizations.add(Authorization(
        client.id or 0, "A-1", 12, date(2026, 1, 1), date(2026, 6, 30), "Payer"))
    auth.sessions_authorized = 20
    vault.billing.authorizations.update(auth)
    assert vault.billing.authorizations.for_client(client.id or 0) == [auth]
    vault.billing.fees.set("90834", Decimal("150.00"))
    vault.billing.fees.set("90834", Decimal("155.00"))
    assert vault.billing.fees.get_all() == {"90834": Decimal("155.00")}
    assert vault.settings.get("missing", 3) == 3
    vault.settings.set("ics", {"names": False, "path": "/x"})
    assert vault.settings.get("ics") == {"names": False, "path": "/x"}
