"""Diagnoses in the client editor: only billable ICD-10-CM codes, found with the picker."""

from __future__ import annotations

from typing import Any

import pytest

from app.billing.icd10 import IcdCode
from tests.ui.conftest import Boxes, workspace_of


def test_client_editor_accepts_only_billable_icd10_codes(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Clients")
    dialog = page.new_client()
    dialog.legal_name.setText("Jordan Avery Reyes")
    dialog.diagnoses.add_button.click()
    dialog.diagnoses.table.item(0, 0).setText("F41")
    dialog.save()
    assert dialog.error.text().startswith("F41 is a category, not a billable code")
    assert dialog.error.text().count(".") <= 2 and dialog.isVisible()  # one plain sentence
    assert workspace_of(unlocked).vault.clients.list() == []

    dialog.diagnoses.table.item(0, 0).setText("f41.1")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    saved = workspace_of(unlocked).vault.clients.list()[0]
    assert saved.primary_diagnosis is not None
    assert saved.primary_diagnosis.code == "F41.1"
    assert saved.primary_diagnosis.description == "Generalized anxiety disorder"


def test_find_code_uses_the_icd10_picker(qtbot: Any, unlocked: Any, boxes: Boxes,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.billing

    asked: list[str] = []

    def pick(_parent: Any, initial: str = "") -> IcdCode:
        asked.append(initial)
        return IcdCode("F43.10", "Post-traumatic stress disorder, unspecified")

    monkeypatch.setattr(ui.billing, "pick_icd10", pick)
    dialog = unlocked.main_view.go_to("Clients").new_client()
    table = dialog.diagnoses
    table.find_code()  # no row selected: a new row
    assert asked == [""] and table.table.rowCount() == 1
    assert table.table.item(0, 0).text() == "F43.10"
    table.table.setCurrentCell(0, 0)
    table.find_code()  # the selected row is replaced, its code offered as the search
    assert asked == ["", "F43.10"] and table.table.rowCount() == 1
    dialog.reject()
