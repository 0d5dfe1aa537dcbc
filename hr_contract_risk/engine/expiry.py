"""Multi-stage contract-expiry alerts: the rules, as pure functions.

A fixed-term contract ends at expiry (LCL Art. 44(1)); the employer has to decide
in time whether to renew (Art. 14 may oblige an open-ended renewal, Art. 42/45
extend a protected employee's contract). HR therefore wants several warnings
before the end date, e.g. 60, 30 and 7 days before, each exactly once.

Vocabulary
----------
stages
    Positive whole days before the end date, at most ``MAX_STAGE_DAYS``, no
    duplicates. Kept as a tuple sorted from the largest (earliest warning) to the
    smallest (last warning): ``(60, 30, 7)``.
days left
    ``(end_date - today).days``: 0 on the end date itself, negative once the
    contract has expired.
due
    A stage ``s`` is due when ``0 <= days_left <= s``.
fired
    The stages already alerted **for one end date**. The caller keys what it has
    stored by end date (see ``fired_for_end_date``), so a new end date (an
    extension) starts with nothing fired: that is the re-arm.
covered
    A stage larger than (or equal to) a stage already fired for the end date. It
    never fires: its warning would come after a more urgent one. Catch-up after an
    outage fires only the most urgent due stage and reports the larger due stages
    it skipped as covered.

So on every run at most one stage fires per contract, and across any sequence of
runs the stages fired for one end date strictly decrease: none fires twice, and a
run on the end date at the latest fires or covers the smallest stage.
"""

import re
from dataclasses import dataclass

from .i18n import Msg, _lt

DEFAULT_STAGES = (60, 30, 7)
MAX_STAGE_DAYS = 366
# An expiry older than this is no longer escalated: after one year without a written
# contract the law deems an open-ended contract concluded (LCL Art. 14 para. 3, Reg Art. 7)
# and the Art. 82 double wages have run their 11 months; it is a records problem by then,
# and escalating years-old history at installation would drown the real alerts.
MAX_ESCALATION_OVERDUE_DAYS = 366

_SEPARATORS = re.compile(r"[,\uff0c;\uff1b\u3001\s]+")
_WHOLE = re.compile(r"\+?\d+")
_NEGATIVE_WHOLE = re.compile(r"-\d+")


class StageError(ValueError):
    """An invalid stage list; ``msg`` is the translatable explanation."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


def parse_stages(text):
    """Parse ``"60, 30, 7"`` into ``(60, 30, 7)`` (largest first).

    Commas (also the full-width ``，`` and ``、``), semicolons and blanks
    separate the stages; their order does not matter. Raises ``StageError``
    with a translatable ``Msg`` when the list is empty, a stage is not a whole
    number of days, is zero or negative, exceeds ``MAX_STAGE_DAYS`` or appears
    twice.
    """
    tokens = [t for t in _SEPARATORS.split(text or "") if t]
    if not tokens:
        raise StageError(Msg(_lt(
            "Enter at least one alert stage: whole days before the contract end date, "
            "separated by commas, e.g. 60,30,7."
        )))
    seen = set()
    for token in tokens:
        if _NEGATIVE_WHOLE.fullmatch(token):
            raise StageError(Msg(
                _lt("Alert stage %(value)s is not a positive number of days."), {"value": token}))
        if not _WHOLE.fullmatch(token):
            raise StageError(Msg(_lt(
                "Alert stage '%(value)s' is not a whole number of days. Enter whole days "
                "separated by commas, e.g. 60,30,7."
            ), {"value": token}))
        days = int(token)
        if days <= 0:
            raise StageError(Msg(
                _lt("Alert stage %(value)s is not a positive number of days."), {"value": token}))
        if days > MAX_STAGE_DAYS:
            raise StageError(Msg(
                _lt("Alert stage %(value)s days is more than the maximum of %(max)s days."),
                {"value": days, "max": MAX_STAGE_DAYS}))
        if days in seen:
            raise StageError(Msg(
                _lt("Alert stage %(value)s days appears more than once."), {"value": days}))
        seen.add(days)
    return tuple(sorted(seen, reverse=True))


def format_stages(stages):
    """The canonical text of a stage list: ``"60,30,7"``."""
    return ",".join(str(s) for s in sorted(stages, reverse=True))


def days_left(today, end_date):
    return (end_date - today).days


@dataclass(frozen=True)
class StageDecision:
    """The one stage to fire now for a contract."""

    stage: int
    days_left: int
    covered: tuple = ()  # larger due stages skipped by catch-up, largest first


def covered_stages(stages, fired):
    """Stages that can no longer fire for this end date, given the fired ones."""
    if not fired:
        return frozenset()
    smallest = min(fired)
    return frozenset(s for s in stages if s >= smallest)


def select_stage(today, end_date, stages, fired=()):
    """The single stage to fire today, or ``None``.

    ``fired`` holds the stages already fired for ``end_date`` (not for an older
    end date: see ``fired_for_end_date``). Only the most urgent due stage fires
    (catch-up); it fires only if it is smaller than every fired stage.
    """
    if not end_date or not stages:
        return None
    left = days_left(today, end_date)
    if left < 0:
        return None  # expired: escalation's business, not a stage
    due = [s for s in stages if s >= left]
    if not due:
        return None
    urgent = min(due)
    fired = set(fired)
    if fired and urgent >= min(fired):
        return None  # fired already, or covered by a more urgent alert
    floor = min(fired) if fired else None
    covered = tuple(sorted((s for s in due if s > urgent and (floor is None or s < floor)), reverse=True))
    return StageDecision(stage=urgent, days_left=left, covered=covered)


def fired_for_end_date(alerts, end_date):
    """Stages fired for ``end_date`` out of ``alerts`` = iterable of (end_date, stage).

    Alerts stored for another end date are ignored: after an extension the
    stages fire again for the new date (re-arm).
    """
    return frozenset(stage for alert_end, stage in alerts if alert_end == end_date)


def stage_windows(stages):
    """For each stage, the days-left interval in which it is the most urgent due stage.

    Returns ``((stage, low, high), ...)`` meaning ``low < days_left <= high``,
    smallest stage first, with ``low = -1`` for the smallest stage. The Odoo side
    turns these into a search domain so that the daily run reads only the
    contracts that may need an alert; ``select_stage`` stays the judge.
    """
    ordered = sorted(stages)
    windows = []
    low = -1
    for stage in ordered:
        windows.append((stage, low, stage))
        low = stage
    return tuple(windows)


def needs_escalation(today, end_date, *, running_or_closed, decision_recorded,
                     has_successor, employee_active, already_escalated):
    """Whether an expired fixed-term contract needs its one escalation.

    The end date has passed, the contract is still running (or was merely closed
    by the daily state update), no renewal decision is recorded, no successor
    contract exists and the employee still works here: the employee may be
    working without a written contract (LCL Art. 82: double wages after one
    month; Art. 14 para. 3: deemed open-ended after one year). Expiries more than
    ``MAX_ESCALATION_OVERDUE_DAYS`` ago are not escalated any more.
    """
    if not end_date or already_escalated:
        return False
    if not -MAX_ESCALATION_OVERDUE_DAYS <= days_left(today, end_date) < 0:
        return False
    return running_or_closed and not decision_recorded and not has_successor and employee_active


def stage_summary(employee, stage, left):
    """Activity summary naming the employee, the stage and the days left."""
    if left == 0:
        return Msg(_lt("%(employee)s: contract ends today (%(stage)s-day alert)"),
                   {"employee": employee, "stage": stage})
    return Msg(_lt("%(employee)s: contract ends in %(days)s days (%(stage)s-day alert)"),
               {"employee": employee, "stage": stage, "days": left})


def escalation_summary(employee, overdue):
    return Msg(_lt("%(employee)s: contract expired %(days)s days ago without a renewal decision"),
               {"employee": employee, "days": overdue})
