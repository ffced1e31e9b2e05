"""Follow buttons on public requests, agencies and searches, and the list of one's follows."""

from urllib.parse import parse_qsl

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from foi.models.follow import AGENCY, KINDS, REQUEST, SEARCH
from foi.services import follows
from foi.services.errors import DomainError, NotFound
from foi.services.selectors import agency_by_id, agency_by_slug, request_by_reference
from foi.web.archive import bp
from foi.web.site.views import safe_next


@bp.app_context_processor
def _following():
    """Let pages ask whether the signed-in person follows something (never for visitors)."""

    def following(kind: str, target) -> object:
        if not current_user.is_authenticated:
            return None
        if kind == SEARCH:
            target = follows.search_target(target)
        return follows.follow_of(current_user, kind, str(target))

    def search_fields(args) -> dict[str, str]:
        return dict(parse_qsl(follows.search_target(args)))

    return {"following": following, "search_fields": search_fields}


@bp.post("/follow")
@login_required
def follow():
    """Follow what the form names; back to the page it came from."""
    kind = request.form.get("kind", "")
    if kind not in KINDS:
        abort(404)
    back = safe_next(request.form.get("next"), url_for("archive.my_follows"))
    try:
        follows.follow_add(
            user=current_user,
            kind=kind,
            req=request_by_reference(request.form.get("reference", "")[:40])
            if kind == REQUEST
            else None,
            agency=agency_by_slug(request.form.get("agency", "")[:100]) if kind == AGENCY else None,
            search=follows.search_target(request.form) if kind == SEARCH else "",
        )
    except NotFound:
        abort(404)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        flash(_("You will get an e-mail when new answers appear."), "success")
    return redirect(back)


@bp.post("/follow/<int:follow_id>/stop")
@login_required
def follow_stop(follow_id: int):
    """Stop following; back to the page it came from."""
    try:
        follows.follow_remove(user=current_user, follow_id=follow_id)
    except NotFound:
        abort(404)
    flash(_("You no longer follow it."), "success")
    return redirect(safe_next(request.form.get("next"), url_for("archive.my_follows")))


@bp.get("/my/follows")
@login_required
def my_follows():
    """List what the signed-in person follows, each with a way to stop."""
    rows = []
    for f in follows.follows_of(current_user):
        if f.kind == REQUEST:
            rows.append((f, follows.followed_request(f)))
        elif f.kind == AGENCY:
            rows.append((f, agency_by_id(int(f.target)) if f.target.isdigit() else None))
        else:
            rows.append((f, follows.search_fields(f)))
    return render_template("archive/my_follows.html", rows=rows)
