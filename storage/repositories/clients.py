"""Clients and their treatment-plan goals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from models.client import (
    Client,
    ClientStatus,
    Diagnosis,
    EmergencyContact,
    Goal,
    GoalStatus,
    display_name_of,
)
from models.common import Address
from models.insurance import BillingKind, Insurance
from storage.codec import (
    date_text,
    date_value,
    datetime_text,
    datetime_value,
    from_json,
    money_text,
    money_value,
    now_utc,
    to_json,
)
from storage.repositories.base import Repository, changed_fields, row_sql

_COLUMNS = ("legal_name", "preferred_name", "pronouns", "date_of_birth", "email", "phone",
            "address", "insurance", "diagnoses", "ai_consent", "ai_consent_date", "status",
            "discharged_on", "calendar_code", "last_note_format", "created_at",
            # schema v5 (billing)
            "billing", "secondary_insurance", "sliding_fee", "sex", "release_on_file",
            "assignment_on_file",
            # schema v6 (the working day)
            "emergency_contact", "contact_method", "referral_source", "note_format")
_SELECT, _INSERT, _UPDATE = row_sql("clients", _COLUMNS)
_AUDITED = ("legal_name", "preferred_name", "pronouns", "date_of_birth", "email", "phone",
            "address", "insurance", "diagnoses", "ai_consent", "ai_consent_date", "status",
            "discharged_on", "calendar_code", "billing", "secondary_insurance", "sliding_fee",
            "sex", "release_on_file", "assignment_on_file", "emergency_contact",
            "contact_method", "referral_source", "note_format")


def _values(c: Client) -> tuple[Any, ...]:
    return (c.legal_name, c.preferred_name, c.pronouns, date_text(c.date_of_birth), c.email,
            c.phone, to_json(asdict(c.address)), to_json(c.insurance.to_dict()),
            to_json([asdict(d) for d in c.diagnoses]), int(c.ai_consent),
            date_text(c.ai_consent_date), str(c.status), date_text(c.discharged_on),
            c.calendar_code, c.last_note_format, datetime_text(c.created_at),
            str(c.billing), to_json(c.secondary_insurance.to_dict()), money_text(c.sliding_fee),
            c.sex, date_text(c.release_on_file), date_text(c.assignment_on_file),
            to_json(asdict(c.emergency_contact)), c.contact_method, c.referral_source,
            c.note_format)


def _client(row: Any) -> Client:
    # One JSON parse for the nested columns: the client list builds 2,000 of these.
    address, insurance, diagnoses, secondary, emergency = from_json(
        f"[{row[7] or '{}'},{row[8] or '{}'},{row[9] or '[]'},{row[18] or '{}'},"
        f"{row[23] or '{}'}]")
    return Client(
        id=row[0], legal_name=row[1], preferred_name=row[2], pronouns=row[3],
        date_of_birth=date_value(row[4]), email=row[5], phone=row[6],
        address=Address(**address), insurance=Insurance.from_dict(insurance),
        diagnoses=[Diagnosis(**d) for d in diagnoses], ai_consent=bool(row[10]),
        ai_consent_date=date_value(row[11]), status=ClientStatus(row[12]),
        discharged_on=date_value(row[13]), calendar_code=row[14], last_note_format=row[15],
        created_at=datetime_value(row[16]), billing=BillingKind(row[17]),
        secondary_insurance=Insurance.from_dict(secondary), sliding_fee=money_value(row[19]),
        sex=row[20], release_on_file=date_value(row[21]),
        assignment_on_file=date_value(row[22]), emergency_contact=EmergencyContact(**emergency),
        contact_method=row[24], referral_source=row[25], note_format=row[26])


def _matches_record(row: Any, needle: str) -> bool:
    """Whether a diagnosis (code or description) or the insurance member id holds ``needle``."""
    diagnoses, insurance = (row[9] or "").casefold(), (row[8] or "").casefold()
    texts: list[str] = []
    if needle in diagnoses:
        for dx in from_json(row[9], []):
            texts += [str(dx.get("code", "")), str(dx.get("description", ""))]
    if needle in insurance:
        ins = from_json(row[8], {})
        texts += [str(ins.get("member_id", "")), str(ins.get("group_number", ""))]
    return any(needle in t.casefold() for t in texts)


class ClientRepository(Repository):
    entity = "client"

    def add(self, client: Client) -> Client:
        """Store a new client; an ``id`` already set is kept (practice import)."""
        stored = replace(client, created_at=client.created_at or now_utc())
        with self._db.transaction() as conn:
            cur = conn.execute(_INSERT, (client.id, *_values(stored)))
            stored.id = int(cur.lastrowid or 0)
            self._audit("create", stored.id)
        return stored

    def update(self, client: Client) -> Client:
        if client.id is None:
            raise ValueError("update needs a stored client")
        before = self.get(client.id)
        with self._db.transaction() as conn:
            conn.execute(_UPDATE,
                         (*_values(replace(client, created_at=before.created_at)), client.id))
            self._audit("update", client.id, changed_fields(before, client, _AUDITED))
        return self.get(client.id)

    def get(self, client_id: int) -> Client:
        return _client(self._row(_SELECT + " WHERE id = ?", (client_id,), "The client"))

    def list(self, active_only: bool = False, search: str = "",
             limit: int | None = None) -> list[Client]:
        """Clients by name (legal, then preferred), matching ``search`` if given; only the
        first ``limit`` are built (a search box shows a few of two thousand)."""
        sql = _SELECT + (" WHERE status = 'active'" if active_only else "")
        rows = self._db.query(sql)
        needle = search.strip().casefold()
        if needle:
            # Match on the raw columns (names, email, phone, calendar code, date of birth as
            # written in the vault) before building objects; casefold rather than SQL LIKE so
            # Greek or accented names match too. Diagnoses and member ids are JSON: a row is
            # parsed only when its raw text holds the words, so a JSON key never matches.
            rows = [r for r in rows if any(needle in (r[i] or "").casefold()
                                           for i in (1, 2, 4, 5, 6, 14))
                    or _matches_record(r, needle)]
        # casefold, not SQLite NOCASE: Greek, Cyrillic and accented names sort and match too.
        rows.sort(key=lambda r: ((r[1] or "").casefold(), (r[2] or "").casefold()))
        return [_client(r) for r in (rows if limit is None else rows[:limit])]

    def display_names(self, ids: Iterable[int] | None = None) -> dict[int, str]:
        """Client id -> display name (of ``ids``, else of all), read from the two name columns
        only (the calendar and the search box need nothing else)."""
        sql = "SELECT id, legal_name, preferred_name FROM clients"
        if ids is None:
            rows = self._db.query(sql)
        else:
            wanted = sorted(set(ids))
            rows = self._db.query(f"{sql} WHERE id IN ({', '.join('?' * len(wanted))})",
                                  tuple(wanted)) if wanted else []
        return {int(r[0]): display_name_of(r[1], r[2]) for r in rows}

    def discharge(self, client_id: int, on: date) -> Client:
        with self._db.transaction() as conn:
            self.get(client_id)
            conn.execute("UPDATE clients SET status = ?, discharged_on = ? WHERE id = ?",
                         (str(ClientStatus.DISCHARGED), on.isoformat(), client_id))
            self._audit("discharge", client_id)
        return self.get(client_id)

    def set_last_note_format(self, client_id: int, fmt: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("UPDATE clients SET last_note_format = ? WHERE id = ?",
                         (str(fmt), client_id))

    def count(self) -> int:
        return int(self._db.query_one("SELECT count(*) FROM clients")[0])


class GoalRepository(Repository):
    entity = "goal"

    def add(self, goal: Goal) -> Goal:
        stored = replace(goal)
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO goals (id, client_id, text, status, target_date) "
                "VALUES (?, ?, ?, ?, ?)",
                (goal.id, goal.client_id, goal.text, str(goal.status), date_text(goal.target_date)))
            stored.id = int(cur.lastrowid or 0)
            self._audit("create", stored.id, f"client {goal.client_id}")
        return stored

    def update(self, goal: Goal) -> Goal:
        if goal.id is None:
            raise ValueError("update needs a stored goal")
        with self._db.transaction() as conn:
            self._row("SELECT id FROM goals WHERE id = ?", (goal.id,), "The goal")
            conn.execute("UPDATE goals SET client_id = ?, text = ?, status = ?, target_date = ? "
                         "WHERE id = ?", (goal.client_id, goal.text, str(goal.status),
                                          date_text(goal.target_date), goal.id))
            self._audit("update", goal.id, f"client {goal.client_id}")
        return replace(goal)

    def for_client(self, client_id: int) -> list[Goal]:
        rows = self._db.query("SELECT id, client_id, text, status, target_date FROM goals "
                                 "WHERE client_id = ? ORDER BY id", (client_id,))
        return [Goal(id=r[0], client_id=r[1], text=r[2], status=GoalStatus(r[3]),
                     target_date=date_value(r[4])) for r in rows]
