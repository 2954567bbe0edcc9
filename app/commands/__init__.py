"""Subcommands of `stillnote`; each module has ``register(groups: app.cli.CommandGroups)``."""
