"""Editing target profiles several cells at a time, and going back to the instrument's defaults."""

import pytest

from ewarong_desktop.db.models import TargetLevel
from ewarong_desktop.errors import ValidationError
from ewarong_desktop.instrument import load_instrument
from ewarong_desktop.services import profiles


def test_defaults_are_the_instruments_own_targets():
    instrument = load_instrument()
    for advisor_type in ("PKH", "TKSK", "OTHER"):
        assert profiles.default_targets(advisor_type) == instrument.default_targets[advisor_type]
    # A copy: editing it changes nothing for the next caller.
    profiles.default_targets("PKH")["4.1.1"] = 0
    assert profiles.default_targets("PKH") == instrument.default_targets["PKH"]


def test_set_targets_writes_only_the_cells_that_change(database):
    defaults = profiles.default_targets("TKSK")
    wanted = dict(defaults)
    wanted["4.2.3"] = (defaults["4.2.3"] + 1) % 5
    wanted["4.4.8"] = (defaults["4.4.8"] + 2) % 5
    with database.session() as session:
        changed = profiles.set_targets(session, "TKSK", wanted)
    assert changed == ["4.2.3", "4.4.8"]
    with database.session() as session:
        assert profiles.get_targets(session, "TKSK") == wanted
        assert profiles.get_targets(session, "PKH") == profiles.default_targets("PKH")
        # Only the two edited cells are stored; the rest still follow the instrument.
        assert session.query(TargetLevel).count() == 2


def test_going_back_to_the_defaults_undoes_every_edit(database):
    defaults = profiles.default_targets("PKH")
    with database.session() as session:
        profiles.set_target(session, "PKH", "4.1.1", (defaults["4.1.1"] + 1) % 5)
        profiles.set_target(session, "PKH", "4.3.6", (defaults["4.3.6"] + 1) % 5)
    with database.session() as session:
        assert profiles.set_targets(session, "PKH", defaults) == ["4.1.1", "4.3.6"]
    with database.session() as session:
        assert profiles.get_targets(session, "PKH") == defaults
        assert profiles.set_targets(session, "PKH", defaults) == []  # nothing left to change


def test_one_bad_level_leaves_every_target_as_it_was(database):
    wanted = dict(profiles.default_targets("OTHER"))
    wanted["4.1.1"] = (wanted["4.1.1"] + 1) % 5
    wanted["4.4.8"] = 7
    with pytest.raises(ValidationError, match="outside the scale"):
        with database.session() as session:
            profiles.set_targets(session, "OTHER", wanted)
    with database.session() as session:
        assert profiles.get_targets(session, "OTHER") == profiles.default_targets("OTHER")
    with pytest.raises(ValidationError, match="advisor type"):
        with database.session() as session:
            profiles.set_targets(session, "LURAH", {"4.1.1": 2})
