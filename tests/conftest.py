"""Hypothesis profiles: ``ci`` (no deadline, derandomized-free but seed printed), ``dev``, ``fast``.

Choose one with ``HYPOTHESIS_PROFILE``; CI sets ``ci``. Failures print the
``--hypothesis-seed`` that reproduces them.
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
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
