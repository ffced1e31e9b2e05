"""The demo's agency directory: the Azerbaijani central executive bodies in ``agencies.csv``."""

from pathlib import Path

from foi.services.agency_import import AgencyRow, load_agencies_csv

DEFAULT_CSV = Path(__file__).with_name("agencies.csv")
"""The directory of Azerbaijani central executive bodies shipped with the demo."""


def load_default_agencies() -> list[AgencyRow]:
    """Return the rows of the agency directory shipped with the demo."""
    return load_agencies_csv(DEFAULT_CSV)
