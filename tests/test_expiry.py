"""Engine tests for the multi-stage contract-expiry alerts (no Odoo)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hr_contract_risk.engine import expiry
from hr_contract_risk.engine.i18n import Msg

TODAY = date(2025, 3, 1)


def end_in(days):
    return TODAY + timedelta(days=days)


# ---------------------------------------------------------------- parse / validate

@pytest.mark.parametrize("text, expected", [
    ("60,30,7", (60, 30, 7)),
    ("7, 30, 60", (60, 30, 7)),
    (" 60 ，30、7 ", (60, 30, 7)),
    ("90;45", (90, 45)),
    ("1", (1,)),
    ("366", (366,)),
    ("007", (7,)),
])
def test_parse_valid(text, expected):
    assert expiry.parse_stages(text) == expected


@pytest.mark.parametrize("text, fragment", [
    ("", "at least one"),
    (None, "at least one"),
    (" , ", "at least one"),
    ("60,abc", "whole number"),
    ("2.5", "whole number"),
    ("0", "positive"),
    ("-5", "positive"),
    ("367", "maximum of 366"),
    ("30,30", "more than once"),
    ("30,7,030", "more than once"),
])
def test_parse_invalid_raises_with_msg(text, fragment):
    with pytest.raises(expiry.StageError) as err:
        expiry.parse_stages(text)
    assert isinstance(err.value, ValueError)
    assert isinstance(err.value.msg, Msg)
    assert fragment in err.value.msg.render()
    assert fragment in str(err.value)


def test_parse_error_message_is_translatable():
    with pytest.raises(expiry.StageError) as err:
        expiry.parse_stages("400")
    # the Odoo side renders through env._: the source text keeps its placeholders
    assert "%(value)s" in err.value.msg.text
    rendered = err.value.msg.render(lambda text: text.replace("Alert stage", "提醒阶段"))
    assert rendered.startswith("提醒阶段 400")


stage_lists = st.lists(st.integers(min_value=1, max_value=expiry.MAX_STAGE_DAYS),
                       min_size=1, max_size=6, unique=True)


@given(stage_lists)
def test_parse_format_round_trip(stages):
    parsed = expiry.parse_stages(",".join(map(str, stages)))
    assert parsed == tuple(sorted(stages, reverse=True))
    assert expiry.parse_stages(expiry.format_stages(parsed)) == parsed


@given(st.lists(st.integers(min_value=-1000, max_value=1000), min_size=1, max_size=6))
def test_parse_accepts_exactly_the_valid_lists(values):
    text = ",".join(map(str, values))
    valid = all(1 <= v <= expiry.MAX_STAGE_DAYS for v in values) and len(set(values)) == len(values)
    if valid:
        assert expiry.parse_stages(text) == tuple(sorted(values, reverse=True))
    else:
        with pytest.raises(expiry.StageError):
            expiry.parse_stages(text)


# ---------------------------------------------------------------- stage selection

STAGES = (60, 30, 7)


@pytest.mark.parametrize("left, fired, expected", [
    (61, (), None),            # nothing due yet
    (60, (), 60),              # first stage on its day
    (45, (60,), None),         # 60 fired, 30 not due
    (30, (60,), 30),
    (29, (60, 30), None),
    (7, (60, 30), 7),
    (0, (60, 30), 7),          # end date: the last stage still fires
    (0, (60, 30, 7), None),
    (-1, (), None),            # expired: escalation, not a stage
])
def test_select_stage_table(left, fired, expected):
    decision = expiry.select_stage(TODAY, end_in(left), STAGES, fired)
    assert (decision.stage if decision else None) == expected
    if decision:
        assert decision.days_left == left


def test_catch_up_fires_only_the_most_urgent_stage_and_covers_the_rest():
    # first seen 5 days before the end: one 7-day alert, not three
    decision = expiry.select_stage(TODAY, end_in(5), STAGES, ())
    assert decision == expiry.StageDecision(stage=7, days_left=5, covered=(60, 30))
    # the covered stages never fire afterwards, whatever the day
    fired = {decision.stage}
    for left in range(5, -1, -1):
        assert expiry.select_stage(TODAY, end_in(left), STAGES, fired) is None
    assert expiry.covered_stages(STAGES, fired) == {60, 30, 7}


def test_catch_up_partially_fired():
    decision = expiry.select_stage(TODAY, end_in(6), STAGES, (60,))
    assert decision == expiry.StageDecision(stage=7, days_left=6, covered=(30,))


def test_open_ended_contract_never_alerts():
    assert expiry.select_stage(TODAY, None, STAGES, ()) is None
    assert expiry.select_stage(TODAY, False, STAGES, ()) is None


def test_no_stages_no_alert():
    assert expiry.select_stage(TODAY, end_in(3), (), ()) is None


def test_changed_configuration_never_refires_a_larger_stage():
    # 10 fired under an old configuration; the new stages 60,30,7 treat 60 and 30 as covered
    assert expiry.select_stage(TODAY, end_in(8), STAGES, (10,)) is None
    assert expiry.select_stage(TODAY, end_in(7), STAGES, (10,)).stage == 7


def test_re_arm_keys_the_fired_set_by_end_date():
    old_end, new_end = end_in(5), end_in(65)
    alerts = [(old_end, 60), (old_end, 30), (old_end, 7)]
    assert expiry.fired_for_end_date(alerts, old_end) == {60, 30, 7}
    assert expiry.select_stage(TODAY, old_end, STAGES, expiry.fired_for_end_date(alerts, old_end)) is None
    # extended by two months: a clean slate for the new end date
    assert expiry.fired_for_end_date(alerts, new_end) == frozenset()
    later = TODAY + timedelta(days=5)
    decision = expiry.select_stage(later, new_end, STAGES, expiry.fired_for_end_date(alerts, new_end))
    assert decision.stage == 60


def test_stage_windows():
    assert expiry.stage_windows(STAGES) == ((7, -1, 7), (30, 7, 30), (60, 30, 60))


# ---------------------------------------------------------------- properties

@st.composite
def run_schedules(draw):
    """A stage list, an end date and the days (as days-left values) the job ran."""
    stages = tuple(sorted(draw(stage_lists), reverse=True))
    horizon = max(stages) + 10
    # days left on which the daily job actually ran (outages leave gaps), in time order
    run_days = sorted(draw(st.sets(st.integers(min_value=-5, max_value=horizon), max_size=40)), reverse=True)
    return stages, run_days


def simulate(stages, run_days, end_date=TODAY):
    """Run the selection as the daily job does; returns [(days_left, decision)]."""
    fired = set()
    log = []
    for left in run_days:
        today = end_date - timedelta(days=left)
        decision = expiry.select_stage(today, end_date, stages, fired)
        if decision:
            fired.add(decision.stage)
        log.append((left, decision, frozenset(fired)))
    return log


@settings(max_examples=300)
@given(run_schedules())
def test_never_fires_a_stage_twice_and_fired_stages_decrease(schedule):
    stages, run_days = schedule
    fired_in_order = [d.stage for _, d, _ in simulate(stages, run_days) if d]
    assert len(fired_in_order) == len(set(fired_in_order))
    assert fired_in_order == sorted(fired_in_order, reverse=True)
    assert all(s in stages for s in fired_in_order)


@settings(max_examples=300)
@given(run_schedules())
def test_every_due_stage_is_fired_or_covered_after_each_run(schedule):
    stages, run_days = schedule
    for left, _decision, fired in simulate(stages, run_days):
        if left < 0:
            continue
        handled = expiry.covered_stages(stages, fired)
        due = {s for s in stages if s >= left}
        assert due <= handled, (left, due, fired)


@settings(max_examples=300)
@given(run_schedules())
def test_never_misses_the_last_stage_when_the_job_runs_on_the_end_date(schedule):
    stages, run_days = schedule
    run_days = sorted(set(run_days) | {0}, reverse=True)
    log = simulate(stages, run_days)
    fired_at_end = next(fired for left, _, fired in log if left == 0)
    assert min(stages) in expiry.covered_stages(stages, fired_at_end)
    assert min(stages) in fired_at_end  # the smallest stage is fired itself, not skipped


@settings(max_examples=300)
@given(run_schedules(), st.integers(min_value=1, max_value=5))
def test_running_several_times_a_day_changes_nothing(schedule, repeat):
    stages, run_days = schedule
    once = [(left, d) for left, d, _ in simulate(stages, run_days)]
    many = [(left, d) for left, d, _ in simulate(stages, [x for x in run_days for _ in range(repeat)])]
    assert [d for _, d in many if d] == [d for _, d in once if d]


@settings(max_examples=300)
@given(stage_lists, st.integers(min_value=-3, max_value=expiry.MAX_STAGE_DAYS + 3))
def test_first_run_fires_the_most_urgent_due_stage(stages, left):
    decision = expiry.select_stage(TODAY, end_in(left), tuple(stages), ())
    due = [s for s in stages if s >= left]
    if left < 0 or not due:
        assert decision is None
    else:
        assert decision.stage == min(due)
        assert set(decision.covered) == set(due) - {min(due)}


@settings(max_examples=300)
@given(stage_lists, st.integers(min_value=-3, max_value=expiry.MAX_STAGE_DAYS + 3))
def test_windows_agree_with_selection(stages, left):
    """The search-domain windows select exactly the contracts a stage fires for."""
    stages = tuple(sorted(stages, reverse=True))
    decision = expiry.select_stage(TODAY, end_in(left), stages, ())
    in_window = [stage for stage, low, high in expiry.stage_windows(stages) if low < left <= high]
    assert len(in_window) <= 1
    assert (in_window[0] if in_window else None) == (decision.stage if decision else None)


@settings(max_examples=200)
@given(stage_lists, st.integers(min_value=0, max_value=expiry.MAX_STAGE_DAYS),
       st.sets(st.integers(min_value=1, max_value=expiry.MAX_STAGE_DAYS), max_size=4))
def test_window_and_fired_filter_matches_selection(stages, left, fired):
    """Domain prefilter: window of the urgent stage and (nothing fired or smallest fired > stage)."""
    stages = tuple(sorted(stages, reverse=True))
    decision = expiry.select_stage(TODAY, end_in(left), stages, fired)
    smallest_fired = min(fired) if fired else 0
    hits = [stage for stage, low, high in expiry.stage_windows(stages)
            if low < left <= high and (smallest_fired == 0 or smallest_fired > stage)]
    assert (hits[0] if hits else None) == (decision.stage if decision else None)


@settings(max_examples=200)
@given(stage_lists, st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=400))
def test_re_arm_after_extension_fires_again(stages, first_left, extension):
    stages = tuple(sorted(stages, reverse=True))
    old_end = end_in(first_left)
    new_end = old_end + timedelta(days=extension)
    alerts = []
    for left in range(first_left, -1, -1):
        today = old_end - timedelta(days=left)
        decision = expiry.select_stage(today, old_end, stages, expiry.fired_for_end_date(alerts, old_end))
        if decision:
            alerts.append((old_end, decision.stage))
    # on the new end date (daily runs) the smallest stage fires again
    fired_new = set()
    for left in range((new_end - old_end).days, -1, -1):
        today = new_end - timedelta(days=left)
        decision = expiry.select_stage(today, new_end, stages,
                                       expiry.fired_for_end_date(alerts, new_end))
        if decision:
            alerts.append((new_end, decision.stage))
            fired_new.add(decision.stage)
    assert min(stages) in fired_new


# ---------------------------------------------------------------- escalation

def escalation(**kw):
    args = {"running_or_closed": True, "decision_recorded": False, "has_successor": False,
            "employee_active": True, "already_escalated": False}
    args.update(kw)
    return args


def test_escalation_only_after_the_end_date_and_within_a_year():
    assert not expiry.needs_escalation(TODAY, end_in(0), **escalation())
    assert expiry.needs_escalation(TODAY, end_in(-1), **escalation())
    assert not expiry.needs_escalation(TODAY, None, **escalation())
    assert expiry.needs_escalation(TODAY, end_in(-expiry.MAX_ESCALATION_OVERDUE_DAYS), **escalation())
    assert not expiry.needs_escalation(TODAY, end_in(-expiry.MAX_ESCALATION_OVERDUE_DAYS - 1), **escalation())


@pytest.mark.parametrize("override", [
    {"running_or_closed": False},
    {"decision_recorded": True},
    {"has_successor": True},
    {"employee_active": False},
    {"already_escalated": True},
])
def test_escalation_exceptions(override):
    assert not expiry.needs_escalation(TODAY, end_in(-10), **escalation(**override))


def test_summaries_name_employee_stage_and_days():
    msg = expiry.stage_summary("王伟", 30, 25)
    assert msg.render() == "王伟: contract ends in 25 days (30-day alert)"
    assert expiry.stage_summary("A", 7, 0).render() == "A: contract ends today (7-day alert)"
    assert "12 days ago" in expiry.escalation_summary("A", 12).render()
