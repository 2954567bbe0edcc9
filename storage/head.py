"""The audit chain's head kept outside the database, to notice a vault that went back in time.

The hash chain shows an edited or removed entry in its middle, but not a chain cut at its end
or an older copy of the whole file put back (a sync client, a restored disk image, a lost WAL):
those look intact. So after every commit that appends to the audit log, the vault writes the
number of entries and the last hash to ``stillnote.head`` beside the database (atomically,
fsynced, with an HMAC under a key derived from the data key), and on unlock it checks that the
database still reaches that entry with that hash. The database may be ahead of the file (a
crash between the commit and the write); it may never be behind it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.audit import GENESIS, entry_hash
from storage.connection import Connection
from storage.files import write_text_atomic

HEAD_FILE = "stillnote.head"
_FORMAT = "stillnote-head"
# The first schema whose vaults always have a head file (it is written before that upgrade).
HEAD_REQUIRED_FROM = 3
ADVICE = ("it opens read-only: restore your latest backup, or run `stillnote audit accept` "
          "to keep working with the vault as it is")


@dataclass(frozen=True)
class ChainHead:
    count: int  # entries in the chain (ids run from 1, so also the last id)
    hash: str


@dataclass(frozen=True)
class HeadProblem:
    """Why a vault does not match its head: ``what`` for `audit verify`, ``detail`` (no PHI)
    for the audit entry that accepts the vault as it is."""

    what: str
    detail: str

    @property
    def read_only_sentence(self) -> str:
        return f"{self.what[:-1]}; {ADVICE}."


def chain_head(conn: Connection) -> ChainHead:
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return ChainHead(int(row[0]), str(row[1])) if row else ChainHead(0, GENESIS)


def _mac(data_key: bytes, vault_id: str, head: ChainHead) -> str:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"stillnote audit head v1").derive(data_key)
    message = f"{_FORMAT}:{vault_id}:{head.count}:{head.hash}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def write_head(vault_dir: Path, vault_id: str, data_key: bytes, head: ChainHead) -> None:
    record = {"format": _FORMAT, "version": 1, "vault_id": vault_id, "count": head.count,
              "hash": head.hash, "mac": _mac(data_key, vault_id, head)}
    write_text_atomic(Path(vault_dir) / HEAD_FILE, json.dumps(record) + "\n")


def read_head(vault_dir: Path, vault_id: str, data_key: bytes) -> ChainHead | None:
    """The head kept for this vault, None if there is no file; ValueError if it is damaged."""
    path = Path(vault_dir) / HEAD_FILE
    try:
        raw = json.loads(path.read_bytes()[:4096])
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ValueError("unreadable head") from exc
    if not isinstance(raw, dict) or raw.get("format") != _FORMAT:
        raise ValueError("not a head file")
    count, digest, mac = raw.get("count"), raw.get("hash"), raw.get("mac")
    if type(count) is not int or count < 0 or not isinstance(digest, str) \
            or not isinstance(mac, str):
        raise ValueError("head fields of the wrong type")
    head = ChainHead(count, digest)
    if raw.get("vault_id") != vault_id or not hmac.compare_digest(
            mac, _mac(data_key, vault_id, head)):
        raise ValueError("head of another vault, or edited")
    return head


def head_problem(conn: Connection, vault_dir: Path, vault_id: str, data_key: bytes,
                 version: int) -> tuple[ChainHead | None, HeadProblem | None]:
    """The head on file and what, if anything, the database lost since it was written."""
    try:
        head = read_head(vault_dir, vault_id, data_key)
    except ValueError:
        return None, HeadProblem(
            f"The vault's record of its last known state ({HEAD_FILE}) is damaged, so "
            "Stillnote cannot tell whether changes were lost.", "head file damaged")
    if head is None:
        if version < HEAD_REQUIRED_FROM:
            return None, None  # a vault from before heads: its first one is written now
        return None, HeadProblem(
            f"The vault's record of its last known state ({HEAD_FILE}) is missing, so "
            "Stillnote cannot tell whether changes were lost.", "head file missing")
    return head, compare(conn, head)


def compare(conn: Connection, head: ChainHead) -> HeadProblem | None:
    """None when the database still holds entry ``head.count`` with ``head.hash`` and every
    later entry follows from it."""
    last = chain_head(conn).count
    if last < head.count:
        lost = head.count - last
        return HeadProblem(
            f"The vault file is older than the vault's last known state: audit entries "
            f"{last + 1} to {head.count} ({lost} recorded change{'s' if lost != 1 else ''}) "
            "are missing, as if an older copy of the file was put back or its last changes "
            "were lost.", f"entries {last + 1}..{head.count} missing")
    rows = conn.execute(
        "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash "
        "FROM audit_log WHERE id >= ? ORDER BY id", (max(head.count, 1),)).fetchall()
    prev, expected = head.hash, max(head.count, 1)
    for r in rows:
        if int(r[0]) != expected:
            break
        expected += 1
        if int(r[0]) == head.count:
            if r[8] != head.hash:
                break
            continue
        if r[7] != prev or entry_hash(*r[:8]) != r[8]:
            break
        prev = r[8]
    else:
        return None
    return HeadProblem(
        f"The audit log no longer matches the vault's last known state at entry "
        f"{max(head.count, 1)}: it was rewritten outside Stillnote.",
        f"chain differs at entry {max(head.count, 1)}")
