"""A timeline picture of the organization, as SVG.

One picture shows, on a common time axis:

- the **summits** of the Council of Heads of State as marks (a filled circle for a regular
  summit, a diamond for an extraordinary one, a triangle for an informal one; a planned
  summit is hollow; a line spans every day a summit known only to the month or the year may
  fall on);
- the organization's **chairmanship**, one bar per term of
  :meth:`Organization.chairs <turkicorg.Organization.chairs>`, coloured per state;
- the **Chairman of the Council of Elders**, one bar per recorded Chairman;
- one row per **party**: its memberships and observer statuses as bars, coloured by status
  and labelled with their dates.

Every bar and mark carries an SVG ``<title>`` (a tooltip in browsers) and a stable ``id``
(``membership-UZ-4``, ``chair-7``, ``elders-chair-0``, ``summit-chs-2019-10-15``), and text
is kept as text, so the picture can be searched and tested. The same data always gives the
same bytes.

What is drawn is computed first, without matplotlib (:mod:`turkicorg.timeline.layout`),
then drawn (:mod:`turkicorg.timeline.render`) and written (:mod:`turkicorg.timeline.write`).
The picture needs the optional extra ``timeline`` (matplotlib)::

    pip install "turkicorg[timeline]"

>>> import turkicorg
>>> from turkicorg.timeline import render_timeline
>>> svg = render_timeline(turkicorg.load_default())
>>> "Uzbekistan" in svg and "since 2019-10-15" in svg
True
"""

from __future__ import annotations

from typing import Final

from turkicorg.errors import MissingExtraError
from turkicorg.timeline import layout
from turkicorg.timeline.render import render_timeline
from turkicorg.timeline.write import write_timeline

MEMBER_COLOUR: Final = layout.MEMBER_COLOUR
"""The colour of a member state's bar (Okabe-Ito blue)."""
OBSERVER_COLOUR: Final = layout.OBSERVER_COLOUR
"""The colour of an observer's bar (Okabe-Ito orange)."""

__all__ = [
    "MEMBER_COLOUR",
    "OBSERVER_COLOUR",
    "MissingExtraError",
    "render_timeline",
    "write_timeline",
]
