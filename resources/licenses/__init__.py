"""The terms of the models that ship with Stillnote (shown in the About dialog)."""
