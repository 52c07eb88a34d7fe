"""The strict hooks of the converter for objects and arrays: located problems, all at once.

Single values are checked by :mod:`~turkicorg.serialize.scalars` (exact types, nothing
converted). The hooks here refuse an array or object of the wrong type (``"AZE"`` is not a
list) and turn every failure into :class:`~turkicorg.InvalidDataError` problems located by a
JSON path (``$.memberships[3].start``). :mod:`turkicorg.serialize.conversion` puts them
together.
"""

from __future__ import annotations

import re
import typing
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from turkicorg.errors import ErrorDetail, InvalidDataError, TurkicOrgError
from turkicorg.meetings import Meeting, meeting_problems
from turkicorg.serialize.common import fail, key_path, type_name

if typing.TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "STRUCTURE_ERRORS",
    "attrs_hook_factory",
    "is_homogeneous_tuple",
    "locate",
    "tuple_hook_factory",
    "tuple_unstructure",
    "unstructure_attrs_factory",
]

STRUCTURE_ERRORS: Final = (
    TurkicOrgError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    cattrs.BaseValidationError,
)
"""What structuring one value may raise (each is turned into located problems)."""


def locate(error: BaseException, path: str, out: list[ErrorDetail]) -> None:
    """Flatten a structuring error into located details."""
    if isinstance(error, InvalidDataError):
        out.extend(ErrorDetail(path + d.path[1:], d.message, d.value) for d in error.errors)
    elif isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            locate(inner, key_path(path, note.name), out)
        for inner in without:
            locate(inner, path, out)
    elif isinstance(error, ForbiddenExtraKeysError):
        out.extend(
            ErrorDetail(key_path(path, key), "unknown key", key)
            for key in sorted(error.extra_fields, key=str)
        )
    elif isinstance(error, KeyError):
        out.append(ErrorDetail(path, "required key missing", None))
    elif isinstance(error, (TurkicOrgError, ValueError, TypeError)):
        out.append(ErrorDetail(path, str(error) or type(error).__name__, None))
    else:
        out.append(ErrorDetail(path, f"unexpected {type(error).__name__}: {error}", None))


def tuple_hook_factory(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    """The factory of structure hooks for ``tuple[X, ...]``: an array, every item located."""

    def factory(tuple_type: Any) -> Callable[[object, type], tuple[Any, ...]]:
        (item_type, _ellipsis) = typing.get_args(tuple_type)
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise fail(f"expected an array, got {type_name(value)}", value)
            items = []
            problems: list[ErrorDetail] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except STRUCTURE_ERRORS as error:
                    locate(error, f"$[{index}]", problems)
            if problems:
                raise InvalidDataError(problems)
            return tuple(items)

        return structure

    return factory


def is_homogeneous_tuple(tp: Any) -> bool:
    """True for ``tuple[X, ...]``."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


_FIELD_PATH: Final = re.compile(r"[A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*", re.ASCII)
"""A field's path below its object, as invariant checks name it ("alternatives[1].sources")."""

_INVARIANTS: Final[dict[type, Callable[[Any], list[tuple[str, str, object]]]]] = {
    Meeting: meeting_problems,
}
"""Classes whose constructor stops at the first broken invariant, and the function that lists
them all (used to report every problem, not only the first)."""


def _diagnose(cls: type, data: dict[str, Any], conv: cattrs.Converter) -> list[ErrorDetail]:
    """Locate why ``cls(**fields)`` failed although every field structured on its own.

    Runs each field's attrs validator on its own (so that ``$.parties[3].id`` is named, not
    only ``$.parties[3]``) and, for classes in ``_INVARIANTS``, lists every broken invariant.
    """
    problems: list[ErrorDetail] = []
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        if field.name not in data:
            values[field.name] = field.default
            continue
        try:
            value = conv.structure(data[field.name], field.type)
            if field.converter is not None:
                value = field.converter(value)
            if field.validator is not None:
                field.validator(None, field, value)
        except (ValueError, TypeError) as error:
            problems.append(ErrorDetail(f"$.{field.name}", str(error), data[field.name]))
            continue
        values[field.name] = value
    check = _INVARIANTS.get(cls)
    if check is not None and not problems:
        probe: Any = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(probe, name, value)
        problems.extend(
            ErrorDetail(
                f"$.{name}" if _FIELD_PATH.fullmatch(name) else key_path("$", name), message, value
            )
            for name, message, value in check(probe)
        )
    return problems


def _constructor_failure(
    cls: type, value: dict[str, Any], conv: cattrs.Converter, failure: Exception
) -> InvalidDataError:
    """The located problems of data whose fields are each fine but that ``cls`` refuses.

    An Organization reports its problems located already; a Meeting stops at the first broken
    invariant (all are listed by ``_diagnose``); an attrs validator names only its field.
    """
    if isinstance(failure, InvalidDataError) and cls not in _INVARIANTS:
        return failure
    found = _diagnose(cls, value, conv)
    if found:
        return InvalidDataError(found)
    problems: list[ErrorDetail] = []
    locate(failure, "$", problems)
    return InvalidDataError(problems)


def attrs_hook_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, type], Any]]:
    """The factory of structure hooks for attrs classes: every problem located."""

    def factory(cls: Any) -> Callable[[object, type], Any]:
        inner = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )
        name = cls.__name__

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise fail(f"expected an object ({name}), got {type_name(value)}", value)
            try:
                return inner(value, cls)
            except ClassValidationError as error:
                with_notes, without = error.group_exceptions()
                if (
                    with_notes
                    or len(without) != 1
                    or isinstance(without[0], ForbiddenExtraKeysError)
                ):
                    problems: list[ErrorDetail] = []
                    locate(error, "$", problems)
                    raise InvalidDataError(problems) from None
                failure = without[0]  # every field was fine: the constructor refused them
            raise _constructor_failure(cls, value, conv, failure) from None

        return structure

    return factory


def unstructure_attrs_factory(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    """The factory of unstructure hooks for attrs classes: defaults left out."""

    def factory(cls: Any) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)

    return factory


def tuple_unstructure(
    conv: cattrs.Converter, item_type: Any
) -> Callable[[tuple[Any, ...]], list[Any]]:
    """The unstructure hook of ``tuple[X, ...]``: a list of the items, each written."""
    hook = conv.get_unstructure_hook(item_type)
    return lambda items: [hook(item) for item in items]
