"""Issue 9 §2 legal fixes 5-8 and 10, each with its article and a worked example.

5. Work injury (工伤保险条例 Arts. 35-37)      6. Unemployment benefit until retirement (延迟退休办法 Art. 7)
7. W over months actually worked (Reg 27)      8. Annual leave: base without overtime (实施办法 Art. 11),
   条例 Art. 4 exclusions, leave carried over (实施办法 Art. 9)
10. Trade Union Law Art. 19, 集体合同规定 Art. 28;  LCL 83 exposure in the legal checks.
"""

from datetime import date
from decimal import Decimal

import pytest

from hr_contract_risk.engine import bounds
from hr_contract_risk.engine import labour_law as ll
from hr_contract_risk.engine import legal_checks as lc
from hr_contract_risk.engine import social_insurance as si

D = Decimal


def _facts(**kw):
    kw.setdefault("contracts", (lc.Contract(date(2022, 7, 1), date(2025, 6, 30)),))
    kw.setdefault("end_date", date(2025, 6, 30))
    kw.setdefault("hire_date", date(2022, 7, 1))
    return lc.Facts(**kw)


def _codes(findings):
    return {f.code for f in findings}


# ----------------------------------------------------------------- 5. work injury (WIIR Arts. 35-37)


@pytest.mark.parametrize("grade", [1, 2, 3, 4])
def test_wiir_art35_grades_1_to_4_keep_the_relationship(grade):
    """WIIR Art. 35: grades 1-4 keep the relationship; non-renewal, mutual termination by the employer and even
    a resignation are refused."""
    found = lc.evaluate(_facts(disability_grade=grade))
    assert not lc.is_allowed(found, lc.NOT_RENEW)
    assert "wiir35_kept" in _codes(found)
    assert lc.termination_unlawful(lc.termination_findings(_facts(disability_grade=grade), "expiry_not_renewed"))
    assert lc.termination_unlawful(lc.termination_findings(_facts(disability_grade=grade), "mutual_employer"))
    resignation = lc.termination_findings(_facts(disability_grade=grade), "resignation")
    assert [f.code for f in resignation] == ["wiir35_kept"] and resignation[0].severity == lc.BLOCK


@pytest.mark.parametrize("grade", [5, 6])
def test_wiir_art36_grades_5_6_end_only_at_the_employees_request(grade):
    """WIIR Art. 36: the employer may not let the contract expire, unless the employee asks to leave."""
    assert not lc.is_allowed(lc.evaluate(_facts(disability_grade=grade)), lc.NOT_RENEW)
    leaving = lc.evaluate(_facts(disability_grade=grade, employee_wish=lc.WISH_LEAVE))
    assert lc.is_allowed(leaving, lc.NOT_RENEW) and "wiir36_employee_request" in _codes(leaving)
    assert not lc.termination_unlawful(lc.termination_findings(_facts(disability_grade=grade), "resignation"))
    assert lc.termination_unlawful(lc.termination_findings(_facts(disability_grade=grade), "mutual_employer"))


@pytest.mark.parametrize("grade", [7, 8, 9, 10])
def test_wiir_art37_grades_7_to_10_may_end_at_expiry_but_no_art40_dismissal(grade):
    """WIIR Art. 37: ends at expiry with the subsidy; LCL 42(2) still forbids an Art. 40/41 dismissal."""
    found = lc.termination_findings(_facts(disability_grade=grade), "expiry_not_renewed")
    assert not lc.termination_unlawful(found) and "wiir37_subsidy" in _codes(found)
    dismissal = lc.termination_findings(_facts(disability_grade=grade, no_fault_reason="illness"),
                                        "no_fault_dismissal")
    assert lc.termination_unlawful(dismissal) and "wiir_dismissal" in _codes(dismissal)


def test_wiir_occupational_disease_under_assessment_still_blocks():
    """LCL 42(1)(2), 45: under assessment (no grade yet) the contract is extended, even with an old grade."""
    for facts in (_facts(occupational_injury=True), _facts(disability_grade=9, disease_under_assessment=True)):
        found = lc.evaluate(facts)
        assert "art42_occupational" in _codes(found) and not lc.is_allowed(found, lc.NOT_RENEW)
    # a confirmed grade 9 alone: the work-injury rules decide (Art. 45 ¶2), no generic Art. 42 block
    assert lc.is_allowed(lc.evaluate(_facts(occupational_injury=True, disability_grade=9)), lc.NOT_RENEW)


def test_wiir_art37_subsidy_added_to_the_severance_worked_example():
    """WIIR Art. 37, worked example: grade 8, 6 months set by the province, W 8,000, expiry after 3 years:
    N = 3 × 8,000 = 24,000, subsidy 6 × 8,000 = 48,000, total 72,000."""
    inp = ll.SeveranceInput(
        "expiry_not_renewed", date(2022, 7, 1), date(2025, 6, 30), D(8000), D(10000), D(2500),
        disability_grade=8, disability_subsidy_months=D(6))
    res = ll.compute_severance(inp)
    assert res.compensation_amount == D("24000.00")
    assert res.disability_subsidy_amount == D("48000.00")
    assert res.total_amount == D("72000.00")
    assert any(a.code == "WIIR 37" for a in res.articles)
    assert res.as_dict()["disability_subsidy_amount"] == "48000.00"
    # base = the local average wage where the province says so: 6 × 10,000
    res_a = ll.compute_severance(ll.SeveranceInput(
        "expiry_not_renewed", date(2022, 7, 1), date(2025, 6, 30), D(8000), D(10000), D(2500),
        disability_grade=8, disability_subsidy_months=D(6), disability_subsidy_base="local_average"))
    assert res_a.disability_subsidy_amount == D("60000.00")


def test_wiir_subsidy_grades_5_6_cite_art36_and_none_for_grades_1_4_or_death():
    base = {"ground": "resignation", "hire_date": date(2022, 7, 1), "termination_date": date(2025, 6, 30),
            "average_wage": D(8000), "local_average_wage": D(10000), "local_minimum_wage": D(2500),
            "disability_subsidy_months": D(10)}
    res = ll.compute_severance(ll.SeveranceInput(**base, disability_grade=5))
    assert res.disability_subsidy_amount == D("80000.00") and any(a.code == "WIIR 36" for a in res.articles)
    assert ll.compute_severance(ll.SeveranceInput(**base, disability_grade=3)).disability_subsidy_amount == 0
    assert ll.compute_severance(ll.SeveranceInput(**{**base, "ground": "death"}, disability_grade=8)
                                ).disability_subsidy_amount == 0


def test_wiir_grade_bounds():
    with pytest.raises(ll.LabourLawError):
        ll.compute_severance(ll.SeveranceInput(
            "resignation", date(2022, 7, 1), date(2025, 6, 30), D(8000), disability_grade=11))
    with pytest.raises(bounds.BoundsError, match="Disability Grade must be a number between 0 and 10"):
        bounds.check_number("disability_grade", 11, "Disability Grade")
    bounds.check_number("disability_grade", 7)
    bounds.check_number("disability_grade", 0)  # none
    with pytest.raises(bounds.BoundsError):
        bounds.check_number("disability_subsidy_months", 121)


# ----------------------------------------------------------------- 6. benefit until retirement (Art. 7)


def test_benefit_extended_to_retirement_age_art7_worked_example():
    """延迟退休办法 Art. 7 (in force 2025-01-01), worked example: 10+ years of contributions (24 months),
    benefit from 2025-03-01, statutory retirement 2027-08-01: the 24 months would end 2027-03-01, less than a
    year before retirement, so the benefit runs until 2027-08-01: 29 months, beyond the SIL 46 cap of 24."""
    res = si.benefit(130, 0, True, start=date(2025, 3, 1), retirement_date=date(2027, 8, 1))
    assert res.eligible and res.months == 29 and res.until_retirement == date(2027, 8, 1)
    assert res.notes and not res.capped


def test_benefit_not_extended_a_year_or_more_from_retirement_or_before_2025():
    # ends 2027-03-01, retirement 2028-03-01: exactly one year away, not "less than one year"
    assert si.benefit(130, 0, True, start=date(2025, 3, 1), retirement_date=date(2028, 3, 1)).months == 24
    # before the Measures were in force: SIL 46 alone
    assert si.benefit(130, 0, True, start=date(2024, 6, 1), retirement_date=date(2025, 1, 1)).months == 24
    # not eligible: nothing to extend
    assert si.benefit(130, 0, False, start=date(2025, 3, 1), retirement_date=date(2025, 9, 1)).months == 0


def test_assess_passes_the_retirement_date():
    res = si.assess("expiry_not_renewed", date(2025, 2, 28), contribution_months=40,
                    retirement_date=date(2026, 1, 15), hire_date=date(2020, 1, 1))
    # 12 months from 2025-03-01 end 2026-03-01, after the retirement: the benefit is not longer than usual
    assert res.benefit.months == 12
    res = si.assess("expiry_not_renewed", date(2025, 2, 28), contribution_months=40,
                    retirement_date=date(2026, 9, 15), hire_date=date(2020, 1, 1))
    assert res.benefit.months == 19 and res.benefit.until_retirement == date(2026, 9, 15)


# ----------------------------------------------------------------- 7. W over months actually worked (Reg 27)


def test_reg27_partial_first_month_counts_as_its_fraction_worked_example():
    """Reg 27, worked example: hire 2024-01-17, end 2024-06-30; January paid 7,500 for 15 of 31 days, February to
    June 15,500 each.  W = 85,000 / (15/31 + 5) = 15,500.00; counting January as a full month gave 14,166.67."""
    lines = [ll.WageLine(date(2024, 1, 1), D(7500))] + [ll.WageLine(date(2024, m, 1), D(15500)) for m in range(2, 7)]
    avg = ll.average_wage(lines, date(2024, 6, 30), date(2024, 1, 17))
    assert avg.average == D("15500.00")
    assert avg.partial_months == ((date(2024, 1, 1), 15, 31),)
    assert avg.months_worked == (D(15) / D(31) + 5).quantize(D("0.0001"))
    assert any("Reg 27" in w.text for w in avg.warnings)
    whole = ll.average_wage(lines, date(2024, 6, 30), date(2024, 1, 17), partial_months=False)
    assert whole.average == D("14166.67") and whole.months_worked is None


def test_reg27_partial_last_month_counts_when_paid():
    """Short service ending mid-month: the paid termination month counts as its fraction (15/30)."""
    lines = [ll.WageLine(date(2024, m, 1), D(10000)) for m in range(3, 6)] + [ll.WageLine(date(2024, 6, 1), D(5000))]
    avg = ll.average_wage(lines, date(2024, 6, 15), date(2024, 3, 1))
    assert avg.average == D("10000.00") and avg.partial_months == ((date(2024, 6, 1), 15, 30),)
    # twelve months or more: the 12 whole months before the end, unchanged
    full = [ll.WageLine(date(2023, m, 1), D(9000)) for m in range(1, 13)]
    assert ll.average_wage(full, date(2023, 12, 31), date(2020, 5, 20)).average == D("9000.00")


# ----------------------------------------------------------------- 8. annual leave (Art. 11, Art. 4, carry-over)


def test_leave_base_excludes_overtime_art11_whatever_the_w_setting():
    """实施办法 Art. 11: W_leave is the 12-month average without overtime, even when W includes it."""
    lines = [ll.WageLine(date(2024, m, 1), D(12000), overtime=D(1125)) for m in range(1, 13)]
    avg = ll.average_wage(lines, date(2024, 12, 31), date(2015, 1, 1), include_overtime=True)
    assert avg.average == D("12000.00") and avg.leave_average == D("10875.00")
    # T20 base: 1 day × 10,875 / 21.75 × 200% = 1,000
    assert ll.annual_leave_pay(1, avg.leave_average) == D("1000.00")
    # no leave wage given: W is used, with a warning naming Art. 11
    res = ll.compute_severance(ll.SeveranceInput("resignation", date(2015, 1, 1), date(2024, 12, 31), D(12000),
                                                 untaken_leave_days=D(1)))
    assert any("Art. 11" in w.text for w in res.warnings)


@pytest.mark.parametrize("years, sick, excluded", [
    (5, 2, True), (5, D("1.9"), False),  # Art. 4(3): 1-10 years, 2 months or more
    (12, 3, True), (12, D("2.5"), False),  # Art. 4(4): 10-20 years, 3 months
    (25, 4, True), (25, D("3.5"), False),  # Art. 4(5): 20+ years, 4 months
])
def test_leave_regulations_art4_sick_leave_removes_the_years_leave(years, sick, excluded):
    """条例 Art. 4(3)-(5), worked example (12 work years, 3 months' sick leave): no leave that year, days due 0
    where T20 would give 1."""
    ex = ll.LeaveExclusions(sick_leave_months=sick)
    due = ll.annual_leave_days_due(date(2025, 6, 30), years, 0, exclusions=ex)
    assert (due.days_due == 0 and due.excluded is not None) is excluded
    if not excluded:
        assert due.days_due > 0


def test_leave_regulations_art4_personal_leave_and_vacation():
    paid_20 = ll.LeaveExclusions(personal_leave_days=20, personal_leave_paid=True)
    assert ll.annual_leave_exclusion(12, paid_20).params["days"] == "20"
    # 20 days of personal leave with wages deducted: still entitled (Art. 4(2) needs no deduction)
    assert ll.annual_leave_exclusion(12, ll.LeaveExclusions(personal_leave_days=25)) is None
    assert ll.annual_leave_exclusion(12, ll.LeaveExclusions(school_vacation_longer=True)) is not None
    # T20 without exclusions is unchanged: 1 day
    assert ll.annual_leave_days_due(date(2025, 6, 30), 12, 3, exclusions=ll.LeaveExclusions()).days_due == 1


def test_leave_carried_from_previous_year_is_paid_art9():
    """实施办法 Art. 9: 3 days carried from 2024 + 1 day of 2025 = 4 days × 500 × 200% = 4,000."""
    res = ll.compute_severance(ll.SeveranceInput(
        "resignation", date(2015, 1, 1), date(2025, 6, 30), D(12000), untaken_leave_days=D(1),
        leave_wage=D(10875), carried_leave_days=D(3)))
    assert res.leave_pay_amount == D("4000.00")
    assert any(a.code == "LEAVE_MEASURES 9" for a in res.articles)
    with pytest.raises(bounds.BoundsError):
        bounds.check_number("carried_leave_days", 16)


# ----------------------------------------------------------------- 10. union officers, negotiation representatives


def test_trade_union_law_art19_extends_to_the_end_of_the_term():
    """Trade Union Law Art. 19, worked example: contract ends 2025-06-30, union chair until 2026-03-31: the
    non-renewal is refused, the contract runs to 2026-03-31."""
    found = lc.evaluate(_facts(union_office_until=date(2026, 3, 31)))
    union = [f for f in found if f.code == "tul19_union_officer"]
    assert union and union[0].msg.params["until"] == "2026-03-31"
    assert not lc.is_allowed(found, lc.NOT_RENEW)
    assert lc.termination_unlawful(lc.termination_findings(_facts(union_office_until=date(2026, 3, 31)),
                                                           "expiry_not_renewed"))
    # full-time officer (term 2024-04-01 .. 2026-03-31): extended by the length of the term
    full = lc.evaluate(_facts(union_office_until=date(2026, 3, 31), union_office_full_time=True,
                              union_office_start=date(2024, 4, 1)))
    assert [f for f in full if f.code == "tul19_union_officer"][0].msg.params["until"] == "2027-06-30"
    # term over before the end, serious fault (Art. 39) or retirement reached: no extension
    assert lc.is_allowed(lc.evaluate(_facts(union_office_until=date(2025, 6, 29))), lc.NOT_RENEW)
    assert "tul19_union_officer" not in _codes(lc.evaluate(_facts(union_office_until=date(2026, 3, 31), art39=True)))
    assert "tul19_union_officer" not in _codes(lc.evaluate(_facts(
        union_office_until=date(2026, 3, 31), statutory_retirement_date=date(2025, 6, 1))))


def test_collective_contract_provisions_art28_extends_and_forbids_dismissal():
    """集体合同规定 Art. 28: a negotiation representative's contract is extended to the end of the mandate, and
    an Art. 40/41 dismissal is refused meanwhile."""
    facts = _facts(negotiation_rep_until=date(2025, 12, 31))
    assert not lc.is_allowed(lc.evaluate(facts), lc.NOT_RENEW)
    assert lc.termination_unlawful(lc.termination_findings(
        _facts(negotiation_rep_until=date(2025, 12, 31), no_fault_reason="objective_change"), "no_fault_dismissal"))


# ----------------------------------------------------------------- LCL 83 in the legal checks


def test_lcl83_probation_beyond_the_limit_in_the_legal_checks():
    """LCL 19, 83, worked example: 3-year contract from 2024-01-01, probation to 2024-08-31 (limit 6 months,
    to 2024-06-30), wage 10,000, Art. 39 dismissal on 2024-08-31: 2 months beyond the limit = 20,000."""
    facts = lc.Facts(contracts=(lc.Contract(date(2024, 1, 1), date(2026, 12, 31)),), end_date=date(2024, 8, 31),
                     hire_date=date(2024, 1, 1), probation_end=date(2024, 8, 31), contract_wage=D(10000))
    found = lc.termination_findings(facts, "dismissal_cause")
    exposure = [f for f in found if f.code == "lcl83_probation_excess"]
    assert exposure and exposure[0].msg.params["amount"] == "20,000.00" and exposure[0].severity == lc.WARN
    assert exposure[0].msg.params["months"] == "2.00"
    # within the limit: nothing
    ok = lc.Facts(contracts=facts.contracts, end_date=date(2024, 5, 31), hire_date=date(2024, 1, 1),
                  probation_end=date(2024, 6, 30), contract_wage=D(10000))
    assert not [f for f in lc.termination_findings(ok, "dismissal_cause") if f.code == "lcl83_probation_excess"]
