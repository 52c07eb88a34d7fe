"""The timeline picture: content, windows, determinism, atomic writing, the missing extra."""

from __future__ import annotations

import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

import turkicorg
from turkicorg import strategies
from turkicorg.meetings import MeetingKind, MeetingStatus
from turkicorg.organs import Organ
from turkicorg.timeline import MissingExtraError, render_timeline, write_timeline

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"
# Rendering takes a tenth of a second or more: property tests draw at most this many examples.
SLOW = settings(max_examples=min(25, settings.default.max_examples))


@pytest.fixture(scope="module")
def ots() -> turkicorg.Organization:
    return turkicorg.load_default()


@pytest.fixture(scope="module")
def svg(ots: turkicorg.Organization) -> str:
    return render_timeline(ots)


def parse(svg: str) -> ET.Element:
    """The SVG as XML (it must be well-formed)."""
    return ET.fromstring(svg)  # noqa: S314 - the library's own output, not untrusted input


def doc_title(svg: str) -> str:
    """The document's title."""
    title = parse(svg).find(f"{SVG}title")
    assert title is not None
    return title.text or ""


def tooltips(svg: str) -> dict[str, str]:
    """The ``<title>`` of every element with an id, by id."""
    root = parse(svg)
    found = {}
    for element in root.iter(f"{SVG}g"):
        title = element.find(f"{SVG}title")
        if element.get("id") and title is not None:
            found[element.get("id", "")] = title.text or ""
    return found


def texts(svg: str) -> list[str]:
    """Every text element's content: labels stay text (svg.fonttype 'none')."""
    return [t.text or "" for t in parse(svg).iter(f"{SVG}text")]


def test_rows_are_labelled(ots: turkicorg.Organization, svg: str) -> None:
    """Each party with a status, the chairmanship and the Council of Elders have a labelled row."""
    labels = texts(svg)
    for membership in ots.memberships:
        assert ots.state(membership.party).short_name in labels
    assert "Chairmanship" in labels
    assert "Council of Elders chair" in labels
    assert "Summits (Council of Heads of State)" in labels


def test_years_on_the_axis(svg: str) -> None:
    """The axis is labelled with years, from the first membership to the last verification."""
    labels = texts(svg)
    assert {"2009", "2015", "2019", "2026", "2027"} <= set(labels)


def test_uzbekistan_bar_starts_on_the_7th_summit(svg: str) -> None:
    """Uzbekistan's membership bar is labelled and titled with its first day, 2019-10-15."""
    bars = {k: v for k, v in tooltips(svg).items() if k.startswith("membership-UZ-")}
    assert len(bars) == 1
    (title,) = bars.values()
    assert title.startswith("Uzbekistan: member from 2019-10-15, ongoing.")
    assert "Source: https://www.turkicstates.org/en/turk-konseyi-hakkinda" in title
    assert "member since 2019-10-15" in texts(svg)


def test_hungary_bar_keeps_the_alternative(svg: str) -> None:
    """A bar's tooltip names the alternatives other sources give (Hungary: 2019-09-03)."""
    (title,) = (v for k, v in tooltips(svg).items() if k.startswith("membership-HU-"))
    assert title.startswith("Hungary: observer from 2018-09-03")
    assert "Alternative start: 2019-09-03" in title


def test_every_chair_term_is_a_bar(ots: turkicorg.Organization, svg: str) -> None:
    """Every chairmanship term is a bar whose tooltip is the term's own explanation."""
    titles = tooltips(svg)
    terms = ots.chairs()
    assert terms
    for index, term in enumerate(terms):
        assert titles[f"chair-{index}"] == term.explain()
    uzbekistan = next(i for i, t in enumerate(terms) if t.state.id == "UZ")
    assert titles[f"chair-{uzbekistan}"].startswith(
        "Uzbekistan chairs the organization from 2022-11-11 until 2023-11-03."
    )


def test_council_of_elders_chair(svg: str) -> None:
    """The recorded Chairman of the Council of Elders is a labelled bar from 2021-11-12."""
    title = tooltips(svg)["elders-chair-0"]
    assert title.startswith("Chairman of the Council of Elders: Binali Yıldırım (Türkiye)")
    assert "Binali Yıldırım (TR), since 2021-11-12" in texts(svg)


def test_summits_are_marked_by_kind(ots: turkicorg.Organization, svg: str) -> None:
    """Every regular, extraordinary and informal summit is a mark that names its kind."""
    titles = tooltips(svg)
    summits = [
        m
        for m in ots.meetings
        if m.body is Organ.HEADS_OF_STATE
        and m.kind in {MeetingKind.REGULAR, MeetingKind.EXTRAORDINARY, MeetingKind.INFORMAL}
    ]
    assert {m.kind for m in summits} == {
        MeetingKind.REGULAR,
        MeetingKind.EXTRAORDINARY,
        MeetingKind.INFORMAL,
    }
    for meeting in summits:
        assert f"({meeting.kind.value}, {meeting.status.value})" in titles[f"summit-{meeting.id}"]
    assert "(extraordinary, confirmed): 2023-03-16" in titles["summit-chs-2023-03-16"]
    planned = [m for m in summits if m.status is MeetingStatus.TENTATIVE]
    assert planned, "the embedded data plans summits"
    for meeting in planned:
        assert "tentative" in titles[f"summit-{meeting.id}"]


def test_summit_known_to_the_month(ots: turkicorg.Organization) -> None:
    """A regular summit known only to the month is marked across the month; its term has no
    first day, so no bar, and the term before it runs on to the edge."""
    summit = turkicorg.Meeting(
        id="chs-2027-05",
        body="CHS",
        kind="regular",
        title="14th Summit (an example)",
        start="2027-05",
        ordinal=14,
        host="TR",
        sources=("https://example.org/chs-14",),
    )
    org = ots.with_meetings(ots.meetings.with_meetings(summit))
    terms = org.chairs()
    assert terms[-1].start is None
    assert terms[-2].end is None
    titles = tooltips(render_timeline(org))
    assert "(regular, confirmed): 2027-05" in titles["summit-chs-2027-05"]
    assert f"chair-{len(terms) - 1}" not in titles
    assert titles[f"chair-{len(terms) - 2}"] == terms[-2].explain()


def test_document_title(ots: turkicorg.Organization, svg: str) -> None:
    """The picture has a title, by default the organization's name and the years shown."""
    assert doc_title(svg) == (
        "Organization of Turkic States: members, observers, chairs and summits, 2009–2026"
    )
    custom = render_timeline(ots, title="OTS & friends <draft>")
    assert doc_title(custom) == "OTS & friends <draft>"
    assert "OTS & friends <draft>" in texts(custom)


def test_same_data_same_bytes(ots: turkicorg.Organization, svg: str) -> None:
    """Two renders of the same data are identical, whatever the global matplotlib settings."""
    import matplotlib as mpl  # noqa: PLC0415

    with mpl.rc_context({"svg.hashsalt": None, "svg.fonttype": "path", "font.size": 20}):
        again = render_timeline(ots)
    assert again == svg
    assert 'id="' in svg
    assert "<dc:date>" not in svg


def test_global_settings_untouched(ots: turkicorg.Organization) -> None:
    """Rendering leaves matplotlib's global settings as they were."""
    import matplotlib as mpl  # noqa: PLC0415

    before = dict(mpl.rcParams)
    render_timeline(ots)
    assert dict(mpl.rcParams) == before


def test_window(ots: turkicorg.Organization) -> None:
    """A window shows its years and only the parties with a status in it, named as then."""
    svg = render_timeline(ots, start="2019", end="2020")
    labels = texts(svg)
    assert {"2019", "2020", "2021"} <= set(labels)
    assert "2018" not in labels
    assert "2022" not in labels
    assert "Northern Cyprus" not in labels
    assert "ECO" not in labels
    assert "Turkey" in labels  # the name it used at the end of 2020
    assert "Türkiye" not in labels
    assert doc_title(svg).startswith("Cooperation Council of Turkic Speaking States:")
    ids = tooltips(svg)
    assert "summit-chs-2019-10-15" in ids
    assert "summit-chs-2021-11-12" not in ids


def test_window_end_before_start(ots: turkicorg.Organization) -> None:
    """An end before the start is a PolicyError; a malformed date an InvalidDateError."""
    with pytest.raises(turkicorg.PolicyError, match="must lie after"):
        render_timeline(ots, start="2020", end="2019")
    with pytest.raises(turkicorg.InvalidDateError):
        render_timeline(ots, start="2020-13")


def test_write_is_atomic(ots: turkicorg.Organization, svg: str, tmp_path: Path) -> None:
    """write_timeline writes the rendered SVG and leaves no temporary file behind."""
    target = tmp_path / "timeline.svg"
    assert write_timeline(ots, target) == target
    assert target.read_text(encoding="utf-8") == svg
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.svg"]


def test_failed_write_keeps_the_old_file(
    ots: turkicorg.Organization, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the final rename fails the old file is left whole and the temporary file removed."""
    target = tmp_path / "timeline.svg"
    target.write_text("old", encoding="utf-8")

    def fail(self: Path, other: object) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_timeline(ots, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.svg"]


def test_write_goes_through_a_symlink(
    ots: turkicorg.Organization, svg: str, tmp_path: Path
) -> None:
    """A symbolic link is written through, as by every other writer: the link stays."""
    target = tmp_path / "real.svg"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "timeline.svg"
    link.symlink_to(target.name)
    assert write_timeline(ots, link) == link
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == svg
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real.svg", "timeline.svg"]


def test_write_to_a_missing_folder(ots: turkicorg.Organization, tmp_path: Path) -> None:
    """A path that cannot be written is a DataFileError (an OSError) naming the path."""
    target = tmp_path / "missing" / "timeline.svg"
    with pytest.raises(turkicorg.DataFileError, match=re.escape(str(target))) as caught:
        write_timeline(ots, target)
    assert isinstance(caught.value, OSError)
    assert not (tmp_path / "missing").exists()


def test_missing_matplotlib(
    ots: turkicorg.Organization, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib the error is a TurkicOrgError and an ImportError naming the extra."""
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError) as caught:
        render_timeline(ots)
    error = caught.value
    assert isinstance(error, turkicorg.TurkicOrgError)
    assert isinstance(error, ImportError)
    assert error.name == "matplotlib"
    assert (error.extra, error.package) == ("timeline", "matplotlib")
    assert 'pip install "turkicorg[timeline]"' in str(error)
    with pytest.raises(ImportError):
        write_timeline(ots, tmp_path / "timeline.svg")
    assert not list(tmp_path.iterdir())


@SLOW
@given(strategies.organizations())
def test_any_organization_renders(org: turkicorg.Organization) -> None:
    """Any valid organization renders to well-formed SVG with one titled bar per membership."""
    svg = render_timeline(org)
    titles = tooltips(svg)
    for index, membership in enumerate(org.memberships):
        title = titles[f"membership-{membership.party}-{index}"]
        party = org.state(membership.party)
        assert title.startswith(f"{party.short_name}: {membership.status.value} from")
    assert not any(key.startswith(("chair-", "summit-")) for key in titles)


@SLOW
@given(strategies.registries())
def test_any_registry_renders(registry: turkicorg.MeetingRegistry) -> None:
    """With any meeting registry every summit is marked and every term with days is a bar."""
    org = turkicorg.load_default().with_meetings(registry)
    svg = render_timeline(org)
    titles = tooltips(svg)
    first = dt.date(int(min(re.findall(r">(\d{4})</text>", svg))), 1, 1)
    for meeting in org.meetings:
        drawn = f"summit-{meeting.id}" in titles
        summit = meeting.body is Organ.HEADS_OF_STATE and meeting.kind in {
            MeetingKind.REGULAR,
            MeetingKind.EXTRAORDINARY,
            MeetingKind.INFORMAL,
        }
        shown = meeting.status in {MeetingStatus.CONFIRMED, MeetingStatus.TENTATIVE}
        assert drawn == (summit and shown and meeting.latest >= first)
    for index, term in enumerate(org.chairs()):
        dated = term.start is not None and (term.end is None or term.end > term.start)
        assert (f"chair-{index}" in titles) == dated
