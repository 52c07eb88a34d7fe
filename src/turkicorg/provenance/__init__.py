"""Where every fact comes from: a provenance report of the data, and the open questions.

:func:`provenance_markdown` lists every fact of an organization's data (names, parties,
memberships, people and appointments, treaties, organs, meetings grouped by body) with its
sources, its confidence and the alternatives other sources give. The documentation's
data-provenance page is this report of the embedded data, generated at every build.

Where no source answers a question, the library says so instead of guessing. Those open
questions are data too (:data:`OPEN_QUESTIONS`, in :mod:`turkicorg.provenance.questions`),
each with what the library does about it; the report itself is written by
:mod:`turkicorg.provenance.markdown`:

>>> from turkicorg.provenance import OPEN_QUESTIONS
>>> [q.id for q in OPEN_QUESTIONS][:3]
['coe-meetings-1-9-and-11', 'coe-10th-meeting-year', 'coe-chair-term']
>>> import turkicorg
>>> from turkicorg.provenance import provenance_markdown
>>> text = provenance_markdown(turkicorg.load_default())
>>> text.splitlines()[0]
'# Data provenance'
"""

from __future__ import annotations

from typing import Final

from turkicorg.provenance import questions
from turkicorg.provenance.markdown import provenance_markdown
from turkicorg.provenance.questions import OpenQuestion

OPEN_QUESTIONS: Final = questions.OPEN_QUESTIONS
"""The questions the sources leave open, in the order the documentation lists them."""

__all__ = ["OPEN_QUESTIONS", "OpenQuestion", "provenance_markdown"]
