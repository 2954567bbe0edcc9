"""Schema v3 (billing every kind of client): an older vault upgrades with each client's billing
kind inferred; the new fields and the Good Faith Estimates are stored and read back."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from models.common import Address
from models.good_faith import GfeItem, GfeProvider, GoodFaithEstimate
from models.insurance import BillingKind, Insurance, Relationship, Subscriber
from storage.connection import DB_FILE, configure_for_writing, connect
from storage.keys import new_key_file
from storage.migrations import LATEST_VERSION, apply_migrations, schema_version
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

TZ = ZoneInfo("America/New_York")


def make_v2_vault(vault_dir: Path) -> None:
    """A vault at schema 2: one client with a payer, one without, and an appointment."""
    key_file, data_key, _ = new_key_file(PASSPHRASE)
    vault_dir.mkdir(mode=0o700)
    conn = connect(vault_dir / DB_FILE, data_key, create=True)
    configure_for_writing(conn)
    assert apply_migrations(conn, up_to=2) == [1, 2]
    for cid, name, insurance in ((1, "Maya Thornton", '{"payer": "Aetna", "member_id": "W1"}'),
                                 (2, "Dan Okafor", '{"payer": " ", "member_id": ""}')):
        conn.execute("INSERT INTO clients (id, legal_name, insurance, created_at) VALUES "
                     "(?, ?, ?, '2025-01-02T03:04:05+00:00')", (cid, name, insurance))
    conn.execute("INSERT INTO appointments (id, client_id, start_utc, start_local, tz, minutes, "
                 "modality, service, status, uid, updated_at) VALUES (1, 2, "
                 "'2026-03-02T15:00:00.000000Z', '2026-03-02T10:00:00-05:00', "
                 "'America/New_York', 50, 'office', 'individual', 'scheduled', 'u1', "
                 "'2026-02-20T12:00:00+00:00')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    key_file.save(vault_dir)


def test_a_v2_vault_upgrades_with_billing_kinds(vault_dir: Path) -> None:
    make_v2_vault(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == LATEST_VERSION >= 5
        assert vault.clients.get(1).billing is BillingKind.INSURANCE
        assert vault.clients.get(2).billing is BillingKind.SELF_PAY
        insurance = vault.clients.get(1).insurance
        assert (insurance.payer, insurance.relationship) == ("Aetna", Relationship.SELF)
        # an old appointment's booking time is the best known: its last change
        assert vault.appointments.get(1).booked_at == datetime.fromisoformat(
            "2026-02-20T12:00:00+00:00")
        assert vault.audit.verify().ok
    assert (vault_dir / "stillnote.v2.before-upgrade.db").exists()


def test_billing_fields_round_trip(vault: Vault) -> None:
    plan = Insurance("Lakeside", "L1", "G1", plan_name="Lakeside PPO",
                     claim_address=Address("PO Box 4", "Rochester", "NY", "14603"),
                     relationship=Relationship.CHILD,
                     subscriber=Subscriber("Karen Williams", date(1976, 2, 11), "F"))
    stored = vault.clients.add(Client(
        legal_name="Noah Williams", insurance=plan, billing=BillingKind.INSURANCE,
        secondary_insurance=Insurance("Second", "S1"), sliding_fee=Decimal("85.00"), sex="M",
        release_on_file=date(2026, 1, 5), assignment_on_file=date(2026, 1, 6)))
    again = vault.clients.get(stored.id)
    assert again.insurance == plan and again.secondary_insurance.member_id == "S1"
    assert (again.sliding_fee, again.sex, again.release_on_file, again.assignment_on_file) == (
        Decimal("85.00"), "M", date(2026, 1, 5), date(2026, 1, 6))
    assert [c.legal_name for c in vault.clients.list(search="noah")] == ["Noah Williams"]


def test_booking_time_is_kept_when_the_appointment_changes(vault: Vault) -> None:
    client = vault.clients.add(Client(legal_name="Ana Lima"))
    booked = datetime(2026, 3, 1, 9, tzinfo=TZ)
    appt = vault.appointments.add(Appointment(client.id, datetime(2026, 3, 16, 10, tzinfo=TZ),
                                              booked_at=booked))
    moved = vault.appointments.update(Appointment(
        client.id, datetime(2026, 3, 17, 10, tzinfo=TZ), id=appt.id,
        status=AppointmentStatus.SCHEDULED))
    assert moved.booked_at == booked and vault.appointments.get(appt.id).booked_at == booked
    fresh = vault.appointments.add(Appointment(client.id, datetime(2026, 4, 1, 10, tzinfo=TZ)))
    assert fresh.booked_at is not None and fresh.booked_at.tzinfo is not None


def test_estimates_are_stored_as_issued(vault: Vault) -> None:
    client = vault.clients.add(Client(legal_name="Ana Lima", billing=BillingKind.SELF_PAY))
    provider = GfeProvider("Dana Reyes, LCSW", "Quiet Harbor", "1234567893", "12-3456789",
                           Address("1 Main St", "Springfield", "IL", "62701"))

    def gfe(issued: date) -> GoodFaithEstimate:
        return GoodFaithEstimate(client.id, "Ana Lima", date(1990, 4, 2), issued, issued,
                                 date(issued.year + 1, issued.month, issued.day - 1), "Weekly.",
                                 [GfeItem("90834", "Psychotherapy", 4, Decimal("150.00"))], [],
                                 provider)

    first = vault.billing.estimates.add(gfe(date(2026, 3, 2)))
    second = vault.billing.estimates.add(gfe(date(2026, 5, 4)))
    assert [e.id for e in vault.billing.estimates.for_client(client.id)] == [first.id, second.id]
    assert vault.billing.estimates.latest_by_client()[client.id].id == second.id
    assert vault.billing.estimates.get(first.id).total == Decimal("600.00")
