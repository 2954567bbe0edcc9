"""CPT suggestion at its boundaries, place of service, modifiers, units, fee policy and
authorization rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from models.appointment import Appointment, AppointmentStatus, Modality, Service
from models.billing import (
    Authorization,
    AuthWarningKind,
    CodedService,
    FeePolicy,
    Payment,
    authorization_warnings,
    beyond_authorization,
    coded_service,
    cpt_suggestion,
    crisis_add_on_units,
    diagnosis_pointers,
    is_billable,
    missed_session_fee,
    modifiers_for,
    no_code_reason,
    npi_is_valid,
    place_of_service,
    session_fee,
    sessions_used,
    suggest_cpt,
    units_for,
)

TZ = ZoneInfo("America/New_York")


@pytest.mark.parametrize(("minutes", "code"), [
    (1, ""), (15, ""), (16, "90832"), (30, "90832"), (37, "90832"), (38, "90834"),
    (45, "90834"), (52, "90834"), (53, "90837"), (60, "90837"), (90, "90837"),
])
def test_individual_psychotherapy_by_minutes(minutes: int, code: str) -> None:
    assert suggest_cpt(Service.INDIVIDUAL, minutes) == code


@pytest.mark.parametrize(("service", "minutes", "present", "code"), [
    (Service.FAMILY, 25, True, ""), (Service.FAMILY, 26, True, "90847"),
    (Service.FAMILY, 26, False, "90846"), (Service.FAMILY, 50, False, "90846"),
    (Service.COUPLE, 25, True, ""), (Service.COUPLE, 50, True, "90847"),
])
def test_family_needs_26_minutes(service: Service, minutes: int, present: bool,
                                 code: str) -> None:
    assert suggest_cpt(service, minutes, client_present=present) == code


def test_intake_and_group_do_not_depend_on_minutes() -> None:
    assert suggest_cpt(Service.INTAKE, 20) == "90791"
    assert suggest_cpt(Service.INTAKE, 90) == "90791"
    assert suggest_cpt("group", 90) == "90853"
    assert suggest_cpt(Service.GROUP, 10) == "90853"


def test_no_code_comes_with_a_plain_reason() -> None:
    short = cpt_suggestion(Service.INDIVIDUAL, 15)
    assert short.code == ""
    assert short.reason == ("A 15-minute session is shorter than the 16 minutes psychotherapy "
                            "(90832) requires, so no code is suggested.")
    couple = cpt_suggestion(Service.COUPLE, 20)
    assert couple.code == "" and "20-minute couple session" in couple.reason
    assert "26 minutes" in couple.reason
    assert cpt_suggestion(Service.INDIVIDUAL, 16) == cpt_suggestion(Service.INDIVIDUAL, 37)
    assert cpt_suggestion(Service.INDIVIDUAL, 16).reason == ""
    # The reason follows the appointment; the therapist's own code silences it (editable).
    assert "15-minute" in no_code_reason(_appt(minutes=15))
    assert no_code_reason(_appt(minutes=15, cpt_code="90832")) == ""
    assert coded_service(_appt(minutes=15, cpt_code="90832")).primary == "90832"
    assert no_code_reason(_appt(minutes=50)) == ""


def test_couple_is_billed_as_family_psychotherapy() -> None:
    assert suggest_cpt(Service.COUPLE, 26) == "90847"
    assert suggest_cpt(Service.COUPLE, 50, client_present=False) == "90846"
    appt = _appt(minutes=50, service=Service.COUPLE)
    assert coded_service(appt).primary == "90847"
    assert coded_service(replace(appt, cpt_code="90846")).primary == "90846"


def test_telehealth_line_codes() -> None:
    # POS and modifier come from the practice setting: 10 or 02, and 95 by default.
    assert (place_of_service("telehealth", "02"), modifiers_for("telehealth", "95")) == (
        "02", ("95",))
    assert (place_of_service("office", "10"), modifiers_for("office", "95")) == ("11", ())


def test_crisis_codes_and_units() -> None:
    # Under 30 minutes a crisis session is ordinary psychotherapy (CPT's rule).
    assert suggest_cpt(Service.INDIVIDUAL, 29, crisis=True) == "90832"
    assert suggest_cpt(Service.INDIVIDUAL, 10, crisis=True) == ""
    assert suggest_cpt(Service.INDIVIDUAL, 30, crisis=True) == "90839"
    assert crisis_add_on_units(74) == 0
    assert crisis_add_on_units(75) == 1
    assert crisis_add_on_units(104) == 1
    assert crisis_add_on_units(105) == 2
    assert units_for("90840", 105) == 2
    assert units_for("90834", 50) == 1


def test_place_of_service_and_modifier() -> None:
    assert place_of_service(Modality.OFFICE) == "11"
    assert place_of_service(Modality.OFFICE, "02") == "11"
    assert place_of_service(Modality.TELEHEALTH) == "10"
    assert place_of_service(Modality.TELEHEALTH, "02") == "02"
    with pytest.raises(ValueError):
        place_of_service(Modality.TELEHEALTH, "99")
    assert modifiers_for(Modality.TELEHEALTH) == ("95",)
    assert modifiers_for(Modality.TELEHEALTH, "") == ()
    assert modifiers_for(Modality.OFFICE) == ()


def _appt(**kw: object) -> Appointment:
    base: dict[str, object] = {"client_id": 1, "start": datetime(2026, 3, 2, 10, tzinfo=TZ),
                               "id": 1}
    base.update(kw)
    return Appointment(**base)  # type: ignore[arg-type]


def test_choice_wins_over_suggestion_and_add_ons_keep_units() -> None:
    assert coded_service(_appt(minutes=50)) == CodedService("90834")
    assert coded_service(_appt(minutes=50, cpt_code="90837")).primary == "90837"
    coded = coded_service(_appt(minutes=50, add_on_codes=["90785"]))
    assert coded.add_ons == (("90785", 1),)
    crisis = coded_service(_appt(minutes=110, cpt_code="90839"))
    assert crisis.add_ons == (("90840", 2),)
    assert crisis.all_codes == ("90839", "90840")


def test_session_fee_from_appointment_or_schedule() -> None:
    fees = {"90834": Decimal("150.00"), "90785": Decimal("20.00")}
    appt = _appt(minutes=50, add_on_codes=["90785"])
    assert session_fee(appt, coded_service(appt), fees) == Decimal("170.00")
    own = _appt(minutes=50, fee=Decimal("99.5"))
    assert session_fee(own, coded_service(own), fees) == Decimal("99.50")
    assert isinstance(session_fee(own, coded_service(own), fees), Decimal)


def test_fee_policy_for_missed_sessions() -> None:
    policy = FeePolicy(late_cancel_fee=Decimal("50"), no_show_fee=Decimal("0"))
    assert missed_session_fee(AppointmentStatus.LATE_CANCEL, policy) == Decimal("50.00")
    assert missed_session_fee(AppointmentStatus.NO_SHOW, policy) == Decimal("0.00")
    assert missed_session_fee(AppointmentStatus.ATTENDED, policy) == Decimal("0.00")
    assert is_billable(_appt(status=AppointmentStatus.LATE_CANCEL), policy)
    assert not is_billable(_appt(status=AppointmentStatus.NO_SHOW), policy)
    assert not is_billable(_appt(status=AppointmentStatus.CANCELLED), policy)
    assert is_billable(_appt(status=AppointmentStatus.ATTENDED), FeePolicy())
    assert FeePolicy.from_json(policy.to_json()) == policy
    assert FeePolicy.from_json({"no_show_fee": "abc"}) == FeePolicy()
    assert FeePolicy.from_json(None) == FeePolicy()


def test_npi_check_digit() -> None:
    assert npi_is_valid("1234567893")  # the CMS example
    assert not npi_is_valid("1234567890")
    assert not npi_is_valid("123456789")
    assert not npi_is_valid("12345678931")
    assert not npi_is_valid("12345678a3")
    assert npi_is_valid("1245319599")


def test_diagnosis_pointers() -> None:
    assert diagnosis_pointers(0) == ""
    assert diagnosis_pointers(2) == "AB"
    assert diagnosis_pointers(9) == "ABCD"


def test_payment_and_authorization_shapes() -> None:
    pay = Payment(appointment_id=3, amount=Decimal("10.00"), paid_on=date(2026, 1, 2),
                  method="card")
    assert pay.id is None
    auth = Authorization(client_id=1, number="A1", sessions_authorized=2,
                         start=date(2026, 1, 1), end=date(2026, 6, 30))
    assert auth.payer == "" and auth.id is None


def _sessions(n: int, first: date) -> list[Appointment]:
    return [_appt(id=i + 1, start=datetime.combine(first + timedelta(weeks=i),
                                                   datetime.min.time(), TZ).replace(hour=10),
                  status=AppointmentStatus.ATTENDED) for i in range(n)]


def test_authorization_warns_at_one_session_left_and_near_the_end() -> None:
    auth = Authorization(client_id=1, number="PA-7", sessions_authorized=5,
                         start=date(2026, 1, 1), end=date(2026, 12, 31))
    today = date(2026, 3, 1)
    assert authorization_warnings(auth, _sessions(3, date(2026, 1, 5)), today) == []
    kinds = [w.kind for w in authorization_warnings(auth, _sessions(4, date(2026, 1, 5)), today)]
    assert kinds == [AuthWarningKind.LAST_SESSION]
    kinds = [w.kind for w in authorization_warnings(auth, _sessions(5, date(2026, 1, 5)), today)]
    assert kinds == [AuthWarningKind.NONE_LEFT]
    ending = authorization_warnings(auth, [], date(2026, 12, 17))
    assert [w.kind for w in ending] == [AuthWarningKind.ENDING_SOON]
    assert "14 days" in ending[0].message
    assert authorization_warnings(auth, [], date(2026, 12, 16)) == []
    assert authorization_warnings(auth, [], date(2027, 1, 1)) == []  # expired: not current


def test_scheduling_past_the_authorization_is_explained() -> None:
    auth = Authorization(client_id=1, number="PA-7", sessions_authorized=2,
                         start=date(2026, 1, 1), end=date(2026, 3, 31))
    used = _sessions(2, date(2026, 1, 5))
    new = _appt(id=99, start=datetime(2026, 2, 20, 10, tzinfo=TZ))
    assert "already used or booked" in beyond_authorization(new, [auth], used)
    assert beyond_authorization(new, [auth], used[:1]) == ""
    late = _appt(id=99, start=datetime(2026, 4, 2, 10, tzinfo=TZ))
    assert "outside the authorization dates" in beyond_authorization(late, [auth], [])
    assert beyond_authorization(late, [], []) == ""  # private pay: nothing to check
    # Rescheduling an appointment already counted does not count it twice.
    assert beyond_authorization(used[1], [auth], used) == ""


def test_unsaved_sessions_count_and_only_a_stored_one_is_left_out() -> None:
    auth = Authorization(client_id=1, number="PA-7", sessions_authorized=5,
                         start=date(2026, 1, 1), end=date(2026, 3, 31))
    planned = [replace(a, id=None) for a in _sessions(3, date(2026, 1, 5))]  # a series, unsaved
    assert sessions_used(auth, planned) == 3
    stored = _sessions(3, date(2026, 2, 2))
    assert sessions_used(auth, planned + stored, exclude_id=stored[0].id) == 5


# --- fees for a client: the fee schedule for the suggested code, or the sliding scale ----------

def test_quote_takes_the_fee_schedule_for_the_suggested_code() -> None:
    from models.billing import quote_fee

    fees = {"90791": Decimal("200.00"), "90834": Decimal("150.00")}
    intake = quote_fee(Service.INTAKE, 60, fees)
    assert (intake.code, intake.fee, intake.source) == ("90791", Decimal("200.00"),
                                                        "fee schedule")
    assert quote_fee(Service.INDIVIDUAL, 45, fees).fee == Decimal("150.00")
    missing = quote_fee(Service.INDIVIDUAL, 60, fees)  # 90837 has no fee
    assert (missing.code, missing.fee, missing.source) == ("90837", Decimal("0.00"), "")
    short = quote_fee(Service.INDIVIDUAL, 10, fees)
    assert short.code == "" and "16 minutes" in short.reason
    sliding = quote_fee(Service.INDIVIDUAL, 45, fees, Decimal("80"))
    assert (sliding.code, sliding.fee, sliding.source) == ("90834", Decimal("80.00"),
                                                           "sliding scale")


def test_session_fee_order_own_fee_sliding_scale_schedule() -> None:
    from models.billing import coded_service, session_fee

    fees = {"90834": Decimal("150.00"), "90785": Decimal("25.00")}
    appt = Appointment(client_id=1, start=datetime(2026, 3, 2, 10, tzinfo=TZ), minutes=45,
                       status=AppointmentStatus.ATTENDED, add_on_codes=["90785"])
    coded = coded_service(appt)
    assert session_fee(appt, coded, fees) == Decimal("175.00")
    assert session_fee(appt, coded, fees, Decimal("90")) == Decimal("90.00")
    appt.fee = Decimal("120")
    assert session_fee(appt, coded, fees, Decimal("90")) == Decimal("120.00")
