"""Days off and working days entered by administrators on top of the law's calendar."""

from datetime import date

from sqlalchemy import Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db

DAY_OFF = "day_off"
WORKING_DAY = "working_day"


class CalendarException(db.Model):
    __tablename__ = "calendar_exception"
    __table_args__ = (UniqueConstraint("law_code", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    law_code: Mapped[str] = mapped_column(String(8))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(300), default="")
