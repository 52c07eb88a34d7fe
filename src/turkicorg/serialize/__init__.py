"""JSON, the native format: one converter for every public type, files and JSON Lines.

Documents carry a versioned envelope, then the object's fields::

    {"format": "turkicorg", "version": 1, "type": "Organization", "id": "OTS", ...}

A registry's meetings are under ``meetings``; a meeting (it has a field called ``format``)
is under ``meeting`` (:data:`FIELDS_KEY`):

>>> from turkicorg import serialize
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
>>> text[:75]
'{"format":"turkicorg","version":1,"type":"Meeting","meeting":{"id":"coe-14"'
>>> serialize.loads(text, Meeting) == m
True

Conventions: fields in declaration order, fields equal to their default left out, dates as
``YYYY-MM-DD``, partial dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, enumerations as
their values, no insignificant white space, UTF-8. The same object always gives the same
text, and equal objects give equal text.

Reading is strict: a wrong type is an error, never a silent conversion; unknown and duplicate
keys are errors; so are lone surrogates (text that is not Unicode), ``NaN`` and input larger
than ``max_size``. Loading raises only :class:`~turkicorg.InvalidDataError` (files that cannot
be opened: :class:`~turkicorg.DataFileError`), which lists every problem with its path:

>>> serialize.loads(
...     '{"format":"turkicorg","version":1,"type":"Meeting","meeting":{"id":"x","kind":1}}',
...     Meeting,
... )
Traceback (most recent call last):
...
turkicorg.errors.InvalidDataError: 4 problems found in the data
  - required key missing @ $.meeting.body
  - expected one of 'regular', 'extraordinary', 'informal', 'bilateral', 'mission' @ $.meeting.kind
  - required key missing @ $.meeting.title
  - required key missing @ $.meeting.start

The package, one module per job: :mod:`~turkicorg.serialize.conversion` (the strict
converter, with its hooks in :mod:`~turkicorg.serialize.hooks` and the checks of single
values in :mod:`~turkicorg.serialize.scalars`), :mod:`~turkicorg.serialize.quickread` (a
whole document without cattrs, declining to the strict converter at any doubt),
:mod:`~turkicorg.serialize.doctypes` (the classes a document can hold, without cattrs),
:mod:`~turkicorg.serialize.fields` (the one table of a meeting's fields),
:mod:`~turkicorg.serialize.fastread` (with :mod:`~turkicorg.serialize.fastvalues`) and
:mod:`~turkicorg.serialize.fastwrite` (the fast meeting path),
:mod:`~turkicorg.serialize.compiled` (the optional compiled writer, ``turkicorg-speedups``),
:mod:`~turkicorg.serialize.documents` (the envelope, text and files) with
:mod:`~turkicorg.serialize.migrations` and :mod:`~turkicorg.serialize.reading`,
:mod:`~turkicorg.serialize.lines` (JSON Lines), :mod:`~turkicorg.serialize.jsontext` (the
strict JSON parser) and :mod:`~turkicorg.serialize.schema` (the JSON Schema).
"""

from __future__ import annotations

# The names load on first use (module ``__getattr__`` below): reading the embedded data
# needs the quick path and the fast meeting path, not the converter, the schema, the writers
# or JSON Lines; reading and writing registries and meetings (``loads``, ``dumps``, ``dumpb``,
# ``load``, ``dump``) import the converter only when a document leaves the fast paths.
# Type checkers see the real imports.
from turkicorg.lazy import lazy_names

TYPE_CHECKING = False
if TYPE_CHECKING:
    from turkicorg.serialize.common import DEFAULT_MAX_LINE_SIZE, DEFAULT_MAX_SIZE, FORMAT, VERSION
    from turkicorg.serialize.compiled import speedups_in_use
    from turkicorg.serialize.conversion import converter, make_converter, structure, unstructure
    from turkicorg.serialize.doctypes import DOCUMENT_TYPES
    from turkicorg.serialize.documents import (
        FIELDS_KEY,
        dump,
        dumpb,
        dumps,
        from_document,
        load,
        loads,
        to_document,
    )
    from turkicorg.serialize.lines import dump_lines, iter_dumps, iter_load, load_lines
    from turkicorg.serialize.migrations import MIGRATIONS, Migration, register_migration
    from turkicorg.serialize.reading import document_type, read_text
    from turkicorg.serialize.schema import json_schema

__all__ = [
    "DEFAULT_MAX_LINE_SIZE",
    "DEFAULT_MAX_SIZE",
    "DOCUMENT_TYPES",
    "FIELDS_KEY",
    "FORMAT",
    "MIGRATIONS",
    "VERSION",
    "Migration",
    "converter",
    "document_type",
    "dump",
    "dump_lines",
    "dumpb",
    "dumps",
    "from_document",
    "iter_dumps",
    "iter_load",
    "json_schema",
    "load",
    "load_lines",
    "loads",
    "make_converter",
    "read_text",
    "register_migration",
    "speedups_in_use",
    "structure",
    "to_document",
    "unstructure",
]

_HOME = {
    "DEFAULT_MAX_LINE_SIZE": "common",
    "DEFAULT_MAX_SIZE": "common",
    "DOCUMENT_TYPES": "doctypes",
    "FIELDS_KEY": "documents",
    "FORMAT": "common",
    "MIGRATIONS": "migrations",
    "Migration": "migrations",
    "VERSION": "common",
    "converter": "conversion",
    "document_type": "reading",
    "dump": "documents",
    "dump_lines": "lines",
    "dumpb": "documents",
    "dumps": "documents",
    "from_document": "documents",
    "iter_dumps": "lines",
    "iter_load": "lines",
    "json_schema": "schema",
    "load": "documents",
    "load_lines": "lines",
    "loads": "documents",
    "make_converter": "conversion",
    "read_text": "reading",
    "register_migration": "migrations",
    "speedups_in_use": "compiled",
    "structure": "conversion",
    "to_document": "documents",
    "unstructure": "conversion",
}
"""Where each name lives (a module of this package), imported from there on first use."""


__getattr__, __dir__ = lazy_names(__name__, _HOME, __all__, globals())
del lazy_names
