"""Load the demo directory, accounts and ~200 requests in every state, once."""

import random
from datetime import datetime, timedelta

from sqlalchemy import func, select

from foi.demo.agencies import load_default_agencies
from foi.demo.content import demo_requests
from foi.extensions import db
from foi.models import (
    Agency,
    InfoRequest,
    OutboxMessage,
    RequestTransfer,
    Response,
    SecondFactor,
    User,
)
from foi.models.agency import PUBLISH_ON_ANSWER
from foi.models.base import utcnow
from foi.models.outbox import SENT
from foi.models.request import INTERNAL, PUBLIC, REQUESTER
from foi.requests.states import EventKind, request_transition
from foi.search import get_backend
from foi.services.accounts import hash_password
from foi.services.db import transaction
from foi.services.deadlines import law_pack, refresh_due
from foi.services.filing import next_reference
from foi.services.history import record
from foi.services.public_content import public_content_changed
from foi.services.recovery_codes import recovery_codes_set
from foi.services.search_index import search_document
from foi.services.second_factor import second_factor_required

# S105 is a false positive here: the demo's public sign-in, printed by seed-demo; demo data only.
DEMO_PASSWORD = "demo-password"  # noqa: S105
# Demo staff sign in with a second factor like real staff: this public key and these one-time
# codes, printed by seed-demo (a demo's accounts are public anyway).
# S105 is a false positive here: the demo's public sign-in, printed by seed-demo; demo data only.
DEMO_TOTP_SECRET = "FOIDEMOSECONDFACTORFORSTAFFONLY2"  # noqa: S105
DEMO_RECOVERY_CODES = tuple(f"demo{n}-{n}{n}{n}{n}{n}" for n in range(10))
DEMO_DOMAIN = "demo.foi.az"
# Agencies that publish answers at once instead of waiting for a coordinator.
PUBLISH_ON_ANSWER_SLUGS = {"stat", "dsk", "statistics"}


def _agencies() -> dict[str, Agency]:
    agencies = {}
    for row in load_default_agencies():
        agency = Agency(
            slug=row.slug,
            name_az=row.name_az,
            name_en=row.name_en,
            name_ru=row.name_ru,
            kind=row.kind,
            description_az=row.description_az,
            description_en=row.description_en,
            description_ru=row.description_ru,
            topics=";".join(row.topics),
            keywords=";".join(row.keywords),
            website=row.website,
            email=row.email,
        )
        if row.slug in PUBLISH_ON_ANSWER_SLUGS:
            agency.publish_mode = PUBLISH_ON_ANSWER
        db.session.add(agency)
        agencies[row.slug] = agency
    db.session.flush()
    return agencies


def _accounts(agencies: dict[str, Agency], citizen_names: list[str], now: datetime):
    password = hash_password(DEMO_PASSWORD)  # argon2 is slow on purpose: hash once

    made = []

    def user(email, name, role, agency=None, locale="az"):
        account = User(
            email=email,
            display_name=name,
            role=role,
            agency=agency,
            password_hash=password,
            email_confirmed_at=now,
            locale=locale,
        )
        db.session.add(account)
        made.append(account)
        return account

    user(f"admin@{DEMO_DOMAIN}", "Administrator", "admin", locale="en")
    user(f"ombudsman@{DEMO_DOMAIN}", "Ombudsman Aparatı", "ombudsman")
    staff = {}
    for slug, agency in agencies.items():
        staff[slug] = [
            user(
                f"coordinator.{slug}@{DEMO_DOMAIN}", f"Koordinator ({slug})", "coordinator", agency
            ),
            user(f"officer1.{slug}@{DEMO_DOMAIN}", f"Məmur 1 ({slug})", "officer", agency),
            user(f"officer2.{slug}@{DEMO_DOMAIN}", f"Məmur 2 ({slug})", "officer", agency),
        ]
    citizens = {}
    for number, name in enumerate(citizen_names, 1):
        citizens[name] = user(
            f"citizen{number}@{DEMO_DOMAIN}", name, "citizen", locale="az" if number % 5 else "en"
        )
    db.session.flush()
    _second_factors(made, now)
    return staff, citizens


def _second_factors(accounts: list[User], now: datetime) -> None:
    """Give the demo accounts whose role requires it the demo TOTP key and recovery codes."""
    # argon2 is slow on purpose: each code is hashed once and the hash shared by the accounts.
    hashes = [hash_password(code.replace("-", "")) for code in DEMO_RECOVERY_CODES]
    for account in accounts:
        if second_factor_required(account):
            db.session.add(
                SecondFactor(user_id=account.id, secret=DEMO_TOTP_SECRET, confirmed_at=now)
            )
            recovery_codes_set(account, hashes, now)


def _working_time(moment: datetime, rng: random.Random) -> datetime:
    """Move a demo timestamp into office hours on a weekday, as real filings mostly are."""
    while moment.weekday() >= 5:
        moment -= timedelta(days=1)
    return moment.replace(
        hour=rng.randint(8, 17), minute=rng.randint(0, 59), second=0, microsecond=0
    )


def _build(demo, requester, agencies, staff, rng, now) -> InfoRequest:
    agency = agencies[demo.agency_slug]
    filed = _working_time(now - timedelta(days=demo.days_ago_filed), rng)
    req = InfoRequest(
        reference=next_reference(agency.law_code.upper(), filed.year),
        requester=requester,
        agency=agency,
        subject=demo.subject,
        body=demo.body,
        lang=demo.lang,
        urgency="life" if demo.urgent else None,
        publish_name=rng.random() < 0.4,
        received_at=filed,
        created_at=filed,
    )
    request_transition(req, EventKind.FILED)
    db.session.add(req)
    record(req, EventKind.FILED, actor=requester, visibility=PUBLIC, at=filed)
    record(req, EventKind.ROUTED, actor=requester, visibility=PUBLIC, at=filed, agency_id=agency.id)
    step = min(now, filed + timedelta(hours=3))
    if demo.state == "transferred" and demo.transfer_to in agencies:
        target = agencies[demo.transfer_to]
        request_transition(req, EventKind.TRANSFERRED)
        db.session.add(
            RequestTransfer(request=req, from_agency_id=agency.id, to_agency_id=target.id, at=step)
        )
        record(
            req,
            EventKind.TRANSFERRED,
            actor=staff[agency.slug][1],
            visibility=PUBLIC,
            at=step,
            text=demo.officer_note,
            from_agency=agency.name_az,
            to_agency=target.name_az,
            to_agency_id=target.id,
        )
        req.agency = agency = target
    coordinator, officer = staff[agency.slug][0], staff[agency.slug][rng.randint(1, 2)]
    if demo.state != "withdrawn" and rng.random() < 0.7:
        req.assignee = officer
        record(
            req,
            EventKind.ASSIGNED,
            actor=coordinator,
            visibility=INTERNAL,
            at=step,
            assignee=officer.display_name,
        )
    if demo.state == "clarification":
        request_transition(req, EventKind.CLARIFICATION_REQUESTED)
        record(
            req,
            EventKind.CLARIFICATION_REQUESTED,
            actor=officer,
            visibility=REQUESTER,
            at=min(now, step + timedelta(days=1)),
            text=demo.officer_note,
        )
    if demo.state == "extended" and not demo.urgent:  # the law extends ordinary periods only
        request_transition(req, EventKind.EXTENDED)
        record(
            req,
            EventKind.EXTENDED,
            actor=officer,
            visibility=PUBLIC,
            at=min(now, step + timedelta(days=2)),
            days=5,
            text=demo.officer_note,
        )
    if demo.state == "withdrawn":
        request_transition(req, EventKind.WITHDRAWN)
        record(
            req,
            EventKind.WITHDRAWN,
            actor=requester,
            visibility=PUBLIC,
            at=step,
            text=demo.officer_note,
        )
    db.session.flush()
    refresh_due(req)
    if demo.outcome:
        answered = _working_time(now - timedelta(days=demo.days_ago_answered or 0), rng)
        answered = min(now, max(answered, step))
        response = Response(
            request=req,
            outcome=demo.outcome,
            body=demo.answer,
            officer=officer,
            answered_at=answered,
        )
        grounds = []
        if demo.outcome in ("refused", "partial"):
            grounds = [rng.choice(law_pack(agency.law_code).refusal_grounds).code]
        response.grounds = grounds
        db.session.add(response)
        request_transition(req, EventKind.ANSWERED)
        req.outcome, req.answered_at = demo.outcome, answered
        record(
            req,
            EventKind.ANSWERED,
            actor=officer,
            visibility=PUBLIC,
            at=answered,
            outcome=demo.outcome,
            grounds=grounds,
        )
        if demo.state != "answered_pending_approval":
            request_transition(req, EventKind.PUBLISHED)
            req.published_at = min(now, answered + timedelta(hours=rng.randint(2, 30)))
            response.approved_by_id, response.approved_at = coordinator.id, req.published_at
            record(
                req, EventKind.PUBLISHED, actor=coordinator, visibility=PUBLIC, at=req.published_at
            )
    elif demo.state == "withdrawn":
        req.due_at = None
    return req


def seed(count: int = 200, echo=print, now: datetime | None = None) -> bool:
    """Load demo data unless agencies exist already; return whether anything was loaded."""
    if db.session.scalar(select(func.count(Agency.id))):
        return False
    with transaction():
        now = now or utcnow()
        # S311 is a false positive here: seeded for reproducible demo data, not for secrets.
        rng = random.Random(2026)  # noqa: S311
        demos = demo_requests(seed=1, count=count)
        agencies = _agencies()
        echo(f"Loaded {len(agencies)} agencies.")
        staff, citizens = _accounts(agencies, sorted({d.requester_name for d in demos}), now)
        echo(f"Created {sum(len(s) for s in staff.values())} staff and {len(citizens)} citizens.")
        built = []
        demo_citizen = citizens[sorted(citizens)[0]]  # citizen1@: gets every tenth request
        for number, demo in enumerate(sorted(demos, key=lambda d: -d.days_ago_filed), 1):
            requester = demo_citizen if number % 10 == 0 else citizens[demo.requester_name]
            built.append(_build(demo, requester, agencies, staff, rng, now))
            if number % 50 == 0:
                echo(f"  {number}/{len(demos)} requests")
        db.session.flush()
        for req in built:
            # The receipt e-mail each filed request got (foi.services.filing), as already sent, so
            # that the statistics' "acknowledged on time" counts the demo's history too.
            db.session.add(
                OutboxMessage(
                    key=f"req:{req.id}:acknowledgement",
                    to_addr=req.requester.email,
                    subject=f"{req.reference}: {req.subject}"[:300],
                    body_text=f"{req.reference}",
                    status=SENT,
                    created_at=req.received_at,
                    next_attempt_at=req.received_at,
                    sent_at=req.received_at + timedelta(minutes=rng.randint(1, 20)),
                )
            )
        conn = db.session.connection()
        backend = get_backend(conn)
        for req in built:
            if req.is_published:
                backend.index(conn, search_document(req))
        public_content_changed(now=now)
    echo(f"Created {len(built)} requests; {sum(r.is_published for r in built)} published.")
    return True


def demo_accounts_text() -> str:
    """Describe the demo accounts for the console."""
    first = db.session.scalar(select(Agency).order_by(Agency.id))
    slug = first.slug if first else "<agency>"
    return "\n".join(
        [
            "",
            f"Demo accounts (password for all: {DEMO_PASSWORD})",
            f"  citizen        citizen1@{DEMO_DOMAIN}",
            f"  officer        officer1.{slug}@{DEMO_DOMAIN}   (any agency slug works)",
            f"  coordinator    coordinator.{slug}@{DEMO_DOMAIN}",
            f"  administrator  admin@{DEMO_DOMAIN}",
            f"  ombudsman      ombudsman@{DEMO_DOMAIN}",
            "Staff sign in with a second factor: add this key to an authenticator app",
            f"  {DEMO_TOTP_SECRET}",
            "  (or print a code: .venv/bin/python -c 'import pyotp; "
            f'print(pyotp.TOTP("{DEMO_TOTP_SECRET}").now())\')',
            f"  or use a one-time recovery code: {', '.join(DEMO_RECOVERY_CODES)}",
            "",
        ]
    )
