"""Demo-like practice, clients and appointments for the billing tests (no vault needed)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from models.appointment import Appointment, AppointmentStatus, Modality, Service
from models.billing import Payment
from models.client import Client, Diagnosis, Insurance
from models.common import Address
from models.practice import PracticeProfile

TZ = ZoneInfo("America/New_York")


def practice() -> PracticeProfile:
    return PracticeProfile(
        practice_name="Quiet Harbor Counseling", clinician_name="Dana Whitfield",
        credentials="LCSW", license_number="LCSW-104233", license_state="NY",
        npi="1234567893", taxonomy_code="1041C0700X", tax_id="12-3456789", tax_id_kind="EIN",
        address=Address("12 Elm Street, Suite 4", "Albany", "NY", "12207"),
        phone="(518) 555-0142", email="dana@example.org", timezone="America/New_York")


def client(client_id: int = 7, name: str = "Marisol Vega-Okafor") -> Client:
    return Client(
        legal_name=name, preferred_name="Mari", date_of_birth=date(1988, 4, 12),
        address=Address("88 River Road", "Troy", "NY", "12180"),
        insurance=Insurance(payer="Empire Blue Cross", member_id="XYZ123456789",
                            group_number="G-5521"),
        diagnoses=[Diagnosis("F32.1", "", False), Diagnosis("F41.1", "", True)],
        id=client_id)


def at(day: int, hour: int = 10, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=TZ)


def appointments(client_id: int = 7) -> list[Appointment]:
    attended = AppointmentStatus.ATTENDED
    return [
        Appointment(client_id=client_id, start=at(2), minutes=60, service=Service.INTAKE,
                    status=attended, id=1, uid="a1@stillnote"),
        Appointment(client_id=client_id, start=at(9), minutes=53, status=attended, id=2,
                    uid="a2@stillnote", add_on_codes=["90785"]),
        Appointment(client_id=client_id, start=at(16), minutes=45, status=attended,
                    modality=Modality.TELEHEALTH, id=3, uid="a3@stillnote"),
        Appointment(client_id=client_id, start=at(23), minutes=50,
                    status=AppointmentStatus.NO_SHOW, id=4, uid="a4@stillnote"),
        Appointment(client_id=client_id, start=at(30), minutes=50,
                    status=AppointmentStatus.CANCELLED, id=5, uid="a5@stillnote"),
        Appointment(client_id=client_id, start=at(6, month=4), minutes=50, id=6,
                    uid="a6@stillnote"),
    ]


def fees() -> dict[str, Decimal]:
    return {"90791": Decimal("200.00"), "90834": Decimal("150.00"),
            "90837": Decimal("180.00"), "90785": Decimal("25.00")}


def payments() -> list[Payment]:
    return [Payment(1, Decimal("200.00"), date(2026, 3, 2), "card", id=1),
            Payment(2, Decimal("100.00"), date(2026, 3, 9), "check", id=2),
            Payment(2, Decimal("5.50"), date(2026, 3, 10), "cash", id=3)]
