"""The layers hold: pages, the API and the CLI go through services; services build no web links;
commits happen only where docs/architecture.md says; foi/ has no import cycle.

Like tests/law/test_purity.py and tests/test_states_layer.py, these read the source with ``ast``
and need no app. Each guard is run on a sample that breaks it, so that it can fail.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOI = ROOT / "foi"
#: The entry points: they turn input into service calls and results into answers.
ENTRY = ("web", "api", "cli")
#: Code that also runs without a web request (the scheduler, the CLI): no url_for there.
REQUESTLESS = ("services", "mail", "jobs", "documents")
#: The back ends behind ``foi.search``; its value types (SearchQuery, Hit...) may be used anywhere.
SEARCH_BACK_END_NAMES = {"get_backend", "SearchBackend", "SqliteBackend", "PostgresBackend"}
SEARCH_BACK_END_MODULES = {
    "foi.search.base",
    "foi.search.indexing",
    "foi.search.sqlite_fts",
    "foi.search.fts5_match",
    "foi.search.fts5_rows",
    "foi.search.postgres_fts",
}
#: Where a commit happens outside ``services/db.py:transaction()``, each with a comment saying
#: why (docs/architecture.md lists them): the scheduler's lease, the outbox's delivery, the
#: sweeps' per-batch commits, a connection's set-up, the rate-limit counters' own connection.
COMMIT_POINTS = {
    "foi/services/db.py",
    "foi/jobs/lock.py",
    "foi/jobs/sweeps.py",
    "foi/mail/delivery.py",
    "foi/services/reminders.py",
    "foi/services/digests.py",
    "foi/ratelimits/sql_storage.py",
    "foi/services/jobs.py",
}


def _sources(*packages: str) -> Iterator[Path]:
    for package in packages:
        yield from sorted((FOI / package).rglob("*.py"))


def _where(path: Path, node: ast.AST) -> str:
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    return f"{name}:{getattr(node, 'lineno', 0)}"


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# --- Pages, the API and the CLI go through services -------------------------------------------


def database_or_search_uses(path: Path) -> list[str]:
    """Return where ``path`` reaches the database or a search back end, or commits itself."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if (
                (node.module == "foi.extensions" and "db" in names)
                or node.module.split(".")[0] == "sqlalchemy"
                or node.module in SEARCH_BACK_END_MODULES
                or (node.module == "foi.search" and names & SEARCH_BACK_END_NAMES)
            ):
                found.append(f"{_where(path, node)} imports {node.module}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "sqlalchemy" or alias.name in (
                    SEARCH_BACK_END_MODULES | {"foi.extensions"}
                ):
                    found.append(f"{_where(path, node)} imports {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr == "session":
            if isinstance(node.value, ast.Name) and node.value.id == "db":
                found.append(f"{_where(path, node)} uses db.session")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("commit", "rollback"):
                found.append(f"{_where(path, node)} calls .{node.func.attr}()")
    return sorted(found, key=lambda where: (int(where.split(":")[1].split()[0]), where))


def test_pages_api_and_cli_reach_the_database_only_through_services():
    found = [where for path in _sources(*ENTRY) for where in database_or_search_uses(path)]
    assert found == [], "move it into foi/services (selectors.py for reads): " + "; ".join(found)


def test_the_entry_point_scan_finds_a_query_a_commit_and_a_back_end(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from foi.extensions import db\n"
        "from foi.search import SearchQuery, get_backend\n"
        "from sqlalchemy import select\n"
        "def view():\n"
        "    db.session.get(Agency, 1)\n"
        "    db.session.rollback()\n"
        "    session.commit()\n"
    )
    assert database_or_search_uses(sample) == [
        "sample.py:1 imports foi.extensions",
        "sample.py:2 imports foi.search",
        "sample.py:3 imports sqlalchemy",
        "sample.py:5 uses db.session",
        "sample.py:6 calls .rollback()",
        "sample.py:6 uses db.session",
        "sample.py:7 calls .commit()",
    ]
    fine = tmp_path / "fine.py"
    fine.write_text("from foi.search import Hit, SearchQuery\nfrom foi.services import filing\n")
    assert database_or_search_uses(fine) == []


# --- Services build no web links ---------------------------------------------------------------


def url_for_uses(path: Path) -> list[str]:
    """Return where ``path`` imports or calls Flask's ``url_for``."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and any(a.name == "url_for" for a in node.names):
            found.append(f"{_where(path, node)} imports url_for")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "url_for":
                found.append(f"{_where(path, node)} calls url_for")
    return found


def test_services_mail_jobs_and_documents_build_no_link_with_url_for():
    found = [where for path in _sources(*REQUESTLESS) for where in url_for_uses(path)]
    assert found == [], "build the link with the link builder instead: " + "; ".join(found)


def test_the_link_scan_finds_url_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import flask\nfrom flask import url_for\n"
        "link = url_for('archive.home')\nother = flask.url_for('archive.home')\n"
    )
    assert url_for_uses(sample) == [
        "sample.py:2 imports url_for",
        "sample.py:3 calls url_for",
        "sample.py:4 calls url_for",
    ]


# --- One commit point --------------------------------------------------------------------------


def commits(path: Path) -> list[tuple[int, bool]]:
    """Return the line of each commit in ``path`` and whether a comment there says why.

    A commit is a ``.commit()`` call or a ``.begin()`` block (it commits when it ends);
    the comment is on its line or on the lines just above it.
    """
    lines = path.read_text().splitlines()
    found = []
    for node in ast.walk(_tree(path)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("commit", "begin")
            and not node.args  # a file store's commit(tmp, sha256) is not the database's
        ):
            found.append((node.lineno, _explained(lines, node.lineno)))
    return sorted(found)


def _explained(lines: list[str], lineno: int) -> bool:
    if "#" in lines[lineno - 1]:
        return True
    above = lineno - 2
    return above >= 0 and lines[above].strip().startswith("#")


def test_commits_happen_only_at_the_listed_points():
    places = {
        str(path.relative_to(ROOT)) for path in FOI.rglob("*.py") if commits(path)
    } - COMMIT_POINTS
    assert places == set(), (
        "commit through foi.services.db.transaction(), or list the new commit point here and in "
        "docs/architecture.md: " + ", ".join(sorted(places))
    )


def test_every_commit_outside_the_transaction_says_why():
    unexplained = [
        f"{name}:{line}"
        for name in sorted(COMMIT_POINTS - {"foi/services/db.py"})
        for line, explained in commits(ROOT / name)
        if not explained
    ]
    assert unexplained == [], "say why this commits on its own: " + ", ".join(unexplained)


def test_the_commit_scan_finds_commits_and_their_reasons(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def sweep(engine):\n"
        "    db.session.commit()\n"
        "    # the lease must be seen at once\n"
        "    db.session.commit()\n"
        "    with engine.begin() as conn:  # its own connection\n"
        "        pass\n"
    )
    assert commits(sample) == [(2, False), (4, True), (5, True)]


def test_architecture_page_lists_every_commit_point():
    page = (ROOT / "docs" / "architecture.md").read_text()
    missing = [name for name in sorted(COMMIT_POINTS) if name.removeprefix("foi/") not in page]
    assert missing == []


# --- No import cycle; function-level imports say why ------------------------------------------


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level_imports(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Yield the imports run when the module loads (not those only for type checkers)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level_imports(node.body)
            yield from _module_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _module_level_imports(block)
        elif isinstance(node, ast.With):
            yield from _module_level_imports(node.body)


def _ancestors(module: str) -> set[str]:
    return {".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1)}


def _bound_before(tree: ast.Module, line: int) -> set[str]:
    """Return the names a module has bound at its top level before ``line``."""
    names: set[str] = set()
    for node in tree.body:
        if node.lineno >= line:
            break
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def import_graph(package: Path) -> dict[str, set[str]]:
    """Return, for each module of ``package``, the modules of it that it imports when loaded.

    ``from foi.x import y`` depends on the module ``foi.x.y`` when there is one, else on
    ``foi.x``, and on the packages above it (Python runs their ``__init__.py`` first). A
    module's import of a name from its own package is no cycle when the package binds that
    name before it imports the module: a blueprint's views take ``bp`` from their package's
    ``__init__.py``, which imports them once ``bp`` exists (docs/architecture.md).
    """
    root = package.parent
    paths = {_module_name(p, root): p for p in package.rglob("*.py")}
    trees = {name: _tree(path) for name, path in paths.items()}
    imports: dict[str, list[tuple[int, set[str], set[str]]]] = {}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        found = []
        for node in _module_level_imports(trees[name].body):
            if isinstance(node, ast.Import):
                modules = {a.name for a in node.names if a.name in paths}
                found.append((node.lineno, modules, set()))
                continue
            base = node.module or ""
            if node.level:
                parent = here[: len(here) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            modules = {f"{base}.{a.name}" for a in node.names} & paths.keys()
            names = {a.name for a in node.names if f"{base}.{a.name}" not in paths}
            if names and base in paths:
                modules.add(base)  # names defined in the package's __init__.py
            found.append((node.lineno, modules, names if base in paths else set()))
        imports[name] = found
    graph: dict[str, set[str]] = {}
    for name in paths:
        targets: set[str] = set()
        for _line, modules, names in imports[name]:
            for module in modules:
                if module in _ancestors(name) and _binds_first(imports, trees, module, name, names):
                    continue
                targets.add(module)
                # Importing foi.x.y runs foi/x/__init__.py first: that is a dependency too.
                targets |= (_ancestors(module) - _ancestors(name)) & paths.keys()
        graph[name] = targets - {name}
    return graph


def _binds_first(imports, trees, package: str, module: str, names: set[str]) -> bool:
    """Whether ``package`` binds ``names`` before it first imports ``module`` (or its parent)."""
    chain = {module} | _ancestors(module)
    lines = [line for line, modules, _names in imports[package] if modules & chain - {package}]
    if not lines:
        return True  # the package never imports the module: the module's import is one-way
    return names <= _bound_before(trees[package], min(lines))


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the groups of modules that import each other, directly or round a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def test_foi_has_no_import_cycle():
    cycles = import_cycles(import_graph(FOI))
    assert cycles == [], "these modules import each other: " + "; ".join(
        " ⇄ ".join(group) for group in cycles
    )


def test_the_cycle_scan_finds_a_loop_and_not_a_blueprint(tmp_path):
    pkg = tmp_path / "app"
    (pkg / "web").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from app.b import thing\n")
    (pkg / "b.py").write_text("import app.c\n")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.d import X\n"
        "from . import a\n"
    )
    (pkg / "d.py").write_text("from app.c import y\n")  # c only imports d for type checkers
    (pkg / "web" / "__init__.py").write_text("bp = object()\nfrom app.web import views\n")
    (pkg / "web" / "views.py").write_text("from app.web import bp\n")
    assert import_cycles(import_graph(pkg)) == [["app.a", "app.b", "app.c"]]


def unexplained_local_imports(path: Path) -> list[str]:
    """Return the imports inside functions of ``path`` that no comment explains.

    The comment is on the import's line, or just above the run of imports it belongs to.
    """
    lines = path.read_text().splitlines()
    found = set()
    for func in ast.walk(_tree(path)):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import | ast.ImportFrom) and not _import_explained(
                lines, node.lineno
            ):
                found.add((node.lineno, f"{_where(path, node)}: {lines[node.lineno - 1].strip()}"))
    return [where for _line, where in sorted(found)]


def _import_explained(lines: list[str], lineno: int) -> bool:
    if "#" in lines[lineno - 1]:
        return True
    above = lineno - 2
    # Walk up over the imports (and their continuation lines) of the same run.
    while above >= 0:
        text = lines[above].strip()
        if text.startswith("#"):
            return True
        if not text or text.startswith(("import ", "from ", ")")) or text.endswith(","):
            above -= 1
            continue
        return False
    return False


def test_imports_inside_functions_say_why():
    found = [
        where for path in sorted(FOI.rglob("*.py")) for where in unexplained_local_imports(path)
    ]
    assert found == [], (
        "import at the top of the module, or say in a comment why not: " + "; ".join(found)
    )


def test_the_local_import_scan_wants_a_reason(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f():\n"
        "    import json\n"
        "def g():\n"
        "    # weasyprint takes half a second to load\n"
        "    import weasyprint\n"
        "    from foi.documents import (\n"
        "        pdf,\n"
        "    )\n"
        "def h():\n"
        "    import qrcode  # only the setup page needs it\n"
    )
    assert unexplained_local_imports(sample) == ["sample.py:2: import json"]
