"""The counts public pages show are kept with every change and always equal a fresh count."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from foi.extensions import db
from foi.models import InfoRequest
from foi.models.base import utcnow
from foi.services.answering import request_answer, request_transfer
from foi.services.counters import counts_by_status, published_by_agency, recount
from foi.services.filing import request_withdraw
from foi.services.publishing import response_approve
from tests.factories import file_request, make_agency, make_user


def _counted_now() -> tuple[dict, dict]:
    by_status = dict(
        db.session.execute(
            select(InfoRequest.status, func.count()).group_by(InfoRequest.status)
        ).all()
    )
    published = dict(
        db.session.execute(
            select(InfoRequest.agency_id, func.count())
            .where(InfoRequest.is_public)
            .group_by(InfoRequest.agency_id)
        ).all()
    )
    return by_status, published


def test_filing_moving_publishing_and_withdrawing_keep_the_counts(app, client):
    tax, schools = make_agency(slug="vergi"), make_agency(slug="tehsil")
    citizen = make_user("citizen")
    officer, coordinator = make_user("officer", tax), make_user("coordinator", tax)
    first, second, third = (file_request(citizen, tax, subject=f"Sorğu {n}") for n in range(3))
    assert counts_by_status() == {"awaiting": 3}

    request_transfer(actor=officer, req=second, agency_id=schools.id, reason="Onlardadır.")
    request_answer(actor=officer, req=first, outcome="given", text="Cavab.")
    response_approve(actor=coordinator, req=first)
    request_withdraw(requester=citizen, req=third)

    assert counts_by_status() == {"awaiting": 1, "published": 1, "withdrawn": 1}
    assert published_by_agency() == {tax.id: 1}
    assert (counts_by_status(), published_by_agency()) == _counted_now()
    assert "1 of 3 requests answered and published." in client.get("/").get_data(as_text=True)

    first.hidden_at = utcnow()  # what moderation_hide writes: out of the archive
    db.session.commit()
    assert published_by_agency() == {}
    assert (counts_by_status(), published_by_agency()) == _counted_now()
    recount()
    db.session.commit()
    assert (counts_by_status(), published_by_agency()) == _counted_now()


def test_a_change_that_fails_counts_nothing(app):
    agency = make_agency()
    citizen = make_user("citizen")
    file_request(citizen, agency)
    # No received_at: the database refuses the row after the counts were updated in the flush.
    db.session.add(
        InfoRequest(
            reference="X-1", requester_id=citizen.id, agency_id=agency.id, subject="s", body="b"
        )
    )
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    assert counts_by_status() == {"awaiting": 1}
