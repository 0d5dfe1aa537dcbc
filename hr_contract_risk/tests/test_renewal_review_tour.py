from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRenewalReviewTour(HttpCase):
    def test_renewal_review_tour(self):
        today = fields.Date.today()
        end = today + relativedelta(days=25)
        employee = self.env["hr.employee"].create({"name": "王伟 Tour"})
        Contract = self.env["hr.contract"]
        Contract.create({"name": "First", "employee_id": employee.id, "wage": 9000, "state": "close",
                         "date_start": end - relativedelta(years=3, months=8),
                         "date_end": end - relativedelta(years=1, months=8, days=1)})
        contract = Contract.create({"name": "Second", "employee_id": employee.id, "wage": 10000, "state": "open",
                                    "date_start": end - relativedelta(years=1, months=8), "date_end": end})
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": contract.id, "stage_days": 30, "end_date": end}])
        self.start_tour("/odoo/action-hr_contract_risk.action_hr_contract_renewal_review/%s" % review.id,
                        "hr_contract_risk_renewal_review_tour", login="admin")
        self.assertEqual(review.state, "done")
        self.assertEqual(review.decision, "renew_open_ended")
        self.assertEqual(review.employee_wish, "renew")
        self.assertTrue(review.decision_date)
        self.assertFalse(review.override_used)
