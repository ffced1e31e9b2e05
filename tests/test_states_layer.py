"""Only the state machine changes a request's status: no service assigns it by hand."""

import ast
from pathlib import Path

FOI = Path(__file__).resolve().parents[1] / "foi"
STATE_MACHINE = FOI / "requests" / "states.py"
#: Objects with a status of their own (an outbox message, a complaint), not a request's.
OTHER_STATUSES = {"msg", "complaint"}


def _owner(node: ast.expr) -> str:
    """Return the name an attribute hangs on: ``req`` for ``req.status``."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        found = []
        for target in node.targets:
            found.extend(target.elts if isinstance(target, ast.Tuple) else [target])
        return found
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []


def status_assignments(path: Path) -> list[str]:
    """Return where ``path`` sets a request's status without the state machine."""
    tree = ast.parse(path.read_text(), filename=str(path))
    where = path.relative_to(FOI.parent) if path.is_relative_to(FOI.parent) else path.name
    found = []
    for node in ast.walk(tree):
        for target in _targets(node):
            if (
                isinstance(target, ast.Attribute)
                and target.attr == "status"
                and _owner(target) not in OTHER_STATUSES
            ):
                found.append(f"{where}:{node.lineno}")
        # InfoRequest(status=...) and setattr(req, "status", ...) go around it too.
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else ""
            if name == "InfoRequest" and any(k.arg == "status" for k in node.keywords):
                found.append(f"{where}:{node.lineno}")
            if (
                name == "setattr"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value == "status"
            ):
                found.append(f"{where}:{node.lineno}")
    return found


def test_no_module_but_the_state_machine_assigns_a_request_status():
    found = [
        where
        for path in sorted(FOI.rglob("*.py"))
        if path != STATE_MACHINE
        for where in status_assignments(path)
    ]
    assert found == [], "use foi.requests.states.request_transition instead: " + ", ".join(found)


def test_the_scan_finds_a_status_set_by_hand(tmp_path):
    # The guard must be able to fail: each way around the state machine is caught.
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(req, msg):\n"
        "    req.status, req.outcome = 'answered', 'given'\n"
        "    req.status = 'published'\n"
        "    InfoRequest(status='closed')\n"
        "    setattr(req, 'status', 'withdrawn')\n"
        "    msg.status = 'sent'\n"
    )
    assert status_assignments(sample) == [
        "sample.py:2",
        "sample.py:3",
        "sample.py:4",
        "sample.py:5",
    ]
