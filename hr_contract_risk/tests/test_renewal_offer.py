import base64

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import new_test_user

from .common import AppraisalCase
from .common_severance import HR_GROUPS


@tagged("post_install", "-at_install")
class TestRenewalOffer(AppraisalCase):
    """王伟's renewal offer and written answer (LCL 46(5)): declining the same or better terms owes no N,
    declining worse terms, or no offer, owes N."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.end = cls.today + relativedelta(days=25)
        hired = cls.end - relativedelta(years=3, months=8)
        first_end = hired + relativedelta(years=2, days=-1)
        cls.contract_1 = cls.make_contract(cls.emp, hired, first_end, "close")
        cls.contract_2 = cls.make_contract(cls.emp, first_end + relativedelta(days=1), cls.end, "open",
                                           hr_responsible_id=cls.user_hr.id, job_id=cls.job.id)
        cls.Review = cls.env["hr.contract.renewal.review"]
        # the severance wizard reads the contract: HR with contract rights, as in the severance tests
        cls.user_hr_contract = new_test_user(cls.env, "hrcr_hr_offer", groups=HR_GROUPS, name="HR Contracts")

    def open_review(self):
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": self.contract_2.id, "stage_days": 30, "end_date": self.end}])
        return review.with_user(self.user_hr)

    def scan(self, review):
        return self.env["ir.attachment"].with_user(self.user_hr).create({
            "name": "answer.txt", "datas": base64.b64encode(b"signed answer"),
            "res_model": review._name, "res_id": review.id})

    def answer(self, review, answer="decline", with_scan=True):
        review.action_send_offer()
        vals = {"offer_answer": answer, "offer_answer_date": self.today}
        if with_scan:
            vals["offer_answer_attachment_ids"] = [(6, 0, self.scan(review).ids)]
        review.write(vals)
        review.action_record_answer()
        return review

    def severance_form(self, review):
        self.company.city = "上海"
        self.env["hr.labour.region"].create({
            "company_id": self.company.id, "city": "上海", "year": self.end.year - 1,
            "average_monthly_wage": 12000, "minimum_wage": 2690,
        })
        action = review.action_open_severance()
        self.env.invalidate_all()
        return Form(self.env["hr.severance.wizard"].with_user(self.user_hr_contract).with_context(**action["context"]))

    def decide_not_renew(self, review):
        review.write({"employee_wish": "not_renew", "state": "decision", "decision": "not_renew",
                      "reason_category": "employee_declined", "decision_reason": "Renewal offer declined."})
        review.action_decide()

    # ------------------------------------------------------------------

    def test_classification_and_differences_shown(self):
        review = self.open_review()
        self.assertEqual(review.offer_state, "none")
        self.assertEqual(review.offer_current_wage, 10000)
        self.assertEqual(review.offer_current_term_months, 20, "the second contract: 1 year 8 months")
        self.assertEqual(review.offer_current_job_id, self.job)
        self.assertFalse(review.offer_classification, "nothing offered yet")
        review.offer_wage = 10000  # the other offered terms empty: unchanged
        self.assertEqual(review.offer_classification, "same")
        self.assertIn("No difference", review.offer_differences)
        review.write({"offer_wage": 11000, "offer_open_ended": True})
        self.assertEqual(review.offer_classification, "better")
        self.assertIn("Wage 10000.00 -> 11000.00", review.offer_differences)
        self.assertIn("open-ended", review.offer_differences)
        review.write({"offer_wage": 12000, "offer_open_ended": False, "offer_place": "苏州"})
        self.assertEqual(review.offer_classification, "worse", "a change of place counts as worse")
        self.assertIn("苏州", review.offer_differences)

    def test_decline_on_same_terms_owes_no_n(self):
        review = self.answer(self.open_review())
        self.assertEqual(review.offer_state, "answered")
        # sending the offer wrote the unchanged terms out in full
        self.assertEqual((review.offer_wage, review.offer_term_months, review.offer_job_id),
                         (10000, 20, self.job))
        self.contract_2.sudo().wage = 12000
        review.invalidate_recordset()
        self.assertEqual(review.offer_current_wage, 10000, "the current terms as they were at the offer")
        self.assertEqual(review.offer_classification, "same")
        self.assertEqual(review.offer_expiry_ground, "expiry_employee_declined")
        self.assertFalse(review.offer_ground_warning)
        self.decide_not_renew(review)
        self.contract_2.sudo().wage = 10000
        form = self.severance_form(review)
        self.assertEqual(form.termination_ground, "expiry_employee_declined", "LCL 46(5)")
        self.assertEqual(form.compensation_months, 0)
        self.assertEqual(form.compensation_amount, 0)
        self.assertFalse(form.hrcr_offer_warning)

    def test_decline_on_worse_terms_owes_n(self):
        review = self.open_review()
        review.offer_wage = 9000
        self.answer(review)
        self.assertEqual(review.offer_classification, "worse")
        self.assertEqual(review.offer_expiry_ground, "expiry_worse_terms_declined")
        self.decide_not_renew(review)
        form = self.severance_form(review)
        self.assertEqual(form.termination_ground, "expiry_worse_terms_declined")
        self.assertEqual(form.compensation_months, 4, "N from 3 years 8 months (LCL 47)")
        self.assertEqual(form.compensation_amount, 4 * 10000)

    def test_no_offer_or_no_answer_owes_n_and_warns_on_declined_claim(self):
        review = self.open_review()
        self.assertEqual(review.offer_expiry_ground, "expiry_not_renewed")
        review.reason_category = "employee_declined"
        self.assertIn("LCL 46(5)", review.offer_ground_warning)
        review.action_send_offer()
        self.assertEqual(review.offer_state, "offered")
        self.assertEqual(review.offer_date, self.today)
        self.assertEqual(review.offer_expiry_ground, "expiry_not_renewed", "no written answer yet: N")
        self.assertTrue(review.offer_ground_warning)
        # the severance wizard warns when its ground claims a refusal nobody recorded
        form = Form(self.env["hr.severance.wizard"].with_user(self.user_hr_contract).with_context(
            default_contract_id=self.contract_2.id, default_employee_id=self.emp.id,
            default_termination_date=str(self.end), default_termination_ground="expiry_employee_declined"))
        self.assertIn("LCL 46(5)", form.hrcr_offer_warning)
        form.termination_ground = "expiry_not_renewed"
        self.assertFalse(form.hrcr_offer_warning)

    def test_sent_offer_terms_frozen_until_withdrawn(self):
        """The letter handed over fixes the terms: correcting them means withdrawing the offer (logged), then a
        new offer; an answered offer cannot be withdrawn."""
        review = self.open_review()
        review.offer_wage = 9000
        review.action_send_offer()
        with self.assertRaises(UserError):
            review.write({"offer_wage": 9500})
        self.assertEqual(review.offer_wage, 9000)
        review.action_withdraw_offer()
        self.assertEqual((review.offer_state, review.offer_date, review.offer_current_snapshot), ("none", False, False))
        self.assertTrue(any("withdrawn" in (m.body or "") for m in review.message_ids))
        review.offer_wage = 10000
        self.answer(review)
        self.assertEqual(review.offer_classification, "same")
        with self.assertRaises(UserError):
            review.action_withdraw_offer()
        self.assertEqual(review.offer_state, "answered")

    def test_answer_without_date_is_refused(self):
        review = self.open_review()
        review.action_send_offer()
        with self.assertRaises(ValidationError) as ctx:
            review.write({"offer_answer": "decline"})
        self.assertIn("Answer Date", str(ctx.exception))
        review.invalidate_recordset()
        self.assertFalse(review.offer_answer, "nothing written")
        with self.assertRaises(ValidationError):
            review.write({"offer_answer": "decline", "offer_answer_date": review.offer_date - relativedelta(days=1)})
        with self.assertRaises(UserError):
            review.action_record_answer()  # no answer yet
        self.assertEqual(review.offer_state, "offered")

    def test_frozen_after_answer_and_workflow_fields_refused(self):
        review = self.open_review()
        with self.assertRaises(UserError):
            review.write({"offer_state": "answered"})
        self.answer(review)
        for vals in ({"offer_wage": 20000}, {"offer_answer": "accept"}, {"offer_answer_date": self.today},
                     {"offer_answer_attachment_ids": [(5, 0, 0)]}, {"offer_place": "北京"}):
            with self.assertRaises(UserError):
                review.write(vals)
        review.invalidate_recordset()
        self.assertEqual(review.offer_wage, 10000)
        self.assertEqual(review.offer_answer, "decline")
        with self.assertRaises(UserError):
            review.action_send_offer()
        # other fields of an undecided review stay editable
        review.decision_reason = "Still thinking."

    def test_decided_review_freezes_the_offer(self):
        review = self.open_review()
        self.decide_not_renew(review)
        with self.assertRaises(UserError):
            review.write({"offer_wage": 5000})
        with self.assertRaises(UserError):
            review.action_send_offer()

    def test_evidence_checklist_items(self):
        review = self.open_review()
        self.assertIn("Renewal offer made in writing", review.evidence_checklist_html)
        self.assertIn("written answer, with its date and a scan", review.evidence_checklist_html)
        self.assertNotIn("fa-check-square-o", review.evidence_checklist_html)
        complete = review.evidence_complete
        self.answer(review, with_scan=False)
        self.assertEqual(review.evidence_checklist_html.count("fa-check-square-o"), 1, "offer made, scan missing")
        self.assertEqual(review.evidence_complete, complete, "the Art. 40(2) evidence is unchanged")

    def test_offer_report_renders_without_writing(self):
        review = self.open_review()
        review.write({"offer_wage": 9000, "offer_open_ended": True})
        review.action_send_offer()
        before = (review.write_date, review.offer_state, self.env["ir.attachment"].search_count([]))
        html = self.env["ir.actions.report"].with_user(self.user_hr)._render_qweb_html(
            "hr_contract_risk.action_report_renewal_offer", review.ids)[0].decode()
        self.assertIn("Renewal Offer Letter", html)
        self.assertIn("Wage 10000.00 -&gt; 9000.00", html)
        self.assertIn("Open-ended", html)
        self.assertIn("王伟", html)
        self.env.invalidate_all()
        self.assertEqual(before, (review.write_date, review.offer_state, self.env["ir.attachment"].search_count([])))
        action = review.action_print_offer()
        self.assertEqual(action["report_name"], "hr_contract_risk.report_renewal_offer")

    def test_access_hr_only(self):
        review = self.open_review()
        review.read(["offer_wage", "offer_answer"])
        for user in (self.user_emp, self.user_manager):
            with self.assertRaises(AccessError):
                review.with_user(user).read(["offer_wage"])
            with self.assertRaises(AccessError):
                review.with_user(user).write({"offer_wage": 1})
