"""The ``.ewarong`` exchange file: a zip holding ``manifest.json`` and ``content.json``.

Reading a file is done in a fixed order and nothing touches the database until all of
it has passed: size caps, zip entries, per-entry sizes (zip bombs), checksum, JSON,
then the published JSON Schema (``resources/schema/ewarong-exchange-2.schema.json``)
with every problem collected. A file of schema version 1 is checked against its own
schema and then read as a version-2 file without coordinators' records. jsonschema
needs about a minute for 320,000 ratings, so records are first offered to a predicate
compiled from the very same schema; only what it does not accept goes to jsonschema,
which decides and explains (a test keeps both in step).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from ...errors import Phrase, UserError, id_number
from ...paths import resource_path
from .text import check_exchange_text

FORMAT_NAME = "ewarong-exchange"
SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
FILE_SUFFIX = ".ewarong"
MANIFEST_NAME = "manifest.json"
CONTENT_NAME = "content.json"
ENTRY_NAMES = (MANIFEST_NAME, CONTENT_NAME)

# Kinds of record in content.json, parents before children (the order they are merged in).
KINDS = ("advisors", "warongs", "assignments", "assessments", "ratings", "target_levels",
         "coordinators", "verifications", "verified_cells", "target_settings", "plan_actions",
         "follow_ups", "audit_entries", "tombstones")
KIND_DEFS = {"advisors": "advisor", "warongs": "warong", "assignments": "assignment",
             "assessments": "assessment", "ratings": "rating", "target_levels": "target_level",
             "coordinators": "coordinator", "verifications": "verification",
             "verified_cells": "verified_cell", "target_settings": "target_setting",
             "plan_actions": "plan_action", "follow_ups": "follow_up",
             "audit_entries": "audit_entry", "tombstones": "tombstone"}
# The kinds a file of each schema version holds.
VERSION_KINDS = {1: ("advisors", "warongs", "assignments", "assessments", "ratings",
                     "target_levels", "audit_entries", "tombstones"), 2: KINDS}

# Caps: a 10,000-assessment export is about 10 MB zipped and 66 MB of JSON.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
MAX_CONTENT_BYTES = 300 * 1024 * 1024
MAX_ENTRIES = 16
MAX_PROBLEMS_SHOWN = 5
READ_CHUNK = 1024 * 1024

ProgressCallback = Callable[[str, int, int], "bool | None"]
"""Called as ``progress(stage, done, total)``; returning False cancels the operation.

Stages: ``read``, ``check``, ``compare``, ``backup``, ``write``, ``export``.
"""


class ExchangeError(UserError):
    """A file that cannot be imported (or written); the message names the file and the problem.

    ``problems`` lists every problem found (schema errors can be many); the message shows
    the first few on one line.
    """

    def __init__(self, file_name: str, problem: str, problems: list[str] | None = None, *,
                 id: str | None = None, kind: str = "damaged"):
        #: why the file is refused: not_exchange, too_new, clash, unreadable or damaged
        self.kind = kind
        self.file_name = file_name
        self.problems = problems or [problem]
        super().__init__(f"{file_name}: {problem}", id=id and f"{file_name}: {id}")


class ExchangeCancelled(UserError):
    """The person cancelled an export or import; nothing was written."""


# Progress.action as the Indonesian messages name it.
ACTION_NAMES_ID = {"import": "impor", "export": "ekspor"}


class Progress:
    """Reports progress to an optional callback and turns "cancel" into ExchangeCancelled."""

    def __init__(self, callback: ProgressCallback | None, action: str = "import"):
        self.callback = callback
        self.action = action

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.callback is not None and self.callback(stage, done, total) is False:
            raise ExchangeCancelled(
                f"{self.action} cancelled; nothing was changed",
                id=f"{ACTION_NAMES_ID.get(self.action, self.action)} dihentikan; tidak ada yang "
                   "diubah")


@dataclass
class ExchangeFile:
    """A read, checked exchange file: its manifest and content (JSON values as read)."""

    name: str
    manifest: dict[str, Any]
    content: dict[str, list[dict[str, Any]]]

    def error(self, problem: str, problems: list[str] | None = None, *, id: str,
              kind: str = "damaged") -> ExchangeError:
        """An ExchangeError naming this file; ``id`` is the problem in Indonesian."""
        return ExchangeError(self.name, problem, problems, id=id, kind=kind)


# --- the schema and the checks built from it ------------------------------------------

@cache
def _schema_file(version: int) -> dict[str, Any]:
    path = resource_path("schema", f"ewarong-exchange-{version}.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def load_schema() -> dict[str, Any]:
    """The published JSON Schema of the exchange files this program writes."""
    return _schema_file(SCHEMA_VERSION)


def schema_of(version: int) -> dict[str, Any]:
    """The JSON Schema of a (readable) schema version."""
    return load_schema() if version == SCHEMA_VERSION else _schema_file(version)


def _real_date(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Format:
    """A string format the schema asserts: a shape (the schema's own pattern) and more."""

    pattern: str
    also: Callable[[str], bool] | None = None

    def __call__(self, value: str) -> bool:
        return ecma_regex(self.pattern).search(value) is not None and (
            self.also is None or self.also(value))


# The schema states these same patterns next to each format, so where a record has
# passed the pattern only ``also`` is left to check (the predicate relies on this).
FORMATS: dict[str, Format] = {
    "uuid": Format("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
    # A UTC timestamp, and a real date (no 30 February).
    "date-time": Format("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z$",
                        _real_date),
    # A calendar date (a plan action's due date), and a real one.
    "date": Format("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", _real_date),
}


@lru_cache(maxsize=256)
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """A schema ``pattern`` compiled with ECMA-262's meaning of ``$`` (end of text).

    Python's ``$`` also matches before a final newline, which would let "4.1.1\\n" pass.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def where(path: Iterable[str | int]) -> str:
    """A JSON path as people read it: ``ratings[5].level``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the document"


def describe(keyword: str, value: Any, instance: Any, schema: dict[str, Any]) -> str:
    """One problem in words, with the schema's own description of the value when it has one."""
    text = _describe(keyword, value, instance, schema)
    hint = schema.get("description") if isinstance(schema, dict) else None
    return f"{text} ({hint})" if hint and keyword not in (
        "required", "additionalProperties", "maxItems") else text


def _describe(keyword: str, value: Any, instance: Any, schema: dict[str, Any]) -> str:
    if keyword == "type":
        kinds = value if isinstance(value, list) else [value]
        return f"is {_json_type(instance)} {_short(instance)}, expected {' or '.join(kinds)}"
    if keyword == "required":
        missing = [name for name in value if isinstance(instance, dict) and name not in instance]
        return f"missing field(s) {', '.join(missing)}"
    if keyword == "additionalProperties":
        extra = sorted(set(instance) - set(schema.get("properties", {})))
        return f"unknown field(s) {', '.join(_short(name) for name in extra)}"
    if keyword in ("enum", "const"):
        allowed = value if keyword == "enum" else [value]
        return f"{_short(instance)} is not allowed here (allowed: {', '.join(map(_short, allowed))})"
    if keyword in ("pattern", "format"):  # the same words, so a value wrong both ways shows once
        return f"{_short(instance)} is not valid"
    if keyword == "maxLength":
        return f"text of {len(instance):,} characters is longer than the cap of {value:,}"
    if keyword == "minLength":
        return "is empty"
    if keyword == "minimum":
        return f"{_short(instance)} is below the minimum {value}"
    if keyword == "maximum":
        return f"{_short(instance)} is above the maximum {value}"
    if keyword == "maxItems":
        return (f"{len(instance):,} records is more than one file may hold ({value:,}); "
                "export a smaller selection (a period or a kabupaten)")
    if keyword == "uniqueItems":
        return "lists the same value twice"
    return f"does not follow the schema ({keyword})"


IGNORED_KEYWORDS = frozenset({"description", "title", "$comment"})
KNOWN_KEYWORDS = frozenset({
    "$ref", "type", "enum", "const", "pattern", "format", "minLength", "maxLength", "minimum",
    "maximum", "required", "properties", "additionalProperties", "if", "then", "items",
    "maxItems", "uniqueItems"}) | IGNORED_KEYWORDS

_TYPE_TESTS = {
    "string": "type({v}) is str",
    "null": "{v} is None",
    "boolean": "({v} is True or {v} is False)",
    # JSON Schema's integer includes 3.0 and excludes booleans (type(True) is bool, not int).
    "integer": "(type({v}) is int or (type({v}) is float and {v}.is_integer()))",
    "number": "type({v}) in (int, float)",
    "object": "type({v}) is dict",
    "array": "type({v}) is list",
}


def _only_strings_unique(values: list[Any]) -> bool:
    # Sound for uniqueItems: says yes only when it is sure; anything else goes to jsonschema.
    return all(type(value) is str for value in values) and len(set(values)) == len(values)


class _PredicateCompiler:
    """Turns a schema into the source of one boolean expression, then into a function.

    The function answers "does this record follow the schema?" in about a microsecond,
    for the keywords listed in KNOWN_KEYWORDS; any other keyword raises ValueError at
    compile time so the predicate cannot silently fall behind the schema.
    """

    def __init__(self, root: dict[str, Any]):
        self.root = root
        self.env: dict[str, Any] = {"_unique": _only_strings_unique}

    def constant(self, value: Any) -> str:
        name = f"_c{len(self.env)}"
        self.env[name] = value
        return name

    def expression(self, schema: dict[str, Any] | bool, v: str, depth: int = 0) -> str:
        if schema is True or schema == {}:
            return "True"
        if schema is False:
            return "False"
        assert isinstance(schema, dict)
        unknown = set(schema) - KNOWN_KEYWORDS
        if unknown:
            raise ValueError(f"the fast check does not know schema keyword(s) {sorted(unknown)}")
        if "$ref" in schema:
            ref = schema["$ref"]
            if not ref.startswith("#/$defs/") or len(schema) != 1:
                raise ValueError(f"unsupported $ref {ref!r}")
            return self.expression(self.root["$defs"][ref.removeprefix("#/$defs/")], v, depth)
        tests: list[str] = []
        if "type" in schema:
            kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            tests.append("(" + " or ".join(_TYPE_TESTS[kind].format(v=v) for kind in kinds) + ")")
        if "enum" in schema or "const" in schema:
            allowed = schema["enum"] if "enum" in schema else [schema["const"]]
            if all(type(option) is str for option in allowed):
                tests.append(f"(type({v}) is str and {v} in {self.constant(frozenset(allowed))})")
            elif all(option is True or option is False for option in allowed):
                tests.append("(" + " or ".join(f"{v} is {option}" for option in allowed) + ")")
            else:
                raise ValueError("the fast check only knows enums of strings or booleans")
        strings = []
        if "pattern" in schema:
            strings.append(f"{self.constant(ecma_regex(schema['pattern']))}.search({v}) is not None")
        if "format" in schema and schema["format"] in FORMATS:
            fmt = FORMATS[schema["format"]]
            if schema.get("pattern") != fmt.pattern:
                strings.append(f"{self.constant(fmt)}({v})")
            elif fmt.also is not None:
                strings.append(f"{self.constant(fmt.also)}({v})")
        if "minLength" in schema:
            strings.append(f"len({v}) >= {int(schema['minLength'])}")
        if "maxLength" in schema:
            strings.append(f"len({v}) <= {int(schema['maxLength'])}")
        if strings:
            tests.append(f"(type({v}) is not str or ({' and '.join(strings)}))")
        numbers = []
        if "minimum" in schema:
            numbers.append(f"{v} >= {schema['minimum']!r}")
        if "maximum" in schema:
            numbers.append(f"{v} <= {schema['maximum']!r}")
        if numbers:
            tests.append(f"(type({v}) not in (int, float) or ({' and '.join(numbers)}))")
        objects = self._object_tests(schema, v, depth)
        if objects:
            tests.append(f"(type({v}) is not dict or ({' and '.join(objects)}))")
        arrays = []
        if "maxItems" in schema:
            arrays.append(f"len({v}) <= {int(schema['maxItems'])}")
        if schema.get("uniqueItems"):
            arrays.append(f"_unique({v})")
        if "items" in schema:
            item = f"_i{depth}"
            arrays.append(f"all({self.expression(schema['items'], item, depth + 1)} for {item} in {v})")
        if arrays:
            tests.append(f"(type({v}) is not list or ({' and '.join(arrays)}))")
        if "if" in schema:
            condition = self.expression(schema["if"], v, depth)
            consequence = self.expression(schema.get("then", True), v, depth)
            tests.append(f"(not {condition} or {consequence})")
        return "(" + " and ".join(tests) + ")" if tests else "True"

    def _object_tests(self, schema: dict[str, Any], v: str, depth: int) -> list[str]:
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        closed = "additionalProperties" in schema
        if closed and schema["additionalProperties"] is not False:
            raise ValueError("the fast check only knows additionalProperties: false")
        tests = []
        if closed and required == set(properties):
            tests.append(f"{v}.keys() == {self.constant(frozenset(properties))}")
        else:
            if required:
                tests.append(f"{self.constant(frozenset(required))} <= {v}.keys()")
            if closed:
                tests.append(f"{v}.keys() <= {self.constant(frozenset(properties))}")
        for name, subschema in properties.items():
            test = self.expression(subschema, f"{v}[{name!r}]", depth)
            if test != "True":
                tests.append(test if name in required else f"({name!r} not in {v} or {test})")
        return tests

    def function(self, schema: dict[str, Any]) -> Callable[[Any], bool]:
        source = f"def accepts(record):\n    return bool({self.expression(schema, 'record')})\n"
        namespace = dict(self.env)
        exec(compile(source, "<exchange schema predicate>", "exec"), namespace)  # noqa: S102
        return namespace["accepts"]


@cache
def record_predicates(version: int = SCHEMA_VERSION) -> dict[str, Callable[[Any], bool]]:
    """For each kind of record: a fast function saying whether a record follows the schema.

    It never accepts what the schema refuses (the tests hold it to jsonschema); a record
    it does not accept is handed to jsonschema, which has the last word and the words.
    """
    schema = schema_of(version)
    return {kind: _PredicateCompiler(schema).function({"$ref": f"#/$defs/{KIND_DEFS[kind]}"})
            for kind in VERSION_KINDS[version]}


@lru_cache(maxsize=1)
def _validator_class():  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator, validators

    def pattern(validator, value, instance, _schema):  # type: ignore[no-untyped-def]
        from jsonschema.exceptions import ValidationError

        if validator.is_type(instance, "string") and not ecma_regex(value).search(instance):
            yield ValidationError(f"{instance!r} does not match {value!r}")

    return validators.extend(Draft202012Validator, {"pattern": pattern})


@cache
def validator_for(definition: str | None = None,  # type: ignore[no-untyped-def]
                  version: int = SCHEMA_VERSION):
    """A jsonschema validator for the whole document, or for one of its ``$defs``."""
    from jsonschema import FormatChecker
    from referencing import Registry, Resource

    schema = schema_of(version)
    checker = FormatChecker(formats=())
    for name, test in FORMATS.items():
        # Formats only speak about strings; other types are the "type" keyword's business.
        checker.checks(name)(lambda value, test=test: not isinstance(value, str) or test(value))
    if definition is None:
        return _validator_class()(schema, format_checker=checker)
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return _validator_class()({"$ref": f"{schema['$id']}#/$defs/{definition}"},
                              registry=registry, format_checker=checker)


def _problem_lines(errors: Iterable[Any], prefix: tuple[str | int, ...] = ()) -> list[str]:
    return [f"{where([*prefix, *error.absolute_path])}: "
            f"{describe(error.validator, error.validator_value, error.instance, error.schema)}"
            for error in errors]


def schema_problems(manifest: Any, content: Any, version: int = SCHEMA_VERSION) -> list[str]:
    """Every way the document breaks the schema, as "path: problem" lines (empty if none).

    jsonschema checks the manifest and the shape of the content; the records of each
    array are first offered to the compiled predicate and only those it does not accept
    are checked (and explained) by jsonschema, which keeps a 320,000-rating file to a
    second instead of a minute.
    """
    arrays: dict[str, list[Any]] = {}
    shape = content
    if isinstance(content, dict):
        arrays = {kind: content[kind] for kind in VERSION_KINDS[version]
                  if isinstance(content.get(kind), list)}
        shape = {**content, **{kind: [] for kind in arrays}}
    problems = _problem_lines(validator_for(None, version).iter_errors(
        {"manifest": manifest, "content": shape}))
    limits = schema_of(version)["$defs"]["content"]["properties"]
    for kind, records in arrays.items():
        max_items = limits[kind]["maxItems"]
        if len(records) > max_items:
            problems.append(f"content.{kind}: {describe('maxItems', max_items, records, {})}")
            continue
        accepts = record_predicates(version)[kind]
        for index, record in enumerate(records):
            if not accepts(record):
                problems += _problem_lines(validator_for(KIND_DEFS[kind], version).iter_errors(record),
                                           ("content", kind, index))
    return list(dict.fromkeys(problems))  # the same line twice says nothing new


# --- reading ---------------------------------------------------------------------------

def _unsafe_name(name: str) -> Phrase | None:
    if "\\" in name:
        return Phrase("contains a backslash", "memuat garis miring terbalik")
    if name.startswith("/") or PurePosixPath(name).is_absolute() or re.match(r"^[A-Za-z]:", name):
        return Phrase("is an absolute path", "adalah jalur mutlak")
    if ".." in PurePosixPath(name).parts:
        return Phrase("climbs out of the archive ('..')", "keluar dari arsip ('..')")
    return None


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int,
                file_name: str, digest: Any = None) -> bytearray:
    """Read one entry, never more than ``cap`` bytes whatever its header claims."""
    if info.file_size > cap:
        raise ExchangeError(file_name, f"{info.filename} would unpack to {info.file_size:,} bytes, "
                                       f"more than the cap of {cap:,}; the file is not accepted",
                            id=f"{info.filename} akan terbuka menjadi {id_number(info.file_size)} "
                               f"byte, melebihi batas {id_number(cap)} byte; berkas tidak diterima")
    data = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(READ_CHUNK):
            data += chunk
            if len(data) > cap:
                raise ExchangeError(file_name, f"{info.filename} unpacks to more than {cap:,} bytes "
                                               "(a damaged or hostile archive); the file is not accepted",
                                    id=f"{info.filename} terbuka menjadi lebih dari {id_number(cap)} byte "
                                       "(arsip rusak atau berbahaya); berkas tidak diterima")
            if digest is not None:
                digest.update(chunk)
    return data


def _decode(data: bytes | bytearray, what: str, file_name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExchangeError(file_name, f"{what} is not UTF-8 text (byte {exc.start:,}); "
                                       "the file is damaged",
                            id=f"{what} bukan teks UTF-8 (byte ke-{id_number(exc.start)}); berkas rusak"
                            ) from exc


# The ratings' repeated values (32 ratings share an assessment_id, each cell code comes
# back once per assessment): one string object each instead of one per rating saves
# about 45 MB on a 10,000-assessment file. Other records are too few to be worth it.
SHARED_VALUE_KEYS = ("assessment_id", "cell_code")


def _sharing_hook() -> Callable[[dict[str, Any]], dict[str, Any]]:
    shared: dict[str, str] = {}

    def share(record: dict[str, Any]) -> dict[str, Any]:
        for key in SHARED_VALUE_KEYS:
            value = record.get(key)
            if type(value) is str:
                record[key] = shared.setdefault(value, value)
        return record
    return share


def _parse_json(text: str, what: str, file_name: str) -> Any:
    def refuse_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    try:
        return json.loads(text, parse_constant=refuse_constant, object_hook=_sharing_hook())
    except (ValueError, RecursionError) as exc:
        raise ExchangeError(file_name, f"{what} is not valid JSON ({exc}); the file is damaged",
                            id=f"{what} bukan JSON yang sah ({exc}); berkas rusak") from exc


def check_manifest_version(manifest: Any, file_name: str) -> None:
    """Refuse files that are not exchange files, or come from a newer format, by name."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ExchangeError(file_name, "not an e-Warong exchange file (its manifest names "
                                       "another format)",
                            id="bukan berkas kiriman e-Warong (manifesnya menyebut format lain)",
                            kind="not_exchange")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError(file_name, "the manifest has no valid schema_version; the file is damaged",
                            id="manifes tidak memuat schema_version yang sah; berkas rusak")
    if version > SCHEMA_VERSION:
        from ... import __version__

        writer = manifest.get("program_version")
        writer = writer if isinstance(writer, str) and 0 < len(writer) <= 32 else None
        needed = f"e-Warong Desktop {writer} or newer" if writer else "a newer e-Warong Desktop"
        needed_id = (f"e-Warong Desktop {writer} atau yang lebih baru" if writer
                     else "e-Warong Desktop versi yang lebih baru")
        raise ExchangeError(
            file_name, f"written in exchange format {version}, newer than this program "
                       f"(version {__version__}) can read (format {SCHEMA_VERSION}); install "
                       f"{needed} to import it",
            id=f"ditulis dalam format kiriman {version}, lebih baru daripada yang dapat dibaca "
               f"program ini (versi {__version__}, format {SCHEMA_VERSION}); pasang {needed_id} "
               "untuk memasukkannya", kind="too_new")


ID_KINDS = ("advisors", "warongs", "assessments", "ratings", "coordinators", "verifications",
            "verified_cells", "target_settings", "plan_actions", "follow_ups", "audit_entries")


def _record_count_guard(data: bytearray, file_name: str) -> None:
    # Bound memory before parsing: each record of these kinds has one "id" key (a quote
    # inside a JSON string is escaped, so the bare token cannot hide in a note); more of
    # them than their caps together cannot pass the schema anyway.
    content = load_schema()["$defs"]["content"]["properties"]
    limit = sum(content[kind]["maxItems"] for kind in ID_KINDS)
    if data.count(b'"id"') > limit:
        raise ExchangeError(file_name, f"holds more than {limit:,} records, more than one file may "
                                       "hold; export a smaller selection (a period or a kabupaten)",
                            id=f"berisi lebih dari {id_number(limit)} data, melebihi isi yang boleh untuk "
                               "satu berkas; ekspor pilihan yang lebih kecil (satu periode atau "
                               "satu kabupaten)")


def read_exchange_file(path: str | Path, progress: ProgressCallback | None = None) -> ExchangeFile:
    """Read and check an exchange file; raises ExchangeError naming the first failed check.

    Nothing here touches a database: the result is checked against the schema but not
    yet against a database (see ``exchange.preview``).
    """
    path = Path(path)
    name = path.name
    report = Progress(progress)
    report("read", 0, 1)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExchangeError(name, f"cannot be read ({exc.strerror or exc})",
                            id=f"tidak dapat dibaca ({exc.strerror or exc})", kind="unreadable") from exc
    if path.is_dir():
        raise ExchangeError(name, "is a folder; choose an exchange file (.ewarong)",
                            id="adalah folder; pilih berkas kiriman (.ewarong)", kind="unreadable")
    if size > MAX_FILE_BYTES:
        raise ExchangeError(name, f"is {size:,} bytes, more than the cap of {MAX_FILE_BYTES:,}; "
                                  "export a smaller selection",
                            id=f"berukuran {id_number(size)} byte, melebihi batas "
                               f"{id_number(MAX_FILE_BYTES)} byte; ekspor pilihan yang lebih kecil")
    try:
        with zipfile.ZipFile(path) as archive:
            manifest_bytes, content_bytes, digest = _read_archive(archive, name, report)
    except ExchangeError:
        raise
    except ExchangeCancelled:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError, RuntimeError, OSError) as exc:
        if isinstance(exc, zipfile.BadZipFile) and "not a zip" in str(exc).lower():
            # A zip's directory sits at its end: a file that starts like a zip but has
            # none was cut short (an interrupted copy); anything else is another file.
            with open(path, "rb") as stream:
                starts_like_zip = stream.read(4) == b"PK\x03\x04"
            problem = (Phrase("is damaged or cut short (its zip directory is missing); copy it again",
                              "rusak atau terpotong (direktori zip-nya tidak ada); salin lagi "
                              "berkasnya")
                       if starts_like_zip else
                       Phrase("is not an e-Warong exchange file (not a zip archive)",
                              "bukan berkas kiriman e-Warong (bukan arsip zip)"))
            refusal = "damaged" if starts_like_zip else "not_exchange"
        else:
            problem = Phrase(f"is damaged or cut short ({exc}); copy it again",
                             f"rusak atau terpotong ({exc}); salin lagi berkasnya")
            refusal = "damaged"
        raise ExchangeError(name, problem.en, id=problem.id, kind=refusal) from exc
    manifest = _parse_json(_decode(manifest_bytes, MANIFEST_NAME, name), MANIFEST_NAME, name)
    check_manifest_version(manifest, name)
    expected = manifest.get("content_sha256")
    if digest != expected:
        raise ExchangeError(name, "the checksum of content.json does not match the manifest; "
                                  "the file was changed or damaged on the way, ask for it again",
                            id="checksum content.json tidak cocok dengan manifes; berkas berubah "
                               "atau rusak di perjalanan, minta dikirim ulang")
    report("read", 1, 3)
    _record_count_guard(content_bytes, name)
    text = _decode(content_bytes, CONTENT_NAME, name)
    del content_bytes  # lower the peak memory while parsing
    content = _parse_json(text, CONTENT_NAME, name)
    del text
    report("check", 0, 1)
    version = manifest["schema_version"]
    problems = schema_problems(manifest, content, version)
    if problems:
        shown = "; ".join(problems[:MAX_PROBLEMS_SHOWN])
        hidden = len(problems) - MAX_PROBLEMS_SHOWN
        more, more_id = (f" (and {hidden} more)", f" (dan {hidden} lagi)") if hidden > 0 else ("", "")
        # The problem lines name fields of the published schema, so they stay as written.
        raise ExchangeError(name, f"does not follow the exchange format, {len(problems)} "
                                  f"problem(s): {shown}{more}", problems,
                            id=f"tidak mengikuti format kiriman, {len(problems)} masalah "
                               f"(rincian teknis): {shown}{more_id}")
    exchange_file = ExchangeFile(name, manifest, content)
    _check_counts(exchange_file, version)
    if version < SCHEMA_VERSION:
        _read_as_current(exchange_file)
    check_exchange_text(exchange_file)
    report("check", 1, 1)
    return exchange_file


def _read_as_current(exchange_file: ExchangeFile) -> None:
    """A checked version-1 file as version 2 reads it: no coordinators' records, and audit
    entries made by advisors only."""
    content, counts = exchange_file.content, exchange_file.manifest["counts"]
    for kind in KINDS:
        content.setdefault(kind, [])
        counts.setdefault(kind, 0)
    for entry in content["audit_entries"]:
        entry.setdefault("coordinator_id", None)


def _read_archive(archive: zipfile.ZipFile, name: str,
                  report: Progress) -> tuple[bytearray, bytearray, str]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ExchangeError(name, f"the archive has {len(infos)} entries; an exchange file has 2",
                            id=f"arsip berisi {len(infos)} entri; berkas kiriman berisi 2")
    for info in infos:
        unsafe = _unsafe_name(info.orig_filename)
        if unsafe:
            raise ExchangeError(name, f"archive entry {info.orig_filename!r} {unsafe.en}; "
                                      "the file is not accepted",
                                id=f"entri arsip {info.orig_filename!r} {unsafe.id}; berkas "
                                   "tidak diterima")
    names = [info.orig_filename for info in infos]
    if sorted(names) != sorted(ENTRY_NAMES):
        held = ", ".join(map(repr, names))
        raise ExchangeError(name, f"the archive holds {held or 'nothing'}; "
                                  f"an exchange file holds exactly {MANIFEST_NAME} and {CONTENT_NAME}",
                            id=f"arsip berisi {held or 'tidak ada apa-apa'}; berkas kiriman "
                               f"berisi tepat {MANIFEST_NAME} dan {CONTENT_NAME}")
    by_name = {info.orig_filename: info for info in infos}
    for info in infos:
        if info.flag_bits & 0x1:
            raise ExchangeError(name, f"{info.filename} is encrypted; exchange files are not",
                                id=f"{info.filename} terenkripsi; berkas kiriman tidak pernah "
                                   "terenkripsi")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExchangeError(name, f"{info.filename} uses an unknown compression",
                                id=f"{info.filename} memakai cara kompresi yang tidak dikenal")
    manifest = _read_entry(archive, by_name[MANIFEST_NAME], MAX_MANIFEST_BYTES, name)
    digest = hashlib.sha256()
    content = _read_entry(archive, by_name[CONTENT_NAME], MAX_CONTENT_BYTES, name, digest)
    report("read", 1, 2)
    return manifest, content, digest.hexdigest()


def _check_counts(exchange_file: ExchangeFile, version: int = SCHEMA_VERSION) -> None:
    counts = exchange_file.manifest["counts"]
    wrong = [kind for kind in VERSION_KINDS[version]
             if counts[kind] != len(exchange_file.content[kind])]
    if wrong:
        found = {kind: len(exchange_file.content[kind]) for kind in wrong}
        raise exchange_file.error(
            "the manifest's record counts do not match the content ("
            + ", ".join(f"{kind}: {counts[kind]} listed, {found[kind]} found" for kind in wrong)
            + "); the file is damaged",
            id="jumlah data di manifes tidak cocok dengan isinya ("
               + ", ".join(f"{kind}: {counts[kind]} tercatat, {found[kind]} ada" for kind in wrong)
               + "); berkas rusak")
