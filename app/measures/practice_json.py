"""Measures in the practice JSON (docs/practice-json.md): ``measures`` (each administration:
client_id, appointment_id, instrument, date, items, total, source) and ``measure_schedules``.

On import every administration is re-scored by the engine: an unknown instrument, an answer
the form does not offer, or a total that does not match its items is refused by its index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app import practice_checks as check
from app.measures.catalog import instrument, known
from models.errors import InvalidInput
from models.measures.records import MeasureResponse, Schedule, ScheduleRule, Source
from models.measures.scoring import check_answers, score

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass
class ParsedMeasures:
    responses: list[MeasureResponse] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)


def measures_sections(vault: Vault) -> dict[str, list[dict[str, Any]]]:
    """The two top-level keys of the practice file that hold measures."""
    return {
        "measures": [{
            "id": r.id, "client_id": r.client_id, "appointment_id": r.appointment_id,
            "instrument": r.instrument, "date": r.taken_on.isoformat(), "items": r.answers,
            "total": r.total, "source": str(r.source),
            "created_at": r.created_at.isoformat() if r.created_at else None,
        } for r in vault.measures.all()],
        "measure_schedules": [{"id": s.id, "client_id": s.client_id, "instrument": s.instrument,
                               "rule": str(s.rule), "interval": s.interval}
                              for s in vault.measures.schedules()],
    }


def _records(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InvalidInput(f"The practice file's {key} is not a list of records.")
    return value


def _response(raw: dict[str, Any], where: str) -> MeasureResponse:
    key = raw.get("instrument")
    if not isinstance(key, str) or not known(key):
        raise InvalidInput(f"The practice file's {where} names no measure Stillnote knows "
                           f"({key!r}).")
    measure = instrument(key)
    items = raw.get("items")
    if not isinstance(items, dict):
        raise KeyError("items")
    try:
        answers = check_answers(measure, {str(k): v for k, v in items.items()})
    except InvalidInput as exc:
        raise InvalidInput(f"The practice file's {where}: {exc}") from None
    total = score(measure, answers).total
    if raw.get("total") != total:
        raise InvalidInput(f"The practice file's {where} has total {raw.get('total')!r}, but "
                           f"its items score {total!r}.")
    appointment = raw.get("appointment_id")
    created = raw.get("created_at")
    created_at = datetime.fromisoformat(created) if isinstance(created, str) and created else None
    if created_at is not None and created_at.tzinfo is None:
        raise KeyError("created_at")
    taken = raw.get("date")
    if not isinstance(taken, str):
        raise KeyError("date")
    return MeasureResponse(
        id=check.record_id(raw.get("id")),
        client_id=check.record_id(raw.get("client_id"), "client_id"), instrument=measure.key,
        taken_on=check.day(date.fromisoformat(taken), "date") or date.min, answers=answers,
        total=total,
        appointment_id=(None if appointment is None
                        else check.record_id(appointment, "appointment_id")),
        source=Source(raw.get("source", "therapist")),
        created_at=check.moment(created_at, "created_at"))


def _schedule(raw: dict[str, Any], where: str) -> Schedule:
    key = raw.get("instrument")
    if not isinstance(key, str) or not known(key):
        raise InvalidInput(f"The practice file's {where} names no measure Stillnote knows "
                           f"({key!r}).")
    return Schedule(id=check.record_id(raw.get("id")),
                    client_id=check.record_id(raw.get("client_id"), "client_id"),
                    instrument=key, rule=ScheduleRule(str(raw.get("rule"))),
                    interval=check.whole(raw.get("interval", 0), "interval", 0, 365))


def parse_measures(data: Mapping[str, Any]) -> ParsedMeasures:
    """Both keys as records (absent keys are empty); InvalidInput naming the record if bad."""
    parsed = ParsedMeasures()
    for key, build, into in (("measures", _response, parsed.responses),
                             ("measure_schedules", _schedule, parsed.schedules)):
        for i, raw in enumerate(_records(data, key)):
            where = f"{key}[{i}]"
            try:
                into.append(build(raw, where))  # type: ignore[arg-type]
            except (KeyError, TypeError, ValueError) as exc:
                # A KeyError names its field; other errors' messages may quote the value.
                named = isinstance(exc, KeyError) and exc.args
                field_name = f" (field {exc.args[0]!r})" if named else ""
                raise InvalidInput(f"The practice file has a missing or invalid value in "
                                   f"{where}{field_name}.") from None
    return parsed


def check_measure_references(parsed: ParsedMeasures, client_ids: set[int],
                             appointment_clients: Mapping[int | None, int]) -> None:
    """Unique ids; every client_id in the file; an appointment_id names that client's session."""
    lists: tuple[tuple[str, Sequence[MeasureResponse | Schedule]], ...] = (
        ("measures", parsed.responses), ("measure_schedules", parsed.schedules))
    for key, records in lists:
        seen: set[int] = set()
        for i, record in enumerate(records):
            if record.id is None or record.id < 1 or record.id in seen:
                raise InvalidInput(f"The practice file's {key}[{i}] has no valid, unique id.")
            seen.add(record.id)
            if record.client_id not in client_ids:
                raise InvalidInput(f"The practice file's {key}[{i}] refers to client "
                                   f"{record.client_id}, which is not in the file.")
    for i, r in enumerate(parsed.responses):
        if r.appointment_id is not None and appointment_clients.get(r.appointment_id) != \
                r.client_id:
            raise InvalidInput(f"The practice file's measures[{i}] refers to appointment "
                               f"{r.appointment_id}, which is not a session of client "
                               f"{r.client_id} in the file.")


def import_measures(vault: Vault, parsed: ParsedMeasures) -> None:
    """Insert the parsed measures with their ids (inside the practice import's transaction)."""
    for response in parsed.responses:
        vault.measures.add(response)
    for schedule in parsed.schedules:
        vault.measures.set_schedule(schedule)
