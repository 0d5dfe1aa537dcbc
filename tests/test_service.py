"""Service length and month arithmetic (engine/service.py): Civil Code Arts. 201-202.

A period counted in months/years ends on the day before the corresponding day of
its last month; when that month has no corresponding day it ends on the month's
last day (Art. 202).  Property tests: monotone in the end date, whole years on
every anniversary (hires on 29 Feb and on the 29th-31st included), agreement
with a day-by-day oracle.  Plus the worked example of issue 9.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from hr_contract_risk.engine import labour_law as L
from hr_contract_risk.engine import service as S

#: hire days that exercise Art. 202 (no corresponding day in some months)
SPECIAL = st.sampled_from(
    [date(2020, 2, 29), date(2024, 2, 29), date(2023, 1, 29), date(2023, 1, 30), date(2024, 1, 31),
     date(2023, 3, 31), date(2023, 5, 31), date(2023, 8, 31), date(2023, 12, 31), date(2024, 3, 1)]
)
HIRES = st.one_of(SPECIAL, st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


def oracle(start, end):
    """(whole months, leftover days) by walking day by day, from the rule's wording alone.

    A month of service ends after day ``d`` when the next day is the hire's day of
    the month, or when ``d`` is the last day of a month that has no such day.
    """
    months, days, d = 0, 0, start
    while d <= end:
        days += 1
        nxt = d + timedelta(days=1)
        last_of_month = nxt.day == 1
        if nxt.day == start.day or (last_of_month and d.day < start.day):
            months, days = months + 1, 0
        d = nxt
    return months, days


@settings(max_examples=150, deadline=None)
@given(HIRES, st.integers(min_value=0, max_value=1200))
def test_agrees_with_day_count_oracle(hire, length):
    end = hire + timedelta(days=length)
    s = S.service_length(hire, end)
    assert (s.total_months, s.days) == oracle(hire, end)


@settings(max_examples=200, deadline=None)
@given(HIRES, st.integers(min_value=0, max_value=4000), st.integers(min_value=0, max_value=400))
def test_monotone_in_the_end_date(hire, a, extra):
    early, late = hire + timedelta(days=a), hire + timedelta(days=a + extra)
    s1, s2 = S.service_length(hire, early), S.service_length(hire, late)
    assert (s1.total_months, s1.days) <= (s2.total_months, s2.days)
    assert s1.as_years <= s2.as_years
    assert L.n_from_service(s1) <= L.n_from_service(s2)


@settings(max_examples=200, deadline=None)
@given(HIRES, st.integers(min_value=1, max_value=40))
def test_whole_years_exactly_on_each_anniversary(hire, years):
    try:
        end = hire.replace(year=hire.year + years) - timedelta(days=1)
    except ValueError:  # hired 29 Feb, common year: the year ends on 28 Feb (Art. 202)
        end = date(hire.year + years, 2, 28)
    s = S.service_length(hire, end)
    assert (s.years, s.months, s.days) == (years, 0, 0)
    assert S.served_at_least(hire, end, years)
    assert not S.served_at_least(hire, end - timedelta(days=1), years)
    assert (S.service_length(hire, end + timedelta(days=1)).days) == 1
    assert S.period_end(hire, 12 * years) == end


def test_month_end_cases_civil_code_202():
    # no 31 Feb: the month that starts 31 Jan ends 29 Feb (leap) / 28 Feb
    assert S.period_end(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert S.period_end(date(2023, 1, 31), 1) == date(2023, 2, 28)
    # hire on the 1st: the month ends on the last day of the same month
    assert S.period_end(date(2024, 2, 1), 1) == date(2024, 2, 29)
    # 31 Mar: April has no 31st, so the month ends 30 Apr
    assert S.period_end(date(2023, 3, 31), 1) == date(2023, 4, 30)
    # the clamped alternative (company setting) ends one day earlier
    assert S.service_length(date(2024, 1, 31), date(2024, 2, 28), clamp=True).total_months == 1


def test_month_helpers():
    assert S.month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert S.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert S.add_months(date(2024, 3, 31), -13) == date(2023, 2, 28)
    for m in range(1, 13):
        assert S.month_end(date(2023, m, 1)).day == calendar.monthrange(2023, m)[1]


def test_worked_example_hire_29_feb_non_renewal_pays_one_month():
    """Issue 9: hire 2020-02-29, not renewed at its end 2021-02-28, W 10,000.

    2020-02-29 .. 2021-02-28 is 366 days and exactly one year (Civil Code Art. 202),
    so N = 1 (LCL 47) and the compensation is 10,000, not 15,000.
    """
    r = L.compute_severance(
        L.SeveranceInput("expiry_not_renewed", date(2020, 2, 29), date(2021, 2, 28), D(10000),
                         local_average_wage=D(10000), local_minimum_wage=D(2500)),
        L.DEFAULT_CONFIG,
    )
    assert r.compensation_months == D(1)
    assert r.compensation_amount == D("10000.00")
    assert any("Art. 202" in n.text for n in r.notes)


def test_one_implementation_is_used_everywhere():
    from hr_contract_risk.engine import attrition_features as af
    from hr_contract_risk.engine import legal_checks as lc
    from hr_contract_risk.engine import social_insurance as si

    assert lc.service_years is S.service_years and lc.served_at_least is S.served_at_least
    assert af.add_months is S.add_months and af.month_end is S.month_end
    assert L.ServiceLength is S.ServiceLength
    assert si.service_length(date(2020, 2, 29), date(2021, 2, 28)) == (1, 0, 0)
