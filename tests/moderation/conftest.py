"""The rate limits' fixture, for filing past them."""

from tests.ratelimits.conftest import limits_on  # noqa: F401
