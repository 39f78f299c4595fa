"""Who is using the program: an advisor or a coordinator, entered with a PIN when one is set.

A PIN (or passphrase) is stored only as a salted ``hashlib.scrypt`` hash, written as
``scrypt$n$r$p$salt$hash`` so the cost parameters can be raised later without breaking
the PINs already set: each hash is checked with the parameters it was made with.

A wrong PIN never says which part is wrong. After ``FREE_ATTEMPTS`` failures in a row,
each further attempt for the same person first waits, twice as long as the one before
(capped at ``MAX_DELAY`` seconds). The count is kept in this process's memory, per
person: on a shared laptop that slows down guessing at the keyboard; it does not protect
a copied database file (see the README).

Every write service that needs permission takes an ``Actor`` and checks it here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..db.engine import Database
from ..db.models import Advisor, Coordinator
from ..errors import Phrase, UserError, ValidationError
from . import validation as v

ADVISOR = "advisor"
COORDINATOR = "coordinator"

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
PIN_MIN = 4
PIN_MAX = 128
FREE_ATTEMPTS = 3
FIRST_DELAY = 1.0
MAX_DELAY = 30.0

COORDINATOR_KIND = Phrase("coordinator", "koordinator")


class AccessError(UserError):
    """The person using the program may not do this (wrong PIN, not a coordinator, out of scope)."""


class WrongPinError(AccessError):
    """The PIN did not match; the message never says which part was wrong."""


@dataclass(frozen=True)
class Actor:
    """The person using the program, as the window or command line established it.

    ``kabupaten`` and ``whole_province`` are the coordinator's scope; an advisor's are empty.
    Build one with ``enter`` (checks the PIN); services trust an Actor they are given.
    """

    kind: str
    id: uuid.UUID
    name: str
    kabupaten: frozenset[str] = field(default_factory=frozenset)
    whole_province: bool = False

    @property
    def is_coordinator(self) -> bool:
        return self.kind == COORDINATOR

    def covers(self, kabupaten: str | None) -> bool:
        """Whether a record of this kabupaten/kota is in the coordinator's scope."""
        return self.is_coordinator and (self.whole_province or (kabupaten or "") in self.kabupaten)

    def scope_filter(self) -> frozenset[str] | None:
        """The kabupaten set lists and summaries default to; None means no limit."""
        if not self.is_coordinator or self.whole_province:
            return None
        return self.kabupaten


# --- PIN hashes ------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_pin_text(pin: str) -> str:
    if not isinstance(pin, str) or len(pin.strip()) < PIN_MIN:
        raise ValidationError(
            f"a PIN needs at least {PIN_MIN} characters; choose a longer one",
            id=f"PIN minimal {PIN_MIN} karakter; pilih yang lebih panjang")
    if len(pin) > PIN_MAX:
        raise ValidationError(
            f"a PIN can have at most {PIN_MAX} characters; choose a shorter one",
            id=f"PIN paling banyak {PIN_MAX} karakter; pilih yang lebih pendek")
    return pin


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new salted scrypt hash of the PIN, with its parameters written beside it."""
    salt = os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                            maxmem=256 * n * r + 1024 * 1024)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether the PIN matches a stored hash; compared in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(pin.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                                r=int(r), p=int(p), dklen=len(expected),
                                maxmem=256 * int(n) * int(r) + 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# --- Growing delay after failures (memory of this process) -------------------------------

class _Throttle:
    def __init__(self) -> None:
        self._failures: dict[uuid.UUID, int] = {}
        self._lock = threading.Lock()

    def delay_for(self, person: uuid.UUID) -> float:
        with self._lock:
            failures = self._failures.get(person, 0)
        if failures < FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY, FIRST_DELAY * 2 ** (failures - FREE_ATTEMPTS))

    def failed(self, person: uuid.UUID) -> None:
        with self._lock:
            self._failures[person] = self._failures.get(person, 0) + 1

    def succeeded(self, person: uuid.UUID) -> None:
        with self._lock:
            self._failures.pop(person, None)


THROTTLE = _Throttle()
#: How the delay is waited; tests replace it to record the delays instead of sleeping.
sleep: Callable[[float], None] = time.sleep


def _wrong_pin() -> WrongPinError:
    return WrongPinError(
        "the name or PIN is not right; check both and try again (after several wrong tries "
        "each try waits longer)",
        id="nama atau PIN tidak tepat; periksa keduanya lalu coba lagi (setelah beberapa kali "
           "salah, setiap percobaan menunggu lebih lama)")


def _actor_for(record: Advisor | Coordinator) -> Actor:
    if isinstance(record, Coordinator):
        return Actor(COORDINATOR, record.id, record.name, frozenset(record.kabupaten or ()),
                     bool(record.whole_province))
    return Actor(ADVISOR, record.id, record.name)


def _load(session: Session, kind: str, person_id: uuid.UUID | str) -> Advisor | Coordinator:
    if kind == COORDINATOR:
        record: Advisor | Coordinator | None = session.get(
            Coordinator, v.record_id(person_id, COORDINATOR_KIND))
        if record is None:
            raise v.not_found(COORDINATOR_KIND, person_id)
        return record
    if kind != ADVISOR:
        raise ValueError(f"unknown kind of user {kind!r}")
    record = session.get(Advisor, v.record_id(person_id, v.ADVISOR))
    if record is None:
        raise v.not_found(v.ADVISOR, person_id)
    return record


def enter(database: Database, kind: str, person_id: uuid.UUID | str, pin: str | None = None) -> Actor:
    """Become ``person_id`` (an advisor or a coordinator): checks the PIN when one is set.

    A coordinator always needs a PIN (coordinator mode is never open); an advisor only
    once they have set one. Repeated failures make each next attempt wait longer.
    """
    with database.reading() as session:
        record = _load(session, kind, person_id)
        stored = record.pin_hash
        actor = _actor_for(record)
    if stored is None:
        if kind == COORDINATOR:
            raise AccessError(
                f"{actor.name} has no PIN yet; set one first (ewarong-desktop coordinator pin)",
                id=f"{actor.name} belum punya PIN; tetapkan PIN dulu (ewarong-desktop "
                   "coordinator pin)")
        return actor
    delay = THROTTLE.delay_for(actor.id)
    if delay:
        sleep(delay)
    if pin is None or not pin_matches(pin, stored):
        THROTTLE.failed(actor.id)
        raise _wrong_pin()
    THROTTLE.succeeded(actor.id)
    return actor


def has_pin(database: Database, kind: str, person_id: uuid.UUID | str) -> bool:
    with database.reading() as session:
        return _load(session, kind, person_id).pin_hash is not None


def set_pin(database: Database, actor: Actor | None, kind: str, person_id: uuid.UUID | str,
            new_pin: str) -> None:
    """Set or change a person's PIN; only that person may, once a PIN is set.

    A person without a PIN yet may be given one by whoever is at the laptop (that is how
    protection starts); changing an existing PIN needs ``actor`` to be that person.
    """
    check_pin_text(new_pin)
    with database.session() as session:
        record = _load(session, kind, person_id)
        if record.pin_hash is not None and (actor is None or actor.kind != kind
                                            or actor.id != record.id):
            raise AccessError(
                f"only {record.name} can change their PIN; enter as {record.name} first",
                id=f"hanya {record.name} yang dapat mengganti PIN-nya; masuk sebagai "
                   f"{record.name} dulu")
        record.pin_hash = hash_pin(new_pin)


def require_coordinator(actor: Actor | None, what: Phrase) -> Actor:
    """The actor, when a coordinator; otherwise a refusal naming what was asked."""
    if actor is None or not actor.is_coordinator:
        raise AccessError(
            f"only a coordinator can {what.en}; enter coordinator mode with your PIN first",
            id=f"hanya koordinator yang dapat {what.id}; masuk mode koordinator dengan PIN "
               "Anda dulu")
    return actor


def require_scope(actor: Actor, kabupaten: str | None) -> None:
    if not actor.covers(kabupaten):
        place = kabupaten or "-"
        raise AccessError(
            f"{place} is outside your region as coordinator; ask the coordinator of {place}",
            id=f"{place} di luar wilayah Anda sebagai koordinator; minta koordinator {place}")


def act_as_advisor(database: Database, actor: Actor | None, advisor_id: uuid.UUID) -> None:
    """Refuse acting for a PIN-protected advisor unless the actor is that advisor."""
    if actor is not None and actor.kind == ADVISOR and actor.id == advisor_id:
        return
    if has_pin(database, ADVISOR, advisor_id):
        raise AccessError(
            "this advisor protects their work with a PIN; enter as them with their PIN",
            id="pendamping ini melindungi datanya dengan PIN; masuk sebagai pendamping itu "
               "dengan PIN-nya")
