"""Attrition drift: a holdout-AUC drop of more than the bound versus the previous run is flagged."""

import pytest

from hr_contract_risk.engine import attrition_drift as drift


def test_drop_above_default_bound_is_flagged():
    res = drift.check(0.78, 0.85)
    assert res.flagged
    assert res.drop == pytest.approx(0.07)


def test_drop_at_or_below_bound_is_not_flagged():
    assert not drift.check(0.80, 0.85).flagged  # exactly 0.05: not more than the bound
    assert not drift.check(0.83, 0.85).flagged
    assert not drift.check(0.90, 0.85).flagged  # a rise is never drift
    assert drift.check(0.90, 0.85).drop == pytest.approx(-0.05)


def test_first_run_or_missing_auc_is_never_flagged():
    assert drift.check(0.5, None) == drift.DriftCheck(0.5, None, None, False)
    assert not drift.check(None, 0.9).flagged


def test_bound_is_configurable():
    assert drift.check(0.83, 0.85, max_drop=0.01).flagged
    assert not drift.check(0.78, 0.85, max_drop=0.1).flagged


@pytest.mark.parametrize("bad", [0, 1, -0.1, 1.5, None])
def test_bound_outside_zero_one_is_refused(bad):
    with pytest.raises(ValueError):
        drift.check(0.8, 0.85, max_drop=bad)


def test_history_compares_each_run_with_the_previous_one():
    flags = [c.flagged for c in drift.history([0.80, 0.86, 0.79, None, 0.78, 0.70])]
    assert flags == [False, False, True, False, False, True]
    assert drift.history([0.80, None, 0.70])[2].previous_auc == 0.80
