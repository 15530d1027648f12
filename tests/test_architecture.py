"""The shape docs/architecture.md draws: no import cycle, and no arrow from a lower layer up to a command."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "site_gen"
COMMANDS = {"cli", "build", "serve", "new_command", "importer"}  # the top: what users run
LOWER = {
    "model",
    "addresses",
    "summary",
    "state",
    "outputs",
    "list_outputs",
    "engine",
    "staging",
    "diagnostics",
    "messages",
    "schema",
}


def imports() -> dict[str, set[str]]:
    """Each module of the package -> the package modules it imports (first component under site_gen)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__") or "__init__"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = list(parts[:-1])[: len(parts) - node.level]
                module = [*base, *(node.module.split(".") if node.module else [])]
                if node.module is None:
                    targets.update(".".join([*base, alias.name]) for alias in node.names)
                elif module:
                    targets.add(".".join(module))
        found[name] = {t for t in targets if t != name}
    return found


def test_the_graph_is_read_from_the_code():
    graph = imports()
    assert {"engine", "staging", "state"} <= graph["build"] and "build" in graph["serve"]


def test_no_import_cycles():
    graph = imports()
    known = set(graph)
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if target not in known:
                continue
            if state.get(target) == 1:
                cycle.extend(path[path.index(target) :] + [target] if target in path else [node, target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycle == []


def test_lower_layers_never_import_a_command():
    graph = imports()
    upward = {
        (module, target)
        for module, targets in graph.items()
        if module in LOWER
        for target in targets
        if target.split(".")[0] in COMMANDS
    }
    assert upward == set()
