#!/usr/bin/env python
"""Would an accelerator extra speed up writing? An orjson writer against turkicorg's own.

    pip install orjson msgspec                      # the accelerator tried and the reference
    python benchmarks/bench_accelerator.py          # N = 2,000, 10,000, 100,000

orjson and msgspec write JSON in C, but neither writes attrs objects in the format's field
order with the defaults left out (msgspec writes every attrs field, orjson writes no attrs
object at all), so an accelerator has to hand them each meeting converted in Python. This
script measures the cheapest such conversion and orjson's writing together, against
``serialize.dumpb`` and msgspec's encoder, in one process, round-robin, on the same
registry decoded from the same bytes (msgspec configured as in ``bench_serialize.py``):

- **orjson writer**: one dict a meeting, made by code generated from the field table as
  the meeting writer is (each field read once, compared with its default, dates from the
  same tables, places and participants made once a call and shared by identity; the
  cyclic collector paused while they are made, as ``serialize.dumpb`` pauses it), then one
  ``orjson.dumps`` of the list inside the registry's envelope. Its bytes are checked to be
  exactly ``serialize.dumpb``'s before anything is timed.
- **turkicorg writer**: ``serialize.dumpb(registry)`` with its pure writer (the compiled
  writer switched off);
- **compiled writer**: ``serialize.dumpb(registry)`` with ``turkicorg-speedups`` (the writer
  in C of ``speedups/``), where it is installed.
- **msgspec encode**: its encoder on the structs its decoder made from the same bytes.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Any

import attrs

from benchlib import Load, environment, fmt_s, fmt_x, interleaved, report
from serialize_impls import msgspec_impl, synthetic_meetings


def orjson_writer() -> Any:
    """``registry -> bytes`` through one dict a meeting and ``orjson.dumps``."""
    import orjson  # noqa: PLC0415 - the accelerator under test

    from turkicorg.serialize.common import envelope_head, gc_paused  # noqa: PLC0415
    from turkicorg.serialize.fastwrite import partial_json  # noqa: PLC0415
    from turkicorg.serialize.fields import MEETING_FIELDS, Kind  # noqa: PLC0415

    def record(obj: object) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            if field.default is attrs.NOTHING or value != field.default:
                out[field.name] = list(value) if isinstance(value, tuple) else value
        return out

    values = {
        Kind.DATE: "(dates.get(id(v)) or dates.setdefault(id(v), _date(v)[1:-1]))",
        Kind.OPTIONAL_PLACE: "(places.get(id(v)) or places.setdefault(id(v), _record(v)))",
        Kind.PARTICIPANTS: "[people.get(id(p)) or people.setdefault(id(p), _record(p)) for p in v]",
        Kind.ALTERNATIVES: "[_record(a) for a in v]",
    }
    values[Kind.OPTIONAL_DATE] = values[Kind.DATE]
    namespace: dict[str, Any] = {"_date": partial_json, "_record": record}
    lines = ["def build(m, dates, places, people):", "    d = {}"]
    for index, spec in enumerate(MEETING_FIELDS):
        value = values.get(spec.kind, "v")  # text, numbers, enumerations, lists of text
        set_it = f"d[{spec.name!r}] = {value}"
        if spec.required:
            lines.append(f"    v = m.{spec.name}; {set_it}")
        elif spec.default is None:
            lines.append(f"    v = m.{spec.name}\n    if v is not None: {set_it}")
        else:
            namespace[f"_default{index}"] = spec.default
            lines.append(f"    v = m.{spec.name}\n    if v != _default{index}: {set_it}")
    lines.append("    return d")
    exec("\n".join(lines), namespace)  # noqa: S102 - generated from the field names
    build = namespace["build"]
    head = (envelope_head("MeetingRegistry") + ',"meetings":').encode()

    def write(registry: Any) -> bytes:
        dates: dict[int, str] = {}
        places: dict[int, Any] = {}
        people: dict[int, Any] = {}
        with gc_paused:  # as serialize.dumpb: the dicts are not scanned as they are made
            meetings = [build(m, dates, places, people) for m in registry]
        return head + orjson.dumps(meetings) + b"}"

    return write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", default="2000,10000,100000", help="registry sizes")
    parser.add_argument("--repeat", type=int, default=7, help="samples of each (median)")
    args = parser.parse_args(argv)
    from turkicorg import serialize  # noqa: PLC0415
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415
    from turkicorg.serialize.compiled import COMPILED  # noqa: PLC0415

    def pure(registry: Any) -> bytes:
        with COMPILED.disabled():
            return serialize.dumpb(registry)

    load = Load()
    print(f"# bench_accelerator --n {args.n} --repeat {args.repeat}\n\n{environment()}\n")
    write = orjson_writer()
    peer = msgspec_impl()
    rows = []
    for n in (int(x) for x in args.n.split(",")):
        data = serialize.dumpb(MeetingRegistry(synthetic_meetings(n)))
        registry = serialize.loads(data, MeetingRegistry, max_size=None)
        decoded = peer.decode(data)
        written = {write(registry), pure(registry), serialize.dumpb(registry), peer.encode(decoded)}
        if written != {data}:
            raise SystemExit(f"the writers do not write the same bytes at N = {n}")
        gc.collect()
        writers = {
            "orjson writer": lambda: write(registry),  # noqa: B023 - used in this loop only
            "turkicorg writer": lambda: pure(registry),  # noqa: B023
            "msgspec encode": lambda: peer.encode(decoded),  # noqa: B023
        }
        if serialize.speedups_in_use():
            writers["compiled writer"] = lambda: serialize.dumpb(registry)  # noqa: B023
        found = interleaved(writers, args.repeat, budget=0.2)
        load.sample()
        reference = found["msgspec encode"]
        rows.extend(
            [f"{n:,}", name, fmt_s(seconds / n), fmt_x(seconds / reference)]
            for name, seconds in found.items()
        )
    caption = "a meeting, medians; × msgspec's encode of the same registry:"
    return report(caption, ["N", "writer", "a meeting", "× msgspec encode"], rows, load)


if __name__ == "__main__":
    sys.exit(main())
