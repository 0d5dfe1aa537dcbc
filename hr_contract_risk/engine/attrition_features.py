"""Attrition-risk features per employee as of a date, from plain history records.

Everything here is pure Python over the dataclasses below; the Odoo layer
(``models/hr_attrition_score.py``) fills them from grouped queries per batch.

Leakage rule: ``compute_features(history, as_of)`` only looks at facts that
were *known* on ``as_of``.  Records dated after it are ignored, and values that
were edited later (a contract's end date set to the departure date when an
employee resigns, a wage raised after the date) are rolled back to what they
were on ``as_of`` through the change log (``Contract.end_changes``,
``Contract.wage_changes``, taken from Odoo's field tracking).

Fairness rule: the features never use gender, age or birthday, marital status,
children, nationality or country, religion, ethnicity, health, pregnancy or any
other protected attribute.  ``FEATURES`` is an allowlist, ``is_protected``
screens names, and the tests enforce both against the feature names and the
fields the Odoo gatherers read (``GATHERED_FIELDS``).
"""

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import bounds as _bounds
from . import service as _service
from .i18n import _lt

# ---------------------------------------------------------------------------
# Feature allowlist (order matters: it is the column order of the model)
# ---------------------------------------------------------------------------
FEATURES = (
    "tenure_years",
    "days_to_contract_end",
    "fixed_term_count",
    "appraisal_score",
    "appraisal_trend_6m",
    "appraisal_decline_streak",
    "leave_days_90",
    "leave_requests_90",
    "leave_days_365",
    "leave_requests_365",
    "sick_days_90",
    "sick_requests_90",
    "sick_days_365",
    "sick_requests_365",
    "warnings_365",
    "trainings_365",
    "manager_changes_180",
    "wage_change_12m",
    "dept_attrition_12m",
)

FEATURE_LABELS = {
    "tenure_years": _lt("Years of service"),
    "days_to_contract_end": _lt("Days to contract end"),
    "fixed_term_count": _lt("Consecutive fixed-term contracts"),
    "appraisal_score": _lt("Latest appraisal score"),
    "appraisal_trend_6m": _lt("Appraisal trend over 6 months"),
    "appraisal_decline_streak": _lt("Appraisal decline streak"),
    "leave_days_90": _lt("Leave days (90 days)"),
    "leave_requests_90": _lt("Leave requests (90 days)"),
    "leave_days_365": _lt("Leave days (365 days)"),
    "leave_requests_365": _lt("Leave requests (365 days)"),
    "sick_days_90": _lt("Sick days (90 days)"),
    "sick_requests_90": _lt("Sick-leave requests (90 days)"),
    "sick_days_365": _lt("Sick days (365 days)"),
    "sick_requests_365": _lt("Sick-leave requests (365 days)"),
    "warnings_365": _lt("Talk-log warnings (12 months)"),
    "trainings_365": _lt("Training offers (12 months)"),
    "manager_changes_180": _lt("Manager changes (6 months)"),
    "wage_change_12m": _lt("Pay change over 12 months"),
    "dept_attrition_12m": _lt("Department attrition (12 months)"),
}

#: "No end in sight": open-ended contracts and far-away ends are capped here.
CONTRACT_END_CAP_DAYS = 730
#: Two fixed-term contracts are "consecutive" when the gap between them is at most this.
CONSECUTIVE_GAP_DAYS = 31

# Words (lower case, split on "_", "-", spaces and camelCase) that mark a
# protected attribute.  "age" is a whole word here, so "wage" is not caught.
PROTECTED_WORDS = frozenset({
    "gender", "sex", "age", "birth", "birthday", "birthdate", "dob",
    "marital", "married", "spouse", "children", "child", "kids", "family",
    "nationality", "country", "citizenship", "ethnic", "ethnicity", "race",
    "religion", "religious", "pregnancy", "pregnant", "nursing", "maternity",
    "disability", "disabled", "health", "medical", "injury", "union",
    "political", "orientation", "identification", "passport", "ssnid", "sinid",
    "retirement", "hukou",
})

#: Fields the Odoo gatherers read, per model (the Odoo test checks they exist
#: and that none is protected; the gatherers use exactly these lists).
GATHERED_FIELDS = {
    "hr.employee": ("id", "company_id", "department_id", "parent_id", "active", "departure_date",
                    "departure_reason_id", "create_date"),
    "hr.contract": ("employee_id", "date_start", "date_end", "wage", "state", "hr_responsible_id"),
    "hr.leave": ("employee_id", "date_from", "date_to", "number_of_days", "holiday_status_id"),
    "mail.tracking.value": ("field_id", "old_value_integer", "new_value_integer",
                            "old_value_float", "new_value_float",
                            "old_value_datetime", "new_value_datetime", "create_date"),
    "hr.kpi.appraisal": ("employee_id", "date_end", "total_score"),
    "hr.talk.log": ("employee_id", "date", "kind"),
}


def name_words(name):
    """Split a field or column name into lower-case words ("MaritalStatus" -> marital, status)."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", str(name))
    return [w for w in re.split(r"[\s_\-.]+", spaced.lower()) if w]


def is_protected(name):
    """True when a feature, field or column name refers to a protected attribute."""
    return any(w in PROTECTED_WORDS for w in name_words(name))


# ---------------------------------------------------------------------------
# History records
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Contract:
    """A labour contract.  ``date_end``/``wage`` are the current values;
    ``end_changes``/``wage_changes`` are ``(changed_on, old, new)`` tuples from
    the change log, used to recover the values known on an earlier date."""

    date_start: date
    date_end: date | None = None
    wage: float = 0.0
    end_changes: tuple = ()
    wage_changes: tuple = ()

    def end_known_at(self, day):
        """The end date as it was recorded on ``day`` (undo later edits)."""
        value = self.date_end
        for changed_on, old, _new in sorted(self.end_changes, key=lambda c: c[0], reverse=True):
            if changed_on > day:
                value = old
        return value

    def wage_timeline(self, known_at):
        """[(effective_from, wage)] of this contract, as known on ``known_at``."""
        changes = sorted(self.wage_changes, key=lambda c: c[0])
        initial = changes[0][1] if changes else self.wage
        points = [(self.date_start, float(initial or 0.0))]
        for changed_on, _old, new in changes:
            if changed_on <= known_at:
                points.append((max(changed_on, self.date_start), float(new or 0.0)))
        return points


@dataclass(frozen=True)
class Appraisal:
    date: date  # end of the appraised period: the score is known from then on
    score: float  # 0-100


@dataclass(frozen=True)
class Leave:
    date_from: date
    date_to: date
    days: float
    sick: bool = False


@dataclass
class EmployeeHistory:
    employee_id: int
    department_id: int | None = None
    contracts: tuple = ()
    appraisals: tuple = ()
    leaves: tuple = ()
    warnings: tuple = ()  # dates of talk-log warnings
    trainings: tuple = ()  # dates of training offers / trainings done
    manager_changes: tuple = ()  # dates the manager changed
    wage_points: tuple = ()  # extra (date, monthly gross) lines, e.g. wage history
    hire_date: date | None = None  # default: first contract start
    departure_date: date | None = None
    departure_reason: object = None
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def start(self):
        if self.hire_date:
            return self.hire_date
        starts = [c.date_start for c in self.contracts]
        return min(starts) if starts else None

    def active_at(self, day):
        start = self.start()
        if start is None or start > day:
            return False
        return self.departure_date is None or self.departure_date > day

    def _sorted(self, key):
        cached = self._cache.get(key)
        if cached is None:
            if key == "appraisals":
                cached = sorted(self.appraisals, key=lambda a: a.date)
            elif key == "leaves":
                cached = sorted(self.leaves, key=lambda lv: lv.date_from)
            elif key == "contracts":
                cached = sorted(self.contracts, key=lambda c: c.date_start)
            else:
                cached = sorted(getattr(self, key))
            self._cache[key] = cached
        return cached


# ---------------------------------------------------------------------------
# Feature functions (each takes only what it needs; all respect ``as_of``)
# ---------------------------------------------------------------------------
def tenure_years(history, as_of):
    start = history.start()
    if start is None or start > as_of:
        return 0.0
    return round(_service.service_years(start, as_of), 4)


def current_contract(history, as_of):
    """The contract in force on ``as_of`` (latest start), as known on that day."""
    best = None
    for c in history._sorted("contracts"):
        if c.date_start > as_of:
            break
        end = c.end_known_at(as_of)
        if end is None or end >= as_of:
            best = c
    return best


def days_to_contract_end(history, as_of):
    c = current_contract(history, as_of)
    if c is None:
        return None
    end = c.end_known_at(as_of)
    if end is None:
        return float(CONTRACT_END_CAP_DAYS)
    return float(min(max((end - as_of).days, 0), CONTRACT_END_CAP_DAYS))


def fixed_term_count(history, as_of):
    """Consecutive fixed-term contracts up to the current one (0 if open-ended)."""
    started = [c for c in history._sorted("contracts") if c.date_start <= as_of]
    count = 0
    next_start = None
    for c in reversed(started):
        end = c.end_known_at(as_of)
        if end is None:
            break
        if next_start is not None and (next_start - end).days > CONSECUTIVE_GAP_DAYS:
            break
        count += 1
        next_start = c.date_start
    return float(count)


def _known_appraisals(history, as_of):
    items = history._sorted("appraisals")
    idx = bisect.bisect_right([a.date for a in items], as_of)
    return items[:idx]


def appraisal_score(history, as_of):
    known = _known_appraisals(history, as_of)
    return float(known[-1].score) if known else None


def _slope(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if not sxx:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def appraisal_trend_6m(history, as_of):
    """Score change over 6 months: least-squares slope of the appraisals of the
    last 6 months (plus the latest one before, within 12 months, so that
    half-yearly appraisals still give a trend), in points per 6 months.
    None without any appraisal yet; 0 with too few to draw a line."""
    known = _known_appraisals(history, as_of)
    if not known:
        return None
    window = [a for a in known if a.date > as_of - timedelta(days=183)]
    older = [a for a in known if as_of - timedelta(days=365) < a.date <= as_of - timedelta(days=183)]
    if older:
        window = [older[-1], *window]
    if len(window) < 2:
        return 0.0
    slope_per_day = _slope([((a.date - as_of).days, float(a.score)) for a in window])
    return round(slope_per_day * 182.5, 4)


def appraisal_decline_streak(history, as_of):
    """How many appraisals in a row were each lower than the one before (None without appraisal)."""
    known = _known_appraisals(history, as_of)
    if not known:
        return None
    streak = 0
    for i in range(len(known) - 1, 0, -1):
        if known[i].score < known[i - 1].score:
            streak += 1
        else:
            break
    return float(streak)


def leave_stats(history, as_of, days, sick):
    """(days, requests) of validated leave in the ``days`` before ``as_of``
    (included).  Days are pro-rated to the part inside the window; a request
    counts when it starts inside the window (never after ``as_of``)."""
    lo = as_of - timedelta(days=days - 1)
    total_days = 0.0
    requests = 0
    for lv in history._sorted("leaves"):
        if lv.date_from > as_of:
            break
        if bool(lv.sick) != sick or lv.date_to < lo:
            continue
        span = (lv.date_to - lv.date_from).days + 1
        inside = (min(lv.date_to, as_of) - max(lv.date_from, lo)).days + 1
        if inside > 0 and span > 0:
            total_days += float(lv.days) * inside / span
        if lv.date_from >= lo:
            requests += 1
    return round(total_days, 4), float(requests)


def count_in_window(dates, as_of, days):
    lo = as_of - timedelta(days=days)
    return float(sum(1 for d in dates if lo < d <= as_of))


def wage_at(history, day, known_at):
    """Monthly wage on ``day`` as known on ``known_at`` (None if unknown)."""
    best_date, best = None, None
    for c in history._sorted("contracts"):
        if c.date_start > min(day, known_at):
            break
        for eff, wage in c.wage_timeline(known_at):
            if eff <= day and (best_date is None or eff >= best_date):
                best_date, best = eff, wage
    for d, wage in history.wage_points:
        if d <= day and d <= known_at and (best_date is None or d >= best_date):
            best_date, best = d, float(wage)
    return best


def wage_change_12m(history, as_of):
    """Relative change of the monthly wage over the last 12 months (0.05 = +5 %).
    Employees hired less than a year ago are compared with their first wage."""
    now = wage_at(history, as_of, as_of)
    if not now:
        return 0.0
    then_day = as_of - timedelta(days=365)
    start = history.start()
    if start and start > then_day:
        then_day = start
    then = wage_at(history, then_day, as_of)
    if not then:
        return 0.0
    return round(now / then - 1.0, 4)


def department_rates(histories, as_of, days=365):
    """{department_id: share of staff who left in the ``days`` before ``as_of``}.
    Denominator: staff in post on ``as_of`` plus the leavers of the window."""
    lo = as_of - timedelta(days=days)
    left, stayed = {}, {}
    for h in histories:
        dept = h.department_id
        start = h.start()
        if start is None or start > as_of:
            continue
        if h.departure_date is not None and lo < h.departure_date <= as_of:
            left[dept] = left.get(dept, 0) + 1
        elif h.departure_date is None or h.departure_date > as_of:
            stayed[dept] = stayed.get(dept, 0) + 1
    return department_rates_from_counts(left, stayed)


def department_rates_from_counts(left, stayed):
    """Same rate from grouped counts (what the Odoo side gets from _read_group)."""
    rates = {}
    for dept in set(left) | set(stayed):
        n_left = left.get(dept, 0)
        total = n_left + stayed.get(dept, 0)
        rates[dept] = round(n_left / total, 4) if total else 0.0
    return rates


def compute_features(history, as_of, dept_rates=None):
    """All features of ``FEATURES`` for one employee as of ``as_of``.

    Missing values are ``None`` (no appraisal yet, no contract in force); the
    model imputes them with training medians and the rule-based score skips them.
    """
    leave90 = leave_stats(history, as_of, 90, sick=False)
    leave365 = leave_stats(history, as_of, 365, sick=False)
    sick90 = leave_stats(history, as_of, 90, sick=True)
    sick365 = leave_stats(history, as_of, 365, sick=True)
    rates = dept_rates or {}
    return {
        "tenure_years": tenure_years(history, as_of),
        "days_to_contract_end": days_to_contract_end(history, as_of),
        "fixed_term_count": fixed_term_count(history, as_of),
        "appraisal_score": appraisal_score(history, as_of),
        "appraisal_trend_6m": appraisal_trend_6m(history, as_of),
        "appraisal_decline_streak": appraisal_decline_streak(history, as_of),
        "leave_days_90": leave90[0],
        "leave_requests_90": leave90[1],
        "leave_days_365": leave365[0],
        "leave_requests_365": leave365[1],
        "sick_days_90": sick90[0],
        "sick_requests_90": sick90[1],
        "sick_days_365": sick365[0],
        "sick_requests_365": sick365[1],
        "warnings_365": count_in_window(history.warnings, as_of, 365),
        "trainings_365": count_in_window(history.trainings, as_of, 365),
        "manager_changes_180": count_in_window(history.manager_changes, as_of, 180),
        "wage_change_12m": wage_change_12m(history, as_of),
        "dept_attrition_12m": float(rates.get(history.department_id, 0.0)),
    }


# ---------------------------------------------------------------------------
# What-if: change a few features, nothing else
# ---------------------------------------------------------------------------
def apply_what_if(features, wage_change_pct=0.0, training_done=False, manager_unchanged=False,
                  open_ended_contract=False):
    """A copy of ``features`` with the scenario applied.

    ``wage_change_pct``: raise (or cut) the wage now by that many percent, which
    compounds with the change of the last 12 months; ``training_done``: at least
    one training in the last 12 months; ``manager_unchanged``: no manager change
    in the last 6 months; ``open_ended_contract``: an open-ended contract is
    signed (no end date, no fixed-term chain).
    """
    _bounds.check_number("wage_change_pct", wage_change_pct, "wage_change_pct")  # finite, -90 .. +200 %
    out = dict(features)
    if wage_change_pct:
        base = out.get("wage_change_12m") or 0.0
        out["wage_change_12m"] = round((1.0 + base) * (1.0 + wage_change_pct / 100.0) - 1.0, 4)
    if training_done:
        out["trainings_365"] = max(out.get("trainings_365") or 0.0, 1.0)
    if manager_unchanged:
        out["manager_changes_180"] = 0.0
    if open_ended_contract:
        out["days_to_contract_end"] = float(CONTRACT_END_CAP_DAYS)
        out["fixed_term_count"] = 0.0
    return out


# Month arithmetic has one implementation, in ``service.py``.
month_end = _service.month_end
add_months = _service.add_months
