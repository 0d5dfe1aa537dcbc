"""Browser tour: archive an employee through the departure wizard -> stoppage -> leaver checklist."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestStoppageTour(HttpCase):
    def test_stoppage_tour(self):
        today = fields.Date.today()
        company = self.env.ref("base.main_company")
        company.city = "上海"
        self.env["hr.si.city.mapping"].create(
            {"city": "上海", "stoppage_reason": "expiry_not_renewed", "local_code": "SH-1", "company_id": False}
        )
        employee = self.env["hr.employee"].create({"name": "Tour Leaver", "company_id": company.id})
        self.env["hr.contract"].create(
            {
                "name": "Tour Leaver contract",
                "employee_id": employee.id,
                "company_id": company.id,
                "date_start": today - relativedelta(years=3),
                "date_end": today,
                "wage": 9000,
                "state": "open",
            }
        )
        self.start_tour("/odoo/employees/%s" % employee.id, "hr_contract_risk_stoppage_tour", login="admin")

        stoppage = self.env["hr.si.stoppage"].search([("employee_id", "=", employee.id)])
        self.assertEqual(len(stoppage), 1)
        self.assertFalse(employee.active)
        self.assertEqual(stoppage.stoppage_reason, "expiry_not_renewed")
        self.assertEqual(stoppage.local_code, "SH-1")
        self.assertEqual(stoppage.max_benefit_months, 12)
        self.assertEqual(len(stoppage.activity_ids), 4)
