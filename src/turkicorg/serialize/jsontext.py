"""JSON text in and out, strictly: the parser and the encoder every format of turkicorg uses.

The parser refuses what JSON does not allow and what Python's ``json`` module lets through
(``NaN``, repeated keys), refuses input over a size limit, and raises only
:class:`~turkicorg.InvalidDataError`:

>>> parse('{"a": [1, "x"]}', None)
{'a': [1, 'x']}
>>> parse('{"a": 1, "a": 2}', None)
Traceback (most recent call last):
...
turkicorg.errors.InvalidDataError: 1 problem found in the data
  - duplicate key @ $.a
"""

from __future__ import annotations

import json
from typing import Any

from turkicorg.errors import ErrorDetail, InvalidDataError
from turkicorg.fileio import decode_utf8
from turkicorg.serialize.common import gc_paused, key_path

__all__ = ["document_text", "encode", "parse", "utf8"]


class _DuplicateKeys(dict[str, Any]):
    """A parsed JSON object that repeated a key (marked for the error report)."""

    duplicates: list[str]


def document_text(text: object, max_size: int | None, source: str) -> str:
    """The text of a document given as text or UTF-8 bytes, within ``max_size``.

    Raises:
        InvalidDataError: Not text or bytes, larger than ``max_size``, or not UTF-8.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if max_size is not None and len(data) > max_size:
            raise InvalidDataError.single(
                "$", f"the document is larger than max_size={max_size} bytes", None
            )
        return decode_utf8(data, source=source)
    if not isinstance(text, str):
        raise InvalidDataError.single(
            "$", f"expected JSON text (str or bytes), got {type(text).__name__}", None
        )
    if max_size is not None and len(text) > max_size:
        raise InvalidDataError.single(
            "$", f"the document is larger than max_size={max_size} characters", None
        )
    return text.removeprefix("\ufeff")


def parse(
    text: str | bytes | bytearray | memoryview,
    max_size: int | None,
    *,
    pairs: bool = False,
    source: str = "the document",
) -> Any:
    """Parse strict JSON text (or UTF-8 bytes, a byte order mark allowed).

    Args:
        text: The JSON text.
        max_size: Refuse larger input (bytes, or characters for text); None: no limit.
        pairs: Each JSON object becomes a tuple of (key, value) pairs, as the parser found
            them (repeated keys included): faster for the fast path, which checks them itself.
        source: What the text is, named when bytes are not UTF-8.

    Raises:
        InvalidDataError: Never anything else, whatever the input.
    """
    text = document_text(text, max_size, source)
    marked: list[_DuplicateKeys] = []

    def pairs_hook(found: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(found)
        if len(result) == len(found):
            return result
        flagged = _DuplicateKeys(result)
        seen: set[str] = set()
        flagged.duplicates = [k for k, _ in found if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        marked.append(flagged)
        return flagged

    try:
        with gc_paused:
            document = json.loads(
                text,
                object_pairs_hook=tuple if pairs else pairs_hook,
                parse_constant=_reject_constant,
            )
    except json.JSONDecodeError as error:
        raise InvalidDataError.single(
            "$", f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})", None
        ) from None
    except ValueError as error:  # NaN, or an integer with more digits than Python allows
        raise InvalidDataError.single("$", f"malformed JSON: {error}", None) from None
    except RecursionError:
        raise InvalidDataError.single("$", "JSON nested too deeply", None) from None
    except MemoryError:
        raise InvalidDataError.single("$", "JSON too large for memory", None) from None
    if marked:
        raise InvalidDataError(_duplicate_problems(document))
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _duplicate_problems(document: Any) -> list[ErrorDetail]:
    """Every repeated key in a parsed document, with its path (iterative: any depth)."""
    problems: list[ErrorDetail] = []
    stack: list[tuple[str, Any]] = [("$", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _DuplicateKeys):
            problems.extend(
                ErrorDetail(key_path(path, key), "duplicate key", key) for key in value.duplicates
            )
        if isinstance(value, dict):
            stack.extend((key_path(path, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return problems


def encode(document: object, indent: int | None) -> str:
    """Plain data as JSON text: compact (``indent=None``) or indented, never ASCII-escaped.

    Raises:
        InvalidDataError: A value JSON cannot represent.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        return json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)
    except (TypeError, ValueError, RecursionError) as error:
        raise InvalidDataError.single("$", f"cannot be written as JSON: {error}", None) from None


def utf8(text: str) -> bytes:
    """Text as UTF-8 bytes.

    Raises:
        InvalidDataError: The text holds a lone surrogate (it is not Unicode).
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidDataError.single(
            "$", f"text cannot be written as UTF-8 (lone surrogate at {error.start})", None
        ) from None
