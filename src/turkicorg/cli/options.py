"""The options the commands share, each written once, and the parser's classes.

Every choice comes from an enumeration of the model or from a command's own table of
writers; nothing here names a state, an organ or the organization.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import TYPE_CHECKING, Any, Final, NoReturn

from turkicorg import dates
from turkicorg.cli.output import WIDTH, terminal
from turkicorg.cli.status import EXIT_USAGE, UsageError
from turkicorg.dates import PartialDate
from turkicorg.errors import InvalidDateError, UnknownNameError
from turkicorg.organs import Organ, resolve_organ

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "PARTIAL_MODES",
    "Formatter",
    "Parser",
    "add_between",
    "add_command",
    "add_common",
    "add_data",
    "add_format",
    "add_kind",
    "add_on",
    "add_organ",
    "add_output",
    "add_partial",
    "add_wide",
    "between_range",
    "choice",
    "count",
    "help_texts",
    "organ",
    "parse_day",
    "parse_partial",
    "terminal_columns",
    "year",
]

PARTIAL_MODES: Final = ("skip", "span")
"""What a calendar does with meetings known only to the month or year (see ``to_ical``)."""

_DATE_HELP: Final = "use YYYY, YYYY-MM, YYYY-MM-DD or 'today'"


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing :mod:`shutil`.

    argparse makes a formatter for every option it adds, and its default one imports shutil
    (and, with it, three compression modules) to ask the width: about 1.5 ms of every
    command. The same answer: ``COLUMNS`` when it is a positive number, else the width of
    the terminal standard output is on, else 80.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Wrap one-paragraph descriptions; keep multi-line texts (examples) as written."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **options: Any,
    ) -> None:
        if width is None:  # as argparse's own default, without importing shutil
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width, **options)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return super()._fill_text(text, width, indent)
        import textwrap  # noqa: PLC0415 - only for help (start-up time of every command)

        return textwrap.fill(
            text, min(width, WIDTH - 1), initial_indent=indent, subsequent_indent=indent
        )


class Parser(argparse.ArgumentParser):
    """A parser whose usage errors are one terminal-safe line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``turkicorg COMMAND: error: message`` and exit with status 2."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {terminal(message)}\n")


def parse_day(text: str) -> dt.date:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``today`` (a partial date: its first day)."""
    return parse_partial(text).earliest


def parse_partial(text: str) -> PartialDate:
    """Parse a range bound: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``today``.

    A partial first bound counts from its first day, a partial last bound to its last day.
    """
    if text == "today":
        return PartialDate.from_date(dates.today())
    try:
        return PartialDate.parse(text)
    except InvalidDateError as error:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date ({_DATE_HELP}): {error.reason}"
        ) from None


def count(text: str) -> int:
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def year(text: str) -> int:
    """A year written with four ASCII digits."""
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (YYYY)")
    return int(text)


def choice(values: Iterable[str]) -> Callable[[str], str]:
    """A type that gives a choice in its own spelling whatever the case it is written in.

    Use it with ``choices=``: text matching no choice is left as it is, for argparse to refuse.
    """
    spelling = {value.casefold(): value for value in values}

    def canonical(text: str) -> str:
        return spelling.get(text.casefold(), text)

    return canonical


_EXAMPLES: Final = re.compile(r"^Examples:[ \t]*$", re.MULTILINE)


def help_texts(doc: str | None) -> tuple[str, str, tuple[str, ...]]:
    """The summary, the description and the examples of a command, from its module's docstring.

    The first line is the summary (``turkicorg --help`` lists it, in lower case and without
    its period); the paragraphs after it, up to a line ``Examples:``, are the description
    (``turkicorg COMMAND --help``); each indented line after that line is an example, up to
    the first line that is not indented.
    """
    head, _, rest = (doc or "").strip().partition("\n")
    text, *shown = _EXAMPLES.split(rest, maxsplit=1)
    summary = head.strip().removesuffix(".")
    if summary[1:2].islower():
        summary = summary[:1].lower() + summary[1:]
    examples = []
    for line in "".join(shown).splitlines():
        if line.strip() and not line[:1].isspace():
            break
        if line.strip():
            examples.append(line.strip())
    return summary, " ".join(text.split()) or head.strip(), tuple(examples)


def add_command(
    sub: Any, name: str, *, doc: str | None, handler: Callable[..., int]
) -> argparse.ArgumentParser:
    """A subcommand described by ``doc`` (see :func:`help_texts`), with its examples."""
    summary, description, examples = help_texts(doc)
    heading = "example:" if len(examples) == 1 else "examples:"
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=description,
        epilog="\n".join([heading, *(f"  {line}" for line in examples)]) if examples else None,
        formatter_class=Formatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def add_on(parser: argparse.ArgumentParser) -> None:
    """``--on DATE``: the day a question is about (``args.on``, None for today)."""
    parser.add_argument(
        "--on",
        type=parse_day,
        metavar="DATE",
        help=(
            "the day to ask about: YYYY-MM-DD, or YYYY-MM / YYYY for its first day, or "
            "'today' (the default)"
        ),
    )


def add_data(parser: argparse.ArgumentParser) -> None:
    """``--data FILE``: the user's own data instead of the embedded data."""
    parser.add_argument(
        "--data",
        metavar="FILE",
        help=(
            "your own data instead of the embedded data: a turkicorg JSON organization "
            "(replaces everything) or meeting registry (replaces the meetings)"
        ),
    )


def add_common(parser: argparse.ArgumentParser, *, on: bool = True) -> None:
    """``--on`` (unless ``on`` is false) and ``--data``."""
    if on:
        add_on(parser)
    add_data(parser)


def add_format(parser: argparse.ArgumentParser, formats: Iterable[str], help: str) -> None:  # noqa: A002
    """``--format``: one of ``formats`` (the first is the default)."""
    names = list(formats)
    parser.add_argument("--format", type=choice(names), choices=names, default=names[0], help=help)


def add_output(parser: argparse.ArgumentParser, *, required: bool = False, what: str = "") -> None:
    """``-o FILE``: write atomically to a file; ``-`` is standard output."""
    default = "" if required else "; default standard output"
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=required,
        help=(
            f"write {what or 'the output'} to FILE, all or nothing ('-': standard output{default})"
        ),
    )


def add_between(parser: argparse.ArgumentParser) -> None:
    """``--between FIRST LAST``: a range of days, both included."""
    parser.add_argument(
        "--between",
        nargs=2,
        type=parse_partial,
        metavar=("FIRST", "LAST"),
        help="a range of days, both included (2022 2024 means 2022-01-01 to 2024-12-31)",
    )


def organ(text: str) -> Organ:
    """An organ as :func:`turkicorg.organs.resolve_organ` takes it.

    A code in any case, an English name ("Council of Elders") or another name ("Aksakals").
    """
    try:
        return resolve_organ(text)
    except UnknownNameError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_organ(parser: argparse.ArgumentParser, *, help: str, option: bool = False) -> None:  # noqa: A002
    """The organ: a positional argument, or ``--organ`` when ``option`` is true."""
    codes = ", ".join(o.value for o in Organ)
    names = ("--organ",) if option else ("organ",)
    parser.add_argument(
        *names,
        type=organ,
        metavar="ORGAN",
        help=f"{help}: {codes}, in any case, or its English name",
    )


def add_kind(parser: argparse.ArgumentParser, *, help: str) -> None:  # noqa: A002
    """``--kind``: a kind of meeting."""
    from turkicorg.meetings import MeetingKind  # noqa: PLC0415 - for the commands that have it

    values = [kind.value for kind in MeetingKind]
    parser.add_argument("--kind", type=choice(values), choices=values, help=help)


def add_partial(parser: argparse.ArgumentParser) -> None:
    """``--partial``: what a calendar does with meetings known only to the month or year."""
    skip, span = PARTIAL_MODES
    parser.add_argument(
        "--partial",
        choices=PARTIAL_MODES,
        default=skip,
        help=(
            f"ics: meetings known only to the month or year are left out ({skip}, the default) "
            f"or exported as whole-month or whole-year events ({span})"
        ),
    )


def between_range(between: Sequence[PartialDate] | None) -> tuple[PartialDate, PartialDate] | None:
    """The ``--between`` pair, checked: a reversed range is a usage error naming both bounds.

    Raises:
        UsageError: The first bound lies after the last one.
    """
    if not between:
        return None
    first, last = between
    if last.latest < first.earliest:
        raise UsageError(
            "--between",
            f"the range is reversed: its first bound {first} lies after its last bound {last}",
        )
    return first, last


def add_wide(parser: argparse.ArgumentParser) -> None:
    """``--wide``: tables at full width even on a terminal (they are when output is not one)."""
    parser.add_argument(
        "--wide",
        action="store_true",
        help="tables at full width on a terminal too (always so when output is not a terminal)",
    )
