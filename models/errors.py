"""The few kinds of problem a user can cause.

Each carries one plain sentence (its ``str``) that the CLI prints on stderr and the window shows
in a dialog. Anything else that escapes is our bug, not the user's, and is reported as such:
the CLI exits 70, the window shows a generic sentence, and the log names the exception type
(and, for a ``StillnoteBug``, its PHI-free ``str``), never a message that may quote a record.
"""

from __future__ import annotations


class StillnoteError(Exception):
    """A problem the user can understand and act on; ``str(err)`` is one plain sentence."""


class WrongPassphrase(StillnoteError):
    """The passphrase or recovery key does not open this vault."""


class VaultError(StillnoteError):
    """The vault cannot be used: missing, corrupt, locked by another process, or too new."""


class VaultTooNew(VaultError):
    """The vault was written by a newer Stillnote whose schema this version does not know."""


class StorageFull(StillnoteError):
    """The disk is full (or the file cannot be written); nothing already saved was lost."""


class InvalidInput(StillnoteError):
    """Input the user gave (a file, a field, a JSON document) cannot be used as it is."""


class ModelError(StillnoteError):
    """The language model file is missing, corrupt or not a GGUF model."""


NOTE_LOCKED = "The note is signed and cannot be changed; add an addendum instead."


class NoteLocked(StillnoteError):
    """A signed note cannot be changed; only an addendum can be added."""

    def __init__(self, message: str = NOTE_LOCKED) -> None:
        super().__init__(message)


class RecordAltered(StillnoteError):
    """A signed note or addendum no longer matches its signature: it is never shown as valid."""


class MissingBillingData(StillnoteError):
    """A billing document (superbill, claim form, Good Faith Estimate, statement) would be
    rejected or incomplete; ``missing`` names each gap, ``document`` what was not made."""

    def __init__(self, missing: list[str], document: str = "The superbill") -> None:
        self.missing = list(missing)
        self.document = document
        super().__init__(f"{document} is missing: " + "; ".join(self.missing) + ".")


class UnsignedSessions(StillnoteError):
    """Sessions to be billed whose note is not signed: billed only when the user says so."""

    def __init__(self, days: list[str]) -> None:
        self.days = list(days)  # dates of service as the app writes them
        many = len(self.days) > 1
        super().__init__(
            f"The session{'s' if many else ''} on {', '.join(self.days)} "
            f"{'have' if many else 'has'} no signed note; sign {'them' if many else 'it'} "
            "first, or choose to bill without a signed note or to leave "
            f"{'them' if many else 'it'} out.")


class KeyringUnavailable(StillnoteError):
    """No OS keyring service is available on this device (normal on headless Linux)."""


class StillnoteBug(Exception):
    """Our bug, caught where it happened: ``str`` is safe to log (an error code or name, never
    a value from the record). Not a StillnoteError: the user is not asked to fix it."""


def bug_description(exc: BaseException) -> str:
    """What a log line may say about our bug: its type, and for a StillnoteBug its PHI-free
    ``str`` (an error code); never another exception's message, which may quote a record."""
    if isinstance(exc, StillnoteBug) and str(exc):
        return f"{type(exc).__name__}: {exc}"
    return type(exc).__name__
