"""Appraisal scoring: KPI lines, weighted KPI score, 360 aggregation, grades,
decline streaks and trend.

Pure Python (no Odoo).  Scores are on a 0..100 scale unless stated otherwise.

Design decisions (see README, "Appraisals, decline alerts and the renewal review"):

* A KPI line's *completion* is a percentage, capped at ``cap`` (default 120):
  ``actual / target`` when higher is better, ``target / actual`` when lower is
  better.  Zero targets/actuals are defined explicitly (``line_completion``).
* The weighted KPI score is ``sum(weight * completion) / 100`` with weights
  summing to 100; over-achievement on one KPI may compensate another (that is
  the point of a cap above 100) but the KPI score itself is capped at 100.
* A 360 rating r in 1..5 maps to ``r / 5 * 100``; each relationship
  (manager, peer, subordinate, self) is averaged first, then the relationship
  averages are weighted by the company's weights renormalised over the
  relationships that actually gave feedback.
* total = share * KPI + (1 - share) * 360; without any 360 feedback the KPI
  score is the total (the 360 part is not counted as zero).
"""

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

HIGHER = "higher"
LOWER = "lower"
DIRECTIONS = (HIGHER, LOWER)

RELATIONSHIPS = ("manager", "peer", "subordinate", "self")
DEFAULT_RELATIONSHIP_WEIGHTS = {"manager": 50.0, "peer": 25.0, "subordinate": 15.0, "self": 10.0}
DEFAULT_GRADE_THRESHOLDS = {"A": 90.0, "B": 75.0, "C": 60.0}
DEFAULT_CAP = 120.0
RATING_MIN = 1
RATING_MAX = 5
WEIGHT_TOLERANCE = 0.01

MODE_SCORE = "score"
MODE_KPI = "kpi"


def _clamp(value, low, high):
    return max(low, min(high, value))


def line_completion(target, actual, direction=HIGHER, cap=DEFAULT_CAP):
    """Completion percentage of one KPI line, in 0..cap.

    Higher is better (sales amount, conversion rate): ``actual / target * 100``.
    Lower is better (complaints, cost, days late): ``target / actual * 100``.

    Zero cases (targets and actuals must be >= 0):

    ============  ========  =======  ==========================================
    direction     target    actual   completion
    ============  ========  =======  ==========================================
    higher        0         0        100 (a zero target is met)
    higher        0         > 0      cap (anything beats a zero target)
    lower         0         0        100 (zero tolerance met)
    lower         0         > 0      0 (zero tolerance missed)
    lower         > 0       0        cap (best possible result)
    ============  ========  =======  ==========================================
    """
    if direction not in DIRECTIONS:
        raise ValueError("direction must be %r or %r, not %r" % (HIGHER, LOWER, direction))
    if cap <= 0:
        raise ValueError("cap must be positive")
    target = float(target or 0.0)
    actual = float(actual or 0.0)
    if target < 0 or actual < 0:
        raise ValueError("KPI target and actual must not be negative")
    if direction == HIGHER:
        if target == 0:
            return 100.0 if actual == 0 else float(cap)
        ratio = actual / target * 100.0
    else:
        if actual == 0:
            return 100.0 if target == 0 else float(cap)
        if target == 0:
            return 0.0
        ratio = target / actual * 100.0
    return _clamp(ratio, 0.0, float(cap))


def check_weights(weights):
    """Raise ValueError unless the weights are >= 0 and sum to 100."""
    weights = [float(w or 0.0) for w in weights]
    if any(w < 0 for w in weights):
        raise ValueError("KPI weights must not be negative")
    total = sum(weights)
    if abs(total - 100.0) > WEIGHT_TOLERANCE:
        raise ValueError("KPI weights must sum to 100 (they sum to %s)" % round(total, 2))
    return total


def weighted_kpi_score(lines):
    """Weighted KPI score from ``(weight, completion)`` pairs, in 0..100.

    Weights must sum to 100.  No lines at all gives ``None`` (nothing to score).
    """
    lines = list(lines)
    if not lines:
        return None
    check_weights(w for w, _c in lines)
    raw = sum(float(w) * float(c) for w, c in lines) / 100.0
    return _clamp(raw, 0.0, 100.0)


def rating_to_score(rating):
    """Map a 1..5 rating to 0..100 (r / 5 * 100)."""
    rating = float(rating)
    if not RATING_MIN <= rating <= RATING_MAX:
        raise ValueError("360 ratings run from %s to %s" % (RATING_MIN, RATING_MAX))
    return rating / RATING_MAX * 100.0


def feedback_score(ratings):
    """Score of one reviewer's feedback: mean rating mapped to 0..100, None if unrated."""
    ratings = [r for r in ratings if r]
    if not ratings:
        return None
    return rating_to_score(sum(float(r) for r in ratings) / len(ratings))


def aggregate_360(feedbacks, weights=None):
    """Aggregate reviewers' scores into one 360 score (0..100) or None.

    ``feedbacks``: iterable of ``(relationship, score)`` where ``score`` is a
    reviewer's 0..100 score (``feedback_score``); ``None`` scores are ignored.
    Each relationship is averaged, then the averages are weighted with
    ``weights`` renormalised over the relationships present with weight > 0.
    """
    weights = dict(DEFAULT_RELATIONSHIP_WEIGHTS if weights is None else weights)
    by_rel = {}
    for relationship, score in feedbacks:
        if relationship not in RELATIONSHIPS:
            raise ValueError("unknown 360 relationship %r" % (relationship,))
        if score is None:
            continue
        by_rel.setdefault(relationship, []).append(float(score))
    present = {rel: sum(s) / len(s) for rel, s in by_rel.items() if float(weights.get(rel) or 0.0) > 0}
    if not present:
        return None
    total_weight = sum(float(weights[rel]) for rel in present)
    return sum(avg * float(weights[rel]) for rel, avg in present.items()) / total_weight


def relationship_averages(feedbacks):
    """Mean score per relationship (for the aggregated view shown to the employee)."""
    by_rel = {}
    for relationship, score in feedbacks:
        if score is not None:
            by_rel.setdefault(relationship, []).append(float(score))
    return {rel: sum(s) / len(s) for rel, s in by_rel.items()}


#: 360 anonymity: a relationship or competency average is shown only over at least this many reviewers
#: (the self-assessment is the employee's own and always shown); fewer would reveal who said what.
MIN_REVIEWERS_SHOWN = 2


@dataclass(frozen=True)
class RelationshipLine:
    relationship: str
    count: int
    average: float = None  # None: fewer reviewers than the anonymity threshold, not shown alone


@dataclass(frozen=True)
class Summary360:
    relationships: tuple  # RelationshipLine, in RELATIONSHIPS order
    competencies: tuple  # (competency name, average rating 1..5), by name


def summary_360(feedbacks, competency_ratings=(), min_reviewers=MIN_REVIEWERS_SHOWN):
    """The aggregated 360 shown to the employee and the review: averages only, never who said what.

    ``feedbacks``: (relationship, score 0..100) of the submitted, rated feedbacks;
    ``competency_ratings``: (competency name, reviewer key, rating 1..5) of the other reviewers.
    A relationship other than ``self`` with fewer than ``min_reviewers`` reviewers keeps its count
    but hides its average; a competency over fewer distinct reviewers is left out.
    """
    feedbacks = [(rel, score) for rel, score in feedbacks if score is not None]
    averages = relationship_averages(feedbacks)
    counts = {}
    for rel, _score in feedbacks:
        counts[rel] = counts.get(rel, 0) + 1
    lines = tuple(
        RelationshipLine(rel, counts[rel],
                         averages[rel] if rel == "self" or counts[rel] >= min_reviewers else None)
        for rel in RELATIONSHIPS if rel in counts)
    by_competency = {}
    for name, reviewer, rating in competency_ratings:
        if rating:
            by_competency.setdefault(name, []).append((reviewer, float(rating)))
    competencies = tuple(
        (name, sum(r for _rev, r in vals) / len(vals))
        for name, vals in sorted(by_competency.items())
        if len({rev for rev, _r in vals}) >= min_reviewers)
    return Summary360(lines, competencies)


def total_score(kpi_score, score_360, kpi_share=70.0):
    """Total 0..100: ``kpi_share`` % from the KPI score, the rest from the 360.

    Missing 360 -> the KPI score alone; missing KPI -> the 360 alone; both
    missing -> None.
    """
    if not 0 <= kpi_share <= 100:
        raise ValueError("the KPI share must lie between 0 and 100")
    if kpi_score is None and score_360 is None:
        return None
    if score_360 is None:
        return float(kpi_score)
    if kpi_score is None:
        return float(score_360)
    share = kpi_share / 100.0
    return _clamp(share * float(kpi_score) + (1 - share) * float(score_360), 0.0, 100.0)


def check_thresholds(thresholds):
    a, b, c = (float(thresholds[k]) for k in ("A", "B", "C"))
    if not 100 >= a > b > c >= 0:
        raise ValueError("grade thresholds must satisfy 100 >= A > B > C >= 0")


def grade(score, thresholds=None):
    """Grade A/B/C/D: A if score >= thresholds['A'], ... D below thresholds['C']."""
    thresholds = thresholds or DEFAULT_GRADE_THRESHOLDS
    check_thresholds(thresholds)
    if score is None:
        return None
    for key in ("A", "B", "C"):
        if score >= float(thresholds[key]):
            return key
    return "D"


def trend_slope(scores):
    """Least-squares slope of the scores over their index (points per period); None if < 2."""
    ys = [float(s) for s in scores if s is not None]
    n = len(ys)
    if n < 2:
        return None
    mean_x = (n - 1) / 2.0
    mean_y = sum(ys) / n
    sxx = sum((i - mean_x) ** 2 for i in range(n))
    sxy = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(ys))
    return sxy / sxx


# ---------------------------------------------------------------------------
# Decline streaks
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """One confirmed appraisal period of one employee.

    ``kpis``: ``{kpi_name: completion %}``; ``watched``: names of the KPIs the
    company watches for decline (mode ``kpi``).
    """

    key: object
    date_start: date
    total_score: float
    kpis: dict = field(default_factory=dict)
    watched: frozenset = frozenset()


@dataclass(frozen=True)
class Streak:
    """A run of consecutive below-threshold periods, at least ``n`` long.

    ``identity`` (the first period's start date) does not change while the
    streak grows, so one streak raises one alert; a good period ends it and a
    later run has another identity.
    """

    identity: date
    start: date
    end: date
    keys: tuple
    scores: tuple
    weakest_kpi: str = None
    weakest_completion: float = None

    @property
    def length(self):
        return len(self.keys)

    @property
    def average(self):
        return sum(self.scores) / len(self.scores) if self.scores else None


def is_below(period, mode=MODE_SCORE, threshold=60.0):
    """Whether a period counts towards a decline streak.

    mode ``score``: total score under ``threshold``.
    mode ``kpi``: any watched KPI under its target (completion < 100 %).
    """
    if mode == MODE_SCORE:
        return period.total_score is not None and float(period.total_score) < float(threshold)
    if mode == MODE_KPI:
        return any(name in period.kpis and period.kpis[name] < 100.0 for name in period.watched)
    raise ValueError("unknown decline mode %r" % (mode,))


def _weakest_kpi(periods):
    sums = {}
    for p in periods:
        for name, completion in p.kpis.items():
            sums.setdefault(name, []).append(float(completion))
    if not sums:
        return None, None
    name = min(sorted(sums), key=lambda k: sum(sums[k]) / len(sums[k]))
    return name, sum(sums[name]) / len(sums[name])


def _make_streak(run):
    weakest, completion = _weakest_kpi(run)
    return Streak(
        identity=run[0].date_start,
        start=run[0].date_start,
        end=run[-1].date_start,
        keys=tuple(p.key for p in run),
        scores=tuple(float(p.total_score or 0.0) for p in run),
        weakest_kpi=weakest,
        weakest_completion=completion,
    )


def find_streaks(periods, n=3, threshold=60.0, mode=MODE_SCORE):
    """All decline streaks (runs of >= n consecutive below periods), oldest first.

    ``periods`` are one employee's confirmed periods; they are sorted by start
    date here.  Periods are consecutive in that order (a missing appraisal does
    not break a streak: there is no evidence either way).
    """
    if n < 1:
        raise ValueError("a decline streak needs at least 1 period")
    streaks, run = [], []
    for period in sorted(periods, key=lambda p: p.date_start):
        if is_below(period, mode, threshold):
            run.append(period)
            continue
        if len(run) >= n:
            streaks.append(_make_streak(run))
        run = []
    if len(run) >= n:
        streaks.append(_make_streak(run))
    return streaks


def current_streak(periods, n=3, threshold=60.0, mode=MODE_SCORE):
    """The streak that includes the latest period, or None (a good last period ends it)."""
    periods = sorted(periods, key=lambda p: p.date_start)
    if not periods:
        return None
    streaks = find_streaks(periods, n, threshold, mode)
    if streaks and streaks[-1].end == periods[-1].date_start:
        return streaks[-1]
    return None


def suggest_course(kpi_name, courses):
    """Pick a training course for a KPI.

    ``courses``: iterable of ``(course_id, name, keywords)``; a course matches
    when one of its keywords (case-insensitive) equals or is contained in the
    KPI name; the longest matching keyword wins, then the lowest id.  None when
    nothing matches.
    """
    if not kpi_name:
        return None
    kpi = kpi_name.strip().lower()
    best = None
    for course_id, _name, keywords in courses:
        for kw in keywords or ():
            kw = (kw or "").strip().lower()
            if kw and (kw == kpi or kw in kpi):
                rank = (-len(kw), course_id)
                if best is None or rank < best[0]:
                    best = (rank, course_id)
    return best[1] if best else None


def parse_keywords(text):
    """Split a comma/semicolon/newline separated keyword list (also full-width ，；、)."""
    if not text:
        return []
    for sep in (";", "\n", "，", "；", "、"):
        text = text.replace(sep, ",")
    return [kw.strip() for kw in text.split(",") if kw.strip()]


@dataclass(frozen=True)
class Summary:
    count: int
    average: float
    trend: float
    grades: tuple
    streaks: tuple


def summarise(periods, thresholds=None, n=3, threshold=60.0, mode=MODE_SCORE):
    """Summary of a list of periods for the renewal review."""
    periods = sorted(periods, key=lambda p: p.date_start)
    scores = [p.total_score for p in periods if p.total_score is not None]
    return Summary(
        count=len(periods),
        average=(sum(scores) / len(scores)) if scores else None,
        trend=trend_slope(scores),
        grades=tuple(grade(p.total_score, thresholds) for p in periods),
        streaks=tuple(find_streaks(periods, n, threshold, mode)),
    )


# ---------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------

MONTHLY = "monthly"
QUARTERLY = "quarterly"
PERIODICITIES = (MONTHLY, QUARTERLY)


def period_bounds(day, periodicity=MONTHLY):
    """(first day, last day) of the month or calendar quarter containing ``day``."""
    if periodicity == MONTHLY:
        start = day.replace(day=1)
        months = 1
    elif periodicity == QUARTERLY:
        start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        months = 3
    else:
        raise ValueError("unknown periodicity %r" % (periodicity,))
    return start, start + relativedelta(months=months, days=-1)
