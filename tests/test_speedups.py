"""The optional compiled writer: found and switched as documented, and the pure writer's bytes.

The first part runs everywhere: a stand-in module (the pure writer and reader behind the
extension's interface) shows how :mod:`turkicorg.serialize.compiled` finds, uses and ignores
the extension. The second part runs where ``turkicorg-speedups`` is installed
(``python -m pip install ./speedups``; CI installs it in a step of its own): the extension's
bytes against the pure writer's, for any registry, and its declines. The compiled reader's
own tests are in ``test_speedups_reader.py``.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import sys
import types
import weakref
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from turkicorg import Meeting, MeetingRegistry, load_default, serialize
from turkicorg import strategies as tst
from turkicorg.cli.app import main as cli_main
from turkicorg.dates import PartialDate
from turkicorg.errors import InvalidDataError
from turkicorg.meetings import Format, Participant, Place
from turkicorg.serialize import compiled, fastdoc, fastread, fastvalues, fastwrite, fields
from turkicorg.serialize.common import Switch
from turkicorg.serialize.compiled import COMPILED
from turkicorg.serialize.fastread import FAST_PATH
from turkicorg.sourcing import Alternative

MEETING = Meeting(
    id="m",
    body="CHS",
    kind="regular",
    title="t",
    start="2022-10-11",
    place=Place(city="Samarkand", country="UZ"),
    participants=(Participant(party="AZ"), Participant(party="KZ", role="host")),
    sources=("https://example.org/s",),
)


def pure_json(meetings: Any) -> bytes | None:
    """The pure fast writer's meetings joined with commas, as the extension writes them."""
    parts = fastwrite.fast_meetings_json(meetings)
    return None if parts is None else ",".join(parts).encode()


def pure_dumpb(obj: object) -> bytes:
    with COMPILED.disabled():
        return serialize.dumpb(obj)


class FakeWriter:
    """The extension's interface, written with the pure writer; it records what it is given."""

    made: list[dict[str, Any]] = []  # noqa: RUF012 - the test reads what was made
    calls: list[tuple[Meeting, ...]] = []  # noqa: RUF012

    def __init__(self, **spec: Any) -> None:
        self.made.append(spec)

    def __call__(self, meetings: Any, head: bytes = b"", tail: bytes = b"") -> bytes | None:
        meetings = tuple(meetings)
        self.calls.append(meetings)
        body = pure_json(meetings)
        return None if body is None else head + body + tail


class FakeReader:
    """The extension's reader, made of the standard library's parser and the pure reader."""

    made: list[dict[str, Any]] = []  # noqa: RUF012 - the test reads what was made
    calls: list[int] = []  # noqa: RUF012

    def __init__(self, **spec: Any) -> None:
        self.made.append(spec)

    def __call__(self, data: bytes | str, start: int) -> tuple[list[Meeting], int] | None:
        self.calls.append(start)
        decoder = json.JSONDecoder(object_pairs_hook=tuple)
        try:  # bytes that are not UTF-8, malformed JSON: declined
            text = data.decode() if isinstance(data, bytes) else data
            items, end = decoder.raw_decode(text, start - 1)
        except ValueError:
            return None
        meetings = fastread.fast_meetings(items, pairs=True)
        return None if meetings is None else (list(meetings), end)


def forget() -> None:
    """The extension looked for again, and its writer and reader made again, on first use."""
    for cached in (compiled._module, compiled._writer, compiled._reader):
        cached.cache_clear()


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A stand-in extension installed (the writer made again on first use, and after)."""
    module = types.ModuleType(compiled.MODULE)
    module.API = compiled.API  # type: ignore[attr-defined]
    module.Writer = FakeWriter  # type: ignore[attr-defined]
    module.Reader = FakeReader  # type: ignore[attr-defined]
    FakeWriter.made, FakeWriter.calls = [], []
    FakeReader.made, FakeReader.calls = [], []
    monkeypatch.setitem(sys.modules, compiled.MODULE, module)
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)
    forget()
    yield module
    forget()


def test_the_stand_in_is_used_for_every_writer_of_meetings(fake: Any) -> None:
    """dumpb, dumps (registry and meeting) and JSON Lines take the extension's bytes."""
    ots = load_default()
    registry = ots.meetings
    assert serialize.speedups_in_use()
    expected = pure_dumpb(registry)
    assert serialize.dumpb(registry) == expected
    assert serialize.dumps(registry) == expected.decode()
    assert serialize.dumps(MEETING) == pure_dumpb(MEETING).decode()
    with COMPILED.disabled():
        lines = list(serialize.iter_dumps(registry))
    assert list(serialize.iter_dumps(registry)) == lines
    assert serialize.dumpb(MeetingRegistry()) == pure_dumpb(MeetingRegistry())
    assert len(FakeWriter.made) == 1  # made once
    assert FakeWriter.calls[0] == tuple(registry)
    assert (MEETING,) in FakeWriter.calls
    assert () in FakeWriter.calls  # the empty registry too
    assert len(FakeWriter.calls) == 4 + len(registry)


def test_the_stand_in_reads_registry_documents_given_as_bytes_or_ascii_text(fake: Any) -> None:
    """loads of bytes or ASCII text in the canonical layout takes the extension's meetings."""
    registry = load_default().meetings
    data = pure_dumpb(registry)
    assert serialize.loads(data, MeetingRegistry) == registry
    assert serialize.loads(data + b"\n", MeetingRegistry) == registry
    assert FakeReader.calls == [len(fastdoc.PREFIX)] * 2
    text = pure_dumpb(MeetingRegistry([MEETING])).decode()
    assert serialize.loads(text, MeetingRegistry) == MeetingRegistry([MEETING])
    assert FakeReader.calls == [len(fastdoc.PREFIX)] * 3
    assert len(FakeReader.made) == 1  # made once
    (spec,) = FakeReader.made
    made_cls, rows = spec["meeting"]
    assert made_cls is Meeting
    assert [row[0] for row in rows] == list(fields.MEETING_FIELD_NAMES)
    for row, field in zip(rows, fields.MEETING_FIELDS, strict=True):
        assert row[1] == compiled.KIND_CODES[field.kind]
        assert row[2] is field.required
        assert row[3] == (None if field.required else field.default)
        assert row[4] == (dict(field.choices) if field.kind is fields.Kind.CHOICE else None)
    assert spec["post_init"] is Meeting.__attrs_post_init__
    assert spec["date"] is PartialDate
    assert spec["read_date"] is fastvalues.read_date
    assert spec["place"] == fastvalues.PLACE.shared
    assert spec["participant"] == fastvalues.PARTICIPANT.shared
    assert spec["alternatives"] is fastvalues.read_alternatives
    assert spec["declines"] == fastread.SCAN_DECLINES


@pytest.mark.parametrize(
    "change",
    [
        lambda data: b"\xef\xbb\xbf" + data,  # a byte order mark before the document
        lambda data: b" " + data,  # white space before it
        lambda data: data.decode().replace('"t"', '"\u00e9"'),  # text that is not ASCII
        bytearray,  # neither bytes nor str
        memoryview,
    ],
)
def test_the_stand_in_is_not_asked_to_read_what_it_cannot(fake: Any, change: Any) -> None:
    """The pure reader reads these (the extension reads bytes and ASCII text in the layout)."""
    data = pure_dumpb(MeetingRegistry([MEETING]))
    found = serialize.loads(change(data), MeetingRegistry)
    assert found in (
        MeetingRegistry([MEETING]),
        MeetingRegistry([attrs.evolve(MEETING, title="\u00e9")]),
    )
    assert FakeReader.calls == []


def test_the_stand_in_reads_a_files_bytes(fake: Any, tmp_path: Any) -> None:
    """load of a path hands the extension the file's bytes, text beyond ASCII too."""
    registry = MeetingRegistry([attrs.evolve(MEETING, title="Türkiye")])
    path = tmp_path / "r.json"
    path.write_bytes(pure_dumpb(registry))
    assert serialize.load(path, MeetingRegistry) == registry
    assert FakeReader.calls == [len(fastdoc.PREFIX)]
    with path.open("rb") as stream:  # a stream is read by the pure reader
        assert serialize.load(stream, MeetingRegistry) == registry
    assert len(FakeReader.calls) == 1
    path.write_bytes(pure_dumpb(registry).replace("ü".encode(), b"\xfc"))
    with pytest.raises(InvalidDataError, match=r"r\.json is not UTF-8 text"):
        serialize.load(path, MeetingRegistry)
    assert FakeReader.calls == [len(fastdoc.PREFIX)] * 2  # asked, and declined


def test_the_stand_in_is_not_asked_past_max_size(fake: Any) -> None:
    data = pure_dumpb(MeetingRegistry([MEETING]))
    assert serialize.loads(data, MeetingRegistry, max_size=len(data)) == MeetingRegistry([MEETING])
    assert FakeReader.calls == [len(fastdoc.PREFIX)]
    with pytest.raises(InvalidDataError, match="larger than max_size"):
        serialize.loads(data, MeetingRegistry, max_size=len(data) - 1)
    assert len(FakeReader.calls) == 1


def test_what_the_stand_in_reads_is_checked_as_the_pure_reader_checks_it(fake: Any) -> None:
    """Text after the array declines; a duplicate id is reported as the pure path does."""
    twice = MeetingRegistry([MEETING]).meetings * 2
    data = pure_dumpb(MeetingRegistry([MEETING])).replace(b"]}", b"]}x")
    with pytest.raises(InvalidDataError) as found:
        serialize.loads(data, MeetingRegistry)
    with COMPILED.disabled(), pytest.raises(InvalidDataError) as pure:
        serialize.loads(data, MeetingRegistry)
    assert str(found.value) == str(pure.value)
    body = ",".join([pure_json([MEETING]).decode()] * 2)  # type: ignore[union-attr]
    data = (fastdoc.PREFIX + body + "]}").encode()
    with pytest.raises(InvalidDataError) as found:
        serialize.loads(data, MeetingRegistry)
    with COMPILED.disabled(), pytest.raises(InvalidDataError) as pure:
        serialize.loads(data, MeetingRegistry)
    assert str(found.value) == str(pure.value)
    assert "$.meetings[1].id" in str(found.value)
    assert len(FakeReader.calls) == 2
    assert len(twice) == 2


def test_a_declining_reader_leaves_the_pure_reader_to_read(fake: Any) -> None:
    fake.Reader = lambda **spec: lambda data, start: None
    registry = load_default().meetings
    assert serialize.loads(pure_dumpb(registry), MeetingRegistry) == registry


def test_info_says_which_writer_writes_json(fake: Any) -> None:
    out = io.StringIO()
    assert cli_main(["info"], out=out, err=io.StringIO()) == 0
    assert "JSON writer:    compiled (turkicorg-speedups)\n" in out.getvalue()
    assert "JSON reader:    compiled (turkicorg-speedups)\n" in out.getvalue()


def test_a_declining_stand_in_leaves_the_pure_writer_to_write(fake: Any) -> None:
    """None from the extension: the pure writer writes, and the bytes are the same."""
    fake.Writer = lambda **spec: lambda meetings, head=b"", tail=b"": None
    registry = load_default().meetings
    assert serialize.dumpb(registry) == pure_dumpb(registry)
    assert serialize.dumps(MEETING) == pure_dumpb(MEETING).decode()
    assert list(serialize.iter_dumps([MEETING]))[1] == serialize.dumps(MEETING)[61:-1] + "\n"


def test_the_writer_is_made_from_the_field_table(fake: Any) -> None:
    """The extension is handed every class's fields, in order, with their keys and choices."""
    serialize.dumpb(MeetingRegistry([MEETING]))
    (spec,) = FakeWriter.made
    assert spec["date"] is PartialDate
    assert spec["fails"] == fastwrite.FAILS == (TypeError, LookupError, AttributeError, ValueError)
    for name, cls, specs in (
        ("meeting", Meeting, fields.MEETING_FIELDS),
        ("place", Place, fields.field_specs(Place)),
        ("participant", Participant, fields.field_specs(Participant)),
        ("alternative", Alternative, fields.field_specs(Alternative)),
    ):
        made_cls, rows = spec[name]
        assert made_cls is cls
        assert [row[0] for row in rows] == [s.name for s in specs]
        for row, field in zip(rows, specs, strict=True):
            assert row[1] == json.dumps(field.name) + ":"
            assert row[2] == compiled.KIND_CODES[field.kind]
            assert row[3] is field.required
            assert row[4] == (None if field.required else field.default)
    meeting_rows = {row[0]: row for row in spec["meeting"][1]}
    assert meeting_rows["body"][5]["CHS"] == '"CHS"'
    assert meeting_rows["format"][4] is Format.IN_PERSON
    assert meeting_rows["format"][5] == {member: json.dumps(member.value) for member in Format}
    assert all(row[5] is None for row in meeting_rows.values() if row[2] != 3)
    assert sorted(compiled.KIND_CODES.values()) == list(range(10))  # the C constants


def test_a_kind_the_extension_does_not_write_is_refused() -> None:
    """A field of another kind (a model change) cannot be handed to the extension."""
    odd = attrs.evolve(fields.MEETING_FIELDS[0], kind=fields.Kind.OTHER)
    with pytest.raises(KeyError):
        compiled.layout(Meeting, (odd,))


@pytest.mark.parametrize(
    "setup",
    [
        "environment",
        "absent",
        "other_api",
        "refused",
        "unknown_kind",
        "no_fast_path",
    ],
)
def test_the_extension_is_ignored_when_it_must_be(
    fake: Any, monkeypatch: pytest.MonkeyPatch, setup: str
) -> None:
    """Ignored: TURKICORG_PURE_PYTHON set, not installed, another interface, a layout it
    refuses, a kind it does not write, a model the fast path does not apply to."""
    if setup == "environment":
        monkeypatch.setenv(compiled.PURE_ENV, "1")
    elif setup == "absent":
        monkeypatch.setitem(sys.modules, compiled.MODULE, None)  # import raises ImportError
    elif setup == "other_api":
        fake.API = compiled.API + 1
    elif setup == "refused":

        def refuse(**spec: Any) -> None:
            raise TypeError("'id' is not a slot")

        fake.Writer = fake.Reader = refuse
    elif setup == "unknown_kind":
        monkeypatch.delitem(compiled.KIND_CODES, fields.Kind.DATE)
    else:
        monkeypatch.setattr(FAST_PATH, "applies", False)
    assert not serialize.speedups_in_use()
    assert compiled.compiled_json([MEETING]) is None
    assert compiled.compiled_reader() is None
    data = pure_dumpb(MeetingRegistry([MEETING]))
    assert serialize.dumpb(MeetingRegistry([MEETING])) == data
    assert serialize.loads(data, MeetingRegistry) == MeetingRegistry([MEETING])
    assert FakeWriter.calls == []
    assert FakeReader.calls == []


def test_an_empty_environment_variable_does_not_ignore_it(
    fake: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.PURE_ENV, "")
    assert serialize.speedups_in_use()


def test_the_switches_turn_it_off_and_on(fake: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """``COMPILED.disabled()`` and a disabled fast path write without the extension."""
    registry = MeetingRegistry([MEETING])
    with COMPILED.disabled():
        assert not serialize.speedups_in_use()
        assert compiled.compiled_json(registry) is None
        assert compiled.compiled_reader() is None
        with COMPILED.disabled():
            pass
        assert not COMPILED.enabled
    assert COMPILED.enabled
    assert serialize.speedups_in_use()
    monkeypatch.setattr(FAST_PATH, "enabled", False)
    assert not serialize.speedups_in_use()
    assert compiled.compiled_json(registry) is None
    assert compiled.compiled_reader() is None
    assert FakeWriter.calls == []
    monkeypatch.setattr(FAST_PATH, "enabled", True)
    assert compiled.compiled_json(registry) == pure_json(registry)


def test_a_new_switch_starts_on() -> None:
    switch = Switch()
    assert switch.enabled is True
    with switch.disabled():
        assert switch.enabled is False
    assert switch.enabled is True


def test_the_switch_is_restored_after_an_error() -> None:
    with pytest.raises(ZeroDivisionError), COMPILED.disabled():
        1 / 0  # noqa: B018
    assert COMPILED.enabled


# The extension itself, where it is installed.

speedups: Any = None
with contextlib.suppress(ImportError):
    import _turkicorg_speedups as speedups  # type: ignore[import-not-found,no-redef]

needs_extension = pytest.mark.skipif(speedups is None, reason="turkicorg-speedups not installed")


def real_writer() -> Any:
    return compiled.make_writer(speedups.Writer)


def odd(meeting: Meeting, **values: Any) -> Meeting:
    """A copy of ``meeting`` with values set past its checks."""
    made = copy.copy(meeting)
    for name, value in values.items():
        object.__setattr__(made, name, value)
    return made


@needs_extension
def test_the_extension_is_found_and_used() -> None:
    assert speedups.API == compiled.API
    assert serialize.speedups_in_use()


@needs_extension
def test_the_extension_writes_the_embedded_data_as_the_pure_writer() -> None:
    registry = load_default().meetings
    assert real_writer()(registry) == pure_json(registry)
    assert serialize.dumpb(registry) == pure_dumpb(registry)


@needs_extension
@pytest.mark.parametrize(
    ("head", "tail"), [(b"", b""), (b"[", b"]"), (b"x" * 5000, b"}"), (b"", b"]}"), (b"{", b"")]
)
def test_the_writer_puts_a_head_and_a_tail_around_the_meetings(head: bytes, tail: bytes) -> None:
    """A document's envelope written in the same buffer: the same bytes as joining them, an
    empty registry included; a decline is still None; text is refused as head or tail."""
    registry = load_default().meetings
    body = pure_json(registry)
    assert body is not None
    assert real_writer()(registry, head, tail) == head + body + tail
    assert real_writer()((), head, tail) == head + tail
    assert real_writer()([odd(MEETING, title=1)], head, tail) is None
    with pytest.raises(TypeError):
        real_writer()(registry, "[", tail)
    with pytest.raises(TypeError):
        real_writer()(registry, head, tail, b"")


@needs_extension
@pytest.mark.parametrize(
    "ordinal",
    [1, 9, 10, 99, 100, 12345, -1, -10, 0, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 10**30],
)
def test_integers_of_every_width_are_written_digit_by_digit(ordinal: int) -> None:
    """Digits written by hand: every width, the sign, the ends of 64 bits and past them."""
    meeting = odd(MEETING, ordinal=ordinal)
    assert real_writer()([meeting]) == pure_json([meeting])
    assert f'"ordinal":{ordinal},'.encode() in real_writer()([meeting])


@needs_extension
@pytest.mark.parametrize(
    "start", ["0001", "0001-01", "0001-01-01", "0999-09-09", "1000-10-10", "9999-12-31", "2022-02"]
)
def test_dates_are_written_digit_by_digit(start: str) -> None:
    meeting = odd(MEETING, start=PartialDate.parse(start), end=None)
    assert real_writer()([meeting]) == pure_json([meeting])
    assert f'"start":"{start}"'.encode() in real_writer()([meeting])


@needs_extension
def test_documents_are_written_whole_by_the_writer() -> None:
    """A registry's and a meeting's document, envelope and all, as the pure writer's."""
    registry = load_default().meetings
    assert serialize.dumpb(registry) == pure_dumpb(registry)
    assert serialize.dumpb(MeetingRegistry()) == pure_dumpb(MeetingRegistry())
    assert serialize.dumps(MEETING) == pure_dumpb(MEETING).decode()


@needs_extension
@given(tst.hostile_registries())
def test_the_extension_writes_the_pure_writers_bytes(registry: MeetingRegistry) -> None:
    """Any registry: the same bytes as the pure writer, and never a decline."""
    written = real_writer()(registry)
    assert written is not None
    assert written == pure_json(registry)
    assert serialize.dumpb(registry) == pure_dumpb(registry)
    assert serialize.dumps(registry) == pure_dumpb(registry).decode()


@needs_extension
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
@example("".join(map(chr, range(0x80))))
@example("\x7f\x80\xff\u0100\u07ff\u0800\ud7ff\ue000\uffff\U00010000\U0010ffff")
@example('é"\\\x00\x1f\n\x7f')  # escapes inside text of each width
@example("\u0100\x01\b\f\r\t")
@example('\U00010000\t"\\')
@example("a" * 5000 + '"' * 5000 + "\x01" * 5000)  # the output grows past its first buffer
def test_text_is_escaped_as_the_pure_writer_escapes_it(text: str) -> None:
    meeting = attrs.evolve(MEETING, title=text + "x", note=text)
    assert real_writer()([meeting]) == pure_json([meeting])


@needs_extension
def test_shared_places_and_participants_are_written_once_and_copied() -> None:
    """Many distinct nested objects (the table of those written grows) and repeats."""
    places = [Place(city=f"c{i}") for i in range(300)]
    people = [Participant(party=f"p{i}", role="r") for i in range(300)]
    meetings = [
        attrs.evolve(
            MEETING,
            id=f"m{i}",
            place=places[i % 300],
            participants=(people[i % 300], people[(i * 7) % 300], people[i % 300]),
            alternatives=(
                Alternative(field="title", value=f"v{i}", sources=("https://example.org/a",)),
            ),
        )
        for i in range(1000)
    ]
    assert real_writer()(meetings) == pure_json(meetings)


@needs_extension
@pytest.mark.parametrize(
    "values",
    [
        {"title": "bad \ud800"},  # not Unicode: the pure path names where
        {"title": type("Text", (str,), {})("t")},  # a str subclass
        {"series": 5},
        {"ordinal": True},
        {"ordinal": 1.0},
        {"body": "nope"},
        {"start": "2022"},
        {"start": type("Day", (PartialDate,), {})(2022)},
        {"end": object.__new__(PartialDate)},  # its slots unset
        {"place": Participant(party="AZ")},
        {"participants": [Participant(party="AZ")]},
        {"participants": (Place(city="x"),)},
        {"title": "bad " + chr(0xDFFF)},  # the last surrogate
        {"body": [1]},  # unhashable: the lookup's TypeError is a decline, not an error
        {"topics": ["a"]},
        {"topics": ("a", 1)},
        {"alternatives": (Place(city="x"),)},
        {"format": "nope"},
    ],
)
def test_the_extension_declines_what_it_does_not_expect(values: dict[str, Any]) -> None:
    """None from the extension, and dumpb then gives exactly what the pure path gives."""
    meeting = odd(MEETING, **values)
    assert real_writer()([MEETING, meeting]) is None
    assert real_writer()([meeting]) is None
    try:
        registry = MeetingRegistry([MEETING, meeting])
    except Exception:  # noqa: BLE001 - a value the registry cannot even sort
        return
    outcomes = []
    for switch in (COMPILED, None):
        try:
            if switch is None:
                outcomes.append(serialize.dumpb(registry))
            else:
                with switch.disabled():
                    outcomes.append(serialize.dumpb(registry))
        except Exception as error:  # noqa: BLE001 - the same error either way
            outcomes.append(str(error))
    assert outcomes[0] == outcomes[1]


@needs_extension
@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        *[(0, None, None), (10000, None, None), (True, None, None), (2**70, None, None)],
        *[(2022, 0, None), (2022, 13, None), (2022, True, None), (2022, 2**70, None)],
        *[(2022, None, 1), (2022, 1, 0), (2022, 1, 32), (2022, 1, True), (2022, 1, 2**70)],
        *[(2022, 1, "1"), (2022, "1", None), ("2022", None, None)],
    ],
)
def test_dates_no_date_can_hold_are_declined(year: Any, month: Any, day: Any) -> None:
    date = object.__new__(PartialDate)
    for name, value in (("year", year), ("month", month), ("day", day)):
        object.__setattr__(date, name, value)
    assert real_writer()([odd(MEETING, start=date)]) is None


@needs_extension
@pytest.mark.parametrize(
    ("year", "month", "day", "text"),
    [(1, None, None, '"0001"'), (9999, 12, 31, '"9999-12-31"'), (2022, 2, None, '"2022-02"')],
)
def test_dates_at_the_edges_are_written(year: int, month: Any, day: Any, text: str) -> None:
    meeting = attrs.evolve(MEETING, start=PartialDate(year, month, day), end=None)
    written = real_writer()([meeting])
    assert written == pure_json([meeting])
    assert b'"start":' + text.encode() + b"," in written


@needs_extension
def test_a_meeting_of_another_class_or_half_made_is_declined() -> None:
    subclass = attrs.define(frozen=True, slots=True)(type("Sub", (Meeting,), {}))
    made = object.__new__(subclass)
    for field in attrs.fields(Meeting):
        object.__setattr__(made, field.name, getattr(MEETING, field.name))
    assert real_writer()([made]) is None
    assert real_writer()([object.__new__(Meeting)]) is None  # no slot set
    assert real_writer()([MEETING, 1]) is None


@needs_extension
@pytest.mark.parametrize("ordinal", [0, -1, 2**63 - 1, 2**63, -(2**63) - 1, 10**300])
def test_integers_are_written_as_python_writes_them(ordinal: int) -> None:
    meeting = odd(MEETING, ordinal=ordinal)
    written = real_writer()([meeting])
    assert written == pure_json([meeting])
    assert b'"ordinal":' + str(ordinal).encode() + b"," in written


@needs_extension
def test_an_integer_past_pythons_digit_limit_is_declined() -> None:
    """int.__repr__ refuses it (ValueError): both writers decline; the converter reports."""
    meeting = odd(MEETING, ordinal=10**5000)
    assert real_writer()([meeting]) is None
    assert pure_json([meeting]) is None


@needs_extension
def test_a_value_equal_to_a_choice_is_written_as_the_pure_writer_writes_it() -> None:
    """Text equal to an enumeration's value is found in the choices, as in the pure writer."""
    meeting = odd(MEETING, body="CHS", format="video")
    assert real_writer()([meeting]) == pure_json([meeting])
    assert b'"body":"CHS"' in real_writer()([meeting])


class Touchy:
    """A value whose comparison raises (``error``)."""

    def __init__(self, error: type[Exception]) -> None:
        self.error = error

    def __eq__(self, other: object) -> bool:
        raise self.error

    __hash__ = object.__hash__


@needs_extension
def test_errors_of_comparisons_are_declines_or_propagate_as_in_the_pure_writer() -> None:
    """TypeError, LookupError, AttributeError, ValueError: declined; anything else raised."""
    for error in (TypeError, KeyError, AttributeError, ValueError):
        meeting = odd(MEETING, format=Touchy(error))
        assert real_writer()([meeting]) is None
        assert pure_json([meeting]) is None
    meeting = odd(MEETING, format=Touchy(RuntimeError))
    with pytest.raises(RuntimeError):
        real_writer()([meeting])
    with pytest.raises(RuntimeError):
        pure_json([meeting])


@needs_extension
def test_the_writer_refuses_a_layout_it_cannot_write() -> None:
    """Fields that are not slots, too many fields, bad choices, bad arguments."""
    meeting, place, participant, alternative = (
        compiled.layout(Meeting, fields.MEETING_FIELDS),
        compiled.layout(Place, fields.field_specs(Place)),
        compiled.layout(Participant, fields.field_specs(Participant)),
        compiled.layout(Alternative, fields.field_specs(Alternative)),
    )
    spec = {
        "meeting": meeting,
        "place": place,
        "participant": participant,
        "alternative": alternative,
        "date": PartialDate,
        "fails": fastwrite.FAILS,
    }
    speedups.Writer(**spec)  # the real layout is accepted
    row = meeting[1][0]

    def with_rows(*rows: tuple[Any, ...]) -> dict[str, Any]:
        return {**spec, "meeting": (Meeting, rows)}

    @attrs.frozen(slots=False)
    class Dicted:  # attrs without slots: fields live in a dict
        id: str

    plain = type("Plain", (), {"id": "x"})  # a class attribute, not a slot

    cases: list[tuple[dict[str, Any], type[Exception]]] = [
        ({**spec, "meeting": (Dicted, (row,))}, AttributeError),
        ({**spec, "meeting": (plain, (row,))}, TypeError),
        (with_rows(("nope", *row[1:])), AttributeError),
        (with_rows(("earliest", *row[1:])), TypeError),  # a property
        (with_rows(*[row] * 65), ValueError),
        (with_rows((*row[:5], ["CHS"])), TypeError),
        (with_rows((*row[:5], {"CHS": "\u00e7"})), TypeError),
        (with_rows((*row[:5], {"CHS": 1})), TypeError),
        (with_rows((*row[:5], dict.fromkeys(range(33), '"x"'))), TypeError),
        (with_rows(row[:4]), TypeError),
        ({**spec, "meeting": [Meeting, (row,)]}, TypeError),
        ({**spec, "date": Place}, AttributeError),
        (with_rows((*row[:2], 3, *row[3:5], None)), TypeError),  # a choice without choices
        (with_rows((*row[:2], 0, *row[3:5], {"x": '"x"'})), TypeError),  # choices, no choice
        (with_rows((*row[:2], 10, *row[3:])), ValueError),  # no such kind
        (with_rows((*row[:2], -1, *row[3:])), ValueError),
        (with_rows([*row]), TypeError),  # a field must be a tuple
        ({**spec, "place": (Place, ((*place[1][0][:2], 3, *place[1][0][3:5], {}),))}, ValueError),
        ({**spec, "place": (Place, ((*place[1][0][:2], 2, *place[1][0][3:]),))}, ValueError),
        ({**spec, "date": "PartialDate"}, TypeError),
    ]
    for arguments, error in cases:
        with pytest.raises(error):
            speedups.Writer(**arguments)
    with pytest.raises(TypeError):
        speedups.Writer()
    writer = speedups.Writer(**spec)
    with pytest.raises(TypeError):
        writer([MEETING], extra=1)
    assert writer(1) is None  # not iterable: declined, as the pure writer declines it
    with pytest.raises(TypeError):
        writer()
    assert writer([]) == b""
    assert writer(iter([MEETING])) == pure_json([MEETING])


class Meddler:
    """A value whose comparison empties the list being written and replaces a written place."""

    def __init__(self, meetings: list[Meeting], victim: Meeting) -> None:
        self.meetings, self.victim = meetings, victim

    def __eq__(self, other: object) -> bool:
        self.meetings.clear()
        object.__setattr__(self.victim, "place", Place(city="elsewhere"))
        return False

    __hash__ = object.__hash__


@needs_extension
def test_python_code_run_by_a_comparison_cannot_pull_objects_from_under_the_writer() -> None:
    """The writer holds the meetings, each value while it is written, and each nested object
    it has written until the call ends (as the pure writer keeps them)."""
    first = attrs.evolve(MEETING, place=Place(city="first"))
    meetings: list[Meeting] = [first]
    meddling = odd(MEETING, format=Meddler(meetings, first))
    meetings += [meddling, attrs.evolve(MEETING, place=Place(city="third"))]
    assert real_writer()(meetings) is None  # the meddler is no format: declined
    assert meetings == []
    assert first.place == Place(city="elsewhere")


class Fickle(tuple):  # type: ignore[type-arg]
    """A tuple equal to anything, so that ``==`` and ``!=`` disagree with each other."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = tuple.__hash__


@needs_extension
def test_a_nested_field_is_left_out_as_the_pure_writer_decides() -> None:
    """A nested object's field is left out unless ``value != default`` (not ``== default``)."""
    alternative = Alternative(field="title", value="v", sources=("https://example.org/a",))
    fickle = copy.copy(alternative)
    object.__setattr__(fickle, "sources", Fickle(alternative.sources))
    meeting = odd(MEETING, alternatives=(fickle,))
    assert b'"sources":["https://example.org/a"]' in pure_json([meeting])  # type: ignore[operator]
    assert real_writer()([meeting]) is None  # written, as a tuple subclass: declined
    registry = MeetingRegistry([meeting])
    assert serialize.dumpb(registry) == pure_dumpb(registry)


@needs_extension
def test_the_writer_keeps_its_own_copy_of_the_choices() -> None:
    rows = list(compiled.layout(Meeting, fields.MEETING_FIELDS)[1])
    index = next(i for i, row in enumerate(rows) if row[0] == "format")
    choices = dict(rows[index][5])
    rows[index] = (*rows[index][:5], choices)
    held = sys.getrefcount(choices)
    writer = speedups.Writer(
        meeting=(Meeting, tuple(rows)),
        place=compiled.layout(Place, fields.field_specs(Place)),
        participant=compiled.layout(Participant, fields.field_specs(Participant)),
        alternative=compiled.layout(Alternative, fields.field_specs(Alternative)),
        date=PartialDate,
        fails=fastwrite.FAILS,
    )
    assert sys.getrefcount(choices) == held  # a copy is kept, not the dict given
    for member in choices:
        choices[member] = '"changed' + "x" * 40 + '"'  # the texts given are freed
    meeting = attrs.evolve(MEETING, format=Format.VIDEO)
    assert writer([meeting]) == pure_json([meeting])


@needs_extension
def test_a_model_with_a_nested_class_without_slots_is_left_to_the_pure_writer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An attribute the class does not have (fields in a dict): the extension is not used."""

    @attrs.frozen(slots=False)
    class Spot:
        city: str | None = None
        country: str | None = None
        venue: str | None = None

    monkeypatch.setattr(compiled, "Place", Spot)
    compiled._writer.cache_clear()
    try:
        assert not serialize.speedups_in_use()
        assert serialize.dumpb(MeetingRegistry([MEETING])) == pure_dumpb(MeetingRegistry([MEETING]))
    finally:
        monkeypatch.undo()
        compiled._writer.cache_clear()
    assert serialize.speedups_in_use()


class Shifty(str):
    """Text equal to a format's value whose comparison lets go of objects the writer is using.

    It notes what happens, in order: its comparison, its hash (the writer's look-up of the
    choice, after the comparison) and its end; and whether the place written for the first
    meeting is still alive once the meeting has let go of it.
    """

    scene: ClassVar[dict[str, Any]] = {}

    def __eq__(self, other: object) -> bool:
        scene = self.scene
        scene["events"].append("eq")
        object.__setattr__(scene["first"], "place", None)  # the written place's holder
        scene["place alive"] = scene["place"]() is not None
        object.__setattr__(scene["third"], "place", Place(city="new"))  # may take its address
        object.__setattr__(scene["second"], "format", Format.HYBRID)  # this value's holder
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        self.scene["events"].append("hash")
        return str.__hash__(self)

    def __del__(self) -> None:
        self.scene["events"].append("del")


def shifty_meetings() -> tuple[Meeting, ...]:
    place = Place(city="old")
    scene = {
        "events": [],
        "place": weakref.ref(place),
        "first": attrs.evolve(MEETING, place=place),
        "second": odd(MEETING, id="m2", format=Shifty("video")),
        "third": attrs.evolve(MEETING, id="m3", place=None),
    }
    Shifty.scene = scene
    return (scene["first"], scene["second"], scene["third"])


@needs_extension
def test_objects_a_comparison_lets_go_of_are_kept_until_the_call_ends() -> None:
    """The value being written and every nested object written stay alive: no object can
    take their address, and the text is the pure writer's (which keeps them too)."""
    compiled_text = real_writer()(shifty_meetings())
    assert Shifty.scene["place alive"]  # kept by the writer's table of written objects
    assert Shifty.scene["events"] == ["eq", "hash", "del"]  # held while it is written
    pure_text = pure_json(shifty_meetings())
    assert Shifty.scene["place alive"]
    assert compiled_text == pure_text
    assert compiled_text is not None
    assert b'"place":{"city":"new"}' in compiled_text


@needs_extension
@given(tst.hostile_registries(max_size=4))
def test_meeting_documents_and_lines_are_the_pure_writers(registry: MeetingRegistry) -> None:
    with COMPILED.disabled():
        documents = [serialize.dumps(meeting) for meeting in registry]
        lines = list(serialize.iter_dumps(registry))
    assert [serialize.dumps(meeting) for meeting in registry] == documents
    assert list(serialize.iter_dumps(registry)) == lines


def test_a_model_without_a_post_init_is_read_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader is handed None, and checks nothing after setting the slots, as the pure one."""
    monkeypatch.delattr(Meeting, "__attrs_post_init__")
    FakeReader.made = []
    compiled.make_reader(FakeReader)
    assert FakeReader.made[-1]["post_init"] is None
