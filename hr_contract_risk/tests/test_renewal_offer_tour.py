from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRenewalOfferTour(HttpCase):
    """Issue 11: the renewal offer through to the employee's answer (LCL 46(5)), as an HR officer."""

    def test_renewal_offer_tour(self):
        today = fields.Date.today()
        end = today + relativedelta(days=25)
        company = self.env.company
        officer = new_test_user(self.env, login="hrcr_offer_tour", groups="hr.group_hr_user",
                                company_id=company.id, company_ids=[Command.set(company.ids)],
                                name="HR Officer Offer Tour")
        employee = self.env["hr.employee"].create({"name": "王伟 Offer Tour", "company_id": company.id})
        Contract = self.env["hr.contract"]
        Contract.create({"name": "First", "employee_id": employee.id, "wage": 9000, "state": "close",
                         "date_start": end - relativedelta(years=3, months=8),
                         "date_end": end - relativedelta(years=1, months=8, days=1)})
        contract = Contract.create({"name": "Second", "employee_id": employee.id, "wage": 10000, "state": "open",
                                    "date_start": end - relativedelta(years=1, months=8), "date_end": end,
                                    "hr_responsible_id": officer.id})
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": contract.id, "stage_days": 30, "end_date": end}])
        self.assertEqual(review.offer_state, "none")

        self.start_tour("/odoo/action-hr_contract_risk.action_hr_contract_renewal_review/%s" % review.id,
                        "hr_contract_risk_renewal_offer_tour", login=officer.login)

        self.env.invalidate_all()
        self.assertEqual(review.offer_state, "answered")
        self.assertEqual(review.offer_wage, 9000)
        self.assertEqual(review.offer_current_wage, 10000)
        self.assertEqual(review.offer_term_months, 20, "left empty: the current term")
        self.assertEqual(review.offer_classification, "worse")
        self.assertEqual(review.offer_answer, "decline")
        self.assertTrue(review.offer_date and review.offer_answer_date)
        self.assertLess(review.offer_date, review.offer_answer_date)
        self.assertEqual(review.offer_expiry_ground, "expiry_worse_terms_declined",
                         "declining worse terms owes N (LCL 46(5))")
        self.assertEqual(contract.wage, 10000, "the offer never changes the contract")
        self.assertFalse(review.decision_date)
