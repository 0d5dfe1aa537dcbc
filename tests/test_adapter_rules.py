"""Rules that used to sit in the Odoo adapters, now in the engine (issue 9 §1), with the article each applies."""

from datetime import date

from hr_contract_risk.engine import appraisal as ap
from hr_contract_risk.engine import legal_checks as lc
from hr_contract_risk.engine import service
from hr_contract_risk.engine import social_insurance as si

# --- LCL 40(2) evidence of the renewal review -------------------------------------------------


def test_art_40_2_evidence_counts_and_after_training():
    """Two appraisals below 60 (Q1, Q3), a warning talk, a training offered on 2024-05-15: the Q3
    appraisal (from 2024-07-01) is below the threshold after the training, so the evidence is complete."""
    appraisals = [(date(2024, 1, 1), 55.0), (date(2024, 4, 1), 72.0), (date(2024, 7, 1), 50.0)]
    ev = lc.incompetence_evidence(appraisals, 60.0, ["warning", "other"], [date(2024, 5, 15)])
    assert ev == lc.Evidence(2, 1, True, True, below_after_count=1)
    assert lc.checklist_complete(lc.incompetence_checklist(ev))


def test_art_40_2_below_only_before_training_is_incomplete():
    appraisals = [(date(2024, 1, 1), 55.0), (date(2024, 7, 1), 70.0)]
    ev = lc.incompetence_evidence(appraisals, 60.0, ["performance"], [date(2024, 5, 15)])
    assert ev.below_threshold_appraisals == 1 and ev.training_or_reassignment_offered
    assert not ev.below_after_training
    missing = [i.code for i in lc.checklist_missing(lc.incompetence_checklist(ev))]
    assert missing == ["below_after_training"]


def test_art_40_2_reassignment_counts_as_an_offer_from_its_date():
    appraisals = [(date(2024, 3, 1), 40.0), (date(2024, 9, 1), 45.0)]
    dated = lc.incompetence_evidence(appraisals, 60.0, [], [], True, date(2024, 6, 1))
    assert dated.training_or_reassignment_offered and dated.below_after_training
    undated = lc.incompetence_evidence(appraisals, 60.0, [], [], True, None)
    assert undated.training_or_reassignment_offered and not undated.below_after_training
    assert lc.incompetence_evidence(appraisals, 60.0, ["chat"], []) == lc.Evidence(2, 0, False, False)


def test_ground_after_the_decision():
    """A lawful non-renewal is an expiry (LCL 44(1), 46(5): N); one recorded over a block is unlawful (2N)."""
    assert lc.severance_ground_after_decision(False) == "expiry_not_renewed"
    assert lc.severance_ground_after_decision(True) == "unlawful"


def test_dismissal_facts_incompetence_only_for_no_fault():
    assert lc.dismissal_fact_values("no_fault_dismissal", "incompetence", date(2024, 6, 30)) == {
        "reason": lc.REASON_INCOMPETENCE, "probation_end": date(2024, 6, 30), "no_fault_reason": "incompetence"}
    assert lc.dismissal_fact_values("no_fault_dismissal", "illness") == {
        "reason": None, "probation_end": None, "no_fault_reason": "illness"}
    # an Art. 39 dismissal carries no Art. 40 item even if the wizard still holds one
    assert lc.dismissal_fact_values("dismissal_cause", "incompetence", date(2024, 6, 30)) == {
        "reason": None, "probation_end": date(2024, 6, 30), "no_fault_reason": None}


# --- annual leave: 12 continuous months (实施办法 Art. 3) ------------------------------------------


def test_twelve_continuous_months():
    assert not service.worked_12_continuous_months(date(2024, 1, 1), date(2024, 12, 30))
    assert service.worked_12_continuous_months(date(2024, 1, 1), date(2024, 12, 31))
    # hire on 29 Feb: the year is complete on 28 Feb (Civil Code Art. 202)
    assert service.worked_12_continuous_months(date(2020, 2, 29), date(2021, 2, 28))
    assert not service.worked_12_continuous_months(date(2020, 2, 29), date(2021, 2, 27))
    # continuous work with the previous employer counts
    assert service.worked_12_continuous_months(date(2024, 6, 1), date(2024, 8, 31), 3.0)
    assert not service.worked_12_continuous_months(None, date(2024, 8, 31), 0.5)


# --- compensation at handover (LCL 46, 50 ¶2) -------------------------------------------------------


def test_compensation_due_follows_the_ground_when_the_reason_does_not():
    assert si.compensation_due("layoff")
    assert not si.compensation_due("resignation")
    # a resignation recorded (over an override) for a layoff: the ground still owes compensation
    assert si.compensation_due("resignation", "layoff")
    assert not si.compensation_due("resignation", "resignation")


# --- 360 anonymity --------------------------------------------------------------------------------


def test_360_summary_hides_averages_under_the_threshold():
    feedbacks = [("manager", 80.0), ("peer", 60.0), ("peer", 70.0), ("subordinate", 90.0), ("self", 100.0),
                 ("peer", None)]
    ratings = [("Teamwork", 1, 4), ("Teamwork", 2, 2), ("Focus", 1, 5), ("Focus", 1, 3), ("Ethics", 3, 0)]
    summary = ap.summary_360(feedbacks, ratings)
    assert ap.MIN_REVIEWERS_SHOWN == 2
    assert summary.relationships == (
        ap.RelationshipLine("manager", 1, None),
        ap.RelationshipLine("peer", 2, 65.0),
        ap.RelationshipLine("subordinate", 1, None),
        ap.RelationshipLine("self", 1, 100.0),
    )
    # Focus has two ratings by ONE reviewer: showing it would show that reviewer's ratings
    assert summary.competencies == (("Teamwork", 3.0),)
    assert ap.summary_360([], []) == ap.Summary360((), ())
    assert ap.summary_360(feedbacks, ratings, min_reviewers=1).relationships[0] == ap.RelationshipLine(
        "manager", 1, 80.0)
