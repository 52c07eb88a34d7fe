"""A package's names loaded on first use (a module ``__getattr__``, PEP 562).

``import turkicorg`` then costs almost nothing, and a program pays only for the modules whose
names it uses. The package keeps a literal ``__all__`` and imports its names under
``TYPE_CHECKING``, so type checkers and IDEs see the real imports; a table says which module
each name lives in.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not ``typing.TYPE_CHECKING``: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, MutableMapping, Sequence
    from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str,
    home: Mapping[str, str],
    public: Sequence[str],
    namespace: MutableMapping[str, Any],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose names load on first use.

    Args:
        package: The package's name (``__name__``).
        home: Each public name's module, relative to the package (``"Meeting": "meetings"``).
        public: The package's ``__all__``.
        namespace: The package's ``globals()``: a loaded name is stored there, so that later
            lookups are plain attribute reads.

    ``__getattr__`` also imports a submodule asked for by name (``turkicorg.registry``).
    """

    def load(name: str) -> Any:
        where = home.get(name)
        if where is not None:
            value = getattr(importlib.import_module(f"{package}.{where}"), name)
            namespace[name] = value
            return value
        if not name.startswith("_"):
            try:
                return importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as error:
                if error.name != f"{package}.{name}":
                    raise
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def names() -> list[str]:
        return sorted({*namespace, *public})

    return load, names
