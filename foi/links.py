"""Absolute links to the public site, for e-mails, PDFs and exports: built from ``SITE_URL``.

E-mails, PDFs and export files are read away from the site, and many are written by the
scheduler or a CLI command with no web request around. So every link that leaves the site is
built from the configured public address (``FOI_SITE_URL``, path prefix included), inside a
request or not: the same message gets the same links whoever triggered it, and no Host header a
stranger sends can put another site into someone's password-reset e-mail.

Pages keep ``url_for`` (relative links within the site); services, mail, jobs and documents
ask this module, the one place that names the web endpoints they link to. It needs an app
context (for the app's routes and configuration), never a request context.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from flask import current_app
from werkzeug.routing import MapAdapter

#: What the adapter cache in ``app.extensions`` is stored under.
_CACHE_KEY = "foi.links"


def _adapter() -> MapAdapter:
    """Return the app's routes bound to ``SITE_URL``, bound once per app and address."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    site_url = app.config["SITE_URL"]
    cached = app.extensions.get(_CACHE_KEY)
    if cached is None or cached[0] != site_url:
        site = urlsplit(site_url)
        adapter = app.url_map.bind(
            site.netloc, script_name=site.path or "/", url_scheme=site.scheme or "https"
        )
        cached = app.extensions[_CACHE_KEY] = (site_url, adapter)
    return cached[1]


def absolute(endpoint: str, **values: object) -> str:
    """Return the public absolute URL of a web endpoint (for exports that take a link maker)."""
    return _adapter().build(endpoint, values, force_external=True)


def public_request(reference: str) -> str:
    """Return the archive page of a published request: anyone may open it."""
    return absolute("archive.request_page", reference=reference)


def public_file(reference: str, doc_id: int) -> str:
    """Return the download of a released file of a published request."""
    return absolute("archive.download", reference=reference, doc_id=doc_id)


def requester_request(reference: str) -> str:
    """Return the requester's own page of their request (sign-in needed)."""
    return absolute("citizen.request_detail", reference=reference)


def staff_request(reference: str) -> str:
    """Return the agency staff's page of a request (sign-in needed)."""
    return absolute("officer.request_detail", reference=reference)


def oversight_request(reference: str) -> str:
    """Return the oversight body's dossier of a request (sign-in needed)."""
    return absolute("oversight.dossier", reference=reference)


def register() -> str:
    """Return the page where a person opens an account."""
    return absolute("auth.register")


def officer_queue() -> str:
    """Return the officers' queue of open requests."""
    return absolute("officer.queue")


def confirm_address(token: str) -> str:
    """Return the link that confirms a new account's e-mail address."""
    return absolute("auth.confirm", token=token)


def reset_password(token: str) -> str:
    """Return the link that lets a person choose a new password."""
    return absolute("auth.reset_password", token=token)


def accept_invitation(token: str) -> str:
    """Return the link with which an invited person sets their first password."""
    return absolute("auth.accept_invitation", token=token)


def unlock_login(token: str) -> str:
    """Return the link that lifts a login lock (e-mailed to the account's owner)."""
    return absolute("auth.login_unlock", token=token)


def confirm_email_change(token: str) -> str:
    """Return the link that confirms a changed e-mail address."""
    return absolute("auth.confirm_email_change", token=token)


class RequestLinks:
    """Links to many requests' pages at once: one route build per kind, not per message.

    A sweep that e-mails thousands of people builds each kind of link once with a placeholder
    and puts each reference in; the result is the same string ``requester_request`` builds.
    """

    _PLACEHOLDER = "REFERENCE"

    def __init__(self) -> None:
        self._templates: dict[str, str] = {}

    def _link(self, endpoint: str, reference: str) -> str:
        if endpoint not in self._templates:
            self._templates[endpoint] = absolute(endpoint, reference=self._PLACEHOLDER)
        return self._templates[endpoint].replace(self._PLACEHOLDER, quote(reference, safe=""))

    def requester_request(self, reference: str) -> str:
        """Return the requester's page of the request (as :func:`requester_request`)."""
        return self._link("citizen.request_detail", reference)

    def staff_request(self, reference: str) -> str:
        """Return the staff's page of the request (as :func:`staff_request`)."""
        return self._link("officer.request_detail", reference)


def job_page(job_id: int) -> str:
    """Return the page of a job of the task queue (its owner follows and downloads it there)."""
    return absolute("jobs.job_page", job_id=job_id)


def my_follows() -> str:
    """Return the page listing what the signed-in person follows (to stop following)."""
    return absolute("archive.my_follows")


def archive_search(**args: str) -> str:
    """Return the archive's search page for those query-string fields."""
    return absolute("archive.search", **args)
