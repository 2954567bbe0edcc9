"""`stillnote draft` through app.cli.main and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

from .helpers import sample_files

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, data: object, name: str = "facts.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_json_output_is_one_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = sample_files()[0]
    code = main(["draft", "--facts", str(sample), "--model", str(tmp_path / "none.gguf"),
                 "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    assert out.strip().count("\n") == 0
    assert set(data) >= {"format", "sections", "flags", "model", "timings"}
    assert [s["heading"] for s in data["sections"]] == [
        "Subjective", "Objective", "Assessment", "Plan"]
    assert set(data["timings"]) >= {"load_s", "first_token_s", "total_s", "generated_tokens"}
    assert "no_model" in [f["kind"] for f in data["flags"]]
    assert all(set(f) >= {"kind", "section", "message"} for f in data["flags"])
    assert set(data["choices"]) >= {"choices", "decided_by_model", "changed_from_default"}
    assert err.count("\n") == 1 and err.startswith("stillnote: ")


def test_format_override_and_text_output(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    sample = sample_files()[0]
    code = main(["draft", "--facts", str(sample), "--format", "PIE",
                 "--model", str(tmp_path / "none.gguf")])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("Problem\n") and "\nEvaluation\n" in out


@pytest.mark.parametrize(("content", "expected"), [
    ("{oops", "not valid JSON"),
    ({"format": "narrative", "prompts": {"plan": "x"}}, "Unknown note format"),
    ({"format": "soap", "prompts": {}}, "empty"),
    ({"format": "soap", "prompts": {"plan": "   "}}, "empty"),
])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          content: object, expected: str) -> None:
    path = write(tmp_path, content)
    code = main(["draft", "--facts", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.startswith("stillnote: ") and err.count("\n") == 1 and expected in err


def test_unknown_format_option_and_missing_file(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["draft", "--facts", str(sample_files()[0]), "--format", "narrative"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("stillnote: ") and err.count("\n") == 1
    assert main(["draft", "--facts", str(tmp_path / "missing.json")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_huge_field_is_truncated_with_a_flag(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, {"format": "dap", "prompts": {
        "presenting_concerns": "x" * 100_000, "plan": "walk daily"}})
    code = main(["draft", "--facts", str(path), "--model", str(tmp_path / "n.gguf"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert "field_truncated" in [f["kind"] for f in data["flags"]]
    assert sum(len(s["text"]) for s in data["sections"]) < 10_000


def test_subprocess_with_the_tiny_model(tmp_path: Path, tiny_gguf: Path) -> None:
    env = {**os.environ, "STILLNOTE_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "draft", "--facts", str(sample_files()[1]),
         "--model", str(tiny_gguf), "--threads", "1", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["format"] == "dap"
    assert data["model"]["name"] == "tiny" and len(data["model"]["sha256"]) == 64
    assert data["timings"]["generated_tokens"] > 0


def test_subprocess_bad_json_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, "[1,")
    proc = subprocess.run([sys.executable, "-m", "app.cli", "draft", "--facts", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("stillnote: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
