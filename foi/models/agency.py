"""Public bodies that receive requests."""

from datetime import datetime

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from foi.extensions import db
from foi.models.base import UTCDateTime, utcnow

PUBLISH_ON_APPROVAL = "approval"
PUBLISH_ON_ANSWER = "on_answer"


class Agency(db.Model):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_az: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default="agency")
    description_az: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_ru: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[str] = mapped_column(String(500), default="")  # ";"-separated topic codes
    keywords: Mapped[str] = mapped_column(Text, default="")  # ";"-separated routing keywords
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    law_code: Mapped[str] = mapped_column(String(8), default="az")
    publish_mode: Mapped[str] = mapped_column(String(20), default=PUBLISH_ON_APPROVAL)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def name(self, locale: str = "az") -> str:
        """Return the agency's name in ``locale``, falling back to Azerbaijani."""
        return {"en": self.name_en, "ru": self.name_ru}.get(locale) or self.name_az

    def description(self, locale: str = "az") -> str:
        """Return the description in ``locale``; without one, Azerbaijani, as for the name.

        A Russian page never falls back to English: readers of Russian here read Azerbaijani.
        """
        return {"en": self.description_en, "ru": self.description_ru}.get(
            locale
        ) or self.description_az

    @property
    def topic_list(self) -> list[str]:
        return [t for t in self.topics.split(";") if t]

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(";") if k.strip()]
