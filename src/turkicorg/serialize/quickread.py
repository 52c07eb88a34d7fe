"""The quick path for a whole document: the strict converter's objects, without cattrs.

The strict converter (:mod:`~turkicorg.serialize.conversion`) reads every document type and
locates every problem, but importing cattrs and generating its hooks takes longer than
reading the embedded dataset itself. The reader here builds the same objects from the same
plain data: each value checked by the converter's own checks
(:mod:`~turkicorg.serialize.scalars`), arrays exactly lists, objects exactly dicts with every
required key and no unknown one, each object built by calling its class (so its validators,
converters and invariants run), meetings by the fast path
(:mod:`~turkicorg.serialize.fastread`). At the first doubt it declines (None), and the
strict converter reads the whole input and reports every problem, so the results, and the
errors, stay the strict path's. Only document types are read
(:mod:`~turkicorg.serialize.doctypes`; the converter's hooks differ for other classes), and
a class with a field whose type is none of those below is never read here. Types are
checked with ``type()``, which an object cannot fake. ``tests/test_serialize_quick.py``
checks that both paths build equal objects and that the quick path accepts nothing the
strict path refuses; ``tests/test_fuzz_serialize.py`` gives it every fuzzed document.

Types read: ``str``, ``int``, ``bool``, ``datetime.date``,
:class:`~turkicorg.PartialDate`, enumerations, the organ-or-mechanism union, ``X | None``,
``tuple[X, ...]``, attrs classes of such fields, and :class:`~turkicorg.MeetingRegistry`.

:func:`quick_record` reads the record of an organization document alone (everything but the
meetings) and imports none of the meeting modules: the registry and the meeting reader are
imported only to read a document's meetings, the document types (and with them the
organization's class) only by :func:`quick_structure` and :func:`quick_document`, and the
fast path's switch (:data:`~.fastread.FAST_PATH`) is read only once its module is imported
(before that, nothing can have switched it off).
"""

from __future__ import annotations

import enum
import sys
import threading
import types
import typing
from typing import Any, Final, TypeVar

import attrs

from turkicorg.record import OrganizationRecord
from turkicorg.serialize.common import ENVELOPE, FORMAT, VERSION, Reject, gc_paused
from turkicorg.serialize.scalars import SCALAR_HOOKS, enum_hook

if typing.TYPE_CHECKING:
    from collections.abc import Callable

    from turkicorg.registry import MeetingRegistry

    Read = Callable[[Any], Any]

__all__ = ["quick_document", "quick_record", "quick_structure", "reader_for"]

T = TypeVar("T")


class _Unsupported(Exception):  # noqa: N818 - a signal while building readers, never raised out
    """A field's type is not one the quick path reads."""


def _registry(value: object) -> MeetingRegistry:
    from turkicorg.serialize.fastread import build_registry, fast_meetings  # noqa: PLC0415

    meetings = fast_meetings(value)
    if meetings is None:
        raise Reject
    return build_registry(meetings)


_ABSENT: Final = object()


def _is_registry(tp: object) -> bool:
    """True when ``tp`` is :class:`~turkicorg.MeetingRegistry`.

    The class exists only once its module has defined it, so nothing is imported to tell:
    the module is looked up, and may be missing or still being imported by another thread.
    """
    module = sys.modules.get("turkicorg.registry.core")
    return tp is getattr(module, "MeetingRegistry", _ABSENT)


def _switched_on() -> bool:
    """``FAST_PATH.enabled``, without importing the meeting reader's module to read it.

    Before that module has made the switch (not imported yet, or being imported by another
    thread), nobody can have switched it off. What the switch's ``applies`` says concerns
    the meeting reader, which :func:`_registry` reaches through ``fast_meetings`` (declining
    when it does not apply).
    """
    switch = getattr(sys.modules.get("turkicorg.serialize.fastread"), "FAST_PATH", None)
    return switch is None or bool(switch.enabled)


_SCALARS: Final[dict[Any, Read]] = dict(SCALAR_HOOKS)
_objects: dict[type, Read | None] = {}
_documents: set[type] = set()
_building: Final = threading.Lock()


def _optional(read: Read) -> Read:
    def read_optional(value: object) -> Any:
        return None if value is None else read(value)

    return read_optional


def _array(read: Read) -> Read:
    def read_array(value: object) -> tuple[Any, ...]:
        if type(value) is not list:  # not ``__class__``, which an object may fake
            raise Reject
        return tuple([read(item) for item in value])

    return read_array


def _object(cls: type) -> Read:
    try:
        attrs.resolve_types(cls)
    except Exception:  # noqa: BLE001 - any class at all: unresolvable hints make it stand aside
        raise _Unsupported from None
    fields = tuple(
        (field.name, field.alias, _reader(field.type)) for field in attrs.fields(cls) if field.init
    )
    names = frozenset(name for name, _alias, _read in fields)
    required = frozenset(
        field.name for field in attrs.fields(cls) if field.init and field.default is attrs.NOTHING
    )

    def read_object(value: object) -> Any:
        if type(value) is not dict:
            raise Reject
        keys = value.keys()
        if not required <= keys or not keys <= names:
            raise Reject
        return cls(**{alias: read(value[name]) for name, alias, read in fields if name in value})

    return read_object


def _reader(tp: Any) -> Read:
    """The reader of a value of type ``tp``.

    Raises:
        _Unsupported: ``tp`` is not a type the quick path reads.
    """
    try:
        found = _SCALARS.get(tp)
    except TypeError:  # an unhashable annotation
        raise _Unsupported from None
    if found is not None:
        return found
    if _is_registry(tp):
        return _registry
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return enum_hook(tp)
    args = typing.get_args(tp)
    if isinstance(tp, types.UnionType) and len(args) == 2 and args[1] is type(None):
        return _optional(_reader(args[0]))
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _array(_reader(args[0]))
    if attrs.has(tp):
        if tp not in _objects:
            _objects[tp] = None  # a class that holds itself is not read here
            try:
                _objects[tp] = _object(tp)
            except _Unsupported:
                pass
            except BaseException:  # interrupted: the class is not known to be unsupported
                del _objects[tp]
                raise
        found = _objects[tp]
        if found is not None:
            return found
    raise _Unsupported


def reader_for(tp: Any) -> Read | None:
    """The quick reader of values of type ``tp``, or None when it is not a type read here."""
    with _building:  # one thread at a time: another's half-built class is not "unsupported"
        try:
            return _reader(tp)
        except _Unsupported:
            return None


def _document_types() -> set[type]:
    """The classes the quick path reads: the document types (found once)."""
    if not _documents:
        from turkicorg.serialize.doctypes import model_types  # noqa: PLC0415 - the whole model

        _documents.update(model_types()[0])
    return _documents


def _read(data: object, cls: type[T]) -> T | None:
    """``cls`` (a class read here) from plain data, or None when the quick path declines."""
    try:
        read = reader_for(cls)
        if read is None:
            return None
        with gc_paused:
            found: T = read(data)
            return found
    except Exception:  # noqa: BLE001 - any doubt at all declines: the strict path reports it
        return None


def quick_structure(data: object, cls: type[T]) -> T | None:
    """A document type ``cls`` built from plain data by the quick path, or None.

    None means the quick path declines: the data may still be valid, and the strict
    converter decides (and locates every problem). It also declines a class that is not a
    document type (:data:`~turkicorg.serialize.DOCUMENT_TYPES`).
    """
    if not _switched_on() or cls not in _document_types():
        return None
    return _read(data, cls)


def _fields(document: object, cls: type, declared: str | None = None) -> dict[str, Any] | None:
    """The fields of a document of the current version of ``cls`` (or declaring ``declared``).

    None also for a class ``cls`` with a field named as a key of the envelope (its fields sit
    under a key of their own).
    """
    attributes = getattr(cls, "__attrs_attrs__", None)
    if (
        type(document) is not dict
        or not isinstance(cls, type)
        or attributes is None
        or any(field.name in ENVELOPE for field in attributes)
    ):
        return None
    given: dict[str, Any] = document
    version = given.get("version")
    if (
        type(given.get("format")) is not str
        or given.get("format") != FORMAT
        or type(given.get("type")) is not str
        or given.get("type") != (declared or cls.__name__)
        or type(version) is not int
        or version != VERSION
    ):
        return None
    return {k: v for k, v in given.items() if k not in ENVELOPE}


def quick_document(document: object, cls: type[T]) -> T | None:
    """``cls`` from a document of the current version whose fields sit beside the envelope.

    None when the quick path declines: another envelope or version (migrations are the
    strict path's), a class whose fields sit under a key of their own, or any doubt about
    the fields.
    """
    fields = _fields(document, cls)
    if fields is None:
        return None
    return quick_structure(fields, cls)


def quick_record(document: object) -> OrganizationRecord | None:
    """The :class:`~turkicorg.OrganizationRecord` of an organization document, or None.

    An ``Organization`` document whose meetings are kept elsewhere (no ``meetings`` key, as
    in the embedded data) gives its record: the parties, memberships, organs and posts, the
    same objects :func:`quick_document` builds for them, with every invariant of the record
    checked. Nothing of the meetings is imported. None when the quick path declines, as
    :func:`quick_document` does, and for a document that holds meetings.
    """
    fields = _fields(document, OrganizationRecord, "Organization")
    if fields is None or not _switched_on():
        return None  # (meetings are a key the record's reader does not know: it declines)
    return _read(fields, OrganizationRecord)
