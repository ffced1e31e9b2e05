"""Administrators read what staff and administrators did, filter it, and download it as CSV."""

import csv
import io
from datetime import datetime, time, timedelta

from flask import Response, render_template, request, stream_with_context
from flask_babel import get_timezone
from flask_babel import lazy_gettext as _l

from foi.labels import EVENT_TITLES
from foi.services.archive import csv_safe
from foi.services.audit import AuditFilters, audit_actions, audit_lines, audit_page
from foi.web.admin import bp
from foi.web.admin.users import EVENT_LABELS, ROLE_LABELS
from foi.web.admin.views import admin_only

CSV_COLUMNS = ("at", "actor", "email", "role", "address", "action", "object", "detail")
SITE_ACTIONS = {
    "day_off_added": _l("Day off added to the calendar"),
    "working_day_added": _l("Working day added to the calendar"),
    "day_off_removed": _l("Day off removed from the calendar"),
    "working_day_removed": _l("Working day removed from the calendar"),
    "agency_created": _l("Agency added"),
    "agency_updated": _l("Agency changed"),
    "agencies_imported": _l("Agencies imported from CSV"),
    "department_created": _l("Department added"),
    "department_updated": _l("Department renamed"),
    "department_deleted": _l("Department removed"),
    "outbox_retried": _l("E-mail sent again"),
    "outbox_retried_failed": _l("Every failed e-mail sent again"),
    "flag_dismissed": _l("Moderation flag dismissed"),
}
LABELS = {"request": EVENT_TITLES, "account": EVENT_LABELS, "site": SITE_ACTIONS}


def action_label(source: str, action: str) -> str:
    """Name an action in the reader's language (the code itself when it has no name)."""
    return str(LABELS.get(source, {}).get(action, action))


def _day(name: str, *, end: bool = False) -> datetime | None:
    """Read a YYYY-MM-DD field as the start (or the end) of that day in the site's time zone."""
    try:
        day = datetime.strptime(request.args.get(name, ""), "%Y-%m-%d").date()
    except ValueError:
        return None
    moment = datetime.combine(day, time(), tzinfo=get_timezone())
    return moment + timedelta(days=1) if end else moment


def _filters() -> AuditFilters:
    return AuditFilters(
        actor=request.args.get("actor", "")[:200],
        action=request.args.get("action", "")[:40],
        object=request.args.get("object", "")[:200],
        since=_day("from"),
        until=_day("to", end=True),
    )


@bp.get("/audit")
@admin_only
def audit():
    """One page of the audit log, newest first, filtered as asked."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    lines, total = audit_page(_filters(), page)
    return render_template(
        "admin/audit.html",
        lines=lines,
        total=total,
        page=page,
        pages=max((total + 49) // 50, 1),
        actions=sorted(
            {action: action_label(source, action) for source, action in audit_actions()}.items(),
            key=lambda item: item[1],
        ),
        action_label=action_label,
        roles=ROLE_LABELS,
        args={k: v for k, v in request.args.items() if k != "page"},
    )


@bp.get("/audit.csv")
@admin_only
def audit_csv():
    """Download the whole filtered log as CSV, written as it is read."""
    filters = _filters()

    def rows():
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for line in audit_lines(filters):
            values = (
                line.at.isoformat(),
                line.actor_name,
                line.actor_email,
                line.actor_role,
                line.address,
                f"{line.source}.{line.action}",
                line.object_label,
                line.detail,
            )
            writer.writerow([csv_safe(v) for v in values])  # names are typed by people
            yield out.getvalue()
            out.seek(0)
            out.truncate()

    return Response(
        stream_with_context(rows()),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="foi-audit-log.csv"'},
    )
