from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from hr_contract_risk.engine import appraisal as ap

# --- KPI line scoring ------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "actual", "direction", "cap", "expected"),
    [
        (100, 80, ap.HIGHER, 120, 80.0),
        (100, 100, ap.HIGHER, 120, 100.0),
        (100, 150, ap.HIGHER, 120, 120.0),  # capped
        (100, 150, ap.HIGHER, 150, 150.0),  # configurable cap
        (100, 0, ap.HIGHER, 120, 0.0),
        (10, 20, ap.LOWER, 120, 50.0),  # twice the allowed complaints: half
        (10, 10, ap.LOWER, 120, 100.0),
        (10, 5, ap.LOWER, 120, 120.0),  # half the complaints: 200 %, capped
        (10, 8, ap.LOWER, 200, 125.0),
    ],
)
def test_line_completion(target, actual, direction, cap, expected):
    assert ap.line_completion(target, actual, direction, cap) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("target", "actual", "direction", "expected"),
    [
        (0, 0, ap.HIGHER, 100.0),
        (0, 5, ap.HIGHER, 120.0),
        (0, 0, ap.LOWER, 100.0),
        (0, 3, ap.LOWER, 0.0),
        (5, 0, ap.LOWER, 120.0),
    ],
)
def test_line_completion_zero_cases(target, actual, direction, expected):
    assert ap.line_completion(target, actual, direction, 120) == expected


def test_line_completion_rejects_bad_input():
    with pytest.raises(ValueError):
        ap.line_completion(-1, 5)
    with pytest.raises(ValueError):
        ap.line_completion(5, -1)
    with pytest.raises(ValueError):
        ap.line_completion(5, 5, "sideways")
    with pytest.raises(ValueError):
        ap.line_completion(5, 5, ap.HIGHER, 0)


amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
caps = st.floats(min_value=100, max_value=300, allow_nan=False)


@given(target=amounts, actual=amounts, cap=caps, direction=st.sampled_from(ap.DIRECTIONS))
def test_completion_bounded(target, actual, cap, direction):
    value = ap.line_completion(target, actual, direction, cap)
    assert 0.0 <= value <= cap


@given(target=amounts, a=amounts, b=amounts, cap=caps)
def test_completion_monotone_in_actual_when_higher_is_better(target, a, b, cap):
    low, high = sorted((a, b))
    assert ap.line_completion(target, low, ap.HIGHER, cap) <= ap.line_completion(target, high, ap.HIGHER, cap)


@given(target=amounts, a=amounts, b=amounts, cap=caps)
def test_completion_antitone_in_actual_when_lower_is_better(target, a, b, cap):
    low, high = sorted((a, b))
    assert ap.line_completion(target, low, ap.LOWER, cap) >= ap.line_completion(target, high, ap.LOWER, cap)


@given(target=st.floats(min_value=0.01, max_value=1e6), cap=caps, direction=st.sampled_from(ap.DIRECTIONS))
def test_meeting_the_target_is_100(target, cap, direction):
    assert ap.line_completion(target, target, direction, cap) == pytest.approx(100.0)


# --- weighted KPI score ----------------------------------------------------


def test_weighted_kpi_score():
    # 50 % weight at 80 %, 30 % at 100 %, 20 % at 120 % -> 40 + 30 + 24 = 94
    assert ap.weighted_kpi_score([(50, 80), (30, 100), (20, 120)]) == pytest.approx(94.0)


def test_weighted_kpi_score_capped_at_100():
    assert ap.weighted_kpi_score([(50, 120), (50, 120)]) == 100.0


def test_weights_must_sum_to_100():
    with pytest.raises(ValueError, match="sum to 100"):
        ap.weighted_kpi_score([(50, 80), (30, 100)])
    with pytest.raises(ValueError):
        ap.check_weights([120, -20])
    assert ap.weighted_kpi_score([]) is None


@given(st.lists(st.tuples(st.integers(1, 50), st.floats(0, 120)), min_size=1, max_size=8))
def test_weighted_score_bounded(pairs):
    total = sum(w for w, _c in pairs)
    normalised = [(w * 100.0 / total, c) for w, c in pairs]
    score = ap.weighted_kpi_score(normalised)
    assert 0.0 <= score <= 100.0
    assert score >= min(c for _w, c in pairs) - 1e-6 or score == 100.0


# --- 360 aggregation --------------------------------------------------------


def test_rating_to_score():
    assert ap.rating_to_score(5) == 100.0
    assert ap.rating_to_score(3) == 60.0
    with pytest.raises(ValueError):
        ap.rating_to_score(6)
    assert ap.feedback_score([4, 5, None]) == pytest.approx(90.0)
    assert ap.feedback_score([None]) is None


def test_aggregate_360_weights_and_renormalisation():
    weights = {"manager": 50, "peer": 25, "subordinate": 15, "self": 10}
    feedbacks = [("manager", 80), ("peer", 60), ("peer", 100), ("self", 100)]
    # manager 80, peer avg 80, self 100; subordinate absent -> weights 50/25/10 over 85
    expected = (80 * 50 + 80 * 25 + 100 * 10) / 85
    assert ap.aggregate_360(feedbacks, weights) == pytest.approx(expected)


def test_aggregate_360_only_one_relationship():
    assert ap.aggregate_360([("peer", 70)], {"manager": 50, "peer": 25, "subordinate": 15, "self": 10}) == 70


def test_aggregate_360_empty_and_zero_weight():
    assert ap.aggregate_360([]) is None
    assert ap.aggregate_360([("self", 100)], {"manager": 100, "peer": 0, "subordinate": 0, "self": 0}) is None
    with pytest.raises(ValueError):
        ap.aggregate_360([("boss", 50)])


@given(st.lists(st.tuples(st.sampled_from(ap.RELATIONSHIPS), st.floats(0, 100)), min_size=1, max_size=12))
def test_aggregate_360_between_min_and_max(feedbacks):
    score = ap.aggregate_360(feedbacks)
    values = [s for _r, s in feedbacks]
    assert min(values) - 1e-9 <= score <= max(values) + 1e-9


def test_relationship_averages():
    assert ap.relationship_averages([("peer", 60), ("peer", 80), ("self", None)]) == {"peer": 70}


# --- total and grade -------------------------------------------------------


def test_total_score_split():
    assert ap.total_score(80, 60, 70) == pytest.approx(74.0)
    assert ap.total_score(80, None, 70) == 80
    assert ap.total_score(None, 60, 70) == 60
    assert ap.total_score(None, None) is None
    with pytest.raises(ValueError):
        ap.total_score(80, 60, 120)


@given(kpi=st.floats(0, 100), s360=st.floats(0, 100), share=st.floats(0, 100))
def test_total_between_parts(kpi, s360, share):
    total = ap.total_score(kpi, s360, share)
    assert min(kpi, s360) - 1e-9 <= total <= max(kpi, s360) + 1e-9


@pytest.mark.parametrize(
    ("score", "expected"), [(100, "A"), (90, "A"), (89.99, "B"), (75, "B"), (60, "C"), (59.9, "D"), (0, "D")]
)
def test_grade_default_thresholds(score, expected):
    assert ap.grade(score) == expected


def test_grade_custom_and_invalid_thresholds():
    assert ap.grade(85, {"A": 85, "B": 70, "C": 50}) == "A"
    assert ap.grade(None) is None
    with pytest.raises(ValueError):
        ap.grade(80, {"A": 70, "B": 75, "C": 60})


@given(a=st.floats(0, 100), b=st.floats(0, 100))
def test_grade_monotone(a, b):
    low, high = sorted((a, b))
    assert ap.grade(low) >= ap.grade(high)  # "A" < "B" < ... as strings: a higher score never gets a worse grade


# --- trend -------------------------------------------------------------------


def test_trend_slope():
    assert ap.trend_slope([80, 70, 60]) == pytest.approx(-10.0)
    assert ap.trend_slope([50, 50]) == 0.0
    assert ap.trend_slope([50]) is None
    assert ap.trend_slope([60, None, 80]) == pytest.approx(20.0)


# --- decline streaks --------------------------------------------------------


def months(scores, start=date(2024, 1, 1), kpis=None, watched=()):
    return [
        ap.Period(key=i, date_start=start + relativedelta(months=i), total_score=s,
                  kpis=(kpis[i] if kpis else {}), watched=frozenset(watched))
        for i, s in enumerate(scores)
    ]


def test_streak_of_three_below():
    periods = months([80, 82, 55, 50, 45])
    streaks = ap.find_streaks(periods, n=3, threshold=60)
    assert len(streaks) == 1
    streak = streaks[0]
    assert streak.keys == (2, 3, 4)
    assert streak.identity == date(2024, 3, 1)
    assert streak.average == pytest.approx(50.0)
    assert ap.current_streak(periods, 3, 60) == streak


def test_two_below_is_not_a_streak():
    assert ap.find_streaks(months([80, 55, 50]), 3, 60) == []
    assert ap.current_streak(months([80, 55, 50]), 3, 60) is None


def test_streak_broken_by_one_good_month():
    periods = months([55, 50, 70, 50, 45])
    assert ap.find_streaks(periods, 3, 60) == []
    periods = months([55, 50, 45, 70, 50, 45, 40])
    streaks = ap.find_streaks(periods, 3, 60)
    assert [s.keys for s in streaks] == [(0, 1, 2), (4, 5, 6)]
    assert streaks[0].identity != streaks[1].identity
    # the first streak ended with a good month: only the second one is current
    assert ap.current_streak(periods, 3, 60).keys == (4, 5, 6)
    assert ap.current_streak(periods[:4], 3, 60) is None


def test_streak_identity_stable_while_growing():
    three = ap.current_streak(months([80, 50, 50, 50]), 3, 60)
    four = ap.current_streak(months([80, 50, 50, 50, 40]), 3, 60)
    assert three.identity == four.identity
    assert four.length == 4


def test_streak_order_independent_and_threshold_strict():
    periods = months([50, 50, 60, 50])
    assert ap.find_streaks(list(reversed(periods)), 2, 60)[0].keys == (0, 1)
    assert ap.find_streaks(periods, 1, 60)[-1].keys == (3,)  # 60 is not below 60
    with pytest.raises(ValueError):
        ap.find_streaks(periods, 0, 60)


def test_streak_kpi_mode_and_weakest_kpi():
    kpis = [
        {"招商额完成率": 110, "客户转化率": 100},
        {"招商额完成率": 90, "客户转化率": 100},
        {"招商额完成率": 80, "客户转化率": 95},
        {"招商额完成率": 70, "客户转化率": 101},
    ]
    periods = months([90, 85, 80, 78], kpis=kpis, watched=["招商额完成率"])
    streak = ap.current_streak(periods, 3, 60, mode=ap.MODE_KPI)
    assert streak.keys == (1, 2, 3)
    assert streak.weakest_kpi == "招商额完成率"
    assert streak.weakest_completion == pytest.approx(80.0)
    assert ap.current_streak(periods, 3, 60, mode=ap.MODE_SCORE) is None
    with pytest.raises(ValueError):
        ap.is_below(periods[0], "other")


@given(st.lists(st.floats(0, 100), max_size=24), st.integers(1, 5), st.floats(1, 100))
def test_streak_properties(scores, n, threshold):
    periods = months(scores)
    streaks = ap.find_streaks(periods, n, threshold)
    seen = set()
    for streak in streaks:
        assert streak.length >= n
        assert all(s < threshold for s in streak.scores)
        assert streak.identity not in seen
        seen.add(streak.identity)
    # streaks never overlap and are separated by at least one good period
    for a, b in zip(streaks, streaks[1:]):
        assert max(a.keys) + 1 < min(b.keys)
    assert sum(s.length for s in streaks) <= sum(1 for s in scores if s < threshold)


# --- training suggestion and summary ----------------------------------------------


def test_suggest_course():
    courses = [
        (1, "Team work", ["团队协作", "teamwork"]),
        (2, "Sales basics", ["招商"]),
        (3, "Sales closing", ["招商额", "closing"]),
    ]
    assert ap.suggest_course("招商额完成率", courses) == 3  # the longest keyword wins
    assert ap.suggest_course("Teamwork", courses) == 1
    assert ap.suggest_course("客户转化率", courses) is None
    assert ap.suggest_course(None, courses) is None


def test_parse_keywords():
    assert ap.parse_keywords("招商额，客户转化率; teamwork\nclosing、x") == ["招商额", "客户转化率", "teamwork", "closing", "x"]
    assert ap.parse_keywords(False) == []


def test_summarise():
    summary = ap.summarise(months([90, 80, 70, 55, 50, 45]))
    assert summary.count == 6
    assert summary.average == pytest.approx(65.0)
    assert summary.trend < 0
    assert summary.grades == ("A", "B", "C", "D", "D", "D")
    assert len(summary.streaks) == 1
    empty = ap.summarise([])
    assert empty.average is None and empty.trend is None


@pytest.mark.parametrize(
    ("day", "periodicity", "expected"),
    [
        (date(2024, 2, 15), ap.MONTHLY, (date(2024, 2, 1), date(2024, 2, 29))),
        (date(2024, 12, 31), ap.MONTHLY, (date(2024, 12, 1), date(2024, 12, 31))),
        (date(2024, 5, 20), ap.QUARTERLY, (date(2024, 4, 1), date(2024, 6, 30))),
        (date(2024, 12, 1), ap.QUARTERLY, (date(2024, 10, 1), date(2024, 12, 31))),
    ],
)
def test_period_bounds(day, periodicity, expected):
    assert ap.period_bounds(day, periodicity) == expected


def test_period_bounds_rejects_unknown():
    with pytest.raises(ValueError):
        ap.period_bounds(date(2024, 1, 1), "weekly")
