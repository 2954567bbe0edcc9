"""Measures leaving the vault: in the practice JSON (checked on import, record by record) and
as the measures PDF from the command line, read back with pdftotext and pypdf."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.cli import main
from app.demo import build_demo_practice
from app.practice_json import export_practice, parse_practice
from models.errors import InvalidInput
from storage.vault import Vault

PASSPHRASE = "measures exports"
TODAY = date(2026, 12, 1)
ALEX = 6  # the demo client whose PHQ-9 worsens, with the one positive item 9


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("measures-demo")
    vault, _ = Vault.create(folder / "vault", PASSPHRASE)
    with vault:
        build_demo_practice(vault, TODAY)
        export_practice(vault, folder / "practice.json")
    return folder


@pytest.fixture
def exported(demo_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((demo_dir / "practice.json").read_text(encoding="utf-8"))
    return data


def test_the_practice_file_carries_every_measure_with_its_items(exported: dict[str, Any]) -> None:
    measures = exported["measures"]
    assert len(measures) > 100
    first = measures[0]
    assert {"client_id", "instrument", "date", "items", "total"} <= set(first)
    assert {m["instrument"] for m in measures} == {"phq9", "gad7", "pcl5"}
    positive = [m for m in measures if m["instrument"] == "phq9" and m["items"].get("9")]
    assert len(positive) == 1 and positive[0]["client_id"] == ALEX
    assert exported["measure_schedules"] and all(
        {"client_id", "instrument", "rule", "interval"} <= set(s)
        for s in exported["measure_schedules"])
    assert parse_practice(exported).measures.responses[0].answers == first["items"]


def _first(key: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: d[key][0]


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: _first("measures")(d).update(instrument="bdi"), r"measures\[0\] names no measure"),
    (lambda d: _first("measures")(d).update(total=99), r"measures\[0\] has total 99"),
    (lambda d: _first("measures")(d)["items"].update({"1": 9}), r"item 1 takes one of"),
    (lambda d: _first("measures")(d).update(client_id=999), "refers to client 999"),
    (lambda d: _first("measures")(d).update(date="yesterday"), r"invalid value in measures\[0\]"),
    (lambda d: _first("measures")(d).update(appointment_id=d["appointments"][-1]["id"]),
     "not a session of client"),
    (lambda d: d["measures"][1].update(id=d["measures"][0]["id"]), "valid, unique id"),
    (lambda d: _first("measure_schedules")(d).update(rule="hourly"),
     r"invalid value in measure_schedules\[0\]"),
])
def test_a_bad_measure_record_is_refused_by_its_index(exported: dict[str, Any], change: Any,
                                                      message: str) -> None:
    broken = copy.deepcopy(exported)
    change(broken)
    with pytest.raises(InvalidInput, match=message):
        parse_practice(broken)


def test_an_older_file_without_measures_still_imports(exported: dict[str, Any]) -> None:
    older = {k: v for k, v in exported.items() if k not in ("measures", "measure_schedules")}
    assert parse_practice(older).measures.responses == []


# --- the measures PDF ------------------------------------------------------------------------
def test_export_measures_writes_the_table_and_the_chart(demo_dir: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "alex.pdf"
    code = main(["export", "measures", "--vault", str(demo_dir / "vault"), "--client",
                 str(ALEX), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Alex Kim" in text and "PHQ-9 — Patient Health Questionnaire" in text
    assert "GAD-7 — Generalized Anxiety Disorder scale" in text
    assert "(reliable deterioration)" in text
    assert "Positive risk item: PHQ-9 item 9 was answered “Several days”" in text
    assert "No permission required to reproduce" in text  # the instruments' attribution
    images = [name for page in PdfReader(out).pages
              for name, obj in (page["/Resources"].get("/XObject") or {}).items()
              if obj.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 2  # a chart per measure
    first = PdfReader(out).pages[0]["/Resources"]["/XObject"]
    image = next(iter(first.values())).get_object()
    assert (image["/Width"], image["/Height"]) == (1380, 520)


def test_export_measures_for_a_missing_client_is_one_line(demo_dir: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    code = main(["export", "measures", "--vault", str(demo_dir / "vault"), "--client", "999",
                 "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("stillnote: ") and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()

