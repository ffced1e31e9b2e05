"""Administrators keep each law's calendar of extra days off and working days."""

from __future__ import annotations

import calendar as monthly
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date, get_day_names
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, RadioField, StringField
from wtforms.validators import DataRequired, Length, Optional

from foi.i18n import current_locale
from foi.law import WorkingCalendar, available_packs, pack_codes
from foi.models.calendar import DAY_OFF, WORKING_DAY
from foi.services.calendar import (
    DeadlineMove,
    calendar_exception_add,
    calendar_exception_remove,
    calendar_exceptions,
)
from foi.services.deadlines import law_calendar
from foi.services.errors import DomainError
from foi.web.admin import bp
from foi.web.admin.views import admin_only
from foi.web.forms import form_status, show_error
from foi.web.numbers import query_int

MIN_YEAR, MAX_YEAR = 2000, 2100

# What each kind of day is called on the page; the short mark is shown in the grid beside
# the day number so that the meaning never depends on colour.
DAY_STATES = {
    "working": ("", None),
    "weekend": ("", _l("weekend")),
    "holiday": (_l("H"), _l("public holiday")),
    "admin_off": (_l("X"), _l("day off set by the administrator")),
    "admin_working": (_l("W"), _l("working day set by the administrator")),
    "weekend_working": (_l("W"), _l("weekend day made a working day")),
}


class ExceptionForm(FlaskForm):
    """Declare a day off or a working day in a law's calendar."""

    day = DateField(_l("Date"), validators=[DataRequired(message=_l("Enter a date."))])
    kind = RadioField(
        _l("The day becomes"),
        default=DAY_OFF,
        choices=[
            (DAY_OFF, _l("A day off (election, mourning, moved holiday)")),
            (WORKING_DAY, _l("A working day (a weekend day worked instead of another)")),
        ],
        validators=[DataRequired()],
    )
    reason = StringField(
        _l("Reason"),
        validators=[Optional(), Length(max=300)],
        description=_l("Shown in deadline explanations, e.g. “Election day”."),
    )


class RemoveForm(FlaskForm):
    """Withdraw the exception of one day."""

    day = HiddenField(validators=[DataRequired()])


@dataclass
class DayCell:
    """One day of the calendar page: its state, mark and name."""

    day: date
    state: str
    mark: str
    label: str  # the state in words, for screen readers and the title
    name: str  # the holiday's or exception's name, if any


def _year_arg() -> int:
    year = query_int("year", strict=False) or date.today().year
    return min(max(year, MIN_YEAR), MAX_YEAR)


def _law_arg(source=None) -> str:
    code = (source or request.args).get("law", "az")
    return code if code in pack_codes() else "az"


def day_cell(cal: WorkingCalendar, day: date, exceptions: dict, lang: str) -> DayCell:
    """Describe one day of the grid: what kind of day it is and why."""
    reason = cal.day_off_reason(day)
    name = reason.get(lang, reason["en"]) if reason else ""
    found = exceptions.get(day)
    if found is not None:
        state = "admin_off" if found.kind == DAY_OFF else "admin_working"
        name = found.reason
    elif reason is None:
        state = "weekend_working" if day.weekday() in cal.weekend else "working"
    elif cal.is_public_holiday(day):
        state = "holiday"
    else:
        state, name = "weekend", ""
    mark, label = DAY_STATES[state]
    return DayCell(day, state, str(mark), str(label or ""), name)


def year_grid(law_code: str, year: int, lang: str) -> list[dict]:
    """Return the year as 12 months of Monday-first weeks of day cells (None outside)."""
    cal = law_calendar(law_code)
    exceptions = {e.day: e for e in calendar_exceptions(law_code, year)}
    weeks = monthly.Calendar(firstweekday=0)
    months = []
    for month in range(1, 13):
        rows = [
            [day_cell(cal, d, exceptions, lang) if d.month == month else None for d in week]
            for week in weeks.monthdatescalendar(year, month)
        ]
        months.append(
            {"name": format_date(date(year, month, 1), "LLLL yyyy", locale=lang), "weeks": rows}
        )
    return months


def _render(law: str, year: int, form: ExceptionForm, status: int = 200):
    lang = current_locale()
    months = year_grid(law, year, lang)
    special = [
        c
        for m in months
        for w in m["weeks"]
        for c in w
        if c and c.state not in ("working", "weekend")
    ]
    names = get_day_names("abbreviated", locale=lang)
    long_names = get_day_names("wide", locale=lang)
    return render_template(
        "admin/calendar.html",
        law=law,
        year=year,
        months=months,
        special=special,
        packs=available_packs(),
        form=form,
        remove_form=RemoveForm(),
        locale=lang,
        weekdays=[(names[i], long_names[i]) for i in range(7)],
        exceptions=calendar_exceptions(law, year),
        states=DAY_STATES,
        min_year=MIN_YEAR,
        max_year=MAX_YEAR,
    ), status


def _flash_moves(moves: list[DeadlineMove]) -> None:
    if not moves:
        flash(_("Saved. No open deadline was affected."), "success")
        return
    refs = ", ".join(m.reference for m in moves[:10]) + (" …" if len(moves) > 10 else "")
    flash(
        ngettext(
            "Saved. %(num)d open deadline moved: %(refs)s.",
            "Saved. %(num)d open deadlines moved: %(refs)s.",
            len(moves),
            refs=refs,
        ),
        "success",
    )


@bp.get("/calendar")
@admin_only
def calendar():
    """Show a law's year: holidays, exceptions, and the form to add one."""
    return _render(_law_arg(), _year_arg(), ExceptionForm())


@bp.post("/calendar/add")
@admin_only
def calendar_add():
    """Add a day off or a working day; list the deadlines it moved."""
    law, year = _law_arg(request.form), _year_arg()
    form = ExceptionForm()
    if form.validate_on_submit():
        try:
            moves = calendar_exception_add(
                actor=current_user,
                law_code=law,
                day=form.day.data,
                kind=form.kind.data,
                reason=form.reason.data or "",
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            _flash_moves(moves)
            return redirect(url_for("admin.calendar", law=law, year=form.day.data.year))
    return _render(law, year, form, form_status(form))


@bp.post("/calendar/remove")
@admin_only
def calendar_remove():
    """Withdraw a day's exception; list the deadlines it moved back."""
    law, year = _law_arg(request.form), _year_arg()
    form = RemoveForm()
    try:
        day = date.fromisoformat(form.day.data or "")
    except ValueError:
        day = None
    if day is None or not form.validate_on_submit():
        flash(_("Choose an exception to remove."), "error")
        return redirect(url_for("admin.calendar", law=law, year=year))
    try:
        moves = calendar_exception_remove(actor=current_user, law_code=law, day=day)
    except DomainError as exc:
        flash(str(exc.message), "error")
    else:
        _flash_moves(moves)
    return redirect(url_for("admin.calendar", law=law, year=day.year))
