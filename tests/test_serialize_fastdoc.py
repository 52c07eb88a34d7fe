"""The meeting-by-meeting reader of canonical registry documents against the general path."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from turkicorg import InvalidDataError, MeetingRegistry, serialize
from turkicorg import strategies as tst
from turkicorg.serialize.fastdoc import PREFIX, fast_registry_text
from turkicorg.serialize.fastread import FAST_PATH, fast_registry_document
from turkicorg.serialize.jsontext import parse

SIGNIFICANT = '{}[],:" \n0123456789-tfnaeNI\\u"xŞ\ud800'


def outcome(read: Any, text: str) -> Any:
    """What a reader makes of a text: the registry, None (declined) or the error's text."""
    try:
        return read(text)
    except InvalidDataError as error:
        return ("error", str(error))


def general(text: str) -> Any:
    """The path that parses the whole document (pairs), then reads every meeting."""
    return fast_registry_document(parse(text, None, pairs=True))


def strict(text: str) -> Any:
    """The converter alone (the fast paths off): accepts and rejects what the format says."""
    with FAST_PATH.disabled():
        return serialize.loads(text, MeetingRegistry, max_size=None)


@given(tst.hostile_registries())
def test_canonical_documents_are_read_meeting_by_meeting(registry: MeetingRegistry) -> None:
    """Every document dumps writes is read here, to the registry it was written from."""
    text = serialize.dumps(registry)
    assert text.startswith(PREFIX)
    assert fast_registry_text(text) == registry
    assert fast_registry_text(text + "\n") == registry
    assert general(text) == registry


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A canonical document with a few characters inserted, deleted or replaced."""
    text = serialize.dumps(draw(tst.hostile_registries(max_size=3)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        change = draw(st.sampled_from(["insert", "delete", "replace"]))
        char = draw(st.sampled_from(SIGNIFICANT))
        if change == "insert":
            text = text[:at] + char + text[at:]
        elif change == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + char + text[at + 1 :]
    return text


@given(mutated())
def test_mutated_documents_agree_with_the_general_path(text: str) -> None:
    """Where the reader accepts or raises, the general path says the same; loads == strict."""
    fast = outcome(fast_registry_text, text)
    if fast is not None:
        assert fast == outcome(general, text)
    assert outcome(lambda t: serialize.loads(t, MeetingRegistry, max_size=None), text) == (
        outcome(strict, text)
    ) or _both_errors(text)


def _both_errors(text: str) -> bool:
    """Both paths reject (their messages may locate the first problem differently)."""
    loaded = outcome(lambda t: serialize.loads(t, MeetingRegistry, max_size=None), text)
    return isinstance(loaded, tuple) and isinstance(outcome(strict, text), tuple)


def test_layouts_other_than_the_canonical_one_are_declined() -> None:
    """White space, other key orders, trailing text and broken JSON go to the general path."""
    registry = MeetingRegistry()
    text = serialize.dumps(registry)
    assert fast_registry_text(text) == registry
    for other in (
        text.replace(",", ", "),
        '{"version":1,"format":"turkicorg","type":"MeetingRegistry","meetings":[]}',
        text + "x",
        text + " ",
        text[:-1],
        PREFIX,
        PREFIX + "[",
        PREFIX + '{"id":1}]}',
        PREFIX + "NaN]}",
    ):
        assert fast_registry_text(other) is None
    meeting = '{"id":"a","body":"CFM","kind":"regular","title":"t","start":"2022",'
    meeting += '"sources":["https://example.org/"]}'
    assert fast_registry_text(PREFIX + meeting + "]}") is not None
    for end in ("}", " ]}", ";]}"):  # after a meeting, neither a comma nor the array's end
        assert fast_registry_text(PREFIX + meeting + end) is None


def test_duplicate_ids_are_located_as_the_general_path_locates_them() -> None:
    """Problems between meetings are raised with the same paths by both routes."""
    meeting = '{"id":"a","body":"CFM","kind":"regular","title":"t","start":"2022",'
    meeting += '"sources":["https://example.org/"]}'
    text = PREFIX + meeting + "," + meeting + "]}"
    assert outcome(fast_registry_text, text) == outcome(general, text)
    assert outcome(fast_registry_text, text)[0] == "error"


def test_switched_off_with_the_fast_path() -> None:
    """The reader follows the fast path's switch."""
    text = serialize.dumps(MeetingRegistry())
    with FAST_PATH.disabled():
        assert fast_registry_text(text) is None
