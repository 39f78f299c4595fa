"""`server init`: set up a shared PostgreSQL database for an office."""

from __future__ import annotations

import argparse

from ..errors import DatabaseError
from .common import on_server


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "server", help="set up a shared office database on a PostgreSQL server")
    actions = group.add_subparsers(dest="server_action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", parents=[common],
        help="create or upgrade the schema, change notices and group roles (as the database's owner)")
    init.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    from ..services.server_admin import init_server

    if not on_server(args):
        raise DatabaseError(
            "server init needs --db postgresql://USER@HOST:PORT/DATABASE; a database file "
            "is set up by simply opening it",
            id="server init memerlukan --db postgresql://PENGGUNA@HOST:PORT/BASISDATA; berkas "
               "basis data disiapkan cukup dengan membukanya")
    result = init_server(args.db)
    if result.previous_revision == result.revision:
        print(f"{result.location}: schema {result.revision} already up to date")
    elif result.previous_revision is None:
        print(f"{result.location}: schema {result.revision} created")
    else:
        print(f"{result.location}: schema upgraded from {result.previous_revision} to {result.revision}")
    print("change notices: on for every table")
    if result.roles_problem:
        print(f"group roles not created ({result.roles_problem}); a superuser or a role with "
              "CREATEROLE must run 'server init' once")
    else:
        print("group roles: " + (", ".join(result.roles_created) + " created" if result.roles_created
                                 else "ewarong_advisor and ewarong_coordinator already there"))
    return 0
