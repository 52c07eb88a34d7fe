"""The fast path for meetings against the strict converter: same accepts, rejects and objects."""

from __future__ import annotations

import copy
import json
import tracemalloc
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import (
    InvalidDataError,
    Meeting,
    MeetingRegistry,
    UnsupportedTypeError,
    load_default,
    serialize,
)
from turkicorg import strategies as tst
from turkicorg.meetings import Format, MeetingKind
from turkicorg.organs import Organ
from turkicorg.serialize import conversion, fastread, fastwrite, fields, jsontext
from turkicorg.serialize.fastread import FAST_PATH, fast_meeting, fast_meetings

FIELD_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    1,
    2,
    -3,
    1.0,
    10**30,
    "",
    " ",
    "x",
    "CHS",
    "bilateral",
    "regular",
    "video",
    "hybrid",
    "in_person",
    "confirmed",
    "postponed",
    "low",
    "2022",
    "2022-02",
    "2022-02-28",
    "2022-02-29",
    "2024-02-29",
    "2022-13",
    "0000",
    "9999-12-31",
    "20220101",
    "2022-W01-1",
    "٢٠٢٢",
    "\ud800",
    "Ş\udc80",
    [],
    [None],
    ["x"],
    ["x", 1],
    ["\ud800"],
    ["ok", "Ş\udc80"],
    [{}],
    [{"party": "KZ"}],
    [{"party": None}],
    [{"person": "P", "role": None}],
    [{"party": "KZ", "x": 1}],
    [{"party": 1}],
    [{"party": "\ud800"}],
    [{"person": "\ud800", "role": "r"}],
    [{"field": "\ud800", "value": "v"}],
    [{"field": "f", "value": "v"}],
    [{"field": "f"}],
    [{"field": "f", "value": "v", "sources": "s"}],
    {},
    {"city": "Baku"},
    {"city": 1},
    {"city": "\udfff"},
    {"venue": "Hall"},
    {"town": "x"},
)
"""Values the fast path must treat exactly as the strict converter does, in every field."""

KEYS = (*fields.MEETING_FIELD_NAMES, "extra")


def meeting_data(registry: MeetingRegistry) -> list[Any]:
    return json.loads(serialize.dumps(registry))["meetings"]


def strict(data: Any) -> tuple[Meeting, ...] | None:
    try:
        return conversion.strict_meetings(data)
    except InvalidDataError:
        return None


def as_pairs(data: Any) -> Any:
    """``data`` as the parser gives it to the fast path: objects as tuples of pairs."""
    return json.loads(json.dumps(data), object_pairs_hook=tuple)


def assert_same(data: Any) -> tuple[Meeting, ...] | None:
    """The fast path accepts only what the strict path accepts, and builds equal objects.

    Checked for both inputs of the fast path: dicts, and the parser's tuples of pairs.
    """
    fast = fast_meetings(data)
    from_pairs = fast_meetings(as_pairs(data), pairs=True)
    assert (fast is None) == (from_pairs is None)
    reference = strict(data)
    if fast is not None:
        assert reference is not None
        assert fast == reference == from_pairs
        assert [type(m) for m in fast] == [Meeting] * len(fast)
    return fast


def test_fast_path_is_enabled() -> None:
    """The fast path reads every field of the model (a field of a new kind would switch it off)."""
    assert FAST_PATH.applies
    assert FAST_PATH.enabled


@given(tst.hostile_registries())
def test_fast_path_accepts_every_valid_registry(registry: MeetingRegistry) -> None:
    """Every document the library writes is read by the fast path, into equal meetings."""
    data = meeting_data(registry)
    fast = assert_same(data)
    assert fast is not None
    assert MeetingRegistry(fast) == registry


@given(registry=tst.hostile_registries(max_size=4), data=st.data())
def test_fast_and_strict_agree_on_field_mutations(
    registry: MeetingRegistry, data: st.DataObject
) -> None:
    """A field removed, retyped, made impossible or added: both paths agree."""
    meetings = meeting_data(registry)
    if not meetings:
        return
    index = data.draw(st.integers(min_value=0, max_value=len(meetings) - 1))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        key = data.draw(st.sampled_from(KEYS))
        if data.draw(st.booleans()):
            meetings[index].pop(key, None)
        else:
            meetings[index][key] = copy.deepcopy(data.draw(st.sampled_from(FIELD_VALUES)))
    assert_same(meetings)


@given(registry=tst.hostile_registries(max_size=3), data=st.data())
def test_fast_and_strict_agree_on_nested_mutations(
    registry: MeetingRegistry, data: st.DataObject
) -> None:
    """Mutations inside places, participants and alternatives: both paths agree."""
    meetings = meeting_data(registry)
    nested = [
        (i, key, j)
        for i, m in enumerate(meetings)
        for key in ("participants", "alternatives")
        for j in range(len(m.get(key, ())))
    ]
    if nested:
        i, key, j = data.draw(st.sampled_from(nested))
        item = meetings[i][key][j]
        name = data.draw(
            st.sampled_from(("party", "person", "role", "field", "value", "sources", "note", "x"))
        )
        item[name] = copy.deepcopy(data.draw(st.sampled_from(FIELD_VALUES)))
    places = [m for m in meetings if isinstance(m.get("place"), dict)]
    if places:
        place = data.draw(st.sampled_from(places))["place"]
        name = data.draw(st.sampled_from(("city", "country", "venue", "x")))
        place[name] = copy.deepcopy(data.draw(st.sampled_from(FIELD_VALUES)))
    assert_same(meetings)


BASE: dict[str, Any] = {
    "id": "m-1",
    "body": "COE",
    "kind": "bilateral",
    "title": "Meeting",
    "start": "2022-05-01",
    "end": "2022-05",
    "place": {"city": "Baku", "country": "AZ"},
    "participants": [{"party": "AZ"}, {"person": "P", "role": "R"}],
    "topics": ["energy"],
    "alternatives": [
        {"field": "start", "value": "2022-05-02", "sources": ["https://example.org/s"]}
    ],
    "sources": ["https://example.org/s"],
}
"""A valid meeting that uses every nested shape."""


def test_fast_and_strict_agree_on_every_field_value() -> None:
    """Every value of FIELD_VALUES in every field and nested field: both paths agree."""
    assert assert_same([BASE]) is not None
    for key in KEYS:
        for value in FIELD_VALUES:
            assert_same([{**BASE, key: copy.deepcopy(value)}])
        assert_same([{k: v for k, v in BASE.items() if k != key}])
    for value in FIELD_VALUES:
        for name in ("city", "country", "venue", "x"):
            assert_same([{**BASE, "place": {**BASE["place"], name: value}}])
        for name in ("party", "person", "role", "x"):
            people = [{"party": "AZ", name: value}, {"person": "P", name: value}, {name: value}]
            for person in people:
                assert_same([{**BASE, "participants": [person]}])
        for name in ("field", "value", "sources", "note", "x"):
            alternative = {**BASE["alternatives"][0], name: copy.deepcopy(value)}
            assert_same([{**BASE, "alternatives": [alternative]}])


@given(st.lists(st.sampled_from(FIELD_VALUES), max_size=3))
def test_fast_and_strict_agree_on_non_meetings(items: list[Any]) -> None:
    """Arrays of things that are not meetings are declined by the fast path."""
    assert assert_same(items) is None or items == []
    assert fast_meetings({"a": 1}) is None


def test_repeated_keys_are_left_to_the_strict_path() -> None:
    """A key repeated in the parser's pairs is declined (the strict path reports it)."""
    pairs = as_pairs([BASE])
    meeting = (*pairs[0], ("title", "again"))
    assert fast_meetings([meeting], pairs=True) is None
    participant = ((("party", "AZ"), ("party", "KZ")),)
    changed = tuple((k, list(participant) if k == "participants" else v) for k, v in pairs[0])
    assert fast_meetings([changed], pairs=True) is None
    assert fast_meetings(pairs, pairs=True) is not None
    assert fast_meetings([dict(pairs[0])], pairs=True) is None
    for odd in ((*pairs[0][0], "more"), pairs[0][0][:1]):
        # a pair of three or of one (the parser makes neither): declined
        meeting = (odd, *pairs[0][1:])
        assert fast_meetings([meeting], pairs=True) is None, odd


def test_registry_documents_outside_the_fast_route() -> None:
    """Old versions, other envelopes and odd roots go the strict way, with the same result."""
    registry = MeetingRegistry([serialize.structure(BASE, Meeting)])
    tree = jsontext.parse(serialize.dumps(registry), None, pairs=True)
    assert fastread.fast_registry_document(tree) == registry
    for change in ({"version": 0}, {"version": True}, {"type": "Meeting"}, {"x": 1}):
        document = {**dict(tree), **change}
        assert fastread.fast_registry_document(tuple(document.items())) is None
    assert fastread.fast_registry_document([]) is None
    assert fastread.fast_registry_document((*tree, ("format", "turkicorg"))) is None
    assert serialize.loads(serialize.dumps(registry).encode(), MeetingRegistry) == registry


MINIMAL: dict[str, Any] = {
    "id": "m",
    "body": "CHS",
    "kind": "regular",
    "title": "t",
    "start": "2022",
    "sources": ["https://example.org/s"],
}
"""A meeting with only its required keys (the fast path reads it)."""


def test_python_objects_are_left_to_the_strict_path() -> None:
    """Enum members or tuples where JSON has strings and arrays: the fast path declines."""
    base = MINIMAL
    for change in (
        {"body": Organ.HEADS_OF_STATE},
        {"kind": MeetingKind.REGULAR},
        {"format": Format.VIDEO},
        {"sources": ("https://example.org/s",)},
        {"participants": [{"party": Organ.HEADS_OF_STATE}]},
        {"place": {"city": Organ.HEADS_OF_STATE}},
    ):
        assert fast_meetings([{**base, **change}]) is None
    assert fast_meeting([base]) is None


class ClaimsStr(str):
    """A str subclass whose ``__class__`` says ``str``."""

    __slots__ = ()

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # type: ignore[override]
        return str


class ClaimsList(list[Any]):
    """A list subclass whose ``__class__`` says ``list``."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # type: ignore[override]
        return list


def test_objects_that_fake_their_class_are_left_to_the_strict_path() -> None:
    """Types are checked with ``type()``: a subclass claiming ``str`` or ``list`` declines."""
    base = MINIMAL
    for change in (
        {"title": ClaimsStr("t")},
        {"id": ClaimsStr("m")},
        {"kind": ClaimsStr("regular")},
        {"start": ClaimsStr("2022")},
        {"note": ClaimsStr("n")},
        {"sources": ClaimsList(["https://example.org/s"])},
        {"sources": [ClaimsStr("https://example.org/s")]},
        {"participants": ClaimsList([{"party": "KZ"}])},
    ):
        data = [{**base, **change}]
        assert fast_meetings(data) is None, change
        assert strict(data) is None, change
    assert fast_meetings(ClaimsList([base])) is None
    assert fast_meetings([base]) is not None
    for key, value in (("start", "2022"), ("end", "2023")):
        # the same date, real, earlier in the call: the fake is still declined, not looked up
        data = [{**base, key: value}, {**base, "id": "n", key: ClaimsStr(value)}]
        assert fast_meetings(data) is None, key
        assert strict(data) is None, key
        assert fast_meetings(data[:1]) is not None


def test_shared_values_are_shared_objects() -> None:
    """Equal dates, places and participants become one frozen object each (less memory)."""
    item = {
        "id": "m",
        "body": "CHS",
        "kind": "regular",
        "title": "t",
        "start": "2022-05-01",
        "place": {"city": "Baku"},
        "participants": [{"party": "AZ"}, {"party": "KZ", "role": "host"}],
        "sources": ["https://example.org/s"],
    }
    for pairs in (False, True):
        items = [item, {**item, "id": "n", "participants": item["participants"][::-1]}]
        first, second = fast_meetings(as_pairs(items) if pairs else items, pairs=pairs) or ()
        assert first.start is second.start
        assert first.place is second.place
        assert first.participants[0] is second.participants[1]
        assert first.participants[1] is second.participants[0]
        assert first.participants != second.participants


@given(registry=tst.hostile_registries(max_size=4), data=st.data())
def test_keys_in_any_order_are_read_alike(registry: MeetingRegistry, data: st.DataObject) -> None:
    """The reader finds each field by its key, whatever the order of the keys."""
    meetings = meeting_data(registry)
    orders = [data.draw(st.permutations(list(meeting))) for meeting in meetings]
    shuffled = [
        {key: meeting[key] for key in order}
        for meeting, order in zip(meetings, orders, strict=True)
    ]
    assert fast_meetings(shuffled) == tuple(registry)
    assert fast_meetings(as_pairs(shuffled), pairs=True) == tuple(registry)


def test_orders_of_keys_are_remembered_up_to_a_limit() -> None:
    """Each order of keys is worked out once; past the limit the reader forgets them all."""
    assert fastread.READ_MEETING is not None
    layouts = fastread.READ_MEETING.__globals__["_layouts"]
    layouts.clear()
    pairs = as_pairs([BASE])[0]
    orders = [pairs[i:] + pairs[:i] for i in range(len(pairs))]
    expected = strict([BASE])
    assert expected is not None
    made: list[tuple[str, ...]] = []
    namespace = fastread.READ_MEETING.__globals__
    work_out = namespace["_layout"]
    namespace["_layout"] = lambda keys: made.append(keys) or work_out(keys)
    try:
        for order in orders:
            assert fast_meetings([order, order], pairs=True) == expected * 2
            assert fast_meetings([order], pairs=True) == expected
    finally:
        namespace["_layout"] = work_out
    assert made == [tuple(key for key, _ in order) for order in orders]
    assert len(layouts) == len(orders)
    for count in range(fastread.LAYOUT_LIMIT - len(orders)):
        layouts[(str(count),)] = None
    assert len(layouts) == fastread.LAYOUT_LIMIT
    assert fast_meetings([pairs[::-1]], pairs=True) == expected
    assert list(layouts) == [tuple(key for key, _ in pairs[::-1])]
    assert fast_meetings([{key: BASE[key] for key in reversed(BASE)}]) == expected
    assert len(layouts) == 1


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@given(tst.hostile_registries())
def test_fast_writer_matches_the_converter(registry: MeetingRegistry) -> None:
    """The fast writer gives exactly the text json.dumps gives for the converter's data."""
    expected = json.dumps(
        serialize.to_document(registry), ensure_ascii=False, separators=(",", ":")
    )
    assert serialize.dumps(registry) == expected
    assert serialize.dumpb(registry) == expected.encode()
    assert fastwrite.fast_meetings_json(registry) is not None  # written by the fast path
    write = fastwrite.make_writer(fields.MEETING_FIELDS)  # a new one: nothing made earlier
    written = fastwrite.Written()
    for meeting in registry:
        expected = json.dumps(
            serialize.to_document(meeting), ensure_ascii=False, separators=(",", ":")
        )
        assert serialize.dumps(meeting) == expected
        assert write(meeting, written) == compact(serialize.unstructure(meeting))


def test_bytes_are_the_text_encoded() -> None:
    """``dumpb`` gives ``dumps(...).encode()`` for every type, indent and path taken."""
    ots = load_default()
    meeting = next(iter(ots.meetings))
    for obj in (ots, ots.meetings, MeetingRegistry(), meeting, ots.state("AZ")):
        assert serialize.dumpb(obj) == serialize.dumps(obj).encode()
        assert serialize.dumpb(obj, indent=2) == serialize.dumps(obj, indent=2).encode()
    odd = MeetingRegistry([attrs.evolve(meeting, topics=(1,))])  # type: ignore[arg-type]
    assert serialize.dumpb(odd) == serialize.dumps(odd).encode()
    with pytest.raises(UnsupportedTypeError):
        serialize.dumpb(object())


def peak_bytes(make: Any) -> int:
    """The most memory Python allocated while ``make()`` ran (tracemalloc: no clock)."""
    make()
    tracemalloc.start()
    try:
        made = make()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        del made


def test_bytes_hold_no_more_than_the_text_encoded() -> None:
    """``dumpb`` holds at most about what ``dumps(...).encode()`` holds, and less once one
    meeting has a letter beyond Latin-1 (the joined text then takes two bytes a letter)."""
    meetings = load_default().meetings
    text = serialize.dumps(meetings)
    assert max(map(ord, text)) > 0xFF
    plain = serialize.loads(text.encode("ascii", "replace").decode(), MeetingRegistry)
    assert serialize.dumps(plain).isascii()
    ascii_bytes = peak_bytes(lambda: serialize.dumpb(plain))
    assert ascii_bytes < 1.1 * peak_bytes(lambda: serialize.dumps(plain).encode())
    mixed_bytes = peak_bytes(lambda: serialize.dumpb(meetings))
    assert mixed_bytes < 0.7 * peak_bytes(lambda: serialize.dumps(meetings).encode())


def test_bytes_of_text_that_is_not_unicode_name_where() -> None:
    """A lone surrogate in any meeting: the same error as encoding the whole text."""
    ots = load_default()
    *kept, last = ots.meetings
    registry = MeetingRegistry([*kept, attrs.evolve(last, note="bad \ud800")])
    with pytest.raises(InvalidDataError) as from_bytes:
        serialize.dumpb(registry)
    text = serialize.dumps(registry)
    with pytest.raises(InvalidDataError) as from_text:
        jsontext.utf8(text)
    assert str(from_bytes.value) == str(from_text.value)
    assert f"lone surrogate at {text.index(chr(0xD800))}" in str(from_bytes.value)


def test_fast_writer_declines_odd_values() -> None:
    """A meeting built in Python with a value of the wrong type is written by the converter."""
    meeting = Meeting(
        id="m",
        body="CHS",
        kind="regular",
        title="t",
        start="2022",
        sources=("https://example.org/s",),
    )
    odd = attrs.evolve(meeting, topics=(1,))  # type: ignore[arg-type]
    assert fastwrite.fast_meetings_json([odd]) is None
    assert serialize.dumps(MeetingRegistry([odd])).endswith(
        '"topics":[1],"sources":["https://example.org/s"]}]}'
    )


def test_fast_paths_can_be_switched_off(monkeypatch: Any) -> None:
    """Without the fast path (a model change), reading and writing still work, strictly."""
    monkeypatch.setattr(FAST_PATH, "enabled", False)
    registry = MeetingRegistry(
        [
            Meeting(
                id="m",
                body="CHS",
                kind="regular",
                title="t",
                start="2022",
                sources=("https://example.org/s",),
            )
        ]
    )
    text = serialize.dumps(registry)
    assert fast_meetings(meeting_data(registry)) is None
    assert fastwrite.fast_meetings_json(registry) is None
    assert fast_meeting({}) is None
    assert fast_meeting(meeting_data(registry)[0]) is None
    tree = jsontext.parse(text, None, pairs=True)
    assert fastread.fast_registry_document(tree) is None
    monkeypatch.setattr(FAST_PATH, "enabled", True)
    assert fast_meeting(meeting_data(registry)[0]) == registry.meetings[0]
    assert fastread.fast_registry_document(tree) == registry
    monkeypatch.setattr(FAST_PATH, "enabled", False)
    assert serialize.loads(text, MeetingRegistry) == registry
    assert serialize.loads(serialize.dumps(registry.meetings[0]), Meeting) == registry.meetings[0]


def test_the_switch_starts_as_the_model_allows() -> None:
    """A fast path that applies starts enabled; one that does not starts disabled."""
    for applies in (True, False):
        switch = fastread.FastPath(applies=applies)
        assert switch.applies is applies
        assert switch.enabled is applies


def test_one_meeting_is_read_from_a_dict_unless_told_pairs() -> None:
    """``fast_meeting`` reads a dict by default, and the parser's pairs when told."""
    expected = strict([BASE])
    assert expected is not None
    assert fast_meeting(BASE) == expected[0]
    assert fast_meeting(as_pairs(BASE), pairs=True) == expected[0]
    assert fast_meeting(BASE, pairs=True) is None
    assert fast_meeting(as_pairs(BASE)) is None


def test_meetings_that_clash_are_reported_by_input_position() -> None:
    """A duplicate id is reported where it stands in the input (``$[1]``), as strictly."""
    first = strict([BASE])
    assert first is not None
    with pytest.raises(InvalidDataError) as caught:
        fastread.build_registry((first[0], first[0]))
    assert [error.path for error in caught.value.errors] == ["$[1].id"]
    assert "duplicate meeting id (also at index 0)" in str(caught.value)


@pytest.mark.parametrize("tree", [[1], "ab", [("format", "turkicorg")], {"format": "turkicorg"}])
def test_a_parsed_document_that_is_not_pairs_is_declined(tree: Any) -> None:
    """Only the parser's tuple of pairs is read; anything else is left to the general path."""
    assert fastread.fast_registry_document(tree) is None
