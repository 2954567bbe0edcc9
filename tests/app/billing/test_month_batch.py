"""The month batch over a mix of insured, self-pay and incomplete clients: every document that
can be made is made, each skip is named (ids, never names), and the command says "done"."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.billing.batch import batch_month, clients_with_sessions
from app.billing.unsigned import UnsignedChoice
from app.cli import main
from models.appointment import Appointment, AppointmentStatus, Service
from models.insurance import BillingKind, Insurance
from tests.app.billing import sample
from tests.app.billing.conftest import PASSPHRASE, fill, sign_notes
from tests.app.billing.pdf_text import pdf_words


def mixed_practice(vault: Any) -> dict[str, int]:
    """Insured (ready), self-pay (ready), insured without a date of birth, self-pay whose
    session has no fee, a self-pay client whose only session is unsigned, one with no
    session in March."""
    ids = {"insured": fill(vault)["client"]}

    def client(name: str, **fields: Any) -> int:
        return int(vault.clients.add(replace(sample.client(), id=None, legal_name=name,
                                             **fields)).id)

    def session(client_id: int, day: int, *, signed: bool = True,
                service: Service = Service.INDIVIDUAL) -> None:
        appt = vault.appointments.add(Appointment(client_id, sample.at(day, 14), minutes=45,
                                                  service=service,
                                                  status=AppointmentStatus.ATTENDED))
        if signed:
            sign_notes(vault, [appt])

    self_pay = {"billing": BillingKind.SELF_PAY, "insurance": Insurance()}
    ids["self_pay"] = client("Ana Lima", **self_pay, sliding_fee=Decimal("80"))
    session(ids["self_pay"], 4)
    session(ids["self_pay"], 11, signed=False)  # its note is still a draft: left out
    ids["no_dob"] = client("Theo Brandt", date_of_birth=None)
    session(ids["no_dob"], 5)
    ids["no_fee"] = client("Ben Ortiz", **self_pay)
    session(ids["no_fee"], 6, service=Service.FAMILY)  # 90847 has no fee in the schedule
    ids["all_unsigned"] = client("Cy Young", **self_pay)
    session(ids["all_unsigned"], 12, signed=False)
    ids["april_only"] = client("Dee Park", **self_pay)
    vault.appointments.add(Appointment(ids["april_only"], sample.at(2, month=4), minutes=45,
                                       status=AppointmentStatus.ATTENDED))
    return ids


def test_every_document_that_can_be_made_is_made(vault: Any, tmp_path: Path) -> None:
    ids = mixed_practice(vault)
    assert ids["april_only"] not in clients_with_sessions(vault, 2026, 3)
    out = tmp_path / "march"
    result = batch_month(vault, 2026, 3, out)
    assert sorted(p.name for p in result.written) == sorted([
        f"superbill-2026-03-client-{ids['insured']}.pdf",
        f"statement-2026-03-client-{ids['self_pay']}.pdf"])
    assert (result.superbills, result.statements) == (1, 1)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.written)
    skipped = {(s.client_id, s.document): s.reason for s in result.skipped}
    assert skipped == {
        (ids["no_dob"], "superbill"): "not made, missing: the client's date of birth",
        (ids["no_fee"], "statement"): "not made, missing: a fee for the session on "
                                      "03/06/2026 (set one under Billing > Fees)",
        (ids["all_unsigned"], "statement"): "not made: no session of the month has a signed "
                                            "note (03/12/2026)"}
    assert [(s.client_id, s.reason) for s in result.left_out] == [
        (ids["self_pay"], "the session on 03/11/2026 was left out: its note is not signed")]
    statement = pdf_words(out / f"statement-2026-03-client-{ids['self_pay']}.pdf")
    assert "Statement" in statement and "$80.00" in statement and "03/11/2026" not in statement
    assert "Superbill" in pdf_words(out / f"superbill-2026-03-client-{ids['insured']}.pdf")


def test_the_therapist_may_choose_to_bill_unsigned_sessions(vault: Any, tmp_path: Path) -> None:
    ids = mixed_practice(vault)
    result = batch_month(vault, 2026, 3, tmp_path / "march", unsigned=UnsignedChoice.INCLUDE)
    assert result.left_out == [] and result.statements == 2
    made = {p.name for p in result.written}
    assert f"statement-2026-03-client-{ids['all_unsigned']}.pdf" in made


def test_the_command_exits_0_when_done_and_names_each_skip(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from storage.vault import Vault

    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    with vault:
        ids = mixed_practice(vault)
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "march"
    code = main(["export", "superbills", "--vault", str(vault_dir), "--month", "2026-03",
                 "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and captured.err == ""
    lines = captured.out.splitlines()
    assert lines[0] == f"Wrote 1 superbill and 1 statement to {out}."
    assert sorted(lines[1:]) == sorted([
        f"skipped client {ids['no_dob']} (superbill): not made, missing: the client's date of "
        "birth.",
        f"skipped client {ids['no_fee']} (statement): not made, missing: a fee for the session "
        "on 03/06/2026 (set one under Billing > Fees).",
        f"skipped client {ids['all_unsigned']} (statement): not made: no session of the month "
        "has a signed note (03/12/2026).",
        f"left out for client {ids['self_pay']} (statement): the session on 03/11/2026 was "
        "left out: its note is not signed."])
    for name in ("Ana", "Theo", "Ben", "Cy", "Vega"):
        assert name not in captured.out
    assert main(["export", "superbills", "--vault", str(vault_dir), "--month", "2026-03",
                 "--out", str(out), "--include-unsigned"]) == 0
    assert "Wrote 1 superbill and 2 statements" in capsys.readouterr().out


def test_the_command_exits_2_when_the_batch_cannot_run(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from storage.vault import Vault

    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    with vault:
        mixed_practice(vault)
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["export", "superbills", "--vault", str(vault_dir), "--month", "2026-03",
                 "--out", str(blocker / "march")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("stillnote: ") and len(err.splitlines()) == 1
    with pytest.raises(SystemExit) as info:
        main(["export", "superbills", "--vault", str(vault_dir), "--month", "March",
              "--out", str(tmp_path)])
    assert info.value.code == 2
