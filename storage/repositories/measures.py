"""Measures: each administration's item answers (and its total as scored), and the schedules
that say when a client's next one is due. Audit entries name ids and the instrument only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from models.measures.records import MeasureResponse, Schedule, ScheduleRule, Source
from storage.codec import (
    date_text,
    date_value,
    datetime_text,
    datetime_value,
    from_json,
    now_utc,
    to_json,
)
from storage.repositories.base import Repository, row_sql

_COLUMNS = ("client_id", "appointment_id", "instrument", "taken_on", "answers", "total",
            "source", "created_at")
_SELECT, _INSERT, _ = row_sql("measure_responses", _COLUMNS)
_ORDER = " ORDER BY taken_on, id"


def _response(r: Any) -> MeasureResponse:
    answers = from_json(r[5], {})
    return MeasureResponse(
        id=r[0], client_id=r[1], appointment_id=r[2], instrument=r[3],
        taken_on=date_value(r[4]) or date.min, answers={str(k): int(v) for k, v in answers.items()},
        total=r[6], source=Source(r[7]), created_at=datetime_value(r[8]))


class MeasureRepository(Repository):
    entity = "measure"

    def add(self, response: MeasureResponse) -> MeasureResponse:
        """Store one administration (its id kept if it has one: practice import)."""
        stored = replace(response, answers=dict(response.answers),
                         created_at=response.created_at or now_utc())
        with self._db.transaction() as conn:
            cur = conn.execute(_INSERT, (
                stored.id, stored.client_id, stored.appointment_id, stored.instrument,
                date_text(stored.taken_on), to_json(stored.answers), stored.total,
                str(stored.source), datetime_text(stored.created_at)))
            stored.id = int(cur.lastrowid or 0)
            self._audit("create", stored.id, f"client {stored.client_id}; {stored.instrument}")
        return stored

    def get(self, response_id: int) -> MeasureResponse:
        return _response(self._row(_SELECT + " WHERE id = ?", (response_id,), "The measure"))

    def delete(self, response_id: int) -> None:
        with self._db.transaction() as conn:
            gone = self.get(response_id)
            conn.execute("DELETE FROM measure_responses WHERE id = ?", (response_id,))
            self._audit("delete", response_id, f"client {gone.client_id}; {gone.instrument}")

    def for_client(self, client_id: int, instrument: str | None = None) -> list[MeasureResponse]:
        """The client's administrations, oldest first (of one instrument if named)."""
        if instrument is None:
            rows = self._db.query(_SELECT + " WHERE client_id = ?" + _ORDER, (client_id,))
        else:
            rows = self._db.query(_SELECT + " WHERE client_id = ? AND instrument = ?" + _ORDER,
                                  (client_id, instrument))
        return [_response(r) for r in rows]

    def for_appointment(self, appointment_id: int) -> list[MeasureResponse]:
        rows = self._db.query(_SELECT + " WHERE appointment_id = ?" + _ORDER, (appointment_id,))
        return [_response(r) for r in rows]

    def on_day(self, client_id: int, day: date) -> list[MeasureResponse]:
        rows = self._db.query(_SELECT + " WHERE client_id = ? AND taken_on = ?" + _ORDER,
                              (client_id, date_text(day)))
        return [_response(r) for r in rows]

    def since(self, first: date) -> list[MeasureResponse]:
        """Every administration from ``first`` on, oldest first (the risk follow-up list)."""
        rows = self._db.query(_SELECT + " WHERE taken_on >= ?" + _ORDER, (date_text(first),))
        return [_response(r) for r in rows]

    def all(self) -> list[MeasureResponse]:
        return [_response(r) for r in self._db.query(_SELECT + " ORDER BY id")]

    def session_starts(self, client_id: int) -> list[datetime]:
        """When the client's attended sessions began (a chart's session ticks): the start
        times alone, so ten years of weekly sessions read in a few milliseconds."""
        rows = self._db.query("SELECT start_utc FROM appointments WHERE client_id = ? AND "
                              "status = 'attended' ORDER BY start_utc", (client_id,))
        return [datetime.fromisoformat(r[0].replace("Z", "+00:00")) for r in rows]

    # --- schedules ------------------------------------------------------------------------
    def schedules(self, client_id: int | None = None) -> list[Schedule]:
        sql = "SELECT id, client_id, instrument, rule, interval FROM measure_schedules"
        rows = (self._db.query(sql + " ORDER BY id") if client_id is None else
                self._db.query(sql + " WHERE client_id = ? ORDER BY id", (client_id,)))
        return [Schedule(id=r[0], client_id=r[1], instrument=r[2], rule=ScheduleRule(r[3]),
                         interval=r[4]) for r in rows]

    def set_schedule(self, schedule: Schedule) -> Schedule:
        """Add a schedule, or change the interval of the client's same rule for that measure."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO measure_schedules (id, client_id, instrument, rule, interval) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(client_id, instrument, rule) "
                "DO UPDATE SET interval = excluded.interval",
                (schedule.id, schedule.client_id, schedule.instrument, str(schedule.rule),
                 schedule.interval))
            row = conn.execute(
                "SELECT id FROM measure_schedules WHERE client_id = ? AND instrument = ? "
                "AND rule = ?", (schedule.client_id, schedule.instrument, str(schedule.rule))
            ).fetchone()
            stored = replace(schedule, id=int(row[0]))
            self._audit("schedule", stored.id, f"client {schedule.client_id}; "
                                               f"{schedule.instrument} {schedule.rule}")
        return stored

    def remove_schedule(self, schedule_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM measure_schedules WHERE id = ?", (schedule_id,))
            self._audit("unschedule", schedule_id)
