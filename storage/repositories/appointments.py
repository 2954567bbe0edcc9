"""Appointments and recurring series. Each has a stable calendar UID; SEQUENCE grows on change."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from models.appointment import (
    Appointment,
    AppointmentStatus,
    Modality,
    Recurrence,
    Service,
    expand_series,
)
from storage.codec import (
    datetime_text,
    datetime_value,
    from_json,
    local_value,
    money_text,
    money_value,
    now_utc,
    to_json,
    tz_key,
    utc_text,
)
from storage.repositories.base import Repository, changed_fields, row_sql

_COLUMNS = ("client_id", "start_utc", "start_local", "tz", "minutes", "modality", "service",
            "status", "fee", "series_id", "cpt_code", "add_on_codes", "location", "uid",
            "sequence", "updated_at", "booked_at")
_SELECT, _INSERT, _UPDATE = row_sql("appointments", _COLUMNS)
# A change to any of these moves the event in a subscriber's calendar: bump SEQUENCE.
_CALENDAR_FIELDS = ("start", "minutes", "status", "modality")
_AUDITED = ("client_id", "start", "minutes", "modality", "service", "status", "fee", "cpt_code",
            "add_on_codes", "location")


def _values(a: Appointment) -> tuple[Any, ...]:
    return (a.client_id, utc_text(a.start), a.start.isoformat(), tz_key(a.start), a.minutes,
            str(a.modality), str(a.service), str(a.status), money_text(a.fee), a.series_id,
            a.cpt_code, to_json(list(a.add_on_codes)), a.location, a.uid, a.sequence,
            datetime_text(a.updated_at), datetime_text(a.booked_at))


def _appointment(r: Any) -> Appointment:
    return Appointment(
        id=r[0], client_id=r[1], start=local_value(r[3], r[4]), minutes=r[5],
        modality=Modality(r[6]), service=Service(r[7]), status=AppointmentStatus(r[8]),
        fee=money_value(r[9]), series_id=r[10], cpt_code=r[11],
        add_on_codes=list(from_json(r[12], [])), location=r[13], uid=r[14], sequence=r[15],
        updated_at=datetime_value(r[16]), booked_at=datetime_value(r[17]))


def new_uid() -> str:
    return f"{uuid.uuid4()}@stillnote"


class AppointmentRepository(Repository):
    entity = "appointment"

    def add(self, appt: Appointment) -> Appointment:
        """Store a new appointment; ``id`` and ``uid`` already set are kept (practice import)."""
        now = now_utc()
        stored = replace(appt, uid=appt.uid or new_uid(), updated_at=appt.updated_at or now,
                         booked_at=appt.booked_at or appt.updated_at or now,
                         add_on_codes=list(appt.add_on_codes))
        with self._db.transaction() as conn:
            cur = conn.execute(_INSERT, (appt.id, *_values(stored)))
            stored.id = int(cur.lastrowid or 0)
            self._audit("create", stored.id, f"client {stored.client_id}")
        return stored

    def add_series(self, first: Appointment, recurrence: Recurrence,
                   count: int) -> list[Appointment]:
        series_id = first.series_id or str(uuid.uuid4())
        occurrences = expand_series(replace(first, series_id=series_id), recurrence, count)
        with self._db.transaction():
            return [self.add(a) for a in occurrences]

    def update(self, appt: Appointment) -> Appointment:
        if appt.id is None:
            raise ValueError("update needs a stored appointment")
        with self._db.transaction() as conn:
            before = self.get(appt.id)
            moved = any(getattr(before, f) != getattr(appt, f) for f in _CALENDAR_FIELDS)
            stored = replace(appt, uid=before.uid,
                             sequence=before.sequence + 1 if moved else before.sequence,
                             updated_at=now_utc(), booked_at=before.booked_at,
                             add_on_codes=list(appt.add_on_codes))
            conn.execute(_UPDATE, (*_values(stored), appt.id))
            self._audit("update", appt.id, changed_fields(before, stored, _AUDITED))
        return stored

    def set_status(self, appt_id: int, status: AppointmentStatus) -> Appointment:
        with self._db.transaction():
            return self.update(replace(self.get(appt_id), status=AppointmentStatus(status)))

    def get(self, appt_id: int) -> Appointment:
        return _appointment(self._row(_SELECT + " WHERE id = ?", (appt_id,), "The appointment"))

    def between(self, start: datetime, end: datetime,
                client_id: int | None = None) -> list[Appointment]:
        """Appointments starting in [start, end), in time order."""
        sql = _SELECT + " WHERE start_utc >= ? AND start_utc < ?"
        params: list[Any] = [utc_text(start), utc_text(end)]
        if client_id is not None:
            sql += " AND client_id = ?"
            params.append(client_id)
        return [_appointment(r) for r in self._db.query(sql + " ORDER BY start_utc, id", params)]

    def for_client(self, client_id: int) -> list[Appointment]:
        rows = self._db.query(_SELECT + " WHERE client_id = ? ORDER BY start_utc, id",
                                 (client_id,))
        return [_appointment(r) for r in rows]

    def last_start_by_client(self, before: datetime) -> dict[int, datetime]:
        """Client id -> the start of their latest appointment before ``before`` (sorting by
        "recently seen" reads one row per client, not every appointment)."""
        rows = self._db.query("SELECT client_id, max(start_utc) FROM appointments "
                              "WHERE start_utc < ? AND status = 'attended' GROUP BY client_id",
                              (utc_text(before),))
        return {int(r[0]): datetime.fromisoformat(r[1].replace("Z", "+00:00")) for r in rows}

    def all(self) -> list[Appointment]:
        return [_appointment(r) for r in self._db.query(_SELECT + " ORDER BY start_utc, id")]
