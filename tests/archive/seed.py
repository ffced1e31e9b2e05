"""Build a small published archive through the real services, secrets included."""

from dataclasses import dataclass, field

from foi.models import Agency, InfoRequest, User
from foi.services.answering import request_answer, request_note
from foi.services.publishing import response_approve
from tests.factories import file_request, make_agency, make_user

SECRET_NOTE = "Daxili qeyd: nazirin müavini ilə gizli razılaşma XQ-7781"
SECRET_EMAIL = "gizli.vetendas@example.org"
SECRET_ADDRESS = "Bakı, Nizami küçəsi 77, mənzil 13"
SECRET_UNPUBLISHED = "Dərc olunmamış cavab: büdcə kəsiri 4,2 milyard SIRR-4417"
SECRET_REDACTED = "Şəxsi şəxsiyyət vəsiqəsi AZE-99887766"
SECRETS = (
    SECRET_NOTE,
    SECRET_EMAIL,
    SECRET_ADDRESS,
    SECRET_UNPUBLISHED,
    SECRET_REDACTED,
    "XQ-7781",
    "SIRR-4417",
    "AZE-99887766",
    "Nizami küçəsi",
)


@dataclass
class Archive:
    agency: Agency
    other_agency: Agency
    citizen: User
    officer: User
    coordinator: User
    published: list[InfoRequest] = field(default_factory=list)
    unpublished: InfoRequest | None = None


def publish(
    archive: Archive,
    subject: str,
    body: str,
    answer: str,
    *,
    outcome: str = "given",
    public_text: str | None = None,
    agency: Agency | None = None,
    requester: User | None = None,
) -> InfoRequest:
    """File, answer and approve a request; return it, published."""
    agency = agency or archive.agency
    officer, coordinator = archive.officer, archive.coordinator
    if agency is not archive.agency:
        officer = make_user("officer", agency)
        coordinator = make_user("coordinator", agency)
    req = file_request(requester or archive.citizen, agency, subject=subject, body=body)
    grounds = ["private_data"] if outcome == "refused" else []
    request_answer(actor=officer, req=req, outcome=outcome, text=answer, grounds=grounds)
    response_approve(actor=coordinator, req=req, public_text=public_text)
    archive.published.append(req)
    return req


def build_archive() -> Archive:
    """Seed two agencies, three published requests and every kind of secret."""
    agency = make_agency(
        slug="vergi", name_az="Dövlət Vergi Xidməti", name_en="State Tax Service", topics="tax"
    )
    other = make_agency(
        slug="tehsil",
        name_az="Elm və Təhsil Nazirliyi",
        name_en="Ministry of Science and Education",
        topics="education",
    )
    citizen = make_user(
        "citizen", email=SECRET_EMAIL, address=SECRET_ADDRESS, display_name="Aysel Məmmədova"
    )
    archive = Archive(
        agency, other, citizen, make_user("officer", agency), make_user("coordinator", agency)
    )
    first = file_request(
        citizen,
        agency,
        subject="Vergi güzəştləri 2025",
        body="Kiçik sahibkarlara verilən vergi güzəştlərinin siyahısı.",
    )
    request_note(actor=archive.officer, req=first, text=SECRET_NOTE)
    request_answer(
        actor=archive.officer,
        req=first,
        outcome="given",
        text=f"Vergi güzəştlərinin siyahısı əlavə olunur. {SECRET_REDACTED}",
    )
    response_approve(
        actor=archive.coordinator,
        req=first,
        public_text="Vergi güzəştlərinin siyahısı əlavə olunur. [redaktə]",
    )
    archive.published.append(first)
    publish(
        archive,
        "Şəhər büdcəsi",
        "Şəhər büdcəsinin xərcləri barədə informasiya.",
        "Şəhər büdcəsinin xərcləri cədvəldə verilir.",
        outcome="partial",
    )
    publish(
        archive,
        "Məktəb təmiri",
        "Məktəblərin təmirinə ayrılan vəsait barədə informasiya.",
        "Təmir üçün 2 milyon manat ayrılıb.",
        agency=other,
    )
    hidden = file_request(
        citizen,
        agency,
        subject="Vergi borcu",
        body="Vergi borclarının siyahısı barədə informasiya.",
    )
    request_answer(actor=archive.officer, req=hidden, outcome="given", text=SECRET_UNPUBLISHED)
    archive.unpublished = hidden
    return archive
