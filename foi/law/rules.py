"""The shape of a rule pack: one jurisdiction's access-to-information law as data."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any, Literal

#: How a period is measured. "working_days" skip the calendar's days off; "days" and "months"
#: are calendar periods (with the pack's roll-forward rule); "hours" are elapsed clock hours;
#: "working_hours" are clock hours that only run on working days (AZ art. 24.3).
Unit = Literal["working_days", "days", "months", "hours", "working_hours"]

#: What happens to the clock when the event ends a pause: "restart" counts the whole period
#: again from the new registration; "resume" counts only what was left when the clock stopped.
Effect = Literal["restart", "resume"]

Text = Mapping[str, str]


@dataclass(frozen=True)
class Period:
    """An amount of time the law sets, with the article that sets it."""

    amount: int
    unit: Unit
    article: str

    @property
    def in_working_days(self) -> int | None:
        """Return the amount if the period is counted in working days, else None."""
        return self.amount if self.unit == "working_days" else None


@dataclass(frozen=True, eq=False)
class RefusalGround:
    """A ground on which a holder may refuse or restrict access, with its article."""

    code: str
    article: str
    title: Text


@dataclass(frozen=True, eq=False)
class OversightBody:
    """The body a requester complains to, and the article that gives it the power."""

    name: Text
    article: str
    description: Text
    url: str = ""


@dataclass(frozen=True, eq=False)
class HolidaySource:
    """Where the calendar's public holidays come from in the `holidays` package.

    Several subdivisions are merged into one set: a day off in any of them is a day off
    (UK FOIA s.10(6): a bank holiday "in any part of the United Kingdom").
    """

    country: str
    subdivisions: tuple[str | None, ...] = (None,)
    categories: tuple[str, ...] = ("public",)
    #: Holiday names come from the package in these languages; others fall back to English.
    languages: Mapping[str, str] = field(default_factory=lambda: {"en": "en_US"})
    #: Human names of the subdivisions, appended to a holiday kept by only some of them.
    subdivision_names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class RulePack:
    """One law's deadlines, extensions, refusal grounds and oversight, each with its article.

    Packs are immutable; derive a variant with :meth:`with_options`, e.g.
    ``get_pack("az").with_options(registered_on_receipt=False)``.
    """

    code: str
    timezone: str
    name: Text
    jurisdiction: Text
    response: Period
    holidays: HolidaySource
    oversight: OversightBody
    refusal_grounds: tuple[RefusalGround, ...] = ()
    #: Shortened periods by urgency ("timeliness", "life").
    urgent: Mapping[str, Period] = field(default_factory=dict)
    #: True: a request is registered on the day it arrives, whatever the day or hour.
    #: False: one arriving on a day off, or after `office_closes_at`, is registered on the
    #: next working day.
    registered_on_receipt: bool = True
    office_closes_at: time = time(18, 0)
    registration_article: str = ""
    #: True: day 1 is the first working day after registration (AZ 24.5, UK s.10(1)).
    counts_from_next_working_day: bool = True
    #: The holder's time to tell the requester what is missing from a deficient request.
    clarification: Period | None = None
    clarification_effect: Effect = "restart"
    clarification_effect_article: str = ""
    #: The ceiling of all extensions together, counted from the original due date.
    extension: Period | None = None
    extension_notice: Period | None = None
    #: The time the first holder has to forward a request to the competent one.
    transfer: Period | None = None
    transfer_article: str = ""
    #: US: the receiving component's clock starts no later than this after first receipt.
    transfer_start_cap: Period | None = None
    #: Generic stop of the clock (fees and the like), resumed with the time that was left.
    pause_article: str = ""
    #: Calendar periods ending on a day off move to the next working day (BGB §193).
    roll_forward: bool = False
    roll_forward_article: str = ""
    #: The oversight or appeal body's own time to decide, and its extension.
    complaint: Period | None = None
    complaint_extension: Period | None = None
    #: The requester's time to lodge a complaint or appeal, from the decision or the due date.
    complaint_window: Period | None = None
    refusal_article: str = ""
    refusal_requirements: Text = field(default_factory=dict)
    weekend: frozenset[int] = frozenset({5, 6})
    sources: tuple[str, ...] = ()

    @property
    def response_article(self) -> str:
        """Return the citation of the ordinary response period."""
        return self.response.article

    @property
    def transfer_working_days(self) -> int | None:
        """Return the working days a holder has to forward a request, if so counted."""
        return self.transfer.in_working_days if self.transfer else None

    @property
    def max_extension_working_days(self) -> int | None:
        """Return the ceiling of extensions in working days, or None if there is none."""
        return self.extension.in_working_days if self.extension else None

    @property
    def clarification_working_days(self) -> int | None:
        """Return the working days a holder has to point out what a request lacks."""
        return self.clarification.in_working_days if self.clarification else None

    @property
    def urgencies(self) -> tuple[str, ...]:
        """Return the urgency codes this law shortens the period for."""
        return tuple(self.urgent)

    def refusal_ground(self, code: str) -> RefusalGround:
        """Return the refusal ground with this code, or raise LookupError."""
        for ground in self.refusal_grounds:
            if ground.code == code:
                return ground
        raise LookupError(f"{self.code}: no refusal ground {code!r}")

    def with_options(self, **changes: Any) -> RulePack:
        """Return a copy of the pack with some fields changed."""
        return dataclasses.replace(self, **changes)
