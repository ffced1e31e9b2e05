"""Official PDFs: every template renders in Azerbaijani and Russian with embedded fonts."""

import datetime as dt
import io

import pypdf
import pytest

from foi.documents.charts import bar_chart_svg
from foi.documents.pdf import render_document, render_html, render_pdf

AGENCY = {"az": "Bakı Şəhər İcra Hakimiyyəti", "ru": "Исполнительная власть города Баку"}
SUBJECT = {"az": "Şəhər büdcəsinin ğ ı ş ç ö ü xərcləri", "ru": "Расходы бюджета города, ё й ъ"}
URL = "https://foi.example/r/AZ-2026-000123"


def contexts(lang: str) -> dict[str, dict]:
    agency, subject = AGENCY[lang], SUBJECT[lang]
    common = {"agency_name": agency, "reference": "AZ-2026-000123", "public_url": URL}
    return {
        "receipt.html": {
            **common,
            "filed_on": dt.date(2026, 3, 2),
            "subject": subject,
            "due_date": "2026-03-11",
            "due_article": "Maddə 24.1",
            "explanation": "Sorğunuz qeydə alındı.\n\nCavab 7 iş günü ərzində veriləcək.",
            "requester_name": "Leyla Məmmədova",
        },
        "response_letter.html": {
            **common,
            "answered_on": dt.date(2026, 3, 10),
            "subject": subject,
            "outcome": "partially_granted",
            "answer_text": f"{subject}\n\nƏlavə olunur.",
            "released_files": [{"filename": "büdcə-2025.pdf", "size": "1.2 MB"}],
            "refusal_grounds": [
                {
                    "article": "Maddə 38.2",
                    "title": "Şəxsi məlumatlar",
                    "text": "Sağlamlıq haqqında məlumatlar — доступ ограничен",
                }
            ],
            "complaint": {
                "body": "Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili",
                "how": "Şikayəti ombudsman.az saytında verin.",
                "deadline": dt.date(2027, 3, 10),
                "article": "Ombudsman qanunu 13-1",
            },
            "officer_name": "Rəşad Quliyev",
        },
        "dossier.html": {
            **common,
            "subject": subject,
            "status": "Cavablandırılıb",
            "filed_on": dt.date(2026, 3, 2),
            "due_date": dt.date(2026, 3, 11),
            "timeline": [
                {
                    "at": dt.datetime(2026, 3, 2, 9, 30),
                    "event": "Sorğu qeydə alındı",
                    "actor": "Leyla Məmmədova",
                    "note": "onlayn",
                },
                {
                    "at": "2026-03-10T16:05",
                    "event": "Cavab göndərildi — ответ отправлен",
                    "actor": "Rəşad Quliyev",
                },
            ],
        },
        "annual_report.html": {
            **common,
            "period": "2025",
            "generated_on": dt.date(2026, 1, 15),
            "figures": {
                "received": 1234,
                "answered_on_time": 900,
                "answered_late": 150,
                "refused_on_time": 60,
                "refused_late": 20,
                "transferred": 40,
                "withdrawn": 14,
                "open_in_time": 30,
                "open_overdue": 20,
                "acknowledged_on_time": 1200,
                "extended": 70,
                "median_working_days_to_answer": 5.5,
                "on_time_percent": 82,
                "complaints": 12,
            },
            "refused_by_ground": [
                {"ground": "Şəxsi həyat", "article": "38.2", "count": 50},
                {"ground": "Dövlət sirri", "article": "35", "count": 30},
            ],
            "agencies": [
                {
                    "name": agency,
                    "received": 1234,
                    "on_time_percent": 82,
                    "answered_late": 150,
                    "refused_late": 20,
                    "open_overdue": 20,
                    "median_working_days_to_answer": 5.5,
                }
            ],
        },
    }


def fonts_embedded(reader: pypdf.PdfReader) -> set[str]:
    """Return the names of fonts whose program is embedded in the PDF."""
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor"
            )
            if descriptor and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                names.add(str(font["/BaseFont"]))
    return names


@pytest.mark.parametrize("lang", ["az", "ru"])
@pytest.mark.parametrize(
    "template", ["receipt.html", "response_letter.html", "dossier.html", "annual_report.html"]
)
def test_template_renders_with_text_and_embedded_fonts(template, lang):
    rendered = render_document(template, contexts(lang)[template], lang)
    reader = pypdf.PdfReader(io.BytesIO(rendered.data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert AGENCY[lang] in text
    assert "AZ-2026-000123" in text
    assert rendered.pages == len(reader.pages) >= 1
    if template != "annual_report.html":
        assert SUBJECT[lang] in text
    # Our @font-face family (the vendored DejaVu files) is embedded, not a system font.
    assert any("FOI-Sans" in name for name in fonts_embedded(reader))
    label = {"az": "Səhifə 1", "ru": "Стр. 1"}[lang]
    assert label in text, "the footer numbers pages in the reader's language"


def test_receipt_shows_due_date_in_words_and_a_qr_code():
    html = render_html("receipt.html", contexts("az")["receipt.html"], "az")
    assert "11 mart 2026" in html
    assert 'src="data:image/svg+xml;base64,' in html
    text = (
        pypdf.PdfReader(
            io.BytesIO(render_pdf("receipt.html", contexts("ru")["receipt.html"], "ru"))
        )
        .pages[0]
        .extract_text()
    )
    assert "11 марта 2026" in text
    assert URL in text


def test_user_text_is_escaped_not_interpreted():
    context = {**contexts("az")["receipt.html"], "subject": "<b>bold</b><script>x</script>"}
    html = render_html("receipt.html", context, "az")
    assert "<script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_refusal_letter_names_grounds_and_how_to_complain():
    html = render_html("response_letter.html", contexts("az")["response_letter.html"], "az")
    for expected in (
        "İmtinanın hüquqi əsasları",
        "Maddə 38.2",
        "Şikayət qaydası",
        "10 mart 2027",
        "İnformasiya qismən verildi",
    ):
        assert expected in html


def test_missing_required_context_key_fails_loudly():
    with pytest.raises(KeyError, match="reference"):
        render_html("receipt.html", {"agency_name": "X"}, "az")


def test_bar_chart_scales_bars_to_the_largest_value_and_escapes_labels():
    svg = str(bar_chart_svg([("a<b", 50), ("c", 100)], width=400, label_width=100))
    assert "a&lt;b" in svg
    assert 'width="120.0"' in svg and 'width="240.0"' in svg  # 400 - 100 - 60 = 240 for 100
