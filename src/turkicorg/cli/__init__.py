"""The ``turkicorg`` command: answers about the Organization of Turkic States in a terminal.

One module per command (:mod:`~turkicorg.cli.overview`, :mod:`~turkicorg.cli.members`,
:mod:`~turkicorg.cli.chair`, :mod:`~turkicorg.cli.decide`, :mod:`~turkicorg.cli.meetings`,
:mod:`~turkicorg.cli.gaps`, :mod:`~turkicorg.cli.export`, :mod:`~turkicorg.cli.timeline`,
:mod:`~turkicorg.cli.validate`, :mod:`~turkicorg.cli.info`) over shared parts: the options
(:mod:`~turkicorg.cli.options`), the output (:mod:`~turkicorg.cli.output`), reading
``--data`` (:mod:`~turkicorg.cli.loading`) and the exit statuses
(:mod:`~turkicorg.cli.status`). A command module's docstring is its ``--help`` text (the
first line the summary, the paragraphs after it the description, its ``Examples:`` section
the examples shown); only the module of the command that runs is imported. The commands
compute nothing of their own: they ask the façade (:class:`~turkicorg.Organization`), or,
for the members and the Council of Elders, the record alone
(:func:`turkicorg.data.load_record`), and print the answers.

Exit statuses: 0 success, 1 invalid data, a file that cannot be read or written, or no
result, 2 usage error, 130 interrupted (Ctrl-C, also while the command starts). Every failure
is one line on standard error, never a traceback.
"""

from __future__ import annotations

from turkicorg.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
