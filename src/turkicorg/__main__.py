"""The ``turkicorg`` command as a process: the installed script and ``python -m turkicorg``.

Such a process runs one command and ends, and its start-up is arranged for that. The cyclic
garbage collector is paused while the command's modules are imported and its parser is built
(tens of thousands of objects, nearly all of them kept: classes, functions, tables), and what
exists then is frozen (:func:`gc.freeze`: kept where the collector no longer looks) before
the collector resumes and the command runs. Start-up then makes no collections, and when the
interpreter exits its collections skip the frozen objects: those in reference cycles (a
class and its methods, a module's functions and its namespace) are left to the operating
system instead of being torn down one by one, which is most of the time saved. The price: the
few thousand objects already garbage at the freeze (attrs' classes before slots were added,
the parser: about 0.4 MB) are kept until the process ends. The command itself runs with the
collector as it was.

A program that calls :func:`turkicorg.cli.main` runs the same commands with its own collector
left alone.
"""

from __future__ import annotations

import gc
import sys

__all__ = ["main"]


def main() -> int:
    """Run the command in ``sys.argv`` as the process's one job; return its exit status.

    Interrupted while it starts (Ctrl-C), it exits with status 130 and no traceback, as an
    interrupted command does.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        # Imported here, with the collector paused: importing is most of a command's start-up.
        from turkicorg.cli.app import parse_command, run_command  # noqa: PLC0415
        from turkicorg.cli.output import Console  # noqa: PLC0415

        console = Console(sys.stdout, sys.stderr)
        args = parse_command(None, console)
    except KeyboardInterrupt:
        from turkicorg.cli.status import EXIT_INTERRUPTED  # noqa: PLC0415 - see above

        return EXIT_INTERRUPTED
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    if isinstance(args, int):
        return args
    return run_command(args, console, own_stdout=True)


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
