"""Rate limits switched on for one test, with small limits so that a test reaches them."""

import pytest


@pytest.fixture
def limits_on(app, monkeypatch):
    """Turn the limits on; ``limits_on(name="2/hour", ...)`` sets some of them."""
    monkeypatch.setitem(app.config, "RATE_LIMITS_ENABLED", True)
    monkeypatch.setitem(app.config, "RATE_LIMITS", dict(app.config["RATE_LIMITS"]))

    def set_limits(**limits):
        for name, value in limits.items():
            app.config["RATE_LIMITS"][name.replace("__", ".")] = value

    return set_limits
