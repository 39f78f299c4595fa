"""The bundled instrument loads; a broken one is refused naming what is wrong."""

import copy
import json
from pathlib import Path

import pytest

from ewarong_desktop.errors import InstrumentError
from ewarong_desktop.instrument import (
    DEFAULT_VERSION,
    all_cell_codes,
    load_instrument,
    parse_instrument,
    study_baseline,
    study_citation,
)
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
    # The study's Table 1: TKSK very active in distribution (4.1.3), both low in areas 4-8.
    assert instrument.cell(1, 3).baseline["TKSK"].level > instrument.cell(1, 3).baseline["PKH"].level
    assert {instrument.cell(1, a).baseline[t].level for a in range(4, 9) for t in ("PKH", "TKSK")} == {1}


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


# --- edition 2026.2: honest about what the study measured -------------------------------

STUDY = Path("/work/shared/seed/000_b5464270ea1b4ddc.txt")


@pytest.fixture
def current():
    return json.loads(resource_path("instrument", "instrument-2026.2.json").read_text("utf-8"))


def test_new_assessments_use_the_new_edition_and_the_old_one_still_loads():
    assert load_instrument().version == DEFAULT_VERSION == "2026.2"
    old = load_instrument("2026.1")
    assert list(old.cells) == list(load_instrument().cells)
    # An old assessment is compared with the corrected reading, cell by cell.
    assert old.cell(1, 4).baseline["TKSK"].level == 0
    corrected = study_baseline(old, "4.1.4", "TKSK")
    assert corrected is not None and corrected.level == 1 and corrected.measured


def test_every_measured_level_quotes_table_1_and_every_derived_level_has_a_reason():
    instrument = load_instrument()
    data = json.loads(resource_path("instrument", "instrument-2026.2.json").read_text("utf-8"))
    words = {entry["words"]: entry["level"] for entry in data["study_words"]}
    study = STUDY.read_text("utf-8").lower() if STUDY.exists() else None
    for cell in instrument.cells.values():
        for advisor_type, baseline in cell.baseline.items():
            where = f"{cell.code} {advisor_type}"
            if cell.role == 1:
                assert baseline.measured and baseline.study_table == 1, where
                # The level is what our word table gives for the study's words ...
                assert words[baseline.study_quote] == baseline.level, where
                if study is not None:  # ... and those words are in the study.
                    assert baseline.study_quote in study, where
            else:
                assert baseline.basis == "derived" and len(baseline.reason) > 20, where
                assert not baseline.study_quote, where
        assert cell.rationale, cell.code


def test_a_measured_level_without_the_studys_words_is_refused(current):
    del current["cells"][0]["baseline"]["PKH"]["study_ref"]
    with pytest.raises(InstrumentError, match="4.1.1 baseline PKH: a measured level needs"):
        parse_instrument(current)
    current["cells"][9]["baseline"]["TKSK"]["reason"] = " "
    with pytest.raises(InstrumentError, match="4.2.2 baseline TKSK: a derived level needs its reason"):
        parse_instrument(current)
    current["cells"][9]["baseline"]["TKSK"]["basis"] = "measured"
    with pytest.raises(InstrumentError, match="4.2.2 baseline TKSK: a measured level needs role 1"):
        parse_instrument(current)


def test_every_discrepancy_the_review_listed_is_answered(current):
    instrument = load_instrument()
    answers = {entry["item"]: entry["answer"] for entry in current["review_answers"]}
    assert all(len(answer) > 20 for answer in answers.values()) and len(answers) >= 14
    level = {(c.code, t): b.level for c in instrument.cells.values() for t, b in c.baseline.items()}
    # "tidak banyak terlibat" is a little involvement, not none.
    assert all(level[(f"4.1.{a}", "TKSK")] == 1 for a in range(4, 9))
    assert level[("4.2.4", "PKH")] == 3  # monthly coaching is regular
    assert level[("4.4.2", "TKSK")] == 3  # "dengan baik"
    assert level[("4.3.8", "TKSK")] == level[("4.4.8", "TKSK")]
    # Every expectation ("harus", "diharapkan", ...) is levelled alike.
    expectations = [(c.code, t) for c in instrument.cells.values() for t, b in c.baseline.items()
                    if b.basis == "derived" and b.reason.startswith("'")]
    assert len(expectations) >= 5 and {level[key] for key in expectations} == {1}
    # TKSK 4.2.3: the study gives TKSK no role there.
    assert level[("4.2.3", "TKSK")] == 0 and instrument.default_targets["TKSK"]["4.2.3"] == 0
    assert instrument.not_applicable_by_default["TKSK"] == ("4.2.3",)
    assert instrument.targets_proposed_by is not None and "study" in instrument.targets_proposed_by.en
    assert set(instrument.targets_why) == {"PKH", "TKSK", "OTHER"}
    # Prompts within the study, one behaviour each.
    prompts = {(c.code, t): c.prompts[t].id for c in instrument.cells.values() for t in c.prompts}
    assert not any("menengahi" in text for (code, _), text in prompts.items() if code.startswith("4.2."))
    assert "dicairkan" not in prompts[("4.1.3", "PKH")] and "menebus" in prompts[("4.1.3", "PKH")]
    assert "pangan" not in prompts[("4.1.1", "PKH")]
    assert "memahami kondisi masyarakat" in instrument.cell(1, 1).baseline["PKH"].finding.id
    assert "jadwal" not in prompts[("4.4.6", "TKSK")] and "pembukuan" not in prompts[("4.4.5", "PKH")]
    for code in ("4.1.1", "4.2.1", "4.2.2", "4.2.5", "4.2.6", "4.4.3", "4.4.4"):
        assert " dan menengahi" not in prompts[(code, "PKH")] and prompts[(code, "PKH")].count(", lalu") == 0


def test_scale_descriptions_do_not_overlap():
    scale = load_instrument().scale
    # Each level names its own frequency; none repeats another's wording.
    words = ["tidak melakukan", "satu atau dua kali", "tiga kali atau lebih", "terjadwal",
             "inisiatif sendiri"]
    for level, word in zip(scale, words, strict=True):
        assert word in level.description.id.lower()
    assert "sesekali" not in scale[1].description.id + scale[2].description.id


def test_the_citation_is_complete_and_used_by_the_readme():
    text = study_citation("id")
    for part in ("Peran Pendamping Sosial pada Pengembangan Usaha e-Warong KUBE", "Agus Haidar",
                 "Pustaka Rahmat", "Bandung", "978-602-7810-71-3", "IPSPI"):
        assert part in text
    readme = Path(__file__).parents[1] / "README.md"
    assert study_citation("en") in readme.read_text("utf-8")
