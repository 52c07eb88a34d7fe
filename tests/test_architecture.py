"""The house rules, checked on the source: floors, no import circle, small modules and functions.

The floors (lowest first) are described in ``docs/architecture.md``. A module imports only from
its own floor or lower ones, never higher, not even inside a function; imports made only for
type checking (under ``if TYPE_CHECKING:``) do not count.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "turkicorg"

FLOORS: dict[str, int] = {
    # ground
    "errors": 0,
    "dates": 0,
    "sourcing": 0,
    "text": 0,
    "fileio": 0,
    "languages": 0,
    "lazy": 0,
    # model
    "parties": 1,
    "organs": 1,
    "meetings": 1,
    "record": 1,
    "invariants": 1,
    "localnames": 1,
    # registry
    "registry": 2,
    # rules
    "rotation": 3,
    "decisions": 3,
    "chairmanship": 3,
    "elders": 3,
    "cadence": 3,
    "horizon": 3,
    # the façade users know
    "organization": 4,
    # interchange and the embedded data
    "serialize": 5,
    "schema": 5,
    "data": 5,
    # exporters, pictures, pages, test strategies
    "export": 6,
    "timeline": 6,
    "provenance": 6,
    "strategies": 6,
    "names": 6,
    # the command line and the package's own re-exports
    "cli": 7,
    "__main__": 7,
    "__init__": 8,
}
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = "turkicorg" if parts == ("__init__",) else "turkicorg." + ".".join(parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _floor(module: str) -> int:
    if module == "turkicorg":
        return FLOORS["__init__"]
    top = module.split(".")[1]
    assert top in FLOORS, f"{module} has no floor: add it to FLOORS and docs/architecture.md"
    return FLOORS[top]


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _package_of(module: str) -> str:
    path = MODULES[module]
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _imports(module: str) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names) for every runtime import of ``module``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    skipped = _type_checking_lines(tree)
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                base = _package_of(module).split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, target] if target else base)
            names = [alias.name for alias in node.names]
            found.append((node.lineno, target, names))
    return [item for item in found if item[1].split(".")[0] == "turkicorg"]


def _targets(target: str, names: list[str]) -> list[str]:
    """The modules an import statement loads (``from turkicorg import cadence`` loads one)."""
    modules = [f"{target}.{name}" for name in names if f"{target}.{name}" in MODULES]
    return modules or [target]


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        edges: set[str] = set()
        for _line, target, names in _imports(module):
            edges.update(t for t in _targets(target, names) if t in MODULES and t != module)
        graph[module] = edges
    return graph


def test_every_module_has_a_floor() -> None:
    for module in MODULES:
        _floor(module)


def test_no_import_goes_up_a_floor() -> None:
    wrong = [
        f"{MODULES[module].name}:{line} imports {imported}"
        for module in MODULES
        for line, target, names in _imports(module)
        for imported in _targets(target, names)
        if imported in MODULES and _floor(imported) > _floor(module)
    ]
    assert wrong == []


def test_no_import_circle() -> None:
    graph = _graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for following in sorted(graph[node]):
            # A package's __init__ importing its own submodules is how packages work.
            if following.startswith(node + "."):
                continue
            if state.get(following) == 1:
                circles.append([*stack[stack.index(following) :], following])
            elif following not in state:
                visit(following, stack)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert circles == []


def test_no_private_name_crosses_a_module() -> None:
    wrong = []
    for module in MODULES:
        for line, target, names in _imports(module):
            parts = target.split(".")
            private = [p for p in parts if p.startswith("_") and p not in {"__init__", "__main__"}]
            private += [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                wrong.append(f"{MODULES[module].name}:{line} imports {target} {private}")
    assert wrong == []


def test_today_is_read_from_its_module() -> None:
    """``dates.today`` is read when called, never bound by name: the one place tests fix it."""
    bound = [
        f"{MODULES[module].name}:{line}"
        for module in MODULES
        for line, target, names in _imports(module)
        if target == "turkicorg.dates" and "today" in names
    ]
    assert bound == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_are_small(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines"


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef, source: list[str]) -> int:
    """Lines of code of a function: no docstring, blank line or comment line."""
    docstring: set[int] = set()
    first = node.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        docstring = set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    count = 0
    for number in range(node.lineno, (node.end_lineno or node.lineno) + 1):
        text = source[number - 1].strip()
        if number not in docstring and text and not text.startswith("#"):
            count += 1
    return count


@pytest.mark.parametrize("module", sorted(MODULES))
def test_functions_are_short(module: str) -> None:
    text = MODULES[module].read_text(encoding="utf-8")
    source = text.splitlines()
    long = [
        f"{node.name} ({_code_lines(node, source)} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and _code_lines(node, source) > MAX_FUNCTION_LINES
    ]
    assert long == []


def test_the_checker_sees_a_function_level_import() -> None:
    """The floor check counts imports inside functions, not only at the top of a module."""
    tree = ast.parse("def f():\n    from turkicorg.cli import main\n")
    assert any(isinstance(node, ast.ImportFrom) for node in ast.walk(tree))
    assert _floor("turkicorg.cli") > _floor("turkicorg.registry")


def _type_checking_imports(package: str) -> dict[str, str]:
    """The names a package's ``__init__.py`` imports for type checkers, with their modules."""
    init = PACKAGE.parent / package.replace(".", "/") / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    return {
        alias.name: node.module.removeprefix(f"{package}.")
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(package)
        for alias in node.names
    }


@pytest.mark.parametrize("package", ["turkicorg", "turkicorg.serialize"])
def test_the_public_names_agree(package: str) -> None:
    """``__all__``, the lazy table and the type checkers' imports name the same things."""
    module = importlib.import_module(package)
    home = module._HOME
    assert set(module.__all__) - {"__version__"} == set(home)
    assert _type_checking_imports(package) == home
    for name, where in home.items():
        owner = importlib.import_module(f"{package}.{where}")
        assert name in owner.__all__, (name, where)
        assert getattr(module, name) is getattr(owner, name)
