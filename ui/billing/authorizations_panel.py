"""Insurance authorizations per client: what is on file, sessions left, warnings."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from app.billing.authorizations import (
    AuthorizationStatus,
    add_authorization,
    status_for_client,
    warnings_for_client,
)
from app.workspace import Workspace
from ui.billing.common import ClientRecordsPanel
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.errors import message_for
from ui.timefmt import date_text
from ui.widgets import button_row, fill_table

COLUMNS = ("Number", "Payer", "From", "To", "Authorized", "Used", "Left")
OVERBOOKED_COLOUR = QColor("#a3362a")  # the stylesheet's #error red: more sessions than allowed


def _cells(status: AuthorizationStatus) -> tuple[str, ...]:
    auth = status.authorization
    return (auth.number, auth.payer, date_text(auth.start), date_text(auth.end),
            str(auth.sessions_authorized), str(status.used), str(status.left))


class AuthorizationsPanel(ClientRecordsPanel):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, COLUMNS, parent, stretch=COLUMNS.index("Payer"))
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.number = QLineEdit()
        self.payer = QLineEdit()
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 500)
        self.sessions.setValue(12)
        today = date.today()
        self.start = date_edit(today, DATE_FORMAT)
        self.end = date_edit(today + timedelta(days=180), DATE_FORMAT)
        self.add_button = QPushButton("Add authorization")
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow("Authorization number", self.number)
        form.addRow("Payer", self.payer)
        form.addRow("Sessions authorized", self.sessions)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow(button_row(self.add_button))
        self.arrange(self.warnings, form)

    def reload_table(self) -> None:
        client_id = self.client.client_id()
        rows = self.workspace.do(status_for_client, client_id) if client_id is not None else []
        fill_table(self.table, [_cells(status) for status in rows])
        self._emphasise_overbooked(rows)
        messages = ([w.message for w in self.workspace.do(warnings_for_client, client_id)]
                    if client_id is not None and rows else [])
        self.warnings.setText("\n".join(f"⚠ {m}" for m in messages))

    def _emphasise_overbooked(self, rows: list[AuthorizationStatus]) -> None:
        bold = QFont()
        bold.setBold(True)
        column = COLUMNS.index("Left")
        for row, status in enumerate(rows):
            item = self.table.item(row, column)
            if status.left < 0 and item is not None:
                item.setForeground(QBrush(OVERBOOKED_COLOUR))
                item.setFont(bold)
                item.setToolTip(f"{-status.left} more sessions than authorized")

    def add(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        try:
            auth = self.workspace.do(add_authorization, client_id, self.number.text(),
                                     self.sessions.value(), to_date(self.start.date()),
                                     to_date(self.end.date()), self.payer.text())
        except Exception as exc:
            self.status.problem(message_for(exc))
            return
        self.status.ok(f"Authorization {auth.number or '(no number)'} added: "
                       f"{auth.sessions_authorized} sessions until {date_text(auth.end)}.")
        self.number.clear()
        self.reload_table()
