"""The self-assessment instrument: 4 roles x 8 agenda areas, loaded from versioned data.

The instrument lives in ``resources/instrument/instrument-<version>.json`` so a new
edition can be added without touching code; an assessment records the version it was
made with. Loading validates the whole file and names every problem it finds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
DEFAULT_VERSION = "2026.2"  # new assessments use this edition
EDITIONS = ("2026.1", "2026.2")  # every edition the program still reads, oldest first
MEASURED = "measured"  # a level the study gives (its Table 1, broker role)
DERIVED = "derived"  # our reading of the study's activity descriptions (Tables 2-4)


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
    """The study's finding for one cell and advisor type, and the level we read from it."""

    level: int
    finding: Text
    basis: str = ""  # MEASURED or DERIVED; empty in editions before 2026.2
    study_quote: str = ""  # the study's own words the measured level rests on
    study_table: int = 0
    reason: str = ""  # one line: why a derived level is what it is

    @property
    def measured(self) -> bool:
        return self.basis == MEASURED


@dataclass(frozen=True)
class Citation:
    """The bibliographic reference of the study, in one place."""

    authors: str
    chapter: str
    book: str
    editor: str
    publisher: str
    city: str
    year: int
    isbn: str
    occasion: Text

    def text(self, lang: str) -> str:
        """The full reference, e.g. for the About dialog, a PDF footnote and the README."""
        in_word = "In" if lang == "en" else "Dalam"
        return (f"{self.authors} ({self.year}). \u201c{self.chapter}\u201d. {in_word}: {self.book}, "
                f"ed. {self.editor}. {self.city}: {self.publisher}. ISBN {self.isbn} "
                f"({self.occasion.get(lang)}).")


@dataclass(frozen=True)
class Cell:
    code: str  # "4.R.A"
    role: int
    area: int
    prompts: dict[str, Text]  # advisor type -> prompt
    baseline: dict[str, Baseline]  # PKH / TKSK -> the study's finding
    rationale: str = ""  # why the prompts and levels are what they are (for maintainers)

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
    citation: Citation | None = None
    targets_proposed_by: Text | None = None
    targets_why: dict[str, Text] = field(default_factory=dict)
    not_applicable_by_default: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # earlier edition -> {its cell code: this edition's cell code}
    cell_maps: dict[str, dict[str, str]] = field(default_factory=dict)

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

    def baseline(self, entry: dict, where: str, labelled: bool, role: object) -> Baseline:
        level = self.level(entry.get("level"), where)
        finding = self.text(entry.get("finding"), f"{where} finding")
        if not labelled:
            return Baseline(level, finding)
        basis = entry.get("basis")
        ref = entry.get("study_ref") or {}
        quote, table = str(ref.get("quote") or ""), ref.get("table") or 0
        reason = str(entry.get("reason") or "")
        if basis == MEASURED:
            # Only the broker role (the study's Table 1) comes with levels.
            if role != 1 or table != 1 or not quote.strip():
                self.problems.append(f"{where}: a measured level needs role 1 and the study's words "
                                     "from its Table 1")
        elif basis == DERIVED:
            if not reason.strip():
                self.problems.append(f"{where}: a derived level needs its reason")
        else:
            self.problems.append(f"{where}: basis must be '{MEASURED}' or '{DERIVED}'")
        return Baseline(level, finding, str(basis), quote, int(table) if isinstance(table, int) else 0,
                        reason)

    def citation(self, value: object) -> Citation | None:
        if not isinstance(value, dict):
            self.problems.append("'citation' is missing")
            return None
        fields = ("authors", "chapter", "book", "editor", "publisher", "city", "isbn")
        for name in fields:
            if not isinstance(value.get(name), str) or not value[name].strip():
                self.problems.append(f"citation: '{name}' is missing")
        year = value.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            self.problems.append("citation: 'year' must be a whole number")
            year = 0
        text = {name: str(value.get(name, "")) for name in fields}
        return Citation(text["authors"], text["chapter"], text["book"], text["editor"],
                        text["publisher"], text["city"], year, text["isbn"],
                        self.text(value.get("occasion"), "citation occasion"))

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

    # From 2026.2 on, every baseline says whether the study measured it or we derived it.
    labelled = "citation" in data
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
            baseline[advisor_type] = check.baseline(entry, f"cell {code} baseline {advisor_type}",
                                                    labelled, item.get("role"))
        cells[code] = Cell(code, item["role"], item["area"], prompts, baseline,
                           str(item.get("rationale") or ""))
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

    citation = check.citation(data.get("citation")) if labelled else None
    note = data.get("targets_note") or {}
    proposed_by = check.text(note.get("proposed_by"), "targets_note proposed_by") if labelled else None
    targets_why = ({t: check.text((note.get("why") or {}).get(t), f"targets_note why {t}")
                    for t in ADVISOR_TYPES} if labelled else {})
    na_defaults: dict[str, tuple[str, ...]] = {}
    for advisor_type, codes in (data.get("not_applicable_by_default") or {}).items():
        unknown = [c for c in codes if c not in all_cell_codes()]
        if advisor_type not in ADVISOR_TYPES or unknown:
            check.problems.append(f"not_applicable_by_default {advisor_type}: unknown type or cells")
        na_defaults[advisor_type] = tuple(codes)
    cell_maps: dict[str, dict[str, str]] = {}
    for edition, entry in (data.get("previous_editions") or {}).items():
        mapping = dict((entry or {}).get("cell_map") or {})
        if set(mapping.values()) - set(all_cell_codes()):
            check.problems.append(f"previous edition {edition}: its cell map names unknown cells")
        cell_maps[edition] = mapping

    if check.problems:
        shown = "; ".join(check.problems[:10])
        more = f" (and {len(check.problems) - 10} more)" if len(check.problems) > 10 else ""
        raise InstrumentError(f"{origin} is broken: {shown}{more}")
    return Instrument(
        version, title, source, types, tuple(scale), not_applicable, tuple(roles), tuple(areas),
        cells, targets, citation, proposed_by, targets_why, na_defaults, cell_maps,
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


def study_baseline(instrument: Instrument, code: str, advisor_type: str) -> Baseline | None:
    """The study's finding for a cell of any edition, as the current edition reads it.

    Earlier editions' levels were corrected in 2026.2, so an old assessment is compared
    with the current reading, matched through the current edition's cell map. None for
    advisor types the study did not cover.
    """
    current = load_instrument()
    mapped = current.cell_maps.get(instrument.version, {}).get(code, code)
    cell = current.cells.get(mapped)
    return None if cell is None else cell.baseline.get(advisor_type)


def study_citation(lang: str) -> str:
    """The study's full reference, from the current edition of the instrument."""
    citation = load_instrument().citation
    assert citation is not None  # checked when the current edition loads
    return citation.text(lang)
