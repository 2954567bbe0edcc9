"""The working day's use cases against a real vault: double bookings, a dragged appointment,
note states on the schedule, search, first steps, the signing check, client details (schema 6)
through the practice JSON, default note formats and file names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.appointments import AppointmentPlan, double_booking, moved_appointment
from app.calendar.schedule import month_grid_days, month_schedule, schedule_between
from app.export_names import note_pdf_name, practice_export_name, superbill_name
from app.first_steps import first_steps, hide_first_steps
from app.notes import start_or_resume_note
from app.practice_json import import_practice, practice_to_dict
from app.search import search_everything
from app.sign_check import (
    MAX_WRONG_PINS,
    SignCheck,
    confirm_signer,
    set_sign_check,
    sign_check,
)
from models.appointment import Appointment, AppointmentStatus, Recurrence
from models.client import Client, Diagnosis, EmergencyContact, Insurance
from models.errors import InvalidInput, WrongPassphrase
from models.note import NoteFormat, NoteSection
from models.note_status import NoteState
from models.practice import PracticeProfile
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

TZ = ZoneInfo("America/New_York")


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


@pytest.fixture
def practice(vault: Vault) -> Vault:
    vault.practice.save(PracticeProfile(clinician_name="Dana Whitfield",
                                        timezone="America/New_York"))
    return vault


def _client(vault: Vault, name: str = "Jordan Reyes", **fields: Any) -> Client:
    return vault.clients.add(Client(legal_name=name, **fields))


def test_double_booking_is_found_for_a_single_a_series_and_a_move(practice: Vault) -> None:
    day = date(2026, 12, 7)
    a, b = _client(practice), _client(practice, "Sam Osei")
    taken = practice.appointments.add(Appointment(a.id, _at(day, 10)))
    assert double_booking(practice, AppointmentPlan(Appointment(b.id, _at(day, 11)))) is None
    clash = double_booking(practice, AppointmentPlan(Appointment(b.id, _at(day, 10)
                                                                 + timedelta(minutes=30))))
    assert clash is not None and clash.other.id == taken.id and clash.other_name == "Jordan Reyes"
    series = AppointmentPlan(Appointment(b.id, _at(day - timedelta(weeks=2), 10)),
                             Recurrence.WEEKLY, 4)
    clash = double_booking(practice, series)
    assert clash is not None and clash.number == 3 and clash.in_series
    # An appointment does not clash with itself, and a cancelled one frees its time.
    assert double_booking(practice, moved_appointment(practice, taken.id, _at(day, 10)
                                                      + timedelta(minutes=15), 50)) is None
    practice.appointments.set_status(taken.id, AppointmentStatus.CANCELLED)
    assert double_booking(practice, AppointmentPlan(Appointment(b.id, _at(day, 10)))) is None


def test_a_dragged_appointment_keeps_everything_but_its_time(practice: Vault) -> None:
    appt = practice.appointments.add(Appointment(_client(practice).id, _at(date(2026, 12, 7),
                                                                          10), location="2B"))
    plan = moved_appointment(practice, appt.id, _at(date(2026, 12, 8), 14), 80)
    moved = plan.appointment
    assert (moved.id, moved.location, moved.minutes) == (appt.id, "2B", 80)
    with pytest.raises(InvalidInput):
        moved_appointment(practice, appt.id, _at(date(2026, 12, 8), 14), 0)


def test_schedules_carry_note_states_and_working_hours(practice: Vault) -> None:
    practice.practice.save(replace(practice.practice.get(), working_hours="07:00-15:30",
                                   working_days="123"))
    day = date(2026, 12, 7)
    client = _client(practice)
    attended = practice.appointments.add(Appointment(client.id, _at(day, 9),
                                                     status=AppointmentStatus.ATTENDED))
    signed = practice.appointments.add(Appointment(client.id, _at(day, 11),
                                                   status=AppointmentStatus.ATTENDED))
    later = practice.appointments.add(Appointment(client.id, _at(day, 15)))
    note = start_or_resume_note(practice, signed.id)
    note.sections = [NoteSection("Data", "x")]
    practice.notes.save_draft(note)
    practice.notes.sign(note.id, "Dana", "LCSW", datetime.now(UTC))
    now = _at(day, 12)
    s = schedule_between(practice, day, day, now=now)
    assert [s.note_state_of(a) for a in (attended, signed, later)] == [
        NoteState.NONE, NoteState.SIGNED, NoteState.NOT_NEEDED]
    assert s.with_notes == frozenset({signed.id})
    assert s.working_days == "123" and [t.hour for t in s.work_hours] == [7, 15]
    assert schedule_between(practice, day, day, now=now + timedelta(days=2)).note_state_of(
        attended) is NoteState.OVERDUE


def test_month_schedule_covers_whole_weeks() -> None:
    first, last = month_grid_days(date(2026, 2, 14))
    assert (first, last) == (date(2026, 1, 26), date(2026, 3, 1))
    assert first.weekday() == 0 and last.weekday() == 6


def test_month_schedule_holds_the_month(practice: Vault) -> None:
    client = _client(practice)
    for day in (date(2026, 1, 26), date(2026, 2, 10), date(2026, 3, 2)):
        practice.appointments.add(Appointment(client.id, _at(day, 10)))
    assert len(month_schedule(practice, date(2026, 2, 1)).appointments) == 2


def test_search_finds_clients_notes_and_appointments(practice: Vault) -> None:
    client = _client(practice, "Eleni Παπαδοπούλου", date_of_birth=date(1987, 4, 23),
                     diagnoses=[Diagnosis("F43.10", "Post-traumatic stress disorder", True)],
                     insurance=Insurance("Evergreen", "M1002398"))
    _client(practice, "Sam Osei")
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    past = practice.appointments.add(Appointment(client.id, now - timedelta(days=7),
                                                 status=AppointmentStatus.ATTENDED))
    nxt = practice.appointments.add(Appointment(client.id, now + timedelta(days=7)))
    note = start_or_resume_note(practice, past.id)
    note.sections = [NoteSection("Data", "Nightmares about the lighthouse,\nsleep poor.")]
    practice.notes.save_draft(note)
    assert search_everything(practice, "e", now=now).empty  # one letter: wait for more
    found = search_everything(practice, "παπαδο", now=now)
    assert [c.name for c in found.clients] == ["Eleni Παπαδοπούλου"]
    assert [a.appointment.id for a in found.appointments] == [nxt.id, past.id]
    assert "M1002398" in found.clients[0].detail
    note_hit = search_everything(practice, "lighthouse sleep", now=now).notes[0]
    assert note_hit.appointment_id == past.id and "\n" not in note_hit.snippet
    assert not note_hit.signed
    for text in ("04/23/1987", "1987-04-23", "F43.1", "stress disorder", "M100"):
        assert [c.name for c in search_everything(practice, text, now=now).clients] == [
            "Eleni Παπαδοπούλου"], text
    assert search_everything(practice, "description", now=now).clients == []  # a JSON key
    on_day = search_everything(practice, (now + timedelta(days=7)).strftime("%m/%d/%Y"),
                               now=now)
    assert [a.appointment.id for a in on_day.appointments] == [nxt.id]


def test_first_steps(practice: Vault) -> None:
    steps = first_steps(practice)
    assert steps.shown and not (steps.has_client or steps.has_appointment)
    client = _client(practice)
    assert first_steps(practice).has_client and first_steps(practice).shown
    practice.appointments.add(Appointment(client.id, _at(date(2026, 12, 7), 10)))
    assert first_steps(practice).done and not first_steps(practice).shown
    hide_first_steps(practice)
    assert first_steps(practice).hidden


def test_sign_check_pin_and_passphrase(practice: Vault) -> None:
    assert sign_check(practice) is SignCheck.NONE
    confirm_signer(practice, None)  # off: nothing asked
    with pytest.raises(InvalidInput):
        set_sign_check(practice, SignCheck.PIN, "12a4")
    set_sign_check(practice, SignCheck.PIN, "4321")
    stored = str(practice.settings.get("notes.sign_pin_hash"))
    assert "4321" not in stored and stored.startswith("$argon2")
    with pytest.raises(WrongPassphrase):
        confirm_signer(practice, "1234")
    with pytest.raises(WrongPassphrase):
        confirm_signer(practice, None)
    confirm_signer(practice, "4321")
    set_sign_check(practice, SignCheck.PASSPHRASE)
    assert practice.settings.get("notes.sign_pin_hash") == ""
    with pytest.raises(WrongPassphrase):
        confirm_signer(practice, "4321")
    confirm_signer(practice, PASSPHRASE)


def test_five_wrong_pins_leave_only_the_passphrase(practice: Vault) -> None:
    set_sign_check(practice, SignCheck.PIN, "4321")
    confirm_signer(practice, PASSPHRASE)  # the passphrase always signs in PIN mode
    for _ in range(MAX_WRONG_PINS - 1):
        with pytest.raises(WrongPassphrase, match="not the PIN"):
            confirm_signer(practice, "0000")
    confirm_signer(practice, "4321")  # a right PIN before the limit starts the count again
    for _ in range(MAX_WRONG_PINS - 1):
        with pytest.raises(WrongPassphrase, match="not the PIN"):
            confirm_signer(practice, "1111")
    with pytest.raises(WrongPassphrase, match="Too many wrong PINs"):
        confirm_signer(practice, "2222")
    with pytest.raises(WrongPassphrase, match="Too many wrong PINs"):
        confirm_signer(practice, "4321")  # now even the right PIN is refused
    confirm_signer(practice, PASSPHRASE)
    confirm_signer(practice, "4321")  # the passphrase gave the PIN back


def test_client_details_survive_the_vault_and_the_practice_json(practice: Vault,
                                                                data_dir: Any) -> None:
    client = _client(practice, emergency_contact=EmergencyContact("Lee", "brother", "555"),
                     contact_method="email", referral_source="Dr. Amara Lee",
                     note_format="birp")
    stored = practice.clients.get(client.id)
    assert stored.emergency_contact == EmergencyContact("Lee", "brother", "555")
    assert (stored.contact_method, stored.referral_source, stored.note_format) == (
        "email", "Dr. Amara Lee", "birp")
    data = practice_to_dict(practice)
    other, _ = Vault.create(data_dir / "other", PASSPHRASE)
    try:
        import_practice(other, data)
        again = other.clients.get(client.id)
        assert again.emergency_contact.name == "Lee" and again.note_format == "birp"
    finally:
        other.close()
    data["clients"][0]["contact_method"] = "carrier pigeon"
    third, _ = Vault.create(data_dir / "third", PASSPHRASE)
    try:
        with pytest.raises(InvalidInput):
            import_practice(third, data)
    finally:
        third.close()


def test_a_new_note_starts_in_the_clients_format_else_the_practices(practice: Vault) -> None:
    practice.practice.save(replace(practice.practice.get(), default_note_format="dap"))
    plain = _client(practice)
    chosen = _client(practice, "Sam Osei", note_format="girp")
    for client, expected in ((plain, NoteFormat.DAP), (chosen, NoteFormat.GIRP)):
        appt = practice.appointments.add(Appointment(
            client.id, _at(date(2026, 12, 7), 9 + (client.id or 0)),
            status=AppointmentStatus.ATTENDED))
        assert start_or_resume_note(practice, appt.id).format is expected


def test_file_names_say_what_they_are_without_a_client() -> None:
    assert note_pdf_name(date(2026, 12, 1)) == "2026-12-01 progress note.pdf"
    assert note_pdf_name(date(2026, 12, 1), signed=False) == "2026-12-01 progress note (draft).pdf"
    assert superbill_name(date(2026, 11, 1), date(2026, 11, 30)) == "2026-11 superbill.pdf"
    assert superbill_name(date(2026, 11, 1), date(2026, 11, 15)) == (
        "2026-11-01 to 2026-11-15 superbill.pdf")
    assert practice_export_name(date(2026, 12, 1)).startswith("2026-12-01 ")


def test_the_demo_practice_shows_client_details(tmp_path: Any) -> None:
    from app.demo import build_demo_practice

    vault, _ = Vault.create(tmp_path / "demo", "pw")
    with vault:
        build_demo_practice(vault, today=date(2026, 5, 13))
        clients = vault.clients.list()
        filled = [c for c in clients if not c.emergency_contact.is_empty()]
        assert len(clients) // 2 < len(filled) < len(clients)  # most, not all
        first = clients[0]
        assert first.emergency_contact.one_line() == "Jordan Kim (partner), 555-0210"
        assert first.contact_method == "text" and first.referral_source.startswith("Dr. ")
        assert all(c.contact_method for c in filled)
        assert vault.audit.verify().ok
