#!/usr/bin/env python
"""JSON round trip of a meeting registry: turkicorg against msgspec, pydantic v2 and cattrs.

    python benchmarks/bench_serialize.py                    # N = 10,000 and 100,000
    python benchmarks/bench_serialize.py --n 10000 --repeat 5
    python benchmarks/bench_serialize.py --million --libs turkicorg,msgspec

Every implementation runs in this one process on the same synthetic meetings (seeded), with
the same fields and the same JSON bytes (checked): the registry document
``{"format":"turkicorg","version":1,"type":"MeetingRegistry","meetings":[...]}`` with
defaults left out.

* ``turkicorg``: ``serialize.dumps(registry)`` / ``serialize.loads(text, MeetingRegistry)``,
  full validation (every invariant of every meeting, unique ids and ordinals, strict types,
  real dates, no unknown or duplicate keys), result a sorted ``MeetingRegistry``.
* ``turkicorg-strict``: the same with the fast paths switched off (the cattrs converter
  alone): what the fast path saves.
* ``cattrs-stock``: ``cattrs.preconf.json.make_converter(omit_if_default=True)`` with the
  two hooks it needs (partial dates, the organ-or-mechanism union) on the same attrs classes,
  then the same ``MeetingRegistry``; stock cattrs converts rather than validates.
* ``msgspec``: ``msgspec.Struct`` classes with the same fields (nested structs for places,
  participants and alternatives; partial dates as pattern-checked strings), reference.
* ``pydantic``: pydantic v2 ``BaseModel`` classes (frozen, ``extra="forbid"``, strict) with
  the same fields, ``TypeAdapter.dump_json`` / ``validate_json``.

Method: implementations interleaved round-robin in each repeat (the first one rotates), so
drift on a shared machine hits all alike; medians; ratio to msgspec in the same run. The
setup heap is frozen (``gc.freeze()``) and a full collection runs before each timed op; the
cyclic collector stays on during the op (real use) and each op ends with ``gc.collect(0)``
inside the timing, so collector work an op defers (turkicorg pauses the collector while it
builds objects) is charged to that op. Peak memory is measured in a separate pass with
``tracemalloc`` (Python allocations only: pydantic-core's Rust memory is not seen).
"""

import argparse
import datetime as dt
import enum
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from importlib import metadata
from typing import Annotated, Any

import attrs

from turkicorg import serialize
from turkicorg.dates import PartialDate
from turkicorg.meetings import (
    Body,
    Format,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Place,
)
from turkicorg.organs import Mechanism, Organ
from turkicorg.registry import MeetingRegistry
from turkicorg.sourcing import Alternative, Confidence

REFERENCE = "msgspec"
ALL = ("turkicorg", "msgspec", "pydantic", "cattrs-stock", "turkicorg-strict")
PARTIAL = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
BodyValue = enum.StrEnum("BodyValue", {m.name: m.value for m in [*Organ, *Mechanism]})  # type: ignore[misc]

# Synthetic data ---------------------------------------------------------------------------

CITIES = (
    ("Istanbul", "TR"),
    ("Baku", "AZ"),
    ("Astana", "KZ"),
    ("Bishkek", "KG"),
    ("Samarkand", "UZ"),
    ("Şuşa", "AZ"),
    ("Türkistan", "KZ"),
    ("İstanbul", "TR"),
    ("Budapest", "HU"),
    ("Aşgabat", "TM"),
)
PARTIES = ("AZ", "KZ", "KG", "TR", "UZ", "HU", "TM")
PEOPLE = ("Kubanychbek Omuraliev", "Binali Yıldırım", "Helga Maria Schmid")
NOTES = (
    "Postponed once at the request of the host country.",
    "Held on the margins of the UN General Assembly.",
    "Joint declaration adopted; text in Azərbaycan, Қазақ, Кыргыз, Türkçe and Oʻzbek.",
)


def synthetic_meetings(n: int, seed: int = 20240917) -> list[Meeting]:
    """``n`` valid meetings: realistic mix of bodies, kinds, precisions, places, participants."""
    rng = random.Random(seed)
    bodies: list[Body] = [*Organ, *Mechanism]
    meetings = []
    for i in range(n):
        body = rng.choices(bodies, weights=[5, 10, 20, 5, 30] + [3] * len(Mechanism))[0]
        kind = rng.choices(
            [MeetingKind.REGULAR, MeetingKind.EXTRAORDINARY, MeetingKind.INFORMAL], [70, 15, 15]
        )[0]
        day = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(36_500))
        precision = rng.random()
        end = None
        if precision < 0.92:
            start = PartialDate(day.year, day.month, day.day)
            if rng.random() < 0.5:
                end = PartialDate.from_date(day + dt.timedelta(days=rng.randint(1, 2)))
        elif precision < 0.98:
            start = PartialDate(day.year, day.month)
        else:
            start = PartialDate(day.year)
        video = rng.random() < 0.15
        city, country = rng.choice(CITIES)
        participants = [Participant(party=p) for p in rng.sample(PARTIES, rng.randint(2, 7))]
        if rng.random() < 0.1:
            participants.append(Participant(person=rng.choice(PEOPLE), role="guest"))
        meetings.append(
            Meeting(
                id=f"{body.value.lower()}-{day.year}-{i:07d}",
                body=body,
                kind=kind,
                title=f"{i % 40 + 1}th meeting of the {body.value} ({city})",
                start=start,
                end=end,
                ordinal=i + 1,
                series=f"s{i % 1000}",
                place=None if video else Place(city=city, country=country),
                format=Format.VIDEO if video else Format.IN_PERSON,
                host=None if video else country,
                chair=rng.choice(PARTIES),
                participants=tuple(participants),
                topics=tuple(
                    rng.sample(("energy", "transport", "culture", "trade"), rng.randint(0, 2))
                ),
                status=rng.choices(list(MeetingStatus), [85, 5, 5, 5])[0],
                confidence=rng.choices(list(Confidence), [80, 15, 5])[0],
                sources=tuple(
                    f"https://www.turkicstates.org/en/news/{i * 3 + k}_{body.value.lower()}"
                    for k in range(rng.randint(1, 3))
                ),
                alternatives=(
                    (Alternative(field="start", value=str(day), sources=("https://example.org",)),)
                    if rng.random() < 0.02
                    else ()
                ),
                note=rng.choice(NOTES) if rng.random() < 0.3 else None,
            )
        )
    return meetings


def plain(meeting: Meeting) -> dict[str, Any]:
    """The fields of a meeting as keyword arguments for the other libraries."""
    values = {}
    for field in attrs.fields(Meeting):
        value = getattr(meeting, field.name)
        if value != field.default:
            values[field.name] = value
    values["body"] = BodyValue(meeting.body.value)
    values["start"] = str(meeting.start)
    if meeting.end is not None:
        values["end"] = str(meeting.end)
    return values


# Implementations ----------------------------------------------------------------------------


@attrs.frozen
class Impl:
    name: str
    build: Callable[[MeetingRegistry], Any]
    encode: Callable[[Any], bytes | str]
    decode: Callable[[bytes | str], Any]
    to_bytes: Callable[[bytes | str], bytes]
    same: Callable[[Any, Any], bool]


def _utf8(data: bytes | str) -> bytes:
    return data.encode() if isinstance(data, str) else data


def turkicorg_impl() -> Impl:
    return Impl(
        "turkicorg",
        build=lambda registry: registry,
        encode=serialize.dumps,
        decode=lambda text: serialize.loads(text, MeetingRegistry, max_size=None),
        to_bytes=_utf8,
        same=lambda a, b: a == b,
    )


class _Strict:
    """Switch the fast paths off while a call runs."""

    def __enter__(self) -> None:
        serialize._FAST = False  # type: ignore[misc]  # noqa: SLF001 - the switch under test

    def __exit__(self, *_: object) -> None:
        serialize._FAST = True  # type: ignore[misc]  # noqa: SLF001


def turkicorg_strict_impl() -> Impl:
    def encode(registry: MeetingRegistry) -> str:
        with _Strict():
            return serialize.dumps(registry)

    def decode(text: bytes | str) -> MeetingRegistry:
        with _Strict():
            return serialize.loads(text, MeetingRegistry, max_size=None)

    return Impl("turkicorg-strict", lambda r: r, encode, decode, _utf8, lambda a, b: a == b)


def cattrs_stock_impl() -> Impl:
    from cattrs.preconf.json import make_converter  # noqa: PLC0415

    conv = make_converter(omit_if_default=True)
    conv.register_structure_hook(PartialDate, lambda v, _: PartialDate.parse(v))
    conv.register_unstructure_hook(PartialDate, str)
    bodies = {m.value: m for m in [*Organ, *Mechanism]}
    conv.register_structure_hook(Body, lambda v, _: bodies[v])
    conv.register_unstructure_hook(Body, lambda m: m.value)

    def encode(registry: MeetingRegistry) -> str:
        document = {
            "format": "turkicorg",
            "version": 1,
            "type": "MeetingRegistry",
            "meetings": conv.unstructure(list(registry), list[Meeting]),
        }
        return conv.dumps(document, ensure_ascii=False, separators=(",", ":"))

    def decode(text: bytes | str) -> MeetingRegistry:
        return MeetingRegistry(conv.structure(json.loads(text)["meetings"], list[Meeting]))

    return Impl("cattrs-stock", lambda r: r, encode, decode, _utf8, lambda a, b: a == b)


def msgspec_impl() -> Impl:
    import msgspec  # noqa: PLC0415

    partial_text = Annotated[str, msgspec.Meta(pattern=PARTIAL)]
    options = {"frozen": True, "omit_defaults": True, "forbid_unknown_fields": True}

    class MPlace(msgspec.Struct, **options):  # type: ignore[call-arg]
        city: str | None = None
        country: str | None = None
        venue: str | None = None

    class MParticipant(msgspec.Struct, **options):  # type: ignore[call-arg]
        party: str | None = None
        person: str | None = None
        role: str | None = None

    class MAlternative(msgspec.Struct, **options):  # type: ignore[call-arg]
        field: str
        value: str
        sources: tuple[str, ...] = ()
        note: str | None = None

    class MMeeting(msgspec.Struct, **options):  # type: ignore[call-arg]
        id: str
        body: BodyValue  # type: ignore[valid-type]
        kind: MeetingKind
        title: str
        start: partial_text  # type: ignore[valid-type]
        end: partial_text | None = None  # type: ignore[valid-type]
        ordinal: int | None = None
        series: str | None = None
        place: MPlace | None = None
        format: Format = Format.IN_PERSON
        host: str | None = None
        chair: str | None = None
        presided_by: str | None = None
        initiator: str | None = None
        participants: tuple[MParticipant, ...] = ()
        theme: str | None = None
        topics: tuple[str, ...] = ()
        status: MeetingStatus = MeetingStatus.CONFIRMED
        confidence: Confidence = Confidence.HIGH
        sources: tuple[str, ...] = ()
        alternatives: tuple[MAlternative, ...] = ()
        note: str | None = None

    class MDocument(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
        format: str
        version: int
        type: str
        meetings: list[MMeeting]

    def build(registry: MeetingRegistry) -> MDocument:
        meetings = []
        for meeting in registry:
            values = plain(meeting)
            if meeting.place is not None:
                values["place"] = MPlace(**attrs.asdict(meeting.place))
            values["participants"] = tuple(
                MParticipant(**attrs.asdict(p)) for p in meeting.participants
            )
            values["alternatives"] = tuple(
                MAlternative(**attrs.asdict(a)) for a in meeting.alternatives
            )
            meetings.append(MMeeting(**values))
        return MDocument("turkicorg", 1, "MeetingRegistry", meetings)

    encoder = msgspec.json.Encoder()
    decoder = msgspec.json.Decoder(MDocument)
    return Impl("msgspec", build, encoder.encode, decoder.decode, _utf8, lambda a, b: a == b)


def pydantic_impl() -> Impl:
    from pydantic import BaseModel, ConfigDict, Field, TypeAdapter  # noqa: PLC0415

    config = ConfigDict(frozen=True, extra="forbid", strict=True)

    class PPlace(BaseModel):
        model_config = config
        city: str | None = None
        country: str | None = None
        venue: str | None = None

    class PParticipant(BaseModel):
        model_config = config
        party: str | None = None
        person: str | None = None
        role: str | None = None

    class PAlternative(BaseModel):
        model_config = config
        field: str
        value: str
        sources: tuple[str, ...] = ()
        note: str | None = None

    class PMeeting(BaseModel):
        model_config = config
        id: str
        body: BodyValue  # type: ignore[valid-type]
        kind: MeetingKind
        title: str
        start: Annotated[str, Field(pattern=PARTIAL)]
        end: Annotated[str, Field(pattern=PARTIAL)] | None = None
        ordinal: int | None = None
        series: str | None = None
        place: PPlace | None = None
        format: Format = Format.IN_PERSON
        host: str | None = None
        chair: str | None = None
        presided_by: str | None = None
        initiator: str | None = None
        participants: tuple[PParticipant, ...] = ()
        theme: str | None = None
        topics: tuple[str, ...] = ()
        status: MeetingStatus = MeetingStatus.CONFIRMED
        confidence: Confidence = Confidence.HIGH
        sources: tuple[str, ...] = ()
        alternatives: tuple[PAlternative, ...] = ()
        note: str | None = None

    class PDocument(BaseModel):
        model_config = config
        format: str
        version: int
        type: str
        meetings: list[PMeeting]

    def build(registry: MeetingRegistry) -> PDocument:
        meetings = []
        for meeting in registry:
            values = plain(meeting)
            if meeting.place is not None:
                values["place"] = PPlace(**attrs.asdict(meeting.place))
            values["participants"] = tuple(
                PParticipant(**attrs.asdict(p)) for p in meeting.participants
            )
            values["alternatives"] = tuple(
                PAlternative(**attrs.asdict(a)) for a in meeting.alternatives
            )
            meetings.append(PMeeting(**values))
        return PDocument(format="turkicorg", version=1, type="MeetingRegistry", meetings=meetings)

    adapter = TypeAdapter(PDocument)
    return Impl(
        "pydantic",
        build,
        lambda document: adapter.dump_json(document, exclude_defaults=True),
        adapter.validate_json,
        _utf8,
        lambda a, b: a == b,
    )


FACTORIES = {
    "turkicorg": turkicorg_impl,
    "turkicorg-strict": turkicorg_strict_impl,
    "cattrs-stock": cattrs_stock_impl,
    "msgspec": msgspec_impl,
    "pydantic": pydantic_impl,
}

# Measuring ------------------------------------------------------------------------------------


def round_trip(impl: Impl, obj: Any) -> Any:
    return impl.decode(impl.encode(obj))


def timed(fn: Callable[[], Any]) -> float:
    """Seconds for ``fn()`` plus the young-generation collection it leaves behind."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    gc.collect(0)
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def peak_memory(fn: Callable[[], Any]) -> int:
    """Peak bytes allocated by Python while ``fn()`` runs (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def default_repeat(n: int) -> int:
    return 7 if n <= 20_000 else 5 if n <= 200_000 else 3


def versions() -> str:
    names = ("attrs", "cattrs", "msgspec", "pydantic", "pydantic-core", "turkicorg")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (missing)")
    return ", ".join(found)


def run(n: int, names: list[str], repeat: int, *, memory: bool) -> None:
    registry = MeetingRegistry(synthetic_meetings(n))
    impls = {name: FACTORIES[name]() for name in names}
    objects = {name: impl.build(registry) for name, impl in impls.items()}
    blobs = {name: impl.encode(objects[name]) for name, impl in impls.items()}
    reference = impls[REFERENCE].to_bytes(blobs[REFERENCE])
    print(f"\n## N = {n:,} meetings ({len(reference) / n:.0f} bytes of JSON a meeting)\n")
    for name, impl in impls.items():
        identical = impl.to_bytes(blobs[name]) == reference
        equal = impl.same(impl.decode(blobs[name]), objects[name])
        print(f"- {name}: same JSON bytes as msgspec: {identical}; decode(encode(x)) == x: {equal}")
        if not (identical and equal):
            raise SystemExit(f"{name} does not produce the reference document")

    gc.collect()
    gc.freeze()
    samples: dict[str, dict[str, list[float]]] = {
        name: {"encode": [], "decode": [], "round trip": []} for name in names
    }
    began = time.perf_counter()
    for rep in range(repeat):
        order = names[rep % len(names) :] + names[: rep % len(names)]
        for name in order:
            impl, obj, blob = impls[name], objects[name], blobs[name]
            samples[name]["encode"].append(timed(partial(impl.encode, obj)))
            samples[name]["decode"].append(timed(partial(impl.decode, blob)))
            samples[name]["round trip"].append(timed(partial(round_trip, impl, obj)))
        print(f"  repeat {rep + 1}/{repeat} ({time.perf_counter() - began:.0f} s)", file=sys.stderr)

    medians = {
        name: {op: statistics.median(values) for op, values in ops.items()}
        for name, ops in samples.items()
    }
    ref = medians[REFERENCE]
    print(f"\nMedian of {repeat}, µs per meeting (× msgspec in this run), GC on:\n")
    print("| implementation | encode | decode | round trip | round trip ÷ pydantic |")
    print("|---|---|---|---|---|")
    for name in names:
        cells = [
            f"{medians[name][op] / n * 1e6:.2f} ({medians[name][op] / ref[op]:.2f}×)"
            for op in ("encode", "decode", "round trip")
        ]
        versus = (
            f"{medians[name]['round trip'] / medians['pydantic']['round trip']:.2f}×"
            if "pydantic" in medians
            else "n/a"
        )
        print(f"| {name} | {' | '.join(cells)} | {versus} |")

    if memory:
        print("\nPeak memory (tracemalloc, Python allocations), MiB (bytes a meeting):\n")
        print("| implementation | encode | decode |")
        print("|---|---|---|")
        for name in names:
            impl, obj, blob = impls[name], objects[name], blobs[name]
            encode = peak_memory(partial(impl.encode, obj))
            decode = peak_memory(partial(impl.decode, blob))
            cells = [f"{p / 2**20:.1f} ({p / n:.0f})" for p in (encode, decode)]
            print(f"| {name} | {' | '.join(cells)} |")
    gc.unfreeze()
    del objects, blobs, impls, registry
    gc.collect()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--n", default="10000,100000", help="comma-separated sizes (default 10000,100000)"
    )
    parser.add_argument("--million", action="store_true", help="also run N = 1,000,000")
    parser.add_argument(
        "--libs", default=",".join(ALL), help=f"comma-separated, from {', '.join(ALL)}"
    )
    parser.add_argument("--repeat", type=int, help="timed repeats (default 7 / 5 / 3 by N)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.n.split(",") if x.strip()]
    if args.million:
        sizes.append(1_000_000)
    names = [x.strip() for x in args.libs.split(",") if x.strip()]
    unknown = set(names) - set(FACTORIES)
    if unknown:
        parser.error(f"unknown implementations: {', '.join(sorted(unknown))}")
    if REFERENCE not in names:
        names.insert(0, REFERENCE)
    print("# turkicorg serialization benchmark\n")
    python = f"{platform.python_version()} ({platform.python_implementation()})"
    print(f"Python {python}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(versions())
    for n in sizes:
        run(n, names, args.repeat or default_repeat(n), memory=not args.no_memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
