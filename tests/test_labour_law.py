"""Engine tests for hr_contract_risk.engine.labour_law (no Odoo).

The worked examples T1-T20 and the 招商主管 table are those of
shared/domain/prc-labour-rules.md §2 and §3; A = 10,000, Min = 2,500 unless stated.
"""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hr_contract_risk.engine import labour_law as L
from hr_contract_risk.engine.i18n import Msg

A = D(10000)
MIN = D(2500)


def sev(ground, hire, end, w, a=A, mini=MIN, config=L.DEFAULT_CONFIG, **kw):
    return L.compute_severance(
        L.SeveranceInput(ground, hire, end, D(w), local_average_wage=D(a), local_minimum_wage=D(mini), **kw),
        config,
    )


# ----------------------------------------------------------------------------- service length and N (§1.1)


@pytest.mark.parametrize(
    "hire,end,months,days,n",
    [
        (date(2024, 1, 1), date(2024, 6, 30), 6, 0, D(1)),  # exactly 6 months -> 1 (以上 includes 6)
        (date(2024, 1, 1), date(2024, 6, 29), 5, 29, D("0.5")),  # 5 months 29 days -> 0.5
        (date(2021, 7, 1), date(2024, 6, 30), 36, 0, D(3)),
        (date(2021, 1, 1), date(2024, 7, 15), 42, 15, D(4)),  # 3y 6m 15d
        (date(2010, 3, 1), date(2025, 2, 28), 180, 0, D(15)),
        (date(2024, 3, 1), date(2024, 3, 1), 0, 1, D("0.5")),  # one day
        (date(2023, 1, 1), date(2023, 12, 31), 12, 0, D(1)),
    ],
)
def test_service_and_n(hire, end, months, days, n):
    s = L.service_length(hire, end)
    assert (s.total_months, s.days) == (months, days)
    assert L.n_from_service(s) == n


def test_old_rule_counts_any_part_year_as_full_year():
    s = L.service_length(date(2005, 7, 1), date(2007, 12, 31))  # 2y 6m
    assert (s.years, s.months, s.days) == (2, 6, 0)
    assert L.old_n_from_service(s) == 3
    assert L.old_n_from_service(L.service_length(date(2006, 1, 1), date(2007, 12, 31))) == 2
    assert L.old_n_from_service(L.service_length(date(2007, 12, 31), date(2007, 12, 31))) == 1


def test_inclusive_end_date_is_a_flag():
    excl = L.service_length(date(2024, 1, 1), date(2024, 6, 30), inclusive_end=False)
    assert (excl.total_months, excl.days) == (5, 29)
    assert L.n_from_service(excl) == D("0.5")
    cfg = L.LawConfig(inclusive_end_date=False)
    r = sev("mutual_employer", date(2024, 1, 1), date(2024, 6, 30), 9000, config=cfg)
    assert r.compensation_amount == D("4500.00")
    assert "excluded" in r.notes[0].text


def test_month_end_follows_civil_code_202_and_clamping_is_a_flag():
    # Civil Code Art. 202 (default): hired 31 Jan, February has no 31st, so the month ends on its last day, 29 Feb
    assert L.service_length(date(2024, 1, 31), date(2024, 2, 28)).total_months == 0
    civil = L.service_length(date(2024, 1, 31), date(2024, 2, 29))
    assert (civil.total_months, civil.days) == (1, 0)
    # the clamped reading (company setting) completes it one day earlier, on 28 Feb
    clamped = L.service_length(date(2024, 1, 31), date(2024, 2, 28), clamp_month_end=True)
    assert (clamped.total_months, clamped.days) == (1, 0)
    # anniversaries come from the hire date, not from the previous month: 31 Jan -> 31 Mar
    s = L.service_length(date(2024, 1, 31), date(2024, 3, 30))
    assert (s.total_months, s.days) == (2, 0)


# ----------------------------------------------------------------------------- worked examples (§2)


def test_t1_mutual_employer_exactly_six_months():
    r = sev("mutual_employer", date(2024, 1, 1), date(2024, 6, 30), 9000)
    assert r.compensation_months == 1
    assert r.compensation_amount == D("9000.00")
    assert r.total_amount == D("9000.00")
    assert r.benefit == L.BENEFIT_YES and [a.code for a in r.benefit_articles] == ["ORDER13 13(3)"]


def test_t3_expiry_not_renewed():
    r = sev("expiry_not_renewed", date(2021, 7, 1), date(2024, 6, 30), 12000)
    assert r.compensation_amount == D("36000.00")
    assert {"LCL 44(1)", "LCL 46(5)", "LCL 47"} <= {a.code for a in r.articles}


def test_t4_expiry_employee_refused_same_terms():
    r = sev("expiry_employee_declined", date(2021, 7, 1), date(2024, 6, 30), 12000)
    assert r.total_amount == 0
    assert r.segments == ()
    # unemployment benefit: Order 13 Art. 13(1) literally, but Unconfirmed locally
    assert r.benefit == L.BENEFIT_YES and r.benefit_unconfirmed
    assert [a.code for a in r.benefit_articles] == ["ORDER13 13(1)"]


def test_t6_no_fault_notice_given():
    r = sev("no_fault_dismissal", date(2021, 1, 1), date(2024, 7, 15), 15000,
            notice_given=True, no_fault_reason="incompetence")
    assert r.compensation_months == 4
    assert r.compensation_amount == D("60000.00")
    assert r.notice_pay_amount == 0
    assert "LCL 40(2)" in {a.code for a in r.articles}


def test_t6_variant_without_notice_is_n_plus_1_with_previous_month_wage_uncapped():
    r = sev("no_fault_dismissal", date(2021, 1, 1), date(2024, 7, 15), 15000,
            notice_given=False, previous_month_wage=D(16000), no_fault_reason="incompetence")
    assert r.compensation_amount == D("60000.00")
    assert r.notice_pay_amount == D("16000.00")
    assert r.total_amount == D("76000.00")
    # the +1 is not an Art. 47 payment: no 3A cap even for a high earner
    high = sev("no_fault_dismissal", date(2021, 1, 1), date(2024, 7, 15), 50000,
               notice_given=False, previous_month_wage=D(52000), no_fault_reason="objective_change")
    assert high.compensation_amount == D("120000.00")  # 4 x 30,000
    assert high.notice_pay_amount == D("52000.00")
    assert "REG 20" in {a.code for a in high.articles}


def test_t8_layoff_high_earner_capped():
    r = sev("layoff", date(2010, 3, 1), date(2025, 2, 28), 40000)
    (seg,) = r.segments
    assert seg.n_before_cap == 15 and seg.n == 12
    assert seg.base == D("30000.00") and seg.cap_applied and seg.year_cap_applied
    assert r.compensation_amount == D("360000.00")
    assert r.cap_applied
    texts = [w.text for w in r.warnings]
    assert any("3A" in t for t in texts)


def test_edge_w_equal_3a_is_not_capped_and_3a_plus_1_is():
    equal = sev("layoff", date(2010, 3, 1), date(2025, 2, 28), 30000)
    assert equal.compensation_amount == D("450000.00")
    assert not equal.cap_applied
    above = sev("layoff", date(2010, 3, 1), date(2025, 2, 28), 30001)
    assert above.compensation_amount == D("360000.00")
    assert above.cap_applied


def test_t13_pre2008_split():
    r = sev("no_fault_dismissal", date(2005, 7, 1), date(2010, 3, 31), 8000, a=5000,
            notice_given=True, no_fault_reason="incompetence")
    pre, post = r.segments
    assert (pre.key, pre.years, pre.months, pre.n, pre.amount) == ("pre2008", 2, 6, D(3), D("24000.00"))
    assert (post.key, post.years, post.months, post.n, post.amount) == ("post2008", 2, 3, D("2.5"), D("20000.00"))
    assert r.compensation_amount == D("44000.00")
    assert r.compensation_amount != D("40000.00")
    assert {"LCL 97", "481 7"} <= {a.code for a in r.articles}


def test_t14_expiry_with_pre2008_service_counts_only_post2008():
    r = sev("expiry_not_renewed", date(2002, 5, 1), date(2008, 5, 31), 6000)
    pre, post = r.segments
    assert pre.amount == 0 and pre.n == 0
    assert (post.months, post.n, post.amount) == (5, D("0.5"), D("3000.00"))
    assert r.compensation_amount == D("3000.00")


@pytest.mark.parametrize("ground,benefit", [("resignation", L.BENEFIT_NO), ("dismissal_cause", L.BENEFIT_YES)])
def test_t18_resignation_and_dismissal_for_cause_pay_nothing(ground, benefit):
    r = sev(ground, date(2015, 1, 1), date(2024, 1, 1), 10000)
    assert r.total_amount == 0
    assert r.benefit == benefit


# T19 (unemployment benefit months) lives in test_social_insurance.py: social_insurance owns §1.11.


def test_t20_annual_leave():
    due = L.annual_leave_days_due(date(2025, 6, 30), cumulative_work_years=12, days_taken=3)
    assert (due.entitlement, due.days_elapsed, due.days_due) == (10, 181, 1)
    assert L.annual_leave_pay(due.days_due, D(10875)) == D("1000.00")
    r = sev("mutual_employer", date(2020, 1, 1), date(2025, 6, 30), 12000,
            untaken_leave_days=D(1), leave_wage=D(10875))
    assert r.leave_pay_amount == D("1000.00")
    assert r.total_amount == r.compensation_amount + D("1000.00")


def test_annual_leave_conventions_are_flags():
    exclusive = L.annual_leave_days_due(date(2025, 6, 30), 12, 3, config=L.LawConfig(leave_elapsed_inclusive=False))
    assert exclusive.days_elapsed == 180
    # half days: floor after subtracting (default) vs floor the pro-rata figure first
    after = L.annual_leave_days_due(date(2025, 6, 30), 12, D("2.5"))
    before = L.annual_leave_days_due(date(2025, 6, 30), 12, D("2.5"), config=L.LawConfig(leave_floor_mode="before_taken"))
    assert (after.days_due, before.days_due) == (2, 1)
    # more taken than the pro-rata figure: not clawed back
    assert L.annual_leave_days_due(date(2025, 3, 1), 12, 10).days_due == 0
    assert L.annual_leave_entitlement(0.5) == 0 and L.annual_leave_entitlement(25) == 15
    assert L.annual_leave_entitlement(5, continuous_12_months=False) == 0
    # hired this year: days elapsed count from the hire date
    assert L.annual_leave_days_due(date(2025, 12, 31), 3, 0, hire_date=date(2025, 7, 1)).days_elapsed == 184


def test_fractional_leave_days_are_floored_with_a_warning():
    r = sev("mutual_employer", date(2020, 1, 1), date(2025, 6, 30), 12000,
            untaken_leave_days=D("1.5"), leave_wage=D(10875))
    assert r.leave_pay_amount == D("1000.00")
    assert any("Fractions" in w.text for w in r.warnings)


# ----------------------------------------------------------------------------- §3 the 招商主管 case


@pytest.mark.parametrize(
    "month,n",
    [(1, 4), (2, 4), (3, 4), (4, 4), (5, D("3.5")), (6, D("3.5")), (7, D("3.5")), (8, D("3.5")),
     (9, D("3.5")), (10, 3), (11, 3), (12, 3)],
)
def test_sales_supervisor_table(month, n):
    r = sev("expiry_not_renewed", date(2014, month, 1), date(2017, 9, 30), 12000)
    assert r.compensation_months == n
    assert r.compensation_amount == L.money(D(n) * 12000)


def test_sales_supervisor_unlawful_non_renewal_is_2n_6_to_8_w():
    low = sev("unlawful", date(2014, 10, 1), date(2017, 9, 30), 12000)
    high = sev("unlawful", date(2014, 1, 1), date(2017, 9, 30), 12000)
    assert low.compensation_amount == D(6) * 12000
    assert high.compensation_amount == D(8) * 12000
    assert low.compensation_months == 6 and high.compensation_months == 8


# ----------------------------------------------------------------------------- the §1.5 table, every ground


GROUND_EXPECTATIONS = {
    # ground: (money rule, amount for 2019-01-01 -> 2024-03-31 (5y 3m), W 12,000, notice given)
    "mutual_employer": (L.MONEY_N, D("66000.00")),
    "mutual_employee": (L.MONEY_ZERO, D(0)),
    "resignation": (L.MONEY_ZERO, D(0)),
    "employer_fault_resignation": (L.MONEY_N, D("66000.00")),
    "dismissal_cause": (L.MONEY_ZERO, D(0)),
    "no_fault_dismissal": (L.MONEY_N_PLUS_1, D("66000.00")),
    "layoff": (L.MONEY_N, D("66000.00")),
    "expiry_not_renewed": (L.MONEY_N, D("66000.00")),
    "expiry_worse_terms_declined": (L.MONEY_N, D("66000.00")),
    "expiry_employee_declined": (L.MONEY_ZERO, D(0)),
    "task_completed": (L.MONEY_N, D("66000.00")),
    "retirement": (L.MONEY_ZERO, D(0)),
    "death": (L.MONEY_ZERO, D(0)),
    "employer_closure": (L.MONEY_N, D("66000.00")),
    "unlawful": (L.MONEY_2N, D("132000.00")),
}

ISSUE_KEYS = {
    "mutual_employer", "mutual_employee", "resignation", "employer_fault_resignation", "dismissal_cause",
    "no_fault_dismissal", "layoff", "expiry_not_renewed", "expiry_employee_declined", "retirement", "death",
    "employer_closure", "unlawful",
}


def test_decision_table_covers_every_issue_ground():
    assert set(L.GROUNDS) >= ISSUE_KEYS
    assert set(GROUND_EXPECTATIONS) == set(L.GROUNDS)
    for g in L.GROUNDS.values():
        assert g.articles, g.key
        assert g.benefit in (L.BENEFIT_YES, L.BENEFIT_NO, L.BENEFIT_NA, L.BENEFIT_UNKNOWN)
        assert isinstance(g.label, str) and g.label


@pytest.mark.parametrize("ground", sorted(GROUND_EXPECTATIONS))
def test_each_ground_amount(ground):
    money_rule, amount = GROUND_EXPECTATIONS[ground]
    r = sev(ground, date(2019, 1, 1), date(2024, 3, 31), 12000, notice_given=True, no_fault_reason="illness")
    assert r.money_rule == money_rule
    assert r.compensation_amount == amount
    assert r.total_amount == amount
    assert r.articles


def test_benefit_column():
    expected = {
        "mutual_employer": ("yes", False), "mutual_employee": ("no", False), "resignation": ("no", False),
        "employer_fault_resignation": ("yes", False), "dismissal_cause": ("yes", False),
        "no_fault_dismissal": ("yes", False), "layoff": ("yes", False), "expiry_not_renewed": ("yes", False),
        "expiry_worse_terms_declined": ("yes", False), "expiry_employee_declined": ("yes", True),
        "task_completed": ("yes", False), "retirement": ("no", False), "death": ("n/a", False),
        "employer_closure": ("yes", False), "unlawful": ("yes", False),
    }
    assert {k: (g.benefit, g.benefit_unconfirmed) for k, g in L.GROUNDS.items()} == expected
    # issue 9 fix 9: task completion (Order 13 Art. 13(1), Order 8 Art. 4) and unlawful cite their articles
    assert [a.number for a in L.GROUNDS["task_completed"].benefit_articles] == ["13(1)", "4"]
    assert L.GROUNDS["unlawful"].benefit_articles


REG25 = L.LawConfig(unlawful_reading="reg25")


def test_2n_literal_reg25_reading_counts_from_hire_without_split_and_with_3a_cap():
    # company setting: pre-2008 service not split for 2N (Reg 25): 2005-07-01 -> 2010-03-31 = 4y 9m -> N = 5
    r = sev("unlawful", date(2005, 7, 1), date(2010, 3, 31), 8000, a=5000, config=REG25)
    (seg,) = r.segments
    assert seg.key == "from_hire" and seg.n == 5 and seg.multiplier == 2
    assert r.compensation_amount == D("80000.00")
    assert r.compensation_months == 10
    capped = sev("unlawful", date(2005, 1, 1), date(2024, 12, 31), 50000, config=REG25)
    assert capped.compensation_amount == D(2 * 12 * 30000)


def test_2n_default_is_the_higher_of_reg25_and_twice_the_lawful_split():
    # LCL 87 with Art. 97: pre 2005-07-01..2007-12-31 = 2y 6m -> 3 (481号, part-year = full year), post
    # 2008-01-01..2010-03-31 = 2y 3m -> 2.5: (3 + 2.5) x 8,000 x 2 = 88,000 > Reg 25's 80,000
    r = sev("unlawful", date(2005, 7, 1), date(2010, 3, 31), 8000, a=5000)
    assert [s.key for s in r.segments] == ["pre2008", "post2008"]
    assert all(s.multiplier == 2 for s in r.segments)
    assert r.compensation_amount == D("88000.00") and r.compensation_months == 11
    note = next(n for n in r.notes if "Reg 25" in n.text)
    assert note.params["applied"] == note.params["split"] != note.params["reg25"]
    # post-2008 hire: both readings are the same 2N
    same = sev("unlawful", date(2015, 1, 1), date(2024, 12, 31), 9000)
    assert same.compensation_amount == sev("unlawful", date(2015, 1, 1), date(2024, 12, 31), 9000,
                                           config=REG25).compensation_amount == D(2 * 10 * 9000)


def test_lcl87_unlawful_never_less_than_twice_the_lawful_n_issue_example():
    """Issue 9: hire 1990-01-01, end 2024-12-31, W 50,000, local average 10,000 (3A = 30,000).

    Employer-proposed mutual termination (lawful): 481号 Art. 5 pre-2008 12 x 50,000 = 600,000 plus
    LCL 47 post-2008 12 x 30,000 = 360,000: 960,000.  The literal Reg 25 reading of 2N from hire gives
    2 x 12 x 30,000 = 720,000, less than the lawful ending.  LCL 87 with Art. 97: twice the lawful N,
    1,920,000, is what the default applies.
    """
    hire, end = date(1990, 1, 1), date(2024, 12, 31)
    lawful = sev("mutual_employer", hire, end, 50000)
    assert lawful.compensation_amount == D("960000.00")
    unlawful = sev("unlawful", hire, end, 50000)
    assert unlawful.compensation_amount >= 2 * lawful.compensation_amount
    assert unlawful.compensation_amount == D("1920000.00")
    literal = sev("unlawful", hire, end, 50000, config=REG25)
    assert literal.compensation_amount == D("720000.00")
    note = next(n for n in unlawful.notes if "Reg 25" in n.text)
    assert "LCL 87, 97" in note.text and note.params["reg25"] != note.params["split"]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1985, 1, 1), max_value=date(2023, 12, 31)), st.integers(1, 9000),
       st.integers(3000, 60000))
def test_lcl87_default_unlawful_at_least_twice_lawful_property(hire, length, w):
    end = max(hire, L.LCL_START) + timedelta(days=length)  # the engine handles endings from 2008 on
    lawful = sev("mutual_employer", hire, end, w)
    assert sev("unlawful", hire, end, w).compensation_amount >= 2 * lawful.compensation_amount


def test_pre2008_per_ground_limits_and_enterprise_average():
    hire, end = date(1990, 1, 1), date(2009, 12, 31)  # 18 years before 2008, 2 after
    art5 = sev("mutual_employer", hire, end, 8000, a=5000)
    assert art5.segments[0].n == 12 and art5.segments[0].year_cap_applied  # 481号 Art. 5: max 12
    art9 = sev("layoff", hire, end, 8000, a=5000)
    assert art9.segments[0].n == 18  # Art. 9: no cap
    # no 3A cap before 2008: W far above 3A
    rich = sev("layoff", hire, end, 40000, a=5000)
    assert rich.segments[0].base == D("40000.00") and rich.segments[0].amount == D(18 * 40000)
    assert rich.segments[1].base == D("15000.00")
    # Arts 6/8/9: W raised to the enterprise average when lower
    raised = sev("layoff", hire, end, 8000, a=5000, enterprise_average_wage=D(9000))
    assert raised.segments[0].base == D("9000.00") and raised.segments[0].enterprise_average_applied
    assert raised.segments[1].base == D("8000.00")
    not_art5 = sev("mutual_employer", hire, end, 8000, a=5000, enterprise_average_wage=D(9000))
    assert not_art5.segments[0].base == D("8000.00")
    # Art. 7 (incompetence) max 12, Art. 8 (objective change) no cap
    art7 = sev("no_fault_dismissal", hire, end, 8000, a=5000, notice_given=True, no_fault_reason="incompetence")
    art8 = sev("no_fault_dismissal", hire, end, 8000, a=5000, notice_given=True, no_fault_reason="objective_change")
    assert (art7.segments[0].n, art8.segments[0].n) == (12, 18)


def test_pre2008_illness_medical_subsidy_configurable():
    args = ("no_fault_dismissal", date(2006, 1, 1), date(2009, 12, 31), 8000)
    r = sev(*args, a=5000, notice_given=True, no_fault_reason="illness")
    assert r.other_amount == D("48000.00")  # 6 months' wages (481号 Art. 6)
    assert r.total_amount == r.compensation_amount + D("48000.00")
    off = sev(*args, a=5000, notice_given=True, no_fault_reason="illness", medical_subsidy_months=D(0))
    assert off.other_amount == 0
    cfg = sev(*args, a=5000, notice_given=True, no_fault_reason="illness",
              config=L.LawConfig(pre2008_medical_subsidy_months=D(0)))
    assert cfg.other_amount == 0


def test_pre2008_other_rule_is_configurable():
    hire, end = date(1990, 1, 1), date(2009, 12, 31)
    default = sev("employer_closure", hire, end, 8000, a=5000)
    assert default.segments[0].n == 12
    none = sev("employer_closure", hire, end, 8000, a=5000, config=L.LawConfig(pre2008_other_rule="zero"))
    assert none.segments[0].n == 0
    full = sev("employer_fault_resignation", hire, end, 8000, a=5000,
               config=L.LawConfig(pre2008_other_rule="one_per_year"))
    assert full.segments[0].n == 18
    assert any("Unconfirmed" in w.text for w in default.warnings)
    with pytest.raises(ValueError):
        L.LawConfig(pre2008_other_rule="bogus")


def test_local_pre2008_addition():
    r = sev("layoff", date(2006, 1, 1), date(2009, 12, 31), 8000, a=5000, pre2008_local_amount=D(1234.5))
    assert r.other_amount == D("1234.50")


def test_minimum_wage_floor():
    r = sev("mutual_employer", date(2020, 1, 1), date(2023, 12, 31), 2000)
    (seg,) = r.segments
    assert seg.base == D("2500.00") and seg.floor_applied and r.floor_applied
    assert r.compensation_amount == D("10000.00")  # 4 years x the minimum wage
    assert "REG 27" in {a.code for a in seg.articles}


def test_as_dict_is_json_safe():
    import json

    r = sev("no_fault_dismissal", date(2005, 7, 1), date(2010, 3, 31), 8000, a=5000,
            notice_given=False, previous_month_wage=D(8100), no_fault_reason="incompetence")
    data = json.loads(json.dumps(r.as_dict()))
    assert data["total_amount"] == "52100.00"
    assert data["segments"][0]["key"] == "pre2008"
    assert {"text", "params"} <= set(data["warnings"][0])
    assert data["articles"][0]["code"] == "LCL 40"


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "kwargs,needle",
    [
        ({"end": date(2019, 12, 31)}, "before the hire date"),
        ({"w": 0}, "greater than zero"),
        ({"w": -5}, "greater than zero"),
        ({"a": 0}, "average monthly wage A"),
        ({"mini": 0}, "minimum wage"),
        ({"ground": "no_fault_dismissal"}, "notice"),
        ({"ground": "no_fault_dismissal", "notice_given": False, "no_fault_reason": "illness"}, "previous month"),
        ({"ground": "no_fault_dismissal", "notice_given": True}, "Art. 40 situation"),
        ({"ground": "bogus"}, "Unknown termination ground"),
        ({"untaken_leave_days": D(-1)}, "leave"),
        ({"end": date(2007, 6, 30), "hire": date(2000, 1, 1)}, "before 2008"),
    ],
)
def test_bad_input(kwargs, needle):
    ground = kwargs.pop("ground", "mutual_employer")
    hire = kwargs.pop("hire", date(2020, 1, 1))
    end = kwargs.pop("end", date(2024, 1, 1))
    w = kwargs.pop("w", 9000)
    a = kwargs.pop("a", A)
    mini = kwargs.pop("mini", MIN)
    with pytest.raises(L.LabourLawError) as exc:
        sev(ground, hire, end, w, a=a, mini=mini, **kwargs)
    assert isinstance(exc.value.msg, Msg)
    assert needle in exc.value.msg.render()


def test_zero_money_ground_needs_no_regional_parameters():
    r = L.compute_severance(L.SeveranceInput("resignation", date(2020, 1, 1), date(2024, 1, 1), D(9000)))
    assert r.total_amount == 0


# ----------------------------------------------------------------------------- wage history (§1.2)


def test_average_wage_window_and_overtime():
    lines = [L.WageLine(date(2023, m, 1), D(10000) + m * 100, D(500) if m == 6 else 0) for m in range(1, 13)]
    lines += [L.WageLine(date(2024, m, 1), D(20000)) for m in range(1, 7)]
    # termination mid-June 2024: June is partial, window = 2023-06 .. 2024-05
    avg = L.average_wage(lines, date(2024, 6, 15))
    assert (avg.window_start, avg.window_end) == (date(2023, 6, 1), date(2024, 5, 1))
    expected = (sum(D(10000) + m * 100 for m in range(6, 13)) + 5 * D(20000)) / 12
    assert avg.average == L.money(expected)
    assert avg.leave_average == L.money(expected - D(500) / 12)
    assert avg.previous_month_wage == D("20000.00")
    assert avg.months_used == 12 and not avg.warnings
    excl = L.average_wage(lines, date(2024, 6, 15), include_overtime=False)
    assert excl.average == avg.leave_average
    # termination on the last day of June: June counts
    assert L.wage_window(date(2024, 6, 30)) == (date(2023, 7, 1), date(2024, 6, 1))


def test_average_wage_fewer_months_and_no_lines():
    lines = [L.WageLine(date(2024, m, 1), D(9000)) for m in (3, 4, 5)]
    avg = L.average_wage(lines, date(2024, 6, 30), hire_date=date(2024, 3, 1))
    assert avg.average == D("9000.00") and avg.months_used == 3 and avg.months_expected == 4
    assert avg.warnings  # June has no line
    empty = L.average_wage([], date(2024, 6, 30))
    assert empty.average is None and empty.months_used == 0


def test_region_year_rules():
    assert L.region_year(date(2025, 3, 1)) == (2024, False)
    assert L.region_year(date(2025, 3, 1), "published", 7) == (2023, False)
    assert L.region_year(date(2025, 7, 1), "published", 7) == (2024, False)
    assert L.region_year(date(2026, 12, 24), "latest_available", available_years=[2023, 2024]) == (2024, True)
    assert L.region_year(date(2025, 3, 1), "latest_available", available_years=[2024, 2026]) == (2024, False)
    assert L.region_year(date(2025, 3, 1), "latest_available", available_years=[2025]) == (None, False)


# ----------------------------------------------------------------------------- properties


dates = st.dates(min_value=date(1985, 1, 1), max_value=date(2040, 12, 31))
post2008 = st.dates(min_value=date(2008, 1, 1), max_value=date(2040, 12, 31))
flags = st.booleans()


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(min_value=0, max_value=20000), flags, flags)
def test_n_never_negative(start, length, inclusive, clamp):
    end = start + timedelta(days=length)
    s = L.service_length(start, end, inclusive, clamp)
    assert s.total_months >= 0 and s.days >= 0
    assert L.n_from_service(s) >= 0 and L.old_n_from_service(s) >= 0


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(min_value=0, max_value=15000), st.integers(min_value=0, max_value=400), flags, flags)
def test_n_monotone_in_service(start, length, extra, inclusive, clamp):
    end1 = start + timedelta(days=length)
    end2 = end1 + timedelta(days=extra)
    n1 = L.n_from_service(L.service_length(start, end1, inclusive, clamp))
    n2 = L.n_from_service(L.service_length(start, end2, inclusive, clamp))
    assert n1 <= n2


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=0, max_value=15000),
       st.decimals(min_value=1, max_value=30000, places=2), st.decimals(min_value=1, max_value=30000, places=2),
       st.sampled_from(["mutual_employer", "layoff", "expiry_not_renewed", "employer_closure", "unlawful"]))
def test_amount_monotone_in_w_below_cap(hire, length, w1, w2, ground):
    end = hire + timedelta(days=length)
    assume(end >= L.LCL_START)
    lo, hi = sorted((w1, w2))
    r1 = sev(ground, hire, end, lo)
    r2 = sev(ground, hire, end, hi)
    assert r1.compensation_amount <= r2.compensation_amount


@settings(max_examples=200, deadline=None)
@given(post2008, st.integers(min_value=0, max_value=12000), st.decimals(min_value="30000.01", max_value=500000, places=2),
       st.sampled_from(["mutual_employer", "layoff", "expiry_not_renewed", "no_fault_dismissal"]))
def test_capped_amount_never_above_12_times_3a(hire, length, w, ground):
    end = hire + timedelta(days=length)
    r = sev(ground, hire, end, w, notice_given=True, no_fault_reason="incompetence")
    post = [s for s in r.segments if s.key == "post2008"]
    assert post and post[0].amount <= 12 * 3 * A
    assert post[0].cap_applied


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=0, max_value=15000), st.decimals(min_value=1, max_value=100000, places=2),
       st.sampled_from(sorted(L.GROUNDS)), flags)
def test_every_ground_total_is_consistent(hire, length, w, ground, notice):
    end = hire + timedelta(days=length)
    assume(end >= L.LCL_START)
    r = sev(ground, hire, end, w, notice_given=notice, previous_month_wage=w, no_fault_reason="objective_change")
    assert r.total_amount >= 0
    assert r.total_amount == r.compensation_amount + r.notice_pay_amount + r.leave_pay_amount + r.other_amount
    assert r.compensation_amount == sum((s.amount for s in r.segments), D(0))
