"""Performance forecast: next periods' total score with an 80 % interval.

Pure Python (no Odoo).  One series = one employee's confirmed total scores for
one KPI template, oldest first, one value per appraisal period.

Models (chosen by the rolling-origin backtest in ``bench/forecast_backtest.py``,
not by taste; see README, "Performance forecast"):

* ``damped``: Holt's linear method with a damped trend (fixed smoothing
  parameters ``ALPHA``, ``BETA``, ``PHI`` tuned on a *training* set of
  synthetic histories, disjoint from the scored set).  The fitted trend is
  shrunk toward the department's trend with weight ``n / (n + SHRINK_K)``, so
  a short history leans on the department, a long one on itself.
* ``cold_start``: fewer than ``MIN_HISTORY`` periods.  The point is the
  average of the department's and the template's mean score (the employee's
  own scores count as one more voice when there are any); the interval is the
  population spread.  Labelled as such so the UI can say so.

Interval: one-step residual spread (pooled with a prior spread, since short
histories under-estimate it), grown with the horizon as the damped-trend
variance formula says, times ``z`` of an 80 % two-sided normal interval and a
calibration factor ``CALIBRATION`` also tuned on the training set.

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
ALPHA = 0.45
BETA = 0.05
PHI = 0.8
SHRINK_K = 3.0
PRIOR_SIGMA = 6.0
PRIOR_WEIGHT = 3.0
CALIBRATION = 1.0
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


def _holt_damped(ys, alpha, beta, phi):
    """Fit level/trend by recursion; returns (level, trend, one-step residuals)."""
    level = ys[0]
    trend = ys[1] - ys[0] if len(ys) > 1 else 0.0
    # a two-point initial trend is noise: start it at a quarter of the first step
    trend *= 0.25
    residuals = []
    for y in ys[1:]:
        predicted = level + phi * trend
        residuals.append(y - predicted)
        new_level = alpha * y + (1 - alpha) * predicted
        trend = beta * (new_level - level) + (1 - beta) * phi * trend
        level = new_level
    return level, trend, residuals


def _horizon_factor(h, alpha, beta, phi):
    """sqrt of the damped-trend variance multiplier for step ``h`` (Hyndman et al., class 1)."""
    total = 1.0
    for j in range(1, h):
        damp_sum = sum(phi**i for i in range(1, j + 1))
        total += (alpha + alpha * beta * damp_sum) ** 2
    return math.sqrt(total)


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
        "alpha": ALPHA,
        "beta": BETA,
        "phi": PHI,
        "shrink_k": SHRINK_K,
        "prior_sigma": PRIOR_SIGMA,
        "prior_weight": PRIOR_WEIGHT,
        "calibration": CALIBRATION,
        "cold_k": COLD_K,
    }
    p.update(params or {})
    ys = [float(y) for y in history if y is not None]
    n = len(ys)
    z = Z80 * p["calibration"]
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

    alpha, beta, phi = p["alpha"], p["beta"], p["phi"]
    level, trend, residuals = _holt_damped(ys, alpha, beta, phi)
    if dept_trend is not None:
        weight = n / (n + p["shrink_k"])
        trend = weight * trend + (1 - weight) * float(dept_trend)
    sse = sum(r * r for r in residuals)
    pw = p["prior_weight"]
    sigma = math.sqrt((sse + pw * p["prior_sigma"] ** 2) / (len(residuals) + pw))
    pts = []
    damp = 0.0
    for h in range(1, horizon + 1):
        damp += phi**h
        centre = _clamp(level + damp * trend)
        half = z * sigma * _horizon_factor(h, alpha, beta, phi)
        pts.append(Point(h, centre, _clamp(centre - half), _clamp(centre + half)))
    return Forecast(DAMPED, tuple(pts), n, level=level, trend=trend, sigma=sigma)


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
