"""The check every meeting runs when it is made: the end against the start, at every precision;
the plainest shape, of which the check finds nothing (the compiled reader's quick check)."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import InvalidDataError, Meeting, PartialDate
from turkicorg import strategies as tst
from turkicorg.dates import month_days
from turkicorg.meetings import (
    Format,
    MeetingKind,
    Participant,
    Place,
    _ends_before_start,
    meeting_problems,
    plain_meeting,
    resolve_kind,
    resolve_status,
    to_body,
)
from turkicorg.serialize import compiled
from turkicorg.sourcing import Alternative

speedups: Any = None
with contextlib.suppress(ImportError):
    import _turkicorg_speedups as speedups  # type: ignore[import-not-found,no-redef]

OTS = turkicorg.load_default()


@st.composite
def near_dates(draw: st.DrawFn) -> PartialDate:
    """Dates of every precision in two neighbouring years, at the edges of months and years."""
    year = draw(st.sampled_from([2023, 2024]))
    month = draw(st.sampled_from([None, 1, 2, 6, 11, 12]))
    if month is None:
        return PartialDate(year)
    day = draw(st.sampled_from([None, 1, 2, 28, 29, 30, 31]))
    if day is not None and day > month_days(year, month):
        day = month_days(year, month)
    return PartialDate(year, month, day)


def defined(start: PartialDate, end: PartialDate) -> bool:
    """The rule as the docs state it: the end's last possible day before the start's first."""
    return end.latest < start.earliest


@given(tst.partial_dates(), tst.partial_dates())
def test_the_end_check_is_the_latest_day_against_the_earliest(
    start: PartialDate, end: PartialDate
) -> None:
    assert _ends_before_start(start, end) == defined(start, end)


@given(near_dates(), near_dates())
def test_the_end_check_at_the_edges_of_months_and_years(
    start: PartialDate, end: PartialDate
) -> None:
    """Near pairs: a year and a day in it, a month and its last day, 28 February and a leap day."""
    assert _ends_before_start(start, end) == defined(start, end)
    meeting = next(iter(OTS.meetings))
    if defined(start, end):
        with pytest.raises(InvalidDataError, match="the end lies before the start") as caught:
            attrs.evolve(meeting, start=start, end=end)
        assert caught.value.errors[0].path == "$.end"
        assert caught.value.errors[0].value == str(end)
    else:
        assert attrs.evolve(meeting, start=start, end=end).end == end


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        ("2023-10-17", "2023-10-18", False),  # the 14th Council of Elders meeting, two days
        ("2023-10-17", "2023-10-17", False),
        ("2023-10-18", "2023-10-17", True),
        ("2023-10-17", "2023-10", False),  # a day, then the month it lies in
        ("2023-10", "2023-10-01", False),  # a month, then its first day
        ("2023-10-31", "2023-10", False),  # the month's last day, then the month
        ("2023-02-28", "2023-02", False),  # a 28-day month
        ("2024-02-29", "2024-02", False),
        ("2023-11", "2023-10-31", True),
        ("2023-11", "2023-10", True),
        ("2023", "2023-01-01", False),  # a year, then its first day
        ("2023", "2023-01", False),
        ("2023-12-31", "2023", False),  # the year's last day, then the year
        ("2023-12", "2023", False),
        ("2024", "2023-12-31", True),
        ("2024", "2023", True),
        ("2024-01-01", "2023", True),
    ],
)
def test_end_before_start_examples(start: str, end: str, before: bool) -> None:
    s, e = PartialDate.parse(start), PartialDate.parse(end)
    assert _ends_before_start(s, e) is before
    assert defined(s, e) is before


def test_the_real_meetings_pass_and_a_backward_copy_does_not() -> None:
    """Every embedded meeting has no problem; one with its end a year before its start has."""
    assert all(meeting_problems(m) == [] for m in OTS.meetings)
    spans = [m for m in OTS.meetings if m.end is not None]
    assert spans
    meeting = spans[0]
    earlier = PartialDate(meeting.start.year - 1)
    with pytest.raises(InvalidDataError, match=r"the end lies before the start \("):
        attrs.evolve(meeting, end=earlier)
    assert meeting.end is not None
    assert meeting.end.latest >= meeting.start.earliest >= dt.date(1992, 1, 1)


def test_a_meeting_made_without_a_check_reports_a_backward_end() -> None:
    """``meeting_problems`` of a meeting whose fields were set without its check."""
    meeting = next(iter(OTS.meetings))
    broken = object.__new__(Meeting)
    for field in attrs.fields(Meeting):
        object.__setattr__(broken, field.name, getattr(meeting, field.name))
    object.__setattr__(broken, "start", PartialDate(2023, 5))
    object.__setattr__(broken, "end", PartialDate(2023, 4, 30))
    assert meeting_problems(broken) == [
        ("end", "the end lies before the start (2023-05)", "2023-04-30")
    ]
    object.__setattr__(broken, "end", PartialDate(2023, 5, 1))
    assert meeting_problems(broken) == []


def unchecked(meeting: Meeting, **changes: object) -> Meeting:
    """A copy of ``meeting`` with ``changes`` set without its check (as a careless caller or a
    bug in a reader could)."""
    copy = object.__new__(Meeting)
    for field in attrs.fields(Meeting):
        object.__setattr__(copy, field.name, changes.get(field.name, getattr(meeting, field.name)))
    return copy


def odd_date(year: object, month: object = None, day: object = None) -> PartialDate:
    """A date with any parts, made without its check."""
    date = object.__new__(PartialDate)
    for name, value in (("year", year), ("month", month), ("day", day)):
        object.__setattr__(date, name, value)
    return date


PLAIN_URL_PIECES = st.lists(
    st.sampled_from(["a", "Z", "0", ".", "-", "/", "%20", "?q", "#f", "\n", "é", "\x00", " "])
    | st.sampled_from("_~!$&'()*+,;=:@\\\"[]<>^`{|}"),
    max_size=6,
).map("".join)
NEAR_PLAIN_URLS = st.tuples(
    st.sampled_from(["http://", "https://", "HTTP://", "http:/", "https//", "ftp://", ""]),
    PLAIN_URL_PIECES,
).map("".join)
"""URLs at and around the plainest shape: other schemes, hosts and paths of every character
class the shape allows or refuses (an escape, a query, a fragment, a line feed, a letter
beyond ASCII), empty hosts."""

CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["", "a", "0", "a" * 100, "a" * 101, "-a", "a-._9", "A", "a b", "ä"])
        | st.text(max_size=4),
        "title": st.sampled_from(["", " ", "!", "~", "\x7f", " x", "x", "é", "\t", "\u3000x"])
        | st.text(max_size=3),
        "start": tst.partial_dates(),
        "end": st.none() | tst.partial_dates(),
        "ordinal": st.none()
        | st.integers(min_value=-3, max_value=3)
        | st.sampled_from([10**30, -(10**30), True, 1.0]),
        "format": st.sampled_from(list(Format)),
        "place": st.none() | st.builds(Place, city=st.just("Baku"), venue=st.none() | st.just("x")),
        "kind": st.sampled_from(list(MeetingKind)),
        "participants": st.lists(tst.participants(), max_size=1).map(tuple),
        "sources": st.lists(NEAR_PLAIN_URLS | tst.source_urls(), max_size=3).map(tuple),
        "alternatives": st.lists(
            st.builds(
                Alternative, field=st.just("start"), value=st.just("2022"), sources=st.just(())
            ),
            max_size=1,
        ).map(tuple),
    },
)


@st.composite
def unchecked_meetings(draw: st.DrawFn) -> Meeting:
    """Meetings with any of the fields the check looks at set to values it may refuse: half of
    them changes of a plain meeting, the others of any meeting."""
    base = BASE if draw(st.booleans()) else draw(tst.hostile_meetings())
    return unchecked(base, **draw(CHANGES))


@given(unchecked_meetings())
def test_the_check_finds_nothing_in_a_plain_meeting(meeting: Meeting) -> None:
    if plain_meeting(meeting):
        assert meeting_problems(meeting) == []


@pytest.mark.skipif(speedups is None, reason="turkicorg-speedups not installed")
@given(unchecked_meetings())
def test_the_compiled_quick_check_is_plain_meeting(meeting: Meeting) -> None:
    """The compiled reader's quick check (C) answers as ``plain_meeting`` (dates of the model)."""
    assert compiled.make_reader(speedups.Reader).plain(meeting) is plain_meeting(meeting)


BASE = unchecked(
    next(iter(OTS.meetings)),
    id="m-1",
    title="t",
    start=PartialDate(2022, 11, 11),
    end=None,
    ordinal=None,
    format=Format.IN_PERSON,
    place=None,
    kind=MeetingKind.REGULAR,
    participants=(),
    sources=("https://turkicstates.org/en/news/summit",),
    alternatives=(),
)
"""A plain meeting; each example below changes it."""
_ALT = Alternative(field="start", value="2022", sources=("https://ex.org/a",))


@pytest.mark.parametrize(
    ("changes", "plain"),
    [
        ({}, True),
        ({"id": "a"}, True),
        ({"id": "0a._-"}, True),
        ({"id": "a" * 100}, True),
        ({"id": "a" * 101}, False),
        ({"id": ""}, False),
        ({"id": "-a"}, False),
        ({"id": ".a"}, False),
        ({"id": "aB"}, False),
        ({"id": "a b"}, False),
        ({"id": "_a"}, False),
        ({"id": "a\x00"}, False),
        ({"id": "aé"}, False),
        ({"id": 1}, False),
        ({"title": "!"}, True),  # the first and last printable ASCII characters but a space
        ({"title": "~ x"}, True),
        ({"title": " x"}, False),  # not blank, but not of the plainest shape
        ({"title": ""}, False),
        ({"title": "\x7f"}, False),
        ({"title": "ä"}, False),
        ({"title": "\u2121x"}, False),  # two bytes a character: its first is not ASCII
        ({"title": "\U0001f600"}, False),
        ({"title": None}, False),
        ({"end": PartialDate(2022, 11, 11)}, True),  # one day
        ({"end": PartialDate(2022, 11)}, True),
        ({"end": PartialDate(2022)}, True),
        ({"end": PartialDate(2022, 11, 10)}, False),
        ({"end": PartialDate(2022, 10)}, False),
        ({"end": PartialDate(2021)}, False),
        ({"start": PartialDate(2022), "end": PartialDate(2022, 1, 1)}, True),
        ({"start": PartialDate(2022, 12), "end": PartialDate(2022, 11, 30)}, False),
        ({"ordinal": 1}, True),
        ({"ordinal": 10**30}, True),
        ({"ordinal": 0}, False),
        ({"ordinal": -1}, False),
        ({"ordinal": -(10**30)}, False),
        ({"ordinal": True}, False),
        ({"ordinal": 1.0}, False),
        ({"format": Format.VIDEO}, True),
        ({"format": Format.VIDEO, "place": Place(city="Baku")}, False),  # the full check looks
        ({"format": Format.HYBRID, "place": Place(city="Baku", venue="x")}, True),
        ({"kind": MeetingKind.BILATERAL}, False),
        ({"kind": MeetingKind.BILATERAL, "participants": (Participant(party="AZ"),)}, True),
        ({"alternatives": (_ALT,)}, False),
        ({"sources": ()}, False),
        ({"sources": ("https://ex.org", "http://a-b.c/d:e@f/")}, True),
        ({"sources": ("https://ex.org/a", "https://ex.org/?q")}, False),
        ({"sources": ("https://ex.org/a%20b",)}, False),  # a source; the full check says so
        ({"sources": ("HTTPS://ex.org/",)}, False),
        ({"sources": ("https://",)}, False),
        ({"sources": ("https://ex.org/é",)}, False),
        ({"sources": (b"https://ex.org/",)}, False),
        ({"sources": ("https://A0/-._~!$&'()*+,;=:@/",)}, True),  # every character allowed
        ({"sources": ("http://aZ9.-",)}, True),
        ({"sources": ("https:///x",)}, False),
        ({"sources": ("https://a.org\nhttps://b.org",)}, False),  # two plain URLs in one
        ({"sources": ("https://a.org\n",)}, False),
        ({"sources": ("http://a#f",)}, False),
        ({"sources": ("http://a/b#f",)}, False),
        ({"sources": ("http://a:80/",)}, False),
        ({"sources": ("http://a_b/",)}, False),
        ({"sources": ("http://a/\x00",)}, False),
        ({"sources": ("http://a\x00/",)}, False),
        ({"sources": ("http://a/b\\c",)}, False),
        ({"sources": ("http://a/b c",)}, False),
        ({"sources": ('http://a/b"',)}, False),
        ({"sources": ("http://a/b\u2121",)}, False),
        ({"sources": ["https://ex.org/"]}, False),  # not a tuple, as the model makes them
        ({"participants": [Participant(party="AZ")], "kind": MeetingKind.BILATERAL}, False),
        ({"participants": None, "kind": MeetingKind.BILATERAL}, False),
        ({"alternatives": []}, False),
        ({"end": "2022-11-12"}, False),  # not the model's date
        ({"end": dt.date(2022, 11, 12)}, False),
        ({"start": dt.date(2022, 11, 11), "end": PartialDate(2022, 11, 12)}, False),
    ],
)
def test_plain_meeting_examples(changes: dict[str, object], plain: bool) -> None:
    meeting = unchecked(BASE, **changes)
    assert plain_meeting(meeting) is plain
    if speedups is not None:
        assert compiled.make_reader(speedups.Reader).plain(meeting) is plain


@pytest.mark.parametrize(
    ("start", "end", "plain"),
    [
        (odd_date(2022, 5), odd_date(2022, 5, 2), True),  # a date made without its check
        (odd_date(1), odd_date(9999, 12, 31), True),
        (odd_date(2022, 5), odd_date(2022, 0), False),  # parts outside a date's ranges
        (odd_date(2022, 5, 2), odd_date(2022, 5, 0), False),
        (odd_date(2022, 0), odd_date(2022, 1, 1), False),
        (odd_date(0), None, False),
        (odd_date(10000), None, False),
        (odd_date(2022, 13), None, False),
        (odd_date(2022, 1, 32), None, False),
        (odd_date(2022, 1, -1), None, False),
        (odd_date(2022, 1, 2), odd_date(2022, 1, 1), False),
        (odd_date(2022, 1, 2), odd_date(2022, True, 3), False),  # a part that is not an int
        (odd_date(2022, 1, 2), odd_date(2022.0, 2), False),
        (odd_date(2022, 1, 2), odd_date(None, 2), False),
        (odd_date(2022, 1, 2), odd_date(2**70), False),  # beyond 64 bits
        (odd_date(2022, 1, 2), odd_date(2022, 2**70), False),
        (odd_date(2022, 1, 2), odd_date(2022, 1, -(2**70)), False),
    ],
)
def test_dates_of_the_plainest_shape(
    start: PartialDate, end: PartialDate | None, plain: bool
) -> None:
    """Dates made without their check: the plainest shape holds parts in a date's ranges."""
    meeting = unchecked(BASE, start=start, end=end)
    assert plain_meeting(meeting) is plain
    if speedups is not None:
        assert compiled.make_reader(speedups.Reader).plain(meeting) is plain


def test_most_real_meetings_are_plain_and_those_with_alternatives_are_not() -> None:
    plain = [m for m in OTS.meetings if plain_meeting(m)]
    assert len(plain) > len(OTS.meetings) // 2
    assert all(not plain_meeting(m) for m in OTS.meetings if m.alternatives)
    assert any(m.alternatives for m in OTS.meetings)


_URL = "a source is an absolute http(s) URL (RFC 3986)"
_ID = "meeting ids are 1-100 of a-z, 0-9, '.', '_', '-' (lower case)"
_NO_SOURCE_ALT = Alternative(field="start", value="2021", sources=())
_BAD_URL_ALT = Alternative(field="start", value="2021", sources=("https://ex.org/a", "ftp://x"))


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"id": "A"}, [("id", _ID, "A")]),
        ({"id": "a" * 101}, [("id", _ID, "a" * 101)]),
        ({"id": None}, [("id", _ID, None)]),
        ({"title": " \t"}, [("title", "a meeting needs a title", " \t")]),
        ({"title": None}, [("title", "a meeting needs a title", None)]),
        ({"title": " x"}, []),
        (
            {"end": PartialDate(2022, 11, 10)},
            [("end", "the end lies before the start (2022-11-11)", "2022-11-10")],
        ),
        ({"ordinal": 0}, [("ordinal", "an ordinal is a whole number from 1", 0)]),
        ({"ordinal": -5}, [("ordinal", "an ordinal is a whole number from 1", -5)]),
        ({"ordinal": 2.0}, [("ordinal", "an ordinal is a whole number from 1", 2.0)]),
        ({"ordinal": True}, [("ordinal", "an ordinal is a whole number from 1", True)]),
        ({"ordinal": 1}, []),
        (
            {"format": Format.VIDEO, "place": Place(city="Baku", venue="Palace")},
            [("place", "a video conference has no venue", "Palace, Baku")],
        ),
        ({"format": Format.VIDEO, "place": Place(city="Baku")}, []),
        ({"format": Format.HYBRID, "place": Place(city="Baku", venue="Palace")}, []),
        (
            {"kind": MeetingKind.BILATERAL},
            [("participants", "a bilateral meeting names its participants", None)],
        ),
        ({"kind": MeetingKind.BILATERAL, "participants": (Participant(party="AZ"),)}, []),
        ({"sources": ()}, [("sources", "every meeting needs at least one source", None)]),
        (
            {"sources": ("https://ex.org/a", "javascript:x", "https://ex.org/%zz")},
            [("sources[1]", _URL, "javascript:x"), ("sources[2]", _URL, "https://ex.org/%zz")],
        ),
        (
            {"alternatives": (_ALT, _NO_SOURCE_ALT)},
            [("alternatives[1].sources", "an alternative needs its own sources", "2021")],
        ),
        (
            {"alternatives": (_ALT, _BAD_URL_ALT)},
            [("alternatives[1].sources[1]", _URL, "ftp://x")],
        ),
        (
            {"sources": ("ftp://x",), "alternatives": (_BAD_URL_ALT,)},
            [("sources[0]", _URL, "ftp://x"), ("alternatives[0].sources[1]", _URL, "ftp://x")],
        ),
        (
            {"id": "", "title": "", "ordinal": 0, "sources": ()},
            [
                ("id", _ID, ""),
                ("title", "a meeting needs a title", ""),
                ("ordinal", "an ordinal is a whole number from 1", 0),
                ("sources", "every meeting needs at least one source", None),
            ],
        ),
    ],
)
def test_each_problem_of_a_meeting_with_its_field_message_and_value(
    changes: dict[str, object], problems: list[tuple[str, str, object]]
) -> None:
    meeting = unchecked(BASE, **changes)
    assert meeting_problems(meeting) == problems
    values = {field.name: getattr(meeting, field.name) for field in attrs.fields(Meeting)}
    if not problems:
        assert Meeting(**values) == meeting
        return
    field, message, value = problems[0]
    with pytest.raises(InvalidDataError) as caught:
        Meeting(**values)
    assert caught.value.errors[0].path == "$." + field
    assert message in str(caught.value)
    assert caught.value.errors[0].value == value


@pytest.mark.parametrize(
    ("participant", "text"),
    [
        (Participant(party="KZ"), "KZ"),
        (Participant(person="Helga Maria Schmid"), "Helga Maria Schmid"),
        (Participant(party="OSCE", person="Helga Maria Schmid"), "Helga Maria Schmid (OSCE)"),
        (
            Participant(party="OSCE", person="Helga Maria Schmid", role="Secretary General"),
            "Helga Maria Schmid, Secretary General",
        ),
        (Participant(party="KZ", role="host"), "KZ (host)"),
        (Participant(person="A. B.", role="observer"), "A. B., observer"),
        (Participant(person=""), ""),  # a name left empty
    ],
)
def test_a_participant_in_words(participant: Participant, text: str) -> None:
    assert str(participant) == text


def test_a_participant_names_a_party_or_a_person() -> None:
    with pytest.raises(ValueError, match=r"^a participant needs a party, a person or both$"):
        Participant(role="host")


def test_a_meeting_in_words() -> None:
    assert str(BASE) == "2022-11-11 t"
    meeting = unchecked(
        BASE,
        title="9th Summit",
        start=PartialDate(2022, 11, 11),
        end=PartialDate(2022, 11, 12),
        place=Place(city="Samarkand", country="UZ"),
    )
    assert str(meeting) == "2022-11-11/2022-11-12 9th Summit, Samarkand"
    assert str(unchecked(meeting, place=Place(country="UZ"))) == "2022-11-11/2022-11-12 9th Summit"
    assert str(unchecked(meeting, place=None, end=None)) == "2022-11-11 9th Summit"


def test_the_parties_a_meeting_names_include_its_place() -> None:
    meeting = unchecked(
        BASE,
        host="KZ",
        chair=None,
        initiator="TR",
        place=Place(city="Baku", country="AZ"),
        participants=(Participant(party="UZ"), Participant(person="A. B.")),
    )
    assert meeting.party_ids() == frozenset({"KZ", "TR", "AZ", "UZ"})
    assert unchecked(meeting, place=None).party_ids() == frozenset({"KZ", "TR", "UZ"})


def test_unknown_kinds_statuses_and_bodies_are_named_with_the_choices() -> None:
    with pytest.raises(turkicorg.UnknownNameError) as kind:
        resolve_kind("regulr")
    assert str(kind.value) == (
        "unknown meeting kind: 'regulr'; did you mean regular? "
        "(choose from regular, extraordinary, informal, bilateral, mission)"
    )
    with pytest.raises(turkicorg.UnknownNameError) as status:
        resolve_status("confirmd")
    assert str(status.value) == (
        "unknown meeting status: 'confirmd'; did you mean confirmed? "
        "(choose from confirmed, tentative, cancelled, postponed)"
    )
    assert resolve_status("Planned") is turkicorg.MeetingStatus.TENTATIVE
    with pytest.raises(
        ValueError, match=r"^unknown body 'nope': expected an organ or a mechanism$"
    ):
        to_body("nope")
