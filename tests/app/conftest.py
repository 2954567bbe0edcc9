"""A real (SQLCipher) vault per test for the use cases of app/, as the storage tests have it;
tests/app/notes has its own, holding a small practice to write notes in."""

from tests.storage.conftest import PASSPHRASE, vault, vault_dir

__all__ = ["PASSPHRASE", "vault", "vault_dir"]
