"""The compiled reader (``turkicorg-speedups``): the pure reader's meetings, or a decline.

Runs where the extension is installed (``python -m pip install ./speedups``; CI installs it
in a step of its own). Every document is read twice, with the compiled reader and with the
pure reader alone (``COMPILED.disabled()``): both give equal registries, or both raise the
same error. Documents are written by turkicorg from any registry, then changed byte by byte;
examples pin what the reader itself reads and what it leaves to the pure reader.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import Meeting, MeetingRegistry, load_default, serialize
from turkicorg import strategies as tst
from turkicorg.dates import PartialDate
from turkicorg.errors import InvalidDataError
from turkicorg.meetings import Participant, Place
from turkicorg.serialize import compiled, fastread, fastvalues
from turkicorg.serialize.compiled import COMPILED
from turkicorg.serialize.fastdoc import PREFIX
from turkicorg.serialize.fields import MEETING_FIELDS

speedups: Any = None
with contextlib.suppress(ImportError):
    import _turkicorg_speedups as speedups  # type: ignore[import-not-found,no-redef]

pytestmark = pytest.mark.skipif(speedups is None, reason="turkicorg-speedups not installed")

START = len(PREFIX)
ONE = (
    '{"id":"m","body":"CHS","kind":"regular","title":"t","start":"2022-10-11",'
    '"place":{"city":"Samarkand","country":"UZ"},'
    '"participants":[{"party":"AZ"},{"party":"KZ","role":"host"}],'
    '"sources":["https://example.org/s"]}'
)


def spec(**changes: Any) -> dict[str, Any]:
    """The arguments turkicorg makes its reader with, some changed."""
    arguments: dict[str, Any] = {
        "meeting": compiled.reader_layout(Meeting, MEETING_FIELDS),
        "post_init": Meeting.__attrs_post_init__,
        "date": PartialDate,
        "read_date": fastvalues.read_date,
        "place": fastvalues.PLACE.shared,
        "participant": fastvalues.PARTICIPANT.shared,
        "alternatives": fastvalues.read_alternatives,
        "declines": fastread.SCAN_DECLINES,
    }
    return arguments | changes


def reader() -> Any:
    return compiled.make_reader(speedups.Reader)


def document(*meetings: str) -> bytes:
    return (PREFIX + ",".join(meetings) + "]}").encode()


def outcome(data: bytes | str) -> tuple[str, object]:
    """What loads gives: the registry's meetings, or the error's type and message."""
    try:
        return "read", list(serialize.loads(data, MeetingRegistry, max_size=None))
    except InvalidDataError as error:
        return type(error).__name__, str(error)


def both(data: bytes | str) -> tuple[str, object]:
    """The outcome with the compiled reader, checked equal to the pure reader's."""
    found = outcome(data)
    with COMPILED.disabled():
        assert outcome(data) == found
    return found


def accepted(data: bytes | str) -> bool:
    """Whether the compiled reader reads the array itself (else it declines)."""
    return reader()(data, START) is not None


def test_the_reader_is_made_and_used() -> None:
    assert speedups.API == compiled.API
    assert compiled.compiled_reader() is not None


def test_the_embedded_data_is_read_as_the_pure_reader_reads_it() -> None:
    registry = load_default().meetings
    with COMPILED.disabled():
        data = serialize.dumpb(registry)
    meetings, end = reader()(data, START)
    assert meetings == list(registry)
    assert data[end:] == b"}"
    assert both(data) == ("read", list(registry))


@given(tst.hostile_registries())
def test_any_registry_written_is_read_back_by_the_reader_itself(registry: MeetingRegistry) -> None:
    with COMPILED.disabled():
        data = serialize.dumpb(registry)
    found = reader()(data, START)
    big = any(m.ordinal is not None and abs(m.ordinal) >= 10**18 for m in registry)
    assert found is not None or big
    if found is not None:
        assert found[0] == list(registry)
        assert found[1] == len(data) - 1
        check_tracking(found[0])
    assert both(data) == ("read", list(registry))
    if data.isascii():
        assert both(data.decode()) == ("read", list(registry))


_BYTES = st.sampled_from(
    [
        *b'{}[]",:\\ 0123456789-+.eEnultrfasbu/',
        0x00,
        0x1F,
        0x7F,
        0x80,
        0xC3,
        0xA9,
        0xED,
        0xA0,
        0xFF,
    ]
)
_PIECES = st.sampled_from(
    [
        b"\\u00e9",
        b"\\ud800",
        b"\\ud83d\\ude00",
        b"\\n",
        b"\\/",
        b"\\x",
        b'"x":1',
        b'"note":null',
        b"null",
        b"true",
        b"false",
        b"-0",
        b"01",
        b"1.5",
        b"1e3",
        b"12345678901234567890",
        b"2024-02-29",
        b"2023-02-29",
        b"0000-01-01",
        b"2024-13",
        b"\xc3\xa9",
        b"\xed\xa0\x80",
        b"{}",
        b"[]",
    ]
)


_EDITS = st.lists(
    st.tuples(st.sampled_from("rid"), st.integers(0), _PIECES | _BYTES.map(lambda b: bytes([b]))),
    min_size=1,
    max_size=3,
)


@given(tst.hostile_registries(max_size=3), _EDITS)
def test_changed_documents_are_read_or_refused_as_the_pure_reader_does(
    registry: MeetingRegistry, edits: list[tuple[str, int, bytes]]
) -> None:
    """Bytes replaced, inserted or removed anywhere: the same registry or the same error."""
    with COMPILED.disabled():
        text = bytearray(serialize.dumpb(registry))
    for op, where, piece in edits:
        at = START + where % max(1, len(text) - START)
        if op == "r":
            text[at : at + len(piece)] = piece
        elif op == "i":
            text[at:at] = piece
        else:
            del text[at : at + len(piece)]
    both(bytes(text))
    if text.isascii():
        both(text.decode())


PARTICIPANTS = '[{"party":"AZ"},{"party":"KZ","role":"host"}]'
PLACE = '"place":{"city":"Samarkand","country":"UZ"}'
SOURCES = '["https://example.org/s"]'
ALTERNATIVE = '{"field":"title","value":"u","sources":["https://example.org/a"]}'


def changed(old: str, new: str) -> bytes:
    assert old in ONE
    return document(ONE.replace(old, new, 1))


def after_start(text: str) -> bytes:
    """The meeting with ``text`` (keys and values) where the fields after ``start`` go."""
    return changed('"start":"2022-10-11"', '"start":"2022-10-11",' + text)


def before_sources(text: str) -> bytes:
    return changed('"sources"', text + ',"sources"')


def after_sources(text: str) -> bytes:
    return changed(SOURCES + "}", SOURCES + "," + text + "}")


@pytest.mark.parametrize(
    ("data", "itself"),
    [
        (document(ONE), True),
        (document(), True),
        (document(ONE, ONE.replace('"m"', '"n"')), True),
        (changed('"t"', r'"a\n\"\\\/\b\f\r\t\u00e9\u20AC\u0000"'), True),
        (changed('"t"', '"\u00e9\u20ac\U0001f600"'), True),  # UTF-8 of every width
        (changed('"t"', r'"\ud83d\ude00"'), False),  # escaped surrogates: the pure reader's
        (changed('"t"', r'"\ud800"'), False),
        (changed('"t"', r'"\udfff"'), False),
        (changed('"t"', r'"\ud7ff\ue000"'), True),
        (changed('"t"', r'"\x"'), False),
        (changed('"t"', r'"\u00"'), False),
        (changed('"t"', r'"\u00g0"'), False),
        (changed('"t"', r'"\u00G0"'), False),
        (changed('"t"', r'"\u00@0"'), False),
        (changed('"t"', r'"\u00`0"'), False),
        (changed('"t"', r'"\uFfFf"'), True),
        (changed('"t"', r'"\u0041\u07ff\u0800"'), True),
        (changed('"t"', '"' + "\\n" * 200 + "x" * 100 + '"'), True),  # past the small buffer
        (changed('"t"', '"a\tb"'), False),  # a control character unescaped
        (changed('"t"', '"a\x1fb"'), False),
        (changed('"t"', '"a\x20b"'), True),
        (changed('"t"', "null"), False),
        (changed('"t"', "1"), False),
        (after_start('"ordinal":1'), True),
        (after_start('"ordinal":-0'), False),  # read, then refused by the model's check
        (after_start('"ordinal":0'), False),
        (after_start('"ordinal":-5'), False),
        (after_start('"ordinal":123456789012345678'), True),
        (after_start('"ordinal":1234567890123456789'), False),  # more digits
        (after_start('"ordinal":01'), False),
        (after_start('"ordinal":1.0'), False),
        (after_start('"ordinal":1e3'), False),
        (after_start('"ordinal":1E3'), False),
        (after_start('"ordinal":-'), False),
        (after_start('"ordinal":true'), False),
        (after_start('"ordinal":null'), True),
        (after_start('"ordinal":"1"'), False),
        (after_start('"end":null'), True),
        (after_start('"end":nul'), False),
        (after_start('"end":"2022-10-12"'), True),
        (after_start('"end":"2022-10"'), True),
        (after_start('"end":"2022-10-10"'), False),  # before the start: the model's check
        (changed('"2022-10-11"', '"2024-02-29"'), True),
        (changed('"2022-10-11"', '"2000-02-29"'), True),
        (changed('"2022-10-11"', '"1900-02-29"'), False),
        (changed('"2022-10-11"', '"2023-02-29"'), False),
        (changed('"2022-10-11"', '"2023-02-28"'), True),
        (changed('"2022-10-11"', '"2023-04-31"'), False),
        (changed('"2022-10-11"', '"2023-04-30"'), True),
        (changed('"2022-10-11"', '"2023-12-31"'), True),
        (changed('"2022-10-11"', '"2023-12-32"'), False),
        (changed('"2022-10-11"', '"2023-13-01"'), False),
        (changed('"2022-10-11"', '"2023-00-01"'), False),
        (changed('"2022-10-11"', '"2023-01-00"'), False),
        (changed('"2022-10-11"', '"0000-01-01"'), False),
        (changed('"2022-10-11"', '"0001-01-01"'), True),
        (changed('"2022-10-11"', '"9999-12-31"'), True),
        (changed('"2022-10-11"', '"2023-1a-01"'), False),
        (changed('"2022-10-11"', '"2023-01-0:"'), False),
        (changed('"2022-10-11"', '"202/-01-01"'), False),
        (changed('"2022-10-11"', '"2023/01/01"'), False),
        (changed('"2022-10-11"', '"2023-01/01"'), False),
        (changed('"2022-10-11"', '"2022"'), True),  # made by turkicorg's own function
        (changed('"2022-10-11"', '"2022-10-1"'), False),
        (changed('"2022-10-11"', '"2022-10-111"'), False),
        (changed('"2022-10-11"', '"\u0662022-10-11"'), False),  # a digit that is not ASCII
        (changed('"2022-10-11"', "null"), False),
        (changed('"CHS"', '"XX"'), False),
        (changed('"CHS"', "1"), False),
        (changed('"CHS"', "null"), False),
        (changed('"regular"', "null"), False),
        (changed('"regular"', '"Regular"'), False),
        (changed('"id":"m",', ""), False),  # a required key missing
        (changed('"id":"m",', '"id":"m","id":"m",'), False),  # repeated
        (changed('"id":"m","body":"CHS",', '"body":"CHS","id":"m",'), False),  # another order
        (changed('"id"', r'"i\u0064"'), False),  # an escaped key
        (changed('"id"', '"nope"'), False),
        (changed('"id"', '"i"'), False),
        (changed('"id"', '"idd"'), False),
        (changed('"id":', '"id":'), True),
        (changed('"id":', '"id" :'), False),  # white space
        (changed('"id":', '"id";'), False),
        (changed(",", ", "), False),
        (changed(",", ";"), False),
        (changed("{", "["), False),
        (changed(PLACE, '"place":null'), True),
        (changed(PLACE, '"place":{}'), True),
        (changed('"city":"Samarkand"', '"city":"Samarkand","venue":null'), True),
        (changed('"city":"Samarkand"', '"city":1'), False),
        (changed('"city":"Samarkand"', '"city":["x"]'), False),
        (changed('"city":"Samarkand"', '"city":[["x"]]'), False),
        (changed('"city":"Samarkand"', '"city":{"a":"b"}'), False),
        (changed('"city":"Samarkand"', '"city":true'), False),
        (changed('"city":"Samarkand"', '"city":' + "[" * 1_000_000), False),  # no recursion
        (changed('"city":"Samarkand"', '"city":["x",' + "[" * 100_000), False),
        (before_sources('"topics":' + "[" * 100_000), False),
        (changed('"city":"Samarkand"', '"city":"Samarkand","city":"Baku"'), False),
        (changed('"city":"Samarkand"', '"town":"Samarkand"'), False),
        (changed('"city":"Samarkand"', '"city"="Samarkand"'), False),
        (changed('"city":"Samarkand"', '"city":"Samarkand";"x":1'), False),
        (changed('"country":"UZ"}', '"country":"UZ"'), False),
        (changed('"place":{', '"place":['), False),
        (changed(PLACE, '"place":"x"'), False),
        (changed(PLACE, '"place":{"city":"a\\"}"}'), True),  # a brace inside its text
        (changed('"participants":[{"party":"AZ"},', '"participants":['), True),
        (changed('{"party":"AZ"},', '{"party":"AZ"},{"party":"AZ"},'), True),
        (changed('{"party":"AZ"},', ""), True),
        (changed(PARTICIPANTS, "[]"), True),
        (changed(PARTICIPANTS, '[{"party":"AZ"}'), False),
        (changed(PARTICIPANTS, '[{"party":"AZ"}]]'), False),
        (changed(PARTICIPANTS, '[{"party":"AZ"},]'), False),
        (changed(PARTICIPANTS, '[{"party":"AZ"};{"party":"KZ"}]'), False),
        (changed(PARTICIPANTS, '["AZ"]'), False),
        (changed(PARTICIPANTS, "{}"), False),
        (changed(PARTICIPANTS, '[{"party":"a\\"}"}]'), True),
        (changed(PARTICIPANTS, '[{"party":"AZ","role":["a",["b"]]}]'), False),
        (changed('{"party":"AZ"}', '{"party":"AZ","nope":1}'), False),
        (changed('{"party":"AZ"}', '{"party":"A}'), False),
        (changed('{"party":"AZ"}', '{"party":"AZ"'), False),
        (changed('{"party":"AZ"}', '{"party":"AZ" }'), False),
        (changed('{"party":"AZ"}', "{}"), False),
        (changed('{"party":"AZ"}', '{"party":"AZ",}'), False),
        (changed('{"party":"AZ"}', '{"city":"Samarkand","country":"UZ"}'), False),  # a place
        (changed('{"party":"AZ"}', '{,"party":"AZ"}'), False),
        (changed(SOURCES, '["https://example.org/s","https://example.org/t"]'), True),
        (changed(SOURCES, "[]"), False),  # no source: the model's check
        (changed(SOURCES, '["https://example.org/s",1]'), False),
        (changed(SOURCES, '["https://example.org/s";"x"]'), False),
        (changed(SOURCES, '"https://example.org/s"'), False),
        (changed(SOURCES, '["ftp://x"]'), False),
        (before_sources('"topics":["a","b"]'), True),
        (before_sources('"topics":[]'), True),
        (after_sources('"alternatives":[]'), True),
        (after_sources(f'"alternatives":[{ALTERNATIVE}]'), True),
        (after_sources(f'"alternatives":[{ALTERNATIVE},{ALTERNATIVE}]'), True),
        (after_sources('"alternatives":[{"field":"title","value":"u","sources":[]}]'), False),
        (after_sources(f'"alternatives":[{ALTERNATIVE}'), False),
        (after_sources('"alternatives":["x"]'), False),
        (after_sources('"alternatives":{}'), False),
        (before_sources('"status":"cancelled","confidence":"low"'), True),
        (after_sources('"note":"n"'), True),
        (after_sources('"note":"n","status":"cancelled"'), False),  # out of order
        (document(ONE)[:-1], True),  # the array ends, the document does not: refused after
        (document(ONE)[:-2], False),
        (document(ONE)[:-30], False),
        (document(ONE) + b"\n", True),
        (document(ONE) + b"\r\n", True),
        (document(ONE) + b"\n\n", True),  # the reader reads it; the text after it is refused
        (document(ONE) + b"x", True),
        (document(ONE).replace(b"]}", b"}"), False),
        (document(ONE).replace(b"]}", b",]}"), False),
        (document(ONE).replace(b"]}", b" ]}"), False),
        (document(ONE, ONE), True),  # a duplicate id: the registry's check, as the pure path
        (document(ONE).replace(b"[{", b"[ {"), False),
        (document(ONE).replace(b"[{", b"[1,{"), False),
        (document(ONE).replace(b"[{", b"[[],{"), False),
        (document(ONE).replace(b'"t"', b'"\xc3\xa9"'), True),
        (document(ONE).replace(b'"t"', b'"\xc3"'), False),  # not UTF-8
        (document(ONE).replace(b'"t"', b'"\xed\xa0\x80"'), False),  # a surrogate's bytes
        (document(ONE).replace(b'"t"', b'"\xff"'), False),
        (document(ONE).replace(b'"t"', b'"\x7f"'), True),
        (document(ONE).replace(b"{", b"\xc3\xa9", 2), False),
        (document("{}"), False),
        (PREFIX.encode(), False),
    ],
)
def test_what_the_reader_reads_itself_and_what_it_leaves(data: bytes, itself: bool) -> None:
    assert accepted(data) is itself
    both(data)
    if data.isascii():
        assert accepted(data.decode()) is itself
        both(data.decode())


def test_equal_dates_places_and_participants_are_one_object_as_in_the_pure_reader() -> None:
    second = ONE.replace('"m"', '"n"').replace('"KZ","role":"host"', '"KZ"')
    data = document(ONE, second, ONE.replace('"m"', '"p"').replace("2022-10-11", "2022"))
    first, other, third = reader()(data, START)[0]
    assert other.start is first.start
    assert third.start is not first.start
    assert other.place is first.place
    assert other.participants[0] is first.participants[0]
    assert other.participants[1] == Participant(party="KZ") != first.participants[1]
    with COMPILED.disabled():
        pure = list(serialize.loads(data, MeetingRegistry))
    assert list(MeetingRegistry([first, other, third])) == pure


def test_a_place_written_with_escapes_is_the_same_place() -> None:
    escaped = ONE.replace('"m"', '"n"').replace("Samarkand", r"Samark\u0061nd")
    first, other = reader()(document(ONE, escaped), START)[0]
    assert other.place == first.place == Place(city="Samarkand", country="UZ")
    assert other.place is first.place  # turkicorg's cache keeps one


@pytest.mark.parametrize(
    ("old", "new", "itself"),
    [
        ('"CHS"', r'"\u0043HS"', True),  # an escaped choice: read from its text
        ('"regular"', r'"r\u0065gular"', True),
        ('"CHS"', '"CHX"', False),  # no choice: the pure reader reports it
        ('"CHS"', '"CH"', False),
        ('"CHS"', '"CHSS"', False),
        ('"CHS"', '"chs"', False),
        ('"CHS"', '"CH\x01"', False),  # a control character
        ('"CHS"', '""', False),
        ('"CHS"', "null", False),
        ('"2022-10-11"', r'"2022\u002d10-11"', True),  # an escaped date
        ('"2022-10-11"', '"2022-10-1\x01"', False),
    ],
)
def test_choices_and_dates_read_from_their_text_or_as_strings(
    old: str, new: str, itself: bool
) -> None:
    """Choices and dates are looked up by the text between their quotes; one with an escape
    is read as a string first, as before; either way the pure reader's meeting or a decline."""
    data = changed(old, new)
    assert accepted(data) is itself
    both(data)
    if data.isascii():
        assert accepted(data.decode()) is itself
        both(data.decode())


@pytest.mark.parametrize("key", ['"body":"CH', '"kind":"regu', '"start":"2022-1', '"start":"'])
def test_a_text_that_ends_inside_a_choice_or_a_date_declines(key: str) -> None:
    data = document(ONE)
    cut = data[: data.index(key.encode()) + len(key)]
    assert reader()(cut, START) is None
    assert reader()(cut.decode(), START) is None


def test_a_date_escaped_once_and_plain_once_is_one_object() -> None:
    escaped = ONE.replace('"m"', '"n"').replace("2022-10-11", r"2022\u002d10-11")
    plain = ONE.replace('"m"', '"p"')
    for data in (document(ONE, escaped, plain), document(ONE, escaped, plain).decode()):
        first, second, third = reader()(data, START)[0]
        assert first.start is second.start is third.start
    month = ONE.replace("2022-10-11", "2022-10")  # made by turkicorg's read_date
    first, second = reader()(document(month, month.replace('"m"', '"n"')), START)[0]
    assert first.start is second.start
    assert not gc.is_tracked(first.start)


def test_many_distinct_texts_are_kept_and_shared() -> None:
    """Hundreds of distinct dates, places and participants (the per-call tables grow many
    times), each repeated: one object per distinct text, and the pure reader's meetings."""
    meetings = []
    for i in range(600):
        k = i % 300
        day = f"{1950 + k // 12:04d}-{k % 12 + 1:02d}-{k % 28 + 1:02d}"
        meetings.append(
            ONE.replace('"m"', f'"m{i:04d}"')
            .replace("2022-10-11", day)
            .replace("Samarkand", f"City {k}")
            .replace('"AZ"', f'"P{k}"')
        )
    data = document(*meetings)
    found = reader()(data, START)
    assert found is not None
    read = found[0]
    for i in range(300):
        first, again = read[i], read[i + 300]
        assert again.start is first.start
        assert again.place is first.place
        assert again.participants[0] is first.participants[0]
        assert again.participants[1] is first.participants[1]  # {"party":"KZ",...} everywhere
    assert len({id(m.start) for m in read}) == 300
    assert len({id(m.place) for m in read}) == 300
    both(data)
    assert reader()(data.decode(), START)[0] == read


def test_short_texts_are_one_str_in_a_call() -> None:
    """Texts of at most 8 bytes (a party's id, a series, a topic) are made once a call and
    shared; longer ones, and escaped ones, are made each time; all equal the pure reader's."""
    one = (
        ONE.replace('"place"', '"series":"s1","place"')
        .replace('"participants"', '"host":"UZ","chair":"AZ","participants"')
        .replace('"sources"', '"topics":["trade","transport","UZ","security","Türk"],"sources"')
    )
    other = one.replace('"m"', '"n"').replace('"AZ"', r'"\u0041Z"', 1)
    ascii_text = document(one, other).decode().replace("Türk", "Turk")
    for data in (document(one, other), ascii_text):
        first, second = reader()(data, START)[0]
        assert second.series is first.series
        assert second.host is first.host is first.topics[2]
        assert second.topics[0] is first.topics[0]
        assert second.topics[1] is not first.topics[1]  # 9 bytes: made each time
        assert second.topics[1] == first.topics[1] == "transport"
        assert second.topics[3] is first.topics[3]  # 8 bytes: the longest shared
        assert second.topics[4] is first.topics[4]  # 5 bytes of UTF-8
        assert second.chair == first.chair == "AZ"
        both(data)


def text_slot(text: bytes, mask: int) -> int:
    """The slot of the reader's tables where a JSON text goes first (FNV-1a, folded)."""
    h = 14695981039346656037
    for byte in text:
        h = ((h ^ byte) * 1099511628211) % 2**64
    return (h ^ (h >> 32)) & mask


def test_texts_made_to_collide_are_read_and_shared_all_the_same() -> None:
    """Forty participants whose texts go to one slot of the reader's 128-entry table: past
    its 32 probes the table keeps no more, and the dicts behind it still share each one."""
    texts = []
    k = 0
    while len(texts) < 40:
        text = f'{{"party":"P{k}"}}'
        if text_slot(text.encode(), 127) == 5:
            texts.append(text)
        k += 1
    meetings = [
        ONE.replace('"m"', f'"m{i:03d}"').replace('{"party":"AZ"}', texts[i % 40])
        for i in range(80)
    ]
    data = document(*meetings)
    found = reader()(data, START)
    assert found is not None
    read = found[0]
    for i in range(40):
        assert read[i + 40].participants[0] is read[i].participants[0]
        assert read[i].participants[0] == Participant(party=texts[i][10:-2])
    both(data)


def test_choices_the_reader_cannot_compare_as_text_are_looked_up_as_strings() -> None:
    """More choices than the reader compares as text, or a value that is not a str or not
    UTF-8: the reader looks every value up in its copy of the dict instead."""
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    many = [
        (name, code, req, default, {**choices, **{f"x{i}": default for i in range(40)}})
        if choices is not None
        else (name, code, req, default, choices)
        for name, code, req, default, choices in rows
    ]

    def extra(key: object) -> list[Any]:
        return [
            (name, code, req, default, {**choices, key: default})
            if choices is not None
            else (name, code, req, default, choices)
            for name, code, req, default, choices in rows
        ]

    class Code(str):
        """A str of a class of its own: equal to the text, not a str itself."""

    for layout in (many, extra(1), extra("\ud800"), extra(Code("zz"))):
        read = speedups.Reader(**spec(meeting=(cls, tuple(layout))))
        found = read(document(ONE), START)
        assert found is not None
        assert found[0] == reader()(document(ONE), START)[0]
        assert read(changed('"CHS"', r'"\u0043HS"'), START) is not None
        assert read(changed('"CHS"', '"CHX"'), START) is None


class BoomError(Exception):
    """An error no reader declines."""


def raising(error: type[BaseException]) -> Any:
    def call(*arguments: object) -> Any:
        raise error("from a helper")

    return call


@pytest.mark.parametrize(
    ("helper", "where"),
    [
        ("read_date", after_start('"end":"2023"')),
        ("place", document(ONE)),
        ("participant", document(ONE)),
        ("alternatives", after_sources(f'"alternatives":[{ALTERNATIVE}]')),
        ("post_init", document(ONE)),
    ],
)
def test_an_error_of_a_helper_declines_or_propagates_as_in_the_pure_reader(
    helper: str, where: bytes
) -> None:
    """A decline (``declines``) is None; any other error reaches the caller."""
    assert speedups.Reader(**spec(**{helper: raising(ValueError)}))(where, START) is None
    with pytest.raises(BoomError, match="from a helper"):
        speedups.Reader(**spec(**{helper: raising(BoomError)}))(where, START)
    assert speedups.Reader(**spec())(where, START) is not None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"t"', b'"\xc3"'),  # a title
        (b'"CHS"', b'"CH\xff"'),  # a choice
        (b'"CHS"', b'"\xed\xa0\x80"'),  # a choice: a surrogate's UTF-8
        (b'"2022-10-11"', b'"2022-10-1\xc3"'),  # a date
    ],
)
def test_bytes_that_are_not_utf8_raise_a_value_error_which_turkicorg_declines(
    old: bytes, new: bytes
) -> None:
    data = document(ONE).replace(old, new, 1)
    assert data != document(ONE)
    assert reader()(data, START) is None
    with pytest.raises(UnicodeDecodeError):
        speedups.Reader(**spec(declines=()))(data, START)
    both(data)


def test_a_choice_beyond_ascii_is_compared_as_utf8() -> None:
    """A choice that is not a choice but UTF-8 declines; a choice written beyond ASCII (a
    layout of one's own) is found by its UTF-8 bytes, escaped or not."""
    assert reader()(changed('"CHS"', r'"CH\u00e9"'), START) is None
    assert reader()(changed('"CHS"', '"CH\u00e9"'), START) is None
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    chs = dict(rows[1][4])["CHS"]
    layout = tuple(
        (name, code, req, default, {"\u00e9": chs, "\u00c7HS": chs} if name == "body" else choices)
        for name, code, req, default, choices in rows
    )
    read = speedups.Reader(**spec(meeting=(cls, layout)))
    for body in ('"\u00e9"', '"\u00c7HS"', r'"\u00e9"', r'"\u00c7HS"'):
        found = read(changed('"CHS"', body), START)
        assert found is not None, body
        assert found[0][0].body is chs
    assert read(changed('"CHS"', '"CHS"'), START) is None  # not among this layout's choices


@pytest.mark.parametrize(
    "day",
    [
        "2024-02-29",
        "2000-02-29",
        "2023-02-28",
        "2023-04-30",
        "2023-12-31",
        "0001-01-01",
        "9999-12-31",
    ],
)
def test_a_day_that_exists_is_made_by_the_reader_itself(day: str) -> None:
    """Only other dates go to turkicorg's ``read_date`` (which this reader's raises)."""
    read = speedups.Reader(**spec(read_date=raising(BoomError)))
    (meeting,), _ = read(changed("2022-10-11", day), START)
    assert str(meeting.start) == day
    assert type(meeting.start.year) is int
    assert meeting.start == PartialDate.parse(day)


@pytest.mark.parametrize("day", ["1900-02-29", "2023-02-29", "2100-02-29", "2023-04-31", "2022"])
def test_other_dates_are_left_to_turkicorgs_function(day: str) -> None:
    with pytest.raises(BoomError):
        speedups.Reader(**spec(read_date=raising(BoomError)))(changed("2022-10-11", day), START)


def test_a_required_key_missing_declines_before_any_check_of_the_model() -> None:
    read = speedups.Reader(**spec(post_init=None))
    for pair in ('"id":"m",', '"body":"CHS",', '"kind":"regular",', '"title":"t",'):
        assert read(changed(pair, ""), START) is None
    assert read(changed('"start":"2022-10-11",', ""), START) is None
    assert read(document(ONE), START) is not None


def test_a_nested_object_is_checked_for_json_it_does_not_read_before_it_is_made() -> None:
    """An array in an array, ``true``: declined before turkicorg's function is called."""
    read = speedups.Reader(**spec(place=raising(BoomError)))
    for value in ('[["x"]]', '["x",["y"]]', "true", "1.5", '{"a":"b"}'):
        assert read(changed('"city":"Samarkand"', f'"city":{value}'), START) is None
    with pytest.raises(BoomError):
        read(changed('"city":"Samarkand"', '"city":["x",1,null,"y"]'), START)


def test_text_that_is_not_ascii_is_not_read_as_bytes() -> None:
    """A str of one byte a character beyond ASCII ("\u00c3\u00a9") is not UTF-8 to decode."""
    text = document(ONE).decode().replace('"t"', '"\u00c3\u00a9"')
    assert reader()(text, START) is None
    assert both(text)[0] == "read"


def test_without_a_post_init_nothing_is_checked_after_the_slots_are_set() -> None:
    no_sources = changed(SOURCES, "[]")
    assert reader()(no_sources, START) is None
    (meeting,), _ = speedups.Reader(**spec(post_init=None))(no_sources, START)
    assert meeting.sources == ()


def test_absent_keys_take_their_defaults() -> None:
    (meeting,), _ = reader()(document(ONE), START)
    for field in MEETING_FIELDS:
        if not field.required and field.name not in ONE:
            assert getattr(meeting, field.name) == field.default


def test_the_reader_checks_its_arguments() -> None:
    read = reader()
    with pytest.raises(TypeError):
        read(bytearray(document(ONE)), START)
    with pytest.raises(TypeError):
        read(document(ONE))
    with pytest.raises(TypeError, match="no keyword arguments"):
        read(document(ONE), START, extra=1)
    assert read(document(ONE), START) is not None
    for start in (-1, len(document(ONE)) + 1):
        with pytest.raises(ValueError, match="outside the text"):
            read(document(ONE), start)
    assert read(document(ONE), len(document(ONE))) is None
    assert read(document(ONE).decode(), START) is not None
    assert read(document(ONE).decode().replace('"t"', '"\u00e9"'), START) is None


def test_the_reader_refuses_a_layout_it_cannot_read() -> None:
    speedups.Reader(**spec())  # the real layout is accepted
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    body = next(i for i, row in enumerate(rows) if row[0] == "body")

    def with_row(index: int, row: Any) -> Any:
        return (cls, (*rows[:index], row, *rows[index + 1 :]))

    bad: list[tuple[dict[str, Any], type[Exception]]] = [
        ({"meeting": (cls, rows * 3)}, ValueError),  # too many fields
        ({"meeting": (cls, [*rows])}, TypeError),
        ({"meeting": ("Meeting", rows)}, TypeError),
        ({"meeting": (cls,)}, TypeError),
        ({"meeting": (cls, (*rows, ["x", 0, True, None, None]))}, TypeError),
        ({"meeting": with_row(0, ("id", 10, True, None, None))}, ValueError),
        ({"meeting": with_row(0, ("id", -1, True, None, None))}, ValueError),
        ({"meeting": with_row(0, ("id", 0, True, None, {}))}, TypeError),
        ({"meeting": with_row(body, ("body", 3, True, None, None))}, TypeError),
        ({"meeting": with_row(body, ("body", 3, True, None, [("CHS", 1)]))}, TypeError),
        ({"meeting": with_row(0, ("nope", 0, True, None, None))}, AttributeError),
        ({"meeting": with_row(0, ("span", 0, True, None, None))}, TypeError),  # not a slot
        ({"meeting": with_row(0, ("\ud800", 0, True, None, None))}, AttributeError),
        ({"meeting": with_row(0, (1, 0, True, None, None))}, TypeError),
        ({"meeting": with_row(1, ("id", 0, True, None, None))}, ValueError),  # a slot twice
        ({"date": Place}, AttributeError),
        ({"date": 1}, TypeError),
        ({"read_date": 1}, TypeError),
        ({"place": None}, TypeError),
        ({"participant": "x"}, TypeError),
        ({"alternatives": 1}, TypeError),
        ({"post_init": 1}, TypeError),
    ]
    for changes, error in bad:
        with pytest.raises(error):
            speedups.Reader(**spec(**changes))
    with pytest.raises(TypeError):
        speedups.Reader()


def test_a_reader_made_with_fewer_fields_reads_only_those() -> None:
    """The layout decides: a reader knowing only the required fields declines the others."""
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    required = tuple(row for row in rows if row[2])
    read = speedups.Reader(**spec(meeting=(cls, required), post_init=None))
    (meeting,), _ = read(
        document('{"id":"m","body":"CHS","kind":"regular","title":"t","start":"2022"}'), START
    )
    assert meeting.id == "m"
    assert read(document(ONE), START) is None  # "place" is not a field it knows


def test_the_reader_keeps_its_own_copy_of_the_choices() -> None:
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    read = speedups.Reader(**spec(meeting=(cls, rows)))
    for row in rows:
        if row[4] is not None:
            row[4].clear()
    assert read(document(ONE), START) is not None


def parts(meeting: Meeting) -> list[object]:
    """The objects the reader makes for a meeting besides the meeting: its dates, its place,
    its tuples, and the participants and alternatives (with their sources) in them."""
    found: list[object] = [meeting.start, meeting.end, meeting.place]
    found += [meeting.participants, *meeting.participants, meeting.topics, meeting.sources]
    found.append(meeting.alternatives)
    for alternative in meeting.alternatives:
        found += [alternative, alternative.sources]
    return [part for part in found if part is not None]


def holds_nothing_tracked(obj: object) -> bool:
    """Nothing the object refers to, its own class aside, is tracked by the collector."""
    return not any(gc.is_tracked(ref) for ref in gc.get_referents(obj) if ref is not type(obj))


def check_tracking(meetings: list[Meeting]) -> None:
    """Every meeting is tracked; everything else the reader made for it is not, and holds
    nothing tracked (so no reference cycle runs through it)."""
    for meeting in meetings:
        assert gc.is_tracked(meeting)
        for part in parts(meeting):
            assert not gc.is_tracked(part), part
            assert holds_nothing_tracked(part), part


def test_what_holds_only_text_and_numbers_starts_untracked() -> None:
    """Dates, places, participants, alternatives and their tuples hold only text, numbers
    and one another: the reader leaves them untracked by the collector, as the collector's
    first pass leaves a tuple of such values (and msgspec its structs). Meetings, which hold
    enumeration members, stay tracked."""
    data = before_sources('"topics":["a","b"]')
    (meeting,), _ = reader()(data, START)
    assert meeting.place is not None
    assert meeting.participants
    check_tracking([meeting])
    with COMPILED.disabled():
        (pure,) = serialize.loads(data, MeetingRegistry)
    assert gc.is_tracked(pure.start)  # the pure reader leaves them tracked
    assert gc.is_tracked(pure.participants)
    assert gc.is_tracked(pure)
    gc.collect()
    assert not gc.is_tracked(pure.sources)  # what the collector then does with a tuple of str
    assert gc.is_tracked(pure.participants)
    assert pure == meeting


def test_the_real_registry_read_is_tracked_only_where_it_must_be() -> None:
    """The embedded registry (partial dates, places, participants with roles, alternatives
    with sources): every part but the meetings untracked, every meeting tracked."""
    registry = load_default().meetings
    assert any(m.alternatives for m in registry)
    assert any(m.end is not None for m in registry)
    found = reader()(serialize.dumpb(registry), START)
    assert found is not None
    check_tracking(found[0])
    assert found[0] == list(registry)


class Holder:
    """An object that holds a list: the collector must keep tracking it."""

    def __init__(self) -> None:
        self.items: list[object] = []


def test_what_a_helper_returns_is_untracked_only_when_it_holds_nothing_tracked() -> None:
    """A place, a participant or a date the helpers return, or the tuple of alternatives,
    stays tracked when it holds a list; a tuple holding it stays tracked too."""
    holder = Holder()
    read = speedups.Reader(
        **spec(
            post_init=None,
            place=lambda pairs, cache, objects: holder,
            participant=lambda pairs, cache, objects: holder,
            read_date=lambda text, dates: dates.setdefault(text, Holder()),
        )
    )
    found = read(after_start('"end":"2023"'), START)
    assert found is not None
    (meeting,) = found[0]
    assert meeting.place is holder
    assert gc.is_tracked(holder)
    assert gc.is_tracked(meeting.participants)
    assert gc.is_tracked(meeting.end)
    listed = speedups.Reader(**spec(post_init=None, alternatives=lambda items, objects: [holder]))
    found = listed(after_sources(f'"alternatives":[{ALTERNATIVE}]'), START)
    assert found is not None
    assert found[0][0].alternatives == [holder]
    assert gc.is_tracked(found[0][0].alternatives)
    assert gc.is_tracked(holder)


def test_an_empty_dict_of_choices_reads_no_choice() -> None:
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    layout = tuple(
        (name, code, req, default, {} if name == "body" else choices)
        for name, code, req, default, choices in rows
    )
    assert speedups.Reader(**spec(meeting=(cls, layout)))(document(ONE), START) is None


def test_a_file_is_read_from_its_bytes(tmp_path: Any) -> None:
    """load of a path: the file's bytes, letters beyond ASCII too, as the pure reader reads."""
    registry = load_default().meetings
    path = tmp_path / "meetings.json"
    with COMPILED.disabled():
        serialize.dump(registry, path)
        pure = serialize.load(path, MeetingRegistry)
    assert not path.read_bytes().isascii()
    assert reader()(path.read_bytes(), START) is not None
    assert serialize.load(path, MeetingRegistry) == pure == registry


def test_the_model_checks_only_the_meetings_that_are_not_plain() -> None:
    """The quick check passes a plain meeting; ``__attrs_post_init__`` checks the others."""
    checked: list[str] = []

    def post_init(meeting: Meeting) -> None:
        checked.append(meeting.id)
        Meeting.__attrs_post_init__(meeting)

    plain = ONE.replace('"id":"m"', '"id":"plain"').replace(
        '"start":"2022-10-11"', '"start":"2022-10-11","end":"2022-10-12"'
    )
    query = ONE.replace('"id":"m"', '"id":"query"').replace("/s", "/s?q=1")
    blank = ONE.replace('"id":"m"', '"id":"blank"').replace('"t"', '" t"')
    read = speedups.Reader(**spec(post_init=post_init, plain=compiled.PLAIN_CHECK))
    meetings, _ = read(document(plain, query, blank), START)
    assert [m.id for m in meetings] == ["plain", "query", "blank"]
    assert checked == ["query", "blank"]
    checked.clear()
    speedups.Reader(**spec(post_init=post_init))(document(plain), START)
    assert checked == ["plain"]  # without the quick check, the model checks every meeting


def test_a_plain_meeting_with_a_problem_cannot_pass() -> None:
    """With the quick check on, the reader still leaves what the model refuses (the end before
    the start, no sources, an id in capitals) to the pure reader, which reports it."""
    for bad in (
        ONE.replace('"start":"2022-10-11"', '"start":"2022-10-11","end":"2022-10-10"'),
        ONE.replace('"sources":["https://example.org/s"]', '"sources":[]'),
        ONE.replace('"id":"m"', '"id":"M"'),
    ):
        assert both(document(bad))[0] == "InvalidDataError"
        assert reader()(document(bad), START) is None


def test_the_reader_refuses_a_quick_check_it_cannot_make() -> None:
    names, video, bilateral = compiled.PLAIN_CHECK
    swapped = (names[0], names[1], names[3], names[2], *names[4:])  # start and end
    bad: list[tuple[object, type[Exception]]] = [
        (1, TypeError),
        ((names, video), TypeError),
        ((list(names), video, bilateral), TypeError),
        ((names[:-1], video, bilateral), ValueError),
        ((swapped, video, bilateral), ValueError),  # a field not of the kind it expects
        (((*names[:-1], "nope"), video, bilateral), ValueError),
        (((*names[:-1], 1), video, bilateral), TypeError),
        (((*names[:-1], "\ud800"), video, bilateral), UnicodeEncodeError),
        (((names[0], names[0], *names[2:]), video, bilateral), ValueError),  # "id" twice
        ((names, bilateral, video), ValueError),  # the members swapped
        (((*names[:5], names[7], names[6], names[5], *names[8:]), video, bilateral), ValueError),
        ((names, video, None), ValueError),
    ]
    for plain, error in bad:
        with pytest.raises(error):
            speedups.Reader(**spec(plain=plain))
    speedups.Reader(**spec(plain=None))  # no quick check
    speedups.Reader(**spec(plain=compiled.PLAIN_CHECK))
    cls, rows = compiled.reader_layout(Meeting, MEETING_FIELDS)
    required = tuple(row for row in rows if row[2])
    with pytest.raises(ValueError, match="'end'"):
        speedups.Reader(**spec(meeting=(cls, required), plain=compiled.PLAIN_CHECK))


def test_the_quick_check_of_one_meeting_checks_its_argument() -> None:
    meeting = next(iter(load_default().meetings))
    assert isinstance(reader().plain(meeting), bool)
    with pytest.raises(ValueError, match="no quick check"):
        speedups.Reader(**spec()).plain(meeting)
    with pytest.raises(TypeError, match="expected"):
        reader().plain(object())
    unset = object.__new__(Meeting)
    with pytest.raises(AttributeError, match="not set"):
        reader().plain(unset)
