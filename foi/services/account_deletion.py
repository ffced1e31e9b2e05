"""A citizen deletes their account: it is anonymised, their requests stay in the archive."""

import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, update

from foi.models import InfoRequest, LoginAttempt, RequestContact, User
from foi.models.account_event import DELETED
from foi.models.base import utcnow
from foi.models.user import CITIZEN
from foi.services import accounts, login_sessions
from foi.services.accounts import DELETED_DOMAIN, DELETED_NAME
from foi.services.db import transaction
from foi.services.drafts import drafts_erase
from foi.services.errors import DomainError
from foi.services.login_sessions import sessions_end
from foi.services.personal_data import erase_personal_fields
from foi.services.second_factor import second_factor_forget


def account_delete(*, user: User, password: str, now: datetime | None = None) -> None:
    """Anonymise a citizen's account at their wish; their requests stay in the archive.

    The name, address and contact details go; the requests, answers and history stay exactly
    as published, and the requester's name is never shown with them again.
    """
    now = now or utcnow()
    if user.role != CITIZEN:
        raise DomainError(_l("Staff accounts are closed by an administrator."))
    accounts.password_check(user, password, field="password")
    with transaction() as session:
        old_email = user.email
        # The fields the personal-data export writes are the ones erased (one list).
        erase_personal_fields(
            user,
            {
                "display_name": DELETED_NAME,
                "email": f"deleted-{user.id}-{secrets.token_hex(6)}@{DELETED_DOMAIN}",
                "address": "",
                "phone": "",
            },
        )
        user.password_hash = accounts.unusable_password()
        user.active = False
        session.execute(
            update(InfoRequest)
            .where(InfoRequest.requester_id == user.id)
            .values(publish_name=False, updated_at=InfoRequest.updated_at)
        )
        # Requests received off-line that joined the account: their written-down contact too.
        session.execute(
            update(RequestContact)
            .where(
                RequestContact.request_id.in_(
                    select(InfoRequest.id).where(InfoRequest.requester_id == user.id)
                )
            )
            .values(name="", postal_address="", email="")
        )
        session.execute(delete(LoginAttempt).where(LoginAttempt.email == old_email))
        drafts_erase(user)  # unsent words are the person's own: they go with the account
        second_factor_forget(user)  # a key and passkeys of nobody: nothing left to sign in with
        accounts.account_record(user, DELETED, actor=user, at=now)
        sessions_end(user, reason=login_sessions.DELETED, now=now)
