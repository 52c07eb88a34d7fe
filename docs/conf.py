"""Sphinx configuration for the turkicorg documentation."""

from __future__ import annotations

import importlib.metadata

project = "turkicorg"
author = "The turkicorg developers"
copyright = "2026, The turkicorg developers"  # noqa: A001 - Sphinx's name
release = importlib.metadata.version("turkicorg")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
nitpicky = False
intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}
# The build runs offline; intersphinx inventories that cannot be fetched must not fail it.
intersphinx_disabled_reftypes = ["*"]
suppress_warnings = ["intersphinx.external", "myst.header"]

html_theme = "furo"
html_title = "turkicorg"
html_static_path = ["_static"]
