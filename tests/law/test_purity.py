"""foi.law stays pure: no Flask, no SQLAlchemy, no reading of the clock."""

import ast
import subprocess
import sys
from pathlib import Path

LAW = Path(__file__).resolve().parents[2] / "foi" / "law"
FORBIDDEN_CALLS = {"now", "today", "utcnow", "utcfromtimestamp", "fromtimestamp"}
FORBIDDEN_MODULES = ("flask", "sqlalchemy", "flask_sqlalchemy", "flask_babel", "time")


def _sources():
    return sorted(LAW.rglob("*.py"))


def test_law_modules_import_no_framework():
    for path in _sources():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN_MODULES, f"{path.name} imports {name}"


def test_law_never_reads_the_clock():
    # The `time` module is banned with the imports above; these read the clock via datetime.
    for path in _sources():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in FORBIDDEN_CALLS, (
                    f"{path.name}:{node.lineno} calls .{node.func.attr}()"
                )


def test_importing_and_running_the_law_loads_no_framework():
    # foi/__init__.py belongs to the web app and imports Flask, so load foi.law under a bare
    # namespace package: this checks what foi.law itself pulls in.
    code = f"""
import sys, types
pkg = types.ModuleType("foi"); pkg.__path__ = [{str(LAW.parent)!r}]; sys.modules["foi"] = pkg
from datetime import datetime, timezone
import foi.law as law
for pack in law.available_packs():
    law.deadlines(pack, law.calendar_for(pack), datetime(2025, 11, 4, tzinfo=timezone.utc))
bad = [m for m in sys.modules if m.split(".")[0] in {FORBIDDEN_MODULES[:-1]!r}]
print(",".join(bad))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
