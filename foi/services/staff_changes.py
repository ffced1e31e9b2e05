"""Administrators change staff accounts: role, agency and department; deactivate, reactivate.

Like ``staff``, for administrators only; each change is one transaction with one entry in the
account's audit trail. A person moved to another agency or deactivated is unassigned from
their open requests, which their agency's coordinators then see as unassigned.
"""

from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from foi.extensions import db
from foi.models import Agency, Department, InfoRequest, User
from foi.models.account_event import DEACTIVATED, REACTIVATED, UPDATED
from foi.models.base import utcnow
from foi.models.request import INTERNAL
from foi.models.user import ADMIN, CITIZEN, STAFF_ROLES
from foi.requests.states import OPEN, EventKind
from foi.services import login_sessions, staff
from foi.services.accounts import (
    account_record,
)
from foi.services.db import transaction
from foi.services.errors import DomainError
from foi.services.history import record
from foi.services.login_sessions import sessions_end


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
    staff.admin_ensure(actor)
    user = staff.account_of(user_id)
    display_name = display_name.strip()
    if not display_name:
        raise DomainError(_l("Write the person's name."), field="display_name")
    if user.role == CITIZEN or role is None:
        role, agency = user.role, user.agency  # citizens stay citizens
    else:
        if role not in staff.INVITABLE_ROLES:
            raise DomainError(_l("Choose a role."), field="role")
        if user.id == actor.id and role != ADMIN:
            raise DomainError(
                _l("You cannot remove your own administrator role. Ask another administrator."),
                field="role",
            )
        agency = staff.agency_for_role(role, agency_id)
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
    staff.admin_ensure(actor)
    user = staff.account_of(user_id)
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
    staff.admin_ensure(actor)
    user = staff.account_of(user_id)
    if user.active:
        raise DomainError(_l("This account is already active."))
    if staff.is_deleted(user):
        raise DomainError(_l("Its owner deleted this account; it cannot be reactivated."))
    with transaction():
        user.active = True
        account_record(user, REACTIVATED, actor=actor, at=now)
    return user
