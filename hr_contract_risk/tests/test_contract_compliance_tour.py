from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUnsignedContractTour(HttpCase):
    """Issue 11: the unsigned-contract alert through to signing (LCL 10, 82; Reg 6), as an HR officer."""

    def test_unsigned_contract_tour(self):
        today = fields.Date.context_today(self.env["hr.employee"])
        company = self.env.company
        company.write({"hrcr_unsigned_alert_days": "15,25", "hrcr_unsigned_escalation_day": 30})
        officer = new_test_user(
            self.env, login="hrcr_unsigned_tour", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager",
            company_id=company.id, company_ids=[Command.set(company.ids)], name="HR Officer Tour")
        employee = self.env["hr.employee"].create({"name": "Tour Unsigned Employee", "company_id": company.id})
        contract = self.env["hr.contract"].create({
            "name": "Tour Unsigned Contract", "employee_id": employee.id, "company_id": company.id,
            "date_start": today - timedelta(days=20), "wage": 9000, "state": "open",
            "hr_responsible_id": officer.id,
        })
        self.env["hr.employee"]._cron_hrcr_unsigned_contract_alerts()
        alert = self.env["hr.contract.unsigned.alert"].search([("employee_id", "=", employee.id)])
        self.assertEqual((alert.stage_days, alert.kind, alert.user_id), (15, "stage", officer))
        self.assertTrue(alert.activity_id)
        self.assertTrue(employee.hrcr_unsigned)

        self.start_tour("/odoo", "hr_contract_risk_unsigned_contract_tour", login=officer.login)

        self.env.invalidate_all()
        self.assertTrue(contract.hrcr_signing_date)
        self.assertLessEqual(abs((contract.hrcr_signing_date - today).days), 2, "the tour signs it yesterday")
        self.assertTrue(contract.hrcr_is_signed)
        self.assertFalse(alert.activity_id, "signing closes the to-do")
        self.assertTrue(any("Written contract signed." in str(body) for body in employee.message_ids.mapped("body")))
        self.assertFalse(employee.hrcr_unsigned)
        self.assertEqual(employee.hrcr_double_wage_exposure, 0.0, "signed within the first month (LCL 82)")
        self.assertNotIn(employee, self.env["hr.employee"].search([("hrcr_unsigned", "=", True)]))
