"""Hypothesis profiles: ``dev`` (the default: fast), ``ci`` (thorough), ``fast`` (quickest).

Choose one with ``HYPOTHESIS_PROFILE``; CI sets ``ci``. No profile has a deadline (a slow,
shared machine must not fail a test), and failures print the blob that reproduces them.

- ``dev``: 20 examples a property; the README's test command, a few minutes on 2 cores.
- ``ci``: 100 examples a property; what ``.ci/run`` uses.
- ``fast``: 10 examples; for a quick loop while editing.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=20,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fast", max_examples=10, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
