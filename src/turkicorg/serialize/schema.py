"""The JSON Schema (draft 2020-12) of turkicorg documents, generated from the model classes.

The schema follows the converter's conventions (:mod:`turkicorg.serialize`): every attrs
class is an object with exactly its fields (``additionalProperties: false``), fields without
a default are required, enumerations are their values, partial dates are ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD`` and tuples are arrays. Rules the schema can state (id patterns,
non-blank names, a source for every meeting, months 1 to 12) are stated; rules it cannot
(an end after its start, unique ids, February 29 only in leap years) are checked by the
library alone.

The schema of every document type is shipped in the package as
``turkicorg/schema/turkicorg.schema.json`` (a test regenerates it and fails when the file is
stale):

>>> from turkicorg.serialize import schema
>>> shipped = schema.shipped()
>>> shipped["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> shipped == schema.generate()
True
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from importlib import resources
from typing import Any, Final

import attrs

from turkicorg.dates import PartialDate
from turkicorg.fileio import decode_utf8
from turkicorg.meetings import Meeting
from turkicorg.registry import MeetingRegistry
from turkicorg.serialize.common import FORMAT, VERSION
from turkicorg.serialize.conversion import DOCUMENT_TYPES, check_type
from turkicorg.serialize.documents import FIELDS_KEY

__all__ = [
    "DATE_PATTERN",
    "DIALECT",
    "PARTIAL_DATE_PATTERN",
    "SCHEMA_FILE",
    "SCHEMA_FOLDER",
    "generate",
    "json_schema",
    "render",
    "shipped",
]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schemas."""
SCHEMA_FILE: Final = "turkicorg.schema.json"
"""The name of the shipped schema file."""
SCHEMA_FOLDER: Final = "schema"
"""The folder of the package ``turkicorg`` that holds the shipped schema file."""

_YEAR: Final = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY: Final = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-9]))"
)
_MONTH: Final = "(?:0[1-9]|1[0-2])"
PARTIAL_DATE_PATTERN: Final = f"^{_YEAR}(?:-{_MONTH}|-{_MONTH_DAY})?$"
"""The pattern of a partial date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a day that exists)."""
DATE_PATTERN: Final = f"^{_YEAR}-{_MONTH_DAY}$"
"""The pattern of a full date, ``YYYY-MM-DD``."""
_NOT_BLANK: Final = r"\S"

_FIELD_RULES: Final[dict[tuple[str, str], dict[str, Any]]] = {
    ("Meeting", "id"): {"pattern": "^[a-z0-9][a-z0-9._-]{0,99}$"},
    ("Meeting", "title"): {"pattern": _NOT_BLANK},
    ("Meeting", "ordinal"): {"minimum": 1},
    ("Meeting", "sources"): {"minItems": 1},
    ("State", "id"): {"pattern": "^[A-Z][A-Z0-9_]{1,31}$"},
    ("State", "short_name"): {"pattern": _NOT_BLANK},
    ("State", "official_name"): {"pattern": _NOT_BLANK},
    ("State", "iso2"): {"pattern": "^[A-Z]{2}$"},
    ("State", "iso3"): {"pattern": "^[A-Z]{3}$"},
    ("FormerName", "short_name"): {"pattern": _NOT_BLANK},
    ("FormerName", "official_name"): {"pattern": _NOT_BLANK},
    ("Cadence", "months"): {"minimum": 1},
    ("Cadence", "month"): {"minimum": 1, "maximum": 12},
    ("Organization", "names"): {"minItems": 1},
}
"""Rules of single fields, stated by validators and ``__attrs_post_init__`` in the model."""

_CLASS_RULES: Final[dict[str, list[dict[str, Any]]]] = {
    "Participant": [
        {
            "anyOf": [
                {"required": ["party"], "properties": {"party": {"type": "string"}}},
                {"required": ["person"], "properties": {"person": {"type": "string"}}},
            ]
        }
    ],
    "Meeting": [
        {
            "if": {"required": ["kind"], "properties": {"kind": {"const": "bilateral"}}},
            "then": {"required": ["participants"], "properties": {"participants": {"minItems": 1}}},
        },
        {
            "if": {"required": ["format"], "properties": {"format": {"const": "video"}}},
            "then": {
                "properties": {
                    "place": {
                        "anyOf": [
                            {"type": "null"},
                            {"properties": {"venue": {"enum": [None, ""]}}},
                        ]
                    }
                }
            },
        },
    ],
}
"""Rules between fields of one object."""


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


class _Builder:
    """Collects ``$defs`` while turning types into schemas."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of_type(self, tp: Any) -> dict[str, Any]:
        args = typing.get_args(tp)
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is dt.date:
            return {"type": "string", "pattern": DATE_PATTERN}
        if tp is PartialDate:
            self.defs.setdefault(
                "PartialDate",
                {
                    "description": "A date known to the year, the month or the day.",
                    "type": "string",
                    "pattern": PARTIAL_DATE_PATTERN,
                },
            )
            return _ref("PartialDate")
        if tp is MeetingRegistry:
            return {"type": "array", "items": self.of_type(Meeting)}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.defs.setdefault(
                tp.__name__,
                {"description": _summary(tp), "enum": [member.value for member in tp]},
            )
            return _ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # placeholder: classes may refer to themselves
                self.defs[tp.__name__] = self.of_class(tp)
            return _ref(tp.__name__)
        if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of_type(args[0])}
        if type(None) in args:
            inner = [a for a in args if a is not type(None)]
            schema = self.of_type(inner[0] if len(inner) == 1 else typing.Union[tuple(inner)])  # noqa: UP007
            if set(schema) <= {"type", "pattern", "minimum", "maximum"}:
                return {**schema, "type": [schema["type"], "null"]}
            return {"anyOf": [schema, {"type": "null"}]}
        if args:  # a union such as Body = Organ | Mechanism
            return {"anyOf": [self.of_type(a) for a in args]}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new model type

    def of_class(self, cls: type) -> dict[str, Any]:
        attrs.resolve_types(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            schema = {
                **self.of_type(field.type),
                **_FIELD_RULES.get((cls.__name__, field.name), {}),
            }
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                schema = {**schema, "default": _plain(field.default)}
            properties[field.name] = schema
        result: dict[str, Any] = {
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        rules = _CLASS_RULES.get(cls.__name__)
        if rules:
            result["allOf"] = rules
        return result

    def document(self, cls: type) -> dict[str, Any]:
        key = FIELDS_KEY.get(cls)
        if key is not None:
            body: dict[str, Any] = {
                "type": "object",
                "properties": {key: self.of_type(cls)},
                "required": [key],
                "additionalProperties": False,
            }
        else:
            self.of_type(cls)
            body = self.defs[cls.__name__]
        envelope = {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "type": {"const": cls.__name__},
        }
        document: dict[str, Any] = {
            "description": f"A turkicorg document holding one {cls.__name__}.",
            "type": "object",
            "properties": {**envelope, **body["properties"]},
            "required": ["format", "version", "type", *body["required"]],
            "additionalProperties": False,
        }
        if "allOf" in body:
            document["allOf"] = body["allOf"]
        name = f"{cls.__name__}Document"
        self.defs[name] = document
        return _ref(name)


def _summary(obj: object) -> str:
    doc = (getattr(obj, "__doc__", None) or "").strip()
    return doc.split("\n\n")[0].replace("\n", " ")


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _used(defs: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """The definitions ``root`` refers to, directly or through other definitions."""
    seen: set[str] = set()
    pending: list[Any] = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in seen:
                    seen.add(name)
                    pending.append(defs[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return {name: defs[name] for name in sorted(seen)}


def generate(cls: type | None = None) -> dict[str, Any]:
    """The JSON Schema of the documents of ``cls``, or of every document type (None).

    Raises:
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    builder = _Builder()
    head: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://turkicorg.readthedocs.io/schema/v{VERSION}/{SCHEMA_FILE}",
    }
    if cls is None:
        refs = [builder.document(t) for t in DOCUMENT_TYPES.values()]
        root: dict[str, Any] = {
            **head,
            "title": f"turkicorg documents, format version {VERSION}",
            "description": "Any document written by turkicorg.serialize: the envelope "
            "(format, version, type) and the fields of one object.",
            "oneOf": refs,
        }
    else:
        check_type(cls)
        ref = builder.document(cls)
        name = cls.__name__
        head["$id"] = head["$id"].replace(SCHEMA_FILE, f"{name.lower()}.schema.json")
        root = {
            **head,
            "title": f"turkicorg {name} document, format version {VERSION}",
            **ref,
        }
    root["$defs"] = _used(builder.defs, root)
    return root


def render(schema: dict[str, Any]) -> str:
    """The text of a schema as shipped: indented by two spaces, UTF-8, newline at the end."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped() -> dict[str, Any]:
    """The schema shipped in the package (equal to :func:`generate` of the same release).

    It is the file ``turkicorg/schema/turkicorg.schema.json``, read through
    :mod:`importlib.resources` (so it is found in a zip file too).
    """
    where = resources.files("turkicorg").joinpath(SCHEMA_FOLDER).joinpath(SCHEMA_FILE)
    text = decode_utf8(where.read_bytes(), source=SCHEMA_FILE)
    result: dict[str, Any] = json.loads(text)
    return result


def json_schema(cls: type | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of turkicorg documents.

    Args:
        cls: The document type; None for the schema of every document type (the one shipped
            in the package as ``turkicorg/schema/turkicorg.schema.json``).

    Raises:
        UnsupportedTypeError: ``cls`` is not a document type.
    """
    return generate(cls)
