from datetime import date

from odoo.tests import HttpCase, tagged

from .common_severance import SeveranceCommon


@tagged("post_install", "-at_install")
class TestSeveranceTour(HttpCase, SeveranceCommon):
    def test_severance_tour(self):
        self._wage_lines(self.employee, date(2024, 6, 1), [12000] * 12)
        self.start_tour(
            f"/odoo/action-hr_contract.action_hr_contract/{self.contract.id}",
            "hr_contract_risk_severance_tour", login="admin")
        severance = self.env["hr.severance"].search([("employee_id", "=", self.employee.id)])
        self.assertEqual(len(severance), 1)
        self.assertEqual(severance.state, "confirmed")
        self.assertEqual(severance.compensation_amount, 36000)
        self.assertEqual(severance.move_id.state, "draft")
        self.assertAlmostEqual(severance.move_id.amount_total, severance.total_amount, places=2)
