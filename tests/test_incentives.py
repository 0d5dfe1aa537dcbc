"""Engine tests: incentive recommendation (issue 12), ranked levers per stated driver."""

import inspect
import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hr_contract_risk.engine import attrition_features as af
from hr_contract_risk.engine import bounds
from hr_contract_risk.engine import incentives as inc

D = date(2026, 3, 1)


def drivers(*names):
    return [inc.StatedDriver(name, D, "Stay interview") for name in names]


def levers(result, driver):
    return {lv.kind: lv for group in result if group.driver == driver for lv in group.levers}


def test_raise_cost_is_wage_times_months_times_pct_wage_only():
    res = inc.recommend(drivers("pay"), 10000, 10)
    raise_ = levers(res, "pay")["raise"]
    assert raise_.yearly_cost == 12000.0
    assert raise_.cost_basis == inc.WAGE_ONLY
    assert raise_.rank == 1
    assert "12,000.00" in raise_.text.render()


def test_months_of_pay_and_employer_rate_are_parameters():
    res = inc.recommend(drivers("pay"), 10000, 10, months_per_year=13, employer_rate_pct=30)
    raise_ = levers(res, "pay")["raise"]
    assert raise_.yearly_cost == pytest.approx(10000 * 13 * 0.10 * 1.30)
    assert raise_.cost_basis == inc.WAGE_AND_EMPLOYER


def test_career_growth_ranks_promotion_first_with_the_next_job():
    res = inc.recommend(drivers("career_growth"), 10000, 5, next_job="招商经理")
    group = res[0]
    assert [lv.kind for lv in group.levers] == ["promotion", "training_budget", "raise"]
    assert [lv.rank for lv in group.levers] == [1, 2, 3]
    assert "招商经理" in group.levers[0].text.render()
    assert group.levers[0].yearly_cost == 6000.0


def test_no_next_job_no_promotion_lever():
    res = inc.recommend(drivers("career_growth"), 10000, 5)
    assert [lv.kind for lv in res[0].levers] == ["training_budget", "raise"]


def test_bonus_defaults_to_one_month_and_amounts_are_costs():
    res = inc.recommend(drivers("pay", "learning"), 8000, 5, training_budget=3000)
    assert levers(res, "pay")["bonus"].yearly_cost == 8000.0
    assert levers(res, "learning")["training_budget"].yearly_cost == 3000.0
    assert levers(res, "learning")["training_budget"].cost_basis == inc.AMOUNT
    res = inc.recommend(drivers("pay"), 8000, 5, bonus_amount=2000)
    assert levers(res, "pay")["bonus"].yearly_cost == 2000.0


@pytest.mark.parametrize("driver", ["recognition", "flexibility", "team_manager"])
def test_no_cost_levers(driver):
    res = inc.recommend(drivers(driver), 8000, 5)
    first = res[0].levers[0]
    assert first.yearly_cost == 0.0 and first.cost_basis == inc.NO_COST
    assert first.risk_after is None


def test_every_driver_has_levers():
    res = inc.recommend(drivers(*inc.DRIVERS), 8000, 5, next_job="Lead")
    assert {g.driver for g in res} == set(inc.DRIVERS)
    assert all(g.levers for g in res)


def test_risk_after_from_a_callable_what_if():
    calls = []

    def what_if(**changes):
        calls.append(changes)
        if "wage_change_pct" in changes:
            return 40.0 - changes["wage_change_pct"]
        return 35.0

    res = inc.recommend(drivers("pay", "learning"), 10000, 10, what_if=what_if)
    assert levers(res, "pay")["raise"].risk_after == 30.0
    assert levers(res, "pay")["bonus"].risk_after is None
    assert levers(res, "learning")["training_budget"].risk_after == 35.0
    assert {"wage_change_pct": 10.0} in calls and {"training_done": True} in calls


def test_risk_after_from_a_precomputed_mapping_and_nan_ignored():
    res = inc.recommend(drivers("pay"), 10000, 10, what_if={"raise": 22.5, "bonus": math.nan})
    assert levers(res, "pay")["raise"].risk_after == 22.5
    assert levers(res, "pay")["bonus"].risk_after is None


def test_several_drivers_newest_first_and_repeated_driver_once_at_latest_date():
    stated = [inc.StatedDriver("pay", date(2025, 1, 1), "talk A"),
              inc.StatedDriver("career_growth", date(2025, 6, 1), "talk B"),
              inc.StatedDriver("pay", date(2026, 1, 1), "stay interview")]
    res = inc.recommend(stated, 10000, 5)
    assert [(g.driver, g.date, g.source) for g in res] == [
        ("pay", date(2026, 1, 1), "stay interview"), ("career_growth", date(2025, 6, 1), "talk B")]


@pytest.mark.parametrize("kwargs,key", [
    ({"raise_pct": 60}, "raise_pct"), ({"raise_pct": -1}, "raise_pct"), ({"raise_pct": math.nan}, "raise_pct"),
    ({"bonus_amount": -5}, "Bonus"), ({"training_budget": 10_000_001}, "Training"),
    ({"training_budget": math.inf}, "Training"), ({"months_per_year": 0}, "pay_months_per_year"),
])
def test_bounds_refused_naming_field_and_bound(kwargs, key):
    args = {"raise_pct": 5, **kwargs}
    with pytest.raises(bounds.BoundsError) as exc:
        inc.recommend(drivers("pay"), 10000, labels={"bonus_amount": "Bonus", "training_budget": "Training"},
                      **args)
    text = str(exc.value)
    assert key in text
    assert "between" in text


def test_raise_bound_is_0_to_50():
    with pytest.raises(bounds.BoundsError) as exc:
        inc.recommend(drivers("pay"), 10000, 60, labels={"raise_pct": "Raise (%)"})
    assert "Raise (%)" in str(exc.value) and "50" in str(exc.value)
    inc.recommend(drivers("pay"), 10000, 50)
    inc.recommend(drivers("pay"), 10000, 0)


def test_unknown_driver_refused():
    with pytest.raises(inc.InputError):
        inc.recommend([inc.StatedDriver("gender", D)], 10000, 5)


def test_no_protected_attribute_in_the_inputs():
    names = list(inspect.signature(inc.recommend).parameters) + list(inc.StatedDriver.__dataclass_fields__)
    words = {word for name in names for word in name.split("_")}
    assert not words & set(inc.PROTECTED_ATTRIBUTES)
    assert not [name for name in names if af.is_protected(name)]  # the attrition model's screen too


@given(wage=st.floats(0, 10_000_000), pct=st.floats(0, 50), months=st.integers(1, 24))
def test_raise_cost_properties(wage, pct, months):
    res = inc.recommend(drivers("pay"), wage, pct, months_per_year=months)
    cost = levers(res, "pay")["raise"].yearly_cost
    assert cost >= 0
    assert cost == pytest.approx(wage * months * pct / 100, abs=0.01)
    assert all(lv.yearly_cost >= 0 for g in res for lv in g.levers)
