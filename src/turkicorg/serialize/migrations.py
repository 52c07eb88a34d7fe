"""Format versions: the migration steps that read documents written by older releases.

A document of version ``n`` goes through ``MIGRATIONS[n]``, ``MIGRATIONS[n + 1]``... up to
:data:`~turkicorg.serialize.VERSION` before it is structured. Version 1 is the first, so the
table starts empty.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Final, TypeAlias

from turkicorg.errors import InvalidDataError, PolicyError, UnsupportedVersionError
from turkicorg.serialize.common import VERSION

__all__ = ["MIGRATIONS", "Migration", "migrate", "register_migration"]

Migration: TypeAlias = Callable[[dict[str, Any]], dict[str, Any]]
"""A migration step: takes a version-``n`` document (plain data), returns version ``n + 1``."""

MIGRATIONS: Final[dict[int, Migration]] = {}
"""Migration steps: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``.

Fill it with :func:`register_migration`.
"""


def register_migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register the step that turns a version-``from_version`` document into the next version.

    A step takes the whole document as plain data (envelope included, a private copy it may
    change) and returns the document of the next version; the loader then sets ``version``.
    Documents older than :data:`VERSION` go through every step from their version up.

    >>> from turkicorg import serialize
    >>> @serialize.register_migration(0)  # doctest: +SKIP
    ... def rename_venue(document):
    ...     document["meetings"] = [...]
    ...     return document

    Raises:
        PolicyError: ``from_version`` is not a positive whole number below :data:`VERSION`
            at call time, or a step is already registered for it.
    """
    if type(from_version) is not int or from_version < 1:
        raise PolicyError("register_migration", "from_version is a whole number from 1")
    if from_version in MIGRATIONS:
        raise PolicyError(
            "register_migration", f"a migration from version {from_version} is registered"
        )

    def decorator(step: Migration) -> Migration:
        MIGRATIONS[from_version] = step
        return step

    return decorator


def migrate(document: dict[str, Any]) -> dict[str, Any]:
    """The document in the newest version, through every registered step from its own.

    A document of an older version is copied first: the caller's data is not changed.

    Raises:
        InvalidDataError: No version, a version below 1, a missing or failing step.
        UnsupportedVersionError: A version newer than this release reads.
    """
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise InvalidDataError.single("$.version", "expected a positive integer version", version)
    newest = VERSION
    if version > newest:
        raise UnsupportedVersionError(version, newest)
    if version < newest:
        document = copy.deepcopy(document)
    for step in range(version, newest):
        migration = MIGRATIONS.get(step)
        if migration is None:
            raise InvalidDataError.single(
                "$.version", f"no migration from version {step} to {step + 1}", version
            )
        try:
            migrated = migration(document)
        except InvalidDataError:
            raise
        except Exception as error:  # noqa: BLE001 - a step meets data of any shape
            raise InvalidDataError.single(
                "$", f"migration from version {step} failed: {type(error).__name__}: {error}"
            ) from None
        if type(migrated) is not dict:
            raise InvalidDataError.single("$", f"migration from version {step} gave no object")
        document = migrated
        document["version"] = step + 1
    return document
