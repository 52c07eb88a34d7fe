"""Sphinx configuration for the turkicorg documentation.

Four pages come from the code at every build (``builder-inited``), so they always match it:

- ``provenance.md``: every fact of the embedded data with its sources
  (:func:`turkicorg.provenance.provenance_markdown`);
- ``names.md``: every name in every language, with its sources
  (:func:`turkicorg.names.names_markdown`);
- ``cli-reference.md``: the help of every command, from ``turkicorg.cli.build_parser()``
  (included by ``cli.md``);
- ``_static/timeline.svg``: the timeline picture (:func:`turkicorg.timeline.render_timeline`;
  needs matplotlib, the extra ``timeline``).

They are written only when their content changes, each through a temporary file and a rename.
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

project = "turkicorg"
author = "The turkicorg developers"
copyright = "2026, The turkicorg developers"
release = importlib.metadata.version("turkicorg")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
# cli-reference.md is generated and included by cli.md, not a page of its own.
exclude_patterns = ["_build", "cli-reference.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
nitpicky = False
suppress_warnings = ["myst.header"]

# Links to the Python documentation need its inventory from the network. The build must pass
# offline (CI, packagers), where a failed fetch is a warning and -W makes it an error, so
# intersphinx is opt-in: TURKICORG_DOCS_INTERSPHINX=1 sphinx-build ...
if os.environ.get("TURKICORG_DOCS_INTERSPHINX") == "1":
    extensions.append("sphinx.ext.intersphinx")
    intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}

html_theme = "furo"
html_title = "turkicorg"
html_static_path = ["_static"]

CLI_WIDTH = 88
"""Help text is wrapped at this width, whatever the terminal that builds the docs."""


def _write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, if it differs."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="\n", dir=path.parent, suffix=".tmp", delete=False
    ) as handle:
        handle.write(text)
    Path(handle.name).chmod(0o644)
    Path(handle.name).replace(path)


def _commands(
    parser: argparse.ArgumentParser, summary: str | None = None
) -> Iterator[tuple[argparse.ArgumentParser, str | None]]:
    """The parser and each subcommand's parser, depth first, in the order they were added."""
    yield parser, summary
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            helps = {a.dest: a.help for a in action._choices_actions}  # noqa: SLF001
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:  # aliases share a parser
                    seen.add(id(sub))
                    yield from _commands(sub, helps.get(name))


def cli_reference_markdown() -> str:
    """The command-line reference: the help of ``turkicorg`` and of every subcommand."""
    from turkicorg.cli import build_parser  # noqa: PLC0415 - the package is imported late

    lines = [
        "## Every command",
        "",
        (
            "Generated from the command's own parser (`turkicorg.cli.build_parser()`) at every "
            "documentation build: it is what `--help` prints."
        ),
        "",
    ]
    for parser, summary in _commands(build_parser()):
        parser.formatter_class = functools.partial(parser.formatter_class, width=CLI_WIDTH)
        if hasattr(parser, "color"):  # Python 3.14+: no terminal colours in the page
            parser.color = False
        depth = min(3 + max(parser.prog.count(" ") - 1, 0), 6)  # subcommands of subcommands
        lines += [f"{'#' * depth} `{parser.prog}`", ""]
        if summary:
            lines += [summary[:1].upper() + summary[1:] + ".", ""]
        lines += ["```text", parser.format_help().rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def generate(app: Sphinx) -> None:
    """Write the generated pages and the timeline picture into the source folder."""
    import turkicorg  # noqa: PLC0415
    from turkicorg.names import names_markdown  # noqa: PLC0415
    from turkicorg.provenance import provenance_markdown  # noqa: PLC0415
    from turkicorg.timeline import render_timeline  # noqa: PLC0415

    source = Path(app.srcdir)
    ots = turkicorg.load_default()
    _write_if_changed(source / "provenance.md", provenance_markdown(ots))
    _write_if_changed(source / "names.md", names_markdown(ots))
    _write_if_changed(source / "cli-reference.md", cli_reference_markdown())
    _write_if_changed(source / "_static" / "timeline.svg", render_timeline(ots))


def _static_folder(app: Sphinx, _config: object) -> None:
    """Create ``_static`` (it holds only generated files, so a fresh checkout has none)."""
    (Path(app.srcdir) / "_static").mkdir(exist_ok=True)


def setup(app: Sphinx) -> dict[str, object]:
    """Generate the pages that come from the code before Sphinx reads the sources."""
    app.connect("config-inited", _static_folder, priority=100)  # before Sphinx checks it
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
