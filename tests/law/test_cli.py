"""The `deadline` command: explanation first, due date-time alone on the last line."""

import pytest
from click.testing import CliRunner

from foi.cli.deadline import deadline


def invoke(*args):
    return CliRunner().invoke(deadline, list(args))


def test_prints_explanation_then_iso_due_date():
    result = invoke("--law", "az", "--received", "2025-11-04T10:00")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0] == "7 working days from 5 Nov 2025 (Art. 24.1, 24.5)"
    assert lines[-1] == "2025-11-17T23:59:59+04:00"


def test_urgent_life_in_russian():
    result = invoke(
        "--law", "az", "--received", "2025-11-07T15:00", "--urgent", "life", "--lang", "ru"
    )
    assert result.exit_code == 0
    assert "считая только рабочие дни" in result.output
    assert result.output.strip().splitlines()[-1] == "2025-11-13T15:00:00+04:00"


def test_extension_in_working_days():
    result = invoke("--law", "us", "--received", "2025-11-03T10:00", "--extend-days", "10")
    assert result.output.strip().splitlines()[-1] == "2025-12-17T23:59:59-05:00"


def test_received_with_offset_is_converted_to_the_law_timezone():
    result = invoke("--law", "uk", "--received", "2025-06-30T23:30+00:00")
    assert result.output.strip().splitlines()[-1] == "2025-07-30T23:59:59+01:00"


def test_extra_day_off():
    result = invoke("--law", "az", "--received", "2025-11-04T10:00", "--day-off", "2025-11-13")
    assert result.output.strip().splitlines()[-1] == "2025-11-18T23:59:59+04:00"


@pytest.mark.parametrize(
    "args, message",
    [
        (("--law", "zz", "--received", "2025-11-04"), "'zz' is not one of"),
        (("--received", "yesterday"), "is not an ISO 8601 date-time"),
        (("--law", "us", "--received", "2025-11-04", "--urgent", "life"), "no 'life' urgent"),
        (("--law", "az", "--received", "2025-11-04", "--extend-days", "8"), "at most 7 working"),
        (("--law", "de", "--received", "2025-11-04", "--extend-days", "1"), "no extension"),
        (
            (
                "--law",
                "az",
            ),
            "Missing option '--received'",
        ),
    ],
)
def test_bad_arguments_exit_non_zero_with_a_readable_error(args, message):
    result = invoke(*args)
    assert result.exit_code != 0
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(error_lines) == 1 and message in error_lines[0]
