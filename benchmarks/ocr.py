"""OCR of a scanned answer: pages per minute through the whole job, and the character error rate.

A 10-page A4 letter (5 pages of Azerbaijani, 5 of Russian) is drawn by Pillow at 300 dpi from
known text, as a scanner would give it, and once more degraded (turned 2°, speckled, 200 dpi).
Each is uploaded as an officer's answer; what is timed is the whole job a worker does for it:
``run_job`` of kind ``ocr`` (ocrmypdf and Tesseract, the text layer, the stored PDF, its text)
and the publication that puts the text into the archive's index. The recognised text of each
page is compared with the text drawn on it: the character error rate is the edit distance over
the length of the known text (whitespace runs count as one space).

``python -m benchmarks ocr``; ``FOI_BENCH_OCR_PAGES`` changes the number of pages (even).
Needs Debian's ocrmypdf and Tesseract (``make ocr``).
"""

import io
import os
import random
import tempfile
import time
from pathlib import Path

A4_INCHES = (8.27, 11.69)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

AZ = (
    "Azərbaycan Respublikasının İnformasiya əldə etmək haqqında Qanununa əsasən sorğunuza "
    "cavab olaraq bildiririk ki, nazirlik tərəfindən 2025-ci il ərzində rayonlarda suvarma "
    "kanallarının bərpası üçün ümumilikdə on iki layihə həyata keçirilmişdir. Layihələrin "
    "maliyyələşdirilməsi dövlət büdcəsinin vəsaiti hesabına aparılmış, müqavilələr açıq "
    "tender yolu ilə bağlanmışdır. Hər bir layihə üzrə işlərin həcmi, qiyməti və icra "
    "müddəti əlavə olunan cədvəldə göstərilmişdir. Şəhər icra hakimiyyətinin müraciəti "
    "əsasında məktəb binalarının təmiri də plana daxil edilmişdir. Sorğunun ikinci bəndi "
    "ilə bağlı məlumat üçüncü şəxslərin şəxsi həyatına aid olduğundan təqdim edilə bilməz. "
    "Bu qərardan inzibati qaydada və ya məhkəməyə şikayət verə bilərsiniz. Əlavə sualınız "
    "olarsa, nazirliyin qəbul şöbəsinə yazılı müraciət etməyiniz xahiş olunur."
)
RU = (
    "В соответствии с Законом Азербайджанской Республики о праве на получение информации "
    "сообщаем, что в течение 2025 года министерством было реализовано двенадцать проектов по "
    "восстановлению оросительных каналов в районах. Финансирование проектов осуществлялось "
    "за счёт средств государственного бюджета, договоры заключены по итогам открытого "
    "тендера. Объём работ, стоимость и сроки исполнения по каждому проекту указаны в "
    "прилагаемой таблице. По обращению городской исполнительной власти в план включён также "
    "ремонт школьных зданий. Сведения по второму пункту запроса относятся к частной жизни "
    "третьих лиц и не могут быть предоставлены. Это решение можно обжаловать в "
    "административном порядке или в суде. При возникновении вопросов просим обращаться "
    "письменно в приёмную министерства."
)


def page_lines(text: str, page: int, font, width_px: int, lines: int) -> list[str]:
    """Return ``lines`` lines of ``text``'s sentences, shuffled for ``page``, wrapped to fit."""
    sentences = [s.strip() + "." for s in text.split(".") if s.strip()]
    rng = random.Random(page)
    words: list[str] = []
    while len(words) < lines * 20:
        rng.shuffle(sentences)
        words.extend(" ".join(sentences).split())
    out, line = [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) > width_px and line:
            out.append(line)
            line = word
            if len(out) == lines:
                break
        else:
            line = candidate
    return out


def draw_page(lines: list[str], dpi: int = 300):
    """Return an A4 page at ``dpi`` (greyscale) with ``lines`` in 12-point serif type."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)
    font = ImageFont.truetype(FONT, round(12 * dpi / 72))
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    margin, leading = dpi, round(18 * dpi / 72)  # one-inch margins, 18-point lines
    for number, line in enumerate(lines):
        draw.text((margin, margin + number * leading), line, fill=0, font=font)
    return image


def degrade(image, seed: int):
    """Return ``image`` as a worse scanner gives it: turned 2°, speckled, at 200 dpi."""
    from PIL import Image, ImageDraw

    turned = image.rotate(2, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = random.Random(seed)
    draw = ImageDraw.Draw(turned)
    specks = turned.width * turned.height // 400  # dust and toner: 0.25 % of the pixels
    for _ in range(specks):
        x, y = rng.randrange(turned.width), rng.randrange(turned.height)
        draw.point((x, y), fill=0 if rng.random() < 0.5 else 255)
    size = (round(turned.width * 200 / 300), round(turned.height * 200 / 300))
    return turned.resize(size, Image.Resampling.LANCZOS)


def letter(pages: int) -> tuple[list, list[tuple[str, list[str]]]]:
    """Return the page images of the letter at 300 dpi and each page's language and lines."""
    from PIL import ImageFont

    font = ImageFont.truetype(FONT, 50)
    width = round(A4_INCHES[0] * 300) - 2 * 300
    known = []
    for page in range(pages):
        lang, text = ("az", AZ) if page < pages // 2 else ("ru", RU)
        known.append((lang, page_lines(text, page, font, width, lines=40)))
    return [draw_page(lines) for _lang, lines in known], known


def to_pdf(images, dpi: int) -> bytes:
    """Return the pages as one PDF of pictures, as a scanner writes it."""
    buf = io.BytesIO()
    first, *rest = images
    first.save(buf, format="PDF", resolution=dpi, save_all=True, append_images=rest)
    return buf.getvalue()


def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between ``a`` and ``b``."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def error_rate(known: list[str], read: str) -> tuple[int, int]:
    """Return (errors, characters) of the text ``read`` from a page showing ``known`` lines.

    Lines are compared one to one when OCR found as many (fast, and as exact); otherwise the
    page is compared as one string.
    """
    truth = [" ".join(line.split()) for line in known]
    got = [" ".join(line.split()) for line in read.splitlines() if line.strip()]
    chars = sum(len(line) for line in truth)
    if len(got) == len(truth):
        return sum(edit_distance(t, g) for t, g in zip(truth, got, strict=True)), chars
    return edit_distance(" ".join(truth), " ".join(got)), chars


def run(scan: bytes, known, workdir: Path) -> dict:
    """Upload ``scan`` as an answer, run its OCR job and publish it; return the figures."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from foi import create_app
    from foi.documents.extract import pdf_text
    from foi.extensions import db
    from foi.jobs.worker import run_job
    from foi.models import Agency, InfoRequest, Job, User
    from foi.models.base import utcnow
    from foi.search import SearchQuery
    from foi.services.answering import request_answer
    from foi.services.archive import search_results
    from foi.services.filing import request_file
    from foi.services.publishing import response_approve
    from foi.services.storage import file_store

    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{workdir / 'ocr.sqlite3'}",
        UPLOAD_DIR=str(workdir / "files"),
        QUEUE_PATH=str(workdir / "queue.sqlite3"),
        JOBS_DIR=str(workdir / "jobs"),
        MAIL_BACKEND="file",
        MAIL_DIR=str(workdir / "mail"),
        SERVER_NAME="bench.local",
    )
    with app.app_context():
        upgrade()
        agency = Agency(slug="nazirlik", name_az="Kənd Təsərrüfatı Nazirliyi", name_en="Ministry")
        db.session.add(agency)
        people = {
            role: User(
                email=f"{role}@bench.local",
                display_name=role,
                role=role,
                agency=None if role == "citizen" else agency,
                password_hash="-",
                email_confirmed_at=utcnow(),
            )
            for role in ("citizen", "officer", "coordinator")
        }
        db.session.add_all(people.values())
        db.session.commit()
        req = request_file(
            requester=people["citizen"],
            agency_id=agency.id,
            subject="Suvarma kanalları",
            body="2025-ci ildə bərpa olunan suvarma kanalları haqqında məlumat verin.",
        )
        request_answer(
            actor=people["officer"],
            req=req,
            outcome="given",
            text="Cavab əlavə olunur.",
            uploads=[(io.BytesIO(scan), "cavab.pdf")],
        )
        (job_id,) = db.session.scalars(select(Job.id).where(Job.kind == "ocr"))
        request_id, coordinator_id = req.id, people["coordinator"].id
        db.session.remove()

        started = time.perf_counter()
        run_job(app, job_id)
        ocr_s = time.perf_counter() - started
        req = db.session.get(InfoRequest, request_id)
        response_approve(actor=db.session.get(User, coordinator_id), req=req)
        whole_s = time.perf_counter() - started

        (doc,) = [d for d in req.documents if d.source == "response"]
        found = search_results(SearchQuery(q="suvarma")).total
        pages = pdf_text(file_store().path(doc.sha256)).split("\f")
    figures: dict = {"pages": len(known), "ocr_s": round(ocr_s, 1), "whole_s": round(whole_s, 1)}
    figures["pages_per_minute"] = round(len(known) * 60 / whole_s, 1)
    for lang in ("az", "ru"):
        errors = chars = 0
        for (page_lang, lines), text in zip(known, pages, strict=False):
            if page_lang == lang:
                e, c = error_rate(lines, text)
                errors, chars = errors + e, chars + c
        figures[f"cer_{lang}_%"] = round(100 * errors / max(chars, 1), 2)
    figures["state"] = doc.ocr_state
    figures["found_in_archive"] = found
    return figures


def main() -> None:
    """Time the OCR job on a clean and a degraded scan; print the figures."""
    from benchmarks.search import machine
    from foi.documents.ocr import ocr_missing

    why = ocr_missing()
    if why:
        print(f"OCR benchmark skipped: {why} (make ocr installs it)")
        return
    pages = int(os.environ.get("FOI_BENCH_OCR_PAGES", "10"))
    images, known = letter(pages)
    scans = {
        "clean, 300 dpi": to_pdf(images, 300),
        "degraded (2°, speckles, 200 dpi)": to_pdf(
            [degrade(image, n) for n, image in enumerate(images)], 200
        ),
    }
    print(machine(), flush=True)
    for name, scan in scans.items():
        with tempfile.TemporaryDirectory(prefix="foi-bench-ocr-") as tmp:
            figures = run(scan, known, Path(tmp))
        print(f"{name}: {figures}", flush=True)
