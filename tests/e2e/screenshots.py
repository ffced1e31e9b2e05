"""Take the screenshots of docs/screenshots/ from a running demo site.

    FOI_INSTANCE_DIR=/tmp/shots .venv/bin/flask --app wsgi db upgrade
    FOI_INSTANCE_DIR=/tmp/shots .venv/bin/flask --app wsgi foi seed-demo
    FOI_INSTANCE_DIR=/tmp/shots .venv/bin/flask --app wsgi run --port 5077 &
    .venv/bin/python -m tests.e2e.screenshots --base http://127.0.0.1:5077 --out docs/screenshots

Each picture is the top of the page (not the whole scroll), reduced to 256 colours so that it
stays well under 300 KB in the repository.
"""

from __future__ import annotations

import argparse
import io
import shutil
from pathlib import Path

from tests.e2e.conftest import CHROMIUM_ARGS, DESKTOP, PHONE

DEMO_PASSWORD = "demo-password"
DEMO_TOTP_SECRET = "FOIDEMOSECONDFACTORFORSTAFFONLY2"  # foi.services.demo prints it too
CITIZEN = "citizen1@demo.foi.az"
OFFICER = "officer1.tax@demo.foi.az"  # the tax service has overdue requests to show
LIMIT = 300 * 1024


def save(page, out: Path, name: str, *, height: int | None = None) -> Path:
    """Screenshot the top of ``page`` (``height`` CSS px, default the viewport) as a small PNG."""
    from PIL import Image

    viewport = page.viewport_size
    clip = {
        "x": 0,
        "y": 0,
        "width": viewport["width"],
        "height": min(
            height or viewport["height"], page.evaluate("document.documentElement.scrollHeight")
        ),
    }
    image = Image.open(io.BytesIO(page.screenshot(clip=clip, full_page=True)))
    path = out / f"{name}.png"
    image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        path, optimize=True
    )
    size = path.stat().st_size
    assert size < LIMIT, f"{path} is {size // 1024} KB"
    print(f"{path}  {size // 1024} KB")
    return path


def follow(page, link) -> None:
    """Click ``link`` and wait for the page it opens."""
    with page.expect_navigation():
        link.click()


def log_in(page, email: str, language: str) -> None:
    """Log in and choose ``language`` with the header's buttons (the account has its own)."""
    page.goto("/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(DEMO_PASSWORD)
    follow(page, page.locator("main form button[type=submit]"))
    if page.url.endswith("/login/second-factor"):  # demo staff: the key seed-demo printed
        import pyotp

        page.locator("#code").fill(pyotp.TOTP(DEMO_TOTP_SECRET).now())
        follow(page, page.locator("main form button[type=submit]"))
    follow(page, page.locator(f'.lang-switch button[value="{language}"]'))


def take(base: str, out: Path) -> None:
    """Visit the main pages as a reader, a citizen and an officer, and save them."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)

        def context(viewport=DESKTOP, locale="en-GB"):
            page = browser.new_context(viewport=viewport, locale=locale, base_url=base).new_page()
            page.set_default_timeout(15_000)
            return page

        reader = context(locale="az")  # the site's own language, as most visitors see it
        reader.goto("/")
        save(reader, out, "home")

        reader = context()
        reader.goto("/archive?q=statistika")
        save(reader, out, "archive-search", height=1100)
        follow(reader, reader.locator(".results a").first)
        save(reader, out, "request-public", height=1100)

        citizen = context()
        log_in(citizen, CITIZEN, "en")
        citizen.goto("/my/requests")
        save(citizen, out, "my-requests", height=1000)
        follow(citizen, citizen.locator("td a").first)
        save(citizen, out, "request-citizen", height=1000)
        citizen.goto("/requests/new")
        with citizen.expect_navigation():
            citizen.locator("main form[enctype] button[type=submit]").click()
        save(citizen, out, "filing-form-error", height=1100)

        officer = context()
        log_in(officer, OFFICER, "en")
        officer.goto("/officer/")
        save(officer, out, "officer-queue", height=1100)
        follow(officer, officer.locator("td a").first)
        save(officer, out, "officer-request", height=1300)

        phone = context(viewport=PHONE, locale="az")
        log_in(phone, CITIZEN, "az")
        phone.goto("/requests/new")
        save(phone, out, "phone-filing-form", height=1500)
        phone.goto("/my/requests")
        save(phone, out, "phone-my-requests")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:5077")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    take(args.base.rstrip("/"), args.out)


if __name__ == "__main__":
    main()
