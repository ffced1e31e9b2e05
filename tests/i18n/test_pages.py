"""Pages, form errors and e-mails speak the reader's language: az (default), en or ru."""

import re

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from foi.extensions import db
from foi.models import OutboxMessage
from tests.factories import make_agency, make_user
from tests.i18n.conftest import TRANSLATIONS, sign_in

ANONYMOUS_PAGES = [
    "/",
    "/archive",
    "/agencies",
    "/login",
    "/register",
    "/deadline-calculator",
    "/reset",
    "/no-such-page",
]
CITIZEN_PAGES = ["/requests/new", "/my/requests"]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
AZERBAIJANI = re.compile(r"[əƏğĞıİşŞçÇöÖüÜ]")


def english_sentences() -> set[str]:
    """Return the English messages of four words or more, which no az or ru page may show."""
    with (TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po").open("rb") as source:
        ids = [m.id for m in read_po(source) if m.id]
    texts = [t for i in ids for t in (i if isinstance(i, tuple) else (i,))]
    return {t for t in texts if "%" not in t and len(t.split()) >= 4}


def visible_text(html: str) -> str:
    """Return the page's text, without scripts and without parts marked as another language."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<((?!html\b)\w+)\s[^>]*\blang=\"[^\"]+\"[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").split())


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def h1(html: str) -> str:
    return visible_text(re.search(r"<h1\b.*?</h1>", html, re.S).group(0))


def check_language(html: str, lang: str) -> None:
    """Assert that a page is wholly in ``lang``: its lang attribute, heading and sentences."""
    assert html_lang(html) == lang
    heading, text = h1(html), visible_text(html)
    if lang == "ru":
        assert CYRILLIC.search(heading), heading
    else:
        assert not CYRILLIC.search(text), f"Cyrillic on an {lang} page"
    if lang == "az":
        assert AZERBAIJANI.search(text), "no Azerbaijani letter on the az page"
    if lang != "en":
        leaks = sorted(s for s in english_sentences() if s in text)
        assert not leaks, f"untranslated on the {lang} page: {leaks}"


@pytest.fixture
def agencies(app):
    return [
        make_agency(
            name_az="Dövlət Vergi Xidməti",
            name_en="State Tax Service",
            name_ru="Государственная налоговая служба",
        )
    ]


@pytest.mark.parametrize("lang", ["az", "en", "ru"])
@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_public_page_is_wholly_in_the_browsers_language(visitor, agencies, path, lang):
    response = visitor.get(path, headers={"Accept-Language": lang})
    assert response.status_code in (200, 404)
    check_language(response.get_data(as_text=True), lang)


@pytest.mark.parametrize("lang", ["az", "en", "ru"])
@pytest.mark.parametrize("path", CITIZEN_PAGES)
def test_citizen_page_is_in_the_accounts_language(visitor, agencies, path, lang):
    sign_in(visitor, make_user("citizen", locale=lang))
    check_language(visitor.get(path).get_data(as_text=True), lang)


def test_home_page_speaks_of_requests_in_azerbaijani_by_default(visitor, agencies):
    assert "sorğu" in visible_text(visitor.get("/").get_data(as_text=True)).lower()
    russian = visible_text(
        visitor.get("/", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    )
    assert "запрос" in russian.lower()


@pytest.mark.parametrize(
    ("lang", "required", "summary"),
    [
        ("az", "Bu xana mütləq doldurulmalıdır.", "Xəta var"),
        ("en", "This field is required.", "There is a problem"),
        ("ru", "Это поле обязательно для заполнения.", "Есть ошибки"),
    ],
)
def test_new_request_form_errors_are_in_the_citizens_language(
    visitor, agencies, lang, required, summary
):
    sign_in(visitor, make_user("citizen", locale=lang))
    response = visitor.post("/requests/new", data={"subject": "", "body": ""})
    html = response.get_data(as_text=True)
    assert summary in html and html.count(required) >= 2  # subject and body, each named once
    check_language(html, lang)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("az", "Bu şifrə bərpası keçidi etibarsızdır və ya müddəti bitib."),
        ("ru", "Эта ссылка для смены пароля недействительна или устарела."),
    ],
)
def test_service_errors_are_in_the_visitors_language(visitor, lang, message):
    response = visitor.post(
        "/reset/not-a-real-token",
        headers={"Accept-Language": lang},
        data={"password": "long enough password", "confirm": "long enough password"},
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_login_prompt_is_in_the_visitors_language(visitor):
    response = visitor.get("/my/requests", headers={"Accept-Language": "ru"}, follow_redirects=True)
    assert "Войдите, чтобы открыть эту страницу." in response.get_data(as_text=True)


def test_registration_keeps_the_language_for_the_account_and_its_emails(visitor):
    visitor.post("/language", data={"lang": "ru"})
    visitor.post(
        "/register",
        data={
            "display_name": "Ivan",
            "email": "ivan@example.org",
            "password": "long enough password",
            "confirm": "long enough password",
        },
    )
    message = db.session.scalar(
        select(OutboxMessage).where(OutboxMessage.to_addr == "ivan@example.org")
    )
    assert message.subject == "Подтвердите адрес электронной почты"
    assert "Здравствуйте, Ivan!" in message.body_text
