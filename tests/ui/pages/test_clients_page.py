"""Clients: add one through the dialog, find it, filter active and discharged."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from tests.ui.conftest import Boxes, workspace_of
from ui.dialogs.client_editor import ClientEditor


def test_add_a_client_through_the_dialog(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Clients")
    dialog = page.new_client()
    assert isinstance(dialog, ClientEditor) and dialog.isVisible()
    dialog.save()
    assert "legal name" in dialog.error.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.legal_name, "Jordan Avery Reyes")
    dialog.preferred_name.setText("Jo")
    dialog.pronouns.setCurrentText("they/them")
    dialog.dob.setText("13/45/1990")
    dialog.save()
    assert "MM/DD/YYYY" in dialog.error.text()
    dialog.dob.setText("04/23/1990")
    dialog.diagnoses.add_button.click()
    dialog.diagnoses.table.item(0, 0).setText("nonsense")
    dialog.save()
    assert "ICD-10" in dialog.error.text()
    dialog.diagnoses.table.item(0, 0).setText("f41.1")
    dialog.diagnoses.table.item(0, 1).setText("Generalized anxiety disorder")
    dialog.consent.setChecked(True)
    dialog.payer.setText("Aetna")
    dialog.member_id.setText("W123")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted

    clients = workspace_of(unlocked).vault.clients.list()
    assert [c.legal_name for c in clients] == ["Jordan Avery Reyes"]
    saved = clients[0]
    assert saved.date_of_birth is not None and saved.date_of_birth.year == 1990
    assert saved.primary_diagnosis is not None and saved.primary_diagnosis.code == "F41.1"
    assert saved.ai_consent and saved.ai_consent_date is not None
    assert page.list.count() == 1 and page.list.currentItem().text() == "Jo Reyes"
    assert page.detail.name.text() == "Jo Reyes"
    assert page.detail.diagnoses.table.item(0, 2).text() == "Primary"
    assert unlocked.windowTitle() == "Stillnote"  # never a client's name

    # Search and the discharged filter.
    page.search.setText("zzz")
    assert page.list.count() == 0
    page.search.clear()
    page.detail.discharge_button.click()  # confirmed by the patched question box
    assert page.list.count() == 0  # the "Active" filter hides the discharged client
    page.filter.setCurrentIndex(page.filter.findData("discharged"))
    assert page.list.count() == 1 and "discharged" in page.list.item(0).text()
