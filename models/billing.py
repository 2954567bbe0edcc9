"""Billing rules: payments, authorizations, CPT suggestion, place of service, fee policy.

Everything here is a pure function of its arguments so the rules can be tested at their
boundaries without a vault. The suggestion is only a default: the therapist's own choice
(``Appointment.cpt_code``) always wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from models.appointment import Appointment, AppointmentStatus, Modality, Service
from models.common import date_text

CENTS = Decimal("0.01")


@dataclass
class Payment:
    appointment_id: int
    amount: Decimal
    paid_on: date
    method: str  # e.g. "card", "cash", "check", "HSA"
    id: int | None = None


@dataclass
class Authorization:
    client_id: int
    number: str
    sessions_authorized: int
    start: date
    end: date
    payer: str = ""
    id: int | None = None


# --- CPT codes ----------------------------------------------------------------------------

INTAKE = "90791"
PSYCHOTHERAPY_30 = "90832"
PSYCHOTHERAPY_45 = "90834"
PSYCHOTHERAPY_60 = "90837"
FAMILY_WITHOUT_CLIENT = "90846"
FAMILY_WITH_CLIENT = "90847"
GROUP = "90853"
INTERACTIVE_COMPLEXITY = "90785"
CRISIS_FIRST_HOUR = "90839"
CRISIS_EACH_30 = "90840"

CPT_DESCRIPTIONS: dict[str, str] = {
    INTAKE: "Psychiatric diagnostic evaluation",
    PSYCHOTHERAPY_30: "Psychotherapy, 30 minutes",
    PSYCHOTHERAPY_45: "Psychotherapy, 45 minutes",
    PSYCHOTHERAPY_60: "Psychotherapy, 60 minutes",
    FAMILY_WITHOUT_CLIENT: "Family psychotherapy without the patient",
    FAMILY_WITH_CLIENT: "Family psychotherapy with the patient",
    GROUP: "Group psychotherapy",
    INTERACTIVE_COMPLEXITY: "Interactive complexity (add-on)",
    CRISIS_FIRST_HOUR: "Psychotherapy for crisis, first 60 minutes",
    CRISIS_EACH_30: "Psychotherapy for crisis, each additional 30 minutes (add-on)",
}

# Codes that may only accompany a primary code on the same date of service.
ADD_ON_CODES: frozenset[str] = frozenset({INTERACTIVE_COMPLEXITY, CRISIS_EACH_30})

# CPT time rules (the "midpoint rule"): a timed code is met once more than half its time passed.
INDIVIDUAL_MIN_MINUTES = 16
INDIVIDUAL_45_FROM = 38
INDIVIDUAL_60_FROM = 53
FAMILY_MIN_MINUTES = 26
CRISIS_MIN_MINUTES = 30
CRISIS_ADD_ON_FROM = 75  # 90840 once the session reaches 75 minutes, then every 30 more


def suggest_cpt(service: Service | str, minutes: int, *, client_present: bool = True,
                crisis: bool = False) -> str:
    """The CPT code a session of ``service`` lasting ``minutes`` is usually billed with.

    Returns "" when no code fits (an individual session under 16 minutes, a family or couple
    session under 26): such a session is not billable as psychotherapy and the therapist must
    decide; ``no_code_reason`` says why in one sentence. A couple is billed as family
    psychotherapy: 90847 with the identified client present, 90846 without.
    """
    return cpt_suggestion(service, minutes, client_present=client_present, crisis=crisis).code


@dataclass(frozen=True)
class CptSuggestion:
    """A suggested code, or none with the plain reason; the therapist may always change it."""

    code: str
    reason: str = ""  # one sentence when ``code`` is ""


def cpt_suggestion(service: Service | str, minutes: int, *, client_present: bool = True,
                   crisis: bool = False) -> CptSuggestion:
    """``suggest_cpt`` with the reason when no code fits."""
    service = Service(service)
    if minutes <= 0:
        return CptSuggestion("", "The session has no length, so no code can be suggested.")
    if crisis and minutes >= CRISIS_MIN_MINUTES:
        return CptSuggestion(CRISIS_FIRST_HOUR)
    # A crisis session under 30 minutes is billed as ordinary psychotherapy (CPT's own rule).
    if service is Service.INTAKE:
        return CptSuggestion(INTAKE)
    if service is Service.GROUP:
        return CptSuggestion(GROUP)
    if service in (Service.FAMILY, Service.COUPLE):
        if minutes < FAMILY_MIN_MINUTES:
            return CptSuggestion("", f"A {minutes}-minute {service.value} session is shorter "
                                     f"than the {FAMILY_MIN_MINUTES} minutes family "
                                     "psychotherapy (90846/90847) requires, so no code is "
                                     "suggested.")
        return CptSuggestion(FAMILY_WITH_CLIENT if client_present else FAMILY_WITHOUT_CLIENT)
    if minutes < INDIVIDUAL_MIN_MINUTES:
        return CptSuggestion("", f"A {minutes}-minute session is shorter than the "
                                 f"{INDIVIDUAL_MIN_MINUTES} minutes psychotherapy (90832) "
                                 "requires, so no code is suggested.")
    if minutes < INDIVIDUAL_45_FROM:
        return CptSuggestion(PSYCHOTHERAPY_30)
    if minutes < INDIVIDUAL_60_FROM:
        return CptSuggestion(PSYCHOTHERAPY_45)
    return CptSuggestion(PSYCHOTHERAPY_60)


def no_code_reason(appt: Appointment) -> str:
    """Why ``appt`` has no code ("" when it has one, chosen or suggested)."""
    if appt.cpt_code:
        return ""
    crisis = CRISIS_FIRST_HOUR in appt.add_on_codes
    return cpt_suggestion(appt.service, appt.minutes, crisis=crisis).reason


def crisis_add_on_units(minutes: int) -> int:
    """Units of 90840 for a crisis session: one at 75 minutes, one more every further 30."""
    if minutes < CRISIS_ADD_ON_FROM:
        return 0
    return 1 + (minutes - CRISIS_ADD_ON_FROM) // 30


def place_of_service(modality: Modality | str, telehealth_pos: str = "10") -> str:
    """CMS place-of-service code: 11 office; telehealth 10 (client's home) or 02 (elsewhere)."""
    if Modality(modality) is Modality.TELEHEALTH:
        if telehealth_pos not in ("10", "02"):
            raise ValueError("telehealth place of service is 10 or 02")
        return telehealth_pos
    return "11"


def modifiers_for(modality: Modality | str, telehealth_modifier: str = "95") -> tuple[str, ...]:
    """Claim modifiers: the practice's telehealth modifier (95 by default) for video sessions."""
    if Modality(modality) is Modality.TELEHEALTH and telehealth_modifier:
        return (telehealth_modifier,)
    return ()


def units_for(code: str, minutes: int) -> int:
    """Billing units: psychotherapy codes are one per session; 90840 counts 30-minute steps."""
    if code == CRISIS_EACH_30:
        return max(1, crisis_add_on_units(minutes))
    return 1


@dataclass(frozen=True)
class CodedService:
    """The codes a session is billed with: its primary code and add-ons with their units."""

    primary: str
    add_ons: tuple[tuple[str, int], ...] = ()

    @property
    def all_codes(self) -> tuple[str, ...]:
        return (self.primary, *(code for code, _ in self.add_ons)) if self.primary else ()


def coded_service(appt: Appointment) -> CodedService:
    """The therapist's codes for ``appt``, or the suggestion where none was chosen."""
    crisis = CRISIS_FIRST_HOUR in (appt.cpt_code, *appt.add_on_codes)
    primary = appt.cpt_code or suggest_cpt(appt.service, appt.minutes, crisis=crisis)
    add_ons: list[tuple[str, int]] = []
    for code in appt.add_on_codes:
        if code and code != primary and code not in (c for c, _ in add_ons):
            add_ons.append((code, units_for(code, appt.minutes)))
    if primary == CRISIS_FIRST_HOUR and crisis_add_on_units(appt.minutes) and not any(
            c == CRISIS_EACH_30 for c, _ in add_ons):
        add_ons.append((CRISIS_EACH_30, crisis_add_on_units(appt.minutes)))
    return CodedService(primary=primary, add_ons=tuple(add_ons))


def session_fee(appt: Appointment, coded: CodedService, fees: dict[str, Decimal],
                sliding_fee: Decimal = Decimal("0")) -> Decimal:
    """The fee of an attended session: its own fee if set, else the client's sliding-scale fee,
    else the practice's fee schedule (the primary code plus add-ons times their units)."""
    if appt.fee > 0:
        return money(appt.fee)
    if sliding_fee > 0:
        return money(sliding_fee)
    return schedule_fee(coded, fees)


def schedule_fee(coded: CodedService, fees: dict[str, Decimal]) -> Decimal:
    """What the fee schedule charges for ``coded`` (0 for a code it has no fee for)."""
    total = fees.get(coded.primary, Decimal("0")) if coded.primary else Decimal("0")
    for code, units in coded.add_ons:
        total += fees.get(code, Decimal("0")) * units
    return money(total)


@dataclass(frozen=True)
class FeeQuote:
    """The fee a new or changed appointment starts with, and where it came from."""

    code: str  # the suggested CPT code ("" when none fits)
    fee: Decimal
    source: str  # "sliding scale", "fee schedule", or "" when there is no fee to offer
    reason: str = ""  # why no code was suggested, when ``code`` is ""


def quote_fee(service: Service | str, minutes: int, fees: dict[str, Decimal],
              sliding_fee: Decimal = Decimal("0"), *, crisis: bool = False) -> FeeQuote:
    """The fee of a session of ``service`` and ``minutes`` for a client: their sliding-scale
    fee, else the fee schedule's fee for the suggested code (never another session's fee)."""
    suggestion = cpt_suggestion(service, minutes, crisis=crisis)
    if sliding_fee > 0:
        return FeeQuote(suggestion.code, money(sliding_fee), "sliding scale", suggestion.reason)
    if not suggestion.code:
        return FeeQuote("", Decimal("0.00"), "", suggestion.reason)
    fee = schedule_fee(CodedService(suggestion.code), fees)
    return FeeQuote(suggestion.code, fee, "fee schedule" if fee > 0 else "", suggestion.reason)


# --- Fee policy for missed sessions ----------------------------------------------------------

@dataclass(frozen=True)
class FeePolicy:
    """What the practice charges for a late cancellation or a no-show (0 = nothing)."""

    late_cancel_fee: Decimal = Decimal("0")
    no_show_fee: Decimal = Decimal("0")

    def to_json(self) -> dict[str, str]:
        return {"late_cancel_fee": str(self.late_cancel_fee), "no_show_fee": str(self.no_show_fee)}

    @classmethod
    def from_json(cls, data: object) -> FeePolicy:
        if not isinstance(data, dict):
            return cls()
        return cls(late_cancel_fee=_decimal(data.get("late_cancel_fee")),
                   no_show_fee=_decimal(data.get("no_show_fee")))


def missed_session_fee(status: AppointmentStatus | str, policy: FeePolicy) -> Decimal:
    """The policy fee for a missed session; 0 for any other status."""
    status = AppointmentStatus(status)
    if status is AppointmentStatus.NO_SHOW:
        return money(policy.no_show_fee)
    if status is AppointmentStatus.LATE_CANCEL:
        return money(policy.late_cancel_fee)
    return Decimal("0.00")


def is_billable(appt: Appointment, policy: FeePolicy) -> bool:
    """Attended sessions, and missed ones the policy charges for, belong on a superbill."""
    if appt.status is AppointmentStatus.ATTENDED:
        return True
    return missed_session_fee(appt.status, policy) > 0


def money(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(CENTS)


def _decimal(value: object) -> Decimal:
    try:
        return money(str(value)) if value not in (None, "") else Decimal("0")
    except ArithmeticError:
        return Decimal("0")


def npi_is_valid(npi: str) -> bool:
    """Ten digits whose last is the Luhn check digit over "80840" + the first nine (CMS rule)."""
    if len(npi) != 10 or not npi.isascii() or not npi.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed("80840" + npi[:9])):
        digit = int(char)
        if position % 2 == 0:  # every second digit from the right, starting with the rightmost
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return (10 - total % 10) % 10 == int(npi[9])


def diagnosis_pointers(count: int, limit: int = 4) -> str:
    """Claim-form pointers (A, B, C...) to the first ``limit`` of ``count`` diagnoses."""
    return "".join(chr(ord("A") + i) for i in range(min(count, limit, 12)))


# --- Authorizations -------------------------------------------------------------------------

AUTH_END_WARNING_DAYS = 14
_COUNTED = (AppointmentStatus.ATTENDED, AppointmentStatus.SCHEDULED)


class AuthWarningKind(StrEnum):
    LAST_SESSION = "last_session"
    NONE_LEFT = "none_left"
    ENDING_SOON = "ending_soon"


@dataclass(frozen=True)
class AuthWarning:
    client_id: int
    authorization_number: str
    kind: AuthWarningKind
    message: str  # one plain sentence without the client's name


def sessions_used(auth: Authorization, appointments: Iterable[Appointment],
                  *, exclude_id: int | None = None) -> int:
    """Attended or booked sessions of the client inside the authorization's dates.

    ``exclude_id`` leaves out a stored appointment being moved (so it is not counted twice);
    unsaved ones (id None, such as a series being planned) always count.
    """
    return sum(1 for a in appointments
               if a.client_id == auth.client_id and a.status in _COUNTED
               and (exclude_id is None or a.id != exclude_id)
               and auth.start <= a.start.date() <= auth.end)


def authorization_warnings(auth: Authorization, appointments: Sequence[Appointment],
                           today: date) -> list[AuthWarning]:
    """Warnings for an authorization that is current (or starts later): sessions or days left."""
    if auth.end < today:
        return []
    warnings: list[AuthWarning] = []
    left = auth.sessions_authorized - sessions_used(auth, appointments)
    number = auth.number or "without a number"
    if left == 1:
        warnings.append(AuthWarning(auth.client_id, auth.number, AuthWarningKind.LAST_SESSION,
                                    f"Authorization {number}: one authorized session left."))
    elif left <= 0:
        warnings.append(AuthWarning(auth.client_id, auth.number, AuthWarningKind.NONE_LEFT,
                                    f"Authorization {number}: no authorized sessions left."))
    days = (auth.end - today).days
    if days <= AUTH_END_WARNING_DAYS:
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        text = f"Authorization {number} ends {when} ({auth.end.isoformat()})."
        warnings.append(AuthWarning(auth.client_id, auth.number, AuthWarningKind.ENDING_SOON,
                                    text))
    return warnings


def beyond_authorization(appt: Appointment, authorizations: Sequence[Authorization],
                         appointments: Sequence[Appointment]) -> str:
    """Why scheduling ``appt`` goes past the client's authorization, or "" if it does not.

    A client with no authorization on file pays privately: nothing to check.
    """
    mine = [a for a in authorizations if a.client_id == appt.client_id]
    if not mine:
        return ""
    day = appt.start.date()
    covering = [a for a in mine if a.start <= day <= a.end]
    if not covering:
        latest = max(mine, key=lambda a: a.end)
        return (f"{date_text(day)} is outside the authorization dates "
                f"({date_text(latest.start)} to {date_text(latest.end)}).")
    for auth in covering:
        if sessions_used(auth, appointments, exclude_id=appt.id) < auth.sessions_authorized:
            return ""
    auth = covering[0]
    return (f"All {auth.sessions_authorized} sessions of authorization "
            f"{auth.number or 'on file'} are already used or booked.")
