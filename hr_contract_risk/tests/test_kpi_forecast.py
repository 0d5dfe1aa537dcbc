from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestKpiForecast(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Forecast = cls.env["hr.kpi.forecast"]
        # 王伟 falls month after month; 李娜 has two periods only (cold start)
        for months_ago, ratio in [(8, 90), (7, 85), (6, 80), (5, 74), (4, 68), (3, 62), (2, 57), (1, 52)]:
            cls.make_confirmed(cls.emp, months_ago, ratio)
        for months_ago in (2, 1):
            cls.make_confirmed(cls.emp_peer, months_ago, 95)
        cls.as_of = cls.today

    def rows(self, employee, as_of=None):
        return self.Forecast.search([("employee_id", "=", employee.id), ("as_of", "=", as_of or self.as_of)],
                                    order="step")

    def test_flow_idempotent_and_below_target(self):
        self.Forecast._recompute(as_of=self.as_of)
        rows = self.rows(self.emp)
        self.assertEqual(rows.mapped("step"), [1, 2, 3, 4, 5, 6])
        self.assertEqual(set(rows.mapped("model")), {"damped"})
        self.assertEqual(rows[0].date_start, self.month(0))
        for row in rows:
            self.assertLessEqual(row.low, row.point)
            self.assertLessEqual(row.point, row.high)
        # the falling supervisor stays under grade C (60) for the next 3 periods
        self.assertTrue(all(rows.mapped("below_target")))
        self.assertEqual(rows[0].target, 60.0)
        self.assertLess(rows[0].point, 60.0)
        points = rows.mapped("point")
        self.assertEqual(points, sorted(points, reverse=True), "a falling history forecasts a fall")
        peer = self.rows(self.emp_peer)
        self.assertEqual(len(peer), 6)
        self.assertEqual(set(peer.mapped("model")), {"cold_start"})
        self.assertFalse(any(peer.mapped("below_target")))
        # a second run the same day replaces the rows, never duplicates them
        first_ids = set(rows.ids)
        self.Forecast._recompute(as_of=self.as_of)
        again = self.rows(self.emp)
        self.assertEqual(len(again), 6)
        self.assertFalse(first_ids & set(again.ids))
        self.assertEqual(again.mapped("point"), points)
        # a later as-of date keeps the earlier forecast (history of forecasts)
        self.Forecast._recompute(as_of=self.as_of + relativedelta(days=1))
        self.assertEqual(len(self.rows(self.emp)), 6)

    def test_template_target_and_periods(self):
        self.template.write({"forecast_target": 40.0})
        self.Forecast._recompute(as_of=self.as_of)
        self.assertFalse(any(self.rows(self.emp).mapped("below_target")))
        with self.assertRaises(ValidationError):
            self.template.forecast_below_periods = 0
        with self.assertRaises(ValidationError):
            self.template.forecast_target = 150.0

    def test_access_as_real_users(self):
        self.Forecast._recompute(as_of=self.as_of)
        self.assertEqual(len(self.Forecast.with_user(self.user_hr).search([])), 12)
        # the manager reads the team, cannot change it
        mgr_rows = self.Forecast.with_user(self.user_manager).search([])
        self.assertEqual(set(mgr_rows.employee_id.ids), {self.emp.id, self.emp_peer.id})
        with self.assertRaises(AccessError):
            mgr_rows[0].write({"point": 99.0})
        # the employee sees nothing, not even their own forecast; another manager neither
        self.assertFalse(self.Forecast.with_user(self.user_emp).search([]))
        self.assertFalse(self.Forecast.with_user(self.user_other_manager).search([]))
        with self.assertRaises(AccessError):
            self.Forecast.with_user(self.user_emp).browse(self.rows(self.emp)[0].id).read(["point"])

    def test_multi_company(self):
        self.Forecast._recompute(as_of=self.as_of)
        other = self.env["res.company"].create({"name": "Other Co"})
        self.user_hr.write({"company_ids": [(4, other.id)]})
        row = self.rows(self.emp)[0]
        self.assertEqual(row.company_id, self.emp.company_id)
        row.company_id = other
        hr = self.Forecast.with_user(self.user_hr).with_context(allowed_company_ids=[self.company.id])
        self.assertNotIn(row, hr.search([]))
        self.user_hr.write({"company_ids": [(3, other.id)]})
        self.assertNotIn(row, self.Forecast.with_user(self.user_hr).search([]))

    def test_query_count_constant_per_batch(self):
        """A batch costs the same number of queries whether it holds 1 employee or 3."""
        self.Forecast._recompute(as_of=self.as_of)  # warm the registry/settings caches

        def count(employees, day):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Forecast._recompute(as_of=day, batch_size=10)
            return self.env.cr.sql_log_count - before, len(employees)

        one, _n = count([self.emp, self.emp_peer], self.as_of + relativedelta(days=1))
        for months_ago in (3, 2, 1):
            self.make_confirmed(self.emp_other, months_ago, 70)
            self.make_confirmed(self.emp_manager, months_ago, 80)
        more, _n = count([self.emp, self.emp_peer, self.emp_other, self.emp_manager],
                         self.as_of + relativedelta(days=2))
        self.assertEqual(one, more)

    def test_employee_smart_button_action(self):
        """The employee form's button opens the forecast action filtered on the employee (record rules apply)."""
        self.Forecast._recompute(as_of=self.as_of)
        action = self.env["ir.actions.act_window"].with_user(self.user_hr)._for_xml_id(
            "hr_contract_risk.action_hr_kpi_forecast")
        self.assertEqual(action["res_model"], "hr.kpi.forecast")
        self.assertEqual(len(self.Forecast.with_user(self.user_hr).search([("employee_id", "=", self.emp.id)])), 6)
