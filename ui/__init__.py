"""The window: PySide6 screens over app/ (the only Qt code in Stillnote)."""
