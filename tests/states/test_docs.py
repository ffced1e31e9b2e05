"""docs/architecture.md shows the state machine the code runs, never an older one."""

import re
from pathlib import Path

from foi.law import get_pack
from foi.requests.states import transitions_table
from foi.services.permissions import permissions_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def _block(name: str) -> str:
    match = re.search(rf"<!-- {name}:begin -->\n(.*?)\n<!-- {name}:end -->", DOC.read_text(), re.S)
    assert match, f"docs/architecture.md lost its {name} markers"
    return match.group(1)


def test_the_documented_state_machine_is_the_one_in_the_code():
    expected = transitions_table(get_pack("az"))
    assert _block("states-table") == expected, (
        "docs/architecture.md is stale: paste foi.requests.states.transitions_table("
        'get_pack("az")) between the states-table markers'
    )


def test_the_documented_permissions_are_the_ones_in_the_code():
    expected = permissions_table()
    assert _block("permissions-table") == expected, (
        "docs/architecture.md is stale: paste foi.services.permissions.permissions_table() "
        "between the permissions-table markers"
    )
