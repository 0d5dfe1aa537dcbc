from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import new_test_user

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestRenewalReview(AppraisalCase):
    """王伟: two consecutive fixed-term contracts since 2008, the second ending in 25 days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.end = cls.today + relativedelta(days=25)
        hired = cls.end - relativedelta(years=3, months=8)
        first_end = hired + relativedelta(years=2, days=-1)
        cls.contract_1 = cls.make_contract(cls.emp, hired, first_end, "close")
        cls.contract_2 = cls.make_contract(cls.emp, first_end + relativedelta(days=1), cls.end, "open",
                                           hr_responsible_id=cls.user_hr.id)
        # a colleague on a first contract
        cls.peer_contract = cls.make_contract(cls.emp_peer, cls.today - relativedelta(years=2), cls.end, "open")
        cls.Review = cls.env["hr.contract.renewal.review"]

    def open_review(self, contract=None, user=None):
        contract = contract or self.contract_2
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": contract.id, "stage_days": 30, "end_date": contract.date_end}])
        return (review or self.Review.search([("contract_id", "=", contract.id)])).with_user(user or self.user_hr)

    # ------------------------------------------------------------------

    def test_open_reviews_once_per_contract_and_end_date(self):
        fired = [
            {"contract_id": self.contract_2.id, "stage_days": 60, "end_date": self.end},
            {"contract_id": self.contract_2.id, "stage_days": 30, "end_date": self.end},
            {"contract_id": self.peer_contract.id, "stage_days": 60, "end_date": self.end},
            {"contract_id": 0, "stage_days": 60, "end_date": self.end},
        ]
        reviews = self.env["hr.contract"]._hrcr_open_renewal_reviews(fired)
        self.assertEqual(len(reviews), 2)
        review = reviews.filtered(lambda r: r.contract_id == self.contract_2)
        self.assertEqual(review.end_date, self.end)
        self.assertEqual(review.expiry_stage_days, 60)
        self.assertEqual(review.state, "who")
        self.assertEqual(review.activity_ids.user_id, self.user_hr)
        self.assertFalse(self.env["hr.contract"]._hrcr_open_renewal_reviews(fired), "safe to run twice")
        # a new end date (the contract was extended) opens a new review
        self.contract_2.date_end = self.end + relativedelta(months=1)
        again = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": self.contract_2.id, "stage_days": 60, "end_date": self.contract_2.date_end}])
        self.assertEqual(len(again), 1)

    def test_open_reviews_batched(self):
        employees = self.env["hr.employee"].create([{"name": "E%s" % i} for i in range(12)])
        contracts = self.env["hr.contract"].create([{
            "name": "C%s" % i, "employee_id": e.id, "date_start": self.today - relativedelta(years=1),
            "date_end": self.end, "wage": 8000, "state": "open"} for i, e in enumerate(employees)])
        fired = [{"contract_id": c.id, "stage_days": 60, "end_date": self.end} for c in contracts]
        self.env.flush_all()
        count0 = self.cr.sql_log_count
        self.env["hr.contract"]._hrcr_open_renewal_reviews(fired[:3])
        self.env.flush_all()
        queries_for_3 = self.cr.sql_log_count - count0
        self.env.invalidate_all()
        with self.assertQueryCount(queries_for_3):
            reviews = self.env["hr.contract"]._hrcr_open_renewal_reviews(fired)
        self.assertEqual(len(reviews), 9)

    def test_manual_button_and_history(self):
        action = self.contract_2.action_open_renewal_review()
        review = self.Review.browse(action["res_id"])
        self.assertEqual(self.contract_2.action_open_renewal_review()["res_id"], review.id)
        review = review.with_user(self.user_hr)
        self.assertEqual(review.fixed_term_count, 2)
        self.assertEqual(review.service_start, self.contract_1.date_start)
        self.assertAlmostEqual(review.service_years, 3 + 8 / 12, places=1)
        self.assertIn(self.contract_1.name, str(review.contract_history_html))
        with self.assertRaises(UserError):
            self.make_contract(self.emp_other, self.today, False, "open").action_open_renewal_review()

    def test_three_steps_and_legal_block(self):
        review = self.open_review()
        review.action_next_step()
        self.assertEqual(review.state, "evaluation")
        review.action_next_step()
        self.assertEqual(review.state, "decision")
        review.action_previous_step()
        review.action_previous_step()
        self.assertEqual(review.state, "who")
        with self.assertRaises(UserError):
            review.action_previous_step()
        # the employee asks to renew: open-ended only (Art. 14(3))
        review.employee_wish = "renew"
        self.assertEqual(review.legal_status, "block")
        self.assertIn("14(3)", str(review.legal_findings_html))
        review.write({"state": "decision", "decision": "not_renew", "reason_category": "attitude",
                      "decision_reason": "Attitude problems."})
        self.assertTrue(review.decision_blocked)
        with self.assertRaises(UserError) as ctx:
            review.action_decide()
        self.assertIn("14(3)", str(ctx.exception))
        self.assertFalse(review.decision_date)
        for decision in ("renew_same", "renew_worse"):
            review.decision = decision
            with self.assertRaises(UserError):
                review.action_decide()
        # the officer cannot override
        review.decision = "not_renew"
        with self.assertRaises(AccessError):
            review.action_decide_override()
        with self.assertRaises(AccessError):
            review.write({"override_note": "I am not a manager"})
        # the lawful decision goes through
        review.decision = "renew_open_ended"
        review.decision_reason = "Entitled under Art. 14(3); keeps the client portfolio."
        self.assertTrue(review.action_decide())
        self.assertEqual(review.state, "done")
        self.assertEqual(review.decision_date, self.today)
        self.assertFalse(review.override_used)
        self.assertIn("14(3)", str(review.decision_findings_html))

    def test_reason_required(self):
        review = self.open_review(self.peer_contract)
        review.write({"state": "decision", "decision": "renew_same"})
        with self.assertRaises(UserError):
            review.action_decide()
        review.decision_reason = "   "
        with self.assertRaises(UserError):
            review.action_decide()

    def test_hr_manager_override_is_tracked(self):
        review = self.open_review(user=self.user_hr_manager)
        review.write({"employee_wish": "renew", "state": "decision", "decision": "not_renew",
                      "reason_category": "business", "decision_reason": "Position closed."})
        review.override_note = "short"
        with self.assertRaises(UserError):
            review.action_decide_override()
        review.override_note = "Legal advice of 3 May: the position is abolished; accepted risk of 2N (Art. 87)."
        review.with_context(tracking_disable=False).action_decide_override()
        self.assertTrue(review.override_used)
        self.assertEqual(review.override_by_id, self.user_hr_manager)
        self.assertEqual(review.state, "done")
        self.assertTrue(any("overridden" in (m.body or "") for m in review.message_ids))
        context = review._hrcr_severance_context()
        self.assertEqual(context["default_termination_ground"], "unlawful")
        self.assertEqual(context["default_contract_id"], self.contract_2.id)
        self.assertEqual(context["default_employee_id"], self.emp.id)
        self.assert_severance_wizard(review, "unlawful", months=2 * 4)
        # locked after decision
        with self.assertRaises(UserError):
            review.write({"decision_reason": "changed my mind"})
        with self.assertRaises(UserError):
            review.sudo().unlink()

    def assert_severance_wizard(self, review, ground, months):
        """The review's Severance button opens hr.severance.wizard prefilled for this contract's end, and the
        wizard computes the amount: N from 3 years 8 months of service is 4 (LCL 47), 2N is 8 (LCL 87)."""
        self.company.city = "上海"
        self.env["hr.labour.region"].create({
            "company_id": self.company.id, "city": "上海", "year": self.end.year - 1,
            "average_monthly_wage": 12000, "minimum_wage": 2690,
        })
        user = review.env.user
        action = review.action_open_severance()
        self.assertEqual((action["res_model"], action["target"]), ("hr.severance.wizard", "new"))
        self.env.invalidate_all()  # read as the user, not from the test's cache
        form = Form(self.env["hr.severance.wizard"].with_user(user).with_context(**action["context"]))
        self.assertEqual(form.employee_id, self.emp)
        self.assertEqual(form.contract_id, self.contract_2)
        self.assertEqual(form.termination_ground, ground)
        self.assertEqual(form.termination_date, self.end, "the contract's end date")
        self.assertEqual(form.hire_date, self.contract_1.date_start)
        self.assertEqual(form.average_monthly_wage, self.contract_2.wage, "no wage history: the contract wage")
        self.assertEqual(form.compensation_months, months)
        self.assertEqual(form.compensation_amount, months * self.contract_2.wage)
        self.assertGreaterEqual(form.total_amount, form.compensation_amount)
        return form

    def test_not_renew_decision_opens_the_severance_wizard(self):
        """A lawful non-renewal (the employee does not wish to renew, so Art. 14 does not bind) opens the severance wizard
        with the expiry ground: N (LCL 44(1), 46(5))."""
        review = self.open_review()
        review.write({"employee_wish": "not_renew", "state": "decision", "decision": "not_renew",
                      "reason_category": "business", "decision_reason": "Position closed."})
        action = review.action_decide()
        self.assertEqual(action["res_model"], "hr.severance.wizard", "the decision leads straight to severance")
        self.assertEqual(action["context"]["default_termination_ground"], "expiry_not_renewed")
        self.assert_severance_wizard(review, "expiry_not_renewed", months=4)
        # only a recorded non-renewal leads to severance
        other = self.open_review(self.peer_contract)
        other.write({"state": "decision", "decision": "renew_same", "decision_reason": "Good results."})
        self.assertIs(other.action_decide(), True)
        with self.assertRaises(UserError):
            other.action_open_severance()

    def test_protected_employee_blocks_non_renewal_of_first_contract(self):
        self.emp_peer.pregnancy_nursing = True
        review = self.open_review(self.peer_contract)
        review.write({"state": "decision", "decision": "not_renew", "decision_reason": "Budget."})
        with self.assertRaises(UserError) as ctx:
            review.action_decide()
        self.assertIn("42(4)", str(ctx.exception))
        self.emp_peer.pregnancy_nursing = False
        self.emp_peer.medical_period_until = self.end + relativedelta(months=2)
        review.invalidate_recordset()
        with self.assertRaises(UserError) as ctx:
            review.action_decide()
        self.assertIn("42(3)", str(ctx.exception))
        self.emp_peer.medical_period_until = False
        review.invalidate_recordset()
        review.action_decide()
        self.assertEqual(review.state, "done")
        context = review._hrcr_severance_context()
        self.assertEqual(context["default_termination_ground"], "expiry_not_renewed")
        self.assertEqual(context["default_termination_date"], str(self.end))

    def test_evidence_checklist_and_art_40_2(self):
        review = self.open_review()
        review.write({"employee_wish": "renew", "reason_category": "incompetence"})
        self.assertFalse(review.evidence_complete)
        self.assertEqual(len(review.evidence_missing.splitlines()), 4)
        self.assertIn("40(2)", str(review.legal_findings_html))
        # below-threshold appraisals and a performance talk
        self.make_confirmed(self.emp, 3, 50)
        self.make_confirmed(self.emp, 2, 52)
        self.env["hr.talk.log"].create({"employee_id": self.emp.id, "name": "Performance talk",
                                        "kind": "performance", "date": self.month(2) + relativedelta(days=3),
                                        "content": "Two months under 60."})
        review.invalidate_recordset()
        self.assertEqual(len(review.evidence_missing.splitlines()), 2)
        # training offered, then still below afterwards
        self.env["hr.talk.log"].create({"employee_id": self.emp.id, "name": "Training offer",
                                        "kind": "training_offer", "course_id": self.course.id,
                                        "date": self.month(2) + relativedelta(days=10),
                                        "content": "Offered 招商谈判技巧."})
        review.invalidate_recordset()
        self.assertEqual(len(review.evidence_missing.splitlines()), 1)
        self.make_confirmed(self.emp, 1, 48)
        review.invalidate_recordset()
        self.assertTrue(review.evidence_complete, review.evidence_missing)
        self.assertFalse(review.evidence_missing)
        self.assertEqual(review.appraisal_count, 3)
        self.assertLess(review.appraisal_trend, 0.5)
        self.assertIn("D", review.appraisal_grades)
        # Art. 40(2) established: the second-contract entitlement no longer applies
        review.write({"state": "decision", "decision": "not_renew",
                      "decision_reason": "Incompetent after training (Art. 40(2)); see checklist."})
        self.assertFalse(review.decision_blocked)
        review.action_decide()
        self.assertEqual(review.state, "done")

    def test_regional_setting_turns_block_into_warning(self):
        self.company.hrcr_refuse_second_renewal = True
        review = self.open_review()
        review.write({"employee_wish": "renew", "state": "decision", "decision": "not_renew",
                      "decision_reason": "Regional practice."})
        self.assertFalse(review.decision_blocked)
        self.assertIn("2025", str(review.legal_findings_html))
        review.decision = "renew_same"
        self.assertTrue(review.decision_blocked)

    def test_talk_logs_lock_after_decision(self):
        log = self.env["hr.talk.log"].with_user(self.user_manager).create({
            "employee_id": self.emp.id, "name": "Warning", "kind": "warning", "content": "Late reports."})
        log.write({"employee_response": "I disagree."})
        review = self.open_review()
        self.assertIn(log, review.talk_log_ids)
        review.write({"employee_wish": "renew", "state": "decision", "decision": "renew_open_ended",
                      "decision_reason": "Entitled."})
        review.action_decide()
        self.assertEqual(log.review_id, review)
        self.assertTrue(log.locked)
        with self.assertRaises(UserError):
            log.write({"content": "rewritten after the decision"})
        with self.assertRaises(UserError):
            log.unlink()
        with self.assertRaises(UserError):
            log.sudo().unlink()
        self.assertEqual(review.talk_log_ids, log)
        # a later talk log is a new, unlocked record
        later = self.env["hr.talk.log"].with_user(self.user_manager).create({
            "employee_id": self.emp.id, "name": "Follow-up", "content": "New contract signed."})
        later.write({"content": "edited"})
        self.assertFalse(later.locked)
        with self.assertRaises(UserError):
            self.env["hr.talk.log"].create({"employee_id": self.emp.id, "name": "x", "content": "y",
                                            "review_id": review.id})

    def test_access_and_multi_company(self):
        review = self.open_review()
        with self.assertRaises(AccessError):
            review.with_user(self.user_manager).read(["decision"])
        with self.assertRaises(AccessError):
            review.with_user(self.user_emp).read(["decision"])
        company_b = self.env["res.company"].create({"name": "Company B"})
        hr_b = new_test_user(self.env, "hrcr_hr_b2", groups="hr.group_hr_user", company_id=company_b.id,
                             company_ids=[Command.set(company_b.ids)])
        self.assertFalse(self.Review.with_user(hr_b).search([]))
        with self.assertRaises(AccessError):
            review.with_user(hr_b).read(["decision"])
        with self.assertRaises(AccessError):
            review.with_user(self.user_hr).unlink()

    def test_report_renders_in_english_and_chinese(self):
        review = self.open_review()
        self.make_confirmed(self.emp, 1, 55)
        html = str(self.env["ir.actions.report"]._render_qweb_html(
            "hr_contract_risk.action_report_renewal_review", review.ids)[0].decode())
        self.assertIn("Renewal Evaluation Report", html)
        self.assertIn("王伟", html)
        self.assertIn("14(3)", html)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["hr_contract_risk"], ["zh_CN"], overwrite=True)
        self.emp.lang = "zh_CN"
        html = str(self.env["ir.actions.report"]._render_qweb_html(
            "hr_contract_risk.action_report_renewal_review", review.ids)[0].decode())
        self.assertIn("续签评估报告", html)
        self.assertIn("连续", html)  # a legal finding rendered in Chinese

    def test_form_flow(self):
        review = self.open_review(user=self.user_hr)
        with Form(review) as form:
            form.employee_wish = "renew_fixed"
        review.action_next_step()
        review.action_next_step()
        with Form(review) as form:
            form.decision = "renew_same"
            form.reason_category = "business"
            form.decision_reason = "The employee asked in writing for a two-year fixed term."
        review.action_decide()
        self.assertEqual(review.decision, "renew_same")
        self.assertEqual(review.state, "done")
