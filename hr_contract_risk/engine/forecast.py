"""Performance forecast: next periods' total score with an 80 % interval.

Pure Python (no Odoo).  One series = one employee's confirmed total scores for
one KPI template, oldest first, one value per appraisal period.

Models (chosen by the rolling-origin backtest in ``bench/forecast_backtest.py``,
not by taste; see README, "Performance forecast"):

* ``damped``: a damped local linear trend (level and slope, each with a
  random-walk disturbance, the slope damped by ``PHI`` per period), filtered
  by a Kalman filter.  Its variances (relative to the measurement noise) were
  tuned on a *training* set of synthetic histories, disjoint from the scored
  set; the backtest preferred it to Holt's damped method (MAE 6.62 vs 6.68 on
  the test seed) and to a per-employee likelihood choice of the variances
  (worse on the training seeds: it over-fits).  The slope starts at the
  department's trend with variance ``SLOPE_PRIOR_VAR``: a short history leans
  on the department, a long one on its own data (hierarchical shrinkage).
* ``cold_start``: fewer than ``MIN_HISTORY`` periods.  The point is the
  average of the department's and the template's mean score (the employee's
  own scores count as one more voice when there are any); the interval is the
  population spread.  Labelled as such so the UI can say so.

Interval: the filter's forecast variance at each step (state uncertainty
plus the period's own noise) times the noise variance estimated from the
standardised innovations (pooled with a prior spread, since short histories
under-estimate it), times ``z`` of an 80 % two-sided normal interval and a
per-step factor ``CALIBRATION`` fitted on the training seeds' out-of-sample
errors.  The band never narrows with the horizon.

Scores are clamped to ``[0, SCORE_MAX]``; low <= point <= high always.
"""

import math
from dataclasses import dataclass

DAMPED = "damped"
COLD_START = "cold_start"
MODELS = (DAMPED, COLD_START)

MIN_HISTORY = 4
DEFAULT_HORIZON = 6
SCORE_MAX = 120.0
Z80 = 1.2815515655446004  # two-sided 80 %: 10 % in each tail

# Tuned on the training seeds of bench/forecast_backtest.py (never the scored seeds).
PHI = 0.7
LEVEL_VAR = 0.05
SLOPE_VAR = 0.06
SLOPE_PRIOR_VAR = 0.3
PRIOR_SIGMA = 6.0
PRIOR_WEIGHT = 3.0
# Interval width factor per step (1, 2, ...), fitted so that 80 % of the
# training seeds' out-of-sample errors at that step fall inside; later steps
# reuse the last one.  The cold start uses the first.
CALIBRATION = (0.97, 1.0, 1.0, 1.03, 1.04, 1.09)
COLD_K = 0.5

DEFAULT_BELOW_PERIODS = 3


@dataclass(frozen=True)
class Point:
    """One forecast period: ``step`` 1 is the period after the last appraisal."""

    step: int
    point: float
    low: float
    high: float


@dataclass(frozen=True)
class Forecast:
    model: str
    points: tuple
    history_length: int
    level: float = None
    trend: float = None
    sigma: float = None


def _clamp(value):
    return min(max(value, 0.0), SCORE_MAX)


def _mean(values):
    values = [float(v) for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _llt_filter(ys, p, slope0):
    """Kalman filter of a damped local linear trend, in units of the noise variance.

    State (level, slope); level' = level + phi * slope, slope' = phi * slope,
    each with a random-walk disturbance of variance ``level_var`` / ``slope_var``
    relative to the period's own measurement noise (variance 1).  The slope
    starts at ``slope0`` (the department's trend) with variance
    ``slope_prior_var``: the hierarchical pull toward the department, which the
    employee's own data outweigh as they accumulate.

    Returns (level, slope, state covariance (a, b, d), sum of squared
    standardised innovations, number of innovations).
    """
    phi, ql, qs = p["phi"], p["level_var"], p["slope_var"]
    level, slope = ys[0], slope0
    a, b, d = 1.0, 0.0, p["slope_prior_var"]  # covariance [[a, b], [b, d]]
    sq = 0.0
    for y in ys[1:]:
        level, slope = level + phi * slope, phi * slope
        a, b, d = a + 2 * phi * b + phi * phi * d + ql, phi * b + phi * phi * d, phi * phi * d + qs
        s = a + 1.0
        innovation = y - level
        sq += innovation * innovation / s
        k0, k1 = a / s, b / s
        level += k0 * innovation
        slope += k1 * innovation
        a, b, d = a - k0 * a, b - k0 * b, d - k1 * b
    return level, slope, (a, b, d), sq, len(ys) - 1



def forecast(
    history,
    horizon=DEFAULT_HORIZON,
    dept_trend=None,
    dept_mean=None,
    template_mean=None,
    population_sigma=None,
    params=None,
):
    """Forecast the next ``horizon`` total scores of one series.

    ``history``: total scores, oldest first (``None`` entries are skipped).
    ``dept_trend``: the department's trend in points per period (e.g. the mean
    ``trend_slope`` of its members' recent scores), or None for no pull.
    ``dept_mean`` / ``template_mean``: averages used for the cold start.
    ``population_sigma``: spread of scores in the department/template, for the
    cold-start interval.  ``params``: override the tuned constants (backtest).
    """
    if horizon < 1:
        raise ValueError("the forecast horizon must be at least 1 period")
    p = {
        "phi": PHI,
        "level_var": LEVEL_VAR,
        "slope_var": SLOPE_VAR,
        "slope_prior_var": SLOPE_PRIOR_VAR,
        "prior_sigma": PRIOR_SIGMA,
        "prior_weight": PRIOR_WEIGHT,
        "calibration": CALIBRATION,
        "cold_k": COLD_K,
    }
    p.update(params or {})
    ys = [float(y) for y in history if y is not None]
    n = len(ys)
    calibration = tuple(p["calibration"])
    z = Z80 * calibration[0]
    if n < MIN_HISTORY:
        prior = _mean([m for m in (dept_mean, template_mean) if m is not None])
        if prior is None:
            prior = _mean(ys) if ys else 60.0
        own = _mean(ys) if ys else prior
        weight = n / (n + p["cold_k"])
        centre = _clamp(weight * own + (1 - weight) * prior)
        spread = population_sigma if population_sigma is not None else 2.0 * p["prior_sigma"]
        # the spread of the population shrinks as the employee's own mean firms up
        sigma = math.sqrt((1 - weight) * spread**2 + p["prior_sigma"] ** 2)
        half = z * sigma
        pts = tuple(Point(h, centre, _clamp(centre - half), _clamp(centre + half)) for h in range(1, horizon + 1))
        return Forecast(COLD_START, pts, n, level=centre, trend=0.0, sigma=sigma)

    phi, ql, qs = p["phi"], p["level_var"], p["slope_var"]
    level, slope, (va, vb, vd), sq, count = _llt_filter(ys, p, float(dept_trend or 0.0))
    # noise variance from the standardised innovations, pooled with a prior
    # spread (a short history under-estimates it)
    pw = p["prior_weight"]
    sigma = math.sqrt((sq + pw * p["prior_sigma"] ** 2) / (count + pw))
    pts, damp, half = [], 0.0, 0.0
    for h in range(1, horizon + 1):
        damp += phi**h
        va, vb, vd = va + 2 * phi * vb + phi * phi * vd + ql, phi * vb + phi * phi * vd, phi * phi * vd + qs
        centre = _clamp(level + damp * slope)
        factor = calibration[min(h, len(calibration)) - 1]
        # the band never narrows with the horizon
        half = max(half, Z80 * factor * sigma * math.sqrt(va + 1.0))
        pts.append(Point(h, centre, _clamp(centre - half), _clamp(centre + half)))
    return Forecast(DAMPED, tuple(pts), n, level=level, trend=slope, sigma=sigma)


# ---------------------------------------------------------------------------
# Baselines (benchmark only)
# ---------------------------------------------------------------------------


def naive_last(history, horizon=DEFAULT_HORIZON):
    ys = [float(y) for y in history if y is not None]
    return [ys[-1]] * horizon if ys else [None] * horizon


def moving_average(history, horizon=DEFAULT_HORIZON, window=3):
    ys = [float(y) for y in history if y is not None]
    return [_mean(ys[-window:])] * horizon if ys else [None] * horizon


# ---------------------------------------------------------------------------
# "Predicted below target for the next N periods"
# ---------------------------------------------------------------------------


def predicted_below(fc, threshold, periods=DEFAULT_BELOW_PERIODS):
    """True when each of the first ``periods`` forecast points is under ``threshold``.

    The default target is the grade C threshold of ``engine.appraisal`` (a
    point under it would be graded D).  A forecast shorter than ``periods``
    cannot say so: False.
    """
    if periods < 1:
        raise ValueError("'below target' needs at least 1 forecast period")
    pts = fc.points[:periods]
    return len(pts) == periods and all(pt.point < float(threshold) for pt in pts)


def episode_identity(previous_identity, below, as_of):
    """Identity of the running below-target episode after the forecast at ``as_of``.

    Same rule as decline streaks: the identity (the first as-of date that
    predicted below target) does not change while the episode lasts, so one
    episode raises one activity; a forecast that is no longer below ends it
    (None) and a later episode gets a new identity.
    """
    if not below:
        return None
    return previous_identity or as_of


def find_episodes(flags):
    """``flags``: iterable of ``(as_of, below)`` in as-of order -> list of (start, end) episodes."""
    episodes, identity, last = [], None, None
    for as_of, below in flags:
        new_identity = episode_identity(identity, below, as_of)
        if identity is not None and new_identity is None:
            episodes.append((identity, last))
        identity = new_identity
        if below:
            last = as_of
    if identity is not None:
        episodes.append((identity, last))
    return episodes
