"""A department of an agency: where requests are routed and whose officers claim them."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow


class Department(db.Model):
    __tablename__ = "department"
    __table_args__ = (UniqueConstraint("agency_id", "name_az", name="uq_department_agency_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    name_az: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_ru: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    agency = relationship("Agency")

    def name(self, locale: str = "az") -> str:
        """Return the department's name in ``locale``, falling back to Azerbaijani."""
        return {"en": self.name_en, "ru": self.name_ru}.get(locale) or self.name_az
