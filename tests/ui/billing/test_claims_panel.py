"""CMS-1500 claims from the window: plain, or values only with this device's offsets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from models.common import Address
from models.insurance import BillingKind, Insurance
from tests.app.billing import sample
from tests.app.billing.pdf_text import pdf_words, word_positions
from tests.ui.billing.helpers import billing_page, march


def _claim_ready(workspace: Any) -> None:
    vault = workspace.vault
    client = vault.clients.get(workspace.ids["client"])
    vault.clients.update(replace(
        client, sex="F", release_on_file=date(2026, 3, 2),
        insurance=replace(client.insurance,
                          claim_address=Address("PO Box 1", "Albany", "NY", "12201"))))
    vault.clients.add(replace(sample.client(), id=None, legal_name="Ana Lima",
                              billing=BillingKind.SELF_PAY, insurance=Insurance()))


def test_a_claim_on_blank_paper_and_on_the_red_form(qtbot: QtBot, workspace: Any,
                                                    tmp_path: Path) -> None:
    _claim_ready(workspace)
    page = billing_page(qtbot, workspace)
    panel = page.claims
    # only insured clients have claims
    assert [panel.client.itemText(i) for i in range(panel.client.count())] == [
        "Marisol Vega-Okafor"]
    march(panel)
    plain = tmp_path / "plain.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(plain)
    assert panel.status.text() == (f"Saved {plain}: 1 form, 4 service lines, total $555.00.")
    assert "HEALTH INSURANCE CLAIM FORM" in pdf_words(plain)
    workspace.settings.cms1500_offset_down = 0.1
    panel.data_only.setChecked(True)
    red = tmp_path / "red.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(red)
    assert "HEALTH INSURANCE CLAIM FORM" not in pdf_words(red)
    shift = word_positions(red, "XYZ123456789")[0][2] - word_positions(plain, "XYZ123456789")[0][2]
    assert abs(shift - 7.2) < 0.2


def test_the_pre_flight_shows_each_missing_box(qtbot: QtBot, workspace: Any,
                                               tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.claims
    march(panel)
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(tmp_path / "claim.pdf")
    text = panel.status.text()
    assert text.startswith("Not made. The claim form (CMS-1500) needs:\n")
    assert "• box 3 (the patient's sex, as on the card)" in text
    assert "• the payer's claims address above box 1" in text
    assert panel.make_button.isEnabled() and not (tmp_path / "claim.pdf").exists()
