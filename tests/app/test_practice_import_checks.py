"""A practice file is checked whole before anything is written: one sentence naming the record."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.practice_json import import_practice, load_practice_file, parse_practice
from models.common import Address
from models.errors import InvalidInput
from models.good_faith import GfeProvider, GoodFaithEstimate
from storage.vault import Vault
from tests.app.practice_files import exported_demo, refused_import

PASSPHRASE = "import checks"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # a private process note on a signed note, which must stay home unless asked for
    data = exported_demo(tmp_path_factory.mktemp("exported"), PASSPHRASE,
                         process_notes="transference musings")
    data["_with_process_notes"] = exported_demo(
        tmp_path_factory.mktemp("exported"), PASSPHRASE, process_notes="transference musings",
        include_process_notes=True)
    return data


def test_process_notes_leave_only_when_asked(exported: dict[str, Any]) -> None:
    assert all("process_notes" not in n for n in exported["notes"])
    with_pn = exported["_with_process_notes"]["notes"]
    assert any(n.get("process_notes") == "transference musings" for n in with_pn)


def _signed(d: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in d["notes"] if n["status"] == "signed")


def _draft(d: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in d["notes"] if n["status"] == "draft")


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("duplicate client id", lambda d: d["clients"][1].__setitem__("id", d["clients"][0]["id"]),
     "two clients with id"),
    ("duplicate note id", lambda d: _draft(d).__setitem__("id", _signed(d)["id"]),
     "two notes with id"),
    ("draft for a missing appointment", lambda d: _draft(d).__setitem__("appointment_id", 10**6),
     "which is not in the file"),
    ("appointment of a missing client", lambda d: d["appointments"][0].__setitem__("client_id",
                                                                                    10**6),
     "appointments[0] refers to client"),
    ("name of the wrong type", lambda d: d["clients"][0].__setitem__("legal_name", 5),
     "clients[0] (field 'legal_name')"),
    ("start without offset", lambda d: d["appointments"][0].update(
        start="2026-03-02T10:00:00", timezone=""), "appointments[0]"),
    ("version as text", lambda d: d.__setitem__("version", "one"), "version"),
    ("edited signed note", lambda d: _signed(d)["sections"][0].__setitem__(
        "text", "something the clinician never signed"), "was changed after it was signed"),
    ("clients not a list", lambda d: d.__setitem__("clients", {"a": 1}), "clients"),
    ("flag of an unknown kind", lambda d: _draft(d).__setitem__(
        "flags", [{"kind": "mystery", "section": None, "message": "?", "text": ""}]),
     "(field 'flags')"),
]


@pytest.mark.parametrize(("name", "edit", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_files_are_refused_before_the_vault_changes(
        name: str, edit: Callable[[dict[str, Any]], None], words: str,
        exported: dict[str, Any], data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = copy.deepcopy({k: v for k, v in exported.items() if not k.startswith("_")})
    edit(doc)
    with pytest.raises(InvalidInput, match="."):
        parse_practice(doc)
    assert words in refused_import(doc, data_dir, PASSPHRASE, capsys)


def test_deeply_nested_and_huge_files(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = data_dir / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InvalidInput, match="nested too deeply"):
        load_practice_file(deep)
    monkeypatch.setattr("app.practice_json.MAX_FILE_BYTES", 1000)
    big = data_dir / "big.json"
    big.write_text(json.dumps({"x": "y" * 2000}))
    with pytest.raises(InvalidInput, match="too large"):
        load_practice_file(big)


def test_round_trip_is_exact(exported: dict[str, Any], data_dir: Path) -> None:
    from app.practice_json import practice_to_dict

    doc = {k: v for k, v in exported.items() if not k.startswith("_")}
    vault, _ = Vault.create(data_dir / "again", PASSPHRASE)
    with vault:
        import_practice(vault, copy.deepcopy(doc))
        again = practice_to_dict(vault)
    # The new vault seals the file with its own key and lists the old one beside it.
    mine = ("exported_at", "seal", "signing_keys")
    assert {k: v for k, v in again.items() if k not in mine} == \
        {k: v for k, v in doc.items() if k not in mine}
    assert doc["signing_keys"][0] in again["signing_keys"][1:]
    assert again["seal"]["signed_notes"] == doc["seal"]["signed_notes"]


def test_a_file_from_before_billing_kinds_infers_them(vault: Any) -> None:
    """Clients without ``billing`` (older files): a payer on file means insurance."""
    data = {"practice": {}, "appointments": [], "notes": [], "clients": [
        {"id": 1, "legal_name": "Maya Thornton", "insurance": {"payer": "Aetna",
                                                               "member_id": "W1"}},
        {"id": 2, "legal_name": "Dan Okafor", "insurance": {"payer": "", "member_id": ""}}]}
    import_practice(vault, data)
    assert vault.clients.get(1).billing.value == "insurance"
    assert vault.clients.get(2).billing.value == "self_pay"


def test_an_estimate_for_a_client_not_in_the_file_is_refused(vault: Any) -> None:
    estimate = GoodFaithEstimate(9, "Someone Else", None, date(2026, 3, 2), date(2026, 3, 2),
                                 date(2027, 3, 1), "", [], [],
                                 GfeProvider("Dana Reyes", "", "1234567893", "12-3456789",
                                             Address()))
    data = {"practice": {}, "appointments": [], "notes": [],
            "clients": [{"id": 1, "legal_name": "Maya Thornton"}],
            "good_faith_estimates": [{"id": 1, **estimate.to_dict()}]}
    with pytest.raises(InvalidInput, match=r"good_faith_estimates\[0\] refers to client 9"):
        parse_practice(data)
