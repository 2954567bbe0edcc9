"""The one place that renders PDFs (signed notes, superbills)."""
