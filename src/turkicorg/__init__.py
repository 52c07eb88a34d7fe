"""turkicorg: the Organization of Turkic States as typed Python.

>>> import turkicorg
>>> ots = turkicorg.load_default()
>>> ots.name(on="2022-01-01")
'Organization of Turkic States'
>>> ots.status_of("Turkey", on="2019-01-01")
<Status.MEMBER: 'member'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from turkicorg.chairmanship import CalendarYearRotation, ChairTerm, SummitHandover
from turkicorg.data import load_default
from turkicorg.dates import DateSpan, PartialDate, Precision
from turkicorg.decisions import (
    Consensus,
    InvalidPositionError,
    Majority,
    Outcome,
    Position,
    Unanimity,
    decide,
)
from turkicorg.elders import (
    CouncilOfElders,
    ElderChairPolicy,
    ElderChairTerm,
    NextChair,
    RotationPool,
)
from turkicorg.errors import (
    DataFileError,
    ErrorDetail,
    InvalidDataError,
    InvalidDateError,
    MissingExtraError,
    PolicyError,
    TurkicOrgError,
    UnknownMeetingError,
    UnknownStateError,
    UnsupportedTypeError,
    UnsupportedVersionError,
)
from turkicorg.meetings import Format, Meeting, MeetingKind, MeetingStatus, Participant, Place
from turkicorg.organization import (
    Appointment,
    Membership,
    Organization,
    OrganizationName,
    Person,
    Role,
    Status,
    Treaty,
)
from turkicorg.organs import Cadence, DecisionBasis, Mechanism, Organ, OrganProfile
from turkicorg.parties import FormerName, Party, PartyKind, State
from turkicorg.registry import MeetingRegistry
from turkicorg.rotation import (
    AlphabeticalRotation,
    FixedSequenceRotation,
    NameOrder,
    Override,
    Turn,
)
from turkicorg.sourcing import Alternative, Confidence

if TYPE_CHECKING:
    from turkicorg.serialize import dump, dumps, load, loads

__version__ = "0.1.0"

__all__ = [
    "AlphabeticalRotation",
    "Alternative",
    "Appointment",
    "Cadence",
    "CalendarYearRotation",
    "ChairTerm",
    "Confidence",
    "Consensus",
    "CouncilOfElders",
    "DataFileError",
    "DateSpan",
    "DecisionBasis",
    "ElderChairPolicy",
    "ElderChairTerm",
    "ErrorDetail",
    "FixedSequenceRotation",
    "Format",
    "FormerName",
    "InvalidDataError",
    "InvalidDateError",
    "InvalidPositionError",
    "Majority",
    "Mechanism",
    "Meeting",
    "MeetingKind",
    "MeetingRegistry",
    "MeetingStatus",
    "Membership",
    "MissingExtraError",
    "NameOrder",
    "NextChair",
    "Organ",
    "OrganProfile",
    "Organization",
    "OrganizationName",
    "Outcome",
    "Override",
    "PartialDate",
    "Participant",
    "Party",
    "PartyKind",
    "Person",
    "Place",
    "PolicyError",
    "Position",
    "Precision",
    "Role",
    "RotationPool",
    "State",
    "Status",
    "SummitHandover",
    "Treaty",
    "TurkicOrgError",
    "Turn",
    "Unanimity",
    "UnknownMeetingError",
    "UnknownStateError",
    "UnsupportedTypeError",
    "UnsupportedVersionError",
    "__version__",
    "decide",
    "dump",
    "dumps",
    "load",
    "load_default",
    "loads",
]

_LAZY = dict.fromkeys(("dump", "dumps", "load", "loads"), "turkicorg.serialize")


def __getattr__(name: str) -> Any:
    """Import the serializers on first use, so ``import turkicorg`` stays cheap."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'turkicorg' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    return getattr(importlib.import_module(module_name), name)
