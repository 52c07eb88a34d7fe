#!/usr/bin/env python
"""The floor under a round trip with this writer: parsing, building, sorting, writing.

    python benchmarks/bench_floor.py                    # N = 2,000, 10,000, 100,000

A reader of turkicorg's model parses the JSON, converts each value, then makes each meeting
the cheapest way the model allows: a new object, its slots set, and the model's own invariant
check (what the generated reader does last). This script times, in one process, round-robin
and against msgspec on the same bytes (as ``bench_serialize.py`` configures it):

- **parse**: the bytes decoded, then each meeting parsed by the standard library's JSON
  scanner and dropped, one after the other, as the reader of documents in the canonical
  layout parses them (``serialize.fastdoc``: the same scanner configuration, objects as
  tuples of pairs), with the cyclic collector paused as the reader pauses it, nothing
  converted or checked;
- **build**: only the last step of reading, from values already parsed and converted (dates,
  places, participants and enumerations already made): straight-line generated code, as the
  reader's, with the collector paused as the reader pauses it;
- **check**: the model's invariant check alone (``meeting_problems`` of each meeting);
  **quick check** (where ``turkicorg-speedups`` is installed): the compiled reader's quick
  check alone (``plain_meeting`` in C, through its ``plain`` method: a method call a
  meeting more than the reader pays), which passes a meeting of the plainest shape without
  the model's check (the script prints how many have it: all but those with alternatives);
- **registry**: the registry made from the meetings (``MeetingRegistry(meetings)``: sorted by
  earliest start and id, ids and ordinals checked unique; its indexes are made on first
  query), with the collector paused as the reader pauses it;
- **write**: turkicorg's pure writer on the same meetings (``serialize.dumpb`` with the
  compiled writer switched off); **compiled write**: ``serialize.dumpb`` with the compiled
  writer of ``turkicorg-speedups``, where it is installed;
- **read**: every field of every meeting read once, in straight-line generated code
  (``m.id``, ``m.body``, ...: the reads a writer in Python cannot do without; the nested
  objects' fields are not even read);
- **compiled read** (where ``turkicorg-speedups`` is installed): the compiled reader on the
  bytes (parse, convert, build and check every meeting, in C: the quick check, and the
  model's check of a meeting not of the plainest shape), the collector paused;
  **collection**: what the young-generation collection of the objects it made costs when
  they are kept (the compiled read followed by ``gc.collect(0)`` inside the timing, less the
  compiled read). A reader that leaves the model's objects tracked by the
  collector, as Python tracks every instance of a class, pays that collection once.

Parse + build + registry is less than decoding into the model with the standard library's
parser costs, and parse + build + registry + write less than a round trip (converting and
checking each value is left out, and so is the collection the reader's pause defers: each
step's objects are freed before the collector runs). Their ratios to msgspec's and to
pydantic's round trips (both as ``bench_serialize.py`` configures them, in the same run) are
floors for those ratios: for decoding, with any writer; for the round trip, with this writer
(not with any writer). ``write ÷ msgspec's encode`` is the encode ratio of the writer as it
stands.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from json.scanner import make_scanner
from typing import TYPE_CHECKING, Any

import attrs

from benchlib import Load, environment, fmt_s, fmt_x, interleaved, report
from serialize_impls import msgspec_impl, pydantic_impl, synthetic_meetings

if TYPE_CHECKING:
    from collections.abc import Callable


def make_builder(cls: type) -> Any:
    """Straight-line code making instances of ``cls`` from rows of its field values."""
    from turkicorg.serialize.fastvalues import slot_setter  # noqa: PLC0415

    names = [f.name for f in attrs.fields(cls) if f.init]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    namespace.update({f"_set{i}": slot_setter(cls, name) for i, name in enumerate(names)})
    variables = ", ".join(f"v{i}" for i in range(len(names)))
    body = [
        "out = []",
        "add = out.append",
        f"for ({variables},) in rows:",
        "    obj = _new(_cls)",
        *(f"    _set{i}(obj, v{i})" for i in range(len(names))),
        "    obj.__attrs_post_init__()",
        "    add(obj)",
        "return out",
    ]
    source = "def build(rows):\n" + "".join(f"    {line}\n" for line in body)
    exec(source, namespace)  # noqa: S102 - generated from field names, as the reader is
    return namespace["build"], names


def make_reads(names: list[str]) -> Any:
    """Straight-line code reading the fields ``names`` of each object of a list, once each."""
    body = ["for m in meetings:", *(f"    m.{name}" for name in names)]
    source = "def read(meetings):\n" + "".join(f"    {line}\n" for line in body)
    namespace: dict[str, Any] = {}
    exec(source, namespace)  # noqa: S102 - generated from field names, as the writer is
    return namespace["read"]


def _constant(name: str) -> Any:
    raise ValueError(name)


_SCAN = make_scanner(json.JSONDecoder(object_pairs_hook=tuple, parse_constant=_constant))


def parse(data: bytes, start: int) -> int:
    """Each meeting parsed and dropped, as the reader parses them; the collector paused.

    ``start`` is where the first meeting starts in the text; returns the number parsed.
    """
    gc.disable()
    try:
        text, index, count = data.decode(), start, 0
        while True:
            _, index = _SCAN(text, index)
            count += 1
            index += 1
            if text[index - 1] != ",":
                return count
    finally:
        gc.enable()


def built(build: Callable[[Any], object], rows: object) -> object:
    """The meetings made from ``rows``, the cyclic collector paused as the reader pauses it."""
    gc.disable()
    try:
        return build(rows)
    finally:
        gc.enable()


def collected(build: Callable[[Any], object], rows: object) -> object:
    """``built``, then the young-generation collection the pause deferred, the result alive."""
    found = built(build, rows)
    gc.collect(0)
    return found


def measure(n: int, repeat: int) -> list[list[str]]:
    from turkicorg import serialize  # noqa: PLC0415
    from turkicorg.meetings import Meeting, meeting_problems  # noqa: PLC0415
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415
    from turkicorg.serialize.compiled import COMPILED, compiled_reader  # noqa: PLC0415
    from turkicorg.serialize.fastdoc import PREFIX  # noqa: PLC0415

    def pure_write() -> bytes:
        with COMPILED.disabled():
            return serialize.dumpb(registry)

    data = serialize.dumpb(MeetingRegistry(synthetic_meetings(n)))
    registry = serialize.loads(data, MeetingRegistry, max_size=None)
    meetings = list(registry)
    build, names = make_builder(Meeting)
    reads = make_reads(names)
    start = len(PREFIX)
    if parse(data, start) != n:
        raise SystemExit("the scan does not parse every meeting")
    rows = [tuple(getattr(m, name) for name in names) for m in meetings]
    if build(rows) != meetings:
        raise SystemExit("the builder does not make the decoded meetings")
    peer, other = msgspec_impl(), pydantic_impl()
    decoded = peer.decode(data)
    if not peer.encode(decoded) == data == serialize.dumpb(registry) == pure_write():
        raise SystemExit("msgspec and turkicorg do not write the same bytes")
    compiled = serialize.speedups_in_use()
    reader = compiled_reader()

    def compiled_read(document: bytes) -> object:
        found = reader(document, start) if reader is not None else None
        if found is None:
            raise SystemExit("the compiled reader declines the document")
        return found

    if reader is not None:
        plain = sum(map(reader.plain, meetings))
        print(f"- N = {n:,}: {plain:,} meetings of the plainest shape ({plain / n:.1%})")
    if other.encode(other.decode(data)) != data:
        raise SystemExit("pydantic and turkicorg do not write the same bytes")
    gc.collect()
    gc.freeze()
    found = interleaved(
        {
            "parse": lambda: parse(data, start),
            "build": lambda: built(build, rows),
            "check": lambda: [meeting_problems(m) for m in meetings],
            "registry": lambda: built(MeetingRegistry, meetings),
            "write": pure_write,
            **({"compiled write": lambda: serialize.dumpb(registry)} if compiled else {}),
            **(
                {
                    "quick check": lambda: [reader.plain(m) for m in meetings],
                    "compiled read": lambda: built(compiled_read, data),
                    "compiled read, collected": lambda: collected(compiled_read, data),
                }
                if reader is not None
                else {}
            ),
            "read": lambda: reads(meetings),
            "msgspec encode": lambda: peer.encode(decoded),
            "msgspec round trip": lambda: peer.encode(peer.decode(data)),
            "pydantic round trip": lambda: other.encode(other.decode(data)),
        },
        repeat,
        budget=0.2,
    )
    gc.unfreeze()
    per = {name: value / n for name, value in found.items()}
    trip, encode = per["msgspec round trip"], per["msgspec encode"]
    other_trip = per["pydantic round trip"]
    decoding = per["parse"] + per["build"] + per["registry"]
    floor = decoding + per["write"]
    compiled_floor = decoding + per.get("compiled write", 0.0)

    def step(name: str) -> list[str]:
        return ["", name, fmt_s(per[name]), fmt_x(per[name] / trip), ""]

    def total(name: str, value: float) -> list[str]:
        ratios = f"**{fmt_x(value / trip)}**", fmt_x(value / other_trip)
        return ["", f"**{name}**", fmt_s(value), *ratios]

    return [
        [f"{n:,}", "parse", fmt_s(per["parse"]), fmt_x(per["parse"] / trip), ""],
        step("build"),
        step("check"),
        step("registry"),
        total("parse + build + registry", decoding),
        ["", "write", fmt_s(per["write"]), f"{fmt_x(per['write'] / encode)} msgspec encode", ""],
        ["", "read (the least a writer does)", fmt_s(per["read"]), fmt_x(per["read"] / trip), ""],
        total("parse + build + registry + write", floor),
        *(
            [
                [
                    "",
                    "compiled write",
                    fmt_s(per["compiled write"]),
                    f"{fmt_x(per['compiled write'] / encode)} msgspec encode",
                    "",
                ],
                total("parse + build + registry + compiled write", compiled_floor),
            ]
            if compiled
            else []
        ),
        *(_compiled_rows(per, trip, other_trip) if reader is not None else []),
        step("msgspec round trip"),
        ["", "msgspec encode", fmt_s(encode), fmt_x(encode / trip), ""],
        ["", "pydantic round trip", fmt_s(other_trip), fmt_x(other_trip / trip), "1.00×"],
    ]


def _compiled_rows(per: dict[str, float], trip: float, other_trip: float) -> list[list[str]]:
    """The compiled reader's rows: its read, the collection, and the two sums they give."""
    collection = per["compiled read, collected"] - per["compiled read"]
    fixed = per["quick check"] + per["registry"] + collection + per["compiled write"]
    whole = per["compiled read"] + per["registry"] + collection + per["compiled write"]

    def total(name: str, value: float) -> list[str]:
        ratios = f"**{fmt_x(value / trip)}**", fmt_x(value / other_trip)
        return ["", f"**{name}**", fmt_s(value), *ratios]

    return [
        ["", "quick check", fmt_s(per["quick check"]), fmt_x(per["quick check"] / trip), ""],
        ["", "compiled read", fmt_s(per["compiled read"]), fmt_x(per["compiled read"] / trip), ""],
        ["", "collection", fmt_s(collection), fmt_x(collection / trip), ""],
        total("quick check + registry + collection + compiled write", fixed),
        total("compiled read + registry + collection + compiled write", whole),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--n", default="2000,10000,100000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=7, help="samples of each (median)")
    args = parser.parse_args(argv)
    load = Load()
    print(f"# bench_floor --n {args.n} --repeat {args.repeat}\n\n{environment()}\n")
    rows: list[list[str]] = []
    for n in (int(x) for x in args.n.split(",")):
        rows += measure(n, args.repeat)
        load.sample()
    caption = (
        "µs a meeting, medians; ratios to msgspec's and pydantic's round trips of the same"
        " bytes (check is inside build):"
    )
    header = ["N", "step", "a meeting", "÷ msgspec round trip", "÷ pydantic round trip"]
    return report(caption, header, rows, load)


if __name__ == "__main__":
    sys.exit(main())
