"""Deliver outbox messages through SMTP, to .eml files, or to the console."""
import smtplib
import sys
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path


class TemporaryFailure(Exception):
    """Try again later: the server was unreachable or answered 4xx."""


class PermanentFailure(Exception):
    """Give up: the server answered 5xx."""


def build_message(sender: str, to_addr: str, subject: str, body: str, key: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to_addr
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="foi.local")
    msg["X-FOI-Key"] = key  # lets a reader (or a test) tie a delivered message to its outbox row
    msg.set_content(body)
    return msg


def send(config: dict, msg: EmailMessage) -> None:
    """Send one message with the configured backend, classifying failures for retry."""
    backend = config["MAIL_BACKEND"]
    if backend == "console":
        print(msg.as_string(), file=sys.stdout, flush=True)
        return
    if backend == "file":
        folder = Path(config["MAIL_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        safe_key = "".join(c if c.isalnum() or c in "-_." else "_" for c in msg["X-FOI-Key"])
        (folder / f"{safe_key}.eml").write_bytes(bytes(msg))
        return
    try:
        with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"],
                          timeout=config["SMTP_TIMEOUT"]) as smtp:
            if config.get("SMTP_STARTTLS"):
                smtp.starttls()
            if config.get("SMTP_USER"):
                smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
            smtp.send_message(msg)
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise TemporaryFailure(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
        raise PermanentFailure(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentFailure(str(exc)) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise TemporaryFailure(str(exc) or exc.__class__.__name__) from exc
