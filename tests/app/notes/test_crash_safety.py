"""Kill the process that is typing a note (SIGKILL): the reopened vault has the last autosave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from storage.vault import Vault
from tests.app.notes.helpers import PASSPHRASE, add_client, add_session, new_vault

ROOT = Path(__file__).resolve().parents[3]
SENTENCE = "Client described a week of early waking and rumination about the deadline. "

CHILD = textwrap.dedent("""
    import sys
    from storage.vault import Vault
    from app.notes import autosave, start_or_resume_note

    vault_dir, passphrase, appt_id, sentence = sys.argv[1:5]
    vault = Vault.open(vault_dir, passphrase)
    note = start_or_resume_note(vault, int(appt_id))
    i = 0
    while True:  # types one character at a time, autosaving as the form's timer would
        i += 1
        note.prompts["presenting_concerns"] = (sentence * 20)[:i]
        autosave(vault, note)
        print(i, flush=True)
""")


def test_sigkill_while_typing_keeps_text_up_to_last_autosave(tmp_path: Path) -> None:
    vault = new_vault(tmp_path)
    appt = add_session(vault, add_client(vault))
    vault_dir = vault.path
    vault.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE, str(appt.id), SENTENCE],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    last = 0
    try:
        assert child.stdout is not None
        for line in child.stdout:
            last = int(line)
            if last >= 60:
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert last >= 60, child.stderr.read() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL

    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        note = reopened.notes.for_appointment(appt.id)
        assert note is not None
        saved = note.prompts["presenting_concerns"]
    # Everything acknowledged as saved is there; at most the keystroke in flight is extra.
    assert len(saved) >= last
    assert saved == (SENTENCE * 20)[:len(saved)]
