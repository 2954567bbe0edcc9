"""The client editor's typed dates follow the app's date format (Settings → Appearance), on the
Client tab and on the Billing tab's policy holder alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from models.common import date_style, set_date_style
from models.insurance import Relationship
from ui.dialogs.client_editor import ClientEditor


@pytest.fixture
def day_first() -> Iterator[None]:
    before = date_style()
    set_date_style("dmy")
    yield
    set_date_style(before)


def test_day_first_dates_are_hinted_read_and_shown_back(qtbot: QtBot, workspace: Any,
                                                        day_first: None) -> None:
    dialog = ClientEditor(workspace, None)
    qtbot.addWidget(dialog)
    holder = dialog.billing.primary
    assert dialog.dob.placeholderText() == holder.holder_dob.placeholderText() == "DD/MM/YYYY"
    dialog.legal_name.setText("Noah Williams")
    dialog.dob.setText("22/05/2004")
    holder.payer.setText("Lakeside Health Plan")
    holder.member_id.setText("M1002")
    holder.relationship.setCurrentIndex(holder.relationship.findData(Relationship.CHILD))
    holder.holder_name.setText("Karen Williams")
    holder.holder_dob.setText("02/31/1976")  # month first: not a day-first date
    dialog.save()
    assert dialog.error.text() == ("Write the insurance's policy holder's date of birth as "
                                   "DD/MM/YYYY, for example 11/02/1976.")
    holder.holder_dob.setText("11/02/1976")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    client = workspace.vault.clients.get(saved.args[0])
    assert client.date_of_birth == date(2004, 5, 22)
    assert client.insurance.subscriber.date_of_birth == date(1976, 2, 11)
    again = ClientEditor(workspace, client)
    qtbot.addWidget(again)
    assert again.dob.text() == "22/05/2004"
    assert again.billing.primary.holder_dob.text() == "11/02/1976"
