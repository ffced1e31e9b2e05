"""Errors raised by the deadline engine, each with a sentence a person can read."""


class LawError(Exception):
    """A request that the law, as encoded in a rule pack, does not allow."""

    #: A stable key that translations and API clients can match on.
    key = "law_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UnknownLaw(LawError, KeyError):
    """No rule pack is registered under the code that was asked for."""

    key = "unknown_law"


class ExtensionNotAllowed(LawError):
    """An extension goes beyond what the law allows, or the law allows none.

    ``why`` says which rule refused it (``no_extension``, ``after_due``, ``not_later``,
    ``beyond_ceiling``) and ``details`` its figures (article, ceiling, days still possible),
    so that a service can say it in the reader's language.
    """

    key = "extension_not_allowed"

    def __init__(self, message: str, why: str = "", **details: object) -> None:
        super().__init__(message)
        self.why = why
        self.details = details


class UrgencyNotAvailable(LawError):
    """The law has no shortened period for the urgency that was asked for."""

    key = "urgency_not_available"
