"""The whole journey through the real app: file → route → answer → approve → find in the archive."""

import re

from foi.extensions import db
from foi.mail.delivery import deliver_pending
from foi.models import InfoRequest
from foi.models.base import utcnow
from tests.factories import PASSWORD, make_agency, make_user


def test_citizen_files_officer_answers_coordinator_publishes_public_finds_it(
    app, client, login, mail_server
):
    tax = make_agency(
        slug="vergi",
        name_az="Dövlət Vergi Xidməti",
        name_en="State Tax Service",
        keywords="vergi;tax;налог",
        topics="tax",
    )
    make_agency(
        slug="tehsil",
        name_az="Elm və Təhsil Nazirliyi",
        name_en="Ministry of Science and Education",
        keywords="məktəb;school;təhsil",
        topics="education",
    )
    officer = make_user("officer", tax)
    coordinator = make_user("coordinator", tax)

    # A citizen registers through the form and lands on the filing page.
    response = client.post(
        "/register",
        data={
            "display_name": "Aysel Məmmədova",
            "email": "aysel@example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert response.status_code == 302
    # ... and confirms the address with the link mailed to it (until then a request is held).
    deliver_pending(utcnow())
    [welcome] = mail_server.to("aysel@example.org")
    link = re.search(r"https?://\S+/confirm/\S+", welcome.get_content()).group(0)
    assert client.get(link.split("foi.test", 1)[1]).status_code == 302

    # Leaving the agency to the system: it suggests the tax service from the text.
    form = {
        "subject": "Vergi güzəştləri 2025",
        "body": "2025-ci ildə kiçik sahibkarlara verilən vergi güzəştlərinin siyahısını "
        "xahiş edirəm.",
        "agency_id": "0",
        "urgency": "",
    }
    page = client.post("/requests/new", data=form).get_data(as_text=True)
    assert "Dövlət Vergi Xidməti" in page or "State Tax Service" in page
    assert re.search(rf'<option selected value="{tax.id}">', page)

    response = client.post(
        "/requests/new", data={**form, "agency_id": str(tax.id), "suggested": "1"}
    )
    assert response.status_code == 302
    req = db.session.query(InfoRequest).one()
    assert re.fullmatch(r"AZ-\d{4}-000001", req.reference)
    assert req.due_at is not None and req.due_at > req.received_at

    # The acknowledgement goes out through a real SMTP server, with the reference and due date.
    deliver_pending(utcnow())
    ack = mail_server.to("aysel@example.org")
    assert any(req.reference in m["Subject"] for m in ack)

    # The citizen sees it in "My requests".
    assert req.reference in client.get("/my/requests").get_data(as_text=True)

    # The officer finds it in the queue and answers it.
    login(officer)
    assert req.reference in client.get("/officer/").get_data(as_text=True)
    response = client.post(
        f"/officer/requests/{req.reference}/answer",
        data={
            "answer-outcome": "given",
            "answer-text": "Güzəştlər Vergi Məcəlləsinin 102-ci maddəsində sadalanır; "
            "mikrosahibkarlara 75 faiz endirim tətbiq olunur.",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.get(InfoRequest, req.id).status == "answered"

    # Not public until the coordinator approves.
    client.post("/logout")
    assert client.get(f"/r/{req.reference}").status_code == 404
    assert f"/r/{req.reference}" not in client.get("/archive?q=mikrosahibkarlara").get_data(
        as_text=True
    )

    login(coordinator)
    assert req.reference in client.get("/officer/approvals").get_data(as_text=True)
    response = client.post(
        f"/officer/requests/{req.reference}/approve",
        data={
            "approve-public_text": "Güzəştlər Vergi Məcəlləsinin 102-ci maddəsində sadalanır; "
            "mikrosahibkarlara 75 faiz endirim tətbiq olunur."
        },
    )
    assert response.status_code == 302

    # Anyone finds it by a word of its answer, without diacritics, and opens its public page.
    client.post("/logout")
    results = client.get("/archive?q=mikrosahibkarlara").get_data(as_text=True)
    assert f"/r/{req.reference}" in results
    assert f"/r/{req.reference}" in client.get("/archive?q=guzestler").get_data(as_text=True)
    public = client.get(f"/r/{req.reference}").get_data(as_text=True)
    assert "75 faiz endirim" in public
    assert "aysel@example.org" not in public
    assert "Aysel" not in public  # she did not agree to show her name
    api = client.get(f"/api/v1/requests/{req.reference}").get_json()
    assert api["outcome"] == "given" and api["requester"] is None
