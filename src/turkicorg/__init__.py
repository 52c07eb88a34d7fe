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
from turkicorg.lazy import lazy_names

TYPE_CHECKING = False
if TYPE_CHECKING:
    from turkicorg.chairmanship import CalendarYearRotation, ChairTerm, SummitHandover
    from turkicorg.data import load_default, load_record
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
    from turkicorg.serialize import dump, dumpb, dumps, json_schema, load, loads
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
    "dumpb",
    "dumps",
    "json_schema",
    "load",
    "load_default",
    "load_record",
    "loads",
]

_HOME = {
    "AlphabeticalRotation": "rotation",
    "Alternative": "sourcing",
    "Appointment": "organization",
    "Cadence": "organs",
    "CalendarYearRotation": "chairmanship",
    "ChairRotation": "organs",
    "ChairTerm": "chairmanship",
    "Confidence": "sourcing",
    "Consensus": "decisions",
    "CouncilOfElders": "elders",
    "DataFileError": "errors",
    "DateSpan": "dates",
    "DecisionBasis": "organs",
    "DecisionRule": "organs",
    "ElderChairPolicy": "elders",
    "ElderChairTerm": "elders",
    "ErrorDetail": "errors",
    "FixedSequenceRotation": "rotation",
    "Format": "meetings",
    "FormerName": "parties",
    "InvalidDataError": "errors",
    "InvalidDateError": "errors",
    "InvalidPositionError": "decisions",
    "LocalName": "localnames",
    "Majority": "decisions",
    "Mechanism": "organs",
    "Meeting": "meetings",
    "MeetingKind": "meetings",
    "MeetingRegistry": "registry",
    "MeetingStatus": "meetings",
    "Membership": "organization",
    "MissingExtraError": "errors",
    "MissingNameError": "errors",
    "NameForm": "localnames",
    "NameOrder": "rotation",
    "NextChair": "elders",
    "Organ": "organs",
    "OrganProfile": "organs",
    "Organization": "organization",
    "OrganizationName": "organization",
    "OrganizationRecord": "record",
    "Outcome": "decisions",
    "Override": "rotation",
    "PartialDate": "dates",
    "Participant": "meetings",
    "Party": "parties",
    "PartyKind": "parties",
    "Person": "organization",
    "Place": "meetings",
    "PolicyError": "errors",
    "Position": "decisions",
    "Precision": "dates",
    "Role": "organization",
    "RotationPool": "elders",
    "State": "parties",
    "Status": "organization",
    "SummitHandover": "chairmanship",
    "Treaty": "organization",
    "TurkicOrgError": "errors",
    "Turn": "rotation",
    "Unanimity": "decisions",
    "UnknownLanguageError": "errors",
    "UnknownMeetingError": "errors",
    "UnknownNameError": "errors",
    "UnknownStateError": "errors",
    "UnsupportedTypeError": "errors",
    "UnsupportedVersionError": "errors",
    "decide": "decisions",
    "dump": "serialize",
    "dumpb": "serialize",
    "dumps": "serialize",
    "json_schema": "serialize",
    "load": "serialize",
    "load_default": "data",
    "load_record": "data",
    "loads": "serialize",
}
"""Where each public name lives (a module of the package): :func:`__getattr__` imports it from
there on first use. A test checks this table against ``__all__``, the modules' own ``__all__``
and the imports above that type checkers read."""


__getattr__, __dir__ = lazy_names(__name__, _HOME, __all__, globals())
del lazy_names
