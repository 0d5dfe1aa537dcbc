"""Engine tests for contract compliance from day one (LCL 10, 14, 19, 20, 23, 24, 46(5), 82, 83;
Reg 6, 7; SPC Interpretation (I) 2020 Arts. 36-39). Fixed dates only: no dependency on today."""

from datetime import date
from decimal import Decimal

import pytest

from hr_contract_risk.engine import contract_compliance as cc

START = date(2025, 1, 1)


def test_add_months_clamps_to_month_end():
    assert cc.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert cc.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert cc.add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_months_span_partial_month_pro_rata():
    # 1 Feb .. 15 Mar exclusive: one month + 14 of March's 31 days
    assert cc.months_span(date(2025, 2, 1), date(2025, 3, 15)) == (Decimal(1) + Decimal(14) / 31).quantize(cc.FRACTION)
    assert cc.months_span(date(2025, 2, 1), date(2025, 2, 1)) == 0


# ---------------------------------------------------------------- LCL 19 maximum probation by term

@pytest.mark.parametrize("end, expected", [
    (date(2025, 3, 30), 0),   # one day short of 3 months: none
    (date(2025, 3, 31), 1),   # exactly 3 months: 3 months to 1 year -> 1 month
    (date(2025, 12, 30), 1),  # one day short of 1 year
    (date(2025, 12, 31), 2),  # exactly 1 year -> 2 months
    (date(2027, 12, 30), 2),  # one day short of 3 years
    (date(2027, 12, 31), 6),  # exactly 3 years -> 6 months
])
def test_max_probation_term_boundaries(end, expected):
    assert cc.max_probation_months(cc.FIXED, START, end) == expected


def test_max_probation_open_ended_and_task():
    assert cc.max_probation_months(cc.OPEN_ENDED, START) == 6
    assert cc.max_probation_months(cc.TASK, START) == 0


def _inp(**kw):
    base = {"term_kind": cc.FIXED, "start": START, "end": date(2027, 12, 31),
            "probation_end": date(2025, 6, 30), "contract_wage": 10000}
    base.update(kw)
    return cc.ProbationInput(**base)


def codes(findings):
    return {f.code for f in findings}


def test_probation_within_limit_has_no_finding():
    # 3-year term, 6 months probation ending 30 Jun: the maximum, lawful
    assert cc.check_probation(_inp()) == []


def test_probation_one_day_too_long():
    findings = cc.check_probation(_inp(probation_end=date(2025, 7, 1)))
    assert codes(findings) == {"probation_too_long"}
    assert "LCL 19" in findings[0].msg.render()


def test_probation_not_allowed_short_term():
    findings = cc.check_probation(_inp(end=date(2025, 3, 30), probation_end=date(2025, 1, 15)))
    assert codes(findings) == {"probation_not_allowed"}


def test_only_one_probation_per_employer():
    assert codes(cc.check_probation(_inp(previous_probations=1))) == {"probation_repeated"}


@pytest.mark.parametrize("wage, low", [(8000, False), (Decimal("7999.99"), True)])
def test_probation_wage_80_percent_boundary(wage, low):
    findings = cc.check_probation(_inp(probation_wage=wage))
    assert ("probation_wage_low" in codes(findings)) is low


def test_probation_wage_below_local_minimum():
    # 80 % of 2500 = 2000 is satisfied, but Shanghai-like minimum 2690 is not
    findings = cc.check_probation(_inp(contract_wage=2500, probation_wage=2000, min_wage=2690))
    assert codes(findings) == {"probation_below_min_wage"}


def test_probation_end_before_start_refused():
    with pytest.raises(cc.InputError) as err:
        cc.check_probation(_inp(probation_end=date(2024, 12, 31)))
    assert "probation end date" in str(err.value)


def test_probation_after_contract_end_refused():
    with pytest.raises(cc.InputError):
        cc.check_probation(_inp(end=date(2025, 3, 31), probation_end=date(2025, 4, 30)))


def test_negative_wage_refused_naming_field():
    with pytest.raises(cc.InputError) as err:
        cc.check_probation(_inp(contract_wage=-1))
    assert "Contract wage" in str(err.value)


# ---------------------------------------------------------------- LCL 83 excess probation

def test_excess_probation_worked_example():
    # 1-year term (max 2 months, lawful until 28 Feb); 4 months agreed and served until 30 Apr:
    # 2 excess months x 10,000 = 20,000 (LCL 83)
    inp = _inp(end=date(2025, 12, 31), probation_end=date(2025, 4, 30))
    assert cc.excess_probation_exposure(inp, date(2025, 4, 30)) == (Decimal(2), Decimal("20000.00"))
    # served only until 15 Mar: 15 of March's 31 days
    months, amount = cc.excess_probation_exposure(inp, date(2025, 3, 15))
    assert months == (Decimal(15) / 31).quantize(cc.FRACTION)
    assert amount == (months * 10000).quantize(cc.CENT)
    # still inside the lawful part: nothing
    assert cc.excess_probation_exposure(inp, date(2025, 2, 28)) == (0, Decimal("0.00"))


def test_excess_probation_when_none_allowed_counts_from_day_one():
    inp = _inp(end=date(2025, 2, 28), probation_end=date(2025, 1, 31))
    assert cc.excess_probation_exposure(inp, date(2025, 1, 31)) == (Decimal(1), Decimal("10000.00"))


# ---------------------------------------------------------------- LCL 82 / Reg 6, 7 double wages

HIRE = date(2025, 3, 10)


def test_double_wage_nothing_in_month_one():
    dw = cc.double_wage_exposure(HIRE, 9000, date(2025, 4, 9))
    assert dw.months == 0 and dw.amount == 0 and dw.last_day is None


def test_double_wage_first_day_of_month_two():
    dw = cc.double_wage_exposure(HIRE, 9000, date(2025, 4, 10))
    assert dw.first_day == date(2025, 4, 10)
    assert dw.months == (Decimal(1) / 30).quantize(cc.FRACTION)  # 10 Apr - 9 May has 30 days


def test_double_wage_capped_at_month_twelve():
    dw = cc.double_wage_exposure(HIRE, 9000, date(2026, 3, 9))  # last day of month 12
    assert dw.months == 11 and dw.amount == Decimal("99000.00") and not dw.deemed_open_ended
    later = cc.double_wage_exposure(HIRE, 9000, date(2027, 1, 1))
    assert later.months == 11 and later.last_day == date(2026, 3, 9)
    assert later.deemed_open_ended  # Reg 7: open-ended from the first anniversary
    assert cc.deemed_open_ended_date(HIRE) == date(2026, 3, 10)


def test_double_wage_stops_day_before_signing():
    dw = cc.double_wage_exposure(HIRE, 9000, date(2025, 12, 1), signing_date=date(2025, 6, 10))
    assert dw.months == 2 and dw.amount == Decimal("18000.00") and dw.last_day == date(2025, 6, 9)
    assert cc.double_wage_exposure(HIRE, 9000, date(2025, 12, 1), signing_date=date(2025, 4, 1)).amount == 0


def test_signing_date_years_before_hire_refused():
    with pytest.raises(cc.InputError) as err:
        cc.check_signing_date(HIRE, date(2022, 1, 1))
    assert "366" in str(err.value)
    cc.check_signing_date(HIRE, date(2025, 3, 1))  # a few days before hire is normal


def test_unsigned_alert_due_stages_and_escalation():
    assert cc.unsigned_alert_due(HIRE, date(2025, 3, 24), (15, 25), 30, False) == ((), False)
    assert cc.unsigned_alert_due(HIRE, date(2025, 3, 25), (15, 25), 30, False) == ((15,), False)
    assert cc.unsigned_alert_due(HIRE, date(2025, 4, 9), (15, 25), 30, False) == ((15, 25), True)
    assert cc.unsigned_alert_due(HIRE, date(2025, 4, 9), (15, 25), 30, True) == ((), False)


@pytest.mark.parametrize("text, expected", [("15,25", (15, 25)), ("25， 15", (15, 25))])
def test_parse_days(text, expected):
    assert cc.parse_days(text, "Alert days") == expected


@pytest.mark.parametrize("text", ["", "0", "abc", "400"])
def test_parse_days_refused(text):
    with pytest.raises(cc.InputError) as err:
        cc.parse_days(text, "Alert days")
    assert "Alert days" in str(err.value)


# ---------------------------------------------------------------- non-compete

def test_non_compete_default_compensation_30_percent_and_floor():
    assert cc.non_compete_default_compensation(20000, 2690) == Decimal("6000.00")
    assert cc.non_compete_default_compensation(8000, 2690) == Decimal("2690.00")  # 2400 < minimum


@pytest.mark.parametrize("months", [0, 25, None])
def test_non_compete_duration_over_two_years_refused(months):
    with pytest.raises(cc.InputError) as err:
        cc.check_non_compete(months)
    assert "24" in str(err.value)


def test_non_compete_agreed_below_minimum_refused():
    with pytest.raises(cc.InputError):
        cc.check_non_compete(24, 1000, 2690)
    assert cc.check_non_compete(24, 3000, 2690) == Decimal("3000.00")
    assert cc.check_non_compete(24, None) is None


def test_non_compete_schedule_and_waiver():
    schedule = cc.non_compete_schedule(date(2025, 7, 1), 24, 6000)
    assert len(schedule) == 24 and schedule[-1][1] == date(2027, 6, 30)
    assert sum(a for _s, _e, a in schedule) == Decimal("144000.00")
    assert cc.non_compete_waiver_cost(date(2025, 7, 1), 24, date(2026, 1, 1), 6000) == Decimal("18000.00")
    assert cc.non_compete_waiver_cost(date(2025, 7, 1), 24, date(2025, 6, 30), 6000) == 0
    with pytest.raises(cc.InputError):
        cc.non_compete_waiver_cost(date(2025, 7, 1), 24, date(2027, 7, 1), 6000)


def test_non_compete_three_months_unpaid_exit_right():
    assert cc.non_compete_employee_exit_date(date(2025, 7, 1)) == (date(2025, 10, 1), date(2025, 9, 16))
    assert cc.non_compete_employee_exit_date(date(2025, 7, 1), date(2025, 8, 31), 10) == (
        date(2025, 12, 1), date(2025, 11, 21))


# ---------------------------------------------------------------- renewal offer LCL 46(5)

CUR = cc.Terms(wage=10000, term_months=36, job="Engineer", place="Shanghai")


def test_offer_same_terms():
    res = cc.classify_offer(CUR, cc.Terms(10000, 36, "Engineer", "Shanghai"))
    assert res.classification == cc.SAME and res.differences == []
    assert cc.expiry_ground_from_offer(True, res.classification, accepted=False) == "expiry_employee_declined"


def test_offer_better_terms_lists_each_difference():
    res = cc.classify_offer(CUR, cc.Terms(11000, None, "Engineer", "Shanghai"))
    assert res.classification == cc.BETTER
    assert [(a, d) for a, d, _m in res.differences] == [("wage", cc.BETTER), ("term", cc.BETTER)]
    assert "open-ended" in res.differences[1][2].render()


def test_offer_worse_wins_over_better():
    res = cc.classify_offer(CUR, cc.Terms(12000, 36, "Engineer", "Suzhou"))
    assert res.classification == cc.WORSE
    assert ("place", cc.WORSE) in [(a, d) for a, d, _m in res.differences]
    assert cc.expiry_ground_from_offer(True, res.classification, False) == "expiry_worse_terms_declined"


def test_offer_not_made_or_accepted():
    assert cc.expiry_ground_from_offer(False) == "expiry_not_renewed"
    assert cc.expiry_ground_from_offer(True, cc.SAME, accepted=True) is None
    with pytest.raises(cc.InputError):
        cc.expiry_ground_from_offer(True, "unknown", False)


def test_offer_messages_format_wage_and_term():
    res = cc.classify_offer(CUR, cc.Terms(9000, 24, "Engineer", "Shanghai"))
    assert res.classification == cc.WORSE
    texts = [m.render() for _a, _d, m in res.differences]
    assert texts == ["Wage 10000.00 -> 9000.00", "Term 36 -> 24 months"]
    res = cc.classify_offer(cc.Terms(10000, None), cc.Terms(10000, 12))
    assert res.differences[0][2].render() == "Term open-ended -> 12 months"


def test_expiry_ground_for_review_needs_a_recorded_answer():
    # LCL 46(5): no offer, or an offer without a written answer -> N
    assert cc.expiry_ground_for_review(False) == "expiry_not_renewed"
    assert cc.expiry_ground_for_review(True, cc.SAME, None) == "expiry_not_renewed"
    assert cc.expiry_ground_for_review(True, cc.SAME, cc.DECLINE) == "expiry_employee_declined"
    assert cc.expiry_ground_for_review(True, cc.BETTER, cc.DECLINE) == "expiry_employee_declined"
    assert cc.expiry_ground_for_review(True, cc.WORSE, cc.DECLINE) == "expiry_worse_terms_declined"
    assert cc.expiry_ground_for_review(True, cc.WORSE, cc.ACCEPT) is None


def test_check_offer_answer_needs_a_date():
    cc.check_offer_answer(None, None)
    cc.check_offer_answer(cc.DECLINE, date(2025, 6, 2), date(2025, 6, 1), date(2025, 6, 3))
    with pytest.raises(cc.InputError) as err:
        cc.check_offer_answer(cc.DECLINE, None)
    assert "Answer Date" in str(err.value)
    with pytest.raises(cc.InputError):
        cc.check_offer_answer(cc.ACCEPT, date(2025, 5, 31), date(2025, 6, 1))
    with pytest.raises(cc.InputError):
        cc.check_offer_answer(cc.ACCEPT, date(2025, 6, 4), date(2025, 6, 1), date(2025, 6, 3))
    with pytest.raises(cc.InputError):
        cc.check_offer_answer("maybe", date(2025, 6, 2))


def test_declined_claim_unsupported():
    assert cc.declined_claim_unsupported("expiry_employee_declined", None, None)
    assert cc.declined_claim_unsupported("expiry_employee_declined", cc.DECLINE, cc.WORSE)
    assert not cc.declined_claim_unsupported("expiry_employee_declined", cc.DECLINE, cc.SAME)
    assert not cc.declined_claim_unsupported("expiry_not_renewed", None, None)
