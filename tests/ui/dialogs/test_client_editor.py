"""The client editor: a huge paste refused in one sentence (and its tab brought forward), and a
new calendar label rewriting the subscribed .ics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import (
    MEGABYTE,
    add_client,
    book,
    paste,
)
from ui.dialogs.client_editor import LIMITS


def test_a_megabyte_in_the_client_name_is_refused_in_one_sentence(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Clients")
    dialog = page.new_client()
    seconds = paste(dialog.legal_name, MEGABYTE)
    assert seconds < 5  # generous on a loaded 2-core machine; a freeze takes far longer
    dialog.save()
    sentence = dialog.error.text()
    assert sentence == (f"The legal name is too long: it can have at most {LIMITS['legal name']} "
                        "characters.")
    assert dialog.isVisible() and workspace_of(unlocked).vault.clients.list() == []
    dialog.legal_name.setText("Jordan Avery Reyes")
    paste(dialog.street, MEGABYTE)
    dialog.save()
    assert "street is too long" in dialog.error.text()
    dialog.street.setText("12 Elm St")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [c.legal_name for c in workspace_of(unlocked).vault.clients.list()] == [
        "Jordan Avery Reyes"]


def test_a_megabyte_on_the_insurance_tab_brings_that_tab_forward(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    dialog = unlocked.main_view.go_to("Clients").new_client()
    dialog.legal_name.setText("Jordan Avery Reyes")
    paste(dialog.member_id, MEGABYTE)
    dialog.save()
    assert "member ID is too long" in dialog.error.text()
    assert dialog.tabs.currentIndex() == 1


def test_a_new_calendar_label_rewrites_the_ics_file(
        qtbot: Any, unlocked: Any, boxes: Boxes, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    workspace = workspace_of(unlocked)
    workspace.settings.ics_auto_export_path = str(target)
    client = add_client(unlocked)
    book(unlocked, client, hour=15)

    page = unlocked.main_view.go_to("Clients")
    page.select_client(client.id)
    dialog = page.detail.edit()
    assert dialog is not None
    dialog.calendar_code.setText("Blue-7")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert workspace.vault.clients.get(client.id).calendar_code == "Blue-7"
    text = target.read_text(encoding="utf-8")
    assert "Blue-7" in text and "Jordan" not in text
