"""The second clock: the oversight or appeal body's deadline, and the requester's window."""

from __future__ import annotations

from datetime import datetime

from foi.law.calendar import WorkingCalendar
from foi.law.clock import run_clock
from foi.law.errors import ExtensionNotAllowed
from foi.law.results import Deadlines
from foi.law.rules import Period, RulePack


def complaint_deadlines(
    pack: RulePack,
    cal: WorkingCalendar,
    lodged_at: datetime,
    extended: bool = False,
    now: datetime | None = None,
) -> Deadlines:
    """Return when the oversight or appeal body must decide a complaint lodged at `lodged_at`.

    AZ: the Ombudsman examines an information complaint within 10 working days, extendable by
    10 with notice (Constitutional Law on the Ombudsman, art. 13-1.1).
    """
    if pack.complaint is None:
        raise LookupError(f"{pack.code}: no deadline for deciding complaints")
    plain = run_clock(pack, cal, pack.complaint, lodged_at, (), now, True)
    if not extended:
        return plain
    more = pack.complaint_extension
    if more is None or more.unit != pack.complaint.unit:
        raise ExtensionNotAllowed(
            f"{pack.complaint.article} provides no extension.",
            "no_complaint_extension",
            article=pack.complaint.article,
        )
    article = pack.complaint.article
    if more.article != article:
        article = f"{article}; {more.article}"
    total = Period(pack.complaint.amount + more.amount, pack.complaint.unit, article)
    longer = run_clock(pack, cal, total, lodged_at, (), now, True)
    return Deadlines(
        **{
            **longer.__dict__,
            "original_due_at": plain.due_at,
            "extended": True,
            "extension_working_days": more.in_working_days or 0,
        }
    )


def complaint_window(
    pack: RulePack,
    cal: WorkingCalendar,
    from_at: datetime,
    now: datetime | None = None,
) -> Deadlines:
    """Return the last day a requester can complain or appeal, from a decision or due date."""
    if pack.complaint_window is None:
        raise LookupError(f"{pack.code}: no time limit for lodging a complaint is recorded")
    return run_clock(pack, cal, pack.complaint_window, from_at, (), now, True)
