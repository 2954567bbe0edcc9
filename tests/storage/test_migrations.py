"""Schema steps: a vault saved at schema v1 upgrades, backed up first; each step is atomic."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from models.billing import Authorization
from models.measures import MeasureResponse, Schedule, ScheduleRule
from storage.connection import DB_FILE, configure_for_writing, connect
from storage.keys import new_key_file
from storage.migrations import LATEST_VERSION, MIGRATIONS, apply_migrations, schema_version
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE
from tests.storage.test_billing_schema import make_v2_vault


def make_v1_vault(vault_dir: Path) -> None:
    """A vault as the first Stillnote wrote it: only migration 1, one client and its audit entry."""
    key_file, data_key, _ = new_key_file(PASSPHRASE)
    vault_dir.mkdir(mode=0o700)
    conn = connect(vault_dir / DB_FILE, data_key, create=True)
    configure_for_writing(conn)
    assert apply_migrations(conn, up_to=1) == [1]
    conn.execute("INSERT INTO clients (id, legal_name, created_at) "
                 "VALUES (1, 'Maya Thornton', '2025-01-02T03:04:05+00:00')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    key_file.save(vault_dir)


def test_migrations_are_numbered_in_order() -> None:
    assert [m.VERSION for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert LATEST_VERSION >= 2


def test_v1_vault_upgrades_and_keeps_its_records(vault_dir: Path) -> None:
    make_v1_vault(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == LATEST_VERSION
        assert vault.clients.get(1).legal_name == "Maya Thornton"
        # tables added after v1 work
        vault.billing.fees.set("90834", Decimal("150"))
        vault.billing.authorizations.add(Authorization(1, "A-1", 10, date(2026, 1, 1),
                                                       date(2026, 12, 31)))
        vault.settings.set("k", 1)
        vault.measures.add(MeasureResponse(1, "phq9", date(2026, 1, 5), {"1": 2, "2": 1}))
        vault.measures.set_schedule(Schedule(1, "phq9", ScheduleRule.EVERY_SESSIONS, 4))
        assert [r.answers for r in vault.measures.for_client(1)] == [{"1": 2, "2": 1}]
        assert vault.audit.verify().ok
    backup = vault_dir / "stillnote.v1.before-upgrade.db"
    assert backup.exists() and (backup.stat().st_mode & 0o777) == 0o600
    # the kept copy is the v1 vault, encrypted with the same key
    with Vault.open(vault_dir, PASSPHRASE):
        pass
    assert not backup.read_bytes().startswith(b"SQLite format 3")


def test_a_failing_step_leaves_the_previous_version(vault_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    make_v1_vault(vault_dir)
    step2 = MIGRATIONS[1]
    monkeypatch.setattr(step2, "STATEMENTS", (*step2.STATEMENTS, "CREATE TABLE payments (x)"))
    with pytest.raises(Exception):  # noqa: B017 - any failure; the point is what stays behind
        Vault.open(vault_dir, PASSPHRASE)
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as vault:  # the retry applies step 2 cleanly
        assert schema_version(vault.connection) == LATEST_VERSION
        assert vault.clients.get(1).legal_name == "Maya Thornton"


SAVED_V1 = Path(__file__).parent / "fixtures" / "vault-v1"


def test_a_saved_schema_one_vault_upgrades(vault_dir: Path) -> None:
    """A vault file written by the first schema and kept in the repository, not rebuilt by the
    current code: an edit to migration 1 cannot hide from this test."""
    import shutil

    shutil.copytree(SAVED_V1, vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert schema_version(vault.connection) == LATEST_VERSION
        assert vault.clients.get(1).legal_name == "Maya Thornton"
        note = vault.notes.get(1)
        assert note.sections[0].text == "Saved with schema one."
        assert vault.notes.search("schema") == [1]
        assert vault.appointments.get(1).start.hour == 9
        vault.billing.fees.set("90834", Decimal("150"))
        assert vault.audit.verify().ok
    assert (vault_dir / "stillnote.v1.before-upgrade.db").exists()


def test_a_v2_vault_gets_the_client_details_with_empty_values(vault_dir: Path) -> None:
    make_v2_vault(vault_dir)  # through billing's step 5 and this one, 6
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        client = vault.clients.get(1)
        assert client.emergency_contact.is_empty()
        assert (client.contact_method, client.referral_source, client.note_format) == ("", "",
                                                                                        "")
        assert client.insurance.payer == "Aetna"  # billing's step kept what was there
        assert schema_version(vault.connection) == LATEST_VERSION >= 6
    assert (vault_dir / "stillnote.v2.before-upgrade.db").exists()
