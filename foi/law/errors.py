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
    """An extension goes beyond what the law allows, or the law allows none."""

    key = "extension_not_allowed"


class UrgencyNotAvailable(LawError):
    """The law has no shortened period for the urgency that was asked for."""

    key = "urgency_not_available"
