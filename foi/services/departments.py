"""An agency's departments: administrators name them; requests and officers belong to them."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import func, select, update

from foi.extensions import db
from foi.models import Agency, Department, InfoRequest, User
from foi.models.base import utcnow
from foi.models.user import ADMIN, STAFF_ROLES
from foi.requests.states import OPEN
from foi.services.audit import audit_record
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound

NAME_FIELDS = ("name_az", "name_en", "name_ru")


def _ensure_admin(actor: User) -> None:
    if not (actor.is_authenticated and actor.role == ADMIN):
        raise NotFound()


def departments_of(agency_id: int | None) -> list[Department]:
    """Return the agency's departments in the order of their Azerbaijani names."""
    if agency_id is None:
        return []
    return list(
        db.session.scalars(
            select(Department)
            .where(Department.agency_id == agency_id)
            .order_by(Department.name_az, Department.id)
        )
    )


def departments_by_agency() -> dict[int, list[Department]]:
    """Return every agency's departments, by agency id, in the order of their names."""
    found: dict[int, list[Department]] = {}
    for department in db.session.scalars(
        select(Department).order_by(Department.name_az, Department.id)
    ):
        found.setdefault(department.agency_id, []).append(department)
    return found


def department_of_agency(agency_id: int, department_id: int) -> Department:
    """Return department ``department_id`` of the agency, or raise NotFound."""
    department = db.session.get(Department, department_id)
    if department is None or department.agency_id != agency_id:
        raise NotFound()
    return department


def department_members(department_id: int) -> list[User]:
    """Return the active officers and coordinators who work in the department, oldest first."""
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.department_id == department_id,
                User.role.in_(STAFF_ROLES),
                User.active.is_(True),
            )
            .order_by(User.id)
        )
    )


def department_save(
    *,
    actor: User,
    agency_id: int,
    department_id: int | None = None,
    name_az: str,
    name_en: str = "",
    name_ru: str = "",
    now: datetime | None = None,
) -> Department:
    """Add a department to an agency, or rename one."""
    now = now or utcnow()
    _ensure_admin(actor)
    agency = db.session.get(Agency, agency_id)
    if agency is None:
        raise NotFound()
    names = {
        "name_az": " ".join((name_az or "").split())[:200],
        "name_en": " ".join((name_en or "").split())[:200],
        "name_ru": " ".join((name_ru or "").split())[:200],
    }
    if not names["name_az"]:
        raise DomainError(_l("Give the department's name in Azerbaijani."), field="name_az")
    taken = db.session.scalar(
        select(Department.id).where(
            Department.agency_id == agency_id,
            func.lower(Department.name_az) == names["name_az"].lower(),
            Department.id != (department_id or 0),
        )
    )
    if taken:
        raise DomainError(_l("The agency has a department of that name."), field="name_az")
    with transaction() as session:
        if department_id:
            department = department_of_agency(agency_id, department_id)
        else:
            department = Department(agency_id=agency_id)
            session.add(department)
        for name, value in names.items():
            setattr(department, name, value)
        session.flush()
        audit_record(
            actor,
            "department_updated" if department_id else "department_created",
            "department",
            object_id=department.id,
            label=f"{agency.slug}: {department.name_az}",
            at=now,
        )
    return department


def department_delete(
    *, actor: User, agency_id: int, department_id: int, now: datetime | None = None
) -> None:
    """Remove a department that no open request is routed to; its officers keep their jobs.

    Answered and closed requests routed to it, and its officers, simply belong to no
    department any more; the history still names it.
    """
    now = now or utcnow()
    _ensure_admin(actor)
    department = department_of_agency(agency_id, department_id)
    waiting = db.session.scalar(
        select(func.count(InfoRequest.id)).where(
            InfoRequest.department_id == department.id, InfoRequest.status.in_(OPEN)
        )
    )
    if waiting:
        raise DomainError(
            lazy_ngettext(
                "%(num)d open request is routed to this department: route it elsewhere first.",
                "%(num)d open requests are routed to this department: route them elsewhere first.",
                waiting,
            ),
            field="department",
        )
    with transaction() as session:
        for model in (InfoRequest, User):
            session.execute(
                update(model)
                .where(model.department_id == department.id)
                .values(department_id=None)
                .execution_options(synchronize_session="fetch")
            )
        audit_record(
            actor,
            "department_deleted",
            "department",
            object_id=department.id,
            label=f"{department.agency.slug}: {department.name_az}",
            at=now,
        )
        session.delete(department)
