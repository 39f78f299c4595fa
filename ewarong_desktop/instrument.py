"""The self-assessment instrument: 4 roles x 8 agenda areas, loaded from versioned data.

The instrument lives in ``resources/instrument/instrument-<version>.json`` so a new
edition can be added without touching code; an assessment records the version it was
made with. Loading validates the whole file and names every problem it finds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import InstrumentError
from .paths import resource_path

LANGUAGES = ("id", "en")
ADVISOR_TYPES = ("PKH", "TKSK", "OTHER")
LEVELS = (0, 1, 2, 3, 4)
ROLE_COUNT = 4
AREA_COUNT = 8
CELL_COUNT = ROLE_COUNT * AREA_COUNT  # the cells of the 4 x 8 grid
DEFAULT_VERSION = "2026.1"


@dataclass(frozen=True)
class Text:
    """A text in Indonesian and English."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass(frozen=True)
class Role:
    number: int
    key: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Area:
    number: int
    key: str
    name: Text
    short: Text
    description: Text
    action: Text  # suggested development action when an advisor has a gap here


@dataclass(frozen=True)
class Baseline:
    level: int
    finding: Text


@dataclass(frozen=True)
class Cell:
    code: str  # "4.R.A"
    role: int
    area: int
    prompts: dict[str, Text]  # advisor type -> prompt
    baseline: dict[str, Baseline]  # PKH / TKSK -> the study's finding

    def prompt(self, advisor_type: str, lang: str) -> str:
        return self.prompts.get(advisor_type, self.prompts["OTHER"]).get(lang)


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    label: Text
    description: Text


@dataclass(frozen=True)
class Instrument:
    version: str
    title: Text
    source: Text
    advisor_types: dict[str, Text]
    scale: tuple[ScaleLevel, ...]
    not_applicable: ScaleLevel  # level -1 by convention, never stored
    roles: tuple[Role, ...]
    areas: tuple[Area, ...]
    cells: dict[str, Cell]  # in order: role, then area
    default_targets: dict[str, dict[str, int]]

    @property
    def cell_codes(self) -> list[str]:
        return list(self.cells)

    def cell(self, role: int, area: int) -> Cell:
        return self.cells[cell_code(role, area)]

    def role(self, number: int) -> Role:
        return self.roles[number - 1]

    def area(self, number: int) -> Area:
        return self.areas[number - 1]


def cell_code(role: int, area: int) -> str:
    return f"4.{role}.{area}"


def all_cell_codes() -> list[str]:
    return [cell_code(r, a) for r in range(1, ROLE_COUNT + 1) for a in range(1, AREA_COUNT + 1)]


class _Checker:
    """Collects every problem in the file so the message lists them all at once."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, value: object, where: str) -> Text:
        if not isinstance(value, dict):
            self.problems.append(f"{where}: expected a text in 'id' and 'en'")
            return Text("", "")
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.problems.append(f"{where}: missing the '{lang}' text")
        return Text(str(value.get("id", "")), str(value.get("en", "")))

    def level(self, value: object, where: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value not in LEVELS:
            self.problems.append(f"{where}: level must be a whole number from 0 to 4")
            return 0
        return value

    def items(self, data: dict, key: str, count: int) -> list[dict]:
        value = data.get(key)
        if not isinstance(value, list) or len(value) != count:
            self.problems.append(f"'{key}': expected {count} entries")
            return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
        return [item if isinstance(item, dict) else {} for item in value]


def parse_instrument(data: object, origin: str = "instrument") -> Instrument:
    """Build an Instrument from parsed JSON, or raise InstrumentError listing every problem."""
    if not isinstance(data, dict) or data.get("format") != "ewarong-instrument":
        raise InstrumentError(f"{origin}: not an e-Warong instrument file")
    check = _Checker()
    version = data.get("version")
    if not isinstance(version, str) or not version:
        check.problems.append("'version' is missing")
        version = "?"
    title = check.text(data.get("title"), "title")
    source = check.text(data.get("source"), "source")

    types: dict[str, Text] = {}
    for item in check.items(data, "advisor_types", len(ADVISOR_TYPES)):
        types[str(item.get("code"))] = check.text(item.get("name"), f"advisor type {item.get('code')}")
    if set(types) != set(ADVISOR_TYPES):
        check.problems.append(f"'advisor_types' must be {', '.join(ADVISOR_TYPES)}")

    scale = []
    for number, item in enumerate(check.items(data, "scale", len(LEVELS))):
        if item.get("level") != number:
            check.problems.append(f"scale entry {number + 1}: expected level {number}")
        scale.append(
            ScaleLevel(
                number,
                check.text(item.get("label"), f"scale level {number} label"),
                check.text(item.get("description"), f"scale level {number} description"),
            )
        )
    na = data.get("not_applicable") or {}
    not_applicable = ScaleLevel(
        -1,
        check.text(na.get("label"), "not_applicable label"),
        check.text(na.get("description"), "not_applicable description"),
    )

    roles = []
    for number, item in enumerate(check.items(data, "roles", ROLE_COUNT), start=1):
        if item.get("number") != number:
            check.problems.append(f"role {number}: expected number {number}")
        roles.append(
            Role(
                number,
                str(item.get("key", "")),
                check.text(item.get("name"), f"role {number} name"),
                check.text(item.get("description"), f"role {number} description"),
            )
        )

    actions = {}
    for item in check.items(data, "area_actions", AREA_COUNT):
        actions[item.get("area")] = check.text(item.get("action"), f"action for area {item.get('area')}")
    areas = []
    for number, item in enumerate(check.items(data, "areas", AREA_COUNT), start=1):
        if item.get("number") != number:
            check.problems.append(f"area {number}: expected number {number}")
        if number not in actions:
            check.problems.append(f"area {number}: no entry in 'area_actions'")
        areas.append(
            Area(
                number,
                str(item.get("key", "")),
                check.text(item.get("name"), f"area {number} name"),
                check.text(item.get("short"), f"area {number} short name"),
                check.text(item.get("description"), f"area {number} description"),
                actions.get(number, Text("", "")),
            )
        )

    cells: dict[str, Cell] = {}
    for item in check.items(data, "cells", ROLE_COUNT * AREA_COUNT):
        code = item.get("code")
        if not isinstance(code, str) or code != cell_code(item.get("role", 0), item.get("area", 0)):
            check.problems.append(f"cell {code!r}: code must be 4.<role>.<area> matching its fields")
            continue
        if code in cells:
            check.problems.append(f"cell {code}: appears twice")
            continue
        prompts_data = item.get("prompts") or {}
        prompts = {t: check.text(prompts_data.get(t), f"cell {code} prompt for {t}") for t in ADVISOR_TYPES}
        baseline = {}
        for advisor_type in ("PKH", "TKSK"):
            entry = (item.get("baseline") or {}).get(advisor_type) or {}
            baseline[advisor_type] = Baseline(
                check.level(entry.get("level"), f"cell {code} baseline {advisor_type}"),
                check.text(entry.get("finding"), f"cell {code} baseline {advisor_type} finding"),
            )
        cells[code] = Cell(code, item["role"], item["area"], prompts, baseline)
    missing = [code for code in all_cell_codes() if code not in cells]
    if missing:
        check.problems.append(f"cells missing: {', '.join(missing)}")
    cells = {code: cells[code] for code in all_cell_codes() if code in cells}

    targets: dict[str, dict[str, int]] = {}
    targets_data = data.get("default_targets") or {}
    for advisor_type in ADVISOR_TYPES:
        per_type = targets_data.get(advisor_type) or {}
        targets[advisor_type] = {}
        for code in all_cell_codes():
            if code not in per_type:
                check.problems.append(f"default target for {advisor_type} {code} is missing")
            else:
                targets[advisor_type][code] = check.level(
                    per_type[code], f"default target {advisor_type} {code}"
                )

    if check.problems:
        shown = "; ".join(check.problems[:10])
        more = f" (and {len(check.problems) - 10} more)" if len(check.problems) > 10 else ""
        raise InstrumentError(f"{origin} is broken: {shown}{more}")
    return Instrument(
        version, title, source, types, tuple(scale), not_applicable, tuple(roles), tuple(areas),
        cells, targets,
    )


def load_instrument_file(path: Path) -> Instrument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InstrumentError(f"instrument file {path} is missing") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InstrumentError(f"instrument file {path} cannot be read: {exc}") from exc
    return parse_instrument(data, path.name)


@lru_cache(maxsize=8)
def load_instrument(version: str = DEFAULT_VERSION) -> Instrument:
    """The instrument of the given version, bundled in resources/instrument/."""
    return load_instrument_file(resource_path("instrument", f"instrument-{version}.json"))
