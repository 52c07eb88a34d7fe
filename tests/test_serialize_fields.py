"""One table of a meeting's fields: the converter, the fast path, CSV and the schema agree."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from turkicorg import InvalidDataError, Meeting, MeetingRegistry, PartialDate, serialize
from turkicorg.export import csvfmt
from turkicorg.meetings import Participant, Place
from turkicorg.serialize import conversion, fastread, fastvalues, fastwrite, schema
from turkicorg.serialize.common import Reject
from turkicorg.serialize.fields import (
    MEETING_FIELD_NAMES,
    MEETING_FIELDS,
    FieldSpec,
    Kind,
    field_specs,
    kind_of,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

SOURCE = "https://example.org/source"
SAMPLE: dict[Kind, Any] = {
    Kind.TEXT: "text",
    Kind.OPTIONAL_TEXT: "optional",
    Kind.OPTIONAL_INT: 3,
    Kind.DATE: "2022-05-01",
    Kind.OPTIONAL_DATE: "2022-05-03",
    Kind.OPTIONAL_PLACE: {"city": "Baku", "country": "AZ", "venue": "Hall"},
    Kind.PARTICIPANTS: [{"party": "AZ"}, {"person": "P", "role": "R"}],
    Kind.TEXTS: [SOURCE],
    Kind.ALTERNATIVES: [{"field": "start", "value": "2022", "sources": [SOURCE], "note": "n"}],
}
"""A JSON value of every kind (none equal to a default)."""
FIXED: dict[str, Any] = {"id": "m-1", "format": "hybrid"}
"""Values the model's invariants need (an id pattern; no venue in a video conference)."""


def choice(spec: FieldSpec) -> str:
    """A value of a choice field other than its default."""
    values = [value for value, member in spec.choices.items() if member != spec.default]
    return str(values[-1])


def full_meeting_data(specs: tuple[FieldSpec, ...] = MEETING_FIELDS) -> dict[str, Any]:
    """A meeting as JSON data with every field set to a value other than its default."""
    data = {
        spec.name: choice(spec) if spec.kind is Kind.CHOICE else SAMPLE[spec.kind] for spec in specs
    }
    return {**data, **{k: v for k, v in FIXED.items() if k in data}}


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_the_table_is_the_class() -> None:
    """The table lists exactly the fields Meeting's constructor takes, in order."""
    assert tuple(f.name for f in attrs.fields(Meeting) if f.init) == MEETING_FIELD_NAMES
    assert all(spec.kind is not Kind.OTHER for spec in MEETING_FIELDS)


def test_csv_and_schema_read_the_table() -> None:
    """The CSV columns and the schema's meeting properties are the table's fields."""
    assert tuple(csvfmt.FIELD_COLUMNS) == MEETING_FIELD_NAMES
    assert all(c in csvfmt.COLUMNS for cs in csvfmt.FIELD_COLUMNS.values() for c in cs)
    properties = schema.generate(Meeting)["$defs"]["Meeting"]["properties"]
    assert tuple(properties) == MEETING_FIELD_NAMES


def test_every_field_goes_through_both_paths_alike() -> None:
    """A meeting with every field set: the fast reader, the converter and both writers agree.

    A field the fast path did not read (or wrote differently) fails here, rather than
    silently switching the fast path off.
    """
    data = full_meeting_data()
    assert set(data) == set(MEETING_FIELD_NAMES)
    strict = conversion.strict_meetings([data])
    fast = fastread.fast_meetings([data])
    assert fast is not None
    assert fast == strict
    unstructured = conversion.unstructure(strict[0])
    assert tuple(unstructured) == MEETING_FIELD_NAMES
    assert fastwrite.fast_meetings_json(strict) == [compact(unstructured)]
    pairs = json.loads(compact(data), object_pairs_hook=tuple)
    assert fastread.fast_meeting(pairs, pairs=True) == strict[0]


@attrs.frozen(kw_only=True)
class WiderMeeting(Meeting):
    """A meeting with one more field, as a release might add one."""

    minutes: str | None = None
    minute_count: int | None = None
    annexes: tuple[str, ...] = ()


def test_a_new_field_is_read_and_written_without_code_changes() -> None:
    """Fields added to the class are read and written by the generated fast path."""
    specs = field_specs(WiderMeeting)
    assert [s.name for s in specs[-3:]] == ["minutes", "minute_count", "annexes"]
    assert fastread.reader_applies(WiderMeeting, specs)
    read = fastread.make_reader(WiderMeeting, specs)
    write = fastwrite.make_writer(specs)
    converter = conversion.make_converter()
    data = full_meeting_data(specs)
    expected = converter.structure(data, WiderMeeting)
    assert read(data, {}, {}, {}, dict) == expected
    assert write(expected, fastwrite.Written()) == compact(converter.unstructure(expected))
    bare = {k: v for k, v in data.items() if k not in {"minutes", "minute_count", "annexes"}}
    assert read(bare, {}, {}, {}, dict) == converter.structure(bare, WiderMeeting)
    with pytest.raises(Reject):
        read({**data, "minute_count": "3"}, {}, {}, {}, dict)


@attrs.frozen(kw_only=True)
class OddMeeting(Meeting):
    """A meeting with a field of a type the fast path does not know."""

    weight: float = 0.0


def test_a_field_of_an_unknown_kind_is_noticed() -> None:
    """A field of a new kind makes the fast path inapplicable: test_fast_path_is_enabled fails."""
    specs = field_specs(OddMeeting)
    assert specs[-1].kind is Kind.OTHER
    assert not fastread.reader_applies(OddMeeting, specs)
    assert fastread.reader_applies(Meeting, MEETING_FIELDS)


@pytest.mark.parametrize(
    ("annotation", "kind"),
    [
        (str, Kind.TEXT),
        (str | None, Kind.OPTIONAL_TEXT),
        (int | None, Kind.OPTIONAL_INT),
        (tuple[str, ...], Kind.TEXTS),
        (float, Kind.OTHER),
        (list[str], Kind.OTHER),
        (dict[str, list[int]], Kind.OTHER),
    ],
)
def test_kinds_of_annotations(annotation: Any, kind: Kind) -> None:
    """Types are classified by what their JSON looks like; anything else is OTHER."""
    assert kind_of(annotation) is kind


@attrs.frozen(kw_only=True)
class AllOptional:
    """Fields that may all be left out: the writer drops the first comma itself."""

    note: str | None = None
    count: int | None = None
    topics: tuple[str, ...] = ()


@pytest.mark.parametrize(
    "value",
    [
        AllOptional(),
        AllOptional(note="n"),
        AllOptional(count=0),
        AllOptional(topics=("a", "b")),
        AllOptional(note="n", count=2, topics=("t",)),
    ],
)
def test_a_writer_whose_first_field_may_be_left_out(value: AllOptional) -> None:
    """Whichever fields are written, the object opens with ``{`` and has no stray comma."""
    write = fastwrite.make_writer(field_specs(AllOptional))
    converter = conversion.make_converter()
    assert write(value, fastwrite.Written()) == compact(converter.unstructure(value))


def test_objects_made_and_dropped_during_a_write_never_share_a_text() -> None:
    """Places and participants are remembered by identity, and kept until the call ends.

    Meetings made one by one and dropped after writing would otherwise free their places and
    participants, and a later object at the same address would be given the earlier text.
    """

    def fresh() -> Iterator[Meeting]:
        for i in range(200):
            yield conversion.strict_meetings(
                [
                    {
                        "id": f"m-{i}",
                        "body": "CHS",
                        "kind": "regular",
                        "title": "t",
                        "start": f"{2000 + i % 20}-0{1 + i % 9}-1{i % 10}",
                        "place": {"city": f"City {i}", "country": "AZ"},
                        "participants": [{"person": f"Person {i}", "role": "guest"}],
                        "sources": [SOURCE],
                    }
                ]
            )[0]

    texts = fastwrite.fast_meetings_json(fresh())
    assert texts == [compact(conversion.unstructure(m)) for m in fresh()]
    assert texts is not None
    assert len({t.split('"place":')[1] for t in texts}) == 200


@pytest.mark.parametrize("year", [1, 9, 10, 99, 100, 999, 1000, 1001, 2022, 9999])
def test_dates_are_written_as_their_text(year: int) -> None:
    """Every precision, and years on both sides of each change in their number of digits."""
    for value in (PartialDate(year), PartialDate(year, 1), PartialDate(year, 12, 31)):
        assert fastwrite.partial_json(value) == json.dumps(str(value))
    for month in range(1, 13):
        assert fastwrite.partial_json(PartialDate(year, month, 1)) == f'"{year:04d}-{month:02d}-01"'
    write = fastwrite.make_writer(MEETING_FIELDS)  # a new writer: no year written before
    written = fastwrite.Written()
    days = [PartialDate(year), *(PartialDate(year, m) for m in range(1, 13))]
    days += [PartialDate(year, m, d) for m in range(1, 13) for d in (1, 9, 10, 28)]
    days += [PartialDate(year, 12, 31)]
    base: dict[str, Any] = {"id": "m", "body": "CHS", "kind": "regular", "title": "t"}
    for start in days:
        for end in (None, PartialDate(year, 12, 31)):
            meeting = Meeting(start=start, end=end, sources=(SOURCE,), **base)
            assert write(meeting, written) == compact(conversion.unstructure(meeting))


def past_the_checks(year: Any, month: Any, day: Any) -> PartialDate:
    """A partial date made without its constructor's checks."""
    odd = object.__new__(PartialDate)
    odd.__attrs_init__(year, month, day)  # type: ignore[attr-defined]
    return odd


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        *((2022, None, 5), (2022, 0, None), (2022, 3, 0), (2022, 13, 1), (2022, 1, 32)),
        *((2022, -1, 1), (0, 1, 1), (10_000, None, None), (-1, None, None), (2022.5, None, None)),
    ],
)
def test_a_date_no_checked_constructor_could_make_is_not_written(
    year: Any, month: Any, day: Any
) -> None:
    """Values no date holds (made past the checks) have no text: the writer declines them."""
    odd = past_the_checks(year, month, day)
    with pytest.raises((LookupError, TypeError, ValueError)):
        fastwrite.partial_json(odd)
    for field in ("start", "end"):
        meeting = Meeting(
            id="m", body="CHS", kind="regular", title="t", start="2022", sources=(SOURCE,)
        )
        object.__setattr__(meeting, field, odd)  # past the meeting's checks too
        assert fastwrite.fast_meetings_json([meeting]) is None
        write = fastwrite.make_writer(MEETING_FIELDS)  # a new writer: nothing cached
        with pytest.raises((LookupError, TypeError, ValueError)):
            write(meeting, fastwrite.Written())


class LabelledDate(PartialDate):
    """A date that writes itself its own way (a subclass the converter writes by ``str``)."""

    def __str__(self) -> str:
        return "labelled"


def test_only_exact_partial_dates_are_written_from_the_tables() -> None:
    """A subclass of PartialDate, or a datetime set past the checks: the converter writes."""
    for odd in (LabelledDate(2022, 8), dt.datetime(2022, 8, 17, 13, 0, tzinfo=dt.UTC)):
        meeting = Meeting(
            id="m", body="CHS", kind="regular", title="t", start="2022", sources=(SOURCE,)
        )
        object.__setattr__(meeting, "start", odd)  # past the meeting's checks
        assert fastwrite.fast_meetings_json([meeting]) is None
        with pytest.raises(TypeError, match=type(odd).__name__):
            fastwrite.make_writer(MEETING_FIELDS)(meeting, fastwrite.Written())
        with pytest.raises(TypeError, match=type(odd).__name__):
            fastwrite.partial_json(odd)  # type: ignore[arg-type]
        assert f'"start":"{odd}"' in serialize.dumps(meeting)


def test_written_texts_are_remembered_by_identity() -> None:
    """A text noted for an object is found by the object's id, and only by it."""
    texts = fastwrite.Texts()
    first, second = ["a"], ["a"]
    assert texts.note(first, '["a"]') == '["a"]'
    assert texts.seen(id(first)) == '["a"]'
    assert texts.seen(id(second)) is None
    written = fastwrite.Written()
    assert written.places is not written.people


def test_objects_joined_are_written_once_a_call() -> None:
    """Joined texts: each object written on its first appearance only, then found by id."""
    written: list[object] = []

    def write(value: object) -> str:
        written.append(value)
        return f'"{len(written)}"'

    texts = fastwrite.Texts()
    first, second = object(), object()
    assert texts.joined((first,), write) == '"1"'
    assert texts.seen(id(first)) == '"1"'
    assert texts.joined((first, second, first), write) == '"1","2","1"'
    assert texts.joined((second, first), write) == '"2","1"'
    assert written == [first, second]
    third = object()
    assert texts.joined(iter([first, third]), write) == '"1","3"'  # read once, not twice
    assert texts.joined([third, second], write) == '"3","2"'
    assert written == [first, second, third]


def test_an_object_in_the_wrong_role_is_refused_not_written() -> None:
    """A participant given as a place (built in Python): no text, a clear error.

    Written as a participant first, it must not be written as a place with that text.
    """
    base: dict[str, Any] = {
        "body": "CHS",
        "kind": "regular",
        "title": "t",
        "start": "2022",
        "sources": (SOURCE,),
    }
    person = Participant(party="KZ")
    place = Place(city="Baku", country="AZ")
    wrong = [
        [Meeting(id="b", participants=(person,), **base), Meeting(id="c", place=person, **base)],
        [Meeting(id="d", place=place, participants=(place,), **base)],  # type: ignore[arg-type]
    ]
    for meetings in wrong:
        registry = MeetingRegistry(meetings)
        assert fastwrite.fast_meetings_json(registry) is None
        for write in (serialize.dumps, serialize.dumpb):
            with pytest.raises(InvalidDataError, match="cannot be written"):
                write(registry)
        with pytest.raises(InvalidDataError, match="cannot be written"):
            list(serialize.iter_dumps(registry))


@attrs.frozen(kw_only=True)
class Counted:
    """A nested record with a whole number, text and a list of texts."""

    name: str
    count: int | None = None
    tags: tuple[str, ...] = ()


@pytest.mark.parametrize(
    "value", [Counted(name="n"), Counted(name="n", count=3, tags=("t", "u")), Counted(name="é")]
)
def test_nested_records_are_written_as_the_converter_writes_them(value: Counted) -> None:
    """The writer of nested objects handles every kind a nested object may have."""
    write = fastwrite._record_writer(Counted)
    assert write(value) == compact(conversion.make_converter().unstructure(value))


@attrs.frozen
class Solo:
    """A class of one field: its reader takes the one value, not a tuple of values."""

    name: str


def test_a_class_of_one_field_is_read() -> None:
    """One field is read as itself, even when its value would unpack (pairs are tuples)."""
    specs = field_specs(Solo)
    assert fastread.reader_applies(Solo, specs)
    read = fastread.make_reader(Solo, specs)
    assert read({"name": "x"}, {}, {}, {}, dict) == Solo("x")
    assert read((("name", "xy"),), {}, {}, {}, tuple) == Solo("xy")
    for bad in ({}, {"name": 1}, {"name": "x", "other": "y"}):
        with pytest.raises(fastread.DECLINES):
            read(bad, {}, {}, {}, dict)


@pytest.mark.parametrize("name", ["__bool__", "__len__"])
@pytest.mark.parametrize("shared", [PartialDate, Place, Participant])
def test_shared_values_that_can_be_false_are_left_to_the_strict_path(
    monkeypatch: pytest.MonkeyPatch, name: str, shared: type
) -> None:
    """The reader tells a cached value by ``or``: a value that can be false stops it."""
    assert fastread.always_true(shared)
    monkeypatch.setattr(shared, name, lambda self: 0, raising=False)
    assert not fastread.always_true(shared)
    assert not fastread.reader_applies(Meeting, MEETING_FIELDS)


class SubStr(str):
    """A str subclass: not text as JSON gives it (the reader checks with ``type()``)."""

    __slots__ = ()


@attrs.frozen(kw_only=True)
class Labelled(Meeting):
    """A meeting with an optional text whose default is not None."""

    label: str | None = "draft"


def test_a_new_reader_checks_as_the_generated_one_does() -> None:
    """A reader made now (not at import) checks types, text and invariants, and reads defaults.

    The reader of meetings is made when its module is imported; these go through
    :func:`~turkicorg.serialize.fastread.make_reader` itself.
    """
    specs = field_specs(Labelled)
    read = fastread.make_reader(Labelled, specs)
    converter = conversion.make_converter()
    data = {k: v for k, v in full_meeting_data(specs).items() if k != "label"}
    assert read(data, {}, {}, {}, dict).label == "draft"
    assert read({**data, "label": None}, {}, {}, {}, dict).label is None
    pairs = tuple(json.loads(json.dumps(data), object_pairs_hook=tuple))
    assert read(pairs, {}, {}, {}, tuple) == converter.structure(data, Labelled)
    turkic = {**data, "title": "Türkiye, Қазақстан, Oʻzbekiston", "note": "Türkmenistan"}
    assert read(turkic, {}, {}, {}, dict) == converter.structure(turkic, Labelled)
    for bad in (
        [],
        pairs,
        {**data, "kind": SubStr("regular")},
        {**data, "start": SubStr("2022")},
        {**data, "end": SubStr("2023")},
        {**data, "title": "\ud800"},
    ):
        with pytest.raises(Reject):
            read(bad, {}, {}, {}, dict)
    with pytest.raises(InvalidDataError, match="before the start"):
        read({**data, "start": "2022", "end": "2021"}, {}, {}, {}, dict)


def test_days_made_past_the_constructor_are_days() -> None:
    """The reader's maker of full dates (made at import) gives what the constructor gives."""
    make = fastvalues._day_maker()
    assert make is not PartialDate  # the slots are set directly: no second check of the day
    for year, month, day in ((2022, 2, 28), (1, 1, 1), (9999, 12, 31)):
        found = make(year, month, day)
        assert type(found) is PartialDate
        assert found == PartialDate(year, month, day)
        assert (found.year, found.month, found.day) == (year, month, day)


def test_a_date_class_without_slots_is_made_by_its_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the slots cannot be found, the maker is the class itself (and the checks stay)."""

    def missing(cls: type, name: str) -> None:
        raise StopIteration

    monkeypatch.setattr(fastvalues, "slot_setter", missing)
    assert fastvalues._day_maker() is PartialDate


def test_slot_setters_are_found_on_the_class_or_a_base() -> None:
    """A slot's setter comes from the class that declares it."""
    meeting = Labelled.__new__(Labelled)
    fastvalues.slot_setter(Labelled, "id")(meeting, "m")
    fastvalues.slot_setter(Labelled, "label")(meeting, "l")
    assert (meeting.id, meeting.label) == ("m", "l")
    with pytest.raises(StopIteration):
        fastvalues.slot_setter(Labelled, "nothing")


@attrs.frozen
class Numbered:
    """A nested object with a number: its cache key cannot be the parser's pairs."""

    name: str
    count: int | None = None


def test_records_are_read_as_their_fields_say() -> None:
    """A record of text alone is cached by its pairs; one with a number by its values."""
    assert fastvalues.Record.of(Place) == fastvalues.PLACE
    place = fastvalues.Record.of(Place)
    assert place.cls is Place
    assert place.keys == {"city", "country", "venue"}
    assert place.by_pairs
    counted = fastvalues.Record.of(Numbered)
    assert counted.keys == {"name", "count"}
    assert [f.name for f in counted.fields] == ["name", "count"]
    assert not counted.by_pairs
    cache: dict[Any, Any] = {}
    one = counted.shared((("name", "a"), ("count", 1)), cache, tuple)
    assert one == Numbered("a", 1)
    assert counted.shared((("count", 1), ("name", "a")), cache, tuple) is one
    assert counted.shared({"name": "a", "count": 1}, cache, dict) is one
    assert counted.shared((("name", "a"), ("count", 2)), cache, tuple) == Numbered("a", 2)
    assert len(cache) == 2
    for count in ("1", 1.0, True, [1]):  # a number of the model is a JSON integer
        with pytest.raises(Reject):
            counted.shared((("name", "a"), ("count", count)), cache, tuple)


class ParseCalledError(Exception):
    """Raised by a stand-in for ``PartialDate.parse``."""


def test_full_days_are_read_without_the_general_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """``YYYY-MM-DD`` goes to the C parser; any other text to ``PartialDate.parse``."""

    def parse(text: str) -> PartialDate:
        raise ParseCalledError(text)

    monkeypatch.setattr(PartialDate, "parse", parse)
    dates: dict[str, PartialDate] = {}
    assert fastvalues.read_date("2022-02-28", dates) == PartialDate(2022, 2, 28)
    assert dates == {"2022-02-28": PartialDate(2022, 2, 28)}
    others = ("2022-02", "2022", "202-02-281", "2022-0228", "2022-02+28", "20x2-02-28")
    for other in (*others, "2022-x2-28", "2022-0x-28", "2022-02-x8", "2022-02-2x"):
        with pytest.raises(ParseCalledError):
            fastvalues.read_date(other, dates)
    for wrong in ("2022-02-29", "0000-01-01"):
        with pytest.raises(ValueError, match=r"day|year|range"):
            fastvalues.read_date(wrong, dates)
    for odd in (2022, None, "２０２２-０２-２８", "2022-02-2\u0668"):  # digits, not ASCII
        with pytest.raises(Reject):
            fastvalues.read_date(odd, dates)
    assert list(dates) == ["2022-02-28"]


@attrs.frozen
class Tagged:
    """A nested object whose optional text has a default other than None."""

    name: str
    label: str | None = "x"


def test_an_absent_key_and_null_are_told_apart() -> None:
    """Absent means the default and null means None: two different shared objects."""
    tagged = fastvalues.Record.of(Tagged)
    assert tagged.arguments({"name": "a"}, dict) == {"name": "a"}
    assert tagged.arguments({"name": "a", "label": None}, dict) == {"name": "a", "label": None}
    cache: dict[Any, Any] = {}
    assert tagged.shared({"name": "a"}, cache, dict) == Tagged("a")
    assert tagged.shared({"name": "a", "label": None}, cache, dict) == Tagged("a", None)
    assert tagged.shared({"name": "a"}, cache, dict) is cache[("a", fastvalues.NO)]
    pairs = (("name", "a"),)
    first = tagged.shared(pairs, cache, tuple)
    assert tagged.shared(pairs, cache, tuple) is first
    assert cache[pairs] is first
