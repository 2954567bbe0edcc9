"""Finding 2, as the attack: a practice JSON edited by hand, then imported.

`stillnote import practice` of a file whose signed notes were edited (with the content hash
recomputed), downgraded to drafts or stripped of addenda exits 2 with one line, and the vault
is unchanged. A file whose keys and signatures were all replaced comes in under the other key,
and the import names that key's fingerprint.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.cli import main
from models.flags import Flag, FlagKind
from models.note import Note, NoteFormat, NoteSection, NoteStatus, content_hash
from models.signed_record import Seal, SignedEntry, note_payload, practice_payload
from storage.signing import fingerprint, short_fingerprint
from storage.vault import Vault
from tests.app.practice_files import exported_demo, refused_import

PASSPHRASE = "signature checks"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return exported_demo(tmp_path_factory.mktemp("signed"), PASSPHRASE,
                         process_notes="private working notes", include_process_notes=True,
                         flags=[Flag(FlagKind.UNGROUNDED, "Data", "Check this.", "A sentence.",
                                     acknowledged=True)])


def _signed(d: dict[str, Any], with_addenda: bool = False,
            with_process_notes: bool = False) -> dict[str, Any]:
    return next(n for n in d["notes"] if n["status"] == "signed"
                and (not with_addenda or n["addenda"])
                and (not with_process_notes or n.get("process_notes")))


def _rehash(note: dict[str, Any]) -> None:
    """What an editor who knows the format does: recompute the SHA-256 content hash."""
    note["content_hash"] = content_hash(Note(
        appointment_id=note["appointment_id"], client_id=note["client_id"],
        format=NoteFormat(note["format"]),
        sections=[NoteSection(s["heading"], s["text"]) for s in note["sections"]],
        status=NoteStatus.SIGNED, signed_at=datetime.fromisoformat(note["signed_at"]),
        signed_by=note["signed_by"], signer_credentials=note["signer_credentials"]))


def _edit_text(d: dict[str, Any]) -> None:
    note = _signed(d)
    note["sections"][0]["text"] = "The client reported no concerns."
    _rehash(note)


def _edit_signer(d: dict[str, Any]) -> None:
    note = _signed(d)
    note["signed_by"] = "Someone Else"
    _rehash(note)


def _edit_date(d: dict[str, Any]) -> None:
    note = _signed(d)
    note["signed_at"] = "2020-01-01T00:00:00+00:00"
    _rehash(note)


def _edit_prompt(d: dict[str, Any]) -> None:
    note = _signed(d)
    note["prompts"]["risk"] = "Denies suicidal ideation."


def _edit_flags(d: dict[str, Any]) -> None:
    note = next(n for n in d["notes"] if n["status"] == "signed" and n["flags"])
    note["flags"][0]["acknowledged"] = not note["flags"][0].get("acknowledged", False)


def _edit_process_notes(d: dict[str, Any]) -> None:
    _signed(d, with_process_notes=True)["process_notes"] = "something else entirely"


def _downgrade(d: dict[str, Any]) -> None:
    note = _signed(d)
    note.update(status="draft", signed_at=None, signed_by="", signature=None, addenda=[])


def _drop_addendum(d: dict[str, Any]) -> None:
    _signed(d, with_addenda=True)["addenda"].pop()


def _edit_addendum(d: dict[str, Any]) -> None:
    _signed(d, with_addenda=True)["addenda"][0]["text"] = "nothing to add"


def _drop_note(d: dict[str, Any]) -> None:
    d["notes"].remove(_signed(d))


def _drop_seal(d: dict[str, Any]) -> None:
    del d["seal"]


def _old_version(d: dict[str, Any]) -> None:
    d["version"] = 1
    del d["seal"]


def _swap_signatures(d: dict[str, Any]) -> None:
    first, second = [n for n in d["notes"] if n["status"] == "signed"][:2]
    first["signature"], second["signature"] = second["signature"], first["signature"]


ATTACKS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "text edited, hash recomputed": (_edit_text, "was changed after it was signed"),
    "signer edited, hash recomputed": (_edit_signer, "was changed after it was signed"),
    "signing time edited, hash recomputed": (_edit_date, "was changed after it was signed"),
    "prompt edited": (_edit_prompt, "was changed after it was signed"),
    "acknowledged flag edited": (_edit_flags, "was changed after it was signed"),
    "process notes edited": (_edit_process_notes, "was changed after it was signed"),
    "signed note turned into a draft": (_downgrade, "now has it as a draft"),
    "addendum removed": (_drop_addendum, "an addendum was removed"),
    "addendum edited": (_edit_addendum, "was changed after it was signed"),
    "signed note removed": (_drop_note, "was removed from it"),
    "seal removed": (_drop_seal, "seal is missing"),
    "passed off as a file from before signatures": (_old_version, "did not sign notes"),
    "signatures swapped between notes": (_swap_signatures, "was changed after it was signed"),
}


@pytest.mark.parametrize("attack", list(ATTACKS), ids=list(ATTACKS))
def test_an_edited_practice_file_is_refused_and_the_vault_unchanged(
        attack: str, exported: dict[str, Any], data_dir: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    edit, words = ATTACKS[attack]
    doc = copy.deepcopy(exported)
    edit(doc)
    assert words in refused_import(doc, data_dir, PASSPHRASE, capsys)
    # and into a vault that does not exist yet: none is left behind
    bad = data_dir / "practice.json"
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["import", "practice", "--vault", str(data_dir / "new"), str(bad)]) == 2
    assert not (data_dir / "new").exists()


def test_the_unedited_file_imports_and_names_the_key(
        exported: dict[str, Any], data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    good = data_dir / "p.json"
    good.write_text(json.dumps(exported), encoding="utf-8")
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["import", "practice", "--vault", str(data_dir / "v"), str(good)]) == 0
    out = capsys.readouterr().out
    assert short_fingerprint(exported["seal"]["key"]) in out
    assert main(["audit", "verify", "--vault", str(data_dir / "v")]) == 0
    with Vault.open(data_dir / "v", PASSPHRASE) as vault:
        signed = [n for n in vault.notes.all() if n.is_signed]
        assert signed and all(vault.notes.signature_problem(n) == "" for n in signed)
        assert any(n.process_notes == "private working notes" for n in signed)


def test_a_file_resigned_under_another_key_names_that_key(
        exported: dict[str, Any], data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever replaces every key and signature makes a file that checks out, but under a key
    whose fingerprint is not the one on the practice's PDFs; the import says which it is."""
    doc = copy.deepcopy(exported)
    forger = Ed25519PrivateKey.generate()
    public_raw = forger.public_key().public_bytes_raw()
    fp = fingerprint(public_raw)
    doc["signing_keys"] = [{"fingerprint": fp, "created_at": "2026-01-01T00:00:00+00:00",
                            "public_key": base64.b64encode(public_raw).decode("ascii")}]
    note = _signed(doc)
    note["sections"][0]["text"] = "A forged note."
    _rehash(note)
    entries = []
    for n in (n for n in doc["notes"] if n["status"] == "signed"):
        if n is not note and n["addenda"]:
            n["addenda"] = []  # re-signing addenda is the same work again; leave them out
        seal = Seal.from_dict(n["signature"])
        model = Note(id=n["id"], appointment_id=n["appointment_id"], client_id=n["client_id"],
                     format=NoteFormat(n["format"]), prompts=n["prompts"],
                     sections=[NoteSection(s["heading"], s["text"]) for s in n["sections"]],
                     flags=n["flags"], status=NoteStatus.SIGNED,
                     risk_not_assessed=n["risk_not_assessed"],
                     signed_at=datetime.fromisoformat(n["signed_at"]), signed_by=n["signed_by"],
                     signer_credentials=n["signer_credentials"],
                     # a document's own dates and the version it revises are signed too
                     written_on=_day(n.get("written_on")), review_on=_day(n.get("review_on")),
                     revises=n.get("revises"))
        seal = Seal(fp, "", seal.how, seal.at, seal.process_notes_digest,
                    seal.process_notes_salt)
        value = base64.b64encode(forger.sign(note_payload(model, seal))).decode("ascii")
        n["signature"] = {**seal.to_dict(), "value": value}
        entries.append(SignedEntry(n["id"], value, ()))
    value = base64.b64encode(forger.sign(practice_payload(
        fp, doc["exported_at"], doc["seal"]["vault_id"], entries))).decode("ascii")
    doc["seal"] = {"key": fp, "vault_id": doc["seal"]["vault_id"],
                   "signed_notes": [e.to_list() for e in entries], "value": value}
    forged = data_dir / "forged.json"
    forged.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["import", "practice", "--vault", str(data_dir / "v"), str(forged)]) == 0
    out = capsys.readouterr().out
    assert short_fingerprint(fp) in out
    assert short_fingerprint(exported["seal"]["key"]) not in out


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
