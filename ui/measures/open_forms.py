"""The hand-over forms on screen, so locking the practice can release them first (they refuse
every other close). Kept apart from the form itself so the shell imports nothing heavy."""

from __future__ import annotations

import weakref
from typing import Protocol


class Releasable(Protocol):
    def release(self) -> None: ...


_forms: weakref.WeakSet[Releasable] = weakref.WeakSet()


def register(form: Releasable) -> None:
    _forms.add(form)


def forget(form: Releasable) -> None:
    _forms.discard(form)


def release_all() -> None:
    """The practice is locking: each open form keeps its answers and lets itself close."""
    for form in list(_forms):
        form.release()
