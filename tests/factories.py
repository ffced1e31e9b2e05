"""Small builders of test data: each test makes what it needs."""

import itertools

from flask import current_app
from sqlalchemy import select

from foi.extensions import db
from foi.models import Agency, SecondFactor, User
from foi.models.base import utcnow
from foi.services.accounts import hash_password

PASSWORD = "correct horse battery"
# Staff made here sign in with this TOTP key (the roles of FOI_2FA_REQUIRED_ROLES must).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
_seq = itertools.count(1)
_HASH = {}


def _password_hash() -> str:
    # argon2 is slow on purpose; one hash serves every test account.
    if PASSWORD not in _HASH:
        _HASH[PASSWORD] = hash_password(PASSWORD)
    return _HASH[PASSWORD]


def make_agency(**values) -> Agency:
    n = next(_seq)
    agency = Agency(
        slug=values.pop("slug", f"agency-{n}"),
        name_az=values.pop("name_az", f"Test Agentliyi {n}"),
        name_en=values.pop("name_en", f"Test Agency {n}"),
        **values,
    )
    db.session.add(agency)
    db.session.commit()
    return agency


def make_user(
    role: str = "citizen", agency: Agency | None = None, second_factor: bool | None = None, **values
) -> User:
    """Make an account; staff whose role requires a second factor get one (key TOTP_SECRET).

    ``second_factor=False`` makes a member of staff who has not set it up yet.
    """
    n = next(_seq)
    user = User(
        email=values.pop("email", f"{role}{n}@example.org"),
        display_name=values.pop("display_name", f"{role.title()} {n}"),
        role=role,
        agency=agency,
        password_hash=_password_hash(),
        email_confirmed_at=utcnow(),
        locale=values.pop("locale", "en"),
        **values,
    )
    db.session.add(user)
    db.session.flush()
    if second_factor is None:
        second_factor = role in current_app.config["TWO_FACTOR_REQUIRED_ROLES"]
    if second_factor:
        db.session.add(SecondFactor(user_id=user.id, secret=TOTP_SECRET, confirmed_at=utcnow()))
    db.session.commit()
    return user


def totp_code(user: User) -> str:
    """Return a code of ``user``'s TOTP key that the login will accept now.

    Codes are accepted once per 30-second step; a second login within the step takes the next
    step's code, which the check allows for a phone whose clock runs a little ahead.
    """
    import pyotp

    from foi.services.second_factor import STEP_SECONDS

    db.session.expire_all()
    row = db.session.scalar(select(SecondFactor).where(SecondFactor.user_id == user.id))
    step = int(utcnow().timestamp()) // STEP_SECONDS
    if row.last_step is not None and row.last_step >= step:
        step = row.last_step + 1
    return pyotp.TOTP(row.secret).generate_otp(step)


def pass_second_factor(client, user: User, response, remember: bool = True):
    """Type the code when ``response`` sends the browser to the second-factor page."""
    if response.status_code == 302 and response.location.endswith("/login/second-factor"):
        data = {"code": totp_code(user)}
        if remember:
            data["remember_device"] = "y"
        response = client.post("/login/second-factor", data=data)
        assert response.status_code == 302, response.get_data(as_text=True)[:1000]
    return response


def file_request(requester: User, agency: Agency, **values):
    """File a request through the real service, as the citizen's form does."""
    from foi.services.filing import request_file

    return request_file(
        requester=requester,
        agency_id=agency.id,
        subject=values.pop("subject", "Büdcə xərcləri"),
        body=values.pop("body", "2025-ci il üzrə büdcə xərclərini göndərin."),
        **values,
    )
