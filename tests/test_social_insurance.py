"""Engine tests: stoppage reasons, unemployment benefit, deadlines (domain reference §1.5, §1.10-§1.12)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hr_contract_risk.engine import labour_law
from hr_contract_risk.engine import social_insurance as si

# the termination grounds (issue 3) are owned by labour_law
ISSUE3_GROUNDS = list(labour_law.GROUND_KEYS)


# ---------------------------------------------------------------- reasons


@pytest.mark.parametrize(
    "reason,involuntary,order13",
    [
        # §1.5 column "Unemployment benefit: 非本人意愿 (Order 13 Art. 13)"
        ("mutual_employer", True, "Order 13 Art. 13(3)"),
        ("mutual_employee", False, ""),
        ("resignation", False, ""),
        ("employer_fault_resignation", True, "Order 13 Art. 13(5)"),
        ("dismissal_cause", True, "Order 13 Art. 13(2)"),
        ("no_fault_dismissal", True, "Order 13 Art. 13(2)"),
        ("layoff", True, "Order 13 Art. 13(2)"),
        ("expiry_not_renewed", True, "Order 13 Art. 13(1)"),
        ("expiry_employee_declined", True, "Order 13 Art. 13(1)"),
        ("task_completed", True, "Order 13 Art. 13(1); Order 8 Art. 4"),  # issue 9 fix 9: involuntary
        ("retirement", False, ""),
        ("death", None, ""),
        ("employer_closure", True, "Order 13 Art. 13(1)"),
        ("unlawful_termination", True, "Order 13 Art. 13(1); Order 13 Art. 13(2)"),  # cites its article
    ],
)
def test_reason_involuntary_per_order13(reason, involuntary, order13):
    r = si.REASONS[reason]
    assert si.is_involuntary(reason) is involuntary
    assert r.order13 == order13
    assert "Art." in r.label  # every label cites its article


def test_unconfirmed_points_are_flagged():
    flagged = {k for k, r in si.REASONS.items() if r.unconfirmed}
    assert flagged == {"expiry_employee_declined"}
    findings = si.check_reason(None, "expiry_employee_declined")
    assert [f.severity for f in findings] == [si.INFO]
    assert "Unconfirmed" in findings[0].msg.render()


def test_every_labour_law_ground_maps_to_a_reason():
    assert set(si.GROUND_TO_REASON) == set(labour_law.GROUND_KEYS)
    assert {k: g.label for k, g in labour_law.GROUNDS.items()} == si.GROUND_LABELS, "labels come from labour_law"
    assert si.ground_selection() == labour_law.ground_selection()
    for ground in labour_law.GROUND_KEYS:
        assert si.reason_from_ground(ground) in si.REASONS
    assert si.reason_from_ground("unlawful") == "unlawful_termination"
    assert si.reason_from_ground("expiry_not_renewed") == "expiry_not_renewed"
    assert si.reason_from_ground("expiry_worse_terms_declined") == "expiry_not_renewed", "same §1.5 row"
    assert si.reason_from_ground("task_completed") == "task_completed"
    # a departure reason leads back to the ground of the same row, never to an alias
    assert si.REASON_TO_GROUND["expiry_not_renewed"] == "expiry_not_renewed"
    assert si.REASON_TO_GROUND["unlawful_termination"] == "unlawful"
    assert all(si.GROUND_TO_REASON[g] == r for r, g in si.REASON_TO_GROUND.items())
    assert set(si.REASON_TO_GROUND) == set(si.REASONS), "every reason stands for a ground"


BENEFIT_TO_INVOLUNTARY = {labour_law.BENEFIT_YES: True, labour_law.BENEFIT_NO: False, labour_law.BENEFIT_NA: None}


@pytest.mark.parametrize("ground", labour_law.GROUND_KEYS)
def test_involuntary_agrees_with_the_labour_law_benefit_column(ground):
    """§1.5: the stoppage reason's involuntary flag is labour_law's unemployment-benefit column (Order 13
    Art. 13) wherever the domain reference confirms it; where it does not, the reason says so in the UI."""
    rule = labour_law.GROUNDS[ground]
    reason = si.REASONS[si.reason_from_ground(ground)]
    if rule.benefit_unconfirmed or rule.benefit == labour_law.BENEFIT_UNKNOWN:
        assert reason.unconfirmed, f"{ground}: the Unconfirmed point must reach the UI"
        return
    assert reason.involuntary is BENEFIT_TO_INVOLUNTARY[rule.benefit]
    assert not reason.unconfirmed
    prefix = {"ORDER13": "Order 13", "ORDER8": "Order 8"}
    assert reason.order13 == "; ".join("%s Art. %s" % (prefix[a.law], a.number) for a in rule.benefit_articles)


@pytest.mark.parametrize("ground", labour_law.GROUND_KEYS)
def test_compensation_item_agrees_with_the_labour_law_money_rule(ground):
    """The checklist's "compensation paid at handover" item exists exactly when §1.5 owes money."""
    owed = labour_law.GROUNDS[ground].money != labour_law.MONEY_ZERO
    assert si.REASONS[si.reason_from_ground(ground)].compensation_due is owed


def test_compensation_due_follows_lcl_46():
    due = {k for k, r in si.REASONS.items() if r.compensation_due}
    assert due == {
        "expiry_not_renewed",
        "mutual_employer",
        "employer_fault_resignation",
        "no_fault_dismissal",
        "layoff",
        "employer_closure",
        "task_completed",
        "unlawful_termination",
    }


def test_unknown_keys_raise_input_error():
    with pytest.raises(si.InputError):
        si.reason_from_ground("bogus")
    with pytest.raises(si.InputError):
        si.get_reason("bogus")


def test_derive_reason_ground_wins_over_departure():
    assert si.derive_reason("expiry_not_renewed", "resignation") == ("expiry_not_renewed", "ground")
    assert si.derive_reason(None, "retirement") == ("retirement", "departure")
    assert si.derive_reason(None, None) == (None, None)
    assert si.reason_from_departure("fired") == "dismissal_cause"
    assert si.reason_from_departure("resigned") == "resignation"
    assert si.reason_from_departure("retired") == "retirement"
    assert si.reason_from_departure("other") is None


# ---------------------------------------------------------------- guard rail


@pytest.mark.parametrize("ground", ["expiry_not_renewed", "mutual_employer", "employer_closure", "layoff"])
@pytest.mark.parametrize("reason", ["resignation", "mutual_employee"])
def test_voluntary_reason_for_involuntary_ground_blocks(ground, reason):
    findings = si.check_reason(ground, reason)
    blocks = [f for f in findings if f.severity == si.BLOCK]
    assert [f.code for f in blocks] == ["loses_benefit"]
    text = blocks[0].msg.render()
    assert "loses unemployment benefit" in text
    assert "employer may owe it" in text
    assert si.is_blocked(findings)


def test_involuntary_reason_for_voluntary_ground_blocks():
    findings = si.check_reason("resignation", "mutual_employer")
    assert [f.code for f in findings] == ["false_involuntary"]
    assert findings[0].article == "SIL Art. 88"


def test_same_status_different_reason_only_warns():
    findings = si.check_reason("layoff", "no_fault_dismissal")
    assert [(f.code, f.severity) for f in findings] == [("reason_differs", si.WARN)]
    assert not si.is_blocked(findings)


def test_matching_reason_has_no_finding():
    for ground in ISSUE3_GROUNDS:
        reason = si.reason_from_ground(ground)
        assert not si.is_blocked(si.check_reason(ground, reason))


def test_departure_reason_contradiction_warns():
    findings = si.check_reason("expiry_not_renewed", "expiry_not_renewed", departure_reason="resignation")
    assert [f.code for f in findings] == ["departure_reason_differs"]


def test_expiry_recorded_as_resignation_warns():
    end = date(2025, 6, 30)
    findings = si.check_reason(None, "resignation", planned_end_date=end, departure_date=end)
    assert [f.code for f in findings] == ["expiry_recorded_as_resignation"]
    findings = si.check_reason("resignation", "resignation", planned_end_date=end, departure_date=end)
    assert [f.code for f in findings] == ["expiry_recorded_as_resignation"]
    # an expiry ground recorded as resignation is blocked, not merely warned
    findings = si.check_reason("expiry_not_renewed", "resignation", planned_end_date=end, departure_date=end)
    assert [f.code for f in findings] == ["loses_benefit"]
    # an early resignation is not flagged
    assert not si.check_reason(None, "resignation", planned_end_date=end, departure_date=end - timedelta(days=40))


def test_last_contribution_month_checks():
    dep = date(2025, 6, 30)
    assert si.check_last_contribution(dep, date(2025, 6, 1)) == []
    assert [f.code for f in si.check_last_contribution(dep, date(2025, 4, 1))] == ["contribution_gap"]
    assert [f.code for f in si.check_last_contribution(dep, date(2025, 8, 1))] == ["contribution_after_departure"]


# ---------------------------------------------------------------- benefit (§1.11, T19)


@pytest.mark.parametrize(
    "months,expected",
    [
        (0, 0),
        (11, 0),  # < 12 months: not eligible
        (12, 12),
        (4 * 12 + 11, 12),  # T19: 4y 11m -> 12
        (5 * 12, 18),  # T19: 5y -> 18
        (9 * 12 + 11, 18),  # T19: 9y 11m -> 18
        (10 * 12, 24),  # T19: 10y -> 24
        (30 * 12, 24),
    ],
)
def test_benefit_months_boundaries(months, expected):
    assert si.months_for_contribution(months) == expected
    result = si.benefit(months, 0, True)
    assert result.months == expected
    assert result.eligible is (months >= 12)


@pytest.mark.parametrize(
    "months,unclaimed,expected",
    [(59, 0, 12), (60, 0, 18), (119, 0, 18), (120, 0, 24), (60, 10, 24), (11, 0, 0), (12, 0, 12)],
)
def test_t19_unemployment_benefit_months(months, unclaimed, expected):
    """Domain reference T19 (moved here from test_labour_law: one benefit-months function, this one)."""
    assert si.benefit(months, unclaimed, True).months == expected


def test_benefit_11_vs_12_months_eligibility():
    assert not si.benefit(11, 0, True).eligible
    assert si.benefit(11, 0, True).reasons
    assert si.benefit(12, 0, True).eligible


def test_carry_over_capped_at_24_t19():
    # T19: 10 months unclaimed earlier + 18 new -> 24
    result = si.benefit(5 * 12, 10, True)
    assert (result.months, result.new_months, result.carried_months, result.capped) == (24, 18, 6, True)
    # below the cap the whole carry-over is added
    result = si.benefit(12, 5, True)
    assert (result.months, result.carried_months, result.capped) == (17, 5, False)


def test_voluntary_or_not_applicable_is_not_eligible():
    for involuntary in (False, None):
        result = si.benefit(200, 10, involuntary)
        assert not result.eligible
        assert result.months == 0


@pytest.mark.parametrize("months,unclaimed", [(-1, 0), (12, -1), (12.5, 0), (12, 25)])
def test_bad_months_raise(months, unclaimed):
    with pytest.raises(si.InputError):
        si.benefit(months, unclaimed, True)


@given(st.integers(0, 600), st.integers(0, 600), st.integers(0, 24), st.sampled_from([True, False, None]))
def test_months_monotone_in_contributions(a, b, unclaimed, involuntary):
    low, high = sorted((a, b))
    assert si.benefit(low, unclaimed, involuntary).months <= si.benefit(high, unclaimed, involuntary).months


@given(st.integers(0, 1000), st.integers(0, 24), st.sampled_from([True, False, None]))
def test_months_never_above_24_and_zero_when_not_eligible(months, unclaimed, involuntary):
    result = si.benefit(months, unclaimed, involuntary)
    assert 0 <= result.months <= 24
    if not result.eligible:
        assert result.months == 0
    assert result.eligible == (months >= 12 and involuntary is True)


@given(st.integers(12, 1000), st.integers(0, 23))
def test_months_monotone_in_unclaimed(months, unclaimed):
    assert si.benefit(months, unclaimed, True).months <= si.benefit(months, unclaimed + 1, True).months


# ---------------------------------------------------------------- deadlines (§1.10)


def test_deadline_dates_default_7_days():
    dep = date(2025, 6, 30)
    items = {d.key: d for d in si.deadlines(dep)}
    assert items["certificate"].due == dep
    assert items["si_report"].due == date(2025, 7, 7)
    assert items["si_report"].article == "UIR Art. 16"
    assert items["transfer"].due == date(2025, 7, 15)
    assert items["severance"].due == dep
    assert [d.key for d in si.deadlines(dep)] == ["certificate", "si_report", "transfer", "severance"]


def test_deadline_dates_15_days_and_handover():
    dep = date(2025, 12, 25)
    items = {d.key: d for d in si.deadlines(dep, report_days=15, handover_date=date(2026, 1, 5))}
    assert items["si_report"].due == date(2026, 1, 9)
    assert items["si_report"].article == "SIL Art. 50"
    assert items["transfer"].due == date(2026, 1, 9)
    assert items["severance"].due == date(2026, 1, 5)


def test_no_severance_item_without_compensation():
    keys = [d.key for d in si.deadlines(date(2025, 1, 1), compensation_due=False)]
    assert keys == ["certificate", "si_report", "transfer"]


def test_bad_report_days_raise():
    with pytest.raises(si.InputError):
        si.deadlines(date(2025, 1, 1), report_days=10)
    with pytest.raises(si.InputError):
        si.deadlines(None)


# ---------------------------------------------------------------- retention, service, city


def test_retention_two_years():
    end = date(2024, 2, 29)
    # LCL 50 ¶3: kept 2 years from the day after the end (2024-03-01 .. 2026-02-28, Civil Code Art. 202),
    # deletable from the day after the 2-year anniversary, not on it
    assert si.retention_end(end) == date(2026, 3, 1)
    assert not si.may_delete(date(2024, 6, 30), date(2026, 6, 30))
    assert si.may_delete(date(2024, 6, 30), date(2026, 7, 1))
    assert not si.may_delete(None, date(2030, 1, 1))


@pytest.mark.parametrize(
    "hire,end,expected",
    [
        (date(2014, 1, 1), date(2017, 9, 30), (3, 9, 0)),
        (date(2024, 1, 1), date(2024, 6, 30), (0, 6, 0)),  # T1: exactly 6 months
        (date(2021, 1, 1), date(2024, 7, 15), (3, 6, 15)),  # T6: 3y 6m 15d
        (date(2024, 1, 15), date(2024, 2, 14), (0, 1, 0)),  # end date counted
        (date(2024, 1, 15), date(2024, 2, 13), (0, 0, 30)),
        (date(2024, 1, 31), date(2024, 2, 28), (0, 0, 29)),  # Civil Code Art. 202: no 31 Feb, the month ends 29 Feb
        (date(2024, 1, 31), date(2024, 2, 29), (0, 1, 0)),
        (date(2020, 2, 29), date(2021, 2, 28), (1, 0, 0)),  # 366 days, exactly one year
    ],
)
def test_service_length(hire, end, expected):
    assert si.service_length(hire, end) == expected


def test_departure_before_hire_raises():
    with pytest.raises(si.InputError) as err:
        si.validate_departure(date(2024, 1, 2), date(2024, 1, 1))
    assert "before the hire date" in err.value.msg.render()
    si.validate_departure(date(2024, 1, 1), date(2024, 1, 1))
    with pytest.raises(si.InputError):
        si.assess("resignation", date(2024, 1, 1), hire_date=date(2024, 2, 1))


def test_city_matching():
    assert si.city_matches("上海市", "上海")
    assert si.city_matches(" Shanghai City ", "上海", "Shanghai, 沪")
    assert si.city_matches("沪", "上海", "Shanghai，沪")
    assert not si.city_matches("北京", "上海", "Shanghai")
    assert not si.city_matches("", "上海")


# ---------------------------------------------------------------- the 招商主管 case (§3)


def test_supervisor_not_renewed_case():
    dep = date(2017, 9, 30)
    result = si.assess(
        "expiry_not_renewed",
        dep,
        contribution_months=3 * 12 + 8,
        unclaimed_months=0,
        ground="expiry_not_renewed",
        hire_date=date(2014, 1, 15),
    )
    assert result.involuntary is True
    assert result.benefit.eligible and result.benefit.months == 12
    assert not result.blocked
    due = {d.key: d.due for d in result.deadlines}
    assert due == {
        "certificate": dep,
        "si_report": date(2017, 10, 7),
        "transfer": date(2017, 10, 15),
        "severance": dep,
    }


def test_supervisor_framed_as_employee_mutual_termination_blocks():
    result = si.assess("mutual_employee", date(2017, 9, 30), 44, 0, ground="expiry_not_renewed")
    assert result.blocked
    assert not result.benefit.eligible
    # the severance item stays: the ground says compensation is owed
    assert "severance" in [d.key for d in result.deadlines]
