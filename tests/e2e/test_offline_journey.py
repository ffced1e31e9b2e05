"""A letter received by post, in a real browser: entered, answered and posted back.

An officer enters a request that came by post for a person with no e-mail address, with the
scan of the letter; answers it; prints the answer and records the day it was posted. Every page
is checked by axe-core in az, en and ru.
"""

from foi.models.base import utcnow
from tests.documents.factories import text_pdf
from tests.e2e.test_journeys import log_in, the_request
from tests.factories import make_agency, make_user


def fill_in(page) -> None:
    """Type the letter's details into the off-line form."""
    page.get_by_label("By post").check()
    page.get_by_label("Requester's name").fill("Səbinə Quliyeva")
    page.get_by_label("Postal address").fill("Nizami küçəsi 12, Bakı AZ1000")
    page.get_by_label("Subject").fill("Məktəb təmiri")
    page.get_by_label("What information is asked for?").fill("2025-ci ilin təmir xərcləri.")


def test_an_officer_enters_a_letter_by_post_and_posts_the_answer_back(open_page, audit, tmp_path):
    tax = make_agency(
        slug="vergi",
        name_az="Dövlət Vergi Xidməti",
        name_en="State Tax Service",
        name_ru="Государственная налоговая служба",
    )
    officer = make_user("officer", tax, display_name="Rauf Əliyev")
    scan = tmp_path / "mektub.pdf"
    scan.write_bytes(text_pdf(["Please send the school repair budget of 2025."]))

    desk = open_page(name="officer")
    log_in(desk, officer)
    desk.goto("/officer/")
    desk.get_by_role("link", name="Enter a request received by post, phone or in person").click()
    desk.get_by_role("heading", name="Enter a request received off-line").wait_for()
    audit(desk, "offline-form")
    fill_in(desk)
    desk.get_by_role("button", name="Enter the request").click()
    # No scan attached: the form comes back with the error and everything typed.
    desk.get_by_text("Attach the scan of the letter.").first.wait_for()
    assert desk.get_by_label("Requester's name").input_value() == "Səbinə Quliyeva"
    audit(desk, "offline-form-error")  # its language buttons load the form afresh
    fill_in(desk)
    desk.get_by_label("Scan of the letter").set_input_files(str(scan))
    desk.get_by_role("button", name="Enter the request").click()
    desk.get_by_role("heading", name="Letters to post").wait_for()
    audit(desk, "offline-request")

    reference = desk.locator("p.muted").first.inner_text().split(" ")[0]
    req = the_request(reference)
    assert req.channel == "post" and req.contact.postal_address.startswith("Nizami")
    desk.locator("#answer-outcome-0").check()
    desk.locator("#answer-text").fill("Təmirə 120 000 manat.")
    desk.get_by_role("button", name="Send the answer").click()
    desk.get_by_text("Answer letter").wait_for()
    today = utcnow().date().isoformat()
    answer_row = desk.locator("li", has_text="Answer letter")
    answer_row.get_by_label("Posted or handed over on").fill(today)
    answer_row.get_by_role("button", name="Record the posting").click()
    desk.get_by_text("The day of posting is recorded.").wait_for()
    audit(desk, "offline-letter-posted")
