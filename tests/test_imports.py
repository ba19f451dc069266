"""Import cycles in src/marklint (issue 13). The module-level import graph (imports under
`if TYPE_CHECKING:` do not count) has none. Counting the imports inside functions too, which
hide cycles rather than end them, KNOWN_CYCLES lists the cycles still to break: it only ever
shrinks, to empty."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

KNOWN_CYCLES: set[tuple[str, ...]] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING" or \
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(tree: ast.Module, name: str, is_package: bool, sources: dict, in_functions: bool) -> set[str]:
    """The modules `name` imports: statements at module level, including those in try/except
    and if blocks, except `if TYPE_CHECKING:`, and those inside functions when `in_functions`.
    `from package import module` imports `package.module` (and runs `package` as any import of
    a module in it does)."""
    found: set[str] = set()
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            submodules = {f"{module}.{alias.name}" for alias in node.names}
            found.update(submodules & sources.keys() if submodules <= sources.keys() else submodules | {module})
        elif isinstance(node, ast.If):
            pending += [] if _is_type_checking(node) else node.body + node.orelse
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            pending += node.body if in_functions or isinstance(node, ast.ClassDef) else []
        else:
            pending += [child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)]
    return found


def import_graph(in_functions: bool = False) -> dict[str, set[str]]:
    """Each module of marklint -> the marklint modules it imports at module level (and inside
    functions when `in_functions`). Importing
    `a.b.c` also runs the packages `a` and `a.b`, except those the importer lies in (which
    are being imported already: a package's own modules may import each other)."""
    sources = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in sources.items():
        imported = _imports(ast.parse(path.read_text()), name, path.name == "__init__.py", sources, in_functions)
        own = {".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1)}
        targets = {module for module in imported if module in sources}
        for module in imported:
            parts = module.split(".")
            targets.update(".".join(parts[:n]) for n in range(1, len(parts)))
        graph[name] = {t for t in targets if t in sources and t != name and (t in imported or t not in own)}
    return graph


def cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan), each as a sorted tuple."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: set[tuple[str, ...]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(tuple(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_module_level_imports_unless_told():
    graph, every = import_graph(), import_graph(in_functions=True)
    assert "marklint.errors" in graph["marklint.ruleset.loader"]
    assert "marklint.checks" in graph["marklint.ruleset.schema"]  # a package runs before its modules
    assert "marklint.ruleset" not in graph["marklint.ruleset.loader"]  # ... except the importer's own
    assert "marklint.ruleset" not in graph["marklint.config"]  # only inside a function
    assert "marklint.ruleset" in every["marklint.config"]
    assert "marklint.ruleset" not in every["marklint.checks.generic"]  # under TYPE_CHECKING


def test_cycles_finds_each_strongly_connected_component():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert cycles(graph) == {("a", "b", "c"), ("d", "e")}


def test_no_import_cycles_at_module_level():
    assert cycles(import_graph()) == set()


def test_no_import_cycles_beyond_the_known_ones_counting_imports_in_functions():
    assert cycles(import_graph(in_functions=True)) == KNOWN_CYCLES


def test_no_module_is_longer_than_600_lines():
    """The architecture's size limit (issue 13): a module past 600 lines holds more than one job."""
    long = {str(path.relative_to(SRC)): n for path in SRC.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}
