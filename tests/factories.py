"""Small builders of test data: each test makes what it needs."""
import itertools

from foi.extensions import db
from foi.models import Agency, User
from foi.models.base import utcnow
from foi.services.accounts import hash_password

PASSWORD = "correct horse battery"
_seq = itertools.count(1)
_HASH = {}


def _password_hash() -> str:
    # argon2 is slow on purpose; one hash serves every test account.
    if PASSWORD not in _HASH:
        _HASH[PASSWORD] = hash_password(PASSWORD)
    return _HASH[PASSWORD]


def make_agency(**values) -> Agency:
    n = next(_seq)
    agency = Agency(slug=values.pop("slug", f"agency-{n}"),
                    name_az=values.pop("name_az", f"Test Agentliyi {n}"),
                    name_en=values.pop("name_en", f"Test Agency {n}"), **values)
    db.session.add(agency)
    db.session.commit()
    return agency


def make_user(role: str = "citizen", agency: Agency | None = None, **values) -> User:
    n = next(_seq)
    user = User(email=values.pop("email", f"{role}{n}@example.org"),
                display_name=values.pop("display_name", f"{role.title()} {n}"),
                role=role, agency=agency, password_hash=_password_hash(),
                email_confirmed_at=utcnow(), locale=values.pop("locale", "en"), **values)
    db.session.add(user)
    db.session.commit()
    return user


def file_request(requester: User, agency: Agency, **values):
    """File a request through the real service, as the citizen's form does."""
    from foi.services.filing import request_file

    return request_file(requester=requester, agency_id=agency.id,
                        subject=values.pop("subject", "Büdcə xərcləri"),
                        body=values.pop("body", "2025-ci il üzrə büdcə xərclərini göndərin."),
                        **values)
