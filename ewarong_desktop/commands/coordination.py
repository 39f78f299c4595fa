"""`coordinator add`, `pin` and verification conflicts: coordinators and the PINs that
protect people's work.

A PIN is read from the environment (``EWARONG_PIN``; ``EWARONG_CURRENT_PIN`` for the
PIN being replaced) or asked for at the terminal without echo; it never appears in the
command line, where other users of the computer could see it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from .common import CommandError, open_existing

PIN_VARIABLE = "EWARONG_PIN"
CURRENT_PIN_VARIABLE = "EWARONG_CURRENT_PIN"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    coordinator = subparsers.add_parser("coordinator", help="add a coordinator")
    actions = coordinator.add_subparsers(dest="coordinator_action", metavar="ACTION",
                                         required=True, parser_class=type(coordinator))
    add = actions.add_parser("add", parents=[common],
                             help="add a coordinator (PIN from EWARONG_PIN or a prompt)")
    add.add_argument("--name", required=True)
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--scope", action="append", metavar="KABUPATEN",
                       help="a kabupaten/kota the coordinator covers (repeat for several)")
    where.add_argument("--province", action="store_true", help="the whole province")
    add.add_argument("--staff-number", metavar="NIP")
    add.add_argument("--office")
    add.add_argument("--no-pin", action="store_true",
                     help="add without a PIN (coordinator mode stays closed until one is set)")
    add.set_defaults(handler=run_add)

    pin = subparsers.add_parser("pin", parents=[common],
                                help="set or change the PIN of a coordinator or an advisor")
    who = pin.add_mutually_exclusive_group(required=True)
    who.add_argument("--coordinator", metavar="ID")
    who.add_argument("--advisor", metavar="ID")
    pin.set_defaults(handler=run_pin)

    conflicts = subparsers.add_parser(
        "verification-conflicts", parents=[common],
        help="list verifications that arrived while another verification of the same "
             "assessment was here")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.set_defaults(handler=run_conflicts)
    resolve = subparsers.add_parser(
        "resolve-verification-conflict", parents=[common],
        help="keep the local or the incoming verification (as a coordinator; PIN from "
             "EWARONG_PIN or a prompt)")
    resolve.add_argument("conflict", metavar="ID")
    resolve.add_argument("--keep", required=True, choices=("local", "incoming"))
    resolve.add_argument("--coordinator", required=True, metavar="ID")
    resolve.set_defaults(handler=run_resolve)


def _read_pin(variable: str, prompt: str) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    if sys.stdin is None:
        raise CommandError(f"no PIN given; set {variable}", id=f"PIN belum diberikan; isi {variable}")
    return sys.stdin.readline().rstrip("\n")


def run_add(args: argparse.Namespace) -> int:
    from ..services import coordinators

    pin = None if args.no_pin else _read_pin(PIN_VARIABLE, "PIN: ")
    database = open_existing(args)
    try:
        info = coordinators.add_coordinator(
            database, args.name, kabupaten=args.scope or (), whole_province=args.province,
            staff_number=args.staff_number, office=args.office, pin=pin)
    finally:
        database.close()
    print(f"coordinator {info.name} ({info.describe_scope()}) added with id {info.id}")
    return 0


def run_pin(args: argparse.Namespace) -> int:
    from ..services import access

    kind = access.COORDINATOR if args.coordinator else access.ADVISOR
    person = args.coordinator or args.advisor
    database = open_existing(args)
    try:
        actor = None
        if access.has_pin(database, kind, person):
            actor = access.enter(database, kind, person,
                                 _read_pin(CURRENT_PIN_VARIABLE, "Current PIN: "))
        new_pin = _read_pin(PIN_VARIABLE, "New PIN: ")
        access.set_pin(database, actor, kind, person, new_pin)
    finally:
        database.close()
    print("PIN set")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from ..services import verification

    database = open_existing(args)
    try:
        found = verification.list_conflicts(database, include_resolved=args.all)
    finally:
        database.close()
    for conflict in found:
        here = (f"{conflict.local.status} by {conflict.local.coordinator_name}, "
                f"{conflict.local.cells_changed} cell(s) changed") if conflict.local else "none"
        state = f" [{conflict.resolution}]" if conflict.resolution else ""
        print(f"{conflict.id}  assessment {conflict.assessment_id}: here {here}; incoming "
              f"{conflict.incoming_status}, {len(conflict.incoming_cells)} cell(s) given{state}")
    print(f"({len(found)} verification conflict(s))")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from ..services import access, verification

    database = open_existing(args)
    try:
        actor = access.enter(database, access.COORDINATOR, args.coordinator,
                             _read_pin(PIN_VARIABLE, "PIN: "))
        kept = verification.resolve_conflict(database, actor, args.conflict, args.keep)
    finally:
        database.close()
    print(f"kept the {args.keep} verification" + (f" by {kept.coordinator_name}" if kept else ""))
    return 0
