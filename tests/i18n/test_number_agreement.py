"""A number in a sentence agrees with its noun: Russian has three forms (1, 3, 5), az two.

Each case counts something the reader sees ("3 черновика", "5 страниц"); before these messages
were plural ones, Russian read "У вас уже 1 черновиков" and "В файле 3 страниц".
"""

import re
from pathlib import Path

import pytest
from babel.support import Translations
from flask_babel import force_locale

from foi.services.drafts import draft_save
from foi.services.errors import DomainError
from tests.factories import make_user

CATALOGUES = Path(__file__).resolve().parents[2] / "foi" / "translations"


def _ru(singular: str, plural: str, n: int, **values) -> str:
    text = Translations.load(str(CATALOGUES), ["ru"]).ngettext(singular, plural, n)
    return text % {"num": n, **values}


@pytest.mark.parametrize(
    ("limit", "words"),
    [(1, "1 черновик."), (3, "3 черновика."), (5, "5 черновиков."), (21, "21 черновик.")],
)
def test_the_drafts_limit_names_the_drafts_in_the_right_russian_form(app, limit, words):
    app.config["MAX_DRAFTS_PER_ACCOUNT"] = limit
    citizen = make_user("citizen", locale="ru")
    for n in range(limit):
        draft_save(owner=citizen, draft=None, subject=f"Qaralama {n}", body="Mətn.")
    with pytest.raises(DomainError) as refused, force_locale("ru"):
        draft_save(owner=citizen, draft=None, subject="Bir daha", body="Mətn.")
    with force_locale("ru"):
        said = str(refused.value.message)
    assert said.startswith(f"У вас уже {words}")


@pytest.mark.parametrize(("days", "words"), [(1, "1 день"), (3, "3 дня"), (5, "5 дней")])
def test_my_requests_says_how_many_days_a_draft_is_kept_in_russian(app, login, days, words):
    app.config["DRAFT_KEEP_DAYS"] = days
    citizen = make_user("citizen", locale="ru")
    draft_save(owner=citizen, draft=None, subject="Qaralama", body="Mətn.")
    page = login(citizen).get("/my/requests").get_data(as_text=True)
    assert f"не сохраняли {words}, удаляется" in page


@pytest.mark.parametrize(
    ("singular", "plural", "n", "russian"),
    [
        (
            "The file has %(num)d page; an area names another page.",
            "The file has %(num)d pages; an area names another page.",
            n,
            f"В файле {n} {form};",
        )
        for n, form in ((1, "страница"), (3, "страницы"), (5, "страниц"), (12, "страниц"))
    ]
    + [
        (
            "Keep the subject under %(num)d character.",
            "Keep the subject under %(num)d characters.",
            n,
            f"короче {n} {form}.",
        )
        for n, form in ((1, "символа"), (3, "символов"), (5, "символов"))
    ]
    + [
        (
            "Send one request to at most %(num)d agency at once.",
            "Send one request to at most %(num)d agencies at once.",
            n,
            f"не более чем в {n} {form}.",
        )
        for n, form in ((1, "ведомство"), (3, "ведомства"), (5, "ведомств"))
    ]
    + [
        (
            "Logging in to your account is locked for %(num)d minute",
            "Logging in to your account is locked for %(num)d minutes",
            n,
            f"на {n} {form}",
        )
        for n, form in ((1, "минуту"), (3, "минуты"), (15, "минут"))
    ],
)
def test_counted_messages_take_the_russian_form_of_their_number(singular, plural, n, russian):
    assert russian in _ru(singular, plural, n)


def test_every_counted_message_has_three_russian_forms_and_two_azerbaijani():
    """A plural message left with one form filled would show English or an empty string."""
    for lang, forms in (("ru", 3), ("az", 2)):
        catalogue = Translations.load(str(CATALOGUES), [lang])
        plurals = [key for key in catalogue._catalog if isinstance(key, tuple)]
        assert plurals, lang
        by_message: dict[str, set[int]] = {}
        for message, index in plurals:
            if catalogue._catalog[(message, index)]:
                by_message.setdefault(message, set()).add(index)
        short = {m: i for m, i in by_message.items() if m and i != set(range(forms))}
        assert not short, (lang, short)


#: Messages with a number that need no plural forms, and why. A new message that counts
#: something ("%(n)d files") belongs in ngettext instead: Russian cannot say it with one form.
NOT_COUNTED = {
    # A range, an ordinal, a year, a percentage: no noun agrees with the number.
    "Field must be between %(min)d and %(max)d characters long.",
    "must be a whole number from %(low)d to %(high)d",
    "Line %(n)d: write an area as “page: left, top, right, bottom”, e.g. “1: 72, 100, 300, 130”.",
    "Enter a whole number from 1 to %(max)d.",
    "%(percent)d%% (%(on_time)d of %(due)d)",
    "%(percent)d %% done. This page follows the work by itself; you may also leave and come back "
    "to it.",
    "Statistics %(year)d",
    "How agencies answer: statistics %(year)d",
    "Every request received in %(year)d by every agency on foi, published or not, counted the "
    "same way here, on each agency's page, in the annual report, in the CSV file and in the API.",
    "No agency received a request in %(year)d.",
    # "Label: number" in every language, or a number that is never 1 worded round its noun.
    "Imported: %(created)d new, %(updated)d updated.",
    "Waiting: %(pending)d · Failed: %(failed)d · Sent: %(sent)d",
    "You used a recovery code: %(num)d left. Make new ones on your account page if you are "
    "running out.",
    "Your request was sent to %(n)d agencies, each with its own reference: %(refs)s. We e-mailed "
    "you an acknowledgement of each.",
    "Sent to %(n)d agencies together: %(subject)s",
    "Send the same request to other agencies too (up to %(n)d in all)",
    "%(total)d requests matched the filter; only the first %(max)d were taken, the most urgent "
    "first (FOI_BULK_MAX). Run the action again for the rest.",
    "Only the first %(max)d selected requests were taken (FOI_BULK_MAX).",
}


def test_a_number_in_a_message_is_counted_with_plural_forms_unless_listed_why_not():
    from babel.messages.pofile import read_po

    with open(CATALOGUES / "ru" / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalogue = read_po(f)
    numbered = {
        m.id for m in catalogue if isinstance(m.id, str) and m.id and re.search(r"%\(\w+\)d", m.id)
    }
    assert numbered - NOT_COUNTED == set(), "use ngettext, or say in NOT_COUNTED why not"
