"""PDF rendering and redaction: milliseconds per page for each official document.

Runs without an application or database: the templates render from plain contexts shaped like
the ones foi.services.letters and foi.services.reports build. ``python -m benchmarks pdf``.
"""

import datetime as dt
import time

RUNS = 3


def _contexts() -> dict[str, dict]:
    today = dt.date(2026, 3, 2)
    at = dt.datetime(2026, 3, 2, 10, 30)
    base = {
        "agency_name": "Maliyyə Nazirliyi",
        "reference": "AZ-2026-000123",
        "subject": "Büdcə xərcləri 2025",
        "requester_name": "Aysel Məmmədova",
        "public_url": "https://foi.example.az/r/AZ-2026-000123",
    }
    explanation = "\n\n".join(f"Addım {i}: iş günü sayılır (maddə 24.1)." for i in range(6))
    return {
        "receipt.html": {
            **base,
            "filed_on": today,
            "due_date": today + dt.timedelta(days=9),
            "due_article": "Art. 24.1, 24.5",
            "explanation": explanation,
        },
        "response_letter.html": {
            **base,
            "answered_on": today,
            "outcome": "refused",
            "answer_text": "\n\n".join(["Sorğunuza cavab olaraq bildiririk ki, ..." * 8] * 6),
            "released_files": [{"filename": f"fayl-{i}.pdf", "size": "120 KB"} for i in range(12)],
            "refusal_grounds": [{"article": "Art. 34", "title": "Dövlət sirri", "text": ""}],
            "complaint": {
                "body": "Ombudsman",
                "how": "Şikayət bir il ərzində verilir.",
                "deadline": today.replace(year=2027),
                "article": "Art. 42.1.2",
            },
            "officer_name": "Rəşad Əliyev",
        },
        "dossier.html": {
            **base,
            "status": "Cavablandırılıb",
            "filed_on": today,
            "internal": True,
            "timeline": [
                {
                    "at": at + dt.timedelta(hours=i),
                    "event": f"Hadisə {i}",
                    "actor": "Rəşad Əliyev",
                    "note": "Qeyd mətni " * 6,
                    "internal": i % 5 == 0,
                }
                for i in range(300)
            ],
        },
        "annual_report.html": {
            "agency_name": None,
            "period": "2025",
            "generated_on": today,
            "figures": {
                "received": 48210,
                "answered": 45002,
                "on_time": 40120,
                "refused": 5210,
                "transferred": 1820,
                "complaints": 312,
            },
            "refused_by_ground": [
                {"ground": f"Əsas {i}", "article": f"Art. {i}", "count": 900 - 80 * i}
                for i in range(10)
            ],
            "agencies": [
                {
                    "name": f"Nazirlik {i}",
                    "received": 2000 - i * 20,
                    "answered": 1900 - i * 20,
                    "on_time": 1700 - i * 15,
                    "refused": 200 - i,
                }
                for i in range(60)
            ],
        },
    }


def _redaction(pages: int) -> tuple[float, int]:
    from foi.documents.pdf import render_document
    from foi.documents.redact import redact_pdf

    context = _contexts()["dossier.html"]
    context = {**context, "timeline": context["timeline"][: pages * 18]}
    data = render_document("dossier.html", context, "az").data
    started = time.perf_counter()
    out = redact_pdf(data, terms=["Rəşad Əliyev"], areas=[(0, 72, 72, 300, 120)])
    elapsed = (time.perf_counter() - started) * 1000
    import pypdfium2 as pdfium

    return elapsed, len(pdfium.PdfDocument(out))


def main() -> None:
    """Print the milliseconds per page of every PDF template and of redaction."""
    from foi.documents.pdf import render_document

    render_document("receipt.html", _contexts()["receipt.html"], "az")  # warm fonts, imports
    print(f"{'document':<22}{'pages':>6}{'ms total':>10}{'ms/page':>9}")
    for template, context in _contexts().items():
        best = min(
            (render_document(template, context, "az") for _ in range(RUNS)),
            key=lambda r: r.milliseconds,
        )
        print(
            f"{template:<22}{best.pages:>6}{best.milliseconds:>10.0f}"
            f"{best.milliseconds / best.pages:>9.0f}"
        )
    elapsed, pages = _redaction(5)
    print(f"{'redact_pdf (150 dpi)':<22}{pages:>6}{elapsed:>10.0f}{elapsed / pages:>9.0f}")


if __name__ == "__main__":
    main()
