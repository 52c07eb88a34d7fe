"""The ``turkicorg`` command as a process: the installed script and ``python -m turkicorg``.

Such a process runs one command and ends, and its start-up is arranged for that. The cyclic
garbage collector is paused while the command's modules are imported and its parser is built
(tens of thousands of long-lived objects: classes, functions, tables; no garbage among them
worth a scan), and what exists then is frozen (:func:`gc.freeze`: kept where the collector no
longer looks) before the collector resumes and the command runs. So neither the collections
during start-up nor the full collection when the interpreter exits scan the modules' objects.
The command itself runs with the collector as it was.

A program that calls :func:`turkicorg.cli.main` runs the same commands with its own collector
left alone.
"""

from __future__ import annotations

import gc
import sys

__all__ = ["main"]


def main() -> int:
    """Run the command in ``sys.argv`` as the process's one job; return its exit status."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        # Imported here, with the collector paused: importing is most of a command's start-up.
        from turkicorg.cli.app import parse_command, run_command  # noqa: PLC0415
        from turkicorg.cli.output import Console  # noqa: PLC0415

        console = Console(sys.stdout, sys.stderr)
        args = parse_command(None, console)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    if isinstance(args, int):
        return args
    return run_command(args, console, own_stdout=True)


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
