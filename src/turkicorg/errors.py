"""The exceptions of turkicorg.

Every error the library raises derives from :class:`TurkicOrgError`. Each subclass also
inherits the builtin exception that fits, so both catch styles work::

    try:
        ots.state("Atlantis")
    except LookupError:  # or: except turkicorg.UnknownStateError
        ...

Offending values are attributes of the exception, not only words in its message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DataFileError",
    "ErrorDetail",
    "InvalidDataError",
    "InvalidDateError",
    "MissingExtraError",
    "MissingNameError",
    "PolicyError",
    "TurkicOrgError",
    "UnknownLanguageError",
    "UnknownMeetingError",
    "UnknownNameError",
    "UnknownStateError",
    "UnsupportedTypeError",
    "UnsupportedVersionError",
]


class TurkicOrgError(Exception):
    """The root of every error raised by turkicorg."""


@attrs.frozen
class ErrorDetail:
    """One problem found in a piece of data.

    Attributes:
        path: A JSON-path-like location of the problem, such as ``$.memberships[3].start``.
        message: What is wrong, in words.
        value: The offending value, where there is one.
    """

    path: str
    message: str
    value: object = None

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"


class InvalidDataError(TurkicOrgError, ValueError):
    """Data that cannot be turned into a valid turkicorg object.

    Every problem found is listed in :attr:`errors`, each with its location, so that a whole
    file can be corrected in one pass.

    Attributes:
        errors: Every problem found, in the order it was found.
    """

    errors: tuple[ErrorDetail, ...]

    def __init__(self, errors: Iterable[ErrorDetail], *, summary: str | None = None) -> None:
        self.errors = tuple(errors)
        count = len(self.errors)
        head = summary or f"{count} problem{'s' if count != 1 else ''} found in the data"
        lines = [head, *(f"  - {error}" for error in self.errors)]
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, path: str, message: str, value: object = None) -> InvalidDataError:
        """Build an error with exactly one problem."""
        return cls([ErrorDetail(path, message, value)], summary=f"{message} @ {path}")

    def prefixed(self, prefix: str) -> InvalidDataError:
        """Return the same problems located below ``prefix`` (``$`` is replaced by it)."""
        moved = [
            ErrorDetail(
                prefix + e.path[1:] if e.path.startswith("$") else e.path, e.message, e.value
            )
            for e in self.errors
        ]
        return InvalidDataError(moved)


class InvalidDateError(TurkicOrgError, ValueError):
    """A date that does not exist or is not written as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Attributes:
        value: The text or numbers that were given.
    """

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"invalid date {value!r}: {reason}")


class UnknownStateError(TurkicOrgError, LookupError):
    """No party matches the given id, code or name.

    Attributes:
        query: What was looked up.
        suggestions: Ids of close matches, best first (may be empty).
    """

    def __init__(self, query: object, suggestions: Iterable[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown state, entity or organization: {query!r}{hint}")

    def __str__(self) -> str:
        # LookupError's str() would quote the message; keep it readable.
        return str(self.args[0])


class UnknownNameError(TurkicOrgError, ValueError):
    """A name that none of the choices of its kind (organ, meeting kind, status) matches.

    Attributes:
        what: The kind of thing looked up ("organ", "meeting kind").
        query: What was given.
        choices: Every accepted value, in order.
        suggestions: Close matches, best first (may be empty).
    """

    def __init__(
        self, what: str, query: object, choices: Iterable[str], suggestions: Iterable[str] = ()
    ) -> None:
        self.what = what
        self.query = query
        self.choices = tuple(choices)
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {what}: {query!r}{hint} (choose from {', '.join(self.choices)})")


class UnknownMeetingError(TurkicOrgError, LookupError):
    """No meeting has the given id.

    Attributes:
        meeting_id: The id that was looked up.
    """

    def __init__(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        super().__init__(f"unknown meeting id: {meeting_id!r}")

    def __str__(self) -> str:
        return str(self.args[0])


class PolicyError(TurkicOrgError, ValueError):
    """A rule cannot be applied as asked (for example an empty rotation pool).

    Attributes:
        policy: The name of the policy or rule that could not be applied.
    """

    def __init__(self, policy: str, message: str) -> None:
        self.policy = policy
        super().__init__(f"{policy}: {message}")


class UnsupportedVersionError(InvalidDataError):
    """A document written by a newer turkicorg, in a format version this one cannot read.

    Attributes:
        version: The version found in the document.
        supported: The newest version this release reads.
    """

    def __init__(self, version: object, supported: int) -> None:
        self.version = version
        self.supported = supported
        super().__init__(
            [
                ErrorDetail(
                    "$.version",
                    f"format version {version!r} is not supported (this release reads 1 to "
                    f"{supported}); upgrade turkicorg",
                    version,
                )
            ]
        )


class DataFileError(TurkicOrgError, OSError):
    """A data file that cannot be read or written: missing, unreadable, a folder, a full disk.

    Catch it as :class:`TurkicOrgError` or as :class:`OSError`. A failed write never leaves a
    half-written file: the previous content stays in place.

    Attributes:
        path: The file, as given.
        reason: What went wrong, in words.
    """

    def __init__(self, path: object, reason: str, *, errno: int | None = None) -> None:
        super().__init__(errno, reason, str(path))
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.reason}: {self.path}"


class UnsupportedTypeError(TurkicOrgError, TypeError):
    """An object or class that the interchange formats do not cover.

    Attributes:
        cls: The class that was given.
    """

    def __init__(self, cls: object, supported: Iterable[str] = ()) -> None:
        self.cls = cls
        names = ", ".join(supported)
        hint = f" (supported: {names})" if names else ""
        super().__init__(f"cannot serialize {getattr(cls, '__name__', cls)!r}{hint}")


class MissingExtraError(TurkicOrgError, ImportError):
    """A feature needs an optional dependency that is not installed.

    Attributes:
        extra: The extra that installs it ("timeline").
        package: The missing package ("matplotlib").
    """

    def __init__(self, extra: str, package: str, feature: str) -> None:
        self.extra = extra
        self.package = package
        super().__init__(
            f"{feature} needs {package}, which is not installed; install it with: "
            f'pip install "turkicorg[{extra}]"',
            name=package,
        )

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownLanguageError(TurkicOrgError, LookupError):
    """A language tag the library does not know.

    The message lists the tags it knows (:data:`turkicorg.languages.TAGS`).

    Attributes:
        tag: The tag that was given.
        available: The tags the library knows, in its order.
    """

    def __init__(self, tag: object, available: Iterable[str]) -> None:
        self.tag = tag
        self.available = tuple(available)
        super().__init__(
            f"unknown language tag {tag!r}; the library knows: {', '.join(self.available)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class MissingNameError(TurkicOrgError, LookupError):
    """A known language in which the data has no sourced name for something.

    The library never invents a name nor answers in English unasked: pass an explicit
    ``fallback="en"`` (or another tag) to the ``name_in`` methods to get a name in another
    language instead.

    Attributes:
        subject: What has no name ("Kazakhstan (KZ)").
        lang: The language tag that was asked for ("ky").
        form: The form that was asked for ("short", "official"; "" when the thing has
            one name only, such as an organ).
        fallback: The fallback tag that was tried too, if any.
        available: The tags in which the data has this form of the name.
    """

    def __init__(
        self,
        subject: str,
        lang: str,
        form: str,
        *,
        fallback: str | None = None,
        available: Iterable[str] = (),
    ) -> None:
        self.subject = subject
        self.lang = lang
        self.form = form
        self.fallback = fallback
        self.available = tuple(available)
        tried = f"{lang!r} or {fallback!r}" if fallback else repr(lang)
        known = ", ".join(self.available) or "none"
        hint = "" if fallback else "; pass fallback='en' for the English name"
        which = f"{form} name" if form else "name"
        super().__init__(f"no sourced {which} of {subject} in {tried} (sourced in: {known}){hint}")

    def __str__(self) -> str:
        return str(self.args[0])
