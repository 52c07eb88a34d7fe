"""The meeting registry: filters, navigation, grouping and validation against brute force."""

from __future__ import annotations

import datetime as dt
import inspect
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turkicorg import (
    InvalidDataError,
    InvalidDateError,
    Mechanism,
    Meeting,
    MeetingKind,
    MeetingRegistry,
    MeetingStatus,
    Organ,
    PartialDate,
    Participant,
    Place,
    State,
    TurkicOrgError,
    UnknownMeetingError,
)
from turkicorg import strategies as tst
from turkicorg.errors import UnknownNameError
from turkicorg.meetings import to_body
from turkicorg.registry import MeetingFilters, UnknownOrdinalError, registry_problems
from turkicorg.registry.filters import FILTER_NAMES, LOOKUPS
from turkicorg.text import fold

POOL = ("AZ", "KZ", "KG", "TR", "UZ", "HU", "OSCE")
LOW = dt.date(2007, 1, 1)
HIGH = dt.date(2028, 12, 31)


def meeting(meeting_id: str, start: str, end: str | None = None, **fields: Any) -> Meeting:
    fields.setdefault("body", "CFM")
    fields.setdefault("kind", "regular")
    fields.setdefault("title", meeting_id)
    fields.setdefault("sources", ("https://example.org/source",))
    return Meeting(id=meeting_id, start=start, end=end, **fields)


def ids(meetings: Any) -> list[str]:
    return [m.id for m in meetings]


# Brute force: the meaning of every query, one meeting at a time ------------------------------


def order(meetings: Any) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.earliest, m.id))


def bounds(between: tuple[Any, Any]) -> tuple[dt.date, dt.date]:
    first, last = between
    lo = dt.date.min if first is None else PartialDate.coerce(first).earliest
    hi = dt.date.max if last is None else PartialDate.coerce(last).latest
    return lo, hi


def in_range(m: Meeting, lo: dt.date, hi: dt.date, strict: bool) -> bool:
    if strict:
        return lo <= m.earliest and m.latest <= hi
    return m.earliest <= hi and lo <= m.latest


def texts(m: Meeting) -> list[str]:
    found = [m.title, m.theme, *m.topics, m.note]
    if m.place:
        found += [m.place.city, m.place.country, m.place.venue]
    for p in m.participants:
        found += [p.party, p.person, p.role]
    return [t for t in found if t]


def place_passes(m: Meeting, f: dict[str, Any]) -> bool:
    if "city" not in f and "country" not in f:
        return True
    if m.place is None:
        return False
    city = "city" not in f or (m.place.city is not None and fold(m.place.city) == fold(f["city"]))
    return city and ("country" not in f or m.place.country == f["country"].upper())


def passes(m: Meeting, given: dict[str, Any]) -> bool:
    f = {name: value for name, value in given.items() if value is not None}
    strict = f.get("strict", False)
    checks = [
        "organ" not in f or m.body == Organ(f["organ"]),
        "body" not in f or m.body == to_body(f["body"]),
        "kind" not in f or m.kind == MeetingKind(f["kind"]),
        "status" not in f or m.status == MeetingStatus(f["status"]),
        "host" not in f or m.host == f["host"],
        "participant" not in f or f["participant"] in m.party_ids(),
        "year" not in f
        or in_range(m, dt.date(f["year"], 1, 1), dt.date(f["year"], 12, 31), strict),
        "between" not in f or in_range(m, *bounds(f["between"]), strict),
        "text" not in f or any(fold(f["text"]) in fold(t) for t in texts(m)),
        place_passes(m, f),
    ]
    return all(checks)


def brute(meetings: Any, f: dict[str, Any]) -> list[Meeting]:
    return [m for m in order(meetings) if passes(m, f)]


# Strategies for queries --------------------------------------------------------------------
#
# A query draws what tells the indexes apart: date-only queries (a year, a range open on either
# side or both, with and without ``strict``) a third of the time, one or two field filters on
# a date filter another third, and any mix of the twelve filters otherwise. Filters given as
# None ("not given") come first, so that a None never hides the filters after it.

date_likes = st.one_of(
    tst.partial_dates(LOW, HIGH),
    tst.days(LOW, HIGH),
    tst.partial_dates(LOW, HIGH).map(str),
)
years = st.integers(2006, 2029)


def valid(f: dict[str, Any]) -> bool:
    if f.get("between") is not None:
        lo, hi = bounds(f["between"])
        return lo <= hi
    return True


betweens = st.tuples(st.none() | date_likes, st.none() | date_likes).filter(
    lambda b: valid({"between": b})
)
FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "organ": st.sampled_from([*Organ, "CFM", "COE"]),
    "body": st.sampled_from([*Organ, *Mechanism, "CHS", "bilateral"]),
    "kind": st.sampled_from([*MeetingKind, "extraordinary"]),
    "status": st.sampled_from([*MeetingStatus, "confirmed"]),
    "host": st.sampled_from([*POOL, "XX"]),
    "participant": st.sampled_from([*POOL, "XX"]),
    "text": st.sampled_from(["SAMARKAND", "istanbul", "şuşa", "SUSA", "elders", "a", ""])
    | st.text(max_size=2),
    "city": st.sampled_from(["Samarkand", "SAMARKAND", "istanbul", "İstanbul", "susa", "Gabala"]),
    "country": st.sampled_from([*POOL, "tr", "kz", "XX"]),
}
DATES: dict[str, st.SearchStrategy[Any]] = {
    "year": years,
    "between": betweens,
    "strict": st.booleans(),
}
date_only = st.one_of(
    st.fixed_dictionaries({"between": betweens}, optional={"strict": st.booleans()}),
    st.fixed_dictionaries({"year": years}, optional={"strict": st.booleans()}),
    st.fixed_dictionaries({"year": years, "between": betweens}, optional={"strict": st.booleans()}),
)
some_fields = st.lists(
    st.sampled_from(sorted(FIELDS)), min_size=1, max_size=2, unique=True
).flatmap(lambda names: st.fixed_dictionaries({name: FIELDS[name] for name in names}))
anything = st.fixed_dictionaries({}, optional={**FIELDS, **DATES})


@st.composite
def with_nones(draw: st.DrawFn, queries: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A query, sometimes after filters given as None (which mean "not given")."""
    query = draw(queries)
    absent = [name for name in FILTER_NAMES if name not in query and name != "strict"]
    nones = draw(st.lists(st.sampled_from(absent), unique=True, max_size=3)) if absent else []
    return {**dict.fromkeys(nones), **query}


ranged = with_nones(
    st.one_of(
        date_only,
        st.tuples(some_fields, date_only).map(lambda pair: {**pair[0], **pair[1]}),
        anything.filter(valid),
    )
)


# Differential properties -------------------------------------------------------------------


@given(tst.meeting_lists(), ranged)
def test_filter_equals_brute_force(meetings: list[Meeting], f: dict[str, Any]) -> None:
    """Every combination of filters returns what a scan of every meeting returns, in order."""
    assert ids(MeetingRegistry(meetings).filter(**f)) == ids(brute(meetings, f))


@given(tst.meeting_lists(), ranged, ranged)
def test_chained_filters_commute(
    meetings: list[Meeting], f: dict[str, Any], g: dict[str, Any]
) -> None:
    """Filtering by f then g equals filtering by g then f, and both equal the brute force."""
    registry = MeetingRegistry(meetings)
    fg = registry.filter(**f).filter(**g)
    assert fg == registry.filter(**g).filter(**f)
    assert ids(fg) == ids(brute(brute(meetings, f), g))


@given(tst.registries(), st.tuples(date_likes, date_likes))
def test_strict_results_are_a_subset_of_overlap_results(
    registry: MeetingRegistry, between: tuple[Any, Any]
) -> None:
    """Meetings certainly inside a range also overlap it; a year is its first to last day."""
    lo, hi = sorted(bounds(between))
    inside = registry.filter(between=(lo, hi), strict=True)
    overlapping = registry.filter(between=(lo, hi))
    assert set(ids(inside)) <= set(ids(overlapping))
    assert all(lo <= m.earliest and m.latest <= hi for m in inside)
    for strict in (False, True):
        assert registry.filter(year=lo.year, strict=strict) == registry.filter(
            between=(f"{lo.year}-01-01", f"{lo.year}-12-31"), strict=strict
        )


@given(tst.meeting_lists(), tst.days(LOW, HIGH), ranged)
def test_next_previous_latest_equal_brute_force(
    meetings: list[Meeting], day: dt.date, f: dict[str, Any]
) -> None:
    """next/previous/latest pick the first or last matching meeting by earliest start."""
    registry = MeetingRegistry(meetings)
    matching = brute(meetings, f)
    after = [m for m in matching if m.earliest > day]
    before = [m for m in matching if m.earliest < day]
    started = [m for m in matching if m.earliest <= day]
    assert registry.next(after=day, **f) == (after[0] if after else None)
    assert registry.previous(before=day, **f) == (before[-1] if before else None)
    assert registry.latest(on=day, **f) == (started[-1] if started else None)


@given(tst.meeting_lists(), tst.partial_dates(LOW, HIGH))
def test_partial_after_and_before_cover_every_possible_day(
    meetings: list[Meeting], when: PartialDate
) -> None:
    """after= a partial date means after all its days, before= before all its days."""
    registry = MeetingRegistry(meetings)
    after = [m for m in order(meetings) if m.earliest > when.latest]
    before = [m for m in order(meetings) if m.earliest < when.earliest]
    assert registry.next(after=when) == (after[0] if after else None)
    assert registry.next(after=str(when)) == (after[0] if after else None)
    assert registry.previous(before=when) == (before[-1] if before else None)
    started = [m for m in order(meetings) if m.earliest <= when.earliest]
    assert registry.latest(on=when) == (started[-1] if started else None)


@given(tst.meeting_lists())
def test_iteration_is_sorted_and_lookups_agree(meetings: list[Meeting]) -> None:
    """Iteration is by (earliest, id); get, in and nth find every meeting."""
    registry = MeetingRegistry(meetings)
    assert list(registry) == order(meetings)
    assert registry.meetings == tuple(order(meetings))
    assert len(registry) == len(meetings)
    for m in meetings:
        assert registry.get(m.id) is m
        assert m.id in registry
        assert m in registry
        if m.ordinal is not None:
            assert registry.nth(m.series_key, m.ordinal) is m


@given(tst.meeting_lists(), st.sampled_from(["organ", "body", "kind", "status", "year", "host"]))
def test_group_by_partitions_the_registry(meetings: list[Meeting], key: str) -> None:
    """Each meeting falls in exactly one group; groups equal brute force; keys are sorted."""
    registry = MeetingRegistry(meetings)
    groups = registry.group_by(key)  # type: ignore[call-overload]
    getters = {
        "organ": lambda m: m.organ,
        "body": lambda m: m.body,
        "kind": lambda m: m.kind,
        "status": lambda m: m.status,
        "year": lambda m: m.earliest.year,
        "host": lambda m: m.host,
    }
    expected: dict[Any, list[str]] = {}
    for m in order(meetings):
        expected.setdefault(getters[key](m), []).append(m.id)
    assert {k: ids(v) for k, v in groups.items()} == expected
    keys = list(groups)
    named = [k for k in keys if k is not None]
    assert named == sorted(named)
    assert None not in keys or keys[-1] is None
    assert groups == registry.group_by(getters[key])


@given(tst.registries(min_size=1), st.data())
def test_with_meetings_and_without_are_inverse(
    registry: MeetingRegistry, data: st.DataObject
) -> None:
    """Removing meetings and adding them back gives the same registry."""
    chosen = data.draw(st.lists(st.sampled_from(registry.meetings), min_size=1, unique=True))
    smaller = registry.without(*(m.id for m in chosen))
    assert len(smaller) == len(registry) - len(chosen)
    assert all(m.id not in smaller for m in chosen)
    assert smaller.with_meetings(*chosen) == registry
    assert list(smaller.with_meetings(*chosen)) == list(registry)


# Examples ---------------------------------------------------------------------------------


@pytest.fixture
def sample() -> MeetingRegistry:
    return MeetingRegistry(
        [
            meeting("cfm-video", "2022-01-11", format="video", kind="extraordinary"),
            meeting(
                "cfm-ist",
                "2022-10-17",
                kind="extraordinary",
                host="TR",
                place=Place(city="İstanbul", country="TR"),
            ),
            meeting("coe-14", "2023-10-17", "2023-10-18", body="COE", series="COE", ordinal=14),
            meeting("coe-13", "2022-08", body="COE", series="COE", ordinal=13, host="KG"),
            meeting(
                "osce",
                "2023-03-31",
                body="bilateral",
                kind="bilateral",
                participants=(Participant(party="OSCE", person="Helga Maria Schmid"),),
                place=Place(city="Vienna", venue="OSCE Secretariat"),
            ),
            meeting("plan", "2026", body="CHS", status="tentative", ordinal=13, host="TR"),
        ]
    )


def test_filters_chain_and_accept_values_or_members(sample: MeetingRegistry) -> None:
    """Organs, kinds and statuses are given as enum members or their values."""
    by_value = sample.filter(organ="CFM", kind="extraordinary", year=2022)
    assert ids(by_value) == ["cfm-video", "cfm-ist"]
    assert by_value == sample.filter(organ=Organ.FOREIGN_MINISTERS).filter(
        kind=MeetingKind.EXTRAORDINARY
    )
    assert ids(sample.filter(body="bilateral")) == ["osce"]
    assert ids(sample.filter(status=MeetingStatus.TENTATIVE)) == ["plan"]
    assert ids(sample.filter(organ="COE", body=Organ.FOREIGN_MINISTERS)) == []
    assert sample.filter() is sample


def test_participant_matches_every_party_named(sample: MeetingRegistry) -> None:
    """participant= finds hosts, countries of places and listed participants alike."""
    assert ids(sample.filter(participant="OSCE")) == ["osce"]
    assert ids(sample.filter(participant="TR")) == ["cfm-ist", "plan"]
    oz = State(id="KG", short_name="Kyrgyzstan", official_name="Kyrgyz Republic")
    assert ids(sample.filter(participant=oz)) == ["coe-13"]
    assert ids(sample.filter(host=oz)) == ["coe-13"]


def test_text_is_case_and_accent_insensitive(sample: MeetingRegistry) -> None:
    """Text search folds case and accents in the query and the fields."""
    assert ids(sample.filter(text="ISTANBUL")) == ["cfm-ist"]
    assert ids(sample.filter(text="helga maria")) == ["osce"]
    assert ids(sample.filter(text="osce secretariat")) == ["osce"]
    assert ids(sample.filter(text="Vienna", year=2023)) == ["osce"]
    assert ids(sample.filter(text="Vienna", year=2022)) == []
    assert ids(sample.filter(text="secretariat vienna")) == []  # never across two fields


def test_a_month_overlaps_but_is_not_inside_part_of_it(sample: MeetingRegistry) -> None:
    """A meeting known as 2022-08 overlaps 20 Aug-10 Sep 2022 but is not certainly inside."""
    window = ("2022-08-20", "2022-09-10")
    assert ids(sample.filter(between=window)) == ["coe-13"]
    assert ids(sample.filter(between=window, strict=True)) == []
    assert ids(sample.filter(between=("2022-08", "2022-08"), strict=True)) == ["coe-13"]
    assert ids(sample.filter(between=("2023-10-18", None))) == ["coe-14", "plan"]
    assert ids(sample.filter(between=(None, "2022-01"))) == ["cfm-video"]
    assert ids(sample.filter(year=2026, strict=True)) == ["plan"]


def test_navigation(sample: MeetingRegistry) -> None:
    """next, previous, latest and nth on a small registry."""
    assert sample.next(after="2022-01-11").id == "coe-13"  # type: ignore[union-attr]
    assert sample.next(after="2022-01-11", organ="CFM").id == "cfm-ist"  # type: ignore[union-attr]
    assert sample.next(after="2026") is None
    assert sample.previous(before="2022-08-01").id == "cfm-video"  # type: ignore[union-attr]
    assert sample.previous(before="2022-01-11") is None
    assert sample.latest(on="2023-10-17").id == "coe-14"  # type: ignore[union-attr]
    assert sample.latest(on="2023-10-16", organ="COE").id == "coe-13"  # type: ignore[union-attr]
    assert sample.nth("COE", 14).id == "coe-14"
    assert sample.nth("CHS:regular", 13).id == "plan"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2025-12-31", ("plan", "coe-14", "coe-14")),
        ("2026-01-01", (None, "coe-14", "plan")),  # the first day the planned meeting may be
        ("2026-01-02", (None, "plan", "plan")),
        ("2023-10-17", ("plan", "osce", "coe-14")),
    ],
)
def test_navigation_defaults_to_today(
    sample: MeetingRegistry,
    monkeypatch: pytest.MonkeyPatch,
    today: str,
    expected: tuple[str | None, str, str],
) -> None:
    """Without a day, next/previous/latest ask about today (fixed here, on both sides)."""
    following, before, latest = expected
    monkeypatch.setattr("turkicorg.dates.today", lambda: dt.date.fromisoformat(today))
    assert sample.next() == (None if following is None else sample.get(following))
    assert sample.previous() == sample.get(before)
    assert sample.latest() == sample.get(latest)
    assert sample.next(after="today") == sample.next()


def test_nth_of_a_missing_ordinal_raises(sample: MeetingRegistry) -> None:
    """An ordinal no meeting of the series has, or an unknown series, is a LookupError."""
    for series, n in (("COE", 15), ("COE", 1), ("COE", 99), ("nowhere", 1)):
        with pytest.raises(UnknownOrdinalError) as caught:
            sample.nth(series, n)
        assert (caught.value.series, caught.value.ordinal) == (series, n)
        assert isinstance(caught.value, (UnknownMeetingError, LookupError, TurkicOrgError))
        assert str(caught.value) == f"no meeting with ordinal {n} in series {series!r}"


def test_get_and_contains(sample: MeetingRegistry) -> None:
    """get raises UnknownMeetingError; in takes ids and meetings."""
    with pytest.raises(UnknownMeetingError) as caught:
        sample.get("nope")
    assert caught.value.meeting_id == "nope"
    assert "nope" not in sample
    assert 5 not in sample
    other = meeting("coe-14", "2023-10-17", title="another meeting with the same id")
    assert other not in sample
    assert sample.get("coe-14") in sample


def test_group_by_names_and_functions(sample: MeetingRegistry) -> None:
    """Groups by organ put other mechanisms under None, last; a function may be the key."""
    by_organ = sample.group_by("organ")
    assert list(by_organ) == [
        Organ.FOREIGN_MINISTERS,
        Organ.HEADS_OF_STATE,
        Organ.COUNCIL_OF_ELDERS,
        None,
    ]
    assert ids(by_organ[None]) == ["osce"]
    assert list(sample.group_by("year")) == [2022, 2023, 2026]
    assert list(sample.group_by("host")) == ["KG", "TR", None]
    assert list(sample.group_by(lambda m: m.format.value)) == ["in_person", "video"]
    with pytest.raises(
        ValueError,
        match=r"^unknown group key 'colour': expected organ, body, kind, status, year, host or a "
        r"function$",
    ):
        sample.group_by("colour")  # type: ignore[call-overload]
    assert MeetingRegistry().group_by("year") == {}


def test_group_by_year_reaches_the_last_year() -> None:
    """Grouping by year works up to the last representable year."""
    registry = MeetingRegistry([meeting("a", "9999-12-31"), meeting("b", "9999")])
    assert {k: ids(v) for k, v in registry.group_by("year").items()} == {9999: ["b", "a"]}


def test_unknown_values_are_errors(sample: MeetingRegistry) -> None:
    """Unknown organs, kinds and malformed dates or ranges raise ValueError subclasses."""
    with pytest.raises(ValueError, match="XYZ"):
        sample.filter(organ="XYZ")
    with pytest.raises(ValueError, match="unknown body"):
        sample.filter(body="nothing")
    with pytest.raises(ValueError, match="weekly"):
        sample.filter(kind="weekly")
    for year, got in ((0, "0"), (10_000, "10000"), (True, "bool True"), (2022.0, "float 2022.0")):
        with pytest.raises(InvalidDateError, match=f"from 1 to 9999, got {got}$") as caught:
            sample.filter(year=year)  # type: ignore[arg-type]
        assert caught.value.value is year
    for between in (("2022",), "2022", None.__class__):
        with pytest.raises(
            InvalidDateError, match=r"between= takes a pair \(first, last\)$"
        ) as caught:
            sample.filter(between=between)  # type: ignore[arg-type]
        assert caught.value.value is between
    with pytest.raises(InvalidDateError, match="2022-13"):
        sample.filter(between=("2022-13", "2023"))
    with pytest.raises(InvalidDateError, match=r"reversed: its first bound 2023 .* 2022"):
        sample.filter(between=("2023", "2022"))
    with pytest.raises(InvalidDateError, match="got str '2022'"):
        sample.filter(year="2022")  # type: ignore[arg-type]
    assert ids(sample.filter(year=2022, between=("2023", "2024"))) == []


def test_names_resolve_in_any_case_and_by_english_name(sample: MeetingRegistry) -> None:
    """One resolver: codes in any case, English names, other names; choices listed."""
    by_code = ids(sample.filter(organ="COE"))
    assert ids(sample.filter(organ="coe")) == by_code
    assert ids(sample.filter(organ="Council of Elders")) == by_code
    assert ids(sample.filter(organ="aksakals")) == by_code
    assert ids(sample.filter(kind="Regular")) == ids(sample.filter(kind="regular"))
    with pytest.raises(UnknownNameError, match=r"did you mean COE\?.*choose from CHS, CFM"):
        sample.filter(organ="CEO")


def test_city_and_country(sample: MeetingRegistry) -> None:
    """Place filters match the place only, in any case and with or without accents."""
    for meeting in sample:
        if meeting.place is not None and meeting.place.city:
            city = meeting.place.city
            found = sample.filter(city=city.upper())
            assert meeting in found
            assert all(m.place and m.place.city == city for m in found)
        if meeting.place is not None and meeting.place.country:
            found = sample.filter(country=meeting.place.country.lower())
            assert meeting in found
    assert ids(sample.filter(city="Nowhere")) == []
    with pytest.raises(TypeError, match="city= takes text, got int"):
        sample.filter(city=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^text= takes text, got int$"):
        sample.filter(text=3)  # type: ignore[arg-type]
    assert ids(sample.filter(country="tr")) == ["cfm-ist"]
    assert ids(sample.filter(country=State(id="TR", short_name="T", official_name="T"))) == [
        "cfm-ist"
    ]
    assert ids(sample.filter(city="istanbul", country="KZ")) == []
    assert ids(sample.filter(city="vienna")) == ["osce"]
    assert ids(sample.filter(country="AT")) == []  # the Vienna meeting names no country


def test_value_semantics(sample: MeetingRegistry) -> None:
    """Registries compare and hash by their meetings, pickle, and print their size."""
    copy = MeetingRegistry(reversed(sample.meetings))
    assert copy == sample
    assert hash(copy) == hash(sample)
    assert sample != MeetingRegistry()
    assert sample.__eq__(object()) is NotImplemented
    assert pickle.loads(pickle.dumps(sample)) == sample  # noqa: S301 - our own data
    assert repr(sample) == "<MeetingRegistry of 6 meetings>"
    assert sample.with_meetings() is sample
    assert sample.without() is sample


# Validation -------------------------------------------------------------------------------


def test_construction_reports_every_problem_by_input_position() -> None:
    """Duplicate ids and repeated ordinals are reported at once, located in the input."""
    meetings = [
        meeting("a", "2022-01-01", body="COE", series="COE", ordinal=1),
        meeting("b", "2021-01-01"),
        meeting("a", "2020-01-01"),
        meeting("c", "2019-01-01", body="COE", kind="informal", series="COE", ordinal=1),
    ]
    with pytest.raises(InvalidDataError) as caught:
        MeetingRegistry(meetings)
    assert [(e.path, e.value) for e in caught.value.errors] == [
        ("$.meetings[2].id", "a"),
        ("$.meetings[3].ordinal", 1),
    ]
    assert "also at index 0" in caught.value.errors[0].message
    assert "'COE' is also used by 'a'" in caught.value.errors[1].message


def test_default_series_and_explicit_series_of_the_same_name_collide() -> None:
    """An explicit series "CFM:regular" is the default series of regular CFM meetings."""
    with pytest.raises(InvalidDataError):
        MeetingRegistry(
            [meeting("a", "2022", ordinal=3), meeting("b", "2023", ordinal=3, series="CFM:regular")]
        )
    assert (
        len(
            MeetingRegistry(
                [meeting("a", "2022", ordinal=3), meeting("b", "2023", ordinal=3, kind="informal")]
            )
        )
        == 2
    )


def test_with_meetings_validates_against_the_registry(sample: MeetingRegistry) -> None:
    """Adding a taken id or ordinal fails with every problem; other values are rejected."""
    with pytest.raises(InvalidDataError) as caught:
        sample.with_meetings(meeting("coe-14", "2024-01-01"))
    assert caught.value.errors[0].path == "$.meetings[6].id"
    with pytest.raises(InvalidDataError) as caught:
        sample.with_meetings(meeting("coe-19", "2024-01-01", body="COE", series="COE", ordinal=13))
    assert caught.value.errors[0].path == "$.meetings[6].ordinal"
    with pytest.raises(InvalidDataError):
        sample.with_meetings(meeting("x", "2024"), meeting("x", "2025"))
    with pytest.raises(TypeError, match="expected a Meeting"):
        sample.with_meetings("coe-15")  # type: ignore[arg-type]
    added = sample.with_meetings(
        meeting("coe-15", "2024-03-11", body="COE", series="COE", ordinal=15)
    )
    assert added.nth("COE", 15).id == "coe-15"
    assert ids(added.filter(organ="COE")) == ["coe-13", "coe-14", "coe-15"]


def test_without_unknown_id_raises(sample: MeetingRegistry) -> None:
    """Removing an id that is not there raises UnknownMeetingError."""
    with pytest.raises(UnknownMeetingError):
        sample.without("plan", "nope")
    assert ids(sample.without("plan", "plan")) == ids(sample)[:-1]


def test_validate_checks_parties_and_every_meeting() -> None:
    """validate() reports unknown parties and broken meetings, located in registry order."""
    broken = meeting("z", "2024-05-01")
    object.__setattr__(broken, "end", PartialDate(2024, 4, 1))  # bypass the Meeting check
    object.__setattr__(broken, "sources", ())
    registry = MeetingRegistry(
        [
            meeting(
                "a",
                "2022-01-01",
                host="AZ",
                chair="QQ",
                initiator="KZ",
                place=Place(city="X", country="RR"),
                participants=(Participant(party="OSCE"), Participant(person="Someone")),
            ),
            broken,
        ]
    )
    with pytest.raises(InvalidDataError) as caught:
        registry.validate(parties={"AZ", "KZ", "OSCE"})
    assert [e.path for e in caught.value.errors] == [
        "$.meetings[0].chair",
        "$.meetings[0].place.country",
        "$.meetings[1].end",
        "$.meetings[1].sources",
    ]
    assert [e.path for e in registry.problems()] == ["$.meetings[1].end", "$.meetings[1].sources"]
    assert registry_problems(registry, "$.x")[0].path == "$.x[1].end"
    good = MeetingRegistry([registry.meetings[0]])
    good.validate(parties={"AZ", "KZ", "QQ", "RR", "OSCE"})
    assert good.problems() == []
    with pytest.raises(InvalidDataError):
        good.validate(parties=set())


# Index internals: long events, several length classes, intersections -------------------------


def test_long_events_are_found_from_any_day_they_cover() -> None:
    """A year-long and a month-long meeting are found by a range in their middle."""
    short = [meeting(f"d{i:03d}", f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(60)]
    long = [
        meeting("year", "2021"),
        meeting("month", "2022-02"),
        meeting("span", "2021-11-20", "2022-03-01"),
    ]
    registry = MeetingRegistry([*short, *long])
    found = registry.filter(between=("2022-02-15", "2022-02-16"))
    assert ids(found) == [
        "span",
        "month",
        *[m.id for m in order(short) if m.earliest in (dt.date(2022, 2, 15), dt.date(2022, 2, 16))],
    ]
    assert ids(registry.filter(between=("2021-06-01", "2021-06-01"))) == ["year"]
    assert ids(registry.filter(between=("2021-11-01", "2022-03-31"), strict=True, text="span")) == [
        "span"
    ]
    assert ids(registry.filter(between=("2022-02", "2022-02"), strict=True, text="month")) == [
        "month"
    ]


def test_single_class_index_with_short_events() -> None:
    """With only short meetings, the checked candidates before the range are still found."""
    registry = MeetingRegistry(
        [
            meeting("a", "2022-03-01", "2022-03-03"),
            meeting("b", "2022-03-02"),
            meeting("c", "2022-03-04"),
            meeting("d", "2022-03-05", "2022-03-07"),
        ]
    )
    assert ids(registry.filter(between=("2022-03-03", "2022-03-05"))) == ["a", "c", "d"]
    assert ids(registry.filter(between=("2022-03-02", "2022-03-06"), strict=True)) == ["b", "c"]
    assert ids(registry.filter(between=("2022-03-04", "2022-03-04"))) == ["c"]


def test_skewed_index_intersections() -> None:
    """A small selection is intersected with a large index by bisection, early exit included."""
    many = [meeting(f"m{i:03d}", f"2020-01-{1 + i % 28:02d}", host="TR") for i in range(200)]
    few = [
        meeting("k1", "2019-12-31", host="KZ", participants=(Participant(party="TR"),)),
        meeting("k2", "2020-01-15", host="KZ", body="COE"),
        meeting("k3", "2021-06-01", host="KZ", participants=(Participant(party="TR"),)),
        meeting("k4", "2021-06-02", host="KZ"),
        meeting("k9", "2030-01-01", host="KZ"),
    ]
    registry = MeetingRegistry([*many, *few])
    assert ids(registry.filter(host="KZ", participant="TR")) == ["k1", "k3"]
    assert ids(registry.without("k4", "k9").filter(host="KZ", participant="TR")) == ["k1", "k3"]
    assert ids(registry.filter(organ="CFM", host="KZ")) == ["k1", "k3", "k4", "k9"]
    assert ids(registry.filter(participant="KZ", year=2021)) == ["k3", "k4"]
    assert ids(registry.filter(participant="TR", year=2021)) == ["k3"]
    assert ids(registry.filter(participant="KZ", year=2020)) == ["k2"]
    assert registry.next(after="2020-01-01", host="KZ", year=2021).id == "k3"  # type: ignore[union-attr]
    assert registry.previous(before="2021-06-02", year=2021).id == "k3"  # type: ignore[union-attr]
    assert registry.previous(before="2021-06-01", year=2021) is None
    assert registry.next(after="2021-06-02", year=2021) is None
    assert registry.next(after="2019", organ="CFM", host="TR").id == "m000"  # type: ignore[union-attr]
    assert registry.previous(before="2020", organ="CFM", host="TR") is None


@given(tst.meeting_lists(max_size=12), st.sampled_from(POOL))
def test_unicode_text_folding_agrees_with_fold(meetings: list[Meeting], party: str) -> None:
    """The fast ASCII path of the text index agrees with turkicorg.text.fold."""
    registry = MeetingRegistry(meetings)
    for m in meetings:
        for t in texts(m):
            assert m in registry.filter(text=t)
    assert ids(registry.filter(text=party)) == ids(brute(meetings, {"text": party}))


# Filters: one declaration, checked names -----------------------------------------------------


def test_filter_names_are_declared_once() -> None:
    """The TypedDict declares the names; the normalisation covers each of them, no other."""
    declared = set(MeetingFilters.__annotations__)
    assert set(FILTER_NAMES) == declared
    assert set(LOOKUPS) | {"year", "between", "text", "city", "country", "strict"} == declared
    for method in (MeetingRegistry.next, MeetingRegistry.previous, MeetingRegistry.latest):
        assert "filters" in inspect.signature(method).parameters


def test_unknown_filter_names_are_type_errors(sample: MeetingRegistry) -> None:
    """A misspelt filter is a TypeError naming it, even with a None value."""
    for call in (sample.filter, sample.next, sample.previous, sample.latest):
        with pytest.raises(TypeError, match="unknown meeting filter 'organs'"):
            call(organs="CFM")  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="unknown meeting filter 'yaer'"):
            call(yaer=None)  # type: ignore[call-arg]
    with pytest.raises(TypeError) as caught:
        sample.filter(organs="CFM")  # type: ignore[call-arg]
    assert str(caught.value) == (
        "unknown meeting filter 'organs': expected one of organ, body, kind, host, participant, "
        "year, between, status, text, city, country, strict"
    )
    assert sample.filter(organ=None, year=None, strict=False) is sample


def test_a_filter_given_as_none_is_not_given(sample: MeetingRegistry) -> None:
    """None means "not given", wherever it stands among the filters."""
    assert ids(sample.filter(organ=None, kind="extraordinary")) == ["cfm-video", "cfm-ist"]
    assert ids(sample.filter(year=None, host="TR", text=None, strict=True)) == ["cfm-ist", "plan"]
    assert sample.next(after="2022-01-11", between=None, organ="COE") == sample.get("coe-13")


# Issue #13: suspected bugs, pinned -----------------------------------------------------------


def test_next_after_a_day_within_a_year_of_short_meetings() -> None:
    """Issue #13 (not a bug): the range branch of next() finds the meeting after the day."""
    registry = MeetingRegistry(
        [
            meeting("jan", "2022-01-10"),
            meeting("mar", "2022-03-15"),
            meeting("jun", "2022-06-01"),
        ]
    )
    assert registry.next(after="2022-03-15", year=2022) == registry.get("jun")
    assert registry.next(after="2022-03-14", year=2022) == registry.get("mar")
    assert registry.next(after="2022-06-01", year=2022) is None
    assert registry.previous(before="2022-03-15", year=2022) == registry.get("jan")
    assert registry.latest(on="2022-03-15", year=2022) == registry.get("mar")


def test_year_and_between_together_are_both_applied() -> None:
    """Issue #13: with year= and between= a meeting must pass each, as when chained.

    A meeting from November 2021 to February 2022 may share a day with 2022 and with October-
    December 2021; the two windows are disjoint, which used to select nothing.
    """
    registry = MeetingRegistry(
        [
            meeting("long", "2021-11-20", "2022-02-05"),
            meeting("autumn", "2021-10-10"),
            meeting("spring", "2022-03-01"),
            meeting("year", "2021"),
        ]
    )
    between = ("2021-10-01", "2021-12-31")
    chained = registry.filter(year=2022).filter(between=between)
    assert ids(chained) == ["long"]
    assert ids(registry.filter(year=2022, between=between)) == ["long"]
    assert ids(registry.filter(year=2022, between=between, strict=True)) == []
    assert registry.next(after="2021-01-01", year=2022, between=between) == registry.get("long")
    assert registry.latest(on="2022-12-31", year=2022, between=between) == registry.get("long")
    # Overlapping windows: the later first day and the earlier last day.
    assert ids(registry.filter(year=2022, between=("2021-12", "2022-03-01"))) == [
        "long",
        "spring",
    ]
    assert ids(registry.filter(year=2021, between=("2021-10-15", None), strict=True)) == []
    # A range that ends before it begins is a mistake, not an empty answer.
    for call in (registry.filter, registry.next):
        with pytest.raises(InvalidDateError, match="2022-01-31 lies after its last bound"):
            call(year=2022, between=("2022-01-31", "2021-12-01"))


@given(
    tst.meeting_lists(),
    st.integers(2006, 2029),
    st.tuples(st.none() | date_likes, st.none() | date_likes).filter(
        lambda b: valid({"between": b})
    ),
    st.booleans(),
)
def test_year_and_between_equal_chained_filters(
    meetings: list[Meeting], year: int, between: tuple[Any, Any], strict: bool
) -> None:
    """filter(year=, between=) is filter(year=).filter(between=), disjoint windows included."""
    registry = MeetingRegistry(meetings)
    both = registry.filter(year=year, between=between, strict=strict)
    assert both == registry.filter(year=year, strict=strict).filter(between=between, strict=strict)
    f = {"year": year, "between": between, "strict": strict}
    assert ids(both) == ids(brute(meetings, f))
    day = dt.date(year, 6, 30)
    after = [m for m in both if m.earliest > day]
    found = registry.next(after=day, year=year, between=between, strict=strict)
    assert found == (after[0] if after else None)
