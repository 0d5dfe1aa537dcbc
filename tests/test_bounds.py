"""Engine tests: plausible input ranges (issue 10 point 8)."""

import math
from datetime import date

import pytest

from hr_contract_risk.engine import bounds

TODAY = date(2026, 3, 15)


def test_date_range_fixed_reference():
    assert bounds.date_range(TODAY) == (date(1950, 1, 1), date(2028, 3, 15))
    assert bounds.date_range(date(2024, 2, 29))[1] == date(2026, 2, 28)


@pytest.mark.parametrize("value", [date(1900, 1, 1), date(1949, 12, 31), date(2200, 1, 1), date(2028, 3, 16)])
def test_implausible_dates_refused_with_field_and_bound(value):
    with pytest.raises(bounds.BoundsError) as exc:
        bounds.check_date("hire_date", value, TODAY, "Hire Date")
    text = str(exc.value)
    assert "Hire Date" in text and "1950-01-01" in text and "2028-03-15" in text


@pytest.mark.parametrize("value", [date(1950, 1, 1), date(2028, 3, 15), TODAY, None])
def test_plausible_dates_accepted(value):
    bounds.check_date("termination_date", value, TODAY)


@pytest.mark.parametrize("key,value", [
    ("average_monthly_wage", 1e18), ("average_monthly_wage", -1), ("average_monthly_wage", math.nan),
    ("average_monthly_wage", math.inf), ("untaken_leave_days", 1000), ("ui_contribution_months", 100000),
    ("leave_wage", "abc"),
])
def test_numbers_out_of_range_refused(key, value):
    with pytest.raises(bounds.BoundsError) as exc:
        bounds.check_number(key, value, "Label")
    assert "Label" in str(exc.value)
    assert bounds.BOUNDS[key].rule in str(exc.value)


@pytest.mark.parametrize("key,value", [
    ("average_monthly_wage", 0), ("average_monthly_wage", 10_000_000), ("untaken_leave_days", 30),
    ("ui_contribution_months", 600),
])
def test_numbers_at_bounds_accepted(key, value):
    bounds.check_number(key, value)


def test_minimum_wage_below_average():
    with pytest.raises(bounds.BoundsError):
        bounds.check_minimum_below_average(12000, 10000)
    bounds.check_minimum_below_average(2500, 10000)
    bounds.check_minimum_below_average(2500, 0)  # unknown average: another check's business


def test_check_values_uses_the_table():
    with pytest.raises(bounds.BoundsError):
        bounds.check_values({"hire_date": date(1900, 1, 1)}, TODAY)
    with pytest.raises(bounds.BoundsError):
        bounds.check_values({"local_minimum_wage": 3000, "local_average_wage": 2000}, TODAY)
    bounds.check_values({"hire_date": date(2020, 1, 1), "average_monthly_wage": 9000, "name": "x"}, TODAY)


@pytest.mark.parametrize("start,end", [
    (date(1900, 1, 1), None), (date(2020, 1, 1), date(2200, 1, 1)), (date(2020, 1, 1), date(2019, 12, 31)),
    (date(2024, 2, 29), date(2044, 3, 1)),
])
def test_contract_dates_out_of_range_refused(start, end):
    with pytest.raises(bounds.BoundsError) as exc:
        bounds.check_contract_dates(start, end, TODAY, "Start Date", "End Date")
    assert ("Start Date" if start.year < 1950 else "End Date") in str(exc.value)


@pytest.mark.parametrize("start,end", [
    (date(2020, 1, 1), None), (date(2020, 1, 1), date(2040, 1, 1)), (date(2024, 2, 29), date(2044, 2, 28)),
    (date(1950, 1, 1), date(1950, 1, 1)),
])
def test_contract_dates_plausible_accepted(start, end):
    bounds.check_contract_dates(start, end, TODAY)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e308, -1e308, -1000, -90.01, 200.01])
def test_what_if_wage_change_bounded(value):
    from hr_contract_risk.engine import attrition_features as af
    with pytest.raises(bounds.BoundsError) as exc:
        af.apply_what_if({"wage_change_12m": 0.0}, wage_change_pct=value)
    assert "200" in str(exc.value) and "-90" in str(exc.value)


def test_what_if_wage_change_at_bounds():
    from hr_contract_risk.engine import attrition_features as af
    assert af.apply_what_if({"wage_change_12m": 0.0}, wage_change_pct=200)["wage_change_12m"] == 2.0
    assert af.apply_what_if({"wage_change_12m": 0.0}, wage_change_pct=-90)["wage_change_12m"] == -0.9
