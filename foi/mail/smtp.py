"""Deliver outbox messages through SMTP, to .eml files, or to the console."""

from __future__ import annotations

import hashlib
import smtplib
import socket
import sys
import time
from collections.abc import Mapping
from email.charset import Charset
from email.header import Header
from email.message import Message
from email.mime.text import MIMEText
from email.utils import formatdate, getaddresses
from pathlib import Path

#: A connection unused for longer than this is checked with NOOP before the next message.
IDLE_CHECK_SECONDS = 5.0


class TemporaryFailure(Exception):
    """Try again later: the server was unreachable or answered 4xx."""


class PermanentFailure(Exception):
    """Give up: the server answered 5xx."""


def message_id(key: str, domain: str = "foi.local") -> str:
    """Return a Message-ID derived from the outbox key.

    A message sent twice (the process died after the server accepted it but before the outbox
    row was marked sent) carries the same Message-ID both times, so mail stores that drop
    duplicates by Message-ID show it once.
    """
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"<{digest}@{domain}>"


def _header(value: str) -> str | Header:
    return value if value.isascii() else Header(value, "utf-8")


def build_message(sender: str, to_addr: str, subject: str, body: str, key: str) -> Message:
    """Build the e-mail for one outbox row: UTF-8 plain text, headers encoded as needed.

    The classic ``email.mime`` classes, not ``EmailMessage``: they build and flatten a message
    about four times faster, which matters when thousands of reminders go out in one run.
    """
    msg = MIMEText(body, "plain", "utf-8")
    msg["From"] = _header(sender)
    msg["To"] = to_addr
    msg["Subject"] = _header(subject)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id(key)
    msg["X-FOI-Key"] = key  # lets a reader (or a test) tie a delivered message to its outbox row
    return msg


def readable_copy(msg: Message) -> bytes:
    """Return the message with its text as plain 8-bit UTF-8, for a person reading the file."""
    charset = Charset("utf-8")
    charset.body_encoding = None  # no base64: the .eml opens readable in any text editor
    copy = MIMEText(msg.get_payload(decode=True).decode("utf-8"), "plain", charset)
    for name, value in msg.items():
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            copy[name] = value
    return bytes(copy)


class Sender:
    """Send messages with the configured backend, over one SMTP connection reused per run.

    Use as a context manager; :meth:`send` classifies failures as temporary or permanent.
    """

    def __init__(self, config: Mapping) -> None:
        self.config = config
        self.backend = config["MAIL_BACKEND"]
        self._smtp: smtplib.SMTP | None = None
        self._used = 0.0

    def __enter__(self) -> Sender:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Say QUIT and drop the connection, ignoring a server that is already gone."""
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None

    def send(self, msg: Message) -> None:
        """Hand one message over; return only once the server accepted it."""
        if self.backend == "console":
            print(msg.as_string(), file=sys.stdout, flush=True)
            return
        if self.backend == "file":
            folder = Path(self.config["MAIL_DIR"])
            folder.mkdir(parents=True, exist_ok=True)
            safe_key = "".join(c if c.isalnum() or c in "-_." else "_" for c in msg["X-FOI-Key"])
            (folder / f"{safe_key}.eml").write_bytes(readable_copy(msg))
            return
        try:
            envelope_from = getaddresses([str(self.config["MAIL_FROM"])])[0][1]
            data = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))  # SMTP wants CRLF
            self._connection().sendmail(envelope_from, [msg["To"]], data)
        except smtplib.SMTPRecipientsRefused as exc:
            self.close()
            codes = [code for code, _text in exc.recipients.values()]
            if codes and all(400 <= code < 500 for code in codes):
                raise TemporaryFailure(str(exc)) from exc
            raise PermanentFailure(str(exc)) from exc
        except smtplib.SMTPResponseException as exc:
            self.close()  # the session's state is unknown after a refusal: start afresh
            if 400 <= exc.smtp_code < 500:
                raise TemporaryFailure(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
            raise PermanentFailure(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise TemporaryFailure(str(exc) or exc.__class__.__name__) from exc

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None:
            if time.monotonic() - self._used < IDLE_CHECK_SECONDS:
                self._used = time.monotonic()
                return self._smtp
            # Idle for a while: the server may have hung up. Ask before sending, never after,
            # so that a message is never sent twice because a reply went missing.
            try:
                if self._smtp.noop()[0] == 250:
                    self._used = time.monotonic()
                    return self._smtp
            except (OSError, smtplib.SMTPException):
                pass
            self.close()
        config = self.config
        smtp = smtplib.SMTP(
            config["SMTP_HOST"], config["SMTP_PORT"], timeout=config["SMTP_TIMEOUT"]
        )
        try:
            # smtplib writes a command and its data in separate small packets; without this,
            # Nagle's algorithm and delayed ACKs add ~40 ms to every message.
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if config.get("SMTP_STARTTLS"):
                smtp.starttls()
            if config.get("SMTP_USER"):
                smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        self._used = time.monotonic()
        return smtp


def send(config: Mapping, msg: Message) -> None:
    """Send one message on its own connection (for callers outside the delivery loop)."""
    with Sender(config) as sender:
        sender.send(msg)
