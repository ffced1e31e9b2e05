"""Letters and e-mails in Azerbaijani and Russian carry no English legal words (issue 16)."""

import pytest

from foi.law.citations import cite, join_citations
from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow
from foi.services import answering
from tests.documents_web.helpers import pdf_text
from tests.factories import file_request, make_agency, make_user

ENGLISH = ("Art.", "arts.", "Constitutional Law", "Law on State Secrets", "(one year)")


@pytest.fixture
def refused(app):
    agency = make_agency(name_az="Maliyyə Nazirliyi", name_ru="Министерство финансов")
    citizen = make_user("citizen", email="citizen@example.org", locale="az")
    officer = make_user("officer", agency)
    req = file_request(citizen, agency)
    answering.request_answer(
        actor=officer, req=req, outcome="refused", text="Dövlət sirridir.", grounds=["state_secret"]
    )
    return citizen, req


@pytest.mark.parametrize(
    "lang, article, secrets_law",
    [
        ("az", "maddə 34", "«Dövlət sirri haqqında»"),
        ("ru", "ст. 34", "«О государственной тайне»"),
    ],
)
def test_the_refusal_letter_cites_the_law_in_the_letters_language(
    refused, login, lang, article, secrets_law
):
    citizen, req = refused
    url = f"/documents/requests/{req.reference}/letter.pdf?lang={lang}"
    text = " ".join(pdf_text(login(citizen).get(url).data).split())
    assert article in text and secrets_law in text
    assert not [word for word in ENGLISH if word in text], text
    # The ombudsman's law is named once, however many of its articles apply.
    ombudsman_law = {"az": "Konstitusiya Qanunu", "ru": "Конституционный закон"}[lang]
    assert text.count(ombudsman_law) == 1, text


def test_the_english_letter_keeps_the_english_citations(refused, login):
    citizen, req = refused
    url = f"/documents/requests/{req.reference}/letter.pdf?lang=en"
    text = " ".join(pdf_text(login(citizen).get(url).data).split())
    assert "Art. 34; Law on State Secrets" in text
    assert text.count("Constitutional Law on the Ombudsman") == 1


def test_the_extension_e_mail_in_azerbaijani_cites_articles_in_azerbaijani(app, mail_server):
    agency = make_agency()
    citizen = make_user("citizen", email="citizen@example.org", locale="az")
    req = file_request(citizen, agency)
    answering.request_extend(
        actor=make_user("officer", agency), req=req, days=2, reason="Arxiv sənədləri lazımdır."
    )
    deliver_pending(utcnow())
    [mail] = [m for m in mail_server.to("citizen@example.org") if "uzadıldı" in m["Subject"]]
    body = mail.get_content()
    assert "maddə 25" in body and "maddə 24.1" in body
    assert "Art." not in body


def test_citations_other_languages_and_joins():
    assert cite("Art. 24.1, 24.5", "ru") == "ст. 24.1, 24.5"
    assert cite("§ 7 Abs. 5 IFG", "az") == "§ 7 Abs. 5 IFG"  # the German law's own words
    assert cite("Art. 25", "en") == "Art. 25"
    assert join_citations("Art. 25", "Art. 24.1") == "Art. 25; Art. 24.1"
