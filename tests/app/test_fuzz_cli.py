"""Fuzzing the two doors hostile data comes in by: `draft --facts` and `import practice`, the
latter followed by every export. Whatever hypothesis puts in, the command ends with 0, 1 or 2
(done, a check failed, the input was refused) and never with 70 (an internal error).

A valid document (a demo practice, a session's facts) gets a few of its values replaced by
hostile JSON: numbers too long to convert, NaN and infinities, lone surrogates, absurd nesting,
unknown time zones, dates at the ends of the calendar, huge text, values of the wrong type.
Bounded for CI (well under two minutes); STILLNOTE_FUZZ_EXAMPLES raises the number of tries.
The counts are printed (run with -s).
"""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from storage import keys
from storage.vault import Vault
from tests.app.practice_files import exported_demo

PASSPHRASE = "fuzz passphrase"
EXAMPLES = int(os.environ.get("STILLNOTE_FUZZ_EXAMPLES", "100"))
ALLOWED = {0, 1, 2}

# Raw JSON put in place of a value; several cannot be written by json.dumps at all.
HOSTILE = [
    "9" * 5000, "-" + "1" * 4400, "NaN", "Infinity", "-Infinity", "1e999999", "-1e-999999",
    '"\\ud800"', '"a\\udfffb"', '"\\u0000\\u001b[2J\\u0085\\u2028"', "[" * 900 + "]" * 900,
    '{"a": ' * 200 + "1" + "}" * 200, '"Not/AZone"', '"../../etc/passwd"', '"9999-12-31"',
    '"9999-12-31T23:59:59+00:00"', '"0001-01-01T00:00:00+14:00"', '"2026-03-02T10:00:00"',
    "1000000000000", str(2**63), str(-(2**63) - 1), "-1", "0", "0.5", "1e308", "null", "true",
    "false", '""', '"' + "x" * 100_000 + '"', '"abc"', "[]", "{}", '[{"kind": {"x": [1]}}]',
    '"1e999999"', '"NaN"', '"-0.00"', '"150.001"', '"150.00"', '"2026-02-30"',
]
# Odd but valid: what import must accept and every export must then cope with.
ODD = [
    r'"\u001b]0;title\u0007\u0000 \u2028\u2029\u0085\u202e name"', '"' + "N" * 5000 + '"',
    r'"\u4e2d\u6587 \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac \ud83d\ude00"',
    '"2199-12-31"', '"1900-01-01"', '"2199-12-31T23:59:00+00:00"', '"1900-01-01T00:00:00-12:00"',
    '"Pacific/Kiritimati"', '"Asia/Kathmandu"', "1", "1440", '"0.00"', '"1000000.00"',
    r'"a\nb\r\nc\td"', '"<b>&amp;</b>"', '"' + r"line\n" * 3000 + '"',
]


@pytest.fixture(scope="module")
def fast_kdf() -> Iterator[None]:
    """Every example creates and unlocks vaults; argon2 at its smallest allowed cost."""
    saved = dict(keys.DEFAULT_KDF)
    keys.DEFAULT_KDF.update(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    yield
    keys.DEFAULT_KDF.clear()
    keys.DEFAULT_KDF.update(saved)


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory, fast_kdf: None) -> dict[str, Any]:
    """The demo practice as exported, signatures and seal included."""
    return exported_demo(tmp_path_factory.mktemp("fuzz-source"), PASSPHRASE)


def _leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaf_paths(v, (*path, k))] or [path]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaf_paths(v, (*path, i))] or [path]
    return [path]


def _mutated(document: Any, changes: list[tuple[tuple[Any, ...], str]]) -> str:
    doc = copy.deepcopy(document)
    for i, (path, _token) in enumerate(changes):
        target = doc
        for part in path[:-1]:
            target = target[part]
        if path:
            target[path[-1]] = f"@@FUZZ{i}@@"
    text = json.dumps(doc)
    for i, (_path, token) in enumerate(changes):
        text = text.replace(f'"@@FUZZ{i}@@"', token)
    return text


class Tally:
    def __init__(self) -> None:
        self.codes: Counter[int] = Counter()
        self.bad: list[str] = []
        self.imports = self.accepted = 0

    def run(self, *argv: str) -> int:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refusing an argument
            code = int(exc.code or 0)
        self.codes[code] += 1
        if code not in ALLOWED:
            self.bad.append(" ".join(argv[:2]))
        return code


@pytest.fixture(scope="module")
def tally() -> Iterator[Tally]:
    record = Tally()
    yield record
    print(f"\nfuzz: {sum(record.codes.values())} commands, exit codes {dict(record.codes)}, "
          f"{len(record.bad)} failures; {record.imports} practice files tried, "
          f"{record.accepted} imported and exported every way")


def _exports(run: Tally, vault_dir: Path, out: Path) -> None:
    vault_arg = ["--vault", str(vault_dir)]
    run.run("export", "practice", *vault_arg, "--out", str(out / "p.json"),
            "--include-process-notes")
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        notes = [n.id for n in vault.notes.all()][:4]
        clients = [c.id for c in vault.clients.list()][:3]
        months = sorted({a.start.strftime("%Y-%m") for a in vault.appointments.all()})[:2]
    for note_id in notes:
        run.run("export", "note", *vault_arg, "--note", str(note_id), "--out",
                str(out / f"n{note_id}.pdf"), "--include-process-notes")
    for client_id in clients:
        run.run("export", "superbill", *vault_arg, "--client", str(client_id), "--from",
                "1900-01-01", "--to", "2199-12-31", "--out", str(out / f"s{client_id}.pdf"))
    for month in months:
        run.run("export", "superbills", *vault_arg, "--month", month, "--out", str(out / month))
    run.run("export", "ics", *vault_arg, "--out", str(out / "a.ics"), "--include-names")
    run.run("export", "ics", *vault_arg, "--out", str(out / "b.ics"), "--from", "1900-01-01",
            "--to", "2199-12-31")
    run.run("backup", *vault_arg, "--out", str(out / "b.bak"))
    run.run("audit", "verify", *vault_arg)


_counter = iter(range(10**9))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_import_practice_then_every_export(data: st.DataObject, practice: dict[str, Any],
                                           tmp_path: Path, tally: Tally,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    # Mostly values outside signed notes: a changed signed note is refused before anything
    # else is looked at, and the point is to get hostile values as far as the exports.
    paths = _leaf_paths(practice)
    signed = {n["id"] for n in practice["notes"] if n["status"] == "signed"}
    unsigned = [p for p in paths if not (p[0] == "notes" and practice["notes"][p[1]]["id"]
                                         in signed) and p[0] not in ("seal", "signing_keys")]
    where = st.one_of(st.sampled_from(unsigned), st.sampled_from(unsigned),
                      st.sampled_from(unsigned), st.sampled_from(paths))
    value = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(ODD), st.sampled_from(ODD))
    changes = data.draw(st.lists(st.tuples(where, value), min_size=0, max_size=3))
    folder = tmp_path / f"example-{next(_counter)}"
    folder.mkdir()
    source = folder / "practice.json"
    source.write_text(_mutated(practice, changes), encoding="utf-8", errors="surrogatepass")
    vault_dir = folder / "vault"
    tally.imports += 1
    if tally.run("import", "practice", "--vault", str(vault_dir), str(source)) == 0:
        tally.accepted += 1
        _exports(tally, vault_dir, folder)
    assert not tally.bad, tally.bad


FACTS = {"format": "soap",
         "session": {"date": "2026-03-02", "start": "10:00", "minutes": 50,
                     "modality": "office", "service": "individual", "approach": "CBT"},
         "client": {"name": "Maya", "pronouns": "she/her"},
         "prompts": {"presenting_concerns": "Sleep is poor.", "mental_status": "Alert.",
                     "interventions": "Sleep hygiene.", "client_response": "Engaged.",
                     "risk": "Denies SI.", "plan": "Meet next week."}}


@settings(max_examples=EXAMPLES * 3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.sampled_from(_leaf_paths(FACTS)),
                                  st.sampled_from(HOSTILE + ODD)), min_size=1, max_size=3),
       as_json=st.booleans())
def test_draft_facts(changes: list[tuple[tuple[Any, ...], str]], as_json: bool,
                     tmp_path: Path, tally: Tally) -> None:
    path = tmp_path / f"facts-{next(_counter)}.json"
    path.write_text(_mutated(FACTS, changes), encoding="utf-8", errors="surrogatepass")
    tally.run("draft", "--facts", str(path), "--model", str(tmp_path / "none.gguf"),
              *(["--json"] if as_json else []))
    assert not tally.bad, tally.bad
