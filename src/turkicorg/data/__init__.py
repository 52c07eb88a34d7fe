"""The embedded default dataset.

The facts live as JSON documents beside this module (``organization.json`` and
``meetings.json``), read as bytes through the package's loader (so they work from a zip
file too), decoded as UTF-8 as every file turkicorg reads (:func:`turkicorg.fileio.decode_utf8`),
built by the quick path the document reader tries first
(:func:`turkicorg.serialize.quickread.quick_document`, no cattrs imported) or, should it
decline, by the strict converter users use (:func:`turkicorg.serialize.from_document`, which
reports every problem), validated, and cached: the first call of :func:`load_default` parses
them, later calls return the same immutable object. :func:`load_record` reads the first alone
(the record without its meetings) for answers that need no meetings.
"""

from __future__ import annotations

import json
import os
import threading
from typing import TYPE_CHECKING, Any

import attrs

from turkicorg.errors import InvalidDataError
from turkicorg.fileio import decode_utf8

if TYPE_CHECKING:
    from turkicorg.organization import Organization
    from turkicorg.record import OrganizationRecord

__all__ = ["DATA_FILES", "load_default", "load_record", "read_document"]

DATA_FILES = ("organization.json", "meetings.json")
"""The documents of the embedded dataset."""

_lock = threading.Lock()
_cache: dict[str, Organization] = {}
_records: dict[str, OrganizationRecord] = {}


def _read_bytes(name: str) -> bytes:
    """The bytes of a file beside this module, through the package's loader.

    What :func:`pkgutil.get_data` does, without importing it: the loader of a package on
    disk reads the file, the loader of a package in a zip file reads the member. A loader
    without ``get_data`` (or a module without a location) is asked through
    :mod:`importlib.resources` instead.
    """
    get_data = getattr(__spec__.loader, "get_data", None)
    origin = __spec__.origin
    try:
        if get_data is not None and origin:
            return bytes(get_data(os.path.join(os.path.dirname(origin), name)))  # noqa: PTH118, PTH120
        from importlib import resources  # noqa: PLC0415 - only for unusual loaders

        return resources.files(__name__).joinpath(name).read_bytes()
    except (OSError, TypeError, ValueError, AttributeError) as error:
        message = f"embedded {name} cannot be read: {error}"
        raise InvalidDataError.single("$", message, None) from None


def read_document(name: str) -> Any:
    """Return one embedded document as plain JSON data.

    Raises:
        InvalidDataError: The document is not UTF-8 text or not valid JSON.
    """
    data = _read_bytes(name)
    text = decode_utf8(data, source=f"embedded {name}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidDataError.single(
            "$", f"embedded {name} is not valid JSON: {error.msg} (line {error.lineno})", None
        ) from None


def _build() -> Organization:
    from turkicorg.organization import Organization  # noqa: PLC0415 - lazy: import stays cheap
    from turkicorg.serialize.quickread import quick_document  # noqa: PLC0415

    document = read_document("organization.json")
    meetings = read_document("meetings.json")
    if isinstance(document, dict) and isinstance(meetings, dict):
        document = {**document, "meetings": meetings.get("meetings", [])}
    found = quick_document(document, Organization)
    if found is not None:
        return found
    from turkicorg.serialize import from_document  # noqa: PLC0415 - the strict path, on doubt

    return from_document(document, Organization)


def load_default() -> Organization:
    """Return the embedded :class:`~turkicorg.Organization` (parsed once, then cached).

    >>> import turkicorg
    >>> ots = turkicorg.load_default()
    >>> ots.id, ots is turkicorg.load_default()
    ('OTS', True)
    """
    cached = _cache.get("default")
    if cached is not None:
        return cached
    with _lock:
        if "default" not in _cache:
            _cache["default"] = _build()
        return _cache["default"]


def load_record() -> OrganizationRecord:
    """Return the embedded organization's record, without its meetings (cached).

    The parties, memberships, organs and posts: everything the Council of Elders' chair and
    the membership answers need. It reads one document instead of two and imports none of
    the meeting modules, so a program that needs no meetings starts sooner. It is always an
    :class:`~turkicorg.OrganizationRecord` (whatever was loaded before), with the values of
    :func:`load_default`'s record: made from that organization when it is already loaded,
    and from the whole organization, read by the strict reader that reports every problem,
    should the quick reader decline the record.

    >>> from turkicorg import CouncilOfElders
    >>> from turkicorg.data import load_record
    >>> record = load_record()
    >>> record.id, record is load_record(), type(record).__name__
    ('OTS', True, 'OrganizationRecord')
    >>> CouncilOfElders(record).next_chair(after="2025-12-01").state.id
    'UZ'
    """
    found = _records.get("record")
    if found is not None:
        return found
    from turkicorg.serialize.quickread import quick_record  # noqa: PLC0415 - lazy: import stays cheap

    with _lock:
        if "record" not in _records:
            whole = _cache.get("default")
            record = quick_record(read_document("organization.json")) if whole is None else None
            if record is None:
                if whole is None:
                    whole = _cache["default"] = _build()
                record = _record_of(whole)
            _records["record"] = record
        return _records["record"]


def _record_of(organization: Organization) -> OrganizationRecord:
    """The record part of an organization, as a record (its invariants checked again)."""
    from turkicorg.record import OrganizationRecord  # noqa: PLC0415 - the model, loaded when asked

    fields = attrs.fields(OrganizationRecord)
    values = {f.alias or f.name: getattr(organization, f.name) for f in fields if f.init}
    return OrganizationRecord(**values)
