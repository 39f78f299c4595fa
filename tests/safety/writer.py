"""A child process for the crash and two-instance tests: saves ratings and reports each save.

    python writer.py DB ASSESSMENT_ID LABEL [--saves N] [--cells 4.1.1,4.1.2,...] [--rounds]

Each save is one ``set_rating`` in its own unit of work, as the window's autosave does;
``ack N CELL LEVEL`` is printed (and flushed) only after the commit returned, so every
line the parent reads is a save the program acknowledged. With ``--rounds`` a save
writes every cell in one transaction (to see that a backup never holds half of one).
"""

from __future__ import annotations

import argparse
import sys
import uuid


def level_of(save: int) -> int:
    return save % 5


def cell_of(save: int, cells: list[str]) -> str:
    return cells[save % len(cells)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("assessment_id")
    parser.add_argument("label")
    parser.add_argument("--saves", type=int, default=None)
    parser.add_argument("--cells", default=None)
    parser.add_argument("--rounds", action="store_true")
    args = parser.parse_args()

    from ewarong_desktop.db import open_database
    from ewarong_desktop.instrument import all_cell_codes
    from ewarong_desktop.services import assessments

    cells = args.cells.split(",") if args.cells else all_cell_codes()
    assessment_id = uuid.UUID(args.assessment_id)
    database = open_database(args.db)
    print("ready", flush=True)
    save = 0
    while args.saves is None or save < args.saves:
        save += 1
        note = f"{args.label} {save}"
        with database.session() as session:
            targets = cells if args.rounds else [cell_of(save, cells)]
            for cell in targets:
                assessments.set_rating(session, assessment_id, cell, level_of(save), note=note)
        print(f"ack {save} {targets[0] if len(targets) == 1 else '*'} {level_of(save)}", flush=True)
    database.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
