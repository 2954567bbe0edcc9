"""Use cases: what a therapist does. Never imports Qt (only app/__main__.py launches the GUI)."""
