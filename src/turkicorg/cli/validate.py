"""Check turkicorg JSON files and list every problem with its path.

Check turkicorg JSON documents (a meeting registry, an organization, ...): every problem is
printed with its path. Exit status 1 when any file is invalid.

Examples:
    turkicorg validate my-meetings.json
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg.cli.loading import InvalidFile, document_type, read_text
from turkicorg.cli.options import add_command
from turkicorg.cli.output import shown_path
from turkicorg.cli.status import EXIT_INVALID, EXIT_OK
from turkicorg.errors import DataFileError, InvalidDataError

if TYPE_CHECKING:
    import argparse

    from turkicorg.cli.output import Console

__all__ = ["check", "register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` command."""
    parser = add_command(sub, "validate", doc=__doc__, handler=run)
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check")


def run(args: argparse.Namespace, console: Console) -> int:
    """Check every file given; print one verdict per file, then its problems."""
    results = [check(path, console) for path in args.files]
    return EXIT_OK if all(results) else EXIT_INVALID


def check(path: str, console: Console) -> bool:
    """Check one file and print the verdict; return whether it is valid."""
    from turkicorg import serialize  # noqa: PLC0415 - only when validating
    from turkicorg.data import load_default  # noqa: PLC0415
    from turkicorg.registry import MeetingRegistry  # noqa: PLC0415

    name = shown_path(path)
    try:
        text = read_text(path)
        kind = document_type(text)
        loaded = serialize.loads(text, kind)
        if isinstance(loaded, MeetingRegistry):
            # A registry on its own must still name known parties (as --data requires).
            loaded.validate(parties={p.id for p in load_default().parties})
    except DataFileError as error:
        console.line(f"{name}: {error.reason}")
        return False
    except (InvalidDataError, InvalidFile) as error:
        invalid = error.error if isinstance(error, InvalidFile) else error
        count = len(invalid.errors)
        console.line(f"{name}: invalid ({count} problem{'s' if count != 1 else ''})")
        for problem in invalid.errors:
            console.line(f"  {problem}")
        return False
    console.line(f"{name}: valid {kind.__name__}")
    return True
