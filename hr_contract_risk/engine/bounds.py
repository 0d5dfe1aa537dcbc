"""Plausible input ranges (issue 10 point 8): ONE table, cited in the error.

A value outside its range is almost always a typing error (hire date 1900, W = 1e18, 1,000 leave days),
and it must be refused with a message naming the field and the bound before anything is written.
Pure Python; the Odoo layer passes the field label (translated) and raises a ValidationError.
"""

import math
from dataclasses import dataclass
from datetime import date

from .i18n import Msg, _lt

FIRST_YEAR = 1950
FUTURE_YEARS = 2


@dataclass(frozen=True)
class Bound:
    low: float
    high: float
    rule: str  # why this bound (law article or plausibility), shown to the user (an _lt: translate it)


MONTHLY_WAGE = Bound(0.0, 10_000_000.0, _lt("plausible monthly wage"))
# Regulations on Paid Annual Leave Art. 3 (at most 15 days a year) + Art. 5 (one year carried over)
LEAVE_DAYS = Bound(0.0, 30.0, _lt("Paid Annual Leave Reg. Art. 3 and 5: 15 days a year and one year carried over"))
BOUNDS = {
    # money, per month
    "average_monthly_wage": MONTHLY_WAGE,
    "previous_month_wage": MONTHLY_WAGE,
    "leave_wage": MONTHLY_WAGE,
    "local_average_wage": MONTHLY_WAGE,
    "local_minimum_wage": MONTHLY_WAGE,
    "enterprise_average_wage": MONTHLY_WAGE,
    "monthly_gross_pay": MONTHLY_WAGE,
    "untaken_leave_days": LEAVE_DAYS,
    "leave_days_taken": LEAVE_DAYS,
    # 50 years of contributions
    "ui_contribution_months": Bound(0.0, 600.0, _lt("at most 50 years of contributions")),
    "medical_subsidy_months": Bound(0.0, 120.0, _lt("plausible number of months")),
    # Work-Related Injury Insurance Regulations Arts. 35-37
    "disability_grade": Bound(0.0, 10.0, _lt("Work-Related Injury Insurance Regulations: disability grades 1 to 10, "
                                             "0 for none")),
    "disability_subsidy_months": Bound(0.0, 120.0, _lt("plausible number of months")),
    # Annual Leave Implementing Measures Art. 9: leave arranged across at most one year (15 days at most)
    "carried_leave_days": Bound(0.0, 15.0, _lt("Annual Leave Implementing Measures Art. 9: at most one year carried "
                                               "over, 15 days")),
    # Paid Annual Leave Regulations Art. 4: sick leave and personal leave of the current year
    "sick_leave_months": Bound(0.0, 12.0, _lt("at most the 12 months of the year")),
    "personal_leave_days": Bound(0.0, 366.0, _lt("at most the days of the year")),
    # LCL 22: a training service period and the training cost it secures (no statutory cap: plausibility)
    "training_service_months": Bound(0.0, 120.0, _lt("plausible service period, at most 10 years")),
    "training_cost": Bound(0.0, 10_000_000.0, _lt("plausible training cost")),
    # attrition what-if: a raise or a cut of the wage now (-100 % would be no wage at all)
    "wage_change_pct": Bound(-90.0, 200.0, _lt("plausible wage change, from a 90 % cut to a 200 % raise")),
    # incentive recommendation (engine/incentives.py): a suggested raise, a bonus or a training budget
    "raise_pct": Bound(0.0, 50.0, _lt("plausible raise, at most 50 %")),
    "incentive_amount": Bound(0.0, 10_000_000.0, _lt("plausible amount")),
    "pay_months_per_year": Bound(1.0, 24.0, _lt("plausible months of pay a year (a 13th or 14th month included)")),
}
# A fixed term longer than this is a typing error (an open-ended contract has no end date, LCL Art. 14)
CONTRACT_TERM_YEARS = 20
DATE_FIELDS = ("hire_date", "termination_date", "departure_date")


class BoundsError(ValueError):
    """A value out of its plausible range; ``msg`` is a translatable Msg (``%(field)s`` left to the caller)."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


def date_range(today):
    """Plausible dates: from 1950-01-01 to today + 2 years."""
    try:
        high = today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:  # 29 February
        high = today.replace(year=today.year + FUTURE_YEARS, day=28)
    return date(FIRST_YEAR, 1, 1), high


def check_number(key, value, label=None):
    """Raise BoundsError when ``value`` (a number of field ``key``) is not finite or out of its bound."""
    bound = BOUNDS[key]
    label = label or key
    if value is None or value is False:
        return
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < bound.low or number > bound.high:
        raise BoundsError(Msg(
            _lt("%(field)s must be a number between %(low)s and %(high)s (%(rule)s); got %(value)s."),
            {"field": label, "low": _fmt(bound.low), "high": _fmt(bound.high), "rule": bound.rule,
             "value": value}))


def check_date(key, value, today, label=None):
    """Raise BoundsError when the date ``value`` is outside 1950-01-01 .. today + 2 years."""
    if not value:
        return
    low, high = date_range(today)
    if not low <= value <= high:
        raise BoundsError(Msg(
            _lt("%(field)s must be between %(low)s and %(high)s (plausible dates); got %(value)s."),
            {"field": label or key, "low": low.isoformat(), "high": high.isoformat(), "value": value.isoformat()}))


def check_contract_dates(date_start, date_end, today, start_label="date_start", end_label="date_end"):
    """A contract starts in the plausible range (1950 .. today + 2 years) and a fixed term ends after its start
    and at most CONTRACT_TERM_YEARS later: a 2200 end date is a typing error, not a 174-year contract."""
    check_date("date_start", date_start, today, start_label)
    if not date_start or not date_end:
        return
    try:
        high = date_start.replace(year=date_start.year + CONTRACT_TERM_YEARS)
    except ValueError:  # 29 February
        high = date_start.replace(year=date_start.year + CONTRACT_TERM_YEARS, day=28)
    if not date_start <= date_end <= high:
        raise BoundsError(Msg(
            _lt("%(field)s must be between %(low)s and %(high)s (a fixed term of at most %(years)s years; "
                "an open-ended contract has no end date, LCL Art. 14); got %(value)s."),
            {"field": end_label, "low": date_start.isoformat(), "high": high.isoformat(),
             "years": CONTRACT_TERM_YEARS, "value": date_end.isoformat()}))


def check_minimum_below_average(minimum, average, minimum_label="local_minimum_wage",
                                average_label="local_average_wage"):
    """The local minimum wage is below the local average wage (both given)."""
    if minimum and average and minimum >= average:
        raise BoundsError(Msg(
            _lt("%(minimum)s (%(min_value)s) must be below %(average)s (%(avg_value)s)."),
            {"minimum": minimum_label, "min_value": _fmt(minimum), "average": average_label,
             "avg_value": _fmt(average)}))


def check_values(values, today, labels=None):
    """Check every known key of ``values`` (a dict); ``labels`` maps keys to the user's field labels."""
    labels = labels or {}
    for key, value in values.items():
        if key in BOUNDS:
            check_number(key, value, labels.get(key))
        elif key in DATE_FIELDS:
            check_date(key, value, today, labels.get(key))
    check_minimum_below_average(values.get("local_minimum_wage"), values.get("local_average_wage"),
                                labels.get("local_minimum_wage", "local_minimum_wage"),
                                labels.get("local_average_wage", "local_average_wage"))


def _fmt(number):
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"
