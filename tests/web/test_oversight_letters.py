"""Through the pages: the Ombudsman writes to the agency from the dossier, the officer replies."""

import pytest

from tests.factories import file_request, make_agency, make_user

LETTER = "Sorğunun niyə gecikdiyini izah edin."
REPLY = "Sənədlər arxivdən gətirilir."


@pytest.fixture
def world(app):
    agency = make_agency(name_en="Ministry of Health")
    citizen = make_user("citizen", locale="en")
    return dict(
        agency=agency,
        citizen=citizen,
        coordinator=make_user("coordinator", agency, locale="en"),
        ombudsman=make_user("ombudsman", locale="en"),
        req=file_request(citizen, agency, subject="Hospital budgets"),
    )


def test_a_letter_and_its_reply_go_between_the_dossier_and_the_agencys_page(world, login):
    ref = world["req"].reference
    ombudsman = login(world["ombudsman"])
    empty = ombudsman.post(f"/oversight/requests/{ref}/letter", data={"letter-text": ""})
    assert empty.status_code == 422 and "Write the letter." in empty.get_data(as_text=True)
    sent = ombudsman.post(
        f"/oversight/requests/{ref}/letter", data={"letter-text": LETTER}, follow_redirects=True
    )
    assert "Letter sent to Ministry of Health." in sent.get_data(as_text=True)
    assert LETTER in sent.get_data(as_text=True)  # in the dossier's history

    officer_page = login(world["coordinator"]).get(f"/officer/requests/{ref}")
    html = officer_page.get_data(as_text=True)
    assert "Letters with the oversight body" in html and LETTER in html
    replied = login(world["coordinator"]).post(
        f"/officer/requests/{ref}/oversight_reply",
        data={"oversight_reply-text": REPLY},
        follow_redirects=True,
    )
    assert "Reply sent to the oversight body." in replied.get_data(as_text=True)

    dossier = login(world["ombudsman"]).get(f"/oversight/requests/{ref}").get_data(as_text=True)
    assert REPLY in dossier and "The agency replied to the oversight body" in dossier
    mine = login(world["citizen"]).get(f"/my/requests/{ref}").get_data(as_text=True)
    assert LETTER not in mine and REPLY not in mine


def test_the_reply_form_appears_only_once_the_oversight_body_has_written(world, login):
    html = (
        login(world["coordinator"])
        .get(f"/officer/requests/{world['req'].reference}")
        .get_data(as_text=True)
    )
    assert "Letters with the oversight body" not in html
