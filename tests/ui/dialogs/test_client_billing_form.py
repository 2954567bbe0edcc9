"""The client editor's Billing tab: insurance or self-pay, a sliding-scale fee, a dependent's
policy holder, a second plan, the claims address and the signatures on file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from models.insurance import BillingKind, Relationship
from ui.dialogs.client_editor import ClientEditor


def _editor(qtbot: QtBot, workspace: Any, client: Any = None) -> ClientEditor:
    dialog = ClientEditor(workspace, client)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_client_is_self_pay_until_a_payer_is_typed(qtbot: QtBot, workspace: Any) -> None:
    dialog = _editor(qtbot, workspace)
    billing = dialog.billing
    assert billing.billing.currentData() == BillingKind.SELF_PAY
    qtbot.keyClicks(dialog.payer, "Aetna")
    assert billing.billing.currentData() == BillingKind.INSURANCE
    dialog.payer.clear()
    assert billing.billing.currentData() == BillingKind.SELF_PAY


def test_a_dependent_with_a_second_plan_is_saved(qtbot: QtBot, workspace: Any) -> None:
    dialog = _editor(qtbot, workspace)
    form = dialog.billing
    dialog.legal_name.setText("Noah Williams")
    dialog.dob.setText("05/22/2004")
    form.sex.setCurrentIndex(form.sex.findData("M"))
    primary = form.primary
    primary.payer.setText("Lakeside Health Plan")
    primary.member_id.setText("M1002")
    primary.plan_name.setText("Lakeside PPO")
    primary.claims.street.setText("PO Box 450")
    primary.claims.city.setText("Rochester")
    primary.claims.state.setText("ny")
    primary.claims.postal_code.setText("14603")
    assert not primary.holder_name.isEnabled()
    primary.relationship.setCurrentIndex(primary.relationship.findData(Relationship.CHILD))
    assert primary.holder_name.isEnabled()
    primary.holder_name.setText("Karen  Williams")
    primary.holder_dob.setText("02/11/1976")
    primary.holder_sex.setCurrentIndex(primary.holder_sex.findData("F"))
    form.second_box.setChecked(True)
    form.second.payer.setText("Evergreen Mutual")
    form.second.member_id.setText("S77")
    form.release.signed.setChecked(True)
    form.release.on.setDate(QDate(2026, 3, 2))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    client = workspace.vault.clients.get(saved.args[0])
    assert client.billing is BillingKind.INSURANCE and client.sex == "M"
    ins = client.insurance
    assert (ins.payer, ins.member_id, ins.plan_name) == ("Lakeside Health Plan", "M1002",
                                                         "Lakeside PPO")
    assert ins.claim_address.one_line() == "PO Box 450, Rochester, NY 14603"
    assert ins.relationship is Relationship.CHILD
    assert (ins.subscriber.name, ins.subscriber.date_of_birth, ins.subscriber.sex) == (
        "Karen Williams", date(1976, 2, 11), "F")
    assert client.secondary_insurance.payer == "Evergreen Mutual"
    assert client.release_on_file == date(2026, 3, 2) and client.assignment_on_file is None
    # edited again: everything comes back into the form
    again = _editor(qtbot, workspace, client)
    assert again.billing.primary.holder_dob.text() == "02/11/1976"
    assert again.billing.second_box.isChecked() and again.billing.release.signed.isChecked()


def test_self_pay_on_a_sliding_scale(qtbot: QtBot, workspace: Any) -> None:
    client = workspace.vault.clients.get(workspace.ids["client"])
    dialog = _editor(qtbot, workspace, client)
    form = dialog.billing
    assert form.billing.currentData() == BillingKind.INSURANCE  # as stored
    form.billing.setCurrentIndex(form.billing.findData(BillingKind.SELF_PAY))
    form.sliding_fee.setText("$85")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    saved = workspace.vault.clients.get(client.id)
    assert saved.billing is BillingKind.SELF_PAY and saved.sliding_fee == Decimal("85.00")
    assert saved.insurance.payer == "Empire Blue Cross"  # kept, in case the client uses it again


def test_what_cannot_be_used_is_one_sentence_on_the_billing_tab(qtbot: QtBot,
                                                                workspace: Any) -> None:
    client = workspace.vault.clients.get(workspace.ids["client"])
    dialog = _editor(qtbot, workspace, client)
    form = dialog.billing
    form.sliding_fee.setText("cheap")
    dialog.save()
    assert dialog.error.text() == "The sliding-scale fee must be an amount such as 80 or 80.00."
    assert dialog.tabs.currentWidget() is form
    form.sliding_fee.clear()
    form.primary.relationship.setCurrentIndex(
        form.primary.relationship.findData(Relationship.SPOUSE))
    form.primary.holder_dob.setText("30/02/1980")
    dialog.save()
    assert dialog.error.text().startswith("Write the insurance's policy holder's date of birth")
    form.primary.holder_dob.setText("02/11/1976")
    form.primary.plan_name.setText("x" * 5000)
    dialog.save()
    assert dialog.error.text() == "The plan name is too long: it can have at most 200 characters."
    assert workspace.vault.clients.get(client.id).insurance == client.insurance
