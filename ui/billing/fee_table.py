"""A table of CPT codes with an editable fee each: Billing > Fees and the fee schedule step."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.billing.payments import parse_amount
from models.billing import CPT_DESCRIPTIONS
from models.errors import InvalidInput


def amount_or_zero(text: str, what: str) -> Decimal:
    """A fee as typed ("150", "$1,200.50"); blank is zero; InvalidInput names ``what``."""
    if not text.strip():
        return Decimal("0.00")
    try:
        return parse_amount(text, allow_zero=True)
    except InvalidInput:
        raise InvalidInput(f"The {what} is not an amount of money: {text.strip()}.") from None


class FeeTable(QTableWidget):
    """One row per code: the code and its description (read-only) and the fee (editable)."""

    FEE = 2

    def __init__(self, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(len(codes), 3, parent)
        self.codes = list(codes)
        self.setHorizontalHeaderLabels(("CPT", "Service", "Fee"))
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, code in enumerate(self.codes):
            for column, text in enumerate((code, CPT_DESCRIPTIONS[code])):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, column, item)
            self.setItem(row, self.FEE, QTableWidgetItem(""))

    def set_fees(self, fees: dict[str, Decimal]) -> None:
        for row, code in enumerate(self.codes):
            item = self.item(row, self.FEE)
            if item is not None:
                item.setText(f"{fees[code]:.2f}" if code in fees else "")

    def set_fee_text(self, code: str, text: str) -> None:
        item = self.item(self.codes.index(code), self.FEE)
        if item is not None:
            item.setText(text)

    def fees(self) -> dict[str, Decimal]:
        """The fees typed (blank rows left out); InvalidInput names the first bad one."""
        fees: dict[str, Decimal] = {}
        for row, code in enumerate(self.codes):
            item = self.item(row, self.FEE)
            text = item.text() if item is not None else ""
            if text.strip():
                fees[code] = amount_or_zero(text, f"fee for {code}")
        return fees
