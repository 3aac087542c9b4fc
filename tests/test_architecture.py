"""The shape of the code: what may import what (docs/architecture.md), and sizes.

Every import of a pmreview module is read from the source (lazy imports inside functions
included) and checked against the layers below: a module may import its own layer and the
layers beneath it, never one above. `render` never parses, `rules` never calls the LLM, the
LLM layer never renders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from _support import REPO

SRC = REPO / "src" / "pmreview"

# Lowest first. A unit is a top-level module or package of pmreview (its first dotted name).
LAYERS: list[set[str]] = [
    {"models", "errors", "resources", "__init__"},
    {"source", "convert", "parse", "text"},
    {"checks", "rules", "directives"},
    {"catalog"},
    {"config", "llm", "score"},
    {"pipeline"},
    {"render", "explain", "scaffold"},
    {"coach", "forge", "github", "gitlab", "lsp"},
    {"cli", "__main__"},
]
LAYER = {unit: n for n, units in enumerate(LAYERS) for unit in units}
# Imports that would be legal by layer but break a stated rule.
FORBIDDEN = {
    ("render", "parse"),
    ("render", "checks"),
    ("render", "rules"),
    ("render", "llm"),
    ("rules", "llm"),
    ("checks", "llm"),
    ("llm", "render"),
    ("llm", "pipeline"),
}
MAX_MODULE_LINES = 300


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def _unit(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def _imported_units(path: Path) -> set[str]:
    """The pmreview units a module imports (absolute or relative, at any depth)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = list(path.relative_to(SRC).parent.parts)
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                names = (node.module or "").split(".") if node.module else []
                parts = base + [n for n in names if n]
                if not parts:  # "from . import x" at the top: x is the unit
                    out.update(a.name for a in node.names)
                    continue
                out.add(parts[0])
            elif node.module and node.module.split(".")[0] == "pmreview":
                rest = node.module.split(".")[1:]
                out.update([rest[0]] if rest else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "pmreview" and len(parts) > 1:
                    out.add(parts[1])
    return out


def test_every_unit_has_a_layer() -> None:
    units = {_unit(p) for p in _modules()}
    assert units - LAYER.keys() == set(), "add the new module to LAYERS (docs/architecture.md)"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_down_the_layers(path: Path) -> None:
    unit = _unit(path)
    wrong = sorted(
        f"{unit} imports {other}"
        for other in _imported_units(path) - {unit}
        if other in LAYER and (LAYER[other] > LAYER[unit] or (unit, other) in FORBIDDEN)
    )
    assert wrong == []


def test_docs_architecture_states_these_layers() -> None:
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| ([a-z_, ]+) \|$", text, re.M)
    stated = [{u.strip() for u in units.split(",")} for _, units in rows]
    assert stated == [{u for u in layer if not u.startswith("__")} for layer in LAYERS]


def test_the_checker_sees_relative_and_lazy_imports(tmp_path: Path) -> None:
    sample = SRC / "render" / "_probe.py"
    text = "from ..parse import x\ndef f():\n    from pmreview.llm import y\n"
    sample.write_text(text, encoding="utf-8")
    try:
        assert _imported_units(sample) >= {"parse", "llm"}
    finally:
        sample.unlink()


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it by concept"


MAX_FUNCTION_LINES = 40
# Functions allowed over MAX_FUNCTION_LINES, by "module path:qualified name" (none today): an
# entry is a debt with a reason beside it; test_long_function_allowances_are_still_needed fails
# once the function is split and the entry stays.
LONG_FUNCTIONS: set[str] = set()


def _is_command(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A typer command: its parameters are typer options or arguments."""
    return any(
        arg.annotation is not None
        and re.search(r"typer\.(Option|Argument)\b", ast.unparse(arg.annotation)) is not None
        for arg in fn.args.args + fn.args.kwonlyargs
    )


def function_lengths(path: Path) -> dict[str, int]:
    """Every function and method of a module ("Class.method", "outer.inner") with its length:
    from `def` to the body's last line (decorators left out); a typer command's from the first
    line of its body, as its long part is the options' declaration."""
    lengths: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                start = child.body[0].lineno if _is_command(child) else child.lineno
                lengths[prefix + child.name] = (child.end_lineno or start) - start + 1
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return lengths


def _long_functions(path: Path) -> dict[str, int]:
    rel = path.relative_to(SRC).as_posix()
    return {
        f"{rel}:{name}": n for name, n in function_lengths(path).items() if n > MAX_FUNCTION_LINES
    }


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_functions_stay_short(path: Path) -> None:
    too_long = {name: n for name, n in _long_functions(path).items() if name not in LONG_FUNCTIONS}
    assert too_long == {}, f"over {MAX_FUNCTION_LINES} lines: split into well-named pieces"


def test_long_function_allowances_are_still_needed() -> None:
    long = {name for path in _modules() for name in _long_functions(path)}
    assert LONG_FUNCTIONS - long == set(), "it is short now: delete it from LONG_FUNCTIONS"


def test_function_lengths_count_the_body_of_a_command(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    options = "".join(f"    a{n}: Annotated[int, typer.Option()] = 0,\n" for n in range(45))
    sample.write_text(
        "class C:\n    @staticmethod\n    def m():\n"
        + "        pass\n" * 41
        + f"def command(\n{options}) -> None:\n    pass\n"
        + "def outer():\n    def inner():\n        pass\n",
        encoding="utf-8",
    )
    assert function_lengths(sample) == {"C.m": 42, "command": 1, "outer": 3, "outer.inner": 2}
