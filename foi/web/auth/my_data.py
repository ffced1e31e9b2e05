"""A copy of one's data, asked for on the account page and prepared on the task queue."""

from flask import current_app, redirect, url_for
from flask_login import current_user, login_required

from foi.jobs import enqueue
from foi.web.auth import bp


def prepare_personal_data(user_id: int):
    """Queue the ZIP of account ``user_id`` for the signed-in person; show them its job."""
    job = enqueue(
        current_app._get_current_object(),
        kind="personal_data",
        args={"user_id": user_id},
        user=current_user,
    )
    return redirect(url_for("jobs.job_page", job_id=job.id))


@bp.post("/account/my-data")
@login_required
def account_my_data():
    """Prepare a ZIP of everything foi holds about the signed-in person."""
    return prepare_personal_data(current_user.id)
