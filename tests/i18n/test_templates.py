"""Every word a person reads in a template goes through gettext."""

from pathlib import Path

import pytest

from tests.i18n.scan import html_without_jinja, is_prose, untranslated

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
HTML = sorted(p for p in TEMPLATES.rglob("*.html"))
EMAILS = sorted((TEMPLATES / "email").glob("*.txt"))


def _scan(tmp_path, source: str) -> list[str]:
    path = tmp_path / "page.html"
    path.write_text(source, encoding="utf-8")
    return [f.text for f in untranslated(path, tmp_path)]


@pytest.mark.parametrize("template", HTML, ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_template_has_no_untranslated_text(template):
    findings = untranslated(template, TEMPLATES)
    assert not findings, "Wrap these in {{ _('...') }}:\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize("template", EMAILS, ids=lambda p: p.name)
def test_email_has_no_untranslated_text(template):
    lines = html_without_jinja(template.read_text(encoding="utf-8")).splitlines()
    assert lines[0].startswith("Subject:"), "the outbox reads the subject from the first line"
    bare = [(n, line) for n, line in enumerate(lines, 1) if is_prose(line.removeprefix("Subject:"))]
    assert not bare, f"{template.name}: untranslated lines {bare}"


def test_scanner_finds_bare_text_and_read_attributes(tmp_path):
    found = _scan(
        tmp_path,
        """
        <h1>Archive</h1>
        <input placeholder="Type a word" aria-label="{{ _('Search') }}">
        <img alt="Logo of the site" src="x.png"><a title="Next page">→</a>
        <button aria-label="Close">×</button>""",
    )
    assert found == ["Archive", "Type a word", "Logo of the site", "Next page", "Close"]


def test_scanner_finds_literals_passed_to_macros_outside_gettext(tmp_path):
    found = _scan(
        tmp_path,
        """
        {{ empty_state("Nothing here yet", _("Come back later.")) }}
        {% set title = "My requests" %}{{ badge(_("Open"), "success") }}""",
    )
    assert found == ["Nothing here yet", "My requests"]


def test_scanner_accepts_translated_text_code_and_symbols(tmp_path):
    assert (
        _scan(
            tmp_path,
            """
        {% extends "base.html" %}{# A comment in English is fine #}
        <h1 class="page-title">{{ _("Archive") }}</h1>
        <p>{% trans n=3 %}{{ n }} days left{% endtrans %} · foi · 2026 — {{ ref }}</p>
        <a href="{{ url_for('archive.search', sort='newest') }}" title="{{ _('Next') }}">→</a>
        <pre>GET /api/v1/requests</pre> <code>name_az</code>
        <script>document.body.dataset.ready = "yes please";</script>
        {{ field(form.subject, autocomplete="off", class_="input input-medium") }}
        """,
        )
        == []
    )
