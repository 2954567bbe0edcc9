"""What a killed Stillnote leaves behind, cleared or finished on the next open.

- Temporary files of atomic writes (storage/files.py) and backup staging copies carry the
  writing process's id in their name; once that process is gone they are leftovers and are
  deleted when the vault is next opened (names from before, without an id, after an hour).
- A restore writes a journal beside the vault before its two renames (current vault aside,
  restored copy in). Killed between them, the next open finishes the restore from the journal
  (the copy in staging was already checked) and says where the previous vault is.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from storage.files import DB_FILE, KEYS_FILE, write_text_atomic

log = logging.getLogger(__name__)
# Sentences about a restore finished here, kept until the vault is next unlocked (take_notice).
_notices: dict[Path, str] = {}

_PID_TEMP = re.compile(r"^\..+\.(?P<pid>\d+)\.[a-z0-9_]+\.tmp$")
# A staging copy, and the journal SQLite keeps for it while sqlcipher_export writes it.
_PID_STAGING = re.compile(r"^\.backup-(?P<pid>\d+)-[0-9a-f]+\.db(?:-journal)?$")
_OLD_STYLE = re.compile(r"^\.(?:.+\.tmp|backup-[0-9a-f]+\.db(?:-journal)?)$")  # names before pids
_OLD_AGE_SECONDS = 3600


def staging_name(kind: str) -> str:
    """A private name for a staging file or folder, owned by this process."""
    return f".{kind}-{os.getpid()}-{os.urandom(4).hex()}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no safe probe (os.kill would end the process on Windows)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _is_leftover(path: Path) -> bool:
    match = _PID_TEMP.match(path.name) or _PID_STAGING.match(path.name)
    if match:
        return not _alive(int(match["pid"]))
    if _OLD_STYLE.match(path.name):
        try:
            return time.time() - path.stat().st_mtime > _OLD_AGE_SECONDS
        except OSError:
            return False
    return False


def remove_leftovers(vault_dir: Path) -> list[str]:
    """Delete what killed writers left in the vault folder and beside it; returns the names."""
    vault_dir = Path(vault_dir)
    removed: list[str] = []
    for path in list(vault_dir.iterdir()):
        if path.is_file() and _is_leftover(path):
            path.unlink(missing_ok=True)
            removed.append(path.name)
    restoring = re.compile(rf"^\.{re.escape(vault_dir.name)}\.restoring-(?P<pid>\d+)-[0-9a-f]+$")
    if not journal_path(vault_dir).exists():  # a journal still needs its staging folder
        for path in list(vault_dir.parent.iterdir()):
            match = restoring.match(path.name)
            if match and path.is_dir() and not _alive(int(match["pid"])):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
    if removed:
        log.info("removed %d leftover file(s) of an interrupted write", len(removed))
    return removed


# --- restore journal ----------------------------------------------------------------------
@dataclass(frozen=True)
class RestoreJournal:
    staging: str  # folder names beside the vault
    kept: str  # where the current vault goes ("" when there was none)
    made: str  # the date the backup was made, for the message and the audit entry


def journal_path(vault_dir: Path) -> Path:
    vault_dir = Path(vault_dir)
    return vault_dir.parent / f".{vault_dir.name}.restore.json"


def write_journal(vault_dir: Path, journal: RestoreJournal) -> None:
    write_text_atomic(journal_path(vault_dir), json.dumps(journal.__dict__))


def read_journal(vault_dir: Path) -> RestoreJournal | None:
    try:
        raw = json.loads(journal_path(vault_dir).read_text(encoding="utf-8"))
        return RestoreJournal(str(raw["staging"]), str(raw["kept"]), str(raw["made"]))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("an unreadable restore journal was set aside")
        with suppress(OSError):
            journal_path(vault_dir).unlink(missing_ok=True)
        return None


def _complete(folder: Path) -> bool:
    return (folder / KEYS_FILE).is_file() and (folder / DB_FILE).is_file()


def finish_interrupted_restore(vault_dir: Path) -> str:
    """Finish (or undo) a restore that was killed half-way; "" if there was none, else the
    sentence to show (also kept for ``take_notice``). Cheap when there is nothing to do, so it
    runs whenever a vault is looked for. Returns with the vault at ``vault_dir`` and the journal
    still present until the restored vault has recorded the restore (``forget_journal``)."""
    vault_dir = Path(vault_dir)
    notice = _finish(vault_dir)
    if notice:
        _notices[vault_dir.resolve()] = notice
    return notice


def take_notice(vault_dir: Path) -> str:
    """The sentence about a restore finished for ``vault_dir`` ("" if none), said once."""
    return _notices.pop(Path(vault_dir).resolve(), "")


def _finish(vault_dir: Path) -> str:
    journal = read_journal(vault_dir)
    if journal is None:
        return ""
    staging = vault_dir.parent / journal.staging
    kept = vault_dir.parent / journal.kept if journal.kept else None
    where = f"; the previous vault is in {kept}" if kept is not None else ""
    if _complete(staging):
        if vault_dir.exists() and kept is not None and not kept.exists():
            os.rename(vault_dir, kept)
        if not vault_dir.exists():
            os.rename(staging, vault_dir)
    if _complete(vault_dir) and not staging.exists():
        return (f"A restore of the backup made {journal.made} was interrupted and has now been "
                f"completed{where}.")
    # The copy never became the vault: put the previous one back.
    if not vault_dir.exists() and kept is not None and kept.exists():
        os.rename(kept, vault_dir)
    shutil.rmtree(staging, ignore_errors=True)
    forget_journal(vault_dir)
    return "A restore was interrupted before it changed anything; the vault is as it was."


def forget_journal(vault_dir: Path) -> None:
    journal_path(vault_dir).unlink(missing_ok=True)
