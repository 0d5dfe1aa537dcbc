"""Engine tests: employer contributions, proration, department ratios, org findings (issue 13).

Worked examples use Shanghai-like demo rates (verify with the local bureau): average wage
12,307, pension 16 %, medical incl. maternity 10 %, unemployment 0.5 %, work injury 0.2 %,
housing fund 7 %, base 60 %-300 % of the average wage.  Dates are fixed: no test depends on today.
"""

from datetime import date

import pytest

from hr_contract_risk.engine import labour_cost as lc

SH = lc.RegionRates(average_wage=12307, pension=16, medical=10, unemployment=0.5, work_injury=0.2,
                    housing_fund=7)


def test_base_below_floor_is_raised_to_60_percent():
    # floor = 12,307 x 60 % = 7,384.20; wage 5,000 is below it
    cost = lc.monthly_cost(5000, SH, 2024, 3)
    assert cost.base == pytest.approx(7384.20)
    assert cost.base_bound == "floor"
    assert cost.gross_wage == 5000
    assert cost.pension == pytest.approx(1181.47)  # 7,384.20 x 16 %
    assert cost.medical == pytest.approx(738.42)  # x 10 %
    assert cost.unemployment == pytest.approx(36.92)  # x 0.5 %
    assert cost.work_injury == pytest.approx(14.77)  # x 0.2 %
    assert cost.housing_fund == pytest.approx(516.89)  # x 7 %
    assert cost.employer_si == pytest.approx(1181.47 + 738.42 + 36.92 + 14.77)
    assert cost.total == pytest.approx(5000 + 1971.58 + 516.89)


def test_base_above_ceiling_is_capped_at_300_percent():
    # ceiling = 12,307 x 300 % = 36,921
    cost = lc.monthly_cost(50000, SH, 2024, 3)
    assert cost.base == pytest.approx(36921)
    assert cost.base_bound == "ceiling"
    assert cost.gross_wage == 50000
    assert cost.pension == pytest.approx(5907.36)
    assert cost.medical == pytest.approx(3692.10)
    assert cost.unemployment == pytest.approx(184.605, abs=0.006)
    assert cost.housing_fund == pytest.approx(2584.47)


def test_base_within_bounds_is_the_wage():
    cost = lc.monthly_cost(10000, SH, 2024, 3)
    assert (cost.base, cost.base_bound) == (10000, "")
    assert cost.pension == pytest.approx(1600)


def test_configurable_bounds():
    rates = lc.RegionRates(average_wage=10000, pension=16, floor_pct=40, ceiling_pct=200)
    assert lc.contribution_base(3000, rates) == (4000, "floor")
    assert lc.contribution_base(30000, rates) == (20000, "ceiling")


def test_mid_month_hire_full_month_rule_charges_the_whole_month_of_si():
    # hired 16 June 2024: 15 of 30 calendar days -> half the wage, but a full month of SI (default rule)
    cost = lc.monthly_cost(10000, SH, 2024, 6, start=date(2024, 6, 16))
    assert cost.fraction == pytest.approx(0.5)
    assert cost.gross_wage == pytest.approx(5000)
    assert cost.pension == pytest.approx(1600)
    assert cost.housing_fund == pytest.approx(700)


def test_mid_month_hire_calendar_days_rule_prorates_si():
    cost = lc.monthly_cost(10000, SH, 2024, 6, start=date(2024, 6, 16), proration=lc.CALENDAR_DAYS)
    assert cost.gross_wage == pytest.approx(5000)
    assert cost.pension == pytest.approx(800)
    assert cost.housing_fund == pytest.approx(350)


def test_mid_month_leave_and_february_of_a_leap_year():
    # left 10 Feb 2024 (29 days): 10/29 of the wage
    cost = lc.monthly_cost(2900, SH, 2024, 2, end=date(2024, 2, 10), proration=lc.CALENDAR_DAYS)
    assert cost.fraction == pytest.approx(10 / 29)
    assert cost.gross_wage == pytest.approx(1000)
    # base floored at 7,384.20 then prorated 10/29
    assert cost.pension == pytest.approx(round(7384.2 * 0.16 * 10 / 29, 2))


def test_month_outside_employment_costs_nothing_but_keeps_severance():
    cost = lc.monthly_cost(10000, SH, 2024, 7, end=date(2024, 6, 30), severance=20000)
    assert cost.fraction == 0
    assert cost.gross_wage == 0 and cost.employer_si == 0 and cost.housing_fund == 0
    assert cost.total == 20000


def test_components_are_separate_in_the_total():
    cost = lc.monthly_cost(10000, SH, 2024, 3, severance=3000, recruiting_training=500)
    assert cost.total == pytest.approx(10000 + cost.employer_si + cost.housing_fund + 3000 + 500)


# --------------------------------------------------------------------------- ratios


def test_cost_ratio_and_revenue_per_fte():
    # 招商部 seed: labour cost 150,000 on revenue 1,000,000 -> 15 %; 2.5 FTE -> 400,000 per FTE
    f = lc.department_figures("招商部", 3, 2.5, 150000, 1000000)
    assert f.cost_ratio == pytest.approx(0.15)
    assert f.revenue_per_fte == pytest.approx(400000)


def test_zero_revenue_gives_no_ratio_not_a_division_error():
    f = lc.department_figures("R&D", 4, 4, 80000, 0)
    assert f.cost_ratio is None
    assert f.revenue_per_fte == 0
    assert lc.department_figures("empty", 0, 0, 0, 1000).revenue_per_fte is None


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("key,value", [("pension", -1), ("medical", 100.5), ("housing_fund", 150),
                                       ("work_injury", -0.1), ("unemployment", 101)])
def test_rate_outside_0_100_is_refused_naming_the_field(key, value):
    rates = lc.RegionRates(average_wage=12307, **{key: value})
    with pytest.raises(lc.InputError) as exc:
        lc.validate_rates(rates)
    assert exc.value.msg.params["field"] == lc.FIELD_LABELS[key]
    assert "between 0 % and 100 %" in str(exc.value)


def test_floor_above_ceiling_is_refused():
    rates = lc.RegionRates(average_wage=12307, floor_pct=320, ceiling_pct=300)
    with pytest.raises(lc.InputError) as exc:
        lc.monthly_cost(5000, rates, 2024, 1)
    assert "320" in str(exc.value) and "300" in str(exc.value)
    assert exc.value.msg.params["field"] == lc.FIELD_LABELS["floor_pct"]


def test_negative_wage_and_unknown_proration_are_refused():
    with pytest.raises(lc.InputError):
        lc.monthly_cost(-1, SH, 2024, 1)
    with pytest.raises(lc.InputError):
        lc.monthly_cost(1000, SH, 2024, 1, proration="weekly")
