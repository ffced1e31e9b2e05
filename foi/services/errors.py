"""Domain errors with messages a person can read in their own language."""

from flask_babel import lazy_gettext as _l


class DomainError(Exception):
    """A use case refused: ``message`` is shown to the user, ``field`` names the form field.

    ``code``, when set, is a stable key of the refusal (a law's, e.g.
    ``extension_not_allowed.beyond_ceiling``) that an API client can match on.
    """

    def __init__(self, message, field: str | None = None, *, code: str | None = None):
        # Keep the lazy string: it is translated when shown, in the reader's language.
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


class NotFound(DomainError):
    """The object does not exist or this person may not know that it does (404, never 403)."""

    def __init__(self):
        super().__init__(_l("Not found."))


class NotAllowed(DomainError):
    """The person may see the object but not do this to it in its current state."""
