"""The client-facing form: full screen, nothing else of the practice on show, and no way out
but the vault passphrase or the hand-over PIN (or the practice locking, which keeps the answers)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from app.measures.entry import measures_of_client, record_measure
from app.measures.handover import MAX_PIN_TRIES, set_handover_pin
from models.measures import Source
from tests.ui.conftest import PASSPHRASE, Boxes, workspace_of
from tests.ui.helpers import SECRET_NAME, add_client
from tests.ui.measures.helpers import measures_tab
from ui.measures.handover import HandoverForm


def everything_shown(form: QWidget) -> str:
    parts = [form.windowTitle()]
    for w in form.findChildren(QWidget):
        if not w.isVisibleTo(form):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
        elif isinstance(w, QLineEdit):
            parts += [w.text(), w.placeholderText()]
    return "\n".join(parts)


def hand_over(qtbot: Any, window: Any, **kwargs: Any) -> tuple[Any, HandoverForm]:
    ws = workspace_of(window)
    client = add_client(window, "Rosalind Quayle-Abernathy")
    other = add_client(window, SECRET_NAME)
    record_measure(ws.vault, other.id, "phq9", {"1": 3, "2": 3})
    form = measures_tab(window, client).hand_over(["phq9", "gad7"], **kwargs)
    assert form is not None
    qtbot.waitExposed(form)
    return client, form


def leave(qtbot: Any, form: HandoverForm, secret: str) -> None:
    form.show_exit()
    form.secret.setText(secret)
    form.exit_button.click()
    qtbot.waitUntil(lambda: form.checking is not None and not form.checking.running,
                    timeout=10000)


def test_the_form_fills_the_screen_and_shows_only_the_questionnaire(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client, form = hand_over(qtbot, unlocked)
    assert form.isFullScreen()
    assert not unlocked.isVisible()  # the practice window is hidden, not just covered
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [form]
    shown = everything_shown(form)
    for secret in (SECRET_NAME, client.legal_name, "Jo", "Maple Street Counseling",
                   "Dana Whitfield"):
        assert secret not in shown
    assert "Little interest or pleasure in doing things" in shown
    assert "No permission required to reproduce" in shown  # the attribution travels along
    page = form.pages[0]  # one question at a time, large
    assert sum(r.isVisibleTo(form) for r in page.board.rows) == 1
    assert page.progress.text().startswith("Question 1 of 9.")
    qtbot.keyClicks(page.board, "1")  # a problem: the difficulty question joins the count
    assert page.progress.text().startswith("Question 2 of 10.")
    assert page.board.rows[1].isVisibleTo(form) and not page.board.rows[0].isVisibleTo(form)
    with qtbot.waitSignal(form.finished):
        leave(qtbot, form, PASSPHRASE)


def test_nothing_but_the_passphrase_lets_the_client_out(qtbot: Any, unlocked: Any,
                                                       boxes: Boxes) -> None:
    client, form = hand_over(qtbot, unlocked)
    qtbot.keyClicks(form.pages[0].board, "2101")  # the client answers four questions
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible()
    form.close()  # what Alt+F4 or the window manager asks
    QApplication.sendEvent(form, QCloseEvent())
    assert form.isVisible() and form.stack.currentIndex() == len(form.pages)  # the exit page
    for wrong in ("", "1234", "stillnote-demo", PASSPHRASE.upper()):
        leave(qtbot, form, wrong)
        assert form.isVisible() and not unlocked.isVisible()
        assert form.exit_message.text() == "That is not the passphrase."
    with qtbot.waitSignal(form.finished) as done:
        leave(qtbot, form, PASSPHRASE)
    [saved] = done.args[0]
    assert saved.response.answers == {"1": 2, "2": 1, "3": 0, "4": 1}
    assert saved.response.source is Source.CLIENT
    assert unlocked.isVisible()  # the practice comes back only now
    assert [r.response.source for r in measures_of_client(workspace_of(unlocked).vault,
                                                           client.id)] == [Source.CLIENT]


def test_the_pin_opens_it_until_five_wrong_tries(qtbot: Any, unlocked: Any,
                                                boxes: Boxes) -> None:
    ws = workspace_of(unlocked)
    ws.do(set_handover_pin, "4821")
    assert "4821" not in str(ws.vault.settings.all())  # kept as a hash
    _client, form = hand_over(qtbot, unlocked, one_at_a_time=False)
    with qtbot.waitSignal(form.finished):
        leave(qtbot, form, "4821")
    assert unlocked.isVisible()
    tab = unlocked.main_view.page_by_name["Clients"].detail.measures
    form = tab.hand_over(["gad7"])
    qtbot.waitExposed(form)
    for _ in range(MAX_PIN_TRIES - 1):
        leave(qtbot, form, "0000")
        assert form.exit_message.text() == "That is not the passphrase or PIN."
    leave(qtbot, form, "0000")
    assert form.exit_message.text() == "That is not the passphrase."  # the PIN is off now
    leave(qtbot, form, "4821")  # the right PIN, too late
    assert form.isVisible()
    with qtbot.waitSignal(form.finished):
        leave(qtbot, form, PASSPHRASE)


def test_locking_keeps_the_answers_and_closes_the_form(qtbot: Any, unlocked: Any,
                                                      boxes: Boxes) -> None:
    ws = workspace_of(unlocked)
    vault_dir = ws.vault.path
    client, form = hand_over(qtbot, unlocked)
    qtbot.keyClicks(form.pages[0].board, "333")
    unlocked.lock()  # what the idle timer does when the client walks away
    assert unlocked.is_locked() and unlocked.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [unlocked]
    from app.vaults import open_vault

    with open_vault(vault_dir, PASSPHRASE) as vault:
        [kept] = measures_of_client(vault, client.id)
        assert kept.response.answers == {"1": 3, "2": 3, "3": 3}
