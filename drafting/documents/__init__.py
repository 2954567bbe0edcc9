"""The episode's documents: how an intake assessment, a treatment plan and a discharge summary
say the fields a progress note does not have (histories, medications as entered, coded
diagnoses, objectives with baseline, target and date, the record's dates and counts).

Each writer plans a field's sentences into the section the format gives it, from the same
clauses, choices and verifier as a progress note; it adds only the frame words its field
needs, declared on the clause (``Clause.frame``), so the verifier allows them for that fact
and nowhere else. ``writer_for`` is the realizer's one entry point; a progress note never
reaches it.
"""
