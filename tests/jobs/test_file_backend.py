"""`make run` writes e-mail to files that a person can open and read."""

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import OutboxMessage
from foi.models.base import utcnow


def test_file_backend_writes_readable_utf8_messages(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "file")
    monkeypatch.setitem(app.config, "MAIL_DIR", str(tmp_path))
    db.session.add(
        OutboxMessage(
            key="req:1:acknowledgement",
            to_addr="aysel@example.org",
            subject="Sorğunuz qəbul edildi",
            body_text="Sorğunuz Bakı şəhəri üzrə qəbul edildi.",
        )
    )
    db.session.commit()
    deliver_pending(utcnow())
    (written,) = tmp_path.glob("*.eml")
    text = written.read_text(encoding="utf-8")
    assert "Sorğunuz Bakı şəhəri üzrə qəbul edildi." in text
    assert "To: aysel@example.org" in text
    assert db.session.query(OutboxMessage).one().status == "sent"
