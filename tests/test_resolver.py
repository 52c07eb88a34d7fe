"""One way to name things: organs, kinds, statuses and dates, the same everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import turkicorg
from turkicorg.dates import as_date, as_range
from turkicorg.errors import InvalidDateError, TurkicOrgError, UnknownNameError
from turkicorg.meetings import MeetingKind, MeetingStatus, resolve_kind, resolve_status
from turkicorg.organs import ORGAN_NAMES, Mechanism, Organ, resolve_body, resolve_organ

OTS = turkicorg.load_default()
ACCENTS = {"e": "é", "a": "á", "o": "ö", "u": "ü", "i": "í", "c": "ç"}


def _respell(name: str, flags: list[bool]) -> str:
    """The name with letters in either case and some vowels accented."""
    out = []
    for char, flag in zip(name, flags + [False] * len(name), strict=False):
        changed = char.upper() if flag else char.lower()
        out.append(ACCENTS.get(changed, changed) if flag and changed in ACCENTS else changed)
    return "".join(out)


@given(st.sampled_from(list(Organ)), st.data())
def test_any_case_or_accent_of_a_known_name_resolves_to_the_same_organ(
    organ: Organ, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from([organ.value, organ.name, *ORGAN_NAMES[organ]]))
    flags = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    assert resolve_organ(_respell(name, flags)) is organ
    assert resolve_body(_respell(name, flags)) is organ
    assert OTS.profile(_respell(name, flags)).organ is organ


def test_examples_of_the_issue() -> None:
    assert OTS.decide("CoE", {"TR": "support"}, on="2024-01-01").adopted
    assert OTS.decide("Council of Elders", {"TR": "support"}, on="2024-01-01").adopted
    assert OTS.decide("Council of Heads of State", {"TR": "object"}, on="2024-01-01").blocked_by
    assert resolve_body("National Security Councils") is Mechanism.NATIONAL_SECURITY_COUNCILS
    assert resolve_kind("Extraordinary") is MeetingKind.EXTRAORDINARY
    assert resolve_status("planned") is MeetingStatus.TENTATIVE


@pytest.mark.parametrize("bad", ["CEO", "Council of Eldres", "", 5, None])
def test_unknown_names_are_turkicorg_value_errors_with_choices(bad: object) -> None:
    with pytest.raises(UnknownNameError) as caught:
        resolve_organ(bad)  # type: ignore[arg-type]
    assert isinstance(caught.value, TurkicOrgError)
    assert isinstance(caught.value, ValueError)
    assert "choose from CHS, CFM, SOC, COE, SEC" in str(caught.value)
    with pytest.raises(UnknownNameError):
        OTS.decide(bad, {"TR": "support"})  # type: ignore[arg-type]


def test_suggestions() -> None:
    with pytest.raises(UnknownNameError, match="did you mean COE"):
        resolve_organ("CEO")
    with pytest.raises(UnknownNameError, match="did you mean Council of Elders"):
        resolve_organ("Council of Eldres")
    with pytest.raises(UnknownNameError, match=r"expected text, got int"):
        resolve_kind(5)  # type: ignore[arg-type]


def test_one_date_parser() -> None:
    """``today``, a ``datetime`` (its date), partial dates; a wrong type names the type."""
    moment = dt.datetime(2024, 5, 1, 23, 59, tzinfo=dt.UTC)
    assert as_date(moment) == dt.date(2024, 5, 1)
    assert OTS.chair(on=moment) == OTS.chair(on="2024-05-01")
    naive = dt.datetime(2019, 10, 15, 12)  # noqa: DTZ001 - what web code often passes
    assert OTS.members(on=naive) == OTS.members(on="2019-10-15")
    assert as_date("2024") == dt.date(2024, 1, 1)
    assert as_date("2024", last=True) == dt.date(2024, 12, 31)
    with pytest.raises(InvalidDateError, match="got float"):
        as_date(2024.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError, match="got list"):
        OTS.chair(on=[2024])  # type: ignore[arg-type]


def test_today_is_the_clock_passed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """``"today"`` and None read the library's clock, which a test (or a user) can fix."""
    from turkicorg import dates  # noqa: PLC0415

    monkeypatch.setattr(dates, "today", lambda: dt.date(2024, 6, 1))
    assert as_date("today") == as_date(" Today ") == as_date(None) == dt.date(2024, 6, 1)
    assert OTS.chair(on="today") == OTS.chair(on="2024-06-01")


@given(st.dates(), st.dates())
def test_any_reversed_pair_is_rejected(first: dt.date, last: dt.date) -> None:
    if first <= last:
        assert as_range(first, last) == (first, last)
        return
    with pytest.raises(InvalidDateError, match="the range is reversed") as caught:
        as_range(first, last)
    assert str(first) in str(caught.value)
    assert str(last) in str(caught.value)
    with pytest.raises(InvalidDateError):
        OTS.meetings.filter(between=(first, last))
