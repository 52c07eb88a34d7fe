"""Deprecated: the JSON Schema generator is :mod:`turkicorg.serialize.schema`.

This folder keeps the shipped schema file, ``turkicorg.schema.json`` (read with
:func:`turkicorg.serialize.schema.shipped`). Its names (``generate``, ``render``,
``shipped``...) still work for one release, each with a :class:`DeprecationWarning`; use
:func:`turkicorg.serialize.json_schema` or :mod:`turkicorg.serialize.schema` instead.
"""

from __future__ import annotations

import warnings
from typing import Any

__all__: list[str] = []

_MOVED = frozenset(
    (
        "DATE_PATTERN",
        "DIALECT",
        "PARTIAL_DATE_PATTERN",
        "SCHEMA_FILE",
        "generate",
        "render",
        "shipped",
    )
)


def __getattr__(name: str) -> Any:
    """A name of :mod:`turkicorg.serialize.schema`, with a DeprecationWarning."""
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"turkicorg.schema.{name} is deprecated: use turkicorg.serialize.schema.{name}",
        DeprecationWarning,
        stacklevel=2,
    )
    from turkicorg.serialize import schema  # noqa: PLC0415 - only for the old names

    return getattr(schema, name)


def __dir__() -> list[str]:
    return sorted(_MOVED)
