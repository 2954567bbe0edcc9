"""Schema v5: billing every kind of client (issue 12).

- clients: who is billed (``billing``: insurance or self_pay; a client without a payer on file
  becomes self_pay), a second plan, the client's sliding-scale fee, the sex a claim form
  carries, and the dates the release of information and the assignment of benefits were signed.
- appointments: ``booked_at``, when the session was scheduled (a Good Faith Estimate's deadline
  counts from it); existing sessions take their last change as the best date known.
- good_faith_estimates: each estimate as issued (a record kept, never changed or deleted).
"""

from __future__ import annotations

VERSION = 5

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE clients ADD COLUMN billing TEXT NOT NULL DEFAULT 'insurance'",
    """UPDATE clients SET billing = 'self_pay'
       WHERE trim(coalesce(json_extract(insurance, '$.payer'), '')) = ''""",
    "ALTER TABLE clients ADD COLUMN secondary_insurance TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE clients ADD COLUMN sliding_fee TEXT NOT NULL DEFAULT '0'",
    "ALTER TABLE clients ADD COLUMN sex TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE clients ADD COLUMN release_on_file TEXT",
    "ALTER TABLE clients ADD COLUMN assignment_on_file TEXT",
    "ALTER TABLE appointments ADD COLUMN booked_at TEXT",
    "UPDATE appointments SET booked_at = coalesce(updated_at, start_utc)",
    """CREATE TABLE good_faith_estimates (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        issued_on TEXT NOT NULL,
        period_end TEXT NOT NULL,
        total TEXT NOT NULL,
        estimate TEXT NOT NULL
    )""",
    "CREATE INDEX good_faith_estimates_client ON good_faith_estimates(client_id, issued_on)",
    # An estimate given to a client is a record the practice keeps: a new one follows it.
    """CREATE TRIGGER good_faith_estimates_no_update BEFORE UPDATE ON good_faith_estimates
       BEGIN SELECT RAISE(ABORT, 'a Good Faith Estimate is kept as issued'); END""",
    """CREATE TRIGGER good_faith_estimates_no_delete BEFORE DELETE ON good_faith_estimates
       BEGIN SELECT RAISE(ABORT, 'a Good Faith Estimate is kept as issued'); END""",
)
