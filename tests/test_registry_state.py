"""A stateful test: adding and removing meetings behaves like a dict of meetings by id."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from turkicorg import InvalidDataError, Meeting, MeetingRegistry, UnknownMeetingError
from turkicorg import strategies as tst


class RegistryMachine(RuleBasedStateMachine):
    """The registry against a model: a dict from id to meeting."""

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[str, Meeting] = {}
        self.registry = MeetingRegistry()

    def acceptable(self, *meetings: Meeting) -> bool:
        ids = [m.id for m in meetings]
        if len(set(ids)) != len(ids) or any(i in self.model for i in ids):
            return False
        taken = {(m.series_key, m.ordinal) for m in self.model.values() if m.ordinal is not None}
        for m in meetings:
            if m.ordinal is not None:
                if (m.series_key, m.ordinal) in taken:
                    return False
                taken.add((m.series_key, m.ordinal))
        return True

    @initialize(meetings=tst.meeting_lists(max_size=8))
    def start(self, meetings: list[Meeting]) -> None:
        self.registry = MeetingRegistry(meetings)
        self.model = {m.id: m for m in meetings}

    @rule(meetings=st.lists(tst.meetings(), min_size=1, max_size=3))
    def add(self, meetings: list[Meeting]) -> None:
        if self.acceptable(*meetings):
            self.registry = self.registry.with_meetings(*meetings)
            self.model.update((m.id, m) for m in meetings)
        else:
            with pytest.raises(InvalidDataError):
                self.registry.with_meetings(*meetings)

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        chosen = data.draw(st.lists(st.sampled_from(sorted(self.model)), min_size=1, max_size=3))
        self.registry = self.registry.without(*chosen)
        for meeting_id in chosen:
            self.model.pop(meeting_id, None)

    @rule(meeting_id=tst.meeting_ids())
    def remove_unknown(self, meeting_id: str) -> None:
        if meeting_id not in self.model:
            with pytest.raises(UnknownMeetingError):
                self.registry.without(meeting_id)

    @rule(day=tst.days(dt.date(2008, 1, 1), dt.date(2027, 12, 31)))
    def query(self, day: dt.date) -> None:
        after = sorted((m for m in self.model.values() if m.earliest > day), key=order)
        assert self.registry.next(after=day) == (after[0] if after else None)
        assert len(self.registry.filter(year=day.year)) == sum(
            m.earliest.year <= day.year <= m.latest.year for m in self.model.values()
        )

    @invariant()
    def same_as_model(self) -> None:
        assert list(self.registry) == sorted(self.model.values(), key=order)
        assert len(self.registry) == len(self.model)
        for meeting_id, meeting in self.model.items():
            assert self.registry.get(meeting_id) is meeting
            assert meeting in self.registry
            if meeting.ordinal is not None:
                assert self.registry.nth(meeting.series_key, meeting.ordinal) is meeting
        assert self.registry == MeetingRegistry(self.model.values())


def order(meeting: Meeting) -> tuple[dt.date, str]:
    return (meeting.earliest, meeting.id)


TestRegistryMachine = RegistryMachine.TestCase
TestRegistryMachine.__doc__ = "Random additions and removals keep the registry equal to the model."
