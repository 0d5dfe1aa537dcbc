"""Organisation insights: per department and per manager, figures and findings (issue 13).

Pure Python (no Odoo).  The Odoo layer (``models/hr_org_insight.py``) gathers the numbers
set-wise (``_read_group`` / SQL, never a query per employee) and passes plain dicts here.

Figures of a *unit* (a department's employees, or a manager's direct reports):

* span of control: the direct reports of the manager (of the department's manager for a
  department);
* reporting layers: the depth of the reporting tree below that manager (1 = only direct
  reports, 0 = nobody reports to them);
* average KPI score of the confirmed appraisals of the last 12 months, and its trend: the
  least-squares slope (``appraisal.trend_slope``) of the unit's average score per period;
* 12-month turnover = departures / average headcount, the average headcount being
  (headcount 12 months ago + headcount now) / 2, headcount 12 months ago = now - hires +
  departures;
* the share of high-risk employees (attrition band ``high``);
* open expiry alerts and overdue decisions (contracts expired without decision under LCL
  Art. 44(1)/82, renewal reviews still open after the contract's end date).

Findings are advice, never actions: each says its numbers and its threshold (company
settings).  Rules: span > 12 -> "consider a team lead"; department cost ratio above the
company median by more than X points -> "review pay structure or process"; >= 30 % of the
team at high attrition risk -> "talk to the manager"; a manager with >= N reports and >= 50 %
of the team on a falling KPI trend -> "look at the team, not only the people".
"""

import statistics
from dataclasses import dataclass

from .appraisal import trend_slope
from .findings import WARN, Finding
from .i18n import Msg, _lt
from .labour_cost import InputError  # noqa: F401  (one bad-input error for the cost and insight rules)

#: finding codes about attrition risk: shown to HR only (the Odoo fields carry groups=)
RISK_CODES = frozenset({"high_risk"})


@dataclass(frozen=True)
class Thresholds:
    span_of_control: int = 12
    cost_ratio_points: float = 5.0  # percentage points above the company median
    high_risk_share: float = 30.0  # percent of the team
    decline_min_reports: int = 3  # reports with a falling KPI trend, at least
    decline_team_share: float = 50.0  # percent of the team with a falling KPI trend, at least


FIELD_LABELS = {
    "span_of_control": _lt("Span of control threshold"),
    "cost_ratio_points": _lt("Cost ratio points above the median"),
    "high_risk_share": _lt("High-risk share threshold"),
    "decline_min_reports": _lt("Declining reports, minimum"),
    "decline_team_share": _lt("Declining team share threshold"),
}


def validate_thresholds(thresholds):
    """Raise InputError naming the field and its bound: counts >= 1, percentages 0-100."""
    for key in ("span_of_control", "decline_min_reports"):
        value = getattr(thresholds, key)
        if value is None or value < 1:
            raise InputError(Msg(_lt("%(field)s must be 1 or more (got %(value)s)."),
                                 {"field": FIELD_LABELS[key], "value": value}))
    for key in ("cost_ratio_points", "high_risk_share", "decline_team_share"):
        value = getattr(thresholds, key)
        if value is None or not 0 <= value <= 100:
            raise InputError(Msg(_lt("%(field)s must be between 0 and 100 (got %(value)s)."),
                                 {"field": FIELD_LABELS[key], "value": value}))


# --------------------------------------------------------------------------- figures


def children_map(parents):
    """{parent: [children]} from {employee: parent or None}."""
    out = {}
    for emp, parent in parents.items():
        if parent is not None and parent != emp:
            out.setdefault(parent, []).append(emp)
    return out


def reporting_layers(children, root):
    """Depth of the reporting tree below ``root`` (0: no reports); cycles are cut."""
    depth, level, seen = 0, [root], {root}
    while True:
        nxt = [c for p in level for c in children.get(p, ()) if c not in seen]
        if not nxt:
            return depth
        seen.update(nxt)
        depth += 1
        level = nxt


def average(values):
    values = [float(v) for v in values if v is not None]
    return sum(values) / len(values) if values else None


def is_declining(scores):
    """A falling KPI trend: at least 2 scores (oldest first) and a negative slope."""
    slope = trend_slope(scores)
    return slope is not None and slope < 0


def team_trend(scores_by_period):
    """Slope of the unit's average score per period ({period: [scores]}, periods sortable)."""
    return trend_slope([average(scores_by_period[p]) for p in sorted(scores_by_period)])


def turnover(departures, headcount_now, hires=0):
    """Departures / average headcount in percent; None without any headcount."""
    start = max(headcount_now - hires + departures, 0)
    avg = (start + headcount_now) / 2.0
    if not avg:
        return None
    return departures * 100.0 / avg


@dataclass(frozen=True)
class UnitFigures:
    headcount: int
    kpi_average: float | None
    kpi_trend: float | None
    declining: int
    departures: int
    turnover: float | None
    high_risk: int
    high_risk_share: float | None
    open_alerts: int
    overdue_decisions: int


def unit_figures(members, kpi=None, departed=(), hires=(), high_risk=(), alerts=None, overdue=None):
    """Figures of a unit.

    ``members``: active employee ids; ``kpi``: {employee: [(period, score)]} (any order);
    ``departed``: ids who left in the 12 months; ``hires``: members hired in the 12 months;
    ``high_risk``: ids in band high; ``alerts``: {employee: open alert count};
    ``overdue``: {employee: set of contract ids with an overdue decision}.
    """
    kpi, alerts, overdue = kpi or {}, alerts or {}, overdue or {}
    members = list(members)
    by_period, declining, all_scores = {}, 0, []
    for emp in members:
        rows = sorted(kpi.get(emp, ()))
        for period, score in rows:
            by_period.setdefault(period, []).append(score)
            all_scores.append(score)
        if is_declining([s for _p, s in rows]):
            declining += 1
    high = len(set(members) & set(high_risk))
    departures = len(set(departed))
    contracts = set()
    for emp in members:
        contracts |= set(overdue.get(emp, ()))
    return UnitFigures(
        headcount=len(members),
        kpi_average=average(all_scores),
        kpi_trend=team_trend(by_period),
        declining=declining,
        departures=departures,
        turnover=turnover(departures, len(members), len(set(hires) & set(members))),
        high_risk=high,
        high_risk_share=high * 100.0 / len(members) if members else None,
        open_alerts=sum(alerts.get(emp, 0) for emp in members),
        overdue_decisions=len(contracts),
    )


# --------------------------------------------------------------------------- findings


def _analysis(code, subject, msg, value, threshold):
    """An analytical finding (no article): a warning about ``subject``, ``value`` against ``threshold``."""
    return Finding(code, "", WARN, msg, subject=subject, value=value, threshold=threshold)


def span_finding(key, manager, reports, thresholds=Thresholds()):
    if reports > thresholds.span_of_control:
        return _analysis("span", key, Msg(
            _lt("%(manager)s has %(reports)s direct reports (threshold %(threshold)s): consider a team lead."),
            {"manager": manager, "reports": reports, "threshold": thresholds.span_of_control}),
            reports, thresholds.span_of_control)
    return None


def median_cost_ratio(figures):
    """Median cost ratio in percent of the figures that have one; None when none has."""
    ratios = [f.cost_ratio for f in figures if f.cost_ratio is not None]
    return statistics.median(ratios) * 100.0 if ratios else None


def cost_ratio_findings(figures, thresholds=Thresholds()):
    """Departments whose cost ratio exceeds the company median by more than X points.

    ``figures``: objects with ``key`` and ``cost_ratio`` (a fraction, None without revenue),
    e.g. ``labour_cost.DepartmentFigures``."""
    median = median_cost_ratio(figures)
    if median is None:
        return []
    out = []
    for f in figures:
        if f.cost_ratio is None:
            continue
        pct = f.cost_ratio * 100.0
        if pct - median > thresholds.cost_ratio_points:
            out.append(_analysis("cost_ratio", f.key, Msg(
                _lt("%(department)s: labour cost is %(ratio).1f %% of revenue, %(gap).1f points above the company "
                    "median of %(median).1f %% (threshold %(threshold)s points): review pay structure or process."),
                {"department": f.key, "ratio": pct, "gap": pct - median, "median": median,
                 "threshold": thresholds.cost_ratio_points}), pct - median, thresholds.cost_ratio_points))
    return out


def high_risk_finding(key, manager, team_size, high_risk, thresholds=Thresholds()):
    if not team_size:
        return None
    share = high_risk * 100.0 / team_size
    if share >= thresholds.high_risk_share:
        return _analysis("high_risk", key, Msg(
            _lt("%(high)s of %(team)s people in %(manager)s's team are at high attrition risk (%(share).0f %%, "
                "threshold %(threshold)s %%): talk to the manager."),
            {"high": high_risk, "team": team_size, "manager": manager, "share": share,
             "threshold": thresholds.high_risk_share}), share, thresholds.high_risk_share)
    return None


def team_decline_finding(key, manager, team_size, declining, thresholds=Thresholds()):
    """Reports declining together: >= N reports and >= X % of the team on a falling KPI trend."""
    if not team_size or declining < thresholds.decline_min_reports:
        return None
    share = declining * 100.0 / team_size
    if share >= thresholds.decline_team_share:
        return _analysis("team_decline", key, Msg(
            _lt("%(declining)s of %(team)s reports of %(manager)s have a falling KPI trend (%(share).0f %%; "
                "thresholds: %(min)s reports and %(threshold)s %% of the team): look at the team, not only the "
                "people."),
            {"declining": declining, "team": team_size, "manager": manager, "share": share,
             "min": thresholds.decline_min_reports, "threshold": thresholds.decline_team_share}),
            share, thresholds.decline_team_share)
    return None


def as_rows(findings):
    """Findings as JSON-safe rows, translated at display time: {code, text, params, value, threshold, risk}."""
    return [{"code": f.code, "text": f.msg.text, "params": dict(f.msg.params), "value": f.value,
             "threshold": f.threshold, "risk": f.code in RISK_CODES} for f in findings if f]
