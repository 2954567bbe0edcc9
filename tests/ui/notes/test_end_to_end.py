"""The whole path with the real default model: appointment -> prompt -> draft -> edit -> sign ->
refused edit -> addendum -> PDF. Counts the keystrokes and clicks a therapist needs from
"Write note" to "Signed" and times each step (run with -s to see the figures)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from tests.app.notes.helpers import add_client, add_session

# What a therapist types after a typical individual CBT session (interventions via quick picks).
TYPICAL = {
    "presenting_concerns": "Work stress and poor sleep since the reorganization.",
    "mental_status": "Alert, oriented, mood anxious, affect congruent.",
    "client_response": "Engaged, identified two catastrophic thoughts.",
    "progress": "Sleep up from 4 to 6 hours.",
    "impression": "Responding well to CBT; anxiety decreasing.",
    "risk": "Denies SI/HI.",
    "plan": "Weekly; thought log.",
}
PICKS = ("cognitive restructuring", "thought record")


@dataclass
class Tally:
    keys: int = 0
    clicks: int = 0
    steps: list[tuple[str, float, int, int]] = field(default_factory=list)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        keys, clicks, started = self.keys, self.clicks, time.perf_counter()
        yield
        self.steps.append((name, time.perf_counter() - started, self.keys - keys,
                           self.clicks - clicks))

    def report(self) -> str:
        lines = [f"{'step':<38}{'seconds':>9}{'keys':>7}{'clicks':>8}"]
        lines += [f"{n:<38}{s:>9.2f}{k:>7}{c:>8}" for n, s, k, c in self.steps]
        total = sum(s for _, s, _, _ in self.steps)
        lines.append(f"{'total':<38}{total:>9.2f}{self.keys:>7}{self.clicks:>8}")
        return "\n".join(lines)


def click(qtbot: Any, tally: Tally, widget: Any, pos: QPoint | None = None) -> None:
    assert widget.isEnabled() and widget.isVisible(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or QPoint())
    tally.clicks += 1


# Keys go where the keyboard focus is, as they would for the therapist: no test-only setFocus.
def focused() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: Any, tally: Tally, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    tally.keys += len(text)


def key(qtbot: Any, tally: Tally, keys: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), keys, modifier)
    tally.keys += 1  # a chord (Ctrl+D) counts as one keystroke


def pdf_text(path: Path) -> str:
    return " ".join(re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(str(path)).pages)


@pytest.mark.slow
def test_session_to_signature_with_default_model(qtbot: Any, workspace: Any, tmp_path: Path,
                                                 default_model_path: Path, boxes: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.notes import open_note_editor

    workspace.settings.model_path = str(default_model_path)
    vault = workspace.vault
    client = add_client(vault, "Ελένη Παπαδοπούλου")
    appt = add_session(vault, client)
    tally = Tally()

    with tally.step('"Write note" -> editor open'):
        tally.clicks += 1  # the "Write note" action on the attended appointment
        editor = open_note_editor(None, workspace, appt.id)
        assert editor is not None
        qtbot.waitUntil(editor.isActiveWindow)
    form = editor.form

    with tally.step("type the prompt (Tab between fields)"):
        order = ["presenting_concerns", "mental_status", "measures", "goals", "interventions",
                 "client_response", "progress", "impression", "risk", "plan"]
        for name in order:
            assert focused() is form.fields[name], (name, focused().objectName())
            if name == "measures":
                pass  # no scores recorded for this session: the field is left empty
            elif name == "goals":
                picks = [b for b in form.findChildren(QPushButton, "pick_goals")]
                click(qtbot, tally, picks[0])
            elif name == "interventions":
                for label in PICKS:
                    button = next(b for b in form.findChildren(QPushButton, "pick_interventions")
                                  if b.text() == label)
                    click(qtbot, tally, button)
            else:
                type_text(qtbot, tally, TYPICAL[name])
            if name != order[-1]:
                key(qtbot, tally, Qt.Key.Key_Tab)
        assert form.fields["interventions"].toPlainText() == \
            "Cognitive restructuring, thought record"
        assert form.fields["plan"].toPlainText() == TYPICAL["plan"]

    with tally.step("Draft (real model, streamed)"):
        progress: list[Any] = []
        with qtbot.waitSignal(editor.draft_finished, timeout=300_000) as blocker:
            key(qtbot, tally, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
            assert editor.job is not None, "Ctrl+D did not start a draft"
            assert editor.cancel_button.isVisible() and editor.progress.isVisible()
            editor.job.progress.connect(progress.append)
        outcome = blocker.args[0]
    assert outcome.used_model and not outcome.cancelled
    assert outcome.draft.model is not None and progress, "the draft streamed no progress"
    body = editor.note.body_text()
    for fact in ("SI/HI", "6 hours", "thought"):
        assert fact in body, fact

    with tally.step("edit the draft"):
        last = list(editor.draft_view.editors.values())[-1]
        viewport = last.viewport()
        # A click below the text puts the cursor at its end.
        click(qtbot, tally, viewport, QPoint(viewport.width() - 5, viewport.height() - 5))
        assert focused() is last
        type_text(qtbot, tally, " Call if sleep worsens.")
    assert "Call if sleep worsens." in editor.note.body_text()

    with tally.step("review flags"):
        if editor.review.ack_all.isEnabled():
            click(qtbot, tally, editor.review.ack_all)
        assert editor.review.gaps_label.text() == "Nothing: the note is complete."

    with tally.step("Sign (Ctrl+Enter, check signer, Enter)"):
        key(qtbot, tally, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        dialog = editor.sign_dialog
        assert dialog is not None, "Ctrl+Enter did not open the sign dialog"
        signer = dialog.findChild(QLabel, "signer").text()
        assert signer == "Dana Reyes, LCSW"
        qtbot.waitUntil(dialog.isActiveWindow)
        with qtbot.waitSignal(editor.signed, timeout=10_000):
            key(qtbot, tally, Qt.Key.Key_Return)  # "Sign and lock" is the default button
    assert "Signed by Dana Reyes, LCSW at" in editor.signing.signature_label.text()
    note_id = editor.note.id
    t = outcome.draft.timings
    print("\nFrom \"Write note\" to \"Signed\" (typical session):")
    print(tally.report())
    print(f"draft: model load {t.load_s:.2f} s, first token {t.first_token_s or 0:.2f} s, "
          f"total {t.total_s:.2f} s, {t.generated_tokens} tokens; "
          f"{len(outcome.note.flags)} flag(s) "
          f"({', '.join(str(f.kind) for f in outcome.note.flags) or 'none'})")

    # Refused edit: the UI offers none, the database refuses one.
    field_widget = form.fields["plan"]
    assert field_widget.isReadOnly() and not editor.draft_button.isEnabled()
    assert all(e.isReadOnly() for e in editor.draft_view.editors.values())
    qtbot.keyClicks(field_widget, "tampered")
    assert "tampered" not in field_widget.toPlainText()
    with pytest.raises(Exception):  # noqa: B017 - the trigger's error type is storage's
        vault.connection.execute("UPDATE notes SET body = 'tampered' WHERE id = ?", (note_id,))
    assert "tampered" not in vault.notes.get(note_id).body_text()

    # Addendum.
    click(qtbot, tally, editor.addendum_button)
    add_dialog = editor.addendum_dialog
    qtbot.keyClicks(add_dialog.text, "Client phoned: sleep stable.")
    click(qtbot, tally, add_dialog.save_button)
    assert "Client phoned: sleep stable." in editor.signing.signature_label.text()

    # PDF through the button, read back.
    out = tmp_path / "signed.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)")))
    click(qtbot, tally, editor.export_button)
    text = pdf_text(out)
    for expected in ("Ελένη Παπαδοπούλου", "1990-04-02", "Subjective", "Objective",
                     "Assessment", "Plan", "Client phoned: sleep stable.", "Dana Reyes, LCSW",
                     "Call if sleep worsens."):
        assert expected in text, expected
    assert "DRAFT" not in text
    assert boxes.shown == []
    editor.close()
