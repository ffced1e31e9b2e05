"""A passkey in a real browser: Chromium's virtual authenticator stands in for the device.

Browsers refuse passkeys for an IP address, so this journey reaches the test server as
``localhost`` (the site's public address says so too, as a deployment's would).
"""

import re

from tests.e2e.audit import install_axe
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_journeys import log_in
from tests.factories import PASSWORD, make_agency, make_user


def test_an_officer_adds_a_passkey_then_signs_in_with_it_instead_of_a_code(
    browser, app, live_server, monkeypatch, audit
):
    site = live_server.replace("127.0.0.1", "localhost")
    monkeypatch.setitem(app.config, "SITE_URL", site)
    officer = make_user("officer", make_agency())
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", base_url=site)
    install_axe(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    device = context.new_cdp_session(page)
    device.send("WebAuthn.enable")
    device.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    try:
        log_in(page, officer)  # the first time with a code from the authenticator app
        page.goto("/account/second-factor")
        page.get_by_label(re.compile("Name it")).fill("Work laptop")
        page.get_by_role("button", name="Add a passkey").click()
        page.get_by_text("The passkey is added").wait_for()
        assert page.locator("strong", has_text="Work laptop").is_visible()
        audit(page, "passkey-added")

        page.get_by_role("button", name="Log out").click()
        page.goto("/login")
        page.get_by_label("E-mail").fill(officer.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("button", name="Use a passkey").click()
        page.get_by_role("button", name="Log out").wait_for()
        assert "/officer" in page.url
    finally:
        context.close()
