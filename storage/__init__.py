"""The vault: SQLCipher connection, keys, migrations, repositories, audit log, backup/restore."""
