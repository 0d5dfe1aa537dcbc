"""Attrition model: snapshots and labels, selection, calibration, explanations, cold start."""

from datetime import date

import numpy as np
import pytest

from hr_contract_risk.engine import attrition_features as af
from hr_contract_risk.engine import attrition_model as am

D = date
K = len(af.FEATURES)
COL = {name: j for j, name in enumerate(af.FEATURES)}


def _emp(i, dept=1, start=None, left=None, reason=None, sick=()):
    start = start or D(2021, 1, 1)
    return af.EmployeeHistory(
        i, dept, contracts=(af.Contract(start, None, 8000.0),),
        leaves=tuple(af.Leave(d, d, 1.0, sick=True) for d in sick),
        departure_date=left, departure_reason=reason,
    )


# ---------------------------------------------------------------------------
# Snapshots and labels
# ---------------------------------------------------------------------------
def test_snapshot_labels_and_censoring():
    hs = [
        _emp(1, left=D(2024, 4, 15), reason="resigned"),
        _emp(2, left=D(2024, 4, 15), reason="fired"),
        _emp(3),
    ]
    ds = am.build_snapshots(hs, end_date=D(2024, 12, 31), months=12, voluntary_reasons={"resigned"})
    months = sorted(set(ds.months))
    # the label window of every month must be over: last month end is 2024-06-30
    assert months[0] == D(2024, 1, 31) and months[-1] == D(2024, 6, 30)
    by = {(e, m): y for e, m, y in zip(ds.employee_ids, ds.months, ds.y)}
    assert by[(1, D(2024, 1, 31))] == 1  # resigns within 6 months
    assert by[(1, D(2024, 3, 31))] == 1
    assert (1, D(2024, 4, 30)) not in by  # gone
    assert by[(2, D(2024, 1, 31))] == 0  # dismissed: not voluntary
    assert all(by[(3, m)] == 0 for m in months)
    # no mapping: every departure counts
    ds_all = am.build_snapshots(hs, end_date=D(2024, 12, 31), months=12)
    assert sum(ds_all.y) == sum(ds.y) * 2


def test_snapshot_rows_use_nothing_after_their_month():
    hs = [_emp(1, sick=(D(2024, 2, 10),)), _emp(2)]
    ds = am.build_snapshots(hs, end_date=D(2024, 12, 31), months=12)
    # add events after 2024-03-31: the rows of Jan..Mar must not change
    hs_future = [_emp(1, sick=(D(2024, 2, 10), D(2024, 4, 2), D(2024, 5, 2)), left=D(2024, 11, 1),
                      reason="resigned"), _emp(2)]
    ds2 = am.build_snapshots(hs_future, end_date=D(2024, 12, 31), months=12)
    early = [(e, m, tuple(r.items())) for e, m, r in zip(ds.employee_ids, ds.months, ds.rows) if m <= D(2024, 3, 31)]
    early2 = [(e, m, tuple(r.items())) for e, m, r in zip(ds2.employee_ids, ds2.months, ds2.rows)
              if m <= D(2024, 3, 31)]
    assert early == early2
    row = next(r for e, m, r in zip(ds.employee_ids, ds.months, ds.rows) if e == 1 and m == D(2024, 2, 29))
    assert row["sick_days_90"] == 1.0


def test_time_holdout_takes_latest_months():
    months = [D(2024, m, 28) for m in range(1, 9) for _ in range(3)]
    mask = am.time_holdout_mask(months, holdout_fraction=0.25)
    held = sorted({m for m, h in zip(months, mask) if h})
    assert held == [D(2024, 7, 28), D(2024, 8, 28)]
    assert all(m < held[0] for m, h in zip(months, mask) if not h)
    with pytest.raises(am.InsufficientData):
        am.time_holdout_mask([D(2024, 1, 31)] * 3)


# ---------------------------------------------------------------------------
# Constructed training sets
# ---------------------------------------------------------------------------
def _data(kind, n=600, seed=1):
    rng = np.random.RandomState(seed)
    X = rng.normal(size=(n, K))
    a = X[:, COL["sick_days_90"]]
    if kind == "linear":
        logit = 2.5 * a - 1.5
        y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    else:  # ushape: both extremes leave, no linear signal at all
        y = ((np.abs(a) > 1.0) & (rng.uniform(size=n) < 0.9)).astype(int)
    mask = np.zeros(n, dtype=bool)
    mask[int(n * 0.7):] = True
    return X, y, mask


def test_selection_prefers_forest_on_nonlinear_signal():
    X, y, mask = _data("ushape")
    res = am.train(X, y, mask, random_state=0)
    assert res.candidate_aucs[am.RANDOM_FOREST] > res.candidate_aucs[am.LOGISTIC_REGRESSION] + 0.2
    assert res.model.algorithm == am.RANDOM_FOREST


def test_selection_prefers_logistic_on_linear_signal():
    X, y, mask = _data("linear")
    res = am.train(X, y, mask, random_state=0)
    assert res.model.algorithm == am.LOGISTIC_REGRESSION
    assert res.holdout_metrics["auc"] > 0.8
    assert 0.0 <= res.holdout_metrics["brier"] <= 1.0
    assert res.holdout_metrics["pr_auc"] > y.mean()


def test_ties_go_to_logistic_regression():
    assert am.select_algorithm({am.LOGISTIC_REGRESSION: 0.800, am.RANDOM_FOREST: 0.803}) == am.LOGISTIC_REGRESSION
    assert am.select_algorithm({am.LOGISTIC_REGRESSION: 0.80, am.RANDOM_FOREST: 0.85}) == am.RANDOM_FOREST


@pytest.mark.parametrize("kind", ["linear", "ushape"])
def test_probabilities_in_unit_interval_and_deterministic(kind):
    X, y, mask = _data(kind, n=400)
    m1 = am.train(X, y, mask, random_state=3).model
    m2 = am.train(X, y, mask, random_state=3).model
    Xt = np.vstack([X * 5, np.full((1, K), np.nan)])  # far outside training range, and all-missing
    p = m1.predict_proba(Xt)
    assert np.all((p >= 0) & (p <= 1))
    np.testing.assert_allclose(p, m2.predict_proba(Xt))


def test_calibration_method_by_sample_size():
    assert am.calibration_method(500, 60) == "sigmoid"
    assert am.calibration_method(1500, 200) == "sigmoid"
    assert am.calibration_method(20000, 50) == "sigmoid"
    assert am.calibration_method(20000, 1500) == "isotonic"


def test_single_class_is_insufficient():
    X, y, mask = _data("linear", n=100)
    with pytest.raises(am.InsufficientData):
        am.train(X, np.zeros_like(y), mask)


def test_protected_feature_names_refused():
    X, y, mask = _data("linear", n=100)
    names = list(af.FEATURES)
    names[0] = "gender"
    with pytest.raises(ValueError):
        am.train(X, y, mask, feature_names=tuple(names))


@pytest.mark.parametrize("kind,algorithm", [("linear", am.LOGISTIC_REGRESSION), ("ushape", am.RANDOM_FOREST)])
def test_explanation_names_the_driving_factor(kind, algorithm):
    X, y, mask = _data(kind)
    model = am.train(X, y, mask, random_state=0).model
    assert model.algorithm == algorithm
    person = np.zeros((1, K))
    person[0, COL["sick_days_90"]] = 3.0
    factors = model.explain(person)[0]
    assert len(factors) == 3
    assert factors[0].feature == "sick_days_90"
    assert factors[0].direction == "up"
    assert "sick days" in factors[0].render()
    assert "raises risk" in factors[0].render()
    glob = model.global_factors(X)
    assert glob[0][0] == "sick_days_90"
    if kind == "linear":
        assert glob[0][2] == "up"


def test_serialisation_round_trip():
    X, y, mask = _data("linear", n=300)
    model = am.train(X, y, mask).model
    data = model.to_bytes()
    assert isinstance(data, bytes)
    again = am.AttritionModel.from_bytes(data)
    np.testing.assert_allclose(again.predict_proba(X[:20]), model.predict_proba(X[:20]))
    with pytest.raises(ValueError):
        am.AttritionModel.from_bytes(__import__("pickle").dumps({"format": 999}))


def test_train_from_snapshots_end_to_end():
    """Planted signal: people who leave had sick days in the months before."""
    rng = np.random.RandomState(0)
    hs = []
    for i in range(160):
        leaves = rng.uniform() < 0.3
        left = D(2023, 1, 1).fromordinal(D(2023, 1, 1).toordinal() + int(rng.randint(60, 700))) if leaves else None
        sick = ()
        if left:
            sick = tuple(D.fromordinal(left.toordinal() - k) for k in (20, 35, 50, 65))
        hs.append(_emp(i, dept=i % 3, start=D(2022, 1, 1), left=left, reason="resigned" if left else None,
                       sick=sick))
    ds = am.build_snapshots(hs, end_date=D(2025, 6, 30), months=30, voluntary_reasons={"resigned"})
    res = am.train_from_snapshots(ds, random_state=0)
    assert res.model.n_rows == len(ds.y) and res.model.n_positives == sum(ds.y)
    assert res.holdout_metrics["auc"] > 0.75
    assert res.model.window[0] < res.model.window[1]


# ---------------------------------------------------------------------------
# Cold start
# ---------------------------------------------------------------------------
def _wang_features():
    return {
        "tenure_years": 3.7, "days_to_contract_end": 25.0, "fixed_term_count": 2.0,
        "appraisal_score": 58.0, "appraisal_trend_6m": -18.0, "appraisal_decline_streak": 3.0,
        "leave_days_90": 0.0, "leave_requests_90": 0.0, "leave_days_365": 3.0, "leave_requests_365": 1.0,
        "sick_days_90": 4.0, "sick_requests_90": 3.0, "sick_days_365": 6.0, "sick_requests_365": 4.0,
        "warnings_365": 1.0, "trainings_365": 0.0, "manager_changes_180": 0.0, "wage_change_12m": 0.0,
        "dept_attrition_12m": 0.05,
    }


def test_rule_based_score_levels_and_factors():
    res = am.rule_based_score(_wang_features())
    levels = {i.feature: i.level for i in res.indicators}
    assert levels["days_to_contract_end"] == "at_risk"
    assert levels["fixed_term_count"] == "at_risk"
    assert levels["appraisal_trend_6m"] == "at_risk"
    assert levels["sick_days_90"] == "some"
    assert levels["manager_changes_180"] == "low"
    assert levels["wage_change_12m"] == "some"
    assert res.score > 0.6
    assert [f.feature for f in res.factors] == ["days_to_contract_end", "appraisal_trend_6m",
                                                "fixed_term_count"]
    assert res.factors[1].render() == "scores fell 18 points in 6 months (raises risk)"
    assert "at risk" in res.indicators[0].render()


def test_rule_based_skips_missing_data_and_young_tenure():
    quiet = dict.fromkeys(af.FEATURES, 0.0)
    quiet.update(appraisal_score=None, days_to_contract_end=730.0, tenure_years=0.5)
    res = am.rule_based_score(quiet)
    assert res.score == 0.0 and res.factors == []
    features = {i.feature for i in res.indicators}
    assert "appraisal_score" not in features and "wage_change_12m" not in features


def test_cold_start_path_and_bands():
    assert am.use_rule_based(19) and not am.use_rule_based(20)
    assert am.use_rule_based(4, min_departures=5) and not am.use_rule_based(5, min_departures=5)
    scores = am.score([_wang_features()], model=None)
    assert scores[0].rule_based and scores[0].indicators
    assert 0 <= scores[0].risk <= 100
    assert am.band_for(scores[0].risk) == "high"
    assert am.band_for(10) == "low" and am.band_for(30) == "medium" and am.band_for(59.9) == "medium"
    assert am.band_for(50, medium=20, high=45) == "high"


def test_score_with_model_gives_factors():
    X, y, mask = _data("linear", n=300)
    model = am.train(X, y, mask).model
    rows = [dict(zip(af.FEATURES, X[i])) for i in range(5)]
    rows[0]["appraisal_score"] = None
    out = am.score(rows, model)
    assert len(out) == 5 and not out[0].rule_based
    assert all(0 <= s.risk <= 100 and len(s.factors) == 3 for s in out)
    assert "appraisal_score" not in [f.feature for f in out[0].factors]  # imputed: no reason


def test_describe_every_feature():
    for name in af.FEATURES:
        assert am.describe(name, 1.0).render()
        assert am.describe(name, None).render()
    assert am.describe("wage_change_12m", 0.08).render() == "pay rose 8% in 12 months"
    assert am.describe("days_to_contract_end", 730).render() == "no contract end within 2 years"


# ---------------------------------------------------------------------------
# Large data: stayer sampling, out-of-sample calibration
# ---------------------------------------------------------------------------
def test_fit_sample_keeps_leavers_and_true_weighted_counts():
    y = np.array([1] * 50 + [0] * 950)
    idx, w = am.fit_sample(y, max_rows=300, random_state=0)
    assert len(idx) == 300 and set(np.flatnonzero(y)) <= set(idx.tolist())
    assert np.all(w[y[idx] == 1] == 1.0)
    assert w[y[idx] == 0].sum() == pytest.approx(950.0)  # sampled stayers stand for all stayers
    idx2, w2 = am.fit_sample(y, max_rows=300, random_state=0)
    np.testing.assert_array_equal(idx, idx2)  # deterministic
    np.testing.assert_array_equal(w, w2)
    small_idx, small_w = am.fit_sample(y, max_rows=5000)
    assert len(small_idx) == len(y) and np.all(small_w == 1.0)
    # never fewer stayers than leavers, even when the cap is below twice the leavers
    idx3, _w3 = am.fit_sample(y, max_rows=60)
    assert int((y[idx3] == 0).sum()) == 50


def _big_linear(n=6000, seed=2):
    rng = np.random.RandomState(seed)
    X = rng.normal(size=(n, K))
    logit = 1.8 * X[:, COL["sick_days_90"]] - 1.0 * X[:, COL["appraisal_trend_6m"]] - 3.0
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    mask = np.zeros(n, dtype=bool)
    mask[int(n * 0.75):] = True
    return X, y, mask


def test_sampled_training_keeps_ranking_and_calibration():
    """Fitting on a weighted stayer sample (cap far below the rows) loses next
    to no AUC against fitting on every row, and the probabilities stay
    calibrated to the true base rate (the sample has 3x the leaver share)."""
    X, y, mask = _big_linear()
    full = am.train(X, y, mask, random_state=0, algorithms=(am.LOGISTIC_REGRESSION,), max_fit_rows=10**6)
    n_pos_tr = int(y[~mask].sum())
    sampled = am.train(X, y, mask, random_state=0, algorithms=(am.LOGISTIC_REGRESSION,),
                       max_fit_rows=3 * n_pos_tr)
    assert sampled.holdout_metrics["auc"] > full.holdout_metrics["auc"] - 0.01
    p = sampled.holdout_proba
    assert np.all((p >= 0) & (p <= 1))
    # mean predicted risk close to the observed holdout rate (not to the sample's inflated rate)
    assert abs(p.mean() - y[mask].mean()) < 0.03
    kept = sampled.model.predict_proba(X[mask])
    assert abs(kept.mean() - y[mask].mean()) < 0.03


def test_forest_calibrated_on_out_of_bag_scores():
    X, y, mask = _data("ushape", n=800)
    res = am.train(X, y, mask, random_state=0, algorithms=(am.RANDOM_FOREST,))
    model = res.model
    assert model.algorithm == am.RANDOM_FOREST
    assert isinstance(model.calibrated, am.CalibratedEstimator)
    assert hasattr(model.base, "oob_decision_function_")  # the calibrator saw out-of-bag scores
    p = model.predict_proba(X)
    assert np.all((p >= 0) & (p <= 1))
    # calibrated probabilities are monotone in the forest's raw score
    raw = model.base.predict_proba(model._impute(X))[:, 1]
    order = np.argsort(raw)
    assert np.all(np.diff(p[order]) >= -1e-12)


def test_training_is_deterministic_end_to_end():
    X, y, mask = _big_linear(n=3000)
    a = am.train(X, y, mask, random_state=5, max_fit_rows=1500)
    b = am.train(X, y, mask, random_state=5, max_fit_rows=1500)
    assert a.candidate_aucs == b.candidate_aucs and a.model.params == b.model.params
    np.testing.assert_array_equal(a.holdout_proba, b.holdout_proba)
    np.testing.assert_array_equal(a.model.predict_proba(X), b.model.predict_proba(X))


def test_calibrators_map_into_unit_interval():
    rng = np.random.RandomState(0)
    s = rng.normal(size=500)
    y = (rng.uniform(size=500) < 1 / (1 + np.exp(-2 * s))).astype(int)
    for method in ("isotonic", "sigmoid"):
        cal = am.fit_calibrator(method, s, y)
        est = am.CalibratedEstimator(_Identity(), method, cal)
        p = est.predict_proba(np.array([-100.0, -1.0, 0.0, 1.0, 100.0]).reshape(-1, 1))
        assert np.all((p >= 0) & (p <= 1))
        np.testing.assert_allclose(p.sum(axis=1), 1.0)
        assert np.all(np.diff(p[:, 1]) >= 0)  # monotone
        assert p[0, 1] < 0.2 and p[-1, 1] > 0.8


class _Identity:
    def decision_function(self, X):
        return np.asarray(X)[:, 0]


# ---------------------------------------------------------------------------
# Feature expansion (log copies, level indicators) in front of the LR
# ---------------------------------------------------------------------------
def test_feature_expansion_rules_and_sources():
    from hr_contract_risk.engine.attrition_transform import FeatureExpansion

    rng = np.random.RandomState(0)
    n = 500
    X = np.column_stack([
        rng.exponential(3.0, n),  # long-tailed, non-negative: log copy
        rng.normal(50.0, 5.0, n),  # symmetric: no log copy, many levels: no indicators
        rng.randint(0, 4, n).astype(float),  # 4 levels: 3 indicators (first dropped)
        rng.randint(0, 2, n).astype(float),  # binary: nothing (already an indicator)
    ])
    exp = FeatureExpansion().fit(X)
    assert exp.log_cols_.tolist() == [0]
    assert exp.level_cols_.tolist() == [2]
    out = exp.transform(X)
    assert out.shape == (n, 4 + 1 + 3)
    np.testing.assert_allclose(out[:, :4], X)
    np.testing.assert_allclose(out[:, 4], np.log1p(X[:, 0]))
    np.testing.assert_array_equal(out[:, 5:].sum(axis=1), (X[:, 2] > 0).astype(float))
    assert exp.sources_.tolist() == [0, 1, 2, 3, 0, 2, 2, 2]
    np.testing.assert_array_equal(exp.source_matrix().sum(axis=0), [2, 1, 4, 1])
    # a level never seen in training scores 0 on every indicator; negatives are not logged
    unseen = exp.transform(np.array([[-1.0, 50.0, 7.0, 0.0]]))
    assert unseen[0, 4] == 0.0 and unseen[0, 5:].sum() == 0.0


def test_expanded_lr_learns_a_step_and_explains_per_feature():
    """Risk is high at one or two warnings and low at none or three (not a
    straight line): the level indicators capture it; contributions stay one per original feature and, with the
    intercept, sum exactly to the log-odds."""
    rng = np.random.RandomState(1)
    n = 3000
    X = np.zeros((n, K))
    X[:, COL["warnings_365"]] = rng.choice([0, 1, 2, 3], n, p=[0.7, 0.1, 0.1, 0.1])
    X[:, COL["leave_days_365"]] = rng.exponential(4.0, n)
    logit = -2.5 + 2.0 * np.isin(X[:, COL["warnings_365"]], (1, 2))
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    mask = np.zeros(n, dtype=bool)
    mask[int(n * 0.7):] = True
    res = am.train(X, y, mask, random_state=0, algorithms=(am.LOGISTIC_REGRESSION,))
    model = res.model
    assert model.params.get("expand") is True
    assert "expand" in model.base.named_steps
    contrib = model.contributions(X[:50])
    assert contrib.shape == (50, K)
    base = model.base
    logodds = base.decision_function(X[:50])
    intercept = base.named_steps["clf"].intercept_[0]
    np.testing.assert_allclose(contrib.sum(axis=1) + intercept, logodds, atol=1e-8)
    person = np.zeros((1, K))
    person[0, COL["warnings_365"]] = 1.0
    assert model.explain(person)[0][0].feature == "warnings_365"
    glob = model.global_factors(X)
    assert glob[0][0] == "warnings_365" and glob[0][2] == "up"
    again = am.AttritionModel.from_bytes(model.to_bytes())
    np.testing.assert_allclose(again.predict_proba(X[:20]), model.predict_proba(X[:20]))


# ---------------------------------------------------------------------------
# Fairness audit (after scoring, never features)
# ---------------------------------------------------------------------------
def test_age_bands():
    from hr_contract_risk.engine import attrition_fairness as fair

    assert [fair.age_band(a) for a in (18, 29.9, 30, 45, 50, 70)] == ["<30", "<30", "30-39", "40-49", "50+", "50+"]
    assert fair.age_band(None) is None and fair.age_band(float("nan")) is None


def test_fairness_audit_metrics_and_flags():
    from hr_contract_risk.engine import attrition_fairness as fair

    # group A: perfectly ranked and calibrated in the large; group B: scores
    # unrelated to the outcome and shifted up by 0.2, so more of it is flagged
    y_a = np.array([0] * 80 + [1] * 20)
    p_a = np.concatenate([np.full(80, 0.1), np.full(20, 0.6)])
    y_b = np.array([0, 1] * 50)
    p_b = np.full(100, 0.7)
    groups = ["A"] * 100 + ["B"] * 100 + [None] * 5
    y = np.concatenate([y_a, y_b, [1] * 5])
    p = np.concatenate([p_a, p_b, [0.9] * 5])
    res = fair.audit("gender", groups, y, p, threshold=0.5)
    a, b = res.groups
    assert (a.group, a.n, a.positives, b.n) == ("A", 100, 20, 100)  # the None rows are left out
    assert a.auc == pytest.approx(1.0) and b.auc == pytest.approx(0.5)
    assert a.observed_rate == pytest.approx(0.2) and a.mean_predicted == pytest.approx(0.2)
    assert b.calibration_gap == pytest.approx(0.2)
    assert a.positive_rate == pytest.approx(0.2) and b.positive_rate == pytest.approx(1.0)
    assert res.auc_gap == pytest.approx(0.5)
    assert res.calibration_gap == pytest.approx(0.2)
    assert res.disparate_impact == pytest.approx(0.2)
    assert res.base_rate_ratio == pytest.approx(0.4)
    assert res.flags == ["auc_gap", "calibration_gap", "disparate_impact"] and res.flagged
    assert res.as_dict()["groups"][0]["group"] == "A"

    # the same scores for both groups: nothing flagged
    same = fair.audit("gender", ["A"] * 100 + ["B"] * 100, np.concatenate([y_a, y_a]),
                      np.concatenate([p_a, p_a]), threshold=0.5)
    assert same.flags == [] and same.disparate_impact == pytest.approx(1.0) and same.auc_gap == pytest.approx(0.0)


def test_fairness_audit_small_groups_and_per_row_thresholds():
    from hr_contract_risk.engine import attrition_fairness as fair

    groups = ["big"] * 40 + ["tiny"] * 5
    y = np.array([0, 1] * 20 + [1] * 5)
    p = np.array([0.2, 0.8] * 20 + [0.9] * 5)
    res = fair.audit("age band", groups, y, p, threshold=0.5, order=["tiny", "big"])
    assert [g.group for g in res.groups] == ["tiny", "big"]
    tiny = res.groups[0]
    assert tiny.auc is None and not tiny.judged  # one class, under min_rows: no part in the gaps
    assert res.auc_gap is None and res.disparate_impact is None and res.flags == []
    # one threshold per row (each CV fold's own): 0.85 for the big group's rows flags none of them
    per_row = fair.audit("age band", groups, y, p, threshold=np.array([0.85] * 40 + [0.5] * 5))
    assert per_row.groups[0].positive_rate == 0.0 and per_row.groups[1].positive_rate == 1.0
    with pytest.raises(ValueError):
        fair.audit("x", ["a"], [0, 1], [0.1, 0.2], 0.5)


def test_calibration_bins():
    proba = np.array([0.1, 0.1, 0.2, 0.2, 0.8, 0.9])
    y = np.array([0, 0, 0, 1, 1, 1])
    bins = am.calibration_bins(y, proba, n_bins=3)
    assert [n for _p, _o, n in bins] == [2, 2, 2]
    assert bins[0] == pytest.approx((0.1, 0.0, 2)) and bins[1] == pytest.approx((0.2, 0.5, 2))
    assert bins[2] == pytest.approx((0.85, 1.0, 2))
    assert am.calibration_bins([], []) == []
    assert len(am.calibration_bins([1, 0], [0.3, 0.6], n_bins=5)) == 2  # never more bins than rows
