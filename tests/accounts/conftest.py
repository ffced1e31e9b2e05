"""Helpers for the account tests: links read from the e-mail really sent."""

import re

import pytest

from foi.mail.delivery import deliver_pending
from foi.models.base import utcnow


@pytest.fixture
def mailed_link(mail_server):
    """Return the path of the newest link to ``address`` containing ``path``."""

    def find(address: str, path: str) -> str:
        deliver_pending(utcnow())
        bodies = [m.get_content() for m in mail_server.to(address)]
        links = [u for b in bodies for u in re.findall(r"https?://\S+", b) if path in u]
        assert links, bodies
        return links[-1].split("foi.test", 1)[1]

    return find
