"""Oversight in a real browser: a complaint, the Ombudsman's letter and decision, the numbers.

A requester complains about an overdue request; the Ombudsman finds it in the oversight queue,
writes to the agency, and upholds the complaint; the agency's coordinator reads the letter and
replies; anyone reads the statistics, and the administrator the audit log. Every page is checked
by axe-core in az, en and ru.
"""

import re
import zipfile
from datetime import timedelta

from foi.jobs.worker import run_job
from foi.models.base import utcnow
from tests.e2e.test_journeys import log_in, the_request
from tests.factories import file_request, make_agency, make_user

LETTER = "Sorğunun niyə gecikdiyini 3 iş günü ərzində izah edin."
REPLY = "Sənədlər arxivdən gətirilir; cavab bu həftə göndəriləcək."


def test_a_complaint_goes_from_the_requester_to_the_ombudsman_to_the_agency(app, open_page, audit):
    health = make_agency(
        slug="sehiyye",
        name_az="Səhiyyə Nazirliyi",
        name_en="Ministry of Health",
        name_ru="Министерство здравоохранения",
    )
    coordinator = make_user("coordinator", health, display_name="Nigar Həsənova")
    ombudsman = make_user("ombudsman", display_name="Ombudsman Aparatı")
    admin = make_user("admin")
    citizen = make_user("citizen", display_name="Leyla Məmmədova")
    # Filed 30 days ago and never answered: 7 working days (art. 24.1) are long over.
    late = file_request(
        citizen, health, subject="Xəstəxana büdcələri", now=utcnow() - timedelta(days=30)
    )

    requester = open_page(name="requester")
    log_in(requester, citizen)
    requester.goto(f"/my/requests/{late.reference}")
    requester.get_by_label("Your complaint").fill("Nazirlik 30 gündür cavab vermir.")
    requester.get_by_role("button", name="Send the complaint").click()
    requester.get_by_text("Nazirlik 30 gündür cavab vermir.").wait_for()
    audit(requester, "complaint-lodged")

    office = open_page(name="ombudsman")
    log_in(office, ombudsman)
    office.goto("/oversight/")
    audit(office, "oversight-queue")
    office.locator(f'[data-reference="{late.reference}"] a').first.click()
    office.get_by_role("heading", name="Xəstəxana büdcələri").wait_for()
    office.get_by_label("Letter to the agency").fill(LETTER)
    office.get_by_role("button", name="Send the letter").click()
    office.get_by_text("Letter sent to Ministry of Health.").wait_for()
    audit(office, "oversight-letter-sent")

    desk = open_page(name="coordinator")
    log_in(desk, coordinator)
    desk.goto(f"/officer/requests/{late.reference}")
    desk.get_by_role("heading", name="Letters with the oversight body").wait_for()
    assert desk.get_by_text(LETTER).first.is_visible()
    desk.get_by_label("Reply to the oversight body").fill(REPLY)
    desk.get_by_role("button", name="Send the reply").click()
    desk.get_by_text("Reply sent to the oversight body.").wait_for()
    audit(desk, "officer-replied-to-oversight")

    office.reload()
    office.get_by_text(REPLY).wait_for()
    office.get_by_label("Complaint upheld", exact=True).check()
    office.get_by_label("Decision and reasons").fill("Nazirlik 5 iş günü ərzində cavab verməlidir.")
    office.get_by_role("button", name="Record the decision").click()
    office.get_by_text("Decision recorded").wait_for()
    audit(office, "complaint-decided")
    assert the_request(late.reference).status == "awaiting"  # open again, with a new deadline

    requester.goto(f"/my/requests/{late.reference}")
    requester.locator("#complaint").get_by_text("Nazirlik 5 iş günü ərzində").wait_for()
    assert requester.get_by_text(LETTER).count() == 0  # the letters are not the requester's
    audit(requester, "complaint-upheld")

    # The requester asks for a copy of everything foi holds about them; a worker prepares it.
    requester.goto("/account")
    requester.get_by_role("button", name="Prepare a copy of my data").click()
    requester.wait_for_url(re.compile(r"/jobs/\d+$"))
    assert run_job(app, int(requester.url.rsplit("/", 1)[-1]))
    requester.reload()
    with requester.expect_download() as download:
        requester.get_by_role("link", name=re.compile("Download")).click()
    archive = zipfile.ZipFile(download.value.path())
    assert f"requests/{late.reference}/request.json" in archive.namelist()
    assert LETTER.encode() not in b"".join(archive.read(n) for n in archive.namelist())
    audit(requester, "my-data-ready")

    reader = open_page(name="reader")
    reader.goto("/statistics")
    reader.get_by_role("heading", level=1).wait_for()
    audit(reader, "statistics")

    auditor = open_page(name="admin")
    log_in(auditor, admin)
    auditor.goto("/admin/audit")
    auditor.get_by_text(late.reference).first.wait_for()
    audit(auditor, "admin-audit-log")
