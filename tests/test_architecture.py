"""The shape docs/architecture.md draws: layer folders, each importing only the folders before it, and no cycle.

The graph is read from the code (every import, the lazy ones inside functions included), never from a list kept
by hand: a new module is covered the moment it exists.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "site_gen"
LAYERS = ["base", "notice", "pages", "engine", "importer", "commands"]  # each may import only those before it
TOP = {"__init__", "__main__"}  # the package's own two files: the version, and `python -m site_gen`


def imports(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package -> the package modules it imports, as dotted names under site_gen."""
    found: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__") or "__init__"
        here = list(parts[:-1])
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = here[: len(here) - (node.level - 1)]
                module = [*base, *(node.module.split(".") if node.module else [])]
                targets.add(".".join(module))
                targets.update(".".join([*module, alias.name]) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "site_gen":
                module = node.module.split(".")[1:]
                targets.add(".".join(module))
                targets.update(".".join([*module, alias.name]) for alias in node.names)
            elif isinstance(node, ast.Import):
                targets.update(a.name.partition(".")[2] for a in node.names if a.name.startswith("site_gen."))
        found[name] = {t for t in targets if t and t != name}
    known = set(found)  # `from ..pages import render` names the module pages.render, not the folder pages
    return {name: {t for t in targets if t in known and t not in LAYERS} for name, targets in found.items()}


def layer_of(module: str) -> str:
    return module.split(".")[0]


def upward_arrows(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Every import from a module to a module of a later layer folder (or to a command from anywhere below)."""
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    arrows = set()
    for module, targets in graph.items():
        if module in TOP:
            continue
        for target in targets:
            if target in TOP or target == "__version__":
                continue
            if rank.get(layer_of(target), len(LAYERS)) > rank.get(layer_of(module), len(LAYERS)):
                arrows.add((module, target))
    return arrows


def cycles(graph: dict[str, set[str]]) -> list[str]:
    known = set(graph)
    state: dict[str, int] = {}
    found: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if target not in known:
                continue
            if state.get(target) == 1:
                found.extend(path[path.index(target) :] + [target] if target in path else [node, target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_graph_is_read_from_the_code():
    graph = imports()
    assert {"engine.site", "engine.staging", "engine.state"} <= graph["commands.build"]
    assert "commands.build" in graph["commands.serve"]
    assert "pages.render" in graph["engine.site"]  # a lazy import, inside a function


def test_every_module_sits_in_a_layer_folder():
    strays = {m for m in imports() if m not in TOP and layer_of(m) not in LAYERS}
    assert strays == set()


def test_no_import_points_to_a_later_layer():
    assert upward_arrows(imports()) == set()


def test_no_import_cycles():
    assert cycles(imports()) == []


def test_the_folder_rule_catches_a_deliberate_violation(tmp_path):
    """The rule run over a copy of the package with one lazy upward import added: it must name that arrow."""
    for path in PACKAGE.rglob("*.py"):
        copy = tmp_path / path.relative_to(PACKAGE)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    model = tmp_path / "notice" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n\ndef _bad():\n    from ..commands import cli\n")
    (tmp_path / "stray.py").write_text("from .base import messages\n", encoding="utf-8")
    graph = imports(tmp_path)
    assert upward_arrows(graph) == {("notice.model", "commands.cli")}
    assert "stray" in {m for m in graph if m not in TOP and layer_of(m) not in LAYERS}
