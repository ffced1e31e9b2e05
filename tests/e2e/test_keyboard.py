"""Filing by keyboard alone (Tab, Enter, Space, arrows), with errors announced in every language."""

from sqlalchemy import select

from foi.extensions import db
from foi.models import InfoRequest
from tests.e2e.audit import switch_language
from tests.e2e.test_journeys import pdf_file
from tests.factories import PASSWORD, make_agency, make_user

# What the focused element looks like: a keyboard user must see where they are (WCAG 2.4.7).
FOCUS_SCRIPT = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
    type: el.getAttribute('type'), text: (el.innerText || el.value || '').trim().slice(0, 60),
    href: el.getAttribute('href'), visible: outline || s.boxShadow !== 'none',
    filing: !!el.closest('main form[enctype="multipart/form-data"]'),
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUS_SCRIPT)


def tab_to(page, matches, limit: int = 60) -> dict:
    """Press Tab until the focused element satisfies ``matches``; every stop must show focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["visible"], f"no visible focus on {now}"
        if matches(now):
            return now
    raise AssertionError("never reached the element by Tab")


def submit_button(label):
    return lambda el: el["tag"] == "button" and el["type"] == "submit" and el["text"] == label


def error_links(page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "[data-error-summary] a", "as => as.map(a => [a.getAttribute('href'), a.innerText])"
    )


def test_citizen_files_by_keyboard_alone_and_errors_are_announced_in_every_language(
    open_page, audit
):
    agency = make_agency(
        name_az="Ədliyyə Nazirliyi", name_en="Ministry of Justice", name_ru="Министерство юстиции"
    )
    citizen = make_user("citizen", email="leyla@example.org")
    page = open_page(name="keyboard")

    # The skip link comes first and moves focus to the main content.
    page.goto("/login")
    first = tab_to(page, lambda el: True)
    assert first["href"] == "#main" and first["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "main"

    tab_to(page, lambda el: el["id"] == "email")
    page.keyboard.type(citizen.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, lambda el: el["tag"] == "a" and el["text"] == "New request")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # An empty form: the summary takes focus, is announced, and links to each field.
    for code in ("az", "ru", "en"):
        switch_language(page, code)
        tab_to(page, lambda el: el["type"] == "submit" and el["filing"])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        summary = page.locator("[data-error-summary]")
        assert summary.get_attribute("role") == "alert"
        assert page.evaluate("document.activeElement.matches('[data-error-summary]')"), (
            "the error summary should have the focus"
        )
        links = error_links(page)
        assert [href for href, _text in links] == ["#subject", "#body"]
        for href, text in links:
            field = page.locator(href)
            error_id = f"{href[1:]}-error"
            assert field.get_attribute("aria-invalid") == "true"
            assert error_id in field.get_attribute("aria-describedby").split()
            message = page.locator(f"#{error_id}").inner_text()
            assert message and message.split()[-1] in text  # the summary repeats the message
            if code != "en":
                assert "required" not in text, f"untranslated error in {code}: {text}"
        audit(page, f"errors-{code}", languages=())

    # Enter on the first link of the summary puts the cursor in the subject field.
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#subject"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "subject"
    page.keyboard.type("Məhkəmə statistikası 2025")
    tab_to(page, lambda el: el["id"] == "body")
    page.keyboard.type("2025-ci ildə baxılmış mülki işlərin sayını göndərin.")
    tab_to(page, lambda el: el["id"] == "agency_id")
    page.keyboard.press("ArrowDown")  # from "Suggest an agency for me" to the only agency
    assert page.locator("#agency_id").input_value() == str(agency.id)
    tab_to(page, lambda el: el["id"] == "urgency-0")
    tab_to(page, lambda el: el["id"] == "publish_name")
    page.keyboard.press("Space")
    assert page.locator("#publish_name").is_checked()
    tab_to(page, lambda el: el["id"] == "attachments")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files([pdf_file("court-letter.pdf", "Court letter 2025")])
    tab_to(page, submit_button("Send the request"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.get_by_role("heading", name="Məhkəmə statistikası 2025").wait_for()
    db.session.expire_all()
    req = db.session.scalars(select(InfoRequest)).one()
    assert req.agency_id == agency.id and req.publish_name
    assert [d.filename for d in req.documents] == ["court-letter.pdf"]
    audit(page, "filed-by-keyboard")
