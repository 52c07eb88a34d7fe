"""Exit statuses and the command line's own errors.

Exit statuses: 0 success, 1 invalid data, a file that cannot be read or written, or no result,
2 a command line that cannot be carried out as written (usage), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from typing import Final

__all__ = ["EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "NoResult", "UsageError"]

EXIT_OK: Final = 0
"""Success."""
EXIT_INVALID: Final = 1
"""Invalid data, a file that cannot be read or written, or no result."""
EXIT_USAGE: Final = 2
"""A command line that cannot be carried out as written."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted (Ctrl-C): 128 and the number of SIGINT, as shells report it."""


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit status 2).

    Attributes:
        subject: The option or argument at fault (``--order``), or the command.
        problem: What is wrong, in words.
    """

    def __init__(self, subject: str, problem: str) -> None:
        super().__init__(f"{subject}: {problem}")
        self.subject = subject
        self.problem = problem


class NoResult(Exception):  # noqa: N818 - an answer, not a failure of the program
    """A question with no answer in the data (exit status 1): the message says why."""
