"""`stillnote export superbill` and `stillnote export ics` end to end."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader

from app.cli import main
from tests.app.billing import sample
from tests.app.billing.conftest import PASSPHRASE, fill


@pytest.fixture
def filled(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    from storage.vault import Vault

    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    with vault:
        ids = fill(vault)
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    return ids


def test_export_superbill(filled: dict[str, int], vault_dir: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "march.pdf"
    code = main(["export", "superbill", "--vault", str(vault_dir), "--client",
                 str(filled["client"]), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "3 sessions" in capsys.readouterr().out
    assert "XYZ123456789" in (PdfReader(str(out)).pages[0].extract_text() or "")


def test_superbill_missing_npi_exits_2_with_the_list(filled: dict[str, int], vault_dir: Path,
                                                     tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from storage.vault import Vault

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.practice.save(replace(sample.practice(), npi="", tax_id=""))
    out = tmp_path / "march.pdf"
    code = main(["export", "superbill", "--vault", str(vault_dir), "--client",
                 str(filled["client"]), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == ("stillnote: The superbill is missing: the NPI; the tax ID (EIN or SSN).\n")
    assert not out.exists()


def test_bad_date_is_one_line(filled: dict[str, int], vault_dir: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "superbill", "--vault", str(vault_dir), "--client", "1",
              "--from", "March", "--to", "2026-03-31", "--out", "x.pdf"])
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_export_ics_private_and_with_names(filled: dict[str, int], vault_dir: Path,
                                           tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cal.ics"
    assert main(["export", "ics", "--vault", str(vault_dir), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "6 events" in captured.out
    assert "Vega" not in out.read_text(encoding="utf-8")
    assert main(["export", "ics", "--vault", str(vault_dir), "--out", str(out),
                 "--from", "2026-03-09", "--to", "2026-03-16", "--include-names"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("stillnote: warning: the .ics file includes client names")
    assert len(captured.err.strip().splitlines()) == 1
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 2
    assert all("Vega-Okafor" in str(e["SUMMARY"]) for e in events)


def test_wrong_range_and_no_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["export", "ics", "--vault", str(tmp_path / "none"), "--out",
                 str(tmp_path / "c.ics"), "--from", "2026-03-09", "--to", "2026-03-01"]) == 2
    assert main(["export", "ics", "--vault", str(tmp_path / "none"), "--out",
                 str(tmp_path / "c.ics")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("stillnote: ") for line in lines)
