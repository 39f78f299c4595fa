"""The PostgreSQL server the tests run against, and a pool of clean databases on it.

``.ci/run`` starts a throwaway cluster and exports ``EWARONG_TEST_POSTGRES_URL`` (a
superuser's URL, such as ``postgresql://postgres@127.0.0.1:54321/postgres``). Without it
the PostgreSQL tests are skipped with the reason, except under ``CI=true``, where they
fail: CI must never pass by quietly testing SQLite only.

Creating a database costs about 0.3 s, so each test borrows one from a pool: made once
from a template that already holds the schema, emptied with ``TRUNCATE`` after the test.
"""

from __future__ import annotations

import os
import uuid

import pytest

URL_VARIABLE = "EWARONG_TEST_POSTGRES_URL"


def server_url() -> str:
    """The cluster's superuser URL; skips (or, in CI, fails) the test when there is none."""
    url = os.environ.get(URL_VARIABLE)
    if url:
        return url
    reason = (f"no PostgreSQL server for the tests: set {URL_VARIABLE} "
              "(.ci/run starts one) to run the PostgreSQL half")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
    pytest.skip(reason)


def database_url(name: str) -> str:
    """The URL of database ``name`` on the test cluster."""
    from sqlalchemy.engine import make_url

    return make_url(server_url()).set(drivername="postgresql+psycopg", database=name) \
        .render_as_string(hide_password=False)


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(database_url("postgres").replace("+psycopg", ""), autocommit=True) as c:
        c.execute(sql)


class DatabasePool:
    """Clean databases with the current schema, lent to one test at a time."""

    def __init__(self) -> None:
        self.prefix = f"ewt_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template: str | None = None
        self.free: list[str] = []
        self.made: list[str] = []

    def _make_template(self) -> str:
        from ewarong_desktop.db import open_database

        name = f"{self.prefix}_template"
        _admin(f"CREATE DATABASE {name}")
        self.made.append(name)
        open_database(database_url(name)).close()  # migrations and triggers, once
        return name

    def borrow(self) -> str:
        """The URL of an empty database with the schema, for this test alone."""
        server_url()
        if self.template is None:
            self.template = self._make_template()
        if self.free:
            return database_url(self.free.pop())
        name = f"{self.prefix}_{len(self.made)}"
        _admin(f"CREATE DATABASE {name} TEMPLATE {self.template}")
        self.made.append(name)
        return database_url(name)

    def give_back(self, url: str) -> None:
        """Empty the database and keep it for the next test (dropped if it cannot be emptied)."""
        import psycopg
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        assert name is not None
        try:
            with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
                connection.execute("SET lock_timeout = '5s'")
                tables = [row[0] for row in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'")]
                connection.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
        except psycopg.Error:
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self.made.remove(name)
            return
        self.free.append(name)

    def close(self) -> None:
        for name in reversed(self.made):
            try:
                _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except Exception:  # noqa: BLE001 - the cluster is thrown away anyway
                pass
