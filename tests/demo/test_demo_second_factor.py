"""Demo staff sign in with the second factor seed-demo prints, as real staff must."""

import pyotp
import pytest

from foi.services.demo import (
    DEMO_PASSWORD,
    DEMO_RECOVERY_CODES,
    DEMO_TOTP_SECRET,
    demo_accounts_text,
    seed,
)

pytestmark = pytest.mark.db


def test_demo_staff_log_in_with_the_printed_key_or_a_recovery_code(app, client):
    assert seed(count=10, echo=lambda *_args: None)
    text = demo_accounts_text()
    assert DEMO_TOTP_SECRET in text and DEMO_RECOVERY_CODES[0] in text

    officer = client.post(
        "/login", data={"email": "officer1.justice@demo.foi.az", "password": DEMO_PASSWORD}
    )
    assert officer.location.endswith("/login/second-factor")
    done = client.post("/login/second-factor", data={"code": pyotp.TOTP(DEMO_TOTP_SECRET).now()})
    assert done.status_code == 302 and done.location.endswith("/officer/")

    client.post("/logout")
    client.post("/login", data={"email": "admin@demo.foi.az", "password": DEMO_PASSWORD})
    done = client.post("/login/second-factor", data={"code": DEMO_RECOVERY_CODES[0]})
    assert done.status_code == 302 and done.location.endswith("/admin/")

    # Citizens have no second factor unless they turn one on.
    client.post("/logout")
    citizen = client.post(
        "/login", data={"email": "citizen1@demo.foi.az", "password": DEMO_PASSWORD}
    )
    assert citizen.location.endswith("/my/requests")
