"""The bundled instrument loads; a broken one is refused naming what is wrong."""

import copy
import json

import pytest

from ewarong_desktop.errors import InstrumentError
from ewarong_desktop.instrument import all_cell_codes, load_instrument, parse_instrument
from ewarong_desktop.paths import resource_path


@pytest.fixture
def raw():
    return json.loads(resource_path("instrument", "instrument-2026.1.json").read_text("utf-8"))


def test_bundled_instrument_is_complete_in_both_languages():
    instrument = load_instrument()
    assert list(instrument.cells) == all_cell_codes() and len(instrument.cells) == 32
    assert [r.key for r in instrument.roles] == ["broker", "mediator", "educator", "facilitator"]
    for cell in instrument.cells.values():
        for advisor_type in ("PKH", "TKSK", "OTHER"):
            assert cell.prompt(advisor_type, "id") and cell.prompt(advisor_type, "en")
    assert [s.level for s in instrument.scale] == [0, 1, 2, 3, 4]
    # The study's pattern: PKH advisors ahead of TKSK in business areas 4-8 as broker.
    assert all(instrument.cell(1, a).baseline["PKH"].level > instrument.cell(1, a).baseline["TKSK"].level
               for a in range(4, 9))


def test_missing_cell_is_named(raw):
    raw["cells"] = [c for c in raw["cells"] if c["code"] != "4.3.5"]
    with pytest.raises(InstrumentError, match="4.3.5"):
        parse_instrument(raw)


def test_missing_english_prompt_is_named(raw):
    del raw["cells"][9]["prompts"]["TKSK"]["en"]
    with pytest.raises(InstrumentError, match=r"cell 4\.2\.2 prompt for TKSK: missing the 'en' text"):
        parse_instrument(raw)


def test_incomplete_scale_and_bad_target_are_both_reported(raw):
    broken = copy.deepcopy(raw)
    broken["scale"] = broken["scale"][:4]
    broken["default_targets"]["PKH"]["4.1.1"] = 7
    with pytest.raises(InstrumentError) as refused:
        parse_instrument(broken)
    assert "'scale': expected 5 entries" in str(refused.value)
    assert "default target PKH 4.1.1" in str(refused.value)


def test_not_an_instrument_file():
    with pytest.raises(InstrumentError, match="not an e-Warong instrument"):
        parse_instrument({"cells": []})
