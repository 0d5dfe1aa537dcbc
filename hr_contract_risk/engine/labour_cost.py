"""Fully loaded labour cost and department ratios (issue 13).

Pure Python (no Odoo).

Employer contributions (社会保险法 SIL Arts. 10, 23, 33, 44, 53; 住房公积金管理条例 HFR Art. 18)
---------------------------------------------------------------------------------------------
The employer pays, per insurance type, ``base x rate``:

* pension (基本养老保险, SIL Art. 10), medical including maternity (基本医疗保险 incl.
  生育保险 since the 2019 merger, SIL Arts. 23, 53), unemployment (失业保险, SIL Art. 44),
  work injury (工伤保险, SIL Art. 33: employer only, rate by industry risk class), housing
  fund (住房公积金, HFR Art. 18: 5 %-12 %).
* The contribution base is the employee's wage of the previous year (here: the monthly
  wage), clamped to the regional floor and ceiling: by default 60 % and 300 % of the local
  average wage (人社部发〔2019〕35号 / 国办发〔2019〕13号 Art. 4: 60 %-300 % of the
  provincial average wage of urban employees).  Both percentages are parameters because
  cities publish their own bounds.

Proration of a month with a hire or a leave
--------------------------------------------
Rule chosen: ``full_month`` (default) for social insurance and housing fund: most Chinese
cities charge the whole month of contributions for any month in which the employee is
enrolled on the declaration day, with no daily proration (e.g. Shanghai 社保 is declared
and charged per month).  ``calendar_days`` (the fraction of calendar days employed in the
month) is the alternative, as a parameter.  The gross wage is always prorated by the
calendar-day fraction (days employed / days in month).

Department figures
------------------
人力成本占比 = labour cost / revenue (None when the revenue is 0: no ratio, never a
ZeroDivision); 人均产出 = revenue / FTE (None when FTE is 0).  The findings drawn from
them (cost ratio above the company median, span of control ...) are in ``org_insights``.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from .i18n import Msg, _lt


class InputError(ValueError):
    """Bad input; ``msg`` is a translatable Msg naming the field and the bound."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


FULL_MONTH = "full_month"
CALENDAR_DAYS = "calendar_days"
PRORATIONS = (FULL_MONTH, CALENDAR_DAYS)

INSURANCE_TYPES = ("pension", "medical", "unemployment", "work_injury", "housing_fund")

DEFAULT_FLOOR_PCT = 60.0
DEFAULT_CEILING_PCT = 300.0

FIELD_LABELS = {
    "pension": _lt("Pension employer rate"),
    "medical": _lt("Medical (incl. maternity) employer rate"),
    "unemployment": _lt("Unemployment employer rate"),
    "work_injury": _lt("Work injury employer rate"),
    "housing_fund": _lt("Housing fund employer rate"),
    "floor_pct": _lt("Contribution base floor"),
    "ceiling_pct": _lt("Contribution base ceiling"),
}


@dataclass(frozen=True)
class RegionRates:
    """Employer rates in percent (16.0 means 16 %) and the base bounds in % of the average wage."""

    average_wage: float
    pension: float = 0.0
    medical: float = 0.0
    unemployment: float = 0.0
    work_injury: float = 0.0
    housing_fund: float = 0.0
    floor_pct: float = DEFAULT_FLOOR_PCT
    ceiling_pct: float = DEFAULT_CEILING_PCT


def validate_rates(rates):
    """Raise InputError for a rate outside 0-100 % or a floor above the ceiling."""
    for key in INSURANCE_TYPES:
        value = getattr(rates, key) or 0.0
        if not 0.0 <= value <= 100.0:
            raise InputError(Msg(
                _lt("%(field)s must be between 0 %% and 100 %% (got %(value)s %%)."),
                {"field": FIELD_LABELS[key], "value": value}))
    if rates.floor_pct < 0:
        raise InputError(Msg(
            _lt("%(field)s must be 0 %% or more of the average wage (got %(value)s %%)."),
            {"field": FIELD_LABELS["floor_pct"], "value": rates.floor_pct}))
    if rates.floor_pct > rates.ceiling_pct:
        raise InputError(Msg(
            _lt("%(field)s (%(floor)s %%) must not be above the contribution base ceiling (%(ceiling)s %%)."),
            {"field": FIELD_LABELS["floor_pct"], "floor": rates.floor_pct, "ceiling": rates.ceiling_pct}))
    if rates.average_wage is not None and rates.average_wage < 0:
        raise InputError(Msg(
            _lt("The average wage must be 0 or more (got %(value)s)."), {"value": rates.average_wage}))


def contribution_base(wage, rates):
    """(base, bound) with bound in {"floor", "ceiling", ""}: the wage clamped to the regional bounds."""
    floor = rates.average_wage * rates.floor_pct / 100.0
    ceiling = rates.average_wage * rates.ceiling_pct / 100.0
    if wage < floor:
        return floor, "floor"
    if wage > ceiling:
        return ceiling, "ceiling"
    return wage, ""


def month_fraction(year, month, start=None, end=None):
    """Calendar-day fraction of (year, month) covered by employment [start, end] (inclusive)."""
    days = calendar.monthrange(year, month)[1]
    first, last = date(year, month, 1), date(year, month, days)
    lo = max(first, start) if start else first
    hi = min(last, end) if end else last
    if hi < lo:
        return 0.0
    return ((hi - lo).days + 1) / days


@dataclass(frozen=True)
class MonthCost:
    """One employee-month, each component separate (currency units)."""

    fraction: float
    gross_wage: float
    base: float
    base_bound: str
    pension: float
    medical: float
    unemployment: float
    work_injury: float
    housing_fund: float
    severance: float = 0.0
    recruiting_training: float = 0.0

    @property
    def employer_si(self):
        return self.pension + self.medical + self.unemployment + self.work_injury

    @property
    def total(self):
        return self.gross_wage + self.employer_si + self.housing_fund + self.severance + self.recruiting_training


def monthly_cost(wage, rates, year, month, start=None, end=None, proration=FULL_MONTH,
                 severance=0.0, recruiting_training=0.0, validate=True):
    """Fully loaded cost of one employee for one month.

    ``wage``: the monthly gross wage (wage history, else contract wage).  ``start``/``end``:
    employment dates (None = open).  ``severance``: severance and non-compete paid in the month.
    """
    if proration not in PRORATIONS:
        raise InputError(Msg(_lt("Unknown proration rule %(rule)s."), {"rule": proration}))
    if validate:
        validate_rates(rates)
    if wage < 0:
        raise InputError(Msg(_lt("The wage must be 0 or more (got %(value)s)."), {"value": wage}))
    fraction = month_fraction(year, month, start, end)
    gross = round(wage * fraction, 2)
    if fraction <= 0:
        return MonthCost(0.0, 0.0, 0.0, "", 0.0, 0.0, 0.0, 0.0, 0.0, severance, recruiting_training)
    base, bound = contribution_base(wage, rates)
    si_factor = 1.0 if proration == FULL_MONTH else fraction
    parts = {k: round(base * getattr(rates, k) / 100.0 * si_factor, 2) for k in INSURANCE_TYPES}
    return MonthCost(fraction, gross, base, bound, severance=severance, recruiting_training=recruiting_training,
                     **parts)


# --------------------------------------------------------------------------- department figures


@dataclass(frozen=True)
class DepartmentFigures:
    key: object
    headcount: int
    fte: float
    labour_cost: float
    revenue: float
    cost_ratio: float | None  # 人力成本占比, a fraction (0.15 = 15 %)
    revenue_per_fte: float | None  # 人均产出


def safe_ratio(numerator, denominator):
    """numerator / denominator, None when the denominator is 0 or missing."""
    if not denominator:
        return None
    return numerator / denominator


def department_figures(key, headcount, fte, labour_cost, revenue):
    return DepartmentFigures(
        key, headcount, fte, labour_cost, revenue,
        safe_ratio(labour_cost, revenue), safe_ratio(revenue, fte))
