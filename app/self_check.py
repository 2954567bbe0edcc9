"""`Stillnote --self-check`: does this installation work, apart from anyone's practice?

It goes through what a working day needs on a throw-away demo vault in a temporary folder:
the installation's own files and modules, the vault (SQLCipher, the key derivation), the bundled
model (unpacked into this computer's models folder as a first draft would, then loaded), one
note drafted by the model, signed, exported as PDF, the calendar as .ics, the audit chain
verified, then the vault deleted. Each step prints its time; the first failure ends the run
with one sentence and exit code 1. Passing tells a broken vault from a broken install: the
therapist's own vault is never opened or touched.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.build_info import build_line, check_installation, running_manifest, version
from app.calendar.ics import export_calendar
from app.documents import export_note_pdf
from app.measures.entry import measures_of_client
from app.measures.export import export_measures_pdf
from app.notes.drafting import draft_note, pipeline_for
from app.notes.workflow import acknowledge_all_flags, autosave, sign_note, start_or_resume_note
from app.pdf.measures_pdf import ChartImage
from app.settings import DeviceSettings
from app.vaults import DEMO_PASSPHRASE, ensure_demo_vault, open_vault
from drafting.default_model import DEFAULT_MODEL_SHA256, ensure_default_model
from models.appointment import Appointment, AppointmentStatus
from models.errors import StillnoteError, bug_description
from storage.record_check import check_record

if TYPE_CHECKING:
    from storage.vault import Vault

# A fictitious session, written the way a therapist answers the prompt.
SESSION_PROMPTS = {
    "presenting_concerns": "Work stress and poor sleep since the team was reorganized.",
    "mental_status": "Alert and oriented; mood anxious; affect congruent.",
    "interventions": "Cognitive restructuring with a thought record.",
    "client_response": "Engaged; named two catastrophic thoughts and one alternative.",
    "risk": "Denied suicidal and homicidal ideation, plan or intent.",
    "plan": "Weekly sessions; thought log before the next session.",
}
SESSION_MINUTES = 53
PASSED = ("This installation of Stillnote works: a problem opening your practice lies with "
          "the vault, not with the app.")
FAILED = ("This installation of Stillnote is broken at this step; reinstall it (your own "
          "vault, settings and model are kept apart and were not touched).")


@dataclass
class Scratch:
    """What the steps hand each other: the temporary folder and the demo vault in it."""

    folder: Path
    vault: Vault | None = None
    note_id: int | None = None
    chart: ChartImage | None = None  # draws the measures charts (Qt, from the launcher)
    settings: DeviceSettings = field(default_factory=DeviceSettings)  # the bundled model

    @property
    def vault_dir(self) -> Path:
        return self.folder / "vault"

    def open_vault(self) -> Vault:
        if self.vault is None:
            raise StillnoteError("The demo vault is not open.")
        return self.vault


Step = tuple[str, Callable[[Scratch], str]]  # (name, run it -> one line of detail)


def _installation(_scratch: Scratch) -> str:
    report = check_installation(running_manifest())
    return f"{report.files} files, {report.modules} modules"


def _demo_vault(scratch: Scratch) -> str:
    ensure_demo_vault(scratch.vault_dir, DEMO_PASSPHRASE)
    scratch.vault = vault = open_vault(scratch.vault_dir, DEMO_PASSPHRASE)
    return (f"{len(vault.clients.list())} clients, {len(vault.appointments.all())} "
            f"appointments in {scratch.folder}")


def _model(scratch: Scratch) -> str:
    path = ensure_default_model()
    started = time.perf_counter()
    pipeline_for(scratch.settings).load()
    return (f"{path.name} (SHA-256 {DEFAULT_MODEL_SHA256[:12]}…) in {path.parent}, "
            f"loaded in {time.perf_counter() - started:.2f} s")


def _session_to_write(vault: Vault) -> int:
    """A session that ended an hour ago, added for a client who consented to AI drafting (the
    demo's own sessions may carry screens that rightly hold their notes back)."""
    client = next((c for c in vault.clients.list() if c.ai_consent and c.id is not None), None)
    if client is None or client.id is None:
        raise StillnoteError("The demo practice has no client who consented to AI drafting.")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=SESSION_MINUTES + 60)
    session = vault.appointments.add(Appointment(client.id, start, minutes=SESSION_MINUTES,
                                                 status=AppointmentStatus.ATTENDED))
    return session.id or 0


def _draft(scratch: Scratch) -> str:
    vault = scratch.open_vault()
    note = start_or_resume_note(vault, _session_to_write(vault))
    note.prompts = dict(SESSION_PROMPTS)
    appointment = vault.appointments.get(note.appointment_id or 0)  # a session's note
    outcome = draft_note(note, appointment, vault.clients.get(note.client_id), scratch.settings)
    if not outcome.used_model:
        raise StillnoteError(outcome.reason or "The model did not draft the note.")
    scratch.note_id = autosave(vault, outcome.note).id
    words = len(outcome.note.body_text().split())
    return f"{outcome.note.format.name} note, {words} words, written with the model"


def _sign(scratch: Scratch) -> str:
    vault = scratch.open_vault()
    note = acknowledge_all_flags(vault.notes.get(scratch.note_id or 0))
    signed = sign_note(vault, note)
    if not signed.is_signed or signed.signature is None:
        raise StillnoteError("The note was not signed.")
    return "signed, with its signature"


def _note_pdf(scratch: Scratch) -> str:
    out = export_note_pdf(scratch.open_vault(), scratch.note_id or 0, scratch.folder / "note.pdf")
    if not out.read_bytes().startswith(b"%PDF"):
        raise StillnoteError("The note's PDF came out empty.")
    return f"{out.stat().st_size // 1024} KB"


def _measures_pdf(scratch: Scratch) -> str:
    """The measures PDF with its chart: numpy, pyqtgraph and Qt drawing offscreen."""
    vault = scratch.open_vault()
    client = next((c for c in vault.clients.list()
                   if c.id is not None and measures_of_client(vault, c.id)), None)
    if client is None or client.id is None:
        raise StillnoteError("The demo practice has no client with measures.")
    out = export_measures_pdf(vault, client.id, scratch.folder / "measures.pdf", scratch.chart)
    if not out.read_bytes().startswith(b"%PDF"):
        raise StillnoteError("The measures PDF came out empty.")
    return f"{out.stat().st_size // 1024} KB, with " + ("its charts" if scratch.chart
                                                       else "no charts (no display code)")


def _calendar(scratch: Scratch) -> str:
    out = scratch.folder / "calendar.ics"
    events = export_calendar(scratch.open_vault(), out)
    if not out.read_bytes().startswith(b"BEGIN:VCALENDAR"):
        raise StillnoteError("The calendar file came out empty.")
    return f"{events} events"


def _audit(scratch: Scratch) -> str:
    verdict = check_record(scratch.open_vault())
    if not verdict.ok:
        raise StillnoteError(verdict.message)
    return verdict.message


CORE_STEPS: tuple[Step, ...] = (
    ("installation", _installation),
    ("demo vault", _demo_vault),
    ("model", _model),
    ("draft", _draft),
    ("sign", _sign),
    ("note PDF", _note_pdf),
    ("measures PDF", _measures_pdf),
    ("calendar .ics", _calendar),
    ("audit chain", _audit),
)


def _delete(scratch: Scratch) -> None:
    if scratch.vault is not None:
        scratch.vault.close()
        scratch.vault = None
    shutil.rmtree(scratch.folder, ignore_errors=True)


def run_self_check(out: TextIO, chart: ChartImage | None = None,
                   window_steps: Sequence[Step] = ()) -> int:
    """Run every step (the window's after the core ones, while the demo vault exists), print
    one line each, then delete the vault; 0 when all passed, 1 at the first failure."""
    started = time.perf_counter()
    out.write(f"Stillnote {version()} ({build_line(running_manifest())}) self-check\n")
    scratch = Scratch(Path(tempfile.mkdtemp(prefix="stillnote-self-check-")), chart=chart)
    failed = ""
    try:
        for name, step in (*CORE_STEPS, *window_steps):
            failed = _timed(out, name, partial(step, scratch))
            if failed:
                break
    finally:
        delete_failed = _timed(out, "delete vault", lambda: _delete_checked(scratch))
    failed = failed or delete_failed
    if failed:
        out.write(f"Self-check failed at {failed}: {FAILED}\n")
        return 1
    out.write(f"Self-check passed in {time.perf_counter() - started:.1f} s. {PASSED}\n")
    return 0


def _delete_checked(scratch: Scratch) -> str:
    _delete(scratch)
    if scratch.folder.exists():
        raise StillnoteError(f"{scratch.folder} could not be deleted.")
    return "removed"


def _timed(out: TextIO, name: str, step: Callable[[], str]) -> str:
    """Run one step and print its line; the step's name if it failed, else ""."""
    started = time.perf_counter()
    try:
        detail = step()
    except StillnoteError as exc:
        detail = f"FAILED: {exc}"
    except ImportError as exc:  # a module the build left out; its name is no record's
        detail = f"FAILED: {type(exc).__name__} ({exc.name or 'a module'} does not load)"
    except Exception as exc:  # the install's bug, not the user's: its type, never a record
        detail = f"FAILED: {bug_description(exc)}"
    out.write(f"  {name:<14} {time.perf_counter() - started:6.2f} s  {detail}\n")
    out.flush()
    return name if detail.startswith("FAILED") else ""
