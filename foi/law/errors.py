"""Errors raised by the deadline engine: a stable code and its figures, and an English sentence.

The law is pure: it knows neither Flask nor the translation catalogues. Each refusal carries
``code`` (a stable key that API clients can match on) and ``params`` (the figures it names);
foi.services.law_messages says it in the language of whoever reads it. ``message`` is the
English sentence, for logs and the command line.
"""

from collections.abc import Mapping


class LawError(Exception):
    """A request that the law, as encoded in a rule pack, does not allow."""

    #: The stable key of the kind of refusal; ``code`` refines it by the rule that refused.
    key = "law_error"

    def __init__(
        self, message: str, *, code: str = "", params: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.key
        self.params: dict[str, object] = dict(params or {})

    def __str__(self) -> str:
        return self.message


class UnknownLaw(LawError, KeyError):
    """No rule pack is registered under the code that was asked for."""

    key = "unknown_law"


class ExtensionNotAllowed(LawError):
    """An extension goes beyond what the law allows, or the law allows none.

    ``why`` says which rule refused it (``no_extension``, ``after_due``, ``not_later``,
    ``beyond_ceiling``, ``no_complaint_extension``) and ``details`` its figures (article,
    ceiling, days still possible, the due date); the code is ``extension_not_allowed.<why>``.
    """

    key = "extension_not_allowed"

    def __init__(self, message: str, why: str = "", **details: object) -> None:
        super().__init__(message, code=f"{self.key}.{why}" if why else "", params=details)
        self.why = why
        self.details = details


class UrgencyNotAvailable(LawError):
    """The law has no shortened period for the urgency that was asked for."""

    key = "urgency_not_available"
