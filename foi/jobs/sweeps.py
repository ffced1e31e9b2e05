"""The scheduler's periodic jobs: each opens an app context and calls one service."""
import logging

from flask import Flask

from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from foi.services.reminders import reminders_enqueue

log = logging.getLogger("foi.jobs")


def sweep_reminders(app: Flask) -> int:
    with app.app_context():
        count = reminders_enqueue(utcnow(), app.config["REMINDER_DAYS"])
        log.info("reminders: %d requests notified", count)
        return count


def sweep_mail(app: Flask) -> dict:
    with app.app_context():
        counts = deliver_pending(utcnow())
        if any(counts.values()):
            log.info("mail: %s", counts)
        return counts
