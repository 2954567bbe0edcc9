"""`stillnote export gfe | statement | receipt | cms1500`: the command-line contract."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.settings import DeviceSettings, save_settings
from models.appointment import Appointment, AppointmentStatus
from models.common import Address
from models.insurance import BillingKind, Insurance
from tests.app.billing import sample
from tests.app.billing.conftest import PASSPHRASE, fill
from tests.app.billing.pdf_text import pdf_words, word_positions

MARCH = ["--from", "2026-03-01", "--to", "2026-03-31"]


@pytest.fixture
def practice(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The sample practice: the insured client ready for a claim, a self-pay client booked."""
    from storage.vault import Vault

    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    with vault:
        ids = fill(vault)
        client = vault.clients.get(ids["client"])
        vault.clients.update(replace(
            client, sex="F", release_on_file=date(2026, 3, 2),
            insurance=replace(client.insurance,
                              claim_address=Address("PO Box 1", "Albany", "NY", "12201"))))
        self_pay = vault.clients.add(replace(sample.client(), id=None, legal_name="Ana Lima",
                                             billing=BillingKind.SELF_PAY,
                                             insurance=Insurance()))
        start = datetime.combine(date.today() + timedelta(days=21), time(10), sample.TZ)
        for week in range(4):
            vault.appointments.add(Appointment(self_pay.id, start + timedelta(weeks=week),
                                               minutes=45))
        ids["self_pay"] = self_pay.id
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    return ids


def run(vault_dir: Path, *args: str) -> int:
    return main(["export", *args, "--vault", str(vault_dir)])


def test_export_gfe(practice: dict[str, int], vault_dir: Path, tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "gfe.pdf"
    assert run(vault_dir, "gfe", "--client", str(practice["self_pay"]), "--out", str(out)) == 0
    assert "1 item, expected charges $600.00" in capsys.readouterr().out  # 4 x 90834
    assert "Ana Lima" in pdf_words(out) and "not a contract" in pdf_words(out)
    assert run(vault_dir, "gfe", "--client", str(practice["self_pay"]), "--out", str(out),
               "--sessions", "20") == 0
    assert "expected charges $3,000.00" in capsys.readouterr().out


def test_gfe_refusals_are_one_line_exit_2(practice: dict[str, int], vault_dir: Path,
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from storage.vault import Vault

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.practice.save(replace(sample.practice(), npi="", tax_id=""))
    out = tmp_path / "gfe.pdf"
    assert run(vault_dir, "gfe", "--client", str(practice["self_pay"]), "--out", str(out)) == 2
    assert capsys.readouterr().err == (
        "stillnote: The Good Faith Estimate is missing: the provider's NPI; the provider's tax "
        "ID (TIN).\n")
    assert run(vault_dir, "gfe", "--client", str(practice["client"]), "--out", str(out)) == 2
    assert "for self-pay clients" in capsys.readouterr().err
    assert not out.exists()


def test_export_statement_and_receipt(practice: dict[str, int], vault_dir: Path,
                                      tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "statement.pdf"
    assert run(vault_dir, "statement", "--client", str(practice["client"]), *MARCH,
               "--out", str(out)) == 0
    assert "balance due $249.50" in capsys.readouterr().out
    assert "Balance due $249.50" in pdf_words(out)
    receipt = tmp_path / "receipt.pdf"
    assert run(vault_dir, "receipt", "--appointment", str(practice["appt1"]),
               "--out", str(receipt)) == 0
    assert "paid $200.00 of $200.00" in capsys.readouterr().out
    assert "Paid in full" in pdf_words(receipt)


def test_unsigned_sessions_need_a_flag(practice: dict[str, int], vault_dir: Path,
                                       tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from storage.vault import Vault

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.appointments.add(Appointment(practice["client"], sample.at(26), minutes=45,
                                           status=AppointmentStatus.ATTENDED))  # no note yet
    out = tmp_path / "statement.pdf"
    assert run(vault_dir, "statement", "--client", str(practice["client"]), *MARCH,
               "--out", str(out)) == 2
    assert capsys.readouterr().err.startswith(
        "stillnote: The session on 03/26/2026 has no signed note")
    assert not out.exists()
    assert run(vault_dir, "statement", "--client", str(practice["client"]), *MARCH,
               "--out", str(out), "--leave-out-unsigned") == 0
    assert "balance due $249.50" in capsys.readouterr().out
    assert run(vault_dir, "superbill", "--client", str(practice["client"]), *MARCH,
               "--out", str(out), "--include-unsigned") == 0
    assert "4 sessions" in capsys.readouterr().out


def test_export_cms1500_plain_data_only_and_offsets(practice: dict[str, int], vault_dir: Path,
                                                    tmp_path: Path, monkeypatch: Any,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STILLNOTE_DATA_DIR", str(tmp_path / "data"))
    plain, red = tmp_path / "plain.pdf", tmp_path / "red.pdf"
    assert run(vault_dir, "cms1500", "--client", str(practice["client"]), *MARCH,
               "--out", str(plain)) == 0
    assert capsys.readouterr().out == (f"Wrote {plain} (1 form, 4 service lines, total "
                                       "$555.00).\n")
    assert "HEALTH INSURANCE CLAIM FORM" in pdf_words(plain)
    save_settings(DeviceSettings(cms1500_offset_right=0.25))  # this device's printer
    assert run(vault_dir, "cms1500", "--client", str(practice["client"]), *MARCH,
               "--out", str(red), "--data-only") == 0
    assert "values only" in capsys.readouterr().out
    shift = word_positions(red, "XYZ123456789")[0][1] - word_positions(plain, "XYZ123456789")[0][1]
    assert shift == pytest.approx(18, abs=0.2)
    assert run(vault_dir, "cms1500", "--client", str(practice["client"]), *MARCH,
               "--out", str(red), "--data-only", "--offset-right", "0", "--offset-down",
               "0.5") == 0
    assert word_positions(red, "XYZ123456789")[0][2] - \
        word_positions(plain, "XYZ123456789")[0][2] == pytest.approx(36, abs=0.2)
    assert "HEALTH INSURANCE CLAIM FORM" not in pdf_words(red)


def test_cms1500_pre_flight_exit_2(practice: dict[str, int], vault_dir: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "claim.pdf"
    assert run(vault_dir, "cms1500", "--client", str(practice["self_pay"]), *MARCH,
               "--out", str(out)) == 2
    assert "self-pay" in capsys.readouterr().err
    from storage.vault import Vault

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        client = vault.clients.get(practice["client"])
        vault.clients.update(replace(client, sex="", release_on_file=None))
    assert run(vault_dir, "cms1500", "--client", str(practice["client"]), *MARCH,
               "--out", str(out)) == 2
    assert capsys.readouterr().err == (
        "stillnote: The claim form (CMS-1500) is missing: box 3 (the patient's sex, as on the "
        "card); box 12 (the date the client signed the release of information: signature on "
        "file).\n")
    assert not out.exists()
