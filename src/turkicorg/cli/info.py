"""Data version, last verified, counts, where facts come from.

The version of turkicorg and of the data (the embedded data, or --data), the day the data was
last verified, how many parties, memberships, appointments and meetings it holds, how many
distinct sources back them, and whether the optional compiled writer and reader
(turkicorg-speedups) write and read JSON.

Examples:
    turkicorg info
    turkicorg info --data my-meetings.json
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turkicorg.cli.loading import load
from turkicorg.cli.options import add_command, add_common
from turkicorg.cli.status import EXIT_OK

if TYPE_CHECKING:
    import argparse

    from turkicorg.cli.output import Console

__all__ = ["register", "run", "version"]


def version() -> str:
    """The installed version of turkicorg ("unknown" when it is not installed)."""
    from importlib import metadata  # noqa: PLC0415 - only for --version and info

    try:
        return metadata.version("turkicorg")
    except metadata.PackageNotFoundError:
        return "unknown"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``info`` command."""
    parser = add_command(sub, "info", doc=__doc__, handler=run)
    add_common(parser, on=False)


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the data version, the last-verified day, counts and where the facts come from."""
    from turkicorg.serialize.compiled import (  # noqa: PLC0415 - info only
        compiled_reader,
        speedups_in_use,
    )

    ots = load(args)
    compiled, pure = "compiled (turkicorg-speedups)", "pure Python"
    writer = compiled if speedups_in_use() else pure
    reader = compiled if compiled_reader() is not None else pure
    sources = {s for m in ots.memberships for s in m.sources}
    sources |= {s for a in ots.appointments for s in a.sources}
    sources |= {s for m in ots.meetings for s in m.sources}
    for line in (
        f"turkicorg {version()}",
        f"data version:   {ots.data_version}",
        f"last verified:  {ots.last_verified}",
        f"data horizon:   {ots.data_horizon or 'not declared'}",
        f"parties:        {len(ots.parties)}",
        f"memberships:    {len(ots.memberships)}",
        f"appointments:   {len(ots.appointments)}",
        f"meetings:       {len(ots.meetings)}",
        f"distinct sources: {len(sources)}",
        f"JSON writer:    {writer}",
        f"JSON reader:    {reader}",
        "Every fact carries its source URLs; see the data-provenance page of the docs.",
    ):
        console.line(line)
    return EXIT_OK
