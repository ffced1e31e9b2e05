"""Forgotten drafts are deleted by the scheduler, after one warning e-mail (issue 16.5)."""

from datetime import UTC, datetime, timedelta

import pytest

from foi.extensions import db
from foi.jobs.sweeps import sweep_drafts
from foi.models import OutboxMessage, RequestDraft
from foi.services.drafts import draft_save
from tests.factories import make_user

SAVED = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def draft(app):
    app.config.update(DRAFT_KEEP_DAYS=30, DRAFT_WARN_DAYS=7)
    owner = make_user("citizen", email="aysel@example.org")
    return draft_save(owner=owner, draft=None, subject="Yol təmiri", body="Xərclər.", now=SAVED)


def _sweep(app, days: float):
    return sweep_drafts(app, SAVED + timedelta(days=days))


def _warnings() -> list[OutboxMessage]:
    return (
        db.session.query(OutboxMessage).filter(OutboxMessage.to_addr == "aysel@example.org").all()
    )


def test_the_author_is_warned_once_a_week_before_and_the_draft_goes_after_30_days(app, draft):
    assert _sweep(app, 22).warned == 0 and not _warnings()
    assert _sweep(app, 23.1).warned == 1
    assert _sweep(app, 23.2).warned == 0  # a second sweep sends nothing more
    mails = _warnings()
    assert len(mails) == 1
    assert "Yol təmiri" in mails[0].body_text and f"draft={draft.id}" in mails[0].body_text
    assert mails[0].subject.endswith("deleted on 1 Apr 2026")  # day 30 after the last save

    assert _sweep(app, 29.9).deleted == 0
    assert db.session.get(RequestDraft, draft.id) is not None
    assert _sweep(app, 30.2).deleted == 1
    assert db.session.query(RequestDraft).count() == 0
    assert _sweep(app, 31).deleted == 0 and len(_warnings()) == 1


def test_saving_the_draft_again_starts_a_new_term_with_a_new_warning(app, draft):
    _sweep(app, 23.1)
    draft_save(
        owner=draft.owner,
        draft=draft,
        subject="Yol təmiri",
        body="Daha çox.",
        now=SAVED + timedelta(days=25),
    )
    assert _sweep(app, 31).deleted == 0
    assert _sweep(app, 25 + 23.1).warned == 1
    assert len(_warnings()) == 2
    assert _sweep(app, 25 + 30.2).deleted == 1


def test_a_late_warning_keeps_the_draft_for_the_whole_notice(app, draft):
    # The scheduler was down until day 40: the author still gets the week the e-mail promises.
    assert _sweep(app, 40).warned == 1
    assert _sweep(app, 46).deleted == 0
    assert _sweep(app, 47).deleted == 1
