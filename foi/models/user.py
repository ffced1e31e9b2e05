"""People who log in: citizens, officers, coordinators, administrators, the oversight body."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

CITIZEN, OFFICER, COORDINATOR, ADMIN, OMBUDSMAN = (
    "citizen",
    "officer",
    "coordinator",
    "admin",
    "ombudsman",
)
ROLES = (CITIZEN, OFFICER, COORDINATOR, ADMIN, OMBUDSMAN)
STAFF_ROLES = (OFFICER, COORDINATOR)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default=CITIZEN)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"), index=True)
    # An officer's department in the agency, if any (foi.models.department).
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    locale: Mapped[str] = mapped_column(String(5), default="az")
    address: Mapped[str] = mapped_column(String(500), default="")  # private: never published
    phone: Mapped[str] = mapped_column(String(40), default="")  # private: never published
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    agency = relationship("Agency")
    department = relationship("Department")

    def get_id(self) -> str:
        """Name this login for Flask-Login's cookies: its user_session token, never the id.

        The token is set by foi.services.login_sessions when a login starts or is loaded, so a
        cookie names one login, which the server can end.
        """
        token = getattr(self, "login_token", None)
        if not token:
            raise RuntimeError("Sign in through foi.web.auth.sessions.sign_in.")
        return token

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_coordinator(self) -> bool:
        return self.role == COORDINATOR
