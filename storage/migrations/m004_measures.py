"""Schema v4: standard measures (each administration's item answers) and per-client schedules."""

from __future__ import annotations

VERSION = 4

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE measure_responses (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        appointment_id INTEGER REFERENCES appointments(id),
        instrument TEXT NOT NULL,
        taken_on TEXT NOT NULL,
        answers TEXT NOT NULL,
        total INTEGER,
        source TEXT NOT NULL DEFAULT 'therapist',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX measure_responses_client ON measure_responses(client_id, instrument, taken_on)",
    "CREATE INDEX measure_responses_appointment ON measure_responses(appointment_id)",
    "CREATE INDEX measure_responses_day ON measure_responses(taken_on)",
    """CREATE TABLE measure_schedules (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        instrument TEXT NOT NULL,
        rule TEXT NOT NULL,
        interval INTEGER NOT NULL DEFAULT 0,
        UNIQUE (client_id, instrument, rule)
    )""",
)
