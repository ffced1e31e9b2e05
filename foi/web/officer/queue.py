"""The officer's queue: the agency's requests with their filters, bulk actions, approvals."""

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from foi.i18n import current_locale
from foi.models.base import utcnow
from foi.models.reply import CLARIFY, EXTEND, MESSAGE
from foi.models.user import COORDINATOR
from foi.services.bulk import (
    BULK_ACTIONS,
    bulk_actions_for,
    bulk_selection,
    requests_bulk_act,
)
from foi.services.departments import departments_of
from foi.services.errors import DomainError
from foi.services.permissions import Action, allowed_actions
from foi.services.replies import replies_of_kind
from foi.services.selectors import awaiting_approval, colleagues, officer_queue, queue_counts
from foi.web.forms import role_required, show_error
from foi.web.numbers import MAX_PAGE, query_int
from foi.web.officer import bp, staff_only
from foi.web.officer.forms import BulkForm, ClaimForm
from foi.web.presenters import due_info

#: The queue's filters, as the page's query string and the bulk form's hidden fields name them.
QUEUE_FILTERS = ("status", "assignee", "urgent", "q", "due", "department")


def _queue_filters(values) -> dict:
    """Return the queue's filters from a query string or a form, as the selector takes them."""
    args = {k: (values.get(k) or "")[:200] for k in QUEUE_FILTERS}
    return {**args, "urgent": args["urgent"] == "1"}


@bp.get("/")
@staff_only
def queue():
    """Show the agency's queue, most urgent deadline first, with its filters."""
    return _render_queue(request.args, query_int("page", 1, low=1, high=MAX_PAGE))


def _bulk_form(form: BulkForm | None = None) -> BulkForm:
    """Return the bulk form with the choices of the user's agency filled in."""
    form = form or BulkForm(prefix="bulk")
    locale = current_locale()
    # No action is chosen for the officer: a forgotten choice must not claim twenty requests.
    form.action.choices = [("", _("Choose an action"))] + [
        (name, str(BULK_ACTIONS[name].label)) for name in bulk_actions_for(current_user)
    ]
    form.assignee_id.choices = [(0, _("Nobody"))] + [
        (u.id, u.display_name) for u in colleagues(current_user)
    ]
    form.department_id.choices = [(0, _("Choose a department"))] + [
        (d.id, d.name(locale)) for d in departments_of(current_user.agency_id)
    ]
    form.extend_reply.choices = [(0, _("None: I write the reason below"))] + [
        (t.id, t.name) for t in replies_of_kind(current_user.agency_id, EXTEND)
    ]
    form.message_reply.choices = [(0, _("Choose a standard message"))] + [
        (t.id, t.name) for t in replies_of_kind(current_user.agency_id, MESSAGE)
    ]
    form.clarify_reply.choices = [(0, _("Choose a standard question"))] + [
        (t.id, t.name) for t in replies_of_kind(current_user.agency_id, CLARIFY)
    ]
    return form


def _render_queue(values, page_no: int, bulk: BulkForm | None = None, status: int = 200):
    """Render the queue page for the filters in ``values`` (the query string or the form)."""
    now = utcnow()
    filters = _queue_filters(values)
    page = officer_queue(current_user, now=now, page=page_no, **filters)
    form = _bulk_form(bulk)
    form.scope.choices = [
        ("ticked", _("The requests I ticked")),
        ("page", _("Every request on this page")),
        (
            "matching",
            ngettext(
                "The %(num)d request matching this filter",
                "All %(num)d requests matching this filter",
                page.total or 0,
            ),
        ),
    ]
    return render_template(
        "officer/queue.html",
        page=page,
        args={k: (values.get(k) or "")[:200] for k in QUEUE_FILTERS},
        due={r.id: due_info(r, now) for r in page.items},
        counts=queue_counts(current_user, now),
        colleagues=colleagues(current_user),
        departments=departments_of(current_user.agency_id),
        claimable={r.id for r in page.items if Action.CLAIM in allowed_actions(current_user, r)},
        claim_form=ClaimForm(prefix="claim"),
        bulk=form,
        ticked=set(request.form.getlist("ref")) if request.method == "POST" else set(),
    ), status


@bp.get("/bulk")
@staff_only
def bulk_page():
    """Send a reload of a bulk result (say, in another language) back to the queue."""
    return redirect(url_for("officer.queue"))


@bp.post("/bulk")
@staff_only
def bulk():
    """Take one action on the ticked requests, this page's, or all the filter matches."""
    form = _bulk_form(BulkForm(prefix="bulk"))
    page_no = request.form.get("page", 1, type=int) or 1
    page_no = min(max(page_no, 1), MAX_PAGE)
    valid = form.validate_on_submit()
    valid = form.check_action_fields() and valid
    scope = form.scope.data
    references = request.form.getlist("ref")
    if scope == "page":
        references = request.form.getlist("on_page")
    if valid and scope != "matching" and not references:
        form.scope.errors = [_("Tick at least one request, or choose every request on this page.")]
        valid = False
    if not valid:
        return _render_queue(request.form, page_no, form, 422)
    limit = current_app.config["BULK_MAX"]
    now = utcnow()
    selection = bulk_selection(
        current_user,
        references=references[: limit + 1],
        filters=_queue_filters(request.form) if scope == "matching" else None,
        now=now,
        limit=limit,
    )
    params = {
        "assignee_id": form.assignee_id.data,
        "department_id": form.department_id.data,
        "text": form.text.data,
        "days": form.days.data,
        "reason": form.reason.data,
        "reply_id": {
            "message": form.message_reply.data,
            "clarify": form.clarify_reply.data,
        }.get(form.action.data, form.extend_reply.data),
    }
    try:
        result = requests_bulk_act(
            actor=current_user, action=form.action.data, selection=selection, params=params
        )
    except DomainError as exc:
        show_error(form, exc)
        return _render_queue(request.form, page_no, form, 422)
    return render_template(
        "officer/bulk_result.html",
        result=result,
        label=BULK_ACTIONS[result.action].label,
        limit=limit,
        args={k: (request.form.get(k) or "")[:200] for k in QUEUE_FILTERS},
    )


@bp.get("/approvals")
@role_required(COORDINATOR)
def approvals():
    """List the answers waiting for the coordinator's approval."""
    return render_template("officer/approvals.html", requests=awaiting_approval(current_user))
