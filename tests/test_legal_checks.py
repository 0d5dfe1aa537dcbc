from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from hr_contract_risk.engine import legal_checks as lc
from hr_contract_risk.engine.i18n import Msg

C = lc.Contract


def codes(findings):
    return {f.code for f in findings}


def facts(contracts, end, **kw):
    return lc.Facts(contracts=tuple(contracts), end_date=end, **kw)


# the 招商主管 story: two fixed-term contracts after 2008, the second expiring
WANG = [C(date(2022, 1, 1), date(2023, 12, 31)), C(date(2024, 1, 1), date(2025, 12, 31))]
END = date(2025, 12, 31)


# --- service and chain -------------------------------------------------------


def test_service_years_and_full_years():
    assert lc.service_years(date(2015, 1, 1), date(2024, 12, 31)) == pytest.approx(10.0)
    assert lc.served_at_least(date(2015, 1, 1), date(2024, 12, 31), 10)
    assert not lc.served_at_least(date(2015, 1, 2), date(2024, 12, 31), 10)
    assert lc.service_years(date(2024, 1, 1), date(2023, 1, 1)) == 0.0


def test_chain_counts_post_2008_fixed_terms_only():
    contracts = [C(date(2005, 1, 1), date(2007, 12, 31)), C(date(2008, 1, 1), date(2010, 12, 31)),
                 C(date(2011, 1, 1), date(2013, 12, 31))]
    chain = lc.continuous_chain(contracts, date(2013, 12, 31))
    assert len(chain) == 3
    assert lc.consecutive_fixed_terms_since_2008(chain) == 2
    # the pre-2008 contract alone does not count (Art. 97)
    chain = lc.continuous_chain(contracts[:2], date(2010, 12, 31))
    assert lc.consecutive_fixed_terms_since_2008(chain) == 1


def test_chain_broken_by_a_long_gap():
    contracts = [C(date(2015, 1, 1), date(2017, 12, 31)), C(date(2019, 1, 1), date(2021, 12, 31))]
    chain = lc.continuous_chain(contracts, date(2021, 12, 31))
    assert chain == [contracts[1]]
    chain = lc.continuous_chain(contracts, date(2021, 12, 31), max_gap_days=400)
    assert len(chain) == 2


def test_chain_stops_at_an_open_ended_contract_for_counting():
    contracts = [C(date(2010, 1, 1), None), C(date(2020, 1, 1), date(2022, 12, 31))]
    chain = lc.continuous_chain(contracts, date(2022, 12, 31))
    assert lc.consecutive_fixed_terms_since_2008(chain) == 1
    assert lc.continuous_chain([], END) == []


# --- Art. 14 entitlement ------------------------------------------------------


def test_second_fixed_term_entitles_when_employee_asks():
    ent = lc.open_ended_entitlement(facts(WANG, END, employee_wish=lc.WISH_RENEW))
    assert ent.entitled and ent.must_offer_open_ended
    assert ent.grounds == (lc.GROUND_TWO_FIXED,)
    assert ent.fixed_term_count == 2
    findings = lc.evaluate(facts(WANG, END, employee_wish=lc.WISH_RENEW))
    assert not lc.is_allowed(findings, lc.NOT_RENEW)
    assert not lc.is_allowed(findings, lc.RENEW_SAME)
    assert not lc.is_allowed(findings, lc.RENEW_WORSE)
    assert lc.allowed_decisions(findings) == (lc.RENEW_OPEN_ENDED,)
    blocker = lc.blocking(findings, lc.NOT_RENEW)[0]
    assert "14(3)" in blocker.article and blocker.severity == lc.BLOCK
    assert isinstance(blocker.msg, Msg) and "%(count)s" in blocker.msg.text
    assert "2 consecutive" in blocker.msg.render()


def test_first_contract_may_end():
    findings = lc.evaluate(facts(WANG[:1], date(2023, 12, 31), employee_wish=lc.WISH_RENEW))
    assert "art14_not_entitled" in codes(findings)
    assert lc.allowed_decisions(findings) == lc.DECISIONS


@pytest.mark.parametrize("exception", ["art39", "art40_1", "art40_2"])
def test_art39_40_situation_defeats_second_contract_ground(exception):
    f = facts(WANG, END, employee_wish=lc.WISH_RENEW, **{exception: True})
    ent = lc.open_ended_entitlement(f)
    assert not ent.entitled and ent.exception_applies
    findings = lc.evaluate(f)
    assert "art14_exception" in codes(findings)
    assert lc.is_allowed(findings, lc.NOT_RENEW)


def test_ten_years_including_pre_2008_service():
    contracts = [C(date(2006, 3, 1), date(2012, 2, 29)), C(date(2012, 3, 1), date(2016, 2, 29))]
    f = facts(contracts, date(2016, 2, 29), employee_wish=lc.WISH_RENEW, art40_2=True)
    ent = lc.open_ended_entitlement(f)
    # 10 years from 2006-03-01 (Reg 9); the Art. 40(2) exception does not defeat the 10-year ground
    assert lc.GROUND_TEN_YEARS in ent.grounds
    assert not lc.is_allowed(lc.evaluate(f), lc.NOT_RENEW)


def test_ten_years_not_yet():
    contracts = [C(date(2006, 3, 2), date(2016, 2, 29))]
    ent = lc.open_ended_entitlement(facts(contracts, date(2016, 2, 29)))
    assert lc.GROUND_TEN_YEARS not in ent.grounds


def test_employee_asked_for_a_fixed_term():
    findings = lc.evaluate(facts(WANG, END, employee_wish=lc.WISH_FIXED_TERM))
    assert "art14_fixed_term_requested" in codes(findings)
    assert lc.allowed_decisions(findings) == lc.DECISIONS


def test_employee_does_not_want_to_renew():
    findings = lc.evaluate(facts(WANG, END, employee_wish=lc.WISH_LEAVE))
    assert "art14_employee_declines" in codes(findings)
    assert lc.is_allowed(findings, lc.NOT_RENEW)


def test_unknown_wish_warns():
    findings = lc.evaluate(facts(WANG, END))
    assert {"art14_entitled", "art14_wish_unknown"} <= codes(findings)
    assert all(f.severity == lc.WARN for f in findings if f.code.startswith("art14"))
    assert lc.is_allowed(findings, lc.NOT_RENEW)


def test_regional_setting_lets_employer_refuse_second_renewal():
    f = facts(WANG, END, employee_wish=lc.WISH_RENEW, employer_may_refuse_second_renewal=True)
    findings = lc.evaluate(f)
    assert lc.is_allowed(findings, lc.NOT_RENEW)
    assert "art14_regional_refusal" in codes(findings)
    # renewing on a fixed term is still not allowed when the employee asks for open-ended
    assert not lc.is_allowed(findings, lc.RENEW_SAME)


def test_regional_setting_does_not_touch_ten_years():
    contracts = [C(date(2010, 1, 1), date(2014, 12, 31)), C(date(2015, 1, 1), date(2019, 12, 31))]
    f = facts(contracts, date(2019, 12, 31), employee_wish=lc.WISH_RENEW, employer_may_refuse_second_renewal=True)
    assert not lc.is_allowed(lc.evaluate(f), lc.NOT_RENEW)


def test_deemed_open_ended_without_written_contract():
    f = facts([C(date(2021, 6, 1), date(2023, 5, 31))], date(2023, 5, 31), hire_date=date(2020, 1, 1))
    findings = lc.evaluate(f)
    assert "art14_deemed" in codes(findings)
    assert lc.allowed_decisions(findings) == (lc.RENEW_OPEN_ENDED,)


# --- Art. 42 / 45 protections ------------------------------------------------------


def test_pregnancy_blocks_non_renewal_only():
    findings = lc.evaluate(facts(WANG[:1], date(2023, 12, 31), pregnancy_nursing=True))
    assert {"art42_pregnancy", "art45_extension"} <= codes(findings)
    assert not lc.is_allowed(findings, lc.NOT_RENEW)
    assert lc.is_allowed(findings, lc.RENEW_SAME)


def test_medical_period_until_a_date():
    end = date(2023, 12, 31)
    assert "art42_medical_period" in codes(lc.evaluate(facts(WANG[:1], end, medical_period_until=end)))
    assert "art42_medical_period" in codes(lc.evaluate(facts(WANG[:1], end, medical_period_until=date(2024, 3, 1))))
    findings = lc.evaluate(facts(WANG[:1], end, medical_period_until=end - timedelta(days=1)))
    assert "art42_medical_period" not in codes(findings)
    blocker = lc.blocking(lc.evaluate(facts(WANG[:1], end, medical_period_until=date(2024, 3, 1))), lc.NOT_RENEW)
    assert blocker[0].msg.params == {"until": "2024-03-01"}


def test_occupational_injury():
    findings = lc.evaluate(facts(WANG[:1], date(2023, 12, 31), occupational_injury=True))
    assert not lc.is_allowed(findings, lc.NOT_RENEW)
    assert lc.blocking(findings, lc.NOT_RENEW)[0].article.startswith("LCL 42(1)(2)")


def test_fifteen_years_and_close_to_retirement():
    contracts = [C(date(2008, 1, 1), date(2015, 12, 31)), C(date(2016, 1, 1), date(2023, 12, 31))]
    end = date(2023, 12, 31)
    near = facts(contracts, end, statutory_retirement_date=date(2028, 6, 30))
    assert "art42_long_service" in codes(lc.evaluate(near))
    far = facts(contracts, end, statutory_retirement_date=date(2029, 1, 1))
    assert "art42_long_service" not in codes(lc.evaluate(far))
    # 15 years not reached
    short = facts(contracts[1:], end, statutory_retirement_date=date(2025, 1, 1))
    assert "art42_long_service" not in codes(lc.evaluate(short))
    retired = facts(contracts, end, statutory_retirement_date=date(2023, 6, 1))
    assert "art44_retirement" in codes(lc.evaluate(retired))


def test_findings_sorted_block_first():
    findings = lc.evaluate(facts(WANG, END, employee_wish=lc.WISH_RENEW, pregnancy_nursing=True,
                                 reason=lc.REASON_ATTITUDE))
    order = [f.severity for f in findings]
    assert order == sorted(order, key=[lc.BLOCK, lc.WARN, lc.INFO].index)
    assert "attitude_not_a_ground" in codes(findings)
    with pytest.raises(ValueError):
        lc.blocking(findings, "fire")


# --- Art. 40(2) and the evidence checklist -------------------------------------------


def test_incompetence_needs_training_first():
    findings = lc.evaluate(facts(WANG[:1], date(2023, 12, 31), reason=lc.REASON_INCOMPETENCE))
    assert "art40_2_training_first" in codes(findings)
    findings = lc.evaluate(facts(WANG[:1], date(2023, 12, 31), reason=lc.REASON_INCOMPETENCE), evidence_complete=True)
    assert "art40_2_training_first" not in codes(findings)


def test_checklist_lists_what_is_missing():
    items = lc.incompetence_checklist(lc.Evidence(below_threshold_appraisals=2, talk_logs=0))
    assert not lc.checklist_complete(items)
    assert [i.code for i in lc.checklist_missing(items)] == ["talk_log", "training_offered", "below_after_training"]
    assert items[0].msg.params == {"count": 2}
    complete = lc.incompetence_checklist(lc.Evidence(1, 1, True, True))
    assert lc.checklist_complete(complete) and lc.checklist_missing(complete) == []


# --- medical period table ------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "here", "months"),
    [(0, 0, 3), (9.9, 4.9, 3), (9.9, 5, 6), (10, 0, 6), (10, 4.99, 6), (10, 5, 9), (12, 9.9, 9),
     (12, 10, 12), (20, 15, 18), (30, 19.9, 18), (30, 20, 24), (40, 35, 24)],
)
def test_medical_period_table(total, here, months):
    assert lc.medical_period_months(total, here) == months


def test_medical_period_rejects_negative():
    with pytest.raises(ValueError):
        lc.medical_period_months(-1, 0)


@given(st.floats(0, 50), st.floats(0, 50), st.floats(0, 50))
def test_medical_period_monotone_in_years_here(total, a, b):
    low, high = sorted((a, b))
    assert lc.medical_period_months(total, low) <= lc.medical_period_months(total, high)
    assert lc.medical_period_months(total, low) in (3, 6, 9, 12, 18, 24)


# --- properties -------------------------------------------------------------------------


contract_lists = st.lists(
    st.tuples(st.integers(0, 5000), st.integers(30, 2000)), min_size=1, max_size=6
)


def _build(spans, start=date(2003, 1, 1)):
    out = []
    for gap, length in spans:
        start = start + timedelta(days=gap % 40)
        end = start + timedelta(days=length)
        out.append(C(start, end))
        start = end + timedelta(days=1)
    return out


@given(contract_lists, st.sampled_from(lc.WISHES), st.booleans(), st.booleans())
def test_open_ended_renewal_is_never_blocked_by_entitlement(spans, wish, pregnant, refuse):
    contracts = _build(spans)
    f = facts(contracts, contracts[-1].end, employee_wish=wish, pregnancy_nursing=pregnant,
              employer_may_refuse_second_renewal=refuse)
    findings = lc.evaluate(f)
    assert lc.is_allowed(findings, lc.RENEW_OPEN_ENDED)
    # a protected employee can never be let go at expiry
    if pregnant:
        assert not lc.is_allowed(findings, lc.NOT_RENEW)
    for finding in findings:
        assert finding.severity in lc.SEVERITIES
        assert finding.article
        assert finding.msg.render()
        assert (finding.severity == lc.BLOCK) == bool(finding.blocks)


@given(contract_lists)
def test_a_renewal_after_2008_adds_one(spans):
    contracts = _build(spans, date(2008, 1, 1))
    extra = C(contracts[-1].end + timedelta(days=1), contracts[-1].end + relativedelta(years=2))
    before = lc.consecutive_fixed_terms_since_2008(lc.continuous_chain(contracts, contracts[-1].end))
    after = lc.consecutive_fixed_terms_since_2008(lc.continuous_chain([*contracts, extra], extra.end))
    assert after == before + 1


@given(contract_lists)
def test_count_only_includes_post_2008_fixed_terms(spans):
    contracts = _build(spans)
    chain = lc.continuous_chain(contracts, contracts[-1].end)
    count = lc.consecutive_fixed_terms_since_2008(chain)
    assert count <= sum(1 for c in chain if c.start >= lc.LCL_IN_FORCE)
    assert count <= len(chain)


# --- ending the contract on a severance ground (labour_law ground keys) -------------------------


def test_termination_ground_sets_are_labour_law_grounds():
    from hr_contract_risk.engine import labour_law

    assert lc.EXPIRY_GROUNDS | lc.DISMISSAL_GROUNDS | {lc.UNLAWFUL_GROUND} <= set(labour_law.GROUND_KEYS)
    # LCL 42 forbids Art. 40 / 41 dismissals only; the expiry rows are the employer-driven ones of §1.5
    assert {labour_law.GROUNDS[g].articles[0].number for g in lc.DISMISSAL_GROUNDS} == {"40", "41"}
    assert all(labour_law.GROUNDS[g].money == labour_law.MONEY_N for g in lc.EXPIRY_GROUNDS)


@pytest.mark.parametrize("ground", sorted(lc.EXPIRY_GROUNDS))
def test_expiry_of_an_entitled_employee_who_asks_to_renew_is_unlawful(ground):
    found = lc.termination_findings(facts(WANG, END, employee_wish=lc.WISH_RENEW), ground)
    assert lc.termination_unlawful(found)
    first = found[0]
    assert (first.code, first.severity, first.article) == (lc.TERMINATION_UNLAWFUL, lc.BLOCK, "LCL 48, 87")
    text = first.msg.render()
    assert "LCL 14(3), 97, 82, 87" in text, "names the articles of the blocking findings"
    assert "2N" in text and "Unlawful termination" in text
    assert "art14_entitled" in codes(found)


def test_expiry_without_a_block_is_lawful_but_shows_the_findings():
    # unknown wish: the Art. 14 entitlement is a warning, the termination is not unlawful
    found = lc.termination_findings(facts(WANG, END), "expiry_not_renewed")
    assert not lc.termination_unlawful(found)
    assert {"art14_entitled", "art14_wish_unknown"} <= codes(found)
    # a first contract: information only
    found = lc.termination_findings(facts(WANG[1:], END), "expiry_not_renewed")
    assert [f.severity for f in found] == [lc.INFO]


def test_expiry_of_a_protected_employee_is_unlawful():
    found = lc.termination_findings(facts(WANG[1:], END, pregnancy_nursing=True), "expiry_not_renewed")
    assert lc.termination_unlawful(found)
    assert "LCL 42(4), 45" in found[0].msg.render()
    assert {"art42_pregnancy", "art45_extension"} <= codes(found)


@pytest.mark.parametrize("ground", sorted(lc.DISMISSAL_GROUNDS))
@pytest.mark.parametrize("protection,article", [
    ({"pregnancy_nursing": True}, "LCL 42(4), 45"),
    ({"occupational_injury": True}, "LCL 42(1)(2), 45"),
    ({"medical_period_until": END + timedelta(days=1)}, "LCL 42(3), 45"),
])
def test_dismissal_of_a_protected_employee_is_unlawful(ground, protection, article):
    found = lc.termination_findings(facts(WANG, END, **protection), ground)
    assert lc.termination_unlawful(found)
    assert "Art. 40 or 41" in found[0].msg.render()
    assert article in found[0].msg.render()
    assert not codes(found) & {"art14_entitled", "art14_wish_unknown"}, "Art. 14 is about renewal, not dismissal"


def test_dismissal_after_the_medical_period_is_not_blocked():
    found = lc.termination_findings(facts(WANG, END, medical_period_until=END - timedelta(days=1)),
                                    "no_fault_dismissal")
    assert found == []


def test_dismissal_for_incompetence_needs_training_first():
    found = lc.termination_findings(facts(WANG, END, reason=lc.REASON_INCOMPETENCE), "no_fault_dismissal")
    assert [(f.code, f.severity, f.article) for f in found] == [("art40_2_training_first", lc.WARN, "LCL 40(2)")]
    assert not lc.termination_unlawful(found), "a warning: the evidence may exist outside the system"
    assert lc.termination_findings(facts(WANG, END, reason=lc.REASON_INCOMPETENCE), "no_fault_dismissal",
                                   evidence_complete=True) == []


@pytest.mark.parametrize("ground", ["dismissal_cause", "mutual_employer", "resignation", "unlawful", "death"])
def test_other_grounds_have_no_findings(ground):
    """Art. 39 dismissal and mutual termination remain possible under Art. 42; 2N is already the ground."""
    assert lc.termination_findings(facts(WANG, END, pregnancy_nursing=True, employee_wish=lc.WISH_RENEW),
                                   ground) == []


@given(st.sampled_from(sorted(lc.EXPIRY_GROUNDS | lc.DISMISSAL_GROUNDS)), st.booleans(), st.booleans(),
       st.sampled_from(lc.WISHES))
def test_unlawful_exactly_when_a_finding_blocks(ground, pregnant, injured, wish):
    found = lc.termination_findings(
        facts(WANG, END, pregnancy_nursing=pregnant, occupational_injury=injured, employee_wish=wish), ground)
    blocks = [f for f in found if f.severity == lc.BLOCK and f.code != lc.TERMINATION_UNLAWFUL]
    assert lc.termination_unlawful(found) == bool(blocks)
    if blocks:
        assert found[0].code == lc.TERMINATION_UNLAWFUL
    if pregnant or injured:
        assert lc.termination_unlawful(found)


# --- Reg 7 / LCL 14 ¶3: deemed open-ended uses the first written contract (issue 9, fix 2) ----------------


def test_reg7_first_contract_not_chain_after_gap():
    """Contracts 2015-01-01 -> 2017-12-31 and 2018-03-01 -> 2020-02-29, hire 2015-01-01.

    The two-month gap cuts the continuity chain, but a written contract existed from
    the first day: Reg 7 / LCL 14 ¶3 does not apply and non-renewal is not blocked by it.
    """
    contracts = [C(date(2015, 1, 1), date(2017, 12, 31)), C(date(2018, 3, 1), date(2020, 2, 29))]
    f = facts(contracts, date(2020, 2, 29), hire_date=date(2015, 1, 1), max_gap_days=30)
    assert lc.continuous_chain(f.contracts, f.end_date, f.max_gap_days)[0].start == date(2018, 3, 1)
    findings = lc.evaluate(f)
    assert "art14_deemed" not in codes(findings)
    assert lc.GROUND_DEEMED not in lc.open_ended_entitlement(f).grounds
    assert lc.is_allowed(findings, lc.NOT_RENEW)


def test_reg7_one_year_boundary_and_signing_date():
    hire = date(2020, 2, 29)
    # the first year ends 2021-02-28 (Civil Code Art. 202): a contract from that day is in time
    assert not lc.deemed_open_ended(hire, [C(date(2021, 2, 28), date(2023, 2, 27))])
    assert lc.deemed_open_ended(hire, [C(date(2021, 3, 1), date(2023, 2, 28))])
    # a contract signed within the year but starting later still counts as written in time
    assert not lc.deemed_open_ended(hire, [C(date(2021, 3, 1), date(2023, 2, 28), signed=date(2020, 2, 29))])


# --- LCL 21: dismissal during probation (issue 9, fix 3) ----------------------------------------------------


def _probation_facts(end, reason):
    return facts([C(date(2024, 1, 1), date(2026, 12, 31))], end, hire_date=date(2024, 1, 1),
                 probation_end=date(2024, 6, 30), no_fault_reason=reason)


def test_lcl21_art40_3_dismissal_during_probation_is_unlawful():
    """Hire 2024-01-01, probation until 2024-06-30, Art. 40(3) dismissal on 2024-02-29: unlawful (LCL 21)."""
    found = lc.termination_findings(_probation_facts(date(2024, 2, 29), "objective_change"), "no_fault_dismissal")
    assert lc.termination_unlawful(found)
    probation = [f for f in found if f.code == lc.PROBATION_DISMISSAL]
    assert [f.article for f in probation] == ["LCL 21, 40(3)"]
    assert probation[0].msg.params["until"] == "2024-06-30" and "Art. 40(1)(2)" in probation[0].msg.text
    assert "probation" in found[0].msg.text  # the unlawful finding names the probation, not Art. 42


@pytest.mark.parametrize("ground,reason,unlawful", [
    ("layoff", None, True),  # Art. 41 is not a probation ground
    ("no_fault_dismissal", "illness", False),  # Art. 40(1) allowed
    ("no_fault_dismissal", "incompetence", None),  # Art. 40(2) allowed (its own training-first check applies)
])
def test_lcl21_other_grounds_during_probation(ground, reason, unlawful):
    found = lc.termination_findings(_probation_facts(date(2024, 3, 15), reason), ground)
    assert any(f.code == lc.PROBATION_DISMISSAL for f in found) is bool(unlawful)
    if unlawful is not None:
        assert lc.termination_unlawful(found) is unlawful


def test_lcl21_after_probation_objective_change_is_not_a_probation_finding():
    # probation ends 2024-06-30 (counted): on that day still forbidden, the next day not
    assert lc.probation_findings(_probation_facts(date(2024, 6, 30), "objective_change"), "no_fault_dismissal")
    assert not lc.probation_findings(_probation_facts(date(2024, 7, 1), "objective_change"), "no_fault_dismissal")


def test_renewal_offer_checklist_lcl_46_5():
    items = lc.renewal_offer_checklist(False, None, None, False)
    assert [(i.code, i.done) for i in items] == [("renewal_offer", False), ("renewal_answer", False)]
    items = lc.renewal_offer_checklist(True, "decline", date(2025, 6, 2), False)
    assert [i.done for i in items] == [True, False], "a written answer needs its scan"
    items = lc.renewal_offer_checklist(True, "decline", date(2025, 6, 2), True)
    assert lc.checklist_complete(items)
