"""Billing use cases against a real vault: superbill export, payments, authorizations, batch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.appointments import AppointmentPlan, authorization_concern
from app.billing.authorizations import (
    add_authorization,
    status_for_client,
    warnings_for_today,
)
from app.billing.exports import export_superbill
from app.billing.fees import fee_policy, save_fee_policy
from app.billing.payments import balances, mark_paid, parse_amount
from app.billing.superbill import superbill_for
from models.appointment import Appointment
from models.billing import AuthWarningKind, FeePolicy
from models.errors import InvalidInput, MissingBillingData
from tests.app.billing import sample
from tests.app.billing.conftest import fill

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def scheduling_check(vault: Any, appt: Appointment) -> str:
    """Why booking ``appt`` goes past the authorization ("" if it does not)."""
    concern = authorization_concern(vault, AppointmentPlan(appt))
    return concern.reason if concern is not None else ""


def test_superbill_from_the_vault(vault: Any, tmp_path: Path) -> None:
    ids = fill(vault)
    out = tmp_path / "sb.pdf"
    bill = export_superbill(vault, ids["client"], *MARCH, out, issued_on=date(2026, 4, 1))
    assert [line.cpt for line in bill.lines] == ["90791", "90837", "90834"]
    assert bill.total_paid == Decimal("305.50")
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(out)).pages).split())
    assert "Marisol Vega-Okafor" in text and "1234567893" in text and "$555.00" in text
    entries = [e for e in vault.audit.entries() if getattr(e, "action", "") == "export"]
    assert entries and all("Marisol" not in str(e) for e in entries)


def test_missing_npi_refused_before_writing(vault: Any, tmp_path: Path) -> None:
    ids = fill(vault)
    vault.practice.save(replace(sample.practice(), npi=""))
    out = tmp_path / "sb.pdf"
    with pytest.raises(MissingBillingData) as info:
        export_superbill(vault, ids["client"], *MARCH, out)
    assert info.value.missing == ["the NPI"]
    assert not out.exists()


def test_fee_policy_round_trip_and_no_show_line(vault: Any) -> None:
    ids = fill(vault)
    assert fee_policy(vault) == FeePolicy()
    save_fee_policy(vault, FeePolicy(no_show_fee=Decimal("60")))
    assert fee_policy(vault).no_show_fee == Decimal("60.00")
    bill = superbill_for(vault, ids["client"], *MARCH)
    assert [line.fee for line in bill.lines if line.missed] == [Decimal("60.00")]


def test_mark_paid_and_balances(vault: Any) -> None:
    ids = fill(vault)
    payment = mark_paid(vault, ids["appt3"], "$150", date(2026, 3, 17), "HSA/FSA")
    assert payment.id is not None and payment.amount == Decimal("150.00")
    owed = {b.appointment.id: b.owed for b in balances(vault, ids["client"])}
    assert owed == {ids["appt1"]: Decimal("0.00"), ids["appt2"]: Decimal("99.50"),
                    ids["appt3"]: Decimal("0.00")}
    for bad in ("", "abc", "0", "-5", "1.234"):
        with pytest.raises(InvalidInput):
            parse_amount(bad)
    with pytest.raises(InvalidInput):
        mark_paid(vault, ids["appt3"], "10", date(2026, 3, 17), "  ")


def test_authorization_warnings_and_scheduling_check(vault: Any) -> None:
    ids = fill(vault)
    cid = ids["client"]
    # Three counted sessions in March (two attended... the intake too) of four authorized.
    auth = add_authorization(vault, cid, "PA-1", 4, date(2026, 3, 1), date(2026, 4, 30),
                             "Empire Blue Cross")
    [status] = status_for_client(vault, cid)
    assert (status.used, status.left) == (4, 0)  # 3 attended + 1 booked in April
    kinds = [w.kind for w in warnings_for_today(vault, date(2026, 3, 20))]
    assert kinds == [AuthWarningKind.NONE_LEFT]
    vault.billing.authorizations.update(replace(auth, sessions_authorized=5))
    warnings = warnings_for_today(vault, date(2026, 4, 20))
    assert [w.kind for w in warnings] == [AuthWarningKind.LAST_SESSION,
                                          AuthWarningKind.ENDING_SOON]
    assert all("Marisol" not in w.message for w in warnings)
    new = Appointment(client_id=cid, start=datetime(2026, 4, 13, 10, tzinfo=sample.TZ))
    assert scheduling_check(vault, new) == ""
    vault.appointments.add(new)
    again = Appointment(client_id=cid, start=datetime(2026, 4, 20, 10, tzinfo=sample.TZ))
    assert "already used or booked" in scheduling_check(vault, again)
    late = Appointment(client_id=cid, start=datetime(2026, 5, 4, 10, tzinfo=sample.TZ))
    assert "outside the authorization dates" in scheduling_check(vault, late)
    with pytest.raises(InvalidInput):
        add_authorization(vault, cid, "PA-2", 0, date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(InvalidInput):
        add_authorization(vault, cid, "PA-2", 3, date(2026, 2, 1), date(2026, 1, 1))
