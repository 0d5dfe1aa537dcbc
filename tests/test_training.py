"""Engine tests: training recommendation and its LCL 40(2) evidence (issue 12)."""

import inspect
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hr_contract_risk.engine import legal_checks as lc
from hr_contract_risk.engine import training as tr

P = [date(2026, m, 1) for m in range(1, 13)]
NEGOTIATION = tr.Course(("c", 1), "招商谈判实战技巧", keywords=("招商", "谈判"))
TEAMWORK = tr.Course(("c", 2), "Teamwork", competency_keys=frozenset({7}))
EXCEL = tr.Course(("c", 3), "Excel", skill_keys=frozenset({11}))
UNRELATED = tr.Course(("c", 4), "First aid", keywords=("急救",))


def test_kpi_needs_average_the_last_three_periods_only():
    lines = [(P[0], "招商额", 10.0)] + [(P[i], "招商额", 70.0) for i in (1, 2, 3)] + [
        (P[i], "回款率", 100.0) for i in (1, 2, 3)]
    needs = tr.kpi_needs(lines)
    assert [(n.name, round(n.severity, 2)) for n in needs] == [("招商额", 0.3)]
    assert needs[0].msg.params == {"kpi": "招商额", "completion": "70", "count": 3}


def test_competency_and_skill_needs():
    comp = tr.competency_needs([(7, "Teamwork", 2.0), (8, "Honesty", 4.5)])
    assert [(n.key, n.severity) for n in comp] == [(7, 0.5)]
    skills = tr.skill_needs([(11, "Excel", 80.0), (12, "English", 50.0)], {12: 60.0})
    assert [(n.key, n.severity) for n in skills] == [(11, 0.8)]  # missing = 0 %


def test_rank_orders_by_summed_severity_and_gives_the_reasons():
    needs = (tr.kpi_needs([(P[0], "招商额", 40.0), (P[0], "谈判成功率", 80.0)])
             + tr.competency_needs([(7, "Teamwork", 2.0)])
             + tr.skill_needs([(11, "Excel", 100.0)], {11: 75.0}))
    ranked = tr.rank(needs, [UNRELATED, EXCEL, TEAMWORK, NEGOTIATION])
    assert [s.course.name for s in ranked] == ["招商谈判实战技巧", "Teamwork", "Excel"]
    top = ranked[0]
    assert top.score == 0.8  # 0.6 (招商额) + 0.2 (谈判成功率)
    assert [n.name for n in top.needs] == ["招商额", "谈判成功率"]  # most severe first
    assert tr.unanswered(needs, ranked) == []
    assert tr.rank(needs, [UNRELATED]) == []


def test_rank_leaves_out_open_offers_and_flags_completed_courses():
    needs = tr.kpi_needs([(P[0], "招商额", 40.0)])
    assert tr.rank(needs, [NEGOTIATION], open_keys=[NEGOTIATION.key]) == []
    (s,) = tr.rank(needs, [NEGOTIATION], completed_keys=[NEGOTIATION.key])
    assert s.completed_before


def test_no_need_no_suggestion():
    assert tr.kpi_needs([(P[0], "招商额", 100.0), (P[0], "回款率", 130.0)]) == []
    assert tr.rank([], [NEGOTIATION, TEAMWORK]) == []


@given(st.lists(st.tuples(st.sampled_from(P), st.sampled_from(["招商额", "谈判", "回款率"]),
                          st.floats(0, 150)), max_size=30))
def test_needs_severity_is_within_0_and_1(lines):
    for need in tr.kpi_needs(lines):
        assert 0.0 < need.severity <= 1.0


def test_effect_compares_the_two_before_with_the_two_after():
    apps = [(P[0], 80.0), (P[1], 50.0), (P[2], 40.0), (P[4], 45.0), (P[5], 42.0), (P[6], 90.0)]
    eff = tr.effect(apps, date(2026, 4, 15), threshold=60.0)
    assert (eff.before_average, eff.after_average, eff.delta) == (45.0, 43.5, -1.5)
    assert eff.after_count == 2 and eff.still_below
    assert eff.after_starts == (P[4], P[5])
    assert not tr.effect(apps, date(2026, 6, 15), threshold=60.0).still_below  # 90 after it
    none_after = tr.effect(apps, date(2026, 12, 1), threshold=60.0)
    assert none_after.after_count == 0 and not none_after.still_below and none_after.delta is None


def test_effect_uses_no_appraisal_dated_before_the_course_as_after():
    @given(st.lists(st.tuples(st.sampled_from(P), st.floats(0, 120)), max_size=12), st.sampled_from(P))
    def prop(apps, done):
        eff = tr.effect(apps, done, 60.0)
        assert all(start >= done for start in eff.after_starts)
    prop()


def test_lcl_40_2_evidence_counts_from_the_completed_training():
    apps = [(P[0], 40.0), (P[2], 45.0), (P[5], 42.0)]
    # offered in February, done only in May: the March appraisal is before the training
    ev = lc.incompetence_evidence(apps, 60.0, ["performance"], [P[1]], trainings_done=[(date(2026, 5, 20), "招商")])
    assert ev.training_provided == ("招商",) and ev.below_after_training and ev.below_after_count == 1
    items = {i.code: i for i in lc.incompetence_checklist(ev)}
    assert items["training_offered"].done and items["below_after_training"].done
    assert items["training_offered"].msg.params == {"courses": "招商"}
    assert lc.checklist_complete(list(items.values()))
    # done after the last appraisal: not yet proven still below after it
    late = lc.incompetence_evidence(apps, 60.0, ["performance"], [P[1]], trainings_done=[(P[7], "招商")])
    assert late.training_or_reassignment_offered and not late.below_after_training
    # without training records the first offer is the anchor, as before
    legacy = lc.incompetence_evidence(apps, 60.0, ["performance"], [P[1]])
    assert legacy.below_after_training and legacy.below_after_count == 2 and legacy.training_provided == ()


def test_no_protected_attribute_is_an_input():
    params = set()
    for fn in (tr.kpi_needs, tr.competency_needs, tr.skill_needs, tr.rank, tr.effect):
        params |= set(inspect.signature(fn).parameters)
    for attr in ("gender", "age", "birthday", "marital", "ethnic", "pregnan", "hukou", "union", "health"):
        assert not any(attr in p for p in params)


def test_lcl_40_2_setting_counts_from_the_offer():
    """The other reading (company setting): a period during the course counts as after the training."""
    apps = [(P[0], 40.0), (P[2], 45.0), (P[5], 42.0)]
    done = [(date(2026, 5, 20), "招商")]
    strict = lc.incompetence_evidence(apps, 60.0, [], [P[1]], trainings_done=done)
    loose = lc.incompetence_evidence(apps, 60.0, [], [P[1]], trainings_done=done, from_offer=True)
    assert (strict.below_after_count, loose.below_after_count) == (1, 2)
    assert loose.training_provided == ("招商",)
