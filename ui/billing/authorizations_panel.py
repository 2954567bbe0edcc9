"""Insurance authorizations per client: what is on file, sessions left, warnings."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.billing.authorizations import add_authorization, status_for_client
from app.workspace import Workspace
from models.billing import authorization_warnings
from ui.billing.common import ClientChooser, StatusLine, to_date, to_qdate
from ui.errors import message_for

COLUMNS = ("Number", "Payer", "From", "To", "Authorized", "Used", "Left")


class AuthorizationsPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.client = ClientChooser()
        self.client.currentIndexChanged.connect(lambda _i: self.reload_table())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.number = QLineEdit()
        self.payer = QLineEdit()
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 500)
        self.sessions.setValue(12)
        today = date.today()
        self.start = QDateEdit(to_qdate(today))
        self.end = QDateEdit(to_qdate(today + timedelta(days=180)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.add_button = QPushButton("Add authorization")
        self.add_button.clicked.connect(self.add)
        self.status = StatusLine()
        form = QFormLayout()
        form.addRow("Authorization number", self.number)
        form.addRow("Payer", self.payer)
        form.addRow("Sessions authorized", self.sessions)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.client)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(form)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        self.client.reload(self.workspace)

    def reload_table(self) -> None:
        client_id = self.client.client_id()
        vault = self.workspace.vault
        rows = status_for_client(vault, client_id) if client_id is not None else []
        self.table.setRowCount(len(rows))
        for row, status in enumerate(rows):
            auth = status.authorization
            values = (auth.number, auth.payer, auth.start.isoformat(), auth.end.isoformat(),
                      str(auth.sessions_authorized), str(status.used), str(status.left))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        messages: list[str] = []
        if client_id is not None and rows:
            appts = vault.appointments.for_client(client_id)
            for status in rows:
                messages += [w.message for w in authorization_warnings(
                    status.authorization, appts, date.today())]
        self.warnings.setText("\n".join(f"⚠ {m}" for m in messages))

    def add(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        try:
            auth = add_authorization(self.workspace.vault, client_id, self.number.text(),
                                     self.sessions.value(), to_date(self.start.date()),
                                     to_date(self.end.date()), self.payer.text())
        except Exception as exc:
            self.status.problem(message_for(exc))
            return
        self.status.ok(f"Authorization {auth.number or '(no number)'} added: "
                       f"{auth.sessions_authorized} sessions until {auth.end.isoformat()}.")
        self.number.clear()
        self.reload_table()
