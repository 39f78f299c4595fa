"""Bulk reads and writes for the exchange, in the database's own stored form.

Through the ORM's typed columns every UUID and timestamp costs a few microseconds to
convert; over 320,000 ratings that is most of an import. So the exchange reads and
writes untyped lightweight tables and turns ids and times into the file's text with
string operations. Those shortcuts are checked once against SQLAlchemy's own type
processors for the connected database, and the processors are used instead wherever
the stored form differs (another database engine, another SQLAlchemy).

Inside the exchange every value is in "exchange text": ids as lowercase UUID text,
times as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (UTC), which also sort correctly as text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Uuid, column, table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql import TableClause

from ...db.models import (
    Advisor,
    Assessment,
    Assignment,
    AuditEntry,
    Base,
    Coordinator,
    FollowUp,
    PlanAction,
    Rating,
    TargetLevel,
    TargetSetting,
    Tombstone,
    Verification,
    VerifiedCell,
    Warong,
)

MODELS: dict[str, type[Base]] = {
    "advisors": Advisor, "warongs": Warong, "assignments": Assignment, "assessments": Assessment,
    "ratings": Rating, "target_levels": TargetLevel, "coordinators": Coordinator,
    "verifications": Verification, "verified_cells": VerifiedCell,
    "target_settings": TargetSetting, "plan_actions": PlanAction, "follow_ups": FollowUp,
    "audit_entries": AuditEntry, "tombstones": Tombstone,
}
# Columns the file does not carry: derived by the database itself (name_key), or never
# to leave the laptop (PIN hashes).
DERIVED_COLUMNS = {"warongs": ("name_key",), "advisors": ("pin_hash",),
                   "coordinators": ("pin_hash",)}
# SQLite's default limit on bound parameters is 32766 (999 before 3.32): stay well below.
IN_CHUNK = 900
WRITE_CHUNK = 5000

SAMPLE_UUID = uuid.UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
SAMPLE_TIME = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)


def time_text(moment: datetime) -> str:
    """Exchange text of a time; a time without zone is taken as UTC (how SQLite returns it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_time(text: str) -> str:
    """The exchange text of a schema-valid timestamp, always with six decimals."""
    return text if len(text) == 27 else time_text(datetime.fromisoformat(text))


def now_text() -> str:
    return time_text(datetime.now(UTC))


@dataclass(frozen=True)
class Field:
    """One column as the file carries it: ``kind`` is uuid, time, bool, int, json or text."""

    name: str
    kind: str


def _kind(sql_type: Any) -> str:
    for kind, type_class in (("uuid", Uuid), ("time", DateTime), ("date", Date), ("bool", Boolean),
                             ("int", Integer), ("json", JSON)):
        if isinstance(sql_type, type_class):
            return kind
    return "text"


@cache
def fields(kind: str) -> tuple[Field, ...]:
    """The fields of one kind of record, in the model's column order."""
    derived = DERIVED_COLUMNS.get(kind, ())
    return tuple(Field(col.name, _kind(col.type)) for col in MODELS[kind].__table__.columns
                 if col.name not in derived)


@cache
def raw_table(kind: str) -> TableClause:
    """The kind's table without column types: values go in and out as stored."""
    model = MODELS[kind]
    return table(model.__tablename__, *(column(col.name) for col in model.__table__.columns))


def _date_text(stored: Any) -> str:
    return stored.isoformat() if isinstance(stored, date) else str(stored)[:10]


class Codec:
    """Converts values between exchange text and the stored form of one database dialect.

    ``uuid_to_db``, ``uuid_from_db``, ``time_to_db`` and ``time_from_db`` are plain
    functions chosen once: the string shortcuts where they give what SQLAlchemy would
    store, SQLAlchemy's own processors otherwise.
    """

    def __init__(self, dialect: Dialect):
        uuid_type = Uuid().dialect_impl(dialect)
        time_type = DateTime(timezone=True).dialect_impl(dialect)
        json_type = JSON().dialect_impl(dialect)
        date_type = Date().dialect_impl(dialect)
        self._date_bind = date_type.bind_processor(dialect)
        self._uuid_bind = uuid_type.bind_processor(dialect)
        self._uuid_result = uuid_type.result_processor(dialect, None)
        self._time_bind = time_type.bind_processor(dialect)
        self._time_result = time_type.result_processor(dialect, None)
        self._json_bind = json_type.bind_processor(dialect)
        self._json_result = json_type.result_processor(dialect, None)
        # The string shortcuts hold for SQLAlchemy's SQLite storage (32 hex digits; a
        # "YYYY-MM-DD HH:MM:SS.ffffff" text); use them only where that is what is stored.
        self.fast_uuid = self._slow_uuid_to_db(str(SAMPLE_UUID)) == SAMPLE_UUID.hex
        self.fast_time = self._slow_time_to_db(time_text(SAMPLE_TIME)) == "2026-01-02 03:04:05.678901"
        self.uuid_to_db: Callable[[str], Any] = _dashless if self.fast_uuid else self._slow_uuid_to_db
        self.uuid_from_db: Callable[[Any], str] = _dashed if self.fast_uuid else self._slow_uuid_from_db
        self.time_to_db: Callable[[str], Any] = (_fast_time_to_db if self.fast_time
                                                 else self._slow_time_to_db)
        self.time_from_db: Callable[[Any], str] = (_fast_time_from_db if self.fast_time
                                                   else self._slow_time_from_db)

    def _slow_uuid_to_db(self, text: str) -> Any:
        value = uuid.UUID(text)
        return self._uuid_bind(value) if self._uuid_bind else value

    def _slow_time_to_db(self, text: str) -> Any:
        value = datetime.fromisoformat(text)
        return self._time_bind(value) if self._time_bind else value

    def _slow_uuid_from_db(self, stored: Any) -> str:
        value = self._uuid_result(stored) if self._uuid_result else stored
        return str(value)

    def _slow_time_from_db(self, stored: Any) -> str:
        value = self._time_result(stored) if self._time_result else stored
        assert isinstance(value, datetime)
        return time_text(value)

    def to_db(self, kind: str) -> Callable[[Any], Any]:
        """The conversion of one field kind from exchange value (not None) to stored value."""
        if kind == "uuid":
            return self.uuid_to_db
        if kind == "time":
            return self.time_to_db
        if kind == "json":
            bind = self._json_bind
            return (lambda value: bind(value)) if bind else (lambda value: value)
        if kind == "date":
            date_bind = self._date_bind
            return ((lambda value: date_bind(date.fromisoformat(value))) if date_bind
                    else date.fromisoformat)
        if kind == "int":
            return int  # JSON Schema's integers include 3.0; the database wants 3
        return lambda value: value

    def from_db(self, kind: str) -> Callable[[Any], Any]:
        """The conversion of one field kind from stored value (not None) to exchange value."""
        if kind == "uuid":
            return self.uuid_from_db
        if kind == "time":
            return self.time_from_db
        if kind == "bool":
            return bool
        if kind == "date":
            return _date_text
        if kind == "json":
            result = self._json_result
            return (lambda value: result(value)) if result else (lambda value: value)
        return lambda value: value

    def row_reader(self, kind: str, names: Iterable[str] | None = None
                   ) -> tuple[list[str], Callable[[Any], dict[str, Any]]]:
        """Column names to select and a function turning a stored row into a record."""
        wanted = None if names is None else set(names)
        chosen = [field for field in fields(kind) if wanted is None or field.name in wanted]
        columns = [field.name for field in chosen]
        converting = []
        for field in chosen:
            if field.kind in ("uuid", "time", "date", "bool", "json"):
                convert = self.from_db(field.kind)
                if field.kind == "uuid" and field.name != "id":
                    convert = _remembered(convert)  # references repeat: 32 ratings, one assessment
                converting.append((field.name, convert))

        def read(row: Any) -> dict[str, Any]:
            record = dict(zip(columns, row, strict=True))
            for name, convert in converting:
                value = record[name]
                if value is not None:
                    record[name] = convert(value)
            return record
        return columns, read

    def row_writer(self, kind: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
        """A function turning a record (exchange values) into stored column values."""
        columns = [field.name for field in fields(kind)]
        converting = [(field.name, self.to_db(field.kind)) for field in fields(kind)
                      if field.kind in ("uuid", "time", "date", "int", "json")]

        def write(record: dict[str, Any]) -> dict[str, Any]:
            row = {name: record[name] for name in columns}
            for name, convert in converting:
                value = row[name]
                if value is not None:
                    row[name] = convert(value)
            return row
        return write


def _remembered(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    seen: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        found = seen.get(value)
        if found is None:
            found = seen[value] = convert(value)
        return found
    return remembered


def _dashless(text: str) -> str:
    return text.replace("-", "")


def _dashed(stored: Any) -> str:
    if isinstance(stored, uuid.UUID):
        return str(stored)
    return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"


def _fast_time_to_db(text: str) -> str:
    return canonical_time(text)[:-1].replace("T", " ")


def _fast_time_from_db(stored: Any) -> str:
    if isinstance(stored, str) and len(stored) == 26:
        return stored.replace(" ", "T") + "Z"
    return time_text(stored if isinstance(stored, datetime) else datetime.fromisoformat(stored))


def codec_for(session: Session) -> Codec:
    return Codec(session.get_bind().dialect)


def chunks(values: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]
