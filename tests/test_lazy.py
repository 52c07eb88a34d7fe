"""Names of a package loaded on first use: found, cached, listed, and clear when missing."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from turkicorg.lazy import lazy_names

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A package ``lazypkg`` with a module ``things`` and a module whose import fails."""
    root = tmp_path / "lazypkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "things.py").write_text("__all__ = ['Thing']\nclass Thing: ...\n")
    (root / "broken.py").write_text("import lazypkg_missing_dependency\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "lazypkg"
    for name in [m for m in sys.modules if m.startswith("lazypkg")]:
        del sys.modules[name]


def test_a_name_loads_from_its_module_once(package: str) -> None:
    namespace: dict[str, object] = {}
    load, names = lazy_names(package, {"Thing": "things"}, ["Thing"], namespace)
    thing = load("Thing")
    assert thing is sys.modules["lazypkg.things"].Thing
    assert namespace == {"Thing": thing}  # later lookups need no call
    assert names() == ["Thing"]
    namespace["other"] = 1
    assert names() == ["Thing", "other"]


def test_a_submodule_loads_by_name(package: str) -> None:
    load, _ = lazy_names(package, {}, [], {})
    assert load("things") is sys.modules["lazypkg.things"]


@pytest.mark.parametrize("name", ["nothing", "_private", "__wrapped__"])
def test_an_unknown_name_is_an_attribute_error(package: str, name: str) -> None:
    load, _ = lazy_names(package, {}, [], {})
    with pytest.raises(AttributeError, match=rf"^module 'lazypkg' has no attribute '{name}'$"):
        load(name)


def test_a_submodule_that_fails_to_import_says_why(package: str) -> None:
    """A module that exists but imports a missing one: that error, not "no attribute"."""
    load, _ = lazy_names(package, {}, [], {})
    with pytest.raises(ModuleNotFoundError) as caught:
        load("broken")
    assert caught.value.name == "lazypkg_missing_dependency"


def test_the_packages_load_their_names_lazily() -> None:
    """``turkicorg`` and ``turkicorg.serialize`` answer through the same loader."""
    import turkicorg  # noqa: PLC0415
    from turkicorg import serialize  # noqa: PLC0415

    assert turkicorg.Meeting.__name__ == "Meeting"
    assert "Meeting" in dir(turkicorg)
    assert serialize.json_schema.__name__ == "json_schema"
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        turkicorg.nothing  # noqa: B018
