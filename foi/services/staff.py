"""Administrators manage accounts: invite staff, change roles, deactivate and reactivate.

Every function here is for administrators only; anyone else learns nothing (``NotFound``).
The exception is ``account_create``, for the server's operator at the command line.
Each change is one transaction with one entry in the account's audit trail (``AccountEvent``).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import func, or_, select

from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import Agency, Department, InfoRequest, User
from foi.models.account_event import DEACTIVATED, INVITED, REACTIVATED, UPDATED, AccountEvent
from foi.models.base import utcnow
from foi.models.request import INTERNAL
from foi.models.user import ADMIN, CITIZEN, COORDINATOR, OFFICER, OMBUDSMAN, ROLES, STAFF_ROLES
from foi.requests.states import OPEN, EventKind
from foi.services import login_sessions
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
from foi.services.history import record
from foi.services.invitations import invitation_link
from foi.services.login_sessions import sessions_end

#: The roles an administrator may give; citizens register themselves.
INVITABLE_ROLES = (OFFICER, COORDINATOR, OMBUDSMAN, ADMIN)

#: The audit trail's kind for an account made by the server's operator (``flask foi
#: create-user``); its data says ``via="command line"`` since no administrator is named.
CREATED = "created"


def _ensure_admin(actor: User) -> None:
    if not (actor.is_authenticated and actor.role == ADMIN):
        raise NotFound()


def _account(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def _agency_for(role: str, agency_id: int | None) -> Agency | None:
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
    _ensure_admin(actor)
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
    _ensure_admin(actor)
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
    _ensure_admin(actor)
    return _account(user_id)


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
    _ensure_admin(actor)
    email, display_name = email.strip().lower(), display_name.strip()
    if role not in INVITABLE_ROLES:
        raise DomainError(_l("Choose a role."), field="role")
    if not display_name:
        raise DomainError(_l("Write the person's name."), field="display_name")
    taken = _l("An account with this e-mail already exists.")
    if user_by_email(email):
        raise DomainError(taken, field="email")
    agency = _agency_for(role, agency_id)
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
    _ensure_admin(actor)
    user = _account(user_id)
    if has_password(user) or not user.active:
        raise DomainError(_l("This person has already set a password."))
    with transaction():
        account_record(user, INVITED, actor=actor, again=True, at=now)
        _send_invitation(user, actor, now=now)
    return user


def _release_assignments(
    user: User, actor: User, reason: str, *, now: datetime | None = None
) -> int:
    """Unassign the person's open requests, so the agency's coordinators see them as unassigned.

    They then appear under assignee "Nobody" in the agency's queue and in the coordinators' daily
    digest; each request's internal history says why.
    """
    now = now or utcnow()
    requests = db.session.scalars(
        select(InfoRequest).where(InfoRequest.assignee_id == user.id, InfoRequest.status.in_(OPEN))
    ).all()
    for req in requests:
        req.assignee = None
        record(
            req,
            EventKind.ASSIGNED,
            actor=actor,
            visibility=INTERNAL,
            assignee=None,
            previous=user.display_name,
            reason=reason,
            at=now,
        )
    return len(requests)


def staff_update(
    *,
    actor: User,
    user_id: int,
    display_name: str,
    role: str | None = None,
    agency_id: int | None = None,
    department_id: int | None = None,
    now: datetime | None = None,
) -> User:
    """Change an account's name and, for staff, its role, agency and department."""
    now = now or utcnow()
    _ensure_admin(actor)
    user = _account(user_id)
    display_name = display_name.strip()
    if not display_name:
        raise DomainError(_l("Write the person's name."), field="display_name")
    if user.role == CITIZEN or role is None:
        role, agency = user.role, user.agency  # citizens stay citizens
    else:
        if role not in INVITABLE_ROLES:
            raise DomainError(_l("Choose a role."), field="role")
        if user.id == actor.id and role != ADMIN:
            raise DomainError(
                _l("You cannot remove your own administrator role. Ask another administrator."),
                field="role",
            )
        agency = _agency_for(role, agency_id)
    department = _department_for(agency if role in STAFF_ROLES else None, department_id)
    changes: dict[str, Any] = {  # the account event's data, stored as JSON
        name: [old, new]
        for name, old, new in (
            ("display_name", user.display_name, display_name),
            ("role", user.role, role),
            ("agency", user.agency.slug if user.agency else None, agency.slug if agency else None),
            (
                "department",
                user.department.name_az if user.department else None,
                department.name_az if department else None,
            ),
        )
        if old != new
    }
    if not changes:
        return user
    with transaction():
        # An officer who leaves the agency (or the officer roles) no longer works its requests.
        if user.agency_id is not None and (agency is None or agency.id != user.agency_id):
            changes["unassigned"] = _release_assignments(user, actor, "moved", now=now)
        user.display_name, user.role, user.agency = display_name, role, agency
        user.department = department
        account_record(user, UPDATED, actor=actor, changes=changes, at=now)
    return user


def _department_for(agency: Agency | None, department_id: int | None) -> Department | None:
    """Return the department an officer of ``agency`` is to belong to (None: none)."""
    if not department_id:
        return None
    department = db.session.get(Department, department_id)
    if agency is None or department is None or department.agency_id != agency.id:
        raise DomainError(_l("Choose a department of the person's agency."), field="department_id")
    return department


def staff_deactivate(*, actor: User, user_id: int, now: datetime | None = None) -> int:
    """Stop an account from logging in; return how many open requests were unassigned."""
    now = now or utcnow()
    _ensure_admin(actor)
    user = _account(user_id)
    if user.id == actor.id:
        raise DomainError(_l("You cannot deactivate your own account. Ask another administrator."))
    if not user.active:
        raise DomainError(_l("This account is already deactivated."))
    with transaction():
        user.active = False
        released = _release_assignments(user, actor, "deactivated", now=now)
        account_record(user, DEACTIVATED, actor=actor, unassigned=released, at=now)
        # Signed in somewhere, the account is signed out there too (every host, at once).
        sessions_end(user, reason=login_sessions.DEACTIVATED, now=now)
    return released


def staff_reactivate(*, actor: User, user_id: int, now: datetime | None = None) -> User:
    """Let a deactivated account log in again (not one its owner deleted)."""
    now = now or utcnow()
    _ensure_admin(actor)
    user = _account(user_id)
    if user.active:
        raise DomainError(_l("This account is already active."))
    if is_deleted(user):
        raise DomainError(_l("Its owner deleted this account; it cannot be reactivated."))
    with transaction():
        user.active = True
        account_record(user, REACTIVATED, actor=actor, at=now)
    return user
