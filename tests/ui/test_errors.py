"""Errors reach the user as one sentence; logs name the type only, never PHI."""

from __future__ import annotations

import logging
from typing import Any

from models.errors import InvalidInput
from tests.ui.conftest import Boxes
from tests.ui.helpers import (
    SECRET_NAME,
)
from ui import errors


def test_errors_are_one_sentence_and_logs_carry_no_phi(
        qtbot: Any, boxes: Boxes, caplog: Any) -> None:
    errors.show_error(None, InvalidInput("The fee must be a number."))
    assert boxes.texts()[-1] == "The fee must be a number."
    with caplog.at_level(logging.ERROR):
        errors._excepthook(ValueError, ValueError(SECRET_NAME), None)
    assert boxes.texts()[-1] == errors.GENERIC_SENTENCE
    assert "ValueError" in caplog.text and SECRET_NAME not in caplog.text
