"""A plain-language hint about how strong a passphrase is (a hint, not a gate beyond length)."""

from __future__ import annotations

MIN_LENGTH = 8


def strength_hint(passphrase: str) -> tuple[int, str]:
    """(score 0..3, one sentence). Length matters most; words strung together are fine."""
    n = len(passphrase)
    if n == 0:
        return 0, f"Use at least {MIN_LENGTH} characters; a few unrelated words work well."
    if n < MIN_LENGTH:
        return 0, f"Too short: use at least {MIN_LENGTH} characters."
    kinds = sum((any(c.islower() for c in passphrase), any(c.isupper() for c in passphrase),
                 any(c.isdigit() for c in passphrase), any(not c.isalnum() for c in passphrase)))
    if n >= 20 or (n >= 14 and kinds >= 2):
        return 3, "Strong: long enough to resist guessing."
    if n >= 12 or kinds >= 3:
        return 2, "Fair: a few more characters or another word would make it strong."
    return 1, "Weak: longer is better — try four or more unrelated words."


def choice_problem(first: str, again: str, which: str = "") -> str | None:
    """Why a passphrase typed twice cannot be used (None if it can); ``which`` e.g. "new"."""
    name = f"{which} passphrase" if which else "passphrase"
    if len(first) < MIN_LENGTH:
        return f"The {name} needs at least {MIN_LENGTH} characters."
    if first != again:
        return f"The two {name}s differ; type the same one twice."
    return None
