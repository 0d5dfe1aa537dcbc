"""Service length and month arithmetic: the one implementation (no Odoo import).

Service runs from the hire date (用工之日, counted) to the end date.  A period
counted in months or years follows the Civil Code:

* Art. 201: the period starts on its first counted day (the hire date);
* Art. 202: a period counted in months/years ends on the day before the
  corresponding day of the last month; when that month has no corresponding
  day (hire on the 29th-31st), the period ends on that month's last day.

So a hire on 2020-02-29 completes exactly one year on 2021-02-28 (366 days),
a hire on 2024-01-31 completes one month on 2024-02-29, and every anniversary
is a whole number of years.  ``clamp=True`` is the alternative reading kept as
a company setting: a missing day is clamped to the month's last day and the
period ends the day before it (one day earlier; hire 2020-02-29 then has one
year and one day on 2021-02-28).

Public API: ``ServiceLength``, ``service_length`` (end counted),
``service_until`` (end exclusive), ``service_years``, ``served_at_least``,
``period_end``, ``add_months``, ``month_end``, ``worked_12_continuous_months``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def month_end(day):
    """Last day of the month containing ``day``."""
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def add_months(day, months):
    """``day`` shifted by ``months`` calendar months, clamped to the target month's last day.

    Date arithmetic for windows (wage window, training snapshots), not a period
    length: use ``period_end`` for "when is a period of N months complete".
    """
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_stop(first_day, months, clamp=False):
    """Exclusive stop of the period of ``months`` months whose first day is ``first_day``."""
    total = first_day.month - 1 + months
    year, month = first_day.year + total // 12, total % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if first_day.day <= last:
        return date(year, month, first_day.day)
    if clamp:
        return date(year, month, last)
    return date(year, month, last) + timedelta(days=1)  # Civil Code Art. 202: ends on the last day


def period_end(first_day, months, clamp=False):
    """Last day (inclusive) of a period of ``months`` months starting on ``first_day`` (Civil Code Art. 202)."""
    return _period_stop(first_day, months, clamp) - timedelta(days=1)


@dataclass(frozen=True)
class ServiceLength:
    """Whole months plus leftover days between ``start`` and ``stop`` (exclusive)."""

    start: date
    stop: date  # exclusive
    total_months: int
    days: int

    @property
    def years(self):
        return self.total_months // 12

    @property
    def months(self):
        return self.total_months % 12

    @property
    def end(self):
        """Last day counted (inclusive)."""
        return self.stop - timedelta(days=1)

    @property
    def is_empty(self):
        return self.total_months == 0 and self.days == 0

    @property
    def as_years(self):
        """Whole years + months / 12 + days / 365, as a float (display and scores only)."""
        return self.total_months / 12.0 + self.days / 365.0


def service_until(start, stop, clamp=False):
    """Service over the half-open interval [start, stop) (Civil Code Arts. 201-202)."""
    if stop <= start:
        return ServiceLength(start, start, 0, 0)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    # an upper bound; step back until the period of ``months`` months fits before stop
    while months > 0 and _period_stop(start, months, clamp) > stop:
        months -= 1
    return ServiceLength(start, stop, months, (stop - _period_stop(start, months, clamp)).days)


def service_length(start, end, inclusive_end=True, clamp=False):
    """Service from ``start`` (hire, counted) to ``end``; ``inclusive_end`` counts the end date too."""
    return service_until(start, end + timedelta(days=1) if inclusive_end else end, clamp)


def service_years(start, end):
    """Service from ``start`` to ``end`` (both counted) in years, as a float; 0.0 when unknown or negative."""
    if not start or not end or end < start:
        return 0.0
    return service_length(start, end).as_years


def served_at_least(start, end, years):
    """Whether ``years`` whole years are complete from ``start`` to ``end`` inclusive (Civil Code Art. 202)."""
    if not start or not end:
        return False
    return period_end(start, 12 * years) <= end


def worked_12_continuous_months(hire_date, end_date, cumulative_work_years=0.0):
    """Annual leave is due once the employee has worked 12 continuous months (实施办法 Art. 3,
    职工带薪年休假条例 Art. 2): here, from ``hire_date`` to ``end_date`` inclusive, or counting the
    previous employers (``cumulative_work_years``, the work years with all employers, >= 1)."""
    return served_at_least(hire_date, end_date, 1) or float(cumulative_work_years or 0.0) >= 1
