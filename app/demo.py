"""A fictitious practice for trying Stillnote: about 12 clients, three months of appointments
either side of today, signed notes (some with addenda) and drafts, intake assessments and
treatment plans (app/documents/demo.py). Billing covers every kind of
client: insured (one a dependent on a parent's plan, one with a second plan), self-pay with
Good Faith Estimates (one on a sliding scale), and a new self-pay client whose estimate is due.

Every person, payer and number here is invented (NPI 1234567893 is the standard test number).
The data is reproducible: the same ``today`` gives the same practice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.demo_details import add_demo_client_details
from app.documents.demo import add_demo_documents
from app.measures.demo import add_demo_measures
from models.appointment import Appointment, AppointmentStatus, Modality, Recurrence, Service
from models.billing import Authorization, Payment, sessions_used
from models.client import Client, Diagnosis, Goal
from models.common import Address
from models.good_faith import GoodFaithEstimate, describe_course, estimate_items, period_end_for
from models.insurance import BillingKind, Insurance, Relationship, Subscriber
from models.note import FORMAT_HEADINGS, Note, NoteFormat, NoteSection
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault

TIMEZONE = "America/New_York"

PRACTICE = PracticeProfile(
    practice_name="Stillwater Counseling (demo)", clinician_name="Jordan Avery",
    credentials="LCSW", license_number="LCSW-000123", license_state="NY", npi="1234567893",
    taxonomy_code="1041C0700X", tax_id="12-3456789", tax_id_kind="EIN",
    address=Address("100 Example Street, Suite 4", "Ithaca", "NY", "14850"),
    phone="555-0100", email="office@stillwater.example", timezone=TIMEZONE)

FEES = {"90791": Decimal("200.00"), "90832": Decimal("110.00"), "90834": Decimal("150.00"),
        "90837": Decimal("190.00"), "90846": Decimal("160.00"), "90847": Decimal("170.00")}

# Where each (invented) payer wants paper claims.
PAYER_ADDRESSES = {
    "Blue Harbor Health": Address("PO Box 2210", "Albany", "NY", "12220"),
    "Evergreen Mutual": Address("PO Box 7781", "Syracuse", "NY", "13221"),
    "Lakeside Health Plan": Address("PO Box 450", "Rochester", "NY", "14603"),
}


@dataclass(frozen=True)
class _DemoClient:
    legal: str
    preferred: str
    pronouns: str
    born: date
    dx: tuple[tuple[str, str], ...]
    goals: tuple[str, ...]
    payer: str  # "" = self-pay
    recurrence: Recurrence
    hour: int
    service: Service = Service.INDIVIDUAL
    modality: Modality = Modality.OFFICE
    sex: str = "F"
    # (name, born, sex, relationship) of the policy holder when the client is a dependent
    holder: tuple[str, date, str, Relationship] | None = None
    secondary: str = ""  # a second plan's payer (through the spouse)
    sliding_fee: Decimal = Decimal("0")


_CLIENTS: tuple[_DemoClient, ...] = (
    _DemoClient("Maya Thornton", "", "she/her", date(1988, 4, 12),
                (("F41.1", "Generalized anxiety disorder"),),
                ("Reduce worry episodes to fewer than 3 per week", "Sleep 7 hours most nights"),
                "Blue Harbor Health", Recurrence.WEEKLY, 9),
    _DemoClient("Ελένη Παπαδοπούλου", "Eleni", "she/her", date(1979, 9, 3),
                (("F32.1", "Major depressive disorder, single episode, moderate"),),
                ("Resume two valued activities per week",), "Evergreen Mutual",
                Recurrence.WEEKLY, 10, modality=Modality.TELEHEALTH),
    _DemoClient("陈美玲", "Meiling", "she/her", date(1995, 1, 27),
                (("F43.10", "Post-traumatic stress disorder, unspecified"),
                 ("F41.1", "Generalized anxiety disorder")),
                ("Use grounding skills when triggered", "Reduce avoidance of the subway"),
                "Blue Harbor Health", Recurrence.WEEKLY, 11),
    _DemoClient("Daniel Okafor", "Dan", "he/him", date(1983, 6, 30),
                (("F43.23", "Adjustment disorder with mixed anxiety and depressed mood"),),
                ("Return to full-time work",), "", Recurrence.BIWEEKLY, 13, sex="M"),
    _DemoClient("Sofia Marquez", "", "she/her", date(2001, 11, 8),
                (("F40.10", "Social phobia, unspecified"),),
                ("Speak up once in each seminar",), "Lakeside Health Plan",
                Recurrence.WEEKLY, 14, modality=Modality.TELEHEALTH),
    _DemoClient("Alex Kim", "", "they/them", date(1998, 2, 19),
                (("F33.1", "Major depressive disorder, recurrent, moderate"),),
                ("Keep a daily routine on 5 of 7 days",), "Evergreen Mutual",
                Recurrence.WEEKLY, 15, sex="M"),
    _DemoClient("Priya Raman", "", "she/her", date(1990, 8, 1),
                (("F41.0", "Panic disorder without agoraphobia"),),
                ("Fewer than one panic attack per month",), "", Recurrence.BIWEEKLY, 16,
                sliding_fee=Decimal("90.00")),
    _DemoClient("Thomas Becker", "Tom", "he/him", date(1969, 12, 14),
                (("F34.1", "Dysthymic disorder"),), ("Reconnect with two friends",),
                "Blue Harbor Health", Recurrence.BIWEEKLY, 9, sex="M",
                secondary="Lakeside Health Plan"),
    _DemoClient("Noah Williams", "", "he/him", date(2004, 5, 22),
                (("F90.0", "Attention-deficit hyperactivity disorder, "
                           "predominantly inattentive type"),),
                ("Use a planner for every assignment",), "Lakeside Health Plan",
                Recurrence.WEEKLY, 17, sex="M",
                holder=("Karen Williams", date(1976, 2, 11), "F", Relationship.CHILD)),
    _DemoClient("Grace Liu and Martin Liu", "", "", date(1975, 3, 9),
                (("F43.21", "Adjustment disorder with depressed mood"),),
                ("Resolve one recurring argument with a shared plan",), "",
                Recurrence.BIWEEKLY, 18, service=Service.COUPLE),
    _DemoClient("Hannah Schultz", "", "she/her", date(1986, 7, 17),
                (("F42.2", "Mixed obsessional thoughts and acts"),),
                ("Delay checking rituals by 10 minutes",), "Evergreen Mutual",
                Recurrence.WEEKLY, 12),
    _DemoClient("Samuel Osei", "Sam", "he/him", date(1972, 10, 5),
                (("F43.10", "Post-traumatic stress disorder, unspecified"),),
                ("Sleep through the night 4 nights a week",), "Blue Harbor Health",
                Recurrence.BIWEEKLY, 10, sex="M"),
)

# A new self-pay client: the intake is booked for next week and the Good Faith Estimate is
# not given yet, so Today shows it is due.
_NEW_CLIENT = _DemoClient("Rosa Delgado", "", "she/her", date(1993, 7, 9),
                          (("F41.1", "Generalized anxiety disorder"),),
                          ("Name three coping skills that work at the office",), "",
                          Recurrence.WEEKLY, 11)

# Authorizations: most have sessions to spare and end months away, so Today opens calm; one
# runs out soon and one has a single session left, to show what the warnings look like.
_AUTH_SESSIONS = 40
_AUTH_ENDS_SOON = 4  # index in _CLIENTS: ends in 10 days
_AUTH_LAST_SESSION = 10  # index in _CLIENTS: one authorized session left
# Clients whose sessions 11-24 days ago recorded passive ideation with a safety plan (signed:
# only notes of the last 10 days stay drafts), so the Risk follow-up page shows something.
_RISK_CLIENTS = (1, 5)
_ELEVATED_RISK = "passive suicidal ideation without plan or intent; safety plan reviewed"

_CONCERNS = ("worry about work deadlines", "low mood most mornings", "trouble falling asleep",
             "conflict at home over chores", "anxiety before social events",
             "intrusive memories after a news story")
_INTERVENTIONS = ("cognitive restructuring of catastrophic thoughts",
                  "behavioral activation planning", "paced breathing and grounding practice",
                  "problem-solving for the week ahead", "exposure hierarchy review")
_RESPONSES = ("engaged well and identified two alternative thoughts",
              "completed the exercise and reported feeling calmer",
              "was tearful at first and then able to plan one activity",
              "asked good questions and agreed to practice daily")
_PLANS = ("continue weekly sessions; practice the skill daily", "review homework next session",
          "continue current plan; revisit goals in four weeks")


def build_demo_practice(vault: Vault, today: date | None = None, seed: int = 7) -> dict[str, int]:
    """Fill an empty vault with the demo practice; returns counts for a summary line."""
    today = today or date.today()
    rng = random.Random(seed)
    tz = ZoneInfo(TIMEZONE)
    counts = {"clients": 0, "appointments": 0, "notes": 0, "signed": 0, "drafts": 0}
    with vault.transaction():
        vault.practice.save(PRACTICE)
        for cpt, fee in FEES.items():
            vault.billing.fees.set(cpt, fee)
        for index, spec in enumerate(_CLIENTS):
            client = _add_client(vault, spec, index, today)
            assert client.id is not None
            counts["clients"] += 1
            for text in spec.goals:
                vault.goals.add(Goal(client.id, text, target_date=today + timedelta(days=120)))
            discharged = index == len(_CLIENTS) - 1
            appts = _schedule(vault, spec, client.id, today, tz, rng, discharged)
            for appt in appts:
                counts["appointments"] += 1
                _maybe_note(vault, appt, today, tz, rng, counts, index in _RISK_CLIENTS)
            if spec.payer:
                vault.billing.authorizations.add(_authorization(client.id, index, spec.payer,
                                                                today, appts))
            if discharged:
                vault.clients.discharge(client.id, today - timedelta(days=14))
            if not spec.payer:
                _give_estimate(vault, client, appts, tz)
        counts["clients"] += 1
        counts["appointments"] += _add_new_client(vault, today, tz)
        counts["measures"] = add_demo_measures(vault, today, seed)  # app/measures/demo.py
        add_demo_client_details(vault)  # app/demo_details.py
        counts["documents"] = add_demo_documents(vault, today)  # app/documents/demo.py
    return counts


def _give_estimate(vault: Vault, client: Client, appts: list[Appointment],
                   tz: ZoneInfo) -> None:
    """The Good Faith Estimate the therapist gave the day after the client booked: every
    session booked then (any later cancellation or no-show was still expected)."""
    # Imported here for start-up time: only the demo needs estimates built in place.
    from app.billing.estimates import expected_sessions, provider_of

    booked = min(a.booked_at or a.start for a in appts).astimezone(tz).date()
    issued = booked + timedelta(days=1)
    period_end = period_end_for(issued)
    sessions = [s for s in expected_sessions(vault, client, tz, statuses=tuple(AppointmentStatus))
                if issued <= s.day <= period_end]
    assert client.id is not None
    vault.billing.estimates.add(GoodFaithEstimate(
        client_id=client.id, client_name=client.legal_name,
        client_date_of_birth=client.date_of_birth, issued_on=issued, period_start=issued,
        period_end=period_end, service_description=describe_course(sessions),
        items=estimate_items(sessions),
        diagnoses=[(dx.code, dx.description) for dx in client.diagnoses],
        provider=provider_of(PRACTICE)))


def _add_new_client(vault: Vault, today: date, tz: ZoneInfo) -> int:
    """Rosa Delgado: self-pay, booked today for an intake next week and weekly sessions."""
    spec = _NEW_CLIENT
    client = vault.clients.add(Client(
        legal_name=spec.legal, pronouns=spec.pronouns, date_of_birth=spec.born,
        email="client13@example.com", phone="555-0123", sex=spec.sex,
        address=Address("5 Cayuga Street", "Ithaca", "NY", "14850"),
        billing=BillingKind.SELF_PAY,
        diagnoses=[Diagnosis(code, desc, True) for code, desc in spec.dx],
        calendar_code="C13"))
    assert client.id is not None
    for text in spec.goals:
        vault.goals.add(Goal(client.id, text, target_date=today + timedelta(days=120)))
    booked = datetime.combine(today, time(9, 0), tzinfo=tz)
    intake_day = today + timedelta(days=7)
    start = datetime.combine(intake_day, time(spec.hour, 0), tzinfo=tz)
    vault.appointments.add(Appointment(client.id, start, minutes=60, service=Service.INTAKE,
                                       fee=FEES["90791"], booked_at=booked))
    series = vault.appointments.add_series(
        Appointment(client.id, start + timedelta(days=7), fee=FEES["90834"], booked_at=booked),
        Recurrence.WEEKLY, 8)
    return 1 + len(series)


def _authorization(client_id: int, index: int, payer: str, today: date,
                   appts: list[Appointment]) -> Authorization:
    start = today - timedelta(days=100)  # covers every past session, intake included
    end = today + timedelta(days=10 if index == _AUTH_ENDS_SOON else 150)
    auth = Authorization(client_id, f"AUTH-{1000 + index}", _AUTH_SESSIONS, start, end, payer)
    if index == _AUTH_LAST_SESSION:
        auth.sessions_authorized = sessions_used(auth, appts) + 1
    return auth


def _add_client(vault: Vault, spec: _DemoClient, index: int, today: date) -> Client:
    consent = index not in (3, 9)  # most clients consented to AI-assisted documentation
    on_file = today - timedelta(days=100)  # signed with the intake paperwork
    return vault.clients.add(Client(
        legal_name=spec.legal, preferred_name=spec.preferred, pronouns=spec.pronouns,
        date_of_birth=spec.born, email=f"client{index + 1:02d}@example.com",
        phone=f"555-01{index + 10:02d}",
        address=Address(f"{20 + index} Maple Avenue", "Ithaca", "NY", "14850"),
        insurance=_insurance(spec, index), billing=(BillingKind.INSURANCE if spec.payer
                                                    else BillingKind.SELF_PAY),
        secondary_insurance=_secondary(spec, index), sliding_fee=spec.sliding_fee,
        sex=spec.sex, release_on_file=on_file if spec.payer else None,
        assignment_on_file=on_file if spec.payer else None,
        diagnoses=[Diagnosis(code, desc, i == 0) for i, (code, desc) in enumerate(spec.dx)],
        ai_consent=consent, ai_consent_date=today - timedelta(days=95) if consent else None,
        calendar_code=f"C{index + 1:02d}"))


def _insurance(spec: _DemoClient, index: int) -> Insurance:
    if not spec.payer:
        return Insurance()
    insurance = Insurance(spec.payer, f"M{100200300 + index * 7919}", f"G{4500 + index}",
                          plan_name=f"{spec.payer} PPO",
                          claim_address=PAYER_ADDRESSES[spec.payer])
    if spec.holder is not None:
        name, born, sex, relationship = spec.holder
        insurance.relationship = relationship
        insurance.subscriber = Subscriber(name=name, date_of_birth=born, sex=sex)
    return insurance


def _secondary(spec: _DemoClient, index: int) -> Insurance:
    """A second plan through the client's spouse."""
    if not spec.secondary:
        return Insurance()
    return Insurance(spec.secondary, f"S{500600700 + index * 31}", f"G{7700 + index}",
                     plan_name=f"{spec.secondary} HMO",
                     claim_address=PAYER_ADDRESSES[spec.secondary],
                     relationship=Relationship.SPOUSE,
                     subscriber=Subscriber(name="Anna Becker", date_of_birth=date(1971, 3, 30),
                                           sex="F"))


def _schedule(vault: Vault, spec: _DemoClient, client_id: int, today: date, tz: ZoneInfo,
              rng: random.Random, discharged: bool) -> list[Appointment]:
    first_day = today - timedelta(days=91) + timedelta(days=rng.randrange(0, 5))
    while first_day.weekday() >= 5:
        first_day += timedelta(days=1)
    start = datetime.combine(first_day, time(spec.hour, 0), tzinfo=tz)
    end_day = today - timedelta(days=15) if discharged else today + timedelta(days=91)
    count = max(1, (end_day - first_day).days // spec.recurrence.step.days + 1)
    minutes = 50 if spec.service is Service.INDIVIDUAL else 60
    fee = FEES["90847"] if spec.service is Service.COUPLE else FEES["90834"]
    booked = start - timedelta(days=17)  # booked ten days before the intake
    intake = vault.appointments.add(Appointment(
        client_id, start - timedelta(days=7), minutes=60, modality=spec.modality,
        service=Service.INTAKE, status=AppointmentStatus.ATTENDED,
        fee=spec.sliding_fee or FEES["90791"], cpt_code="90791", booked_at=booked))
    series = vault.appointments.add_series(
        Appointment(client_id, start, minutes=minutes, modality=spec.modality,
                    service=spec.service, fee=spec.sliding_fee or fee, booked_at=booked),
        spec.recurrence, count)
    result = [intake]
    for appt in series:
        if appt.start.date() < today:
            roll = rng.random()
            status = (AppointmentStatus.NO_SHOW if roll < 0.06 else
                      AppointmentStatus.LATE_CANCEL if roll < 0.10 else
                      AppointmentStatus.CANCELLED if roll < 0.16 else AppointmentStatus.ATTENDED)
            appt = vault.appointments.set_status(appt.id or 0, status)
            if status is AppointmentStatus.ATTENDED and rng.random() < 0.5:
                vault.billing.payments.add(Payment(appt.id or 0, Decimal("30.00"),
                                                   appt.start.date(), "card"))
        result.append(appt)
    return result


_PROCESS_NOTE = ("Process note (private): noticed my own impatience when the homework was "
                 "skipped again; bring to consultation.")


def _maybe_note(vault: Vault, appt: Appointment, today: date, tz: ZoneInfo,
                rng: random.Random, counts: dict[str, int], risk_client: bool = False) -> None:
    if appt.status is not AppointmentStatus.ATTENDED or appt.id is None:
        return
    age = (today - appt.start.date()).days
    if age <= 3 and rng.random() < 0.6:
        return  # the last few sessions still wait for a note
    fmt = rng.choice([NoteFormat.SOAP, NoteFormat.DAP, NoteFormat.BIRP])
    prompts = {
        "presenting_concerns": rng.choice(_CONCERNS),
        "mental_status": "alert and oriented; mood anxious; affect congruent",
        "interventions": rng.choice(_INTERVENTIONS),
        "client_response": rng.choice(_RESPONSES),
        "risk": "denied suicidal and homicidal ideation",
        "plan": rng.choice(_PLANS),
    }
    if risk_client and 11 <= age <= 24:  # after the random choices: the stream stays the same
        prompts["risk"] = _ELEVATED_RISK
    if appt.service is Service.INTAKE:  # its note is the intake assessment (app/documents/demo)
        # the draws a note would take (draft or signed, then the addendum's), so the rest of
        # the demo stays the same
        if not (age <= 10 and rng.random() < 0.7):
            rng.random()
        return
    texts = [f"Client reported {prompts['presenting_concerns']}. Risk: {prompts['risk']}.",
             f"Therapist used {prompts['interventions']}. Mental status: "
             f"{prompts['mental_status']}.",
             f"Client {prompts['client_response']}.", f"Plan: {prompts['plan']}."]
    headings = FORMAT_HEADINGS[fmt]
    if len(headings) == 3:
        texts = [texts[0], f"{texts[1]} {texts[2]}", texts[3]]
    sections = [NoteSection(h, t) for h, t in zip(headings, texts, strict=True)]
    # A few private psychotherapy (process) notes, chosen without the random stream so the
    # rest of the demo stays the same: they show that exports leave them out unless asked.
    process = _PROCESS_NOTE if appt.id % 9 == 0 else ""
    note = vault.notes.save_draft(Note(appt.id, appt.client_id, format=fmt, prompts=prompts,
                                       sections=sections, process_notes=process))
    vault.clients.set_last_note_format(appt.client_id, str(fmt))
    counts["notes"] += 1
    if age <= 10 and rng.random() < 0.7:
        counts["drafts"] += 1
        return
    signed_at = appt.end.astimezone(tz) + timedelta(hours=2)
    assert note.id is not None
    vault.notes.sign(note.id, PRACTICE.clinician_name, PRACTICE.credentials, signed_at)
    counts["signed"] += 1
    if rng.random() < 0.08:
        vault.notes.add_addendum(
            note.id, "Addendum: client called the next day to confirm the homework plan.",
            PRACTICE.clinician_name, PRACTICE.credentials, signed_at + timedelta(days=1))

