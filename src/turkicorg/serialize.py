"""JSON, the native format: one converter for every public type.

Documents carry a versioned envelope::

    {"format": "turkicorg", "version": 1, "type": "Organization", ...the object's fields...}

>>> from turkicorg import PartialDate, serialize
>>> from turkicorg.meetings import Meeting
>>> m = Meeting(
...     id="coe-14",
...     body="COE",
...     kind="regular",
...     title="14th meeting of the Council of Elders",
...     start="2023-10-17",
...     end="2023-10-18",
...     sources=("https://turkicstates.org/",),
... )
>>> text = serialize.dumps(m)
>>> serialize.loads(text, Meeting) == m
True

Loading raises only :class:`~turkicorg.InvalidDataError`, which lists every problem with
its path (``unknown key @ $.meetings[3].venue``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from turkicorg.dates import PartialDate
from turkicorg.errors import (
    ErrorDetail,
    InvalidDataError,
    InvalidDateError,
    TurkicOrgError,
    UnsupportedVersionError,
)
from turkicorg.meetings import Body, Meeting
from turkicorg.organs import Mechanism, Organ
from turkicorg.registry import MeetingRegistry

__all__ = [
    "FORMAT",
    "VERSION",
    "converter",
    "dumps",
    "loads",
    "structure",
    "unstructure",
]

FORMAT: Final = "turkicorg"
"""The ``format`` value of every turkicorg document."""
VERSION: Final = 1
"""The newest format version this release writes and reads."""

T = TypeVar("T")
_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_ENVELOPE: Final = ("format", "version", "type")


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _fail(message: str, value: object) -> InvalidDataError:
    return InvalidDataError.single("$", message, value)


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _fail(f"expected a string, got {_type_name(value)}", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _fail(f"expected an integer, got {_type_name(value)}", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _fail(f"expected true or false, got {_type_name(value)}", value)
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is not str or not _ISO_DAY.fullmatch(value):
        raise _fail("expected a date written YYYY-MM-DD", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"invalid date {value!r}: no such day", value) from None


def _structure_partial(value: object, _: type) -> PartialDate:
    try:
        return PartialDate.parse(value)  # type: ignore[arg-type]
    except InvalidDateError as error:
        raise _fail(str(error), value) from None


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is str and value in by_value:
            return by_value[value]
        raise _fail(f"expected one of {allowed}", value)

    return structure


_ENUM_HOOKS: dict[type[enum.Enum], Callable[[object, type], enum.Enum]] = {}


def _structure_any_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    hook = _ENUM_HOOKS.get(cls)
    if hook is None:
        hook = _ENUM_HOOKS[cls] = _enum_hook(cls)
    return hook(value, cls)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


_BODIES: Final[dict[str, Body]] = {
    **{o.value: o for o in Organ},
    **{m.value: m for m in Mechanism},
}


def _structure_body(value: object, _: object) -> Body:
    if type(value) is str and value in _BODIES:
        return _BODIES[value]
    raise _fail(f"expected an organ ({', '.join(o.value for o in Organ)}) or a mechanism", value)


def _locate(error: BaseException, path: str, out: list[ErrorDetail]) -> None:
    """Flatten a structuring error into located details."""
    if isinstance(error, InvalidDataError):
        out.extend(ErrorDetail(path + d.path[1:], d.message, d.value) for d in error.errors)
    elif isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            _locate(inner, f"{path}.{note.name}", out)
        for inner in without:
            _locate(inner, path, out)
    elif isinstance(error, IterableValidationError):
        with_index, without_index = error.group_exceptions()
        for inner, index_note in with_index:
            _locate(inner, f"{path}[{index_note.index}]", out)
        for inner in without_index:
            _locate(inner, path, out)
    elif isinstance(error, ForbiddenExtraKeysError):
        out.extend(ErrorDetail(f"{path}.{key}", "unknown key", key) for key in sorted(error.extra_fields))
    elif isinstance(error, KeyError):
        out.append(ErrorDetail(path, "required key missing", None))
    elif isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            _locate(inner, path, out)
    elif isinstance(error, InvalidDateError):
        out.append(ErrorDetail(path, str(error), error.value))
    else:
        out.append(ErrorDetail(path, str(error) or type(error).__name__, None))


def _tuple_hook_factory(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(tuple_type: Any) -> Callable[[object, type], tuple[Any, ...]]:
        (item_type, _ellipsis) = typing.get_args(tuple_type)
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _fail(f"expected an array, got {_type_name(value)}", value)
            items = []
            problems: list[ErrorDetail] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except (TurkicOrgError, ValueError, TypeError, KeyError, cattrs.BaseValidationError) as error:
                    _locate(error, f"$[{index}]", problems)
            if problems:
                raise InvalidDataError(problems)
            return tuple(items)

        return structure

    return factory


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _attrs_hook_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, type], Any]]:
    def factory(cls: Any) -> Callable[[object, type], Any]:
        inner = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )
        name = cls.__name__

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise _fail(f"expected an object ({name}), got {_type_name(value)}", value)
            try:
                return inner(value, cls)
            except InvalidDataError:
                raise
            except (TurkicOrgError, ValueError, TypeError, KeyError, cattrs.BaseValidationError) as error:
                problems: list[ErrorDetail] = []
                _locate(error, "$", problems)
                raise InvalidDataError(problems) from None

        return structure

    return factory


def _unstructure_attrs_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: Any) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)

    return factory


def _structure_registry(value: object, _: type) -> MeetingRegistry:
    meetings = converter.structure(value, tuple[Meeting, ...])
    return MeetingRegistry(meetings)


def make_converter() -> cattrs.Converter:
    """Build the converter used for every turkicorg type.

    Strict: a wrong type is an error, never a silent conversion (``5`` is not a string,
    ``"AZE"`` is not a list); unknown keys are errors; defaults are omitted when writing.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Singledispatch hooks win over cattrs' lenient defaults (which call str(value)). Enum
    # bases are registered too: StrEnum comes before str in a StrEnum's MRO, so enum fields
    # get the enum hook, not the string one.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(enum.Enum, _structure_any_enum)
    conv.register_structure_hook(enum.StrEnum, _structure_any_enum)
    conv.register_structure_hook(enum.IntEnum, _structure_any_enum)
    for enum_base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_unstructure_hook(enum_base, _enum_value)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: lambda member: member.value,
    )
    conv.register_structure_hook(Body, _structure_body)  # type: ignore[arg-type]
    conv.register_unstructure_hook(Body, lambda member: member.value)  # type: ignore[arg-type]
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(conv))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t: _tuple_unstructure(conv, typing.get_args(t)[0]),
    )
    conv.register_structure_hook(MeetingRegistry, _structure_registry)
    conv.register_unstructure_hook(
        MeetingRegistry, lambda reg: [conv.unstructure(m, Meeting) for m in reg]
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory(conv))
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_attrs_factory(conv))
    return conv


def _tuple_unstructure(conv: cattrs.Converter, item_type: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    hook = conv.get_unstructure_hook(item_type)
    return lambda items: [hook(item) for item in items]


converter: Final = make_converter()
"""The one converter for every turkicorg type."""


def structure(data: object, cls: type[T]) -> T:
    """Turn plain data (dicts, lists, strings) into ``cls``.

    Raises:
        InvalidDataError: Every problem, with its path.
    """
    try:
        return converter.structure(data, cls)
    except InvalidDataError:
        raise
    except (TurkicOrgError, ValueError, TypeError, KeyError, cattrs.BaseValidationError) as error:
        problems: list[ErrorDetail] = []
        _locate(error, "$", problems)
        raise InvalidDataError(problems) from None


def unstructure(obj: object) -> Any:
    """Turn a turkicorg object into plain data, defaults omitted."""
    return converter.unstructure(obj)


def _migrate(document: dict[str, Any]) -> dict[str, Any]:
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise InvalidDataError.single("$.version", "expected a positive integer version", version)
    if version > VERSION:
        raise UnsupportedVersionError(version, VERSION)
    for step in range(version, VERSION):
        document = MIGRATIONS[step](document)
    return document


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""Migration steps: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``."""


def to_document(obj: object) -> dict[str, Any]:
    """The envelope and fields of ``obj`` as plain data."""
    fields = unstructure(obj)
    if isinstance(obj, MeetingRegistry):
        fields = {"meetings": fields}
    return {"format": FORMAT, "version": VERSION, "type": type(obj).__name__, **fields}


def from_document(document: object, cls: type[T]) -> T:
    """Check the envelope of a document, migrate it, and build ``cls`` from it.

    Raises:
        InvalidDataError: Every problem, with its path.
    """
    if type(document) is not dict:
        raise InvalidDataError.single("$", f"expected an object, got {_type_name(document)}", None)
    if document.get("format") != FORMAT:
        raise InvalidDataError.single(
            "$.format", f"not a turkicorg document (expected format {FORMAT!r})", document.get("format")
        )
    document = _migrate(dict(document))
    if document.get("type") != cls.__name__:
        raise InvalidDataError.single(
            "$.type", f"expected a {cls.__name__} document", document.get("type")
        )
    fields = {k: v for k, v in document.items() if k not in _ENVELOPE}
    if cls is MeetingRegistry:
        extra = sorted(set(fields) - {"meetings"})
        if extra or "meetings" not in fields:
            raise InvalidDataError(
                [ErrorDetail(f"$.{k}", "unknown key", k) for k in extra]
                or [ErrorDetail("$.meetings", "required key missing")]
            )
        data: object = fields["meetings"]
        try:
            return typing.cast("T", _structure_registry(data, MeetingRegistry))
        except InvalidDataError as error:
            raise error.prefixed("$.meetings") from None
    return structure(fields, cls)


def dumps(obj: object, *, indent: int | None = None) -> str:
    """Serialize a turkicorg object as a JSON document (deterministic: same data, same text)."""
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(to_document(obj), ensure_ascii=False, indent=indent, separators=separators)


def loads(text: str | bytes, cls: type[T]) -> T:
    """Read a JSON document written by :func:`dumps`.

    Raises:
        InvalidDataError: Malformed JSON, wrong types, unknown keys, impossible dates or broken
            invariants; every problem with its path.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidDataError.single(
            "$", f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})", None
        ) from None
    except RecursionError:
        raise InvalidDataError.single("$", "JSON nested too deeply", None) from None
    except (TypeError, UnicodeDecodeError) as error:
        raise InvalidDataError.single("$", f"not JSON text: {error}", None) from None
    return from_document(document, cls)


def _check_mapping(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidDataError.single("$", "expected an object", None)
    return value
