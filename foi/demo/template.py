"""The shape of one demo request before names, places, years and outcomes are filled in."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestTemplate:
    """A request subject and text for one agency, with the answer a full disclosure gives.

    ``subject``, ``body`` and ``answer`` may hold the placeholders ``{year}`` (a past year),
    ``{ilde}`` (Azerbaijani "in <year>", e.g. ``2024-cü ildə``), ``{place}`` (nominative, e.g.
    ``Şəki rayonu``), ``{place_loc}`` (locative, ``Şəki rayonunda``), ``{place_en}`` and
    ``{place_ru}`` (Russian prepositional with its preposition, ``в Шеки``). ``alt`` names an
    agency that may hold the information instead (used for transfers and "not held" answers).
    """

    agency_slug: str
    lang: str
    subject: str
    body: str
    answer: str
    alt: str | None = None
