from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hr_contract_risk.engine import appraisal as ap
from hr_contract_risk.engine import forecast as fc

scores = st.floats(min_value=0.0, max_value=120.0, allow_nan=False)
histories = st.lists(scores, min_size=0, max_size=30)
optional_score = st.none() | st.floats(min_value=0.0, max_value=100.0, allow_nan=False)


@given(histories, st.none() | st.floats(-5.0, 5.0), optional_score, optional_score, st.integers(1, 12))
def test_interval_contains_point(history, dept_trend, dept_mean, template_mean, horizon):
    f = fc.forecast(history, horizon, dept_trend, dept_mean, template_mean)
    assert len(f.points) == horizon
    assert [p.step for p in f.points] == list(range(1, horizon + 1))
    for p in f.points:
        assert 0.0 <= p.low <= p.point <= p.high <= fc.SCORE_MAX


@given(st.floats(min_value=10.0, max_value=110.0), st.integers(fc.MIN_HISTORY, 30))
def test_flat_history_gives_flat_forecast(level, n):
    f = fc.forecast([level] * n)
    assert f.model == fc.DAMPED
    for p in f.points:
        assert p.point == pytest.approx(level, abs=1e-9)
    # the band widens (or stays) with the horizon, never narrows
    widths = [p.high - p.low for p in f.points]
    assert all(b >= a - 1e-9 for a, b in zip(widths, widths[1:], strict=False))


@given(histories, st.integers(0, 29), st.lists(scores, min_size=1, max_size=10))
def test_forecast_at_an_origin_ignores_later_data(history, origin, altered_future):
    """The backtest cuts the history at the origin: what happens after it cannot change the forecast."""
    origin = min(origin, len(history))
    original = history + [50.0]
    altered = history[:origin] + altered_future
    assert fc.forecast(original[:origin]) == fc.forecast(altered[:origin])


def test_backtest_uses_no_future_data():
    """Rewriting every score after an origin leaves every forecast made at or before it unchanged."""
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parent.parent / "bench" / "forecast_backtest.py"
    spec = importlib.util.spec_from_file_location("forecast_backtest", path)
    bt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bt)
    employees = bt.generate(3)
    cal_origin = 12
    altered = [
        dict(e, scores=[s if e["start"] + i <= cal_origin else 0.0 for i, s in enumerate(e["scores"])])
        for e in employees
    ]
    for i, (a, b) in enumerate(zip(employees, altered, strict=True)):
        upto = cal_origin - a["start"] + 1
        if upto <= 0:
            continue
        assert bt._context(employees, i, cal_origin) == bt._context(altered, i, cal_origin)
        assert a["scores"][:upto] == b["scores"][:upto]


def _backtest_module():
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parent.parent / "bench" / "forecast_backtest.py"
    spec = importlib.util.spec_from_file_location("forecast_backtest", path)
    bt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bt)
    return bt


def test_backtest_forecasts_do_not_move_when_the_future_changes():
    """Perturb every score after a calendar origin: every forecast the backtest makes at or before it is unchanged."""
    bt = _backtest_module()
    employees = bt.generate(5)[:20]
    cal_origin = 10
    altered = [
        dict(e, scores=[s if e["start"] + i <= cal_origin else 120.0 - s for i, s in enumerate(e["scores"])])
        for e in employees
    ]

    def forecasts(emps):
        out = []
        for i, e in enumerate(emps):
            for origin in range(1, cal_origin - e["start"] + 2):
                if origin > len(e["scores"]):
                    break
                ctx = bt._context(emps, i, e["start"] + origin - 1)
                out.append(fc.forecast(e["scores"][:origin], bt.HORIZON, *ctx))
        return out

    before, after = forecasts(employees), forecasts(altered)
    assert before  # the origins exist
    assert before == after


def test_rising_history_forecasts_rise_and_damps():
    history = [50, 53, 56, 59, 62, 65, 68]
    f = fc.forecast(history)
    pts = [p.point for p in f.points]
    # the filter discounts a short ramp as partly noise (the backtest's choice), but it rises above the mean
    assert pts[0] > sum(history) / len(history)
    assert f.trend > 0
    assert all(b > a for a, b in zip(pts, pts[1:], strict=False))
    steps = [b - a for a, b in zip(pts, pts[1:], strict=False)]
    assert all(b < a for a, b in zip(steps, steps[1:], strict=False))  # damped


def test_short_history_is_pulled_toward_department_trend():
    history = [70, 69, 71, 70, 70]
    alone = fc.forecast(history)
    falling_dept = fc.forecast(history, dept_trend=-3.0)
    assert falling_dept.points[-1].point < alone.points[-1].point
    # a long history hardly moves
    long_history = history * 6
    assert abs(
        fc.forecast(long_history, dept_trend=-3.0).points[-1].point - fc.forecast(long_history).points[-1].point
    ) < abs(falling_dept.points[-1].point - alone.points[-1].point)


@given(st.lists(scores, max_size=fc.MIN_HISTORY - 1), st.floats(20.0, 100.0), st.floats(20.0, 100.0))
def test_cold_start_label_and_prior(history, dept_mean, template_mean):
    f = fc.forecast(history, dept_mean=dept_mean, template_mean=template_mean)
    assert f.model == fc.COLD_START
    assert len({p.point for p in f.points}) == 1
    if not history:
        assert f.points[0].point == pytest.approx((dept_mean + template_mean) / 2)
    else:
        lo = min([*history, dept_mean, template_mean])
        hi = max([*history, dept_mean, template_mean])
        assert lo - 1e-9 <= f.points[0].point <= hi + 1e-9


def test_four_periods_leave_the_cold_start():
    assert fc.forecast([60, 61, 62]).model == fc.COLD_START
    assert fc.forecast([60, 61, 62, 63]).model == fc.DAMPED


def test_bad_horizon_and_periods():
    with pytest.raises(ValueError):
        fc.forecast([60, 61], horizon=0)
    with pytest.raises(ValueError):
        fc.predicted_below(fc.forecast([60]), 60.0, periods=0)


def test_predicted_below_default_is_grade_c():
    target = ap.DEFAULT_GRADE_THRESHOLDS["C"]
    falling = fc.forecast([70, 66, 62, 58, 55, 52])
    assert all(ap.grade(p.point) == "D" for p in falling.points[:3])
    assert fc.predicted_below(falling, target)
    steady = fc.forecast([75, 76, 74, 75, 75])
    assert not fc.predicted_below(steady, target)
    # N is per template: a longer N needs a longer forecast below target
    assert not fc.predicted_below(fc.forecast([70, 66, 62, 58, 55, 52], horizon=2), target, periods=3)


def test_episode_identity_is_stable_while_it_lasts():
    d = [date(2026, m, 1) for m in range(1, 9)]
    flags = [(d[0], False), (d[1], True), (d[2], True), (d[3], True), (d[4], False), (d[5], True), (d[6], True)]
    assert fc.find_episodes(flags) == [(d[1], d[3]), (d[5], d[6])]
    identity = None
    seen = []
    for as_of, below in flags:
        identity = fc.episode_identity(identity, below, as_of)
        seen.append(identity)
    assert seen == [None, d[1], d[1], d[1], None, d[5], d[5]]


@given(st.lists(st.booleans(), max_size=30))
def test_episodes_cover_exactly_the_below_runs(bits):
    days = [date(2026, 1, 1).replace(day=1 + i % 28, month=1 + i // 28) for i in range(len(bits))]
    episodes = fc.find_episodes(list(zip(days, bits, strict=True)))
    runs = 0
    prev = False
    for b in bits:
        runs += b and not prev
        prev = b
    assert len(episodes) == runs
    for start, end in episodes:
        assert start <= end
