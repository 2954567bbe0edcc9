"""Statements and receipts for self-pay clients, read back from the PDFs; and the guard that
leaves a session whose note is not signed out of a bill unless the therapist chooses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.billing.exports import export_superbill
from app.billing.fees import save_fee_policy
from app.billing.statements import export_receipt, export_statement, statement_for
from app.billing.unsigned import UnsignedChoice
from models.appointment import Appointment, AppointmentStatus
from models.billing import FeePolicy, Payment
from models.errors import InvalidInput, MissingBillingData, UnsignedSessions
from models.insurance import BillingKind, Insurance
from tests.app.billing import sample
from tests.app.billing.conftest import fill, sign_notes
from tests.app.billing.pdf_text import pdf_text, pdf_words

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def self_pay(vault: Any, **fill_args: Any) -> dict[str, int]:
    ids = fill(vault, **fill_args)
    client = vault.clients.get(ids["client"])
    vault.clients.update(replace(client, billing=BillingKind.SELF_PAY, insurance=Insurance()))
    return ids


def test_a_statement_states_charges_payments_and_the_balance(vault: Any, tmp_path: Path) -> None:
    ids = self_pay(vault)
    save_fee_policy(vault, FeePolicy(no_show_fee=Decimal("60")))
    # February's unpaid session carries over as the balance forward
    feb = vault.appointments.add(Appointment(ids["client"], sample.at(23, month=2), minutes=45,
                                             status=AppointmentStatus.ATTENDED))
    sign_notes(vault, [feb])
    vault.billing.payments.add(Payment(feb.id, Decimal("50.00"), date(2026, 2, 23), "cash"))
    out = tmp_path / "statement.pdf"
    st = export_statement(vault, ids["client"], *MARCH, out, issued_on=date(2026, 4, 1))
    assert st.previous_balance == Decimal("100.00")
    assert st.charges == Decimal("615.00")  # 200 + 205 + 150 + the no-show's 60
    assert st.payments == Decimal("305.50") and st.balance_due == Decimal("409.50")
    text = pdf_words(out)
    for expected in ("Statement", "Quiet Harbor Counseling", "Marisol Vega-Okafor",
                     "88 River Road, Troy, NY 12180", "03/01/2026 to 03/31/2026",
                     "Date issued 04/01/2026", "Balance forward $100.00",
                     "Psychiatric diagnostic evaluation (90791) $200.00",
                     "Psychotherapy, 60 minutes (90837 + 90785) $205.00",
                     "No-show fee (practice policy) $60.00",
                     "Payment, check, for the session of 03/09/2026 -$100.00",
                     "Charges this period $615.00", "Payments this period $305.50",
                     "Balance due $409.50", "Please pay $409.50"):
        assert expected in text, expected
    assert "2026-03" not in pdf_text(out)  # every date in the app's format


def test_a_statement_refuses_a_session_without_a_fee(vault: Any, tmp_path: Path) -> None:
    ids = self_pay(vault)
    vault.billing.fees.set("90834", Decimal("0"))
    out = tmp_path / "statement.pdf"
    with pytest.raises(MissingBillingData) as info:
        export_statement(vault, ids["client"], *MARCH, out)
    assert info.value.missing == [
        "a fee for the session on 03/16/2026 (set one under Billing > Fees)"]
    assert not out.exists()
    with pytest.raises(InvalidInput, match="nothing to state"):
        export_statement(vault, ids["client"], date(2025, 1, 1), date(2025, 1, 31), out)


def test_a_receipt_for_one_session(vault: Any, tmp_path: Path) -> None:
    ids = self_pay(vault)
    out = tmp_path / "receipt.pdf"
    receipt = export_receipt(vault, ids["appt2"], out, issued_on=date(2026, 3, 10))
    assert (receipt.paid, receipt.balance) == (Decimal("105.50"), Decimal("99.50"))
    text = pdf_words(out)
    for expected in ("Receipt", "Marisol Vega-Okafor", "03/09/2026",
                     "Psychotherapy, 60 minutes (90837 + 90785) $205.00", "check $100.00",
                     "03/10/2026 cash $5.50", "Paid $105.50", "Balance due $99.50"):
        assert expected in text, expected
    paid_in_full = export_receipt(vault, ids["appt1"], out)
    assert paid_in_full.balance == 0 and "Paid in full" in pdf_words(out)
    with pytest.raises(InvalidInput, match="No payment is recorded"):
        export_receipt(vault, ids["appt3"], out)
    with pytest.raises(InvalidInput, match="not held or charged"):
        export_receipt(vault, ids["appt5"], out)  # cancelled


def test_unsigned_sessions_are_not_billed_without_a_choice(vault: Any, tmp_path: Path) -> None:
    ids = self_pay(vault, signed=False)
    sign_notes(vault, [vault.appointments.get(ids["appt1"])])
    out = tmp_path / "statement.pdf"
    with pytest.raises(UnsignedSessions) as info:
        export_statement(vault, ids["client"], *MARCH, out)
    assert info.value.days == ["03/09/2026", "03/16/2026"]
    assert "no signed note" in str(info.value) and not out.exists()
    left = export_statement(vault, ids["client"], *MARCH, out,
                            unsigned=UnsignedChoice.LEAVE_OUT)
    assert left.charges == Decimal("200.00") and left.payments == Decimal("200.00")
    assert left.left_out == [date(2026, 3, 9), date(2026, 3, 16)]
    assert "03/09/2026" not in pdf_words(out)  # neither the session nor its payments
    both = statement_for(vault, ids["client"], *MARCH, unsigned=UnsignedChoice.INCLUDE)
    assert both.charges == Decimal("555.00") and both.left_out == []


def test_the_guard_holds_for_superbills_too(vault: Any, tmp_path: Path) -> None:
    ids = fill(vault, signed=False)
    with pytest.raises(UnsignedSessions):
        export_superbill(vault, ids["client"], *MARCH, tmp_path / "sb.pdf")
    # a draft note is not a signed one either
    from models.note import Note

    vault.notes.save_draft(Note(ids["appt1"], ids["client"]))
    with pytest.raises(UnsignedSessions) as info:
        export_superbill(vault, ids["client"], *MARCH, tmp_path / "sb.pdf")
    assert info.value.days == ["03/02/2026", "03/09/2026", "03/16/2026"]
    bill = export_superbill(vault, ids["client"], *MARCH, tmp_path / "sb.pdf",
                            unsigned=UnsignedChoice.INCLUDE)
    assert len(bill.lines) == 3
