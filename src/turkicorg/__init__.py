"""turkicorg: the Organization of Turkic States as typed Python.

>>> import turkicorg
>>> ots = turkicorg.load_default()
>>> ots.name(on="2022-01-01")
'Organization of Turkic States'
>>> ots.status_of("Turkey", on="2019-01-01")
<Status.MEMBER: 'member'>
"""

from __future__ import annotations

# The public names are loaded on first use (module ``__getattr__`` below), so that
# ``import turkicorg`` costs almost nothing and a program pays only for the modules it uses
# (a command that reads the meetings does not build the rotation or decision classes).
# Type checkers and IDEs see the real imports.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

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
        MissingNameError,
        PolicyError,
        TurkicOrgError,
        UnknownLanguageError,
        UnknownMeetingError,
        UnknownNameError,
        UnknownStateError,
        UnsupportedTypeError,
        UnsupportedVersionError,
    )
    from turkicorg.localnames import LocalName, NameForm
    from turkicorg.meetings import (
        Format,
        Meeting,
        MeetingKind,
        MeetingStatus,
        Participant,
        Place,
    )
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
    from turkicorg.organs import (
        Cadence,
        ChairRotation,
        DecisionBasis,
        DecisionRule,
        Mechanism,
        Organ,
        OrganProfile,
    )
    from turkicorg.parties import FormerName, Party, PartyKind, State
    from turkicorg.record import OrganizationRecord
    from turkicorg.registry import MeetingRegistry
    from turkicorg.rotation import (
        AlphabeticalRotation,
        FixedSequenceRotation,
        NameOrder,
        Override,
        Turn,
    )
    from turkicorg.serialize import dump, dumps, json_schema, load, loads
    from turkicorg.sourcing import Alternative, Confidence

__version__ = "0.1.0"

__all__ = [
    "AlphabeticalRotation",
    "Alternative",
    "Appointment",
    "Cadence",
    "CalendarYearRotation",
    "ChairRotation",
    "ChairTerm",
    "Confidence",
    "Consensus",
    "CouncilOfElders",
    "DataFileError",
    "DateSpan",
    "DecisionBasis",
    "DecisionRule",
    "ElderChairPolicy",
    "ElderChairTerm",
    "ErrorDetail",
    "FixedSequenceRotation",
    "Format",
    "FormerName",
    "InvalidDataError",
    "InvalidDateError",
    "InvalidPositionError",
    "LocalName",
    "Majority",
    "Mechanism",
    "Meeting",
    "MeetingKind",
    "MeetingRegistry",
    "MeetingStatus",
    "Membership",
    "MissingExtraError",
    "MissingNameError",
    "NameForm",
    "NameOrder",
    "NextChair",
    "Organ",
    "OrganProfile",
    "Organization",
    "OrganizationName",
    "OrganizationRecord",
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
    "UnknownLanguageError",
    "UnknownMeetingError",
    "UnknownNameError",
    "UnknownStateError",
    "UnsupportedTypeError",
    "UnsupportedVersionError",
    "__version__",
    "decide",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "load_default",
    "loads",
]

_EXPORTS = {
    "turkicorg.chairmanship": ("CalendarYearRotation", "ChairTerm", "SummitHandover"),
    "turkicorg.data": ("load_default",),
    "turkicorg.dates": ("DateSpan", "PartialDate", "Precision"),
    "turkicorg.decisions": (
        "Consensus",
        "InvalidPositionError",
        "Majority",
        "Outcome",
        "Position",
        "Unanimity",
        "decide",
    ),
    "turkicorg.elders": (
        "CouncilOfElders",
        "ElderChairPolicy",
        "ElderChairTerm",
        "NextChair",
        "RotationPool",
    ),
    "turkicorg.errors": (
        "DataFileError",
        "ErrorDetail",
        "InvalidDataError",
        "InvalidDateError",
        "MissingExtraError",
        "PolicyError",
        "TurkicOrgError",
        "MissingNameError",
        "UnknownLanguageError",
        "UnknownMeetingError",
        "UnknownNameError",
        "UnknownStateError",
        "UnsupportedTypeError",
        "UnsupportedVersionError",
    ),
    "turkicorg.meetings": (
        "Format",
        "Meeting",
        "MeetingKind",
        "MeetingStatus",
        "Participant",
        "Place",
    ),
    "turkicorg.organization": (
        "Appointment",
        "Membership",
        "Organization",
        "OrganizationName",
        "Person",
        "Role",
        "Status",
        "Treaty",
    ),
    "turkicorg.localnames": ("LocalName", "NameForm"),
    "turkicorg.organs": (
        "Cadence",
        "ChairRotation",
        "DecisionBasis",
        "DecisionRule",
        "Mechanism",
        "Organ",
        "OrganProfile",
    ),
    "turkicorg.record": ("OrganizationRecord",),
    "turkicorg.parties": ("FormerName", "Party", "PartyKind", "State"),
    "turkicorg.registry": ("MeetingRegistry",),
    "turkicorg.rotation": (
        "AlphabeticalRotation",
        "FixedSequenceRotation",
        "NameOrder",
        "Override",
        "Turn",
    ),
    "turkicorg.serialize": ("dump", "dumps", "json_schema", "load", "loads"),
    "turkicorg.sourcing": ("Alternative", "Confidence"),
}
_LAZY = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """Load a public name (or a submodule, ``turkicorg.registry``) on first use."""
    import importlib  # noqa: PLC0415 - only when a name is first used

    module_name = _LAZY.get(name)
    if module_name is not None:
        value = getattr(importlib.import_module(module_name), name)
        globals()[name] = value  # later lookups are plain attribute reads
        return value
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
