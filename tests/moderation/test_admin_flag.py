"""Administrators flag a request themselves: from its public page, or by its reference."""

from sqlalchemy import select

from foi.extensions import db
from foi.models import ModerationFlag
from tests.factories import file_request, make_agency, make_user
from tests.moderation.test_moderation import SPAM_WORD, _published


def _flags():
    return db.session.scalars(select(ModerationFlag)).all()


def test_an_administrator_flags_a_published_request_from_its_public_page(app, client, login):
    agency = make_agency()
    officer, coordinator = make_user("officer", agency), make_user("coordinator", agency)
    req = _published(agency, officer, coordinator, with_file=True)
    [doc] = [d for d in req.documents if d.public]
    assert "Flag for moderation" not in client.get(f"/r/{req.reference}").get_data(as_text=True)
    login(make_user("citizen"))
    assert "Flag for moderation" not in client.get(f"/r/{req.reference}").get_data(as_text=True)

    login(make_user("admin"))
    page = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert "Flag for moderation" in page and "File: cedvel.pdf" in page
    answer = client.post(
        "/admin/moderation/flag",
        data={
            "flag-reference": req.reference,
            "flag-target": str(doc.id),
            "flag-reason": "personal_data",
            "flag-note": "Ünvan görünür",
        },
    )
    assert answer.status_code == 302
    queue = client.get("/admin/moderation").get_data(as_text=True)
    assert "1 flag waiting" in queue and "File: cedvel.pdf" in queue and "Ünvan görünür" in queue
    [flag] = _flags()
    assert flag.document_id == doc.id and flag.flagged_by.role == "admin"
    assert req.events[-1].kind == "flagged"  # in the request's internal history


def test_an_administrator_flags_an_unpublished_request_by_its_reference(app, client, login):
    req = file_request(make_user("citizen"), make_agency(), subject=f"{SPAM_WORD} pulsuz")
    login(make_user("admin"))
    answer = client.post(
        "/admin/moderation/flag",
        data={"flag-reference": req.reference.lower(), "flag-target": "0", "flag-reason": "spam"},
    )
    assert answer.status_code == 302
    assert f"{SPAM_WORD} pulsuz" in client.get("/admin/moderation").get_data(as_text=True)
    assert [f.reason for f in _flags()] == ["spam"]


def test_an_unknown_reference_is_shown_again_with_the_error_in_the_readers_language(
    app, client, login
):
    login(make_user("admin", locale="az"))
    answer = client.post(
        "/admin/moderation/flag",
        data={"flag-reference": "AZ-2026-999999", "flag-reason": "abusive", "flag-note": "Söyüş"},
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'value="AZ-2026-999999"' in page and "Söyüş" in page  # what was typed is kept
    assert "Bu nömrəli sorğu yoxdur." in page
    assert _flags() == []


def test_only_administrators_reach_the_flag_by_reference(app, client, login):
    agency = make_agency()
    req = file_request(make_user("citizen"), agency)
    for role in ("citizen", "officer", "ombudsman"):
        login(make_user(role, agency if role == "officer" else None))
        answer = client.post(
            "/admin/moderation/flag",
            data={"flag-reference": req.reference, "flag-reason": "spam"},
        )
        assert answer.status_code == 404
    assert _flags() == []
