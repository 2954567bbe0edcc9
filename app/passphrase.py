"""How the command line gets the passphrase: environment, else a terminal prompt, else an error."""

from __future__ import annotations

import getpass
import os
import sys

from models.errors import InvalidInput

ENV_VAR = "STILLNOTE_PASSPHRASE"


def passphrase_from_environment_or_prompt(prompt: str = "Vault passphrase: ") -> str:
    value = os.environ.get(ENV_VAR)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(prompt)
        if value:
            return value
    raise InvalidInput(
        f"No passphrase given: set {ENV_VAR} or run the command in a terminal to be asked for it."
    )
