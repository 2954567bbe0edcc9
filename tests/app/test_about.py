"""The About dialog's facts (app.about): this copy's version, the model a draft would use and
its hash, the terms of the fonts, models and measures that ship, and the promise."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.about import PROMISE, about_facts, model_in_use
from app.settings import DeviceSettings
from drafting.default_model import DEFAULT_MODEL_FILE, DEFAULT_MODEL_SHA256
from storage.files import models_dir
from tests.fixtures.default_model import place_default_model

ROOT = Path(__file__).resolve().parents[2]


def test_version_and_build_are_this_copy_s() -> None:
    facts = about_facts(DeviceSettings())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert facts.version == project["version"]
    assert facts.build == "Running from the source folder."


def test_the_promise_is_one_sentence() -> None:
    assert PROMISE.endswith(".") and PROMISE.count(".") == 1
    assert "Nothing leaves this laptop" in PROMISE
    assert about_facts(DeviceSettings()).promise == PROMISE


def test_before_its_first_draft_the_default_model_is_named_with_the_hash_it_will_be_checked_by(
        ) -> None:
    model = model_in_use(DeviceSettings())
    assert (model.name, model.path, model.sha256) == (DEFAULT_MODEL_FILE, None,
                                                     DEFAULT_MODEL_SHA256)
    assert model.is_default and "before its first draft" in model.note


def test_once_unpacked_the_default_model_is_the_checked_file(default_model_path: Path) -> None:
    target = place_default_model(default_model_path, models_dir())
    model = model_in_use(DeviceSettings())
    assert (model.path, model.sha256) == (target, DEFAULT_MODEL_SHA256)
    assert "when it was unpacked" in model.note


def test_a_chosen_model_is_named_and_left_to_be_hashed(tiny_gguf: Path) -> None:
    model = model_in_use(DeviceSettings(model_path=str(tiny_gguf)))
    assert (model.name, model.path, model.sha256, model.is_default) == (
        "tiny.gguf", tiny_gguf, "", False)


def test_a_chosen_model_that_is_gone_falls_back_to_the_default(tmp_path: Path) -> None:
    model = model_in_use(DeviceSettings(model_path=str(tmp_path / "moved-away.gguf")))
    assert model.is_default and model.sha256 == DEFAULT_MODEL_SHA256


def test_the_terms_of_what_ships_are_all_there() -> None:
    facts = about_facts(DeviceSettings())
    fonts = {n.name: n.terms for n in facts.fonts}
    assert set(fonts) == {"DejaVu", "DroidSansFallback"}
    assert "Bitstream" in fonts["DejaVu"] and "Apache" in fonts["DroidSansFallback"]
    (model,) = facts.models
    assert "Gemma Terms of Use" in model.terms and DEFAULT_MODEL_SHA256 in model.terms
    assert {n.name for n in facts.measures} >= {"PHQ-9", "GAD-7", "PCL-5"}
    assert all(n.terms.strip() for n in facts.measures)
    software = {name: (version, terms) for name, version, terms in facts.software}
    assert "LGPL-3.0-only" in software["PySide6_Essentials"][1]
    assert software["llama_cpp_python"][1] == "MIT"
    assert "Python" in software and "pytest" not in software
