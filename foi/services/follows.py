"""Follow a public request, an agency or a search, and be told by e-mail when answers appear.

A request's and an agency's followers are e-mailed when the request is published (in the same
transaction, through the outbox); a search's followers get at most one e-mail a day listing
what was published since the last one (``follows_search_sweep``, run by the scheduler). The
requester is never e-mailed as a follower: they have their own e-mails.
"""

from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from flask_babel import lazy_ngettext
from sqlalchemy import select

from foi import links
from foi.extensions import db
from foi.mail.outbox import enqueue
from foi.models import Agency, Follow, InfoRequest, User
from foi.models.base import utcnow
from foi.models.follow import AGENCY, REQUEST, SEARCH
from foi.search import SearchQuery
from foi.services.archive import archive_search
from foi.services.db import transaction
from foi.services.errors import DomainError, NotFound

#: The search fields a followed search keeps (the page and the order are not part of it).
SEARCH_FIELDS = ("q", "agency", "outcome", "year", "topic")
MAX_FOLLOWS = 200
SEARCH_ALERT_SIZE = 20


def search_target(args: dict[str, str]) -> str:
    """Return the query string that names a search (its fields only, in a fixed order)."""
    kept = {k: str(args[k]).strip() for k in SEARCH_FIELDS if str(args.get(k, "")).strip()}
    return urlencode(sorted(kept.items()))[:600]


def _search_query(target: str) -> SearchQuery:
    args = dict(parse_qsl(target))

    def number(name: str) -> int | None:
        value = args.get(name, "")
        return int(value) if value.isdigit() and len(value) < 10 else None

    return SearchQuery(
        q=args.get("q", ""),
        agency_id=number("agency"),
        outcome=args.get("outcome") or None,
        year=number("year"),
        topic=args.get("topic") or None,
        sort="newest",
        per_page=SEARCH_ALERT_SIZE,
    )


def _target(kind: str, *, req: InfoRequest | None, agency: Agency | None, search: str) -> str:
    if kind == REQUEST and req is not None and req.is_public:
        return str(req.id)
    if kind == AGENCY and agency is not None and agency.active:
        return str(agency.id)
    if kind == SEARCH and search:
        return search
    raise NotFound()


def follow_add(
    *,
    user: User,
    kind: str,
    req: InfoRequest | None = None,
    agency: Agency | None = None,
    search: str = "",
    now: datetime | None = None,
) -> Follow:
    """Follow a public request, an active agency or a search (again: the same follow)."""
    target = _target(kind, req=req, agency=agency, search=search)
    existing = db.session.scalar(
        select(Follow).where(
            Follow.user_id == user.id, Follow.kind == kind, Follow.target == target
        )
    )
    if existing is not None:
        return existing
    if len(follows_of(user)) >= MAX_FOLLOWS:
        raise DomainError(
            lazy_ngettext(
                "You follow %(num)d thing already; stop following it first.",
                "You follow %(num)d things already; stop following some first.",
                MAX_FOLLOWS,
            )
        )
    now = now or utcnow()
    with transaction() as session:
        follow = Follow(user=user, kind=kind, target=target, created_at=now, last_sent_at=now)
        session.add(follow)
    return follow


def follow_remove(*, user: User, follow_id: int) -> None:
    """Stop following; someone else's follow is a 404."""
    follow = db.session.get(Follow, follow_id)
    if follow is None or follow.user_id != user.id:
        raise NotFound()
    with transaction() as session:
        session.delete(follow)


def follows_of(user: User) -> list[Follow]:
    """Return what ``user`` follows, newest first."""
    return list(
        db.session.scalars(
            select(Follow).where(Follow.user_id == user.id).order_by(Follow.id.desc())
        )
    )


def follow_of(user: User, kind: str, target: str) -> Follow | None:
    """Return ``user``'s follow of that target, if any (for the Follow/Stop buttons)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(Follow).where(
            Follow.user_id == user.id, Follow.kind == kind, Follow.target == target
        )
    )


def followed_request(follow: Follow) -> InfoRequest | None:
    """Return the request a follow names, while it is public."""
    req = db.session.get(InfoRequest, int(follow.target)) if follow.target.isdigit() else None
    return req if req is not None and req.is_public else None


def search_fields(follow: Follow) -> dict[str, str]:
    """Return the fields of a followed search (for its link and its description)."""
    return dict(parse_qsl(follow.target))


def followers_notify_published(req: InfoRequest) -> int:
    """E-mail the followers of ``req`` and of its agency that it is published.

    Runs in the caller's transaction; returns how many people were told.
    """
    rows = db.session.scalars(
        select(Follow)
        .where(
            ((Follow.kind == REQUEST) & (Follow.target == str(req.id)))
            | ((Follow.kind == AGENCY) & (Follow.target == str(req.agency_id)))
        )
        .order_by(Follow.id)
    ).all()
    told = set()
    for follow in rows:
        person = follow.user
        if person.id in told or person.id == req.requester_id or not person.active:
            continue
        told.add(person.id)
        enqueue(
            f"follow:u{person.id}:req{req.id}:published:{req.published_at:%Y%m%d%H%M%S}",
            person.email,
            "follower_published",
            person.locale,
            user=person,
            req=req,
            agency=req.agency,
            followed_agency=follow.kind == AGENCY,
            link=links.public_request(req.reference),
            follows_link=links.my_follows(),
        )
    return len(told)


def follows_search_sweep(*, now: datetime, every: timedelta = timedelta(days=1)) -> int:
    """E-mail each followed search's new answers, at most once per ``every``; return how many."""
    due = db.session.scalars(
        select(Follow)
        .where(Follow.kind == SEARCH, Follow.last_sent_at <= now - every)
        .order_by(Follow.id)
    ).all()
    sent = 0
    for follow in due:
        since = follow.last_sent_at
        if since is None:  # not reached: the query reads follows sent before only
            continue
        results, found = archive_search(_search_query(follow.target))
        new = [
            found[h.request_id]
            for h in results.hits
            if h.request_id in found and h.published_at > since
        ]
        with transaction():
            follow.last_sent_at = now
            person = follow.user
            if new and person.active:
                sent += enqueue(
                    f"follow:{follow.id}:search:{now:%Y%m%d}",
                    person.email,
                    "follower_search",
                    person.locale,
                    user=person,
                    requests=new,
                    query=search_fields(follow).get("q", ""),
                    links={r.id: links.public_request(r.reference) for r in new},
                    search_link=links.archive_search(**search_fields(follow)),
                    follows_link=links.my_follows(),
                )
    return sent
