"""Bulk actions in a real browser: rows ticked by keyboard, one extension refused by the law.

An officer ticks two requests of the queue with Tab and Space, extends both at once, and
reads on the result page that one was extended and why the other was not (its extension
already used under AZ art. 25). The queue is checked by axe-core in az, en and ru.
"""

from sqlalchemy import select

from foi.extensions import db
from foi.models import Event
from foi.requests.states import EventKind
from foi.services import answering
from tests.e2e.test_journeys import log_in
from tests.e2e.test_keyboard import tab_to
from tests.factories import file_request, make_agency, make_user


def test_an_officer_ticks_two_rows_by_keyboard_and_extends_them_in_one_go(open_page, audit):
    agency = make_agency(slug="vergi", name_az="Vergi Xidməti", name_en="Tax Service")
    officer = make_user("officer", agency, display_name="Rauf Əliyev")
    citizen = make_user("citizen")
    used = file_request(citizen, agency, subject="Vergi güzəştləri")
    fresh = file_request(citizen, agency, subject="Vergi borcları")
    answering.request_extend(actor=officer, req=used, days=7, reason="Çox sənəd var.")

    desk = open_page(name="officer")
    log_in(desk, officer)
    desk.goto("/officer/")
    audit(desk, "queue-with-bulk-form")
    desk.get_by_label("Select all on this page").wait_for()  # shown by bulk.js
    desk.locator("#q").focus()
    for _row in range(2):  # Tab to the next row's box (past its links and buttons), tick it
        tab_to(desk, lambda el: el["name"] == "ref")
        desk.keyboard.press("Space")
    assert desk.get_by_label(f"Select {used.reference}").is_checked()
    assert desk.get_by_label(f"Select {fresh.reference}").is_checked()
    assert desk.get_by_label("Select all on this page").is_checked()

    desk.get_by_label("Action").select_option("extend")
    assert desk.get_by_label("Internal note").is_hidden()  # only the extension's fields
    desk.get_by_label("Extend by (working days)").fill("2")
    desk.get_by_label("Or write the reason given to the requesters").fill("Arxiv sənədləri.")
    desk.get_by_role("button", name="Apply to the selected requests").focus()
    desk.keyboard.press("Enter")

    desk.get_by_role("heading", name="Bulk action: Extend the deadline").wait_for()
    refused = desk.get_by_role("region", name="Refused")
    assert "The extension is already used: Art. 25 allows at most 7 working days" in (
        refused.inner_text()
    )
    assert fresh.reference in desk.get_by_role("region", name="Done").inner_text()
    audit(desk, "bulk-result", languages=())  # a POST's page: the language buttons reload by GET
    extended = db.session.scalars(
        select(Event.request_id).where(Event.kind == EventKind.EXTENDED)
    ).all()
    assert sorted(extended) == sorted([used.id, fresh.id])  # one each: none twice
