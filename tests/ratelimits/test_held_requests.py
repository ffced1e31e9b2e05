"""A request filed before the account's address is confirmed is held: the agency never sees
it, nobody is e-mailed, and it is filed, its clock starting, when the address is confirmed."""

from datetime import timedelta

from sqlalchemy import func, select

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import InfoRequest, OutboxMessage
from foi.models.base import utcnow
from foi.services.accounts import signed_tokens
from foi.services.agency_stats import agency_statistics
from tests.factories import make_agency, make_user


def _unconfirmed_citizen():
    user = make_user("citizen")
    user.email_confirmed_at = None
    db.session.commit()
    return user


def _file(client, agency, n: int):
    return client.post(
        "/requests/new",
        data={
            "subject": f"School repairs {n}",
            "body": "Please send the list of schools repaired in 2025.",
            "agency_id": str(agency.id),
            "urgency": "",
        },
        follow_redirects=True,
    )


def _outbox() -> int:
    return db.session.scalar(select(func.count()).select_from(OutboxMessage))


def test_twelve_filings_from_an_unconfirmed_account_reach_no_agency_and_mail_nobody(
    app, client, login, mail_server
):
    agency = make_agency()
    officer = make_user("officer", agency)
    coordinator = make_user("coordinator", agency)  # told of every new request
    citizen = _unconfirmed_citizen()
    login(citizen)
    for n in range(12):
        page = _file(client, agency, n)
        assert "Confirm your e-mail address to send it." in page.get_data(as_text=True)
    held = db.session.scalars(select(InfoRequest)).all()
    assert len(held) == 12 and {r.status for r in held} == {"held"}
    assert all(r.reference.startswith("HOLD-") and r.due_at is None for r in held)
    assert _outbox() == 0  # no acknowledgement, no e-mail to the agency's staff
    deliver_pending(utcnow())
    assert not mail_server.to(coordinator.email) and not mail_server.to(citizen.email)

    mine = client.get("/my/requests").get_data(as_text=True)
    assert mine.count("Held until you confirm your address") == 12
    detail = client.get(f"/my/requests/{held[0].reference}").get_data(as_text=True)
    assert "has not been sent to the agency yet" in detail
    assert "(Art. 24.1, 24.5) starts then" in detail
    assert "Download receipt" not in detail  # nothing was received yet

    # No receipt: no agency has received it.
    assert client.get(f"/requests/{held[0].reference}/receipt.pdf").status_code == 404

    login(make_user("ombudsman"))
    assert client.get(f"/requests/{held[0].reference}/dossier.pdf").status_code == 404
    login(officer)
    queue = client.get("/officer/?status=all").get_data(as_text=True)
    assert "School repairs" not in queue
    assert client.get(f"/officer/requests/{held[0].reference}").status_code == 404
    assert agency_statistics(agency).compliance.received == 0
    assert "School repairs" not in client.get("/").get_data(as_text=True)


def test_confirming_the_address_files_the_held_requests_received_at_that_moment(
    app, client, login, mail_server
):
    agency = make_agency()
    officer = make_user("officer", agency)
    coordinator = make_user("coordinator", agency)  # told of every new request
    citizen = _unconfirmed_citizen()
    login(citizen)
    for n in range(2):
        _file(client, agency, n)
    [first, second] = db.session.scalars(select(InfoRequest).order_by(InfoRequest.id)).all()
    typed_at = first.received_at

    before = utcnow()
    token = signed_tokens("confirm").dumps(citizen.id)
    assert client.get(f"/confirm/{token}").status_code == 302
    db.session.expire_all()
    assert [first.status, second.status] == ["awaiting", "awaiting"]
    assert first.reference.startswith("AZ-") and first.reference.endswith("-000001")
    assert second.reference.endswith("-000002")
    # The law's clock runs from when the agency received it: the confirmation, not the typing.
    assert first.received_at >= before > typed_at
    assert first.due_at is not None and first.due_at > first.received_at + timedelta(days=7)
    kinds = [e.kind for e in first.events]
    assert kinds[:3] == ["held", "filed", "routed"]
    filed = next(e for e in first.events if e.kind == "filed")
    assert filed.at == first.received_at

    deliver_pending(utcnow())
    assert len([m for m in mail_server.to(citizen.email) if "AZ-" in m["Subject"]]) == 2
    assert len(mail_server.to(coordinator.email)) == 2  # the agency is told of both
    login(officer)
    assert first.reference in client.get("/officer/").get_data(as_text=True)

    # Confirming again files nothing twice.
    client.get(f"/confirm/{token}")
    assert db.session.scalar(select(func.count()).select_from(InfoRequest)) == 2


def test_a_password_reset_proves_the_address_too_and_files_what_was_held(app, client, login):
    from foi.services import forgotten_password

    agency = make_agency()
    citizen = _unconfirmed_citizen()
    login(citizen)
    _file(client, agency, 1)
    token = signed_tokens("reset").dumps([citizen.id, citizen.password_hash[-12:]])
    forgotten_password.password_reset(token, "a brand new password")
    req = db.session.scalars(select(InfoRequest)).one()
    assert req.status == "awaiting" and req.due_at is not None


def test_a_confirmed_account_files_at_once(app, client, login):
    agency = make_agency()
    login(make_user("citizen"))
    page = _file(client, agency, 1)
    assert "was sent. We e-mailed you an acknowledgement." in page.get_data(as_text=True)
    assert db.session.scalars(select(InfoRequest)).one().status == "awaiting"
