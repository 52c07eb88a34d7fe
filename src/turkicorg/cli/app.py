"""The ``turkicorg`` parser and :func:`main`: run a command, turn every failure into one line.

Exit statuses: 0 success, 1 invalid data, a file that cannot be read or written, or no
result, 2 a command line that cannot be carried out as written. Nothing a user types and no
file a user names makes the command line print a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, Final

from turkicorg.cli.loading import InvalidFile
from turkicorg.cli.options import Formatter, Parser
from turkicorg.cli.output import Console, shown_path
from turkicorg.cli.status import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    NoResult,
    UsageError,
)
from turkicorg.errors import DataFileError, InvalidDataError, TurkicOrgError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TextIO

__all__ = ["COMMANDS", "build_parser", "main", "message_for", "parse_command", "run_command"]

COMMANDS: Final = (
    "overview",
    "members",
    "chair",
    "decide",
    "meetings",
    "gaps",
    "export",
    "timeline",
    "validate",
    "info",
)
"""The commands, in the order ``--help`` lists them; each is the module of its name in this
package (``turkicorg.cli.chair``), imported only when its parser is built."""


class _Version(argparse.Action):
    """``--version``: print the installed version (looked up only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from turkicorg.cli.info import version  # noqa: PLC0415 - only when asked

        sys.stdout.write(f"turkicorg {version()}\n")
        parser.exit(EXIT_OK)


def build_parser(*, only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser (also used to generate the command-line reference).

    Args:
        only: Build the parser of this command alone (one of :data:`COMMANDS`): it parses that
            command's arguments as the whole parser does, and imports that command's module
            (and what it imports) instead of every command's.
    """
    parser = Parser(
        prog="turkicorg",
        description="Answers about the Organization of Turkic States, from sourced data.",
        epilog=(
            "examples:\n"
            "  turkicorg overview\n"
            "  turkicorg members --on 2019-10-15 --observers\n"
            "  turkicorg chair elders --next --explain\n"
            "  turkicorg info\n\n"
            "exit status: 0 ok, 1 invalid data or no result, 2 usage error"
        ),
        formatter_class=Formatter,
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The command named by ``argv`` (its first word, when no option comes before it)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def _problems(error: InvalidDataError) -> str:
    """The first problem (its location unless it is the whole document) and how many more."""
    if not error.errors:
        return str(error).splitlines()[0]
    first = error.errors[0]
    text = first.message if first.path == "$" else str(first)
    more = len(error.errors) - 1
    return f"{text} (and {more} more)" if more else text


def message_for(error: Exception) -> tuple[int, str]:
    """The exit status and the one-line message (after ``turkicorg: ``) for a failure."""
    if isinstance(error, UsageError):
        return EXIT_USAGE, str(error)
    if isinstance(error, NoResult):
        return EXIT_INVALID, str(error)
    if isinstance(error, InvalidFile):
        return EXIT_INVALID, f"{shown_path(error.path)}: {_problems(error.error)}"
    if isinstance(error, DataFileError):
        return EXIT_INVALID, f"{shown_path(error.path)}: {error.reason}"
    if isinstance(error, InvalidDataError):
        return EXIT_INVALID, f"invalid data: {_problems(error)}"
    if isinstance(error, TurkicOrgError):
        return EXIT_INVALID, str(error)
    if isinstance(error, UnicodeEncodeError):
        bad = error.object[error.start : error.end]
        return EXIT_INVALID, f"<stdout>: cannot write {bad!r} in the {error.encoding} encoding"
    if isinstance(error, OSError):
        where = shown_path(str(error.filename)) if error.filename is not None else "<stdout>"
        return EXIT_INVALID, f"{where}: {error.strerror or error}"
    return EXIT_INVALID, f"internal error, please report it: {type(error).__name__}: {error}"


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None, console: Console) -> Any:
    """The parsed arguments, or the exit status when argparse is done (help, usage error)."""
    with contextlib.redirect_stdout(console.out), contextlib.redirect_stderr(console.err):
        try:
            return parser.parse_args(argv)
        except SystemExit as stop:
            return stop.code if isinstance(stop.code, int) else EXIT_USAGE


def _silence_stdout() -> None:
    """After a broken pipe: send what is left to the null device, so exit prints nothing."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: The arguments (default ``sys.argv[1:]``).
        out: Where answers go (default standard output).
        err: Where messages go (default standard error).
    """
    console = Console(out or sys.stdout, err or sys.stderr)
    args = parse_command(argv, console)
    if isinstance(args, int):
        return args
    return run_command(args, console, own_stdout=out is None)


def parse_command(argv: Sequence[str] | None, console: Console) -> argparse.Namespace | int:
    """The parsed arguments of a command, or the exit status when there is nothing to run.

    Only the named command's parser is built (its module imported). Help, ``--version`` and
    usage errors are printed on ``console`` and give their exit status.
    """
    words = sys.argv[1:] if argv is None else list(argv)
    parsed: argparse.Namespace | int = _parse(build_parser(only=_command(words)), words, console)
    return parsed


def run_command(args: argparse.Namespace, console: Console, *, own_stdout: bool) -> int:
    """Run a parsed command; return its exit status (a failure is one line, no traceback).

    Args:
        args: What :func:`parse_command` gave.
        console: Where answers and messages go.
        own_stdout: The answers go to the process's standard output: after a broken pipe,
            what is left of it goes to the null device.
    """
    handler: Callable[[argparse.Namespace, Console], int] = args.handler
    try:
        status = handler(args, console)
        console.out.flush()
    except BrokenPipeError:
        if own_stdout:
            _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - every failure becomes one line, no traceback
        status, message = message_for(error)
        console.note(message)
    return status
