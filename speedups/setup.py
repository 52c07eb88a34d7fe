"""The build of the C extension (setuptools needs a setup script for it)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("_turkicorg_speedups", ["_turkicorg_speedups.c"])])
