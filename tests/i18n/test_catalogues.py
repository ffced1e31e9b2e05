"""The az, en and ru catalogues hold every message of the code, translated and well formed."""

import re
from gettext import c2py

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from foi.i18n import EXTRACT_KEYWORDS
from tests.i18n.conftest import TRANSLATIONS

ROOT = TRANSLATIONS.parents[1]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> dict:
    """Extract the messages of foi/ and templates/ now, as ``make extract`` does."""
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    argv = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(pot)]
    for keyword in EXTRACT_KEYWORDS:
        argv += ["-k", keyword]
    CommandLineInterface().run([*argv, str(ROOT)])
    with pot.open("rb") as source:
        return {m.id: m for m in read_po(source) if m.id}


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return read_po(source, locale=lang)


def _key(msgid) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def test_extraction_finds_the_messages_of_code_templates_and_emails(template):
    keys = {_key(m) for m in template}
    assert "Skip to main content" in keys  # templates/base.html
    assert "Request %(ref)s received" in keys  # templates/email/*.txt
    assert "This field is required." in keys  # foi/i18n.py, for WTForms
    assert "due in %(num)d working day" in keys  # ngettext in foi/web/presenters.py


@pytest.mark.parametrize("lang", ["az", "en", "ru"])
def test_catalogue_holds_every_message(template, lang):
    have = {m.id for m in catalogue(lang) if m.id}
    missing = [_key(m) for m in template if m not in have]
    assert not missing, (
        f"{lang} lacks {len(missing)} messages; run `make extract` and "
        f"translate them:\n" + "\n".join(missing[:30])
    )


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_message_is_translated_and_none_is_fuzzy(template, lang):
    bad = []
    for message in catalogue(lang):
        if not message.id or message.id not in template:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            bad.append(_key(message.id))
    assert not bad, f"{lang}: empty or fuzzy translations:\n" + "\n".join(bad[:30])


@pytest.mark.parametrize("lang", ["az", "en", "ru"])
def test_translations_keep_the_placeholders_and_plural_forms(lang):
    cat = catalogue(lang)
    rule = c2py(cat.plural_expr)
    # Where the first form means exactly one (az, en, not ru: 21), it may leave the number out.
    first_is_one = all(rule(n) != 0 for n in range(2, 1000))
    problems = []
    for message in cat:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):
            if len(message.string) != cat.num_plurals:
                problems.append((message.id[0], f"{len(message.string)} plural forms"))
            wanted = set(PLACEHOLDER.findall(message.id[1]))
            for index, text in enumerate(message.string):
                found = set(PLACEHOLDER.findall(text))
                if (
                    text
                    and found != wanted
                    and not (index == 0 and first_is_one and found == wanted - {"num"})
                ):
                    problems.append((message.id[0], text))
        elif set(PLACEHOLDER.findall(message.string)) != set(PLACEHOLDER.findall(message.id)):
            problems.append((message.id, message.string))
    assert not problems, problems[:10]


def test_russian_has_three_plural_forms_and_azerbaijani_two():
    assert catalogue("ru").num_plurals == 3
    assert catalogue("az").num_plurals == 2


def test_makefile_extracts_with_the_same_keywords():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\nextract:") :]
    recipe = recipe[: recipe.index("\n\n")]
    assert set(re.findall(r"-k (\S+)", recipe)) == set(EXTRACT_KEYWORDS)
