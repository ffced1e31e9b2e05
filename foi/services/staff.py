"""Administrators manage accounts: the list and one account's page, inviting staff.

Changing a role, agency or department, deactivating and reactivating are ``staff_changes``.

Every function here is for administrators only; anyone else learns nothing (``NotFound``).
The exception is ``account_create``, for the server's operator at the command line.
Each change is one transaction with one entry in the account's audit trail (``AccountEvent``).
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import func, or_, select

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import Agency, User
from foi.models.account_event import INVITED, AccountEvent
from foi.models.base import utcnow
from foi.models.user import ADMIN, COORDINATOR, OFFICER, OMBUDSMAN, ROLES, STAFF_ROLES
from foi.services.accounts import (
    DELETED_DOMAIN,
    MIN_PASSWORD,
    account_record,
    address_unique,
    hash_password,
    unusable_password,
    user_by_email,
)
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound
from foi.services.invitations import invitation_link

#: The roles an administrator may give; citizens register themselves.
INVITABLE_ROLES = (OFFICER, COORDINATOR, OMBUDSMAN, ADMIN)

#: The audit trail's kind for an account made by the server's operator (``flask foi
#: create-user``); its data says ``via="command line"`` since no administrator is named.
CREATED = "created"


def admin_ensure(actor: User) -> None:
    """Refuse anyone but an administrator, who learns nothing (``NotFound``)."""
    if not (actor.is_authenticated and actor.role == ADMIN):
        raise NotFound()


def account_of(user_id: int) -> User:
    """Return the account ``user_id``, or raise ``NotFound``."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def agency_for_role(role: str, agency_id: int | None) -> Agency | None:
    """Return the agency an account of ``role`` belongs to; officers need one, others none."""
    if role not in STAFF_ROLES:
        return None
    agency = db.session.get(Agency, agency_id) if agency_id else None
    if agency is None:
        raise DomainError(_l("Choose the agency this person works for."), field="agency_id")
    return agency


def is_deleted(user: User) -> bool:
    """Tell whether the account was deleted (anonymised) by its owner."""
    return user.email.endswith("@" + DELETED_DOMAIN)


def has_password(user: User) -> bool:
    """Tell whether the person has set a password (an invitation is still open if not)."""
    return user.password_hash.startswith("$")


@dataclass
class UserPage:
    """One page of the administrator's account list, with the total found."""

    items: list[User]
    total: int
    page: int
    pages: int


def users_page(
    *,
    actor: User,
    query: str = "",
    role: str = "",
    agency_id: int | None = None,
    active: str = "",
    page: int = 1,
    per_page: int = 50,
) -> UserPage:
    """Return one page of accounts matching the search (name or e-mail) and the filters."""
    admin_ensure(actor)
    stmt = select(User)
    if query := query.strip():
        # SQLite's lower() folds ASCII only: also match the words as typed (e.g. "Əli").
        lower, typed = f"%{query.lower()}%", f"%{query}%"
        stmt = stmt.where(
            or_(
                func.lower(User.display_name).like(lower),
                User.display_name.like(typed),
                func.lower(User.email).like(lower),
            )
        )
    if role:
        stmt = stmt.where(User.role == role)
    if agency_id:
        stmt = stmt.where(User.agency_id == agency_id)
    if active in ("yes", "no"):
        stmt = stmt.where(User.active.is_(active == "yes"))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    pages = max(1, (total + per_page - 1) // per_page)
    page = min(max(page, 1), pages)
    items = list(
        db.session.scalars(
            stmt.order_by(func.lower(User.display_name), User.id)
            .offset((page - 1) * per_page)
            .limit(per_page)
        )
    )
    return UserPage(items=items, total=total, page=page, pages=pages)


def account_history(*, actor: User, user_id: int, limit: int = 50) -> list[AccountEvent]:
    """Return the newest changes to an account, newest first."""
    admin_ensure(actor)
    return list(
        db.session.scalars(
            select(AccountEvent)
            .where(AccountEvent.user_id == user_id)
            .order_by(AccountEvent.at.desc(), AccountEvent.id.desc())
            .limit(limit)
        )
    )


def account_get(*, actor: User, user_id: int) -> User:
    """Return an account for an administrator to look at."""
    admin_ensure(actor)
    return account_of(user_id)


def _send_invitation(user: User, actor: User, *, now: datetime | None = None) -> None:
    now = now or utcnow()
    enqueue(
        f"user:{user.id}:invite:{now:%Y%m%d%H%M%S%f}",
        user.email,
        "staff_invitation",
        user.locale,
        user=user,
        inviter=actor,
        link=invitation_link(user),
    )


def staff_invite(
    *,
    actor: User,
    email: str,
    display_name: str,
    role: str,
    agency_id: int | None = None,
    locale: str = "az",
    now: datetime | None = None,
) -> User:
    """Create a staff account without a password and e-mail a link to set one (7 days)."""
    now = now or utcnow()
    admin_ensure(actor)
    email, display_name = email.strip().lower(), display_name.strip()
    if role not in INVITABLE_ROLES:
        raise DomainError(_l("Choose a role."), field="role")
    if not display_name:
        raise DomainError(_l("Write the person's name."), field="display_name")
    taken = _l("An account with this e-mail already exists.")
    if user_by_email(email):
        raise DomainError(taken, field="email")
    agency = agency_for_role(role, agency_id)
    with address_unique(email, taken), transaction() as session:
        user = User(
            email=email,
            display_name=display_name,
            role=role,
            agency=agency,
            locale=locale,
            password_hash=unusable_password(),
            active=True,
        )
        session.add(user)
        session.flush()
        account_record(
            user, INVITED, actor=actor, role=role, agency=agency.slug if agency else None, at=now
        )
        _send_invitation(user, actor, now=now)
    return user


def account_create(
    *,
    email: str,
    display_name: str,
    role: str,
    password: str,
    agency_slug: str | None = None,
    locale: str = "az",
    now: datetime | None = None,
) -> User:
    """Create a confirmed account with its password, for the server's operator.

    This is how the first administrator comes to exist, so no actor is named; the account's
    history says it was made at the command line.
    """
    now = now or utcnow()
    email, display_name = email.strip().lower(), display_name.strip()
    if role not in ROLES:
        raise DomainError(_l("Choose a role."), field="role")
    if not display_name:
        raise DomainError(_l("Write the person's name."), field="display_name")
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            lazy_ngettext(
                "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_PASSWORD
            ),
            field="password",
        )
    taken = _l("An account with this e-mail already exists.")
    if user_by_email(email):  # compares lower-cased: Ali@x.az and ali@x.az are one address
        raise DomainError(taken, field="email")
    agency = None
    if agency_slug:
        agency = db.session.scalar(select(Agency).where(Agency.slug == agency_slug.strip()))
        if agency is None:
            raise DomainError(
                _l("No agency has the short name %(slug)s.", slug=agency_slug), field="agency"
            )
        if role not in STAFF_ROLES:
            raise DomainError(
                _l("Only officers and coordinators belong to an agency."), field="agency"
            )
    elif role in STAFF_ROLES:
        raise DomainError(_l("Choose the agency this person works for."), field="agency")
    with address_unique(email, taken), transaction() as session:
        user = User(
            email=email,
            display_name=display_name,
            role=role,
            agency=agency,
            locale=locale,
            password_hash=hash_password(password),
            email_confirmed_at=now,
            active=True,
        )
        session.add(user)
        session.flush()
        account_record(
            user,
            CREATED,
            actor=None,
            role=role,
            agency=agency.slug if agency else None,
            via="command line",
            at=now,
        )
    return user


def staff_invitation_resend(*, actor: User, user_id: int, now: datetime | None = None) -> User:
    """Send the invitation again to a person who has not set a password yet."""
    now = now or utcnow()
    admin_ensure(actor)
    user = account_of(user_id)
    if has_password(user) or not user.active:
        raise DomainError(_l("This person has already set a password."))
    with transaction():
        account_record(user, INVITED, actor=actor, again=True, at=now)
        _send_invitation(user, actor, now=now)
    return user
