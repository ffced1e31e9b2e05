"""The person behind a request received off-line, and where to answer them.

Contact details: shown to the agency's staff and printed on the letters they post, never
published (archive, API, feeds, exports, search index, published PDFs).
"""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from foi.extensions import db


class RequestContact(db.Model):
    __tablename__ = "request_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_request.id"), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    postal_address: Mapped[str] = mapped_column(String(500), default="")
    # Lower-cased: an account that confirms this address takes the request into it.
    email: Mapped[str] = mapped_column(String(254), default="", index=True)

    request = relationship("InfoRequest", back_populates="contact")
