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


@tagged("post_install", "-at_install")
class TestKpiForecastAlert(AppraisalCase):
    """'Predicted below target for the next N periods': one alert and one activity each for HR and the
    manager per episode, never repeated while it lasts (the decline-alert rule)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Forecast = cls.env["hr.kpi.forecast"]
        cls.Alert = cls.env["hr.kpi.forecast.alert"]
        for months_ago, ratio in [(8, 90), (7, 85), (6, 80), (5, 74), (4, 68), (3, 62), (2, 57), (1, 52)]:
            cls.make_confirmed(cls.emp, months_ago, ratio)
        for months_ago in (4, 3, 2, 1):
            cls.make_confirmed(cls.emp_peer, months_ago, 95)
        cls.make_contract(cls.emp, cls.today - relativedelta(years=1), False, state="open",
                          hr_responsible_id=cls.user_hr_manager.id)
        cls.company.hrcr_decline_hr_user_id = cls.user_hr
        cls.day = cls.today

    def alerts(self, employee=None):
        return self.Alert.search([("employee_id", "=", (employee or self.emp).id)], order="start_date, id")

    def activities(self, alerts):
        return self.env["mail.activity"].search([("res_model", "=", "hr.kpi.forecast.alert"),
                                                 ("res_id", "in", alerts.ids)])

    def test_one_alert_per_episode(self):
        self.Forecast._recompute(as_of=self.day)
        alert = self.alerts()
        self.assertEqual(len(alert), 1)
        self.assertEqual((alert.state, alert.start_date, alert.last_date), ("active", self.day, self.day))
        self.assertEqual((alert.periods, alert.target), (3, 60.0))
        self.assertLess(alert.lowest_point, 60.0)
        self.assertLessEqual(alert.lowest_point, alert.highest_high)
        self.assertFalse(self.alerts(self.emp_peer), "a steady high performer is not predicted below target")
        acts = self.activities(alert)
        # the contract's HR responsible (not the fallback user) and the manager, once each
        self.assertEqual(acts.user_id, self.user_hr_manager | self.user_manager)
        self.assertEqual(len(acts), 2)
        self.assertIn("successor", acts[0].note)
        self.assertIn("40(2)", acts[0].note)
        # idempotent: the same day again, then the next days while the episode lasts: no second alert, no new activity
        self.Forecast._recompute(as_of=self.day)
        self.Forecast._recompute(as_of=self.day + relativedelta(days=1))
        self.assertEqual(self.alerts(), alert)
        self.assertEqual(alert.last_date, self.day + relativedelta(days=1))
        self.assertEqual(self.activities(alert), acts)
        # the forecast is back above the target (the template's target lowered): the episode ends
        self.template.forecast_target = 40.0
        self.Forecast._recompute(as_of=self.day + relativedelta(days=2))
        self.assertEqual((alert.state, alert.closed_date), ("closed", self.day + relativedelta(days=2)))
        self.assertEqual(len(self.alerts()), 1)
        # a later episode is a new one: a new alert and new activities
        self.template.forecast_target = 0.0
        self.Forecast._recompute(as_of=self.day + relativedelta(days=3))
        alerts = self.alerts()
        self.assertEqual(len(alerts), 2)
        self.assertEqual(alerts[1].start_date, self.day + relativedelta(days=3))
        self.assertEqual(len(self.activities(alerts[1])), 2)
        self.assertEqual(alert.state, "closed")

    def test_reopened_the_same_day_not_duplicated(self):
        """A re-run the same day that flips below -> above -> below keeps one alert (the identity is unique)."""
        self.Forecast._recompute(as_of=self.day)
        self.template.forecast_target = 40.0
        self.Forecast._recompute(as_of=self.day)
        self.assertEqual(self.alerts().state, "closed")
        self.template.forecast_target = 0.0
        self.Forecast._recompute(as_of=self.day)
        self.assertEqual(len(self.alerts()), 1)
        self.assertEqual(self.alerts().state, "active")
        self.assertEqual(len(self.activities(self.alerts())), 2)

    def test_fallback_hr_user_and_per_template_periods(self):
        self.emp.contract_id.hr_responsible_id = False
        self.template.forecast_below_periods = 6
        self.Forecast._recompute(as_of=self.day)
        alert = self.alerts()
        self.assertEqual(alert.periods, 6)
        self.assertEqual(self.activities(alert).user_id, self.user_hr | self.user_manager)

    def test_access_as_real_users(self):
        self.Forecast._recompute(as_of=self.day)
        alert = self.alerts()
        self.assertEqual(self.Alert.with_user(self.user_hr).search([]), alert)
        self.assertEqual(self.Alert.with_user(self.user_manager).search([]), alert)
        with self.assertRaises(AccessError):
            alert.with_user(self.user_manager).write({"target": 10.0})
        # the manager closes their own to-do on the alert they may only read
        mine = self.activities(alert).filtered(lambda a: a.user_id == self.user_manager)
        mine.with_user(self.user_manager).action_feedback(feedback="talked, training planned")
        self.assertFalse(mine.exists())
        # the employee and another manager see nothing about it
        self.assertFalse(self.Alert.with_user(self.user_emp).search([]))
        self.assertFalse(self.Alert.with_user(self.user_other_manager).search([]))
        with self.assertRaises(AccessError):
            alert.with_user(self.user_emp).read(["lowest_point"])


@tagged("post_install", "-at_install")
class TestKpiForecastChart(AppraisalCase):
    """The graph's model: score history plus the latest forecast band, for HR and the team's manager only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Chart = cls.env["hr.kpi.forecast.chart"]
        cls.appraisals = cls.env["hr.kpi.appraisal"]
        for months_ago, ratio in [(8, 90), (7, 85), (6, 80), (5, 74), (4, 68), (3, 62), (2, 57), (1, 52)]:
            cls.appraisals |= cls.make_confirmed(cls.emp, months_ago, ratio)
        for months_ago in (4, 3, 2, 1):
            cls.make_confirmed(cls.emp_peer, months_ago, 95)
        forecast = cls.env["hr.kpi.forecast"]
        forecast._recompute(as_of=cls.today - relativedelta(days=1))
        forecast._recompute(as_of=cls.today)
        cls.latest = forecast.search([("employee_id", "=", cls.emp.id), ("as_of", "=", cls.today)], order="step")

    def test_history_plus_latest_band(self):
        rows = self.Chart.with_user(self.user_hr).search([("employee_id", "=", self.emp.id)])
        by_series = {s: rows.filtered(lambda r, s=s: r.series == s) for s in ("history", "point", "low", "high")}
        self.assertEqual(len(by_series["history"]), 8)
        self.assertEqual(sorted(by_series["history"].mapped("score")),
                         sorted(self.appraisals.mapped("total_score")))
        # the latest as-of only: 6 periods per series, not one set per run
        for series in ("point", "low", "high"):
            self.assertEqual(len(by_series[series]), 6)
        self.assertEqual(by_series["point"].sorted("date_start").mapped("score"), self.latest.mapped("point"))
        for day in self.latest.mapped("date_start"):
            low, point, high = (by_series[s].filtered(lambda r, d=day: r.date_start == d).score
                                for s in ("low", "point", "high"))
            self.assertLessEqual(low, point)
            self.assertLessEqual(point, high)
        # the forecast starts after the history
        self.assertGreater(min(by_series["point"].mapped("date_start")), max(by_series["history"].mapped("date_start")))
        # one line per series in the graph's grouping
        groups = self.Chart.with_user(self.user_hr)._read_group(
            [("employee_id", "=", self.emp.id)], ["series"], ["score:avg", "__count"])
        self.assertEqual({g[0]: g[2] for g in groups}, {"history": 8, "point": 6, "low": 6, "high": 6})

    def test_graph_and_button(self):
        views = self.Chart.with_user(self.user_manager).get_views([(False, "graph"), (False, "search")])
        self.assertIn('name="series"', views["views"]["graph"]["arch"])
        action = self.env["ir.actions.act_window"].with_user(self.user_hr)._for_xml_id(
            "hr_contract_risk.action_hr_kpi_forecast_chart")
        self.assertEqual(action["res_model"], "hr.kpi.forecast.chart")
        arch = self.env.ref("hr_contract_risk.hr_employee_view_form").arch
        # the employee form's smart button opens the graph (the %(xmlid)d is stored resolved)
        self.assertIn('name="%d"' % self.env.ref("hr_contract_risk.action_hr_kpi_forecast_chart").id, arch)

    def test_access_as_real_users(self):
        self.assertEqual(set(self.Chart.with_user(self.user_hr).search([]).employee_id.ids),
                         {self.emp.id, self.emp_peer.id})
        # the manager: the team below them, history and band
        mgr = self.Chart.with_user(self.user_manager).search([])
        self.assertEqual(set(mgr.employee_id.ids), {self.emp.id, self.emp_peer.id})
        self.assertEqual(set(mgr.mapped("series")), {"history", "point", "low", "high"})
        # the employee sees no chart row about themselves, another manager nothing either
        self.assertFalse(self.Chart.with_user(self.user_emp).search([]))
        self.assertFalse(self.Chart.with_user(self.user_emp)._read_group([], ["series"], ["__count"]))
        self.assertFalse(self.Chart.with_user(self.user_other_manager).search([]))
        with self.assertRaises(AccessError):
            self.Chart.with_user(self.user_emp).browse(mgr[0].id).read(["score"])
