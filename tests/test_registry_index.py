"""The registry's indexes against plain scans: date index, composite indexes, runs, order, keys."""

from __future__ import annotations

import datetime as dt
from array import array
from itertools import chain
from operator import attrgetter
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg import Meeting, MeetingRegistry, Organ, PartialDate
from turkicorg import strategies as tst
from turkicorg.registry.checks import fast_check
from turkicorg.registry.dateindex import LOOK_BACK, SMALL, DateIndex, Runs, join, span_classes
from turkicorg.registry.index import _in_order, registry_order, sort_key, unique_keys

# Day numbers: a start and a length (0 to a little over a year), members sorted by start.
spans = st.lists(
    st.tuples(
        st.integers(0, 3000),
        st.one_of(st.integers(0, 3), st.integers(0, 40), st.integers(0, 400)),
    ),
    max_size=400,
).map(sorted)
days = st.integers(-500, 3600)


def scan(
    members: list[tuple[int, int]], positions: list[int], lo: int, hi: int, *, strict: bool
) -> list[int]:
    """The meaning of a date query, one member at a time."""
    if strict:
        return [p for p, (s, n) in zip(positions, members, strict=True) if lo <= s and s + n <= hi]
    return [p for p, (s, n) in zip(positions, members, strict=True) if s <= hi and s + n >= lo]


def index_of(members: list[tuple[int, int]], positions: list[int] | None) -> DateIndex:
    starts = array("i", [s for s, _ in members])
    ends = array("i", [s + n for s, n in members])
    return DateIndex(starts, ends, None if positions is None else array("i", positions))


@st.composite
def queries(draw: st.DrawFn) -> tuple[list[tuple[int, int]], int, int]:
    """Members and a query whose days are often a member's first or last day, or next to one.

    Half the queries are reversed (``lo > hi``: the members that cover both days).
    """
    members = draw(spans)
    marks = [day for start, length in members for day in (start, start + length)]

    def day() -> int:
        if marks and draw(st.booleans()):
            return draw(st.sampled_from(marks)) + draw(st.integers(-1, 1))
        return draw(days)

    return members, day(), day()


@given(queries(), st.booleans(), st.booleans())
def test_date_index_equals_a_scan(
    query: tuple[list[tuple[int, int]], int, int], strict: bool, subset: bool
) -> None:
    """Overlap and strict selections, whole-registry or composite, equal a scan, in order."""
    members, lo, hi = query
    positions = [3 * i + 1 for i in range(len(members))] if subset else None
    index = index_of(members, positions)
    expected = scan(members, positions or list(range(len(members))), lo, hi, strict=strict)
    found = index.select(lo, hi, strict=strict)
    assert list(found) == expected
    assert len(found) == len(expected)


@given(spans)
def test_span_classes_cover_every_member_once(members: list[tuple[int, int]]) -> None:
    """Each member is in exactly one class, whose span bounds its length."""
    index = index_of(members, None)
    seen: list[int] = []
    for c in span_classes(index.starts, index.ends):
        local = range(len(c.starts)) if c.members is None else c.members
        seen += local
        assert list(c.starts) == sorted(c.starts)
        assert all(e - s <= c.span for s, e in zip(c.starts, c.ends, strict=True))
    assert sorted(seen) == list(range(len(members)))


parts = st.lists(st.integers(0, 5), max_size=6).flatmap(
    lambda steps: st.lists(st.booleans(), min_size=len(steps), max_size=len(steps)).map(
        lambda kinds: _parts(steps, kinds)
    )
)


def _parts(steps: list[int], as_range: list[bool]) -> list[Any]:
    out: list[Any] = []
    start = 0
    for size, is_range in zip(steps, as_range, strict=True):
        run = range(start, start + size * 20)
        out.append(run if is_range else list(run)[::3])
        start += size * 20 + 5
    return out


@given(parts, st.integers(-200, 200))
def test_runs_behave_as_the_list_of_their_positions(pieces: list[Any], i: int) -> None:
    """Runs (and join) read as the plain list of positions: length, items, slices, take."""
    plain = list(chain.from_iterable(pieces))
    runs = Runs(pieces)
    joined = join(pieces)
    assert list(joined) == plain
    assert len(runs) == len(plain)
    assert list(runs) == plain
    assert runs[2:-3] == plain[2:-3]
    if -len(plain) <= i < len(plain):
        assert runs[i] == plain[i]
    else:
        with pytest.raises(IndexError):
            runs[i]
    items = tuple(range(1000, 1000 + (plain[-1] + 1 if plain else 0)))
    assert runs.take(items) == tuple(items[p] for p in plain)
    assert (type(joined) is Runs) == (len([p for p in pieces if p]) > 1 and len(plain) > SMALL)


def test_every_span_class_adds_its_members_in_registry_order() -> None:
    """Members of two length classes, each straddling a range's first day or its last: all
    are found, in registry order, whole-registry and composite."""
    members = sorted((100 + 40 * i, length) for i in range(12) for length in (1, 9, 300))
    for positions in (None, [2 * i + 5 for i in range(len(members))]):
        index = index_of(members, positions)
        assert len(index.classes) == 2  # lengths 1 and 9 (merged: thin), and 300
        every = positions or list(range(len(members)))
        # 381..385 overlaps members of both classes that start before it; 380..381 strictly
        # holds (380, 1) only, while (380, 9) and (380, 300) start in it and end after it.
        for lo, hi, strict in ((381, 385, False), (380, 381, True), (100, 560, True)):
            expected = scan(members, every, lo, hi, strict=strict)
            assert list(index.select(lo, hi, strict=strict)) == expected
        assert {members[every.index(p)][1] for p in index.select(381, 385, strict=False)} == {
            1,
            9,
            300,
        }
        assert [members[every.index(p)] for p in index.select(380, 381, strict=True)] == [(380, 1)]
        # Reversed: the members that cover both days, none that starts between them.
        assert list(index.select(541, 539, strict=False)) == scan(
            members, every, 541, 539, strict=False
        )


def spans_of(members: list[tuple[int, int]]) -> list[int]:
    """The spans of the classes, checking that the classes hold every member once."""
    index = index_of(sorted(members), None)
    classes = span_classes(index.starts, index.ends)
    held = [i for c in classes for i in (range(len(members)) if c.members is None else c.members)]
    assert sorted(held) == list(range(len(members)))
    return [c.span for c in classes]


def test_span_classes_split_at_four_days_and_merge_thin_classes() -> None:
    """Up to 3 days is one class; 4 days starts the next; a class is merged into the next
    longer one exactly when that costs fewer than LOOK_BACK extra checks a day."""
    assert spans_of([]) == [0]
    assert spans_of([(5, 0), (6, 3)]) == [3]
    same_day = [(100, 0)] * 50 + [(100, 4)] * 50
    assert spans_of(same_day) == [0, 4]  # dense: two classes
    # 8 and 12 days are one class (8-15), however dense.
    assert spans_of([(100, 0)] * 50 + [(100, 8)] * 50 + [(100, 12)] * 50) == [0, 12]
    ten_days = range(100, 110)
    # 10 short members, 8 days longer, over 10 days: 10 * 8 == LOOK_BACK * 10, not fewer.
    assert LOOK_BACK == 8
    assert spans_of([(d, 0) for d in ten_days] + [(d, 8) for d in ten_days]) == [0, 8]
    # 1 member of 3 days, 79 days longer: 79 < 80 extra checks, so one class.
    assert spans_of([(100, 3), (109, 82)]) == [82]
    assert span_classes(*_days([(100, 3), (109, 82)]))[0].members is None


def _days(members: list[tuple[int, int]]) -> tuple[array[int], array[int]]:
    index = index_of(members, None)
    return index.starts, index.ends


@pytest.mark.parametrize(("distinct", "calls"), [(4, 4), (6, 6), (7, 12)])
def test_day_numbers_computes_each_shared_date_once(distinct: int, calls: int) -> None:
    """Twelve dates of which ``distinct`` are different objects: computed once per object
    while at most half are distinct (loaded data shares them), else once per date."""
    from turkicorg.registry.dateindex import day_numbers  # noqa: PLC0415

    objects = [PartialDate(2000 + i, 1 + i % 12, 1 + i % 5) for i in range(distinct)]
    pool = [objects[i % distinct] for i in range(12)]
    seen: list[PartialDate] = []

    def day(date: PartialDate) -> int:
        seen.append(date)
        return date.earliest.toordinal()

    numbers = day_numbers(pool, day)
    assert list(numbers) == [d.earliest.toordinal() for d in pool]
    assert len(seen) == calls


def test_runs_name_a_bad_index_and_take_ranges_by_slice() -> None:
    """An index past the end is an IndexError saying so; a range part is taken as one slice."""
    runs = Runs([range(40), [50, 52], range(60, 90)])
    with pytest.raises(IndexError, match=r"^position index out of range$"):
        runs[len(runs)]
    with pytest.raises(IndexError, match=r"^position index out of range$"):
        runs[-len(runs) - 1]

    class Counting(tuple[int, ...]):
        lookups = 0

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, int):
                Counting.lookups += 1
            return super().__getitem__(key)

    items = Counting(range(100))
    assert runs.take(items) == (*range(40), 50, 52, *range(60, 90))
    assert Counting.lookups == 2  # the two listed positions; the ranges are slices


def test_join_keeps_a_list_up_to_small_and_runs_beyond() -> None:
    """Exactly SMALL positions in two parts are a plain list; one more is Runs."""
    half = SMALL // 2
    assert type(join([range(half), range(100, 100 + SMALL - half)])) is list
    assert type(join([range(half), range(100, 101 + SMALL - half)])) is Runs
    assert join([range(3), []]) == range(3)
    assert join([[], range(0)]) == ()


def test_a_year_query_over_many_meetings_is_a_run() -> None:
    """Long meetings before the range come first, then one run (taken by slices)."""
    long = [
        _meeting(f"long{i}", "2021-12-20", "2022-01-05", body="CFM" if i % 2 else "CHS")
        for i in range(3)
    ]
    short = [
        _meeting(f"s{i:03d}", (dt.date(2022, 1, 1) + dt.timedelta(days=i % 300)).isoformat())
        for i in range(SMALL * 2)
    ]
    registry = MeetingRegistry([*short, *long, _meeting("old", "2019")])
    found = registry.filter(year=2022)
    assert [m.id for m in found] == [m.id for m in _brute(registry, 2022, None)]
    assert len(found) == len(short) + len(long)
    assert [m.id for m in registry.filter(year=2022, organ="CHS")] == [
        m.id for m in _brute(registry, 2022, Organ.HEADS_OF_STATE)
    ]
    strict = registry.filter(year=2022, strict=True)
    assert [m.id for m in strict] == [m.id for m in _meetings_inside(registry, 2022)]


def _meeting(meeting_id: str, start: str, end: str | None = None, **fields: Any) -> Meeting:
    fields.setdefault("body", "COE")
    return Meeting(
        id=meeting_id,
        kind="regular",
        title=meeting_id,
        start=start,
        end=end,
        sources=("https://example.org/source",),
        **fields,
    )


def _brute(registry: MeetingRegistry, year: int, organ: Organ | None) -> list[Meeting]:
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [
        m
        for m in registry
        if m.earliest <= hi and m.latest >= lo and (organ is None or m.body is organ)
    ]


def _meetings_inside(registry: MeetingRegistry, year: int) -> list[Meeting]:
    return [m for m in registry if m.earliest.year == year and m.latest.year == year]


# Large registries: composite (value, date) indexes against a scan ------------------------------

BODIES = ["CHS", "CFM", "SOC", "COE", "SEC", "policy_consultations"]
HOSTS = ["AZ", "KZ", "TR", None]


@st.composite
def big_registries(draw: st.DrawFn) -> MeetingRegistry:
    """Up to a few hundred meetings over a few years: many results, several length classes."""
    count = draw(st.integers(0, 300))
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 1500),
                st.sampled_from(["day", "day", "day", "span", "month", "year"]),
                st.sampled_from(BODIES),
                st.sampled_from(HOSTS),
            ),
            min_size=count,
            max_size=count,
        )
    )
    meetings = []
    for i, (offset, precision, body, host) in enumerate(rows):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=offset)
        start, end = day.isoformat(), None
        if precision == "span":
            end = (day + dt.timedelta(days=offset % 9)).isoformat()
        elif precision == "month":
            start = start[:7]
        elif precision == "year":
            start = start[:4]
        meetings.append(
            Meeting(
                id=f"m{i:04d}",
                body=body,
                kind="regular",
                title="t",
                start=start,
                end=end,
                host=host,
                sources=("https://example.org/s",),
            )
        )
    return MeetingRegistry(meetings)


def _passes(m: Meeting, f: dict[str, Any], lo: dt.date, hi: dt.date) -> bool:
    if f.get("strict"):
        inside = lo <= m.earliest and m.latest <= hi
    else:
        inside = m.earliest <= hi and m.latest >= lo
    return (
        inside
        and ("organ" not in f or m.body.value == f["organ"])
        and ("host" not in f or m.host == f["host"])
    )


@given(
    big_registries(),
    st.fixed_dictionaries(
        {"between": st.tuples(st.integers(0, 1600), st.integers(0, 400))},
        optional={
            "organ": st.sampled_from(BODIES[:5]),
            "host": st.sampled_from(HOSTS[:3]),
            "strict": st.booleans(),
        },
    ),
)
def test_composite_indexes_equal_a_scan(registry: MeetingRegistry, f: dict[str, Any]) -> None:
    """Field + date filters over large registries equal a scan; next() within them too."""
    offset, width = f.pop("between")
    lo = dt.date(2020, 1, 1) + dt.timedelta(days=offset)
    hi = lo + dt.timedelta(days=width)
    expected = [m.id for m in registry if _passes(m, f, lo, hi)]
    found = registry.filter(between=(lo, hi), **f)
    assert [m.id for m in found] == expected
    after = lo + dt.timedelta(days=width // 2)
    following = [m for m in found if m.earliest > after]
    assert registry.next(after=after, between=(lo, hi), **f) == (
        following[0] if following else None
    )


# Construction: order and the uniqueness check ---------------------------------------------------


@given(tst.meeting_lists(max_size=30))
def test_registry_order_equals_the_sort_key(meetings: list[Meeting]) -> None:
    """Two stable sorts order as (earliest, id), the string key of the registry."""
    assert registry_order(meetings) == sorted(meetings, key=sort_key)
    assert registry_order(meetings) == sorted(meetings, key=attrgetter("earliest", "id"))


@given(tst.meeting_lists(max_size=30), st.data())
def test_registry_order_of_meetings_nearly_in_order(meetings: list[Meeting], data: Any) -> None:
    """Meetings already in order (as a document lists them) are kept as given; one pair
    swapped, or one meeting moved, is sorted again."""
    ordered = sorted(meetings, key=sort_key)
    assert registry_order(ordered) == ordered
    assert registry_order(iter(ordered)) == ordered
    if len(ordered) >= 2:
        i = data.draw(st.integers(0, len(ordered) - 2))
        j = data.draw(st.integers(i + 1, len(ordered) - 1))
        swapped = list(ordered)
        swapped[i], swapped[j] = swapped[j], swapped[i]
        assert registry_order(swapped) == ordered
        moved = list(ordered)
        moved.insert(j, moved.pop(i))
        assert registry_order(moved) == ordered


@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["a", "b", "c", "ab"])), max_size=8))
def test_in_order_is_the_order_of_the_pairs(pairs: list[tuple[int, str]]) -> None:
    """The pass of comparisons says what comparing the pairs says (equal pairs included)."""
    days = [day for day, _ in pairs]
    ids = [ident for _, ident in pairs]
    assert _in_order(days, ids) == (pairs == sorted(pairs))


@pytest.mark.parametrize(
    ("days", "ids", "expected"),
    [
        ([1, 1, 2], ["b", "c", "a"], True),  # a later day may have a smaller id
        ([1, 1, 2], ["c", "b", "a"], False),  # the same day: ids ascend
        ([1, 2, 1], ["a", "b", "c"], False),  # days ascend
        ([2, 1], ["a", "b"], False),
        ([1, 1], ["a", "a"], True),  # equal pairs stay (ids are checked unique apart)
        ([], [], True),
        ([5], ["x"], True),
    ],
)
def test_in_order_examples(days: list[int], ids: list[str], expected: bool) -> None:
    assert _in_order(days, ids) is expected


def test_registry_order_keeps_equal_keys_in_the_given_order() -> None:
    """Two meetings with one id and one day (a registry refuses them later) keep their order,
    whether the list was in order or not; so does a registry's sort of the embedded data."""
    first = next(iter(turkicorg.load_default().meetings))
    twin = attrs.evolve(first, title="another title")
    later = attrs.evolve(first, id="zz-later", start="2099", end=None)
    assert registry_order([first, twin]) == [first, twin]
    assert registry_order([twin, first]) == [twin, first]
    assert [m.title for m in registry_order([later, twin, first])] == [
        twin.title,
        first.title,
        later.title,
    ]


series_values = st.sampled_from([None, "", "CFM:regular", "CHS:regular", "s1"])


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d", "e", "f"]),
            st.sampled_from(["CFM", "CHS"]),
            st.sampled_from([None, 1, 2]),
            series_values,
        ),
        max_size=8,
    )
)
def test_unique_keys_agrees_with_the_full_check(rows: list[tuple[Any, ...]]) -> None:
    """The fast uniqueness check says what the located check says (ids, series ordinals)."""
    meetings = [
        Meeting(
            id=f"{meeting_id}{i}" if i % 3 else meeting_id,
            body=body,
            kind="regular",
            title="t",
            start="2022",
            ordinal=ordinal,
            series=series,
            sources=("https://example.org/s",),
        )
        for i, (meeting_id, body, ordinal, series) in enumerate(rows)
    ]
    assert unique_keys(meetings) == fast_check(meetings)


# Field indexes: the narrowest column of codes; intersections ------------------------------


@pytest.mark.parametrize(
    ("values", "typecode"), [(1, "B"), (256, "B"), (257, "H"), (65536, "H"), (65537, "i")]
)
def test_field_columns_use_the_narrowest_codes(values: int, typecode: str) -> None:
    """Up to 256 distinct values are one byte a meeting, up to 65,536 two, then four; the
    positions of each value and the narrowing by value stay exact at each width."""
    from types import SimpleNamespace  # noqa: PLC0415

    from turkicorg.registry.index import FieldIndex  # noqa: PLC0415

    rows = [SimpleNamespace(host=f"h{i % values}") for i in range(values + 3)]
    index = FieldIndex(rows, "host")  # type: ignore[arg-type]
    assert index.column is not None
    assert index.column.typecode == typecode
    last = f"h{values - 1}"
    holding = [i for i in range(len(rows)) if i % values == values - 1]
    assert list(index.positions[last]) == holding
    assert list(index.positions["h0"]) == [i for i in range(len(rows)) if i % values == 0]
    assert index.narrow(range(len(rows)), last) == holding
    assert index.narrow(range(1, len(rows), 2), "h0") == [
        i for i in range(1, len(rows), 2) if i % values == 0
    ]
    assert index.narrow(range(len(rows)), "absent") == []


class _Spy(list[int]):
    """A sorted list that counts how often it is iterated whole."""

    walks = 0

    def __iter__(self) -> Any:
        _Spy.walks += 1
        return super().__iter__()


@pytest.mark.parametrize(("longer", "gallops"), [(16 * 5, False), (16 * 5 + 1, True)])
def test_intersect_gallops_only_past_the_ratio(longer: int, gallops: bool) -> None:
    """Five positions against a side more than GALLOP times longer are found by bisection
    (the long side is never walked); up to that ratio both sides are walked as sets."""
    from turkicorg.registry.index import GALLOP, intersect  # noqa: PLC0415

    assert GALLOP == 16
    few = [0, 7, 40, longer - 1, longer + 5]  # the last lies past the long side
    many = _Spy(range(longer))
    _Spy.walks = 0
    assert intersect(few, many) == [0, 7, 40, longer - 1]
    assert (_Spy.walks == 0) == gallops


def test_participant_index_narrows_and_haystack_separates_fields() -> None:
    """The participant index (several values a meeting) narrows by bisection or sets, an
    unknown party to nothing; a meeting's searchable text is its folded fields joined by NUL."""
    from turkicorg.registry.index import FieldIndex, haystack  # noqa: PLC0415

    meetings = [
        _meeting(f"m{i}", f"2022-01-{1 + i:02d}", body="CFM", host="KZ" if i % 2 else "TR")
        for i in range(6)
    ]
    index = FieldIndex(meetings, "participant")
    assert index.column is None
    assert list(index.narrow([0, 1, 2, 3], "KZ")) == [1, 3]
    assert list(index.narrow([0, 1, 2, 3], "XX")) == []
    place = Meeting(
        id="p",
        body="CFM",
        kind="regular",
        title="Türkiye  Meeting",
        theme="Unity",
        start="2022",
        note="Note",
        sources=("https://example.org/",),
    )
    assert haystack(place) == "turkiye meeting\x00unity\x00note"


def test_a_registry_builds_each_index_once() -> None:
    """Indexes are built on first use and kept: the same field index, composite date index
    and searchable text serve every later query; a composite for a value no meeting has is
    not kept (a registry does not grow with the values asked about)."""
    registry = MeetingRegistry(
        [_meeting(f"meeting-{i}", f"2022-0{1 + i}-01", body="CFM", host="KZ") for i in range(3)]
    )
    assert len(registry.filter(host="KZ", year=2022, text="meeting")) == 3
    index, composite = registry._index("host"), registry._composite("host", "KZ")
    assert registry._index("host") is index
    assert registry._composite("host", "KZ") is composite
    assert registry._haystack(1) is registry._haystack(1)
    assert len(registry.filter(host="XX", year=2022)) == 0
    assert ("host", "XX") not in registry._composites


def test_day_numbers_fit_the_array_typecode() -> None:
    """The typecode holds every day number of the calendar (up to 31 December 9999)."""
    from turkicorg.registry.dateindex import TYPECODE  # noqa: PLC0415

    assert array(TYPECODE, [dt.date.max.toordinal()])[0] == 3_652_059
    assert array(TYPECODE).itemsize >= 4


@pytest.mark.parametrize(("i", "j"), [(0, 1), (14, 15), (15, 16), (16, 17), (40, 41), (0, 81)])
def test_real_meetings_out_of_order_in_or_past_the_first_ones_are_sorted(i: int, j: int) -> None:
    """The embedded registry's meetings with one pair swapped: inside the first ``HEAD``
    (sorted at once), across its end, or past it (found by the pass over all of them)."""
    ordered = list(turkicorg.load_default().meetings)
    assert len(ordered) > j
    assert registry_order(ordered) == ordered
    swapped = list(ordered)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    assert registry_order(swapped) == ordered
    assert registry_order(list(reversed(ordered))) == ordered
