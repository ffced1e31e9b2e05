"""Links in e-mails lead to the configured public site, whoever sends them and from where."""

import re
from datetime import timedelta

import pytest
from flask import has_request_context

from foi.jobs.sweeps import sweep_digests, sweep_mail, sweep_reminders

SITE = "https://foi.example.az/portal"


@pytest.fixture
def public_site(app, monkeypatch):
    """Serve the site under a path of another host than the test client's (foi.test)."""
    monkeypatch.setitem(app.config, "SITE_URL", SITE)
    return SITE


def _links(mail_server, address: str) -> set[str]:
    """Return the links to this site in the mail to ``address`` (not the ombudsman's site)."""
    found = {
        u for m in mail_server.to(address) for u in re.findall(r"https?://\S+", m.get_content())
    }
    return {u for u in found if "ombudsman" not in u}


def test_the_schedulers_notices_link_to_each_persons_page_on_the_public_site(
    app, office, assigned_request, mail_server, public_site
):
    req = assigned_request()  # filing e-mails the coordinator too, also outside any request
    after = req.due_at + timedelta(minutes=5)
    assert not has_request_context()  # as in the scheduler's process: no web request at all

    assert sweep_reminders(app, after).messages == 3
    morning = after.replace(hour=5, minute=0) + timedelta(days=1)  # 09:00 in Baku: digest time
    assert sweep_digests(app, morning) == 1
    sweep_mail(app, morning)

    staff_page = f"{SITE}/officer/requests/{req.reference}"
    assert _links(mail_server, office.coordinator.email) == {staff_page}
    assert _links(mail_server, office.officer.email) == {staff_page, f"{SITE}/officer/"}
    mine = f"{SITE}/my/requests/{req.reference}"
    assert _links(mail_server, office.citizen.email) == {mine, f"{mine}#complaint"}


def test_a_reset_asked_for_through_another_host_name_still_links_to_the_public_site(
    app, client, mail_server, public_site
):
    from tests.factories import make_user

    user = make_user(email="forgot@example.org")
    response = client.post(
        "/reset", data={"email": user.email}, headers={"Host": "attacker.example"}
    )
    assert response.status_code == 302
    sweep_mail(app)

    (link,) = _links(mail_server, user.email)
    assert link.startswith(f"{SITE}/reset/")
