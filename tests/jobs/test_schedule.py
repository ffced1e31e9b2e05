"""The reminder schedule: its own table, read batch after batch, and migration 0006 both ways."""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select

from foi import create_app
from foi.extensions import db
from foi.jobs.sweeps import sweep_reminders
from foi.models import OutboxMessage, ReminderSchedule
from foi.services.answering import request_answer
from tests.jobs.conftest import seed_due


def test_filing_schedules_a_look_and_answering_ends_it_at_the_next_sweep(
    app, office, assigned_request
):
    req = assigned_request()
    assert db.session.get(ReminderSchedule, req.id).next_at == req.received_at
    request_answer(actor=office.officer, req=req, outcome="given", text="Here it is.")
    sweep_reminders(app, req.due_at + timedelta(days=1))
    db.session.expire_all()  # the sweep wrote through its own session
    assert db.session.get(ReminderSchedule, req.id) is None
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.key.like(f"req:{req.id}:due%")
                | OutboxMessage.key.like(f"req:{req.id}:overdue%")
            )
        )
        == 0
    )


def test_small_batches_reach_every_due_request_exactly_once(app, office):
    now = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # a Monday, 09:00 in Baku
    ids = seed_due(office, 23, now + timedelta(hours=6))
    result = sweep_reminders(app, now, batch=5)
    assert (result.looked_at, result.messages, result.batches) == (23, 23, 5)
    keys = set(db.session.scalars(select(OutboxMessage.key)))
    assert keys == {f"req:{i}:due0:v1:u{office.officer.id}" for i in ids}
    assert sweep_reminders(app, now + timedelta(minutes=1), batch=5).messages == 0
    # Each waits for its overdue notice now, at the due moment.
    db.session.expire_all()
    assert {s.next_at for s in db.session.scalars(select(ReminderSchedule))} == {
        now + timedelta(hours=6)
    }


def _seed_0005(conn, moment: datetime) -> tuple[int, int]:
    """Insert one request waiting for the sweep at ``moment`` and one not waiting."""
    meta = sa.MetaData()
    meta.reflect(conn, only=["agency", "user_account", "info_request"])
    agency, user, request = (meta.tables[n] for n in ("agency", "user_account", "info_request"))
    conn.execute(
        agency.insert().values(
            id=1,
            slug="a",
            name_az="A",
            name_en="A",
            name_ru="A",
            kind="ministry",
            description_az="",
            description_en="",
            topics="",
            keywords="",
            website="",
            email="",
            law_code="az",
            publish_mode="manual",
            active=True,
            created_at=moment,
        )
    )
    conn.execute(
        user.insert().values(
            id=1,
            email="c@example.org",
            password_hash="x",
            display_name="C",
            role="citizen",
            locale="az",
            address="",
            phone="",
            active=True,
            created_at=moment,
        )
    )
    base = {
        "requester_id": 1,
        "agency_id": 1,
        "subject": "S",
        "body": "B",
        "lang": "az",
        "publish_name": False,
        "status": "awaiting",
        "received_at": moment,
        "due_at": moment + timedelta(days=9),
        "deadline_version": 1,
        "created_at": moment,
        "updated_at": moment,
    }
    conn.execute(request.insert().values(id=1, reference="R-1", next_reminder_at=moment, **base))
    conn.execute(request.insert().values(id=2, reference="R-2", next_reminder_at=None, **base))
    return 1, 2


def _utc(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


def test_migration_0006_moves_the_schedule_out_and_back(spare_database_url):
    moment = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=spare_database_url)
    with app.app_context():
        downgrade(revision="base")
        upgrade(revision="0005")
        with db.engine.begin() as conn:
            waiting, idle = _seed_0005(conn, moment)

        upgrade(revision="0006")
        with db.engine.connect() as conn:
            schedule = sa.Table("reminder_schedule", sa.MetaData(), autoload_with=conn)
            rows = conn.execute(sa.select(schedule.c.request_id, schedule.c.next_at)).all()
            assert [(r, _utc(t)) for r, t in rows] == [(waiting, moment)]
            columns = {c["name"] for c in sa.inspect(conn).get_columns("info_request")}
            assert "next_reminder_at" not in columns

        downgrade(revision="0005")
        with db.engine.connect() as conn:
            request = sa.Table("info_request", sa.MetaData(), autoload_with=conn)
            rows = conn.execute(
                sa.select(request.c.id, request.c.next_reminder_at).order_by(request.c.id)
            ).all()
            assert [(r, _utc(t)) for r, t in rows] == [(waiting, moment), (idle, None)]
            assert "reminder_schedule" not in sa.inspect(conn).get_table_names()

        downgrade(revision="base")
        upgrade()
        db.engine.dispose()
