#!/usr/bin/env python
"""What each implementation of the serialization benchmark accepts: one bad value at a time.

    python benchmarks/check_validation.py

A valid registry document of two meetings is changed in one place and handed to each
decoder of ``serialize_impls.py``; the table says whether it rejects the input or accepts it
(and what it made of the value). Speed figures compare implementations that do this much
checking, no more.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from benchlib import table
from serialize_impls import FACTORIES

MEETING: dict[str, Any] = {
    "id": "cfm-2022-10",
    "body": "CFM",
    "kind": "regular",
    "title": "Council of Foreign Ministers",
    "start": "2022-10-17",
    "end": "2022-10-18",
    "ordinal": 3,
    "host": "TR",
    "participants": [{"party": "AZ"}, {"party": "KZ"}],
    "sources": ["https://www.turkicstates.org/en/news/1"],
}
OTHER: dict[str, Any] = {**MEETING, "id": "cfm-2023-10", "start": "2023-10-17", "ordinal": 4}
OTHER.pop("end")


def case(**change: Any) -> list[dict[str, Any]]:
    first = {**MEETING, **change}
    return [{k: v for k, v in first.items() if v is not ...}, OTHER]


CASES: dict[str, list[dict[str, Any]]] = {
    "valid document": case(),
    'impossible date: start "2023-02-29"': case(start="2023-02-29"),
    'not a date: start "2022-13"': case(start="2022-13"),
    "end before start": case(end="2022-10-01"),
    "duplicate ids": [MEETING, {**OTHER, "id": MEETING["id"]}],
    "an ordinal repeated in its series": [MEETING, {**OTHER, "ordinal": 3}],
    "empty sources": case(sources=[]),
    'invalid source URL: "not a url"': case(sources=["not a url"]),
    "title = 5 (wrong JSON type)": case(title=5),
    'ordinal = "3" (wrong JSON type)': case(ordinal="3"),
    "ordinal = true": case(ordinal=True),
    'participants = "AZ" (a string)': case(participants="AZ"),
    'body = "XYZ" (unknown value)': case(body="XYZ"),
    "missing title": case(title=...),
    "unknown key": case(colour="blue"),
}


def document(meetings: list[dict[str, Any]]) -> bytes:
    head = {"format": "turkicorg", "version": 1, "type": "MeetingRegistry"}
    return json.dumps({**head, "meetings": meetings}, separators=(",", ":")).encode()


def verdict(decode: Any, data: bytes, *, valid: bool = False) -> str:
    try:
        decode(data)
    except Exception:  # noqa: BLE001 - any rejection counts
        return "**rejects**" if valid else "rejects"
    return "accepts" if valid else "**accepts**"


def main() -> int:
    impls = {name: factory() for name, factory in FACTORIES.items()}
    rows = []
    for label, meetings in CASES.items():
        data = document(meetings)
        valid = label == "valid document"
        rows.append([label, *(verdict(i.decode, data, valid=valid) for i in impls.values())])
    duplicate = document([MEETING, OTHER]).replace(
        b'"kind":"regular"', b'"kind":"regular","kind":"informal"', 1
    )
    rows.append(
        ["duplicate key in an object", *(verdict(i.decode, duplicate) for i in impls.values())]
    )
    print(table(["input", *impls], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
