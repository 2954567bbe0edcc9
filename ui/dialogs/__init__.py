"""Editors opened from the pages (clients, appointments, passphrase), one module each."""
