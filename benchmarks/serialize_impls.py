"""The registry document in each library: turkicorg, msgspec, pydantic v2, cattrs (stock).

Every implementation reads and writes the same bytes: the registry document
``{"format":"turkicorg","version":1,"type":"MeetingRegistry","meetings":[...]}`` with defaults
left out, as :func:`turkicorg.serialize.dumps` writes it (checked by the benchmark). Each
implementation is a pair ``decode(bytes) -> objects`` and ``encode(objects) -> bytes``; the
objects an encoder is timed on are always the ones its own decoder just made from the
reference bytes (never objects converted from another library's).

The cyclic garbage collector: turkicorg pauses it inside its own reader and writer while it
makes or walks many objects. Each peer gets its strongest equivalent, so that the figures
compare libraries and not collector policies: msgspec's structs are declared ``gc=False`` (its
own option for objects that cannot form reference cycles, as these frozen records of text,
numbers and tuples cannot), and pydantic and cattrs, which have no such option, run each call
with the collector paused (:func:`paused`). The collection a paused call defers is paid
inside the call, as turkicorg's is (see :func:`paused`). :data:`VARIANTS` keeps the peers as
shipped (the collector on, msgspec's structs tracked) for comparison.
"""

import datetime as dt
import enum
import functools
import gc
import json
import random
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import attrs

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
from turkicorg.sourcing import Alternative, Confidence

T = TypeVar("T")
R = TypeVar("R")
PARTIAL = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
BodyValue = enum.StrEnum("BodyValue", {m.name: m.value for m in [*Organ, *Mechanism]})  # type: ignore[misc]

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


def paused(call: Callable[[T], R]) -> Callable[[T], R]:
    """``call`` run with the cyclic collector paused, then restored as it was.

    When the collector was on, the young-generation collection the pause deferred runs
    before the call returns, while its result is alive: turkicorg's own pause ends the same
    way (the first allocation after it re-enables the collector starts that collection), so
    every implementation pays for the objects it leaves tracked, in a round trip too.
    """

    @functools.wraps(call)
    def run(value: T) -> R:
        was = gc.isenabled()
        gc.disable()
        try:
            result = call(value)
        finally:
            if was:
                gc.enable()
        if was:
            gc.collect(0)
        return result

    return run


@attrs.frozen
class Impl:
    name: str
    decode: Callable[[bytes], Any]
    encode: Callable[[Any], bytes]
    configuration: str


def turkicorg_impl(*, fast: bool = True, compiled: bool = True) -> Impl:
    """turkicorg as installed; ``compiled=False``: its pure reader and writer even where
    ``turkicorg-speedups`` is installed (``fast=False``: the strict converter alone)."""
    from turkicorg import serialize  # noqa: PLC0415 - imported in the setup being timed
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415
    from turkicorg.serialize.compiled import COMPILED  # noqa: PLC0415
    from turkicorg.serialize.fastread import FAST_PATH  # noqa: PLC0415

    # ``turkicorg.serialize`` loads its names on first use: taking them here imports the
    # modules behind them in the setup, as the peers' setups import theirs, rather than in
    # the first decode (the strict path's converter too). Code generated on first use stays
    # there.
    loads, dumpb = serialize.loads, serialize.dumpb
    if not fast:
        serialize.converter  # noqa: B018 - imported here: the strict path needs it

    def decode(data: bytes) -> MeetingRegistry:
        FAST_PATH.enabled, COMPILED.enabled = fast, compiled
        try:
            return loads(data, MeetingRegistry, max_size=None)
        finally:
            FAST_PATH.enabled, COMPILED.enabled = FAST_PATH.applies, True

    def encode(registry: MeetingRegistry) -> bytes:
        FAST_PATH.enabled, COMPILED.enabled = fast, compiled
        try:
            return dumpb(registry)
        finally:
            FAST_PATH.enabled, COMPILED.enabled = FAST_PATH.applies, True

    if fast:
        how = "`serialize.loads(data, MeetingRegistry)` / `serialize.dumpb(registry)`"
        how += ": full validation, a sorted registry"
        if not compiled:
            return Impl("turkicorg-pure", decode, encode, how + "; the pure reader and writer")
        writer = "in use" if serialize.speedups_in_use() else "not installed"
        return Impl("turkicorg", decode, encode, how + f"; the compiled reader and writer {writer}")
    how = "the same with the fast meeting path switched off (the cattrs converter alone)"
    return Impl("turkicorg-strict", decode, encode, how)


def cattrs_stock_impl(*, pause: bool = True) -> Impl:
    from cattrs.preconf.json import make_converter  # noqa: PLC0415

    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415

    conv = make_converter(omit_if_default=True)
    conv.register_structure_hook(PartialDate, lambda v, _: PartialDate.parse(v))
    conv.register_unstructure_hook(PartialDate, str)
    bodies = {m.value: m for m in [*Organ, *Mechanism]}
    conv.register_structure_hook(Body, lambda v, _: bodies[v])
    conv.register_unstructure_hook(Body, lambda m: m.value)

    def encode(registry: MeetingRegistry) -> bytes:
        document = {
            "format": "turkicorg",
            "version": 1,
            "type": "MeetingRegistry",
            "meetings": conv.unstructure(list(registry), list[Meeting]),
        }
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()

    def decode(data: bytes) -> MeetingRegistry:
        return MeetingRegistry(conv.structure(json.loads(data)["meetings"], list[Meeting]))

    how = (
        "`cattrs.preconf.json.make_converter(omit_if_default=True)` + two hooks (partial "
        "dates, the body union), same attrs classes, then the same `MeetingRegistry`"
    )
    if pause:
        how += "; each call with the collector paused"
        return Impl("cattrs-stock", paused(decode), paused(encode), how)
    return Impl("cattrs-stock-unpaused", decode, encode, how + "; the collector on")


def msgspec_impl(*, tracked: bool = False) -> Impl:
    import msgspec  # noqa: PLC0415

    partial_text = Annotated[str, msgspec.Meta(pattern=PARTIAL)]
    options = {"frozen": True, "omit_defaults": True, "forbid_unknown_fields": True}
    options["gc"] = tracked

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

    class MDocument(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=tracked):  # type: ignore[call-arg]
        format: str
        version: int
        type: str
        meetings: list[MMeeting]

    encoder = msgspec.json.Encoder()
    decoder = msgspec.json.Decoder(MDocument)
    how = (
        f"`msgspec.Struct(frozen=True, omit_defaults=True, forbid_unknown_fields=True, "
        f"gc={tracked})`, nested structs, partial dates as pattern-checked strings; one "
        "`json.Encoder` and one `json.Decoder(MDocument)` reused"
    )
    return Impl("msgspec-tracked" if tracked else "msgspec", decoder.decode, encoder.encode, how)


def pydantic_impl(*, pause: bool = True) -> Impl:
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

    adapter = TypeAdapter(PDocument)
    how = (
        '`BaseModel` classes (`frozen`, `extra="forbid"`, `strict`), one `TypeAdapter` '
        "reused: `validate_json(data)` / `dump_json(document, exclude_defaults=True)`"
    )
    decode = adapter.validate_json

    def encode(document: Any) -> bytes:
        return adapter.dump_json(document, exclude_defaults=True)

    if pause:
        how += "; each call with the collector paused"
        return Impl("pydantic", paused(decode), paused(encode), how)
    return Impl("pydantic-unpaused", decode, encode, how + "; the collector on")


FACTORIES: dict[str, Callable[[], Impl]] = {
    "turkicorg": turkicorg_impl,
    "msgspec": msgspec_impl,
    "pydantic": pydantic_impl,
    "cattrs-stock": cattrs_stock_impl,
    "turkicorg-strict": lambda: turkicorg_impl(fast=False),
}
"""Every implementation at its strongest (the default set of the benchmarks)."""

VARIANTS: dict[str, Callable[[], Impl]] = {
    "turkicorg-pure": lambda: turkicorg_impl(compiled=False),
    "msgspec-tracked": lambda: msgspec_impl(tracked=True),
    "pydantic-unpaused": lambda: pydantic_impl(pause=False),
    "cattrs-stock-unpaused": lambda: cattrs_stock_impl(pause=False),
}
"""The peers as shipped, with the collector on during each call, and turkicorg's pure reader
and writer where the compiled ones are installed (asked for by name)."""
