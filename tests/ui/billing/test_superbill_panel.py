"""Superbills from the window: one client, the month's batch, the gaps an insurer would reject,
and the dialog opened from a client's page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.billing.unsigned import UnsignedChoice
from models.appointment import Appointment, AppointmentStatus
from models.insurance import BillingKind, Insurance
from tests.app.billing import sample
from tests.app.billing.conftest import sign_notes
from tests.ui.billing.helpers import billing_page, march
from ui.billing import open_superbill_dialog, unsigned_choice


def test_superbill_from_the_page(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert out.exists()
    assert panel.status.text().startswith(f"Saved {out} (3 sessions, total $555.00")


def test_superbill_missing_npi_lists_it(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    workspace.vault.practice.save(replace(sample.practice(), npi=""))
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert not out.exists()
    assert "Not made. The superbill needs:\n• the NPI" in panel.status.text()
    assert panel.make_button.isEnabled()


def test_batch_for_a_month(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    panel.month.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.batch_to(tmp_path / "month")
    assert panel.status.text() == f"Saved 1 superbill and 0 statements in {tmp_path / 'month'}."
    assert len(list((tmp_path / "month").glob("*.pdf"))) == 1


def test_the_month_names_each_skip_with_the_clients_name(qtbot: QtBot, workspace: Any,
                                                         tmp_path: Path) -> None:
    vault = workspace.vault
    ready = vault.clients.add(replace(sample.client(), id=None, legal_name="Ana Lima",
                                      billing=BillingKind.SELF_PAY, insurance=Insurance()))
    sign_notes(vault, [vault.appointments.add(Appointment(
        ready.id, sample.at(5), minutes=45, status=AppointmentStatus.ATTENDED))])
    vault.appointments.add(Appointment(ready.id, sample.at(12), minutes=45,
                                       status=AppointmentStatus.ATTENDED))  # no note yet
    no_dob = vault.clients.add(replace(sample.client(), id=None, legal_name="Theo Brandt",
                                       date_of_birth=None))
    sign_notes(vault, [vault.appointments.add(Appointment(
        no_dob.id, sample.at(6), minutes=45, status=AppointmentStatus.ATTENDED))])
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    panel.month.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.batch_to(tmp_path / "month")
    text = panel.status.text()
    assert text.startswith(f"Saved 1 superbill and 1 statement in {tmp_path / 'month'}.")
    assert "• Theo Brandt (superbill): not made, missing: the client's date of birth" in text
    assert ("• Ana Lima: the session on 03/12/2026 was left out: its note is not signed"
            in text)
    panel.include_unsigned.setChecked(True)
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.batch_to(tmp_path / "month")
    assert "Left out" not in panel.status.text()


def test_unsigned_notes_are_asked_about_before_billing(qtbot: QtBot, workspace: Any,
                                                       tmp_path: Path, monkeypatch: Any) -> None:
    vault = workspace.vault
    vault.appointments.add(Appointment(workspace.ids["client"], sample.at(26), minutes=45,
                                       status=AppointmentStatus.ATTENDED))
    asked: list[list[str]] = []
    answers = [None, UnsignedChoice.LEAVE_OUT, UnsignedChoice.INCLUDE]

    def ask(_parent: Any, exc: Any) -> Any:
        asked.append(exc.days)
        return answers.pop(0)

    monkeypatch.setattr(unsigned_choice, "ask_unsigned", ask)
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)  # cancelled: nothing made
    assert asked == [["03/26/2026"]] and not out.exists()
    assert panel.status.text().startswith("Not made: The session on 03/26/2026")
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert "(3 sessions, total $555.00" in panel.status.text()
    assert "1 unsigned left out" in panel.status.text() and out.exists()
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert "(4 sessions, total $705.00" in panel.status.text()
    assert panel.make_button.isEnabled()


def test_the_unsigned_question_has_three_answers(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from models.errors import UnsignedSessions

    def answer(label: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "03/09/2026, 03/16/2026" in box.text()
        next(b for b in box.buttons() if b.text() == label).click()

    for label, expected in ((unsigned_choice.LEAVE_OUT, UnsignedChoice.LEAVE_OUT),
                            (unsigned_choice.INCLUDE, UnsignedChoice.INCLUDE),
                            ("Cancel", None)):
        QTimer.singleShot(0, lambda label=label: answer(label))
        assert unsigned_choice.ask_unsigned(
            None, UnsignedSessions(["03/09/2026", "03/16/2026"])) is expected


def test_superbill_dialog_opens_for_a_client(qtbot: QtBot, workspace: Any) -> None:
    dialog = open_superbill_dialog(None, workspace, workspace.ids["client"])
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.panel.client.client_id() == workspace.ids["client"]
    dialog.reject()
