"""Standard measures as use cases: record and read scores, schedules and what is due, the
safety rule's screens, the note's measures facts, charts, the measures PDF, the hand-over
form's way out, the practice JSON and the demo courses (docs/measures.md)."""
