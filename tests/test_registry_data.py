"""The registry on the embedded meetings: examples pinned to sourced history."""

from __future__ import annotations

import datetime as dt

import pytest

import turkicorg
from turkicorg import Format, MeetingRegistry, Organ, cadence
from turkicorg.cadence import Gap


@pytest.fixture(scope="module")
def meetings() -> MeetingRegistry:
    return turkicorg.load_default().meetings


def test_extraordinary_foreign_ministers_meetings_of_2022(meetings: MeetingRegistry) -> None:
    """Two extraordinary CFM meetings in 2022: 11 January by video, 17 October in Istanbul."""
    found = meetings.filter(organ="CFM", kind="extraordinary", year=2022)
    assert [(m.id, m.span.earliest) for m in found] == [
        ("cfm-2022-01-11", dt.date(2022, 1, 11)),
        ("cfm-2022-10-17", dt.date(2022, 10, 17)),
    ]
    video, istanbul = found
    assert video.format is Format.VIDEO
    assert istanbul.place is not None
    assert istanbul.place.city == "Istanbul"


def test_14th_council_of_elders_meeting(meetings: MeetingRegistry) -> None:
    """The 14th meeting of the Council of Elders: 17-18 October 2023 in Samarkand."""
    coe14 = meetings.nth("COE", 14)
    assert coe14.organ is Organ.COUNCIL_OF_ELDERS
    assert str(coe14.span) == "2023-10-17/2023-10-18"
    assert coe14.place is not None
    assert coe14.place.city == "Samarkand"


def test_ots_osce_secretaries_general_meeting(meetings: MeetingRegistry) -> None:
    """OTS and OSCE Secretaries General met on 31 March 2023 in Vienna."""
    (found,) = meetings.filter(participant="OSCE", year=2023)
    assert found.id == "bil-2023-03-31-ots-osce"
    assert str(found.span) == "2023-03-31"
    assert found.place is not None
    assert found.place.city == "Vienna"
    assert found in meetings.filter(text="osce", between=("2023-03", "2023-03"))


def test_council_of_elders_gaps(meetings: MeetingRegistry) -> None:
    """Against "twice a year", the 12th-18th meetings leave two gaps, the longest 2022-23."""
    # The longest: after the 13th meeting (August 2022) two half-yearly windows (February and
    # August 2023) passed before the 14th met on 17 October 2023. After the 15th (March 2024)
    # the September 2024 window passed before the 16th (28 November 2024). The 18th (4
    # November 2025) came within November, the month expected after the 17th (May 2025).
    elders = turkicorg.load_default().profile("COE")
    found = cadence.gaps(meetings, "COE", between=("2022-01-01", "2025-11-04"), profile=elders)
    assert found == (
        Gap(
            start=dt.date(2022, 9, 1),
            end=dt.date(2023, 10, 16),
            expected_interval_months=6,
            missing=2,
            last_before="coe-13",
            first_after="coe-14",
        ),
        Gap(
            start=dt.date(2024, 3, 13),
            end=dt.date(2024, 11, 27),
            expected_interval_months=6,
            missing=1,
            last_before="coe-15",
            first_after="coe-16",
        ),
    )


def test_next_council_of_elders_meeting_due(meetings: MeetingRegistry) -> None:
    """Six months after the 18th meeting (4 November 2025), the next is due in May 2026."""
    elders = turkicorg.load_default().profile("COE")
    due = cadence.due(meetings, "COE", on="2025-12-01", profile=elders)
    assert (due.last, due.window, due.overdue) == (
        "coe-18",
        (dt.date(2026, 5, 1), dt.date(2026, 5, 31)),
        False,
    )


def test_registry_is_valid_against_the_parties(meetings: MeetingRegistry) -> None:
    """Every embedded meeting names only known parties; the registry validates."""
    ots = turkicorg.load_default()
    meetings.validate(parties={p.id for p in ots.parties})


def test_filters_accept_any_case_and_reject_unknown_values(meetings: MeetingRegistry) -> None:
    """Organ, body, kind and status names are case-insensitive; unknown ones are TurkicOrgErrors."""
    upper = meetings.filter(organ="CFM", kind="extraordinary", year=2022)
    assert meetings.filter(organ="cfm", kind="EXTRAORDINARY", year=2022) == upper
    assert meetings.filter(body="coe") == meetings.filter(organ="COE")
    assert meetings.filter(body="BILATERAL", status="Confirmed")
    assert meetings.filter(status="held") == meetings.filter(status="confirmed")
    for bad in ({"organ": "xyz"}, {"body": "xyz"}, {"kind": 5}, {"status": "done"}):
        with pytest.raises(turkicorg.errors.UnknownNameError, match="unknown"):
            meetings.filter(**bad)  # type: ignore[arg-type]
