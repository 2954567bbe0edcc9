"""First run: practice profile, passphrase, recovery key."""
