"""The filing form's "Send it to other agencies too" follows the agency chosen above (issue 16).

The server leaves the chosen agency out of that list; js/also_agencies.js keeps it so when the
citizen chooses another: the new one's box is hidden and unticked, the one before is back.
"""

from playwright.sync_api import expect

from tests.e2e.test_journeys import log_in
from tests.factories import make_agency, make_user


def test_the_other_agencies_list_never_offers_the_agency_chosen_above(app, page):
    health, finance, culture = (
        make_agency(slug=slug, name_az=az, name_en=en)
        for slug, az, en in (
            ("sehiyye", "Səhiyyə Nazirliyi", "Ministry of Health"),
            ("maliyye", "Maliyyə Nazirliyi", "Ministry of Finance"),
            ("medeniyyet", "Mədəniyyət Nazirliyi", "Ministry of Culture"),
        )
    )
    log_in(page, make_user("citizen"))
    page.goto("/requests/new")
    page.locator("details summary").filter(has_text="other agencies").click()

    def box(agency):
        return page.locator(f'input[name="also_agency_ids"][value="{agency.id}"]')

    page.locator("#agency_id").select_option(str(health.id))
    expect(box(health)).to_be_hidden()
    expect(box(finance)).to_be_visible()
    box(finance).check()

    # Finance becomes the main agency: its box leaves the list unticked, Health's comes back.
    page.locator("#agency_id").select_option(str(finance.id))
    expect(box(finance)).to_be_hidden()
    expect(box(finance)).not_to_be_checked()
    expect(box(health)).to_be_visible()
    expect(box(culture)).to_be_visible()
