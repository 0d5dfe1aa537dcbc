from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestDeclineAlert(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.hrcr_decline_hr_user_id = cls.user_hr
        cls.Alert = cls.env["hr.kpi.decline.alert"]

    def run_cron(self):
        self.Alert._cron_detect_decline()
        return self.Alert.search([("employee_id", "=", self.emp.id)], order="start_date")

    def test_one_alert_per_streak_over_repeated_runs(self):
        weak_sales = {"招商额完成率": 30}
        for months_ago, ratio in [(11, 90), (10, 50), (9, 50)]:
            self.make_confirmed(self.emp, months_ago, ratio, ratios=weak_sales)
        self.assertFalse(self.run_cron(), "two periods below are not a streak yet")
        self.make_confirmed(self.emp, 8, 50, ratios=weak_sales)
        alerts = self.run_cron()
        self.assertEqual(len(alerts), 1)
        alert = alerts
        self.assertEqual(alert.start_date, self.month(10))
        self.assertEqual(alert.periods_count, 3)
        self.assertEqual(alert.state, "active")
        # one to-do for HR and one for the manager, naming the weakest KPI and the training
        self.assertEqual(set(alert.activity_ids.user_id.ids), {self.user_hr.id, self.user_manager.id})
        note = str(alert.activity_ids[0].note)
        self.assertIn("招商额完成率", note)
        self.assertIn(self.course.name, note)
        # the cron runs again, and the streak grows: still one alert, no new activity
        self.assertEqual(self.run_cron(), alert)
        self.make_confirmed(self.emp, 7, 40)
        self.assertEqual(self.run_cron(), alert)
        self.assertEqual(len(alert.activity_ids), 2)
        # one good period breaks the streak: the alert closes
        self.make_confirmed(self.emp, 6, 95)
        self.assertEqual(self.run_cron(), alert)
        self.assertEqual(alert.state, "closed")
        # a new streak forms: a second alert, once
        for months_ago in (5, 4):
            self.make_confirmed(self.emp, months_ago, 55)
        self.assertEqual(self.run_cron(), alert)
        self.make_confirmed(self.emp, 3, 55)
        alerts = self.run_cron()
        self.assertEqual(len(alerts), 2)
        self.assertEqual(alerts[1].start_date, self.month(5))
        self.assertEqual(alerts[1].state, "active")
        self.assertEqual(len(self.run_cron()), 2)

    def test_weakest_kpi_and_suggested_course(self):
        for months_ago in (3, 2, 1):
            appraisal = self.make_confirmed(self.emp, months_ago, 50)
            # conversion is worse than the others
            appraisal.line_ids.filtered(lambda line: line.name == "客户转化率").sudo().actual = 2
        alert = self.run_cron()
        self.assertEqual(alert.weakest_kpi, "客户转化率")
        self.assertFalse(alert.course_id)
        course = self.env["hr.training.course"].create({"name": "转化率提升", "kpi_keywords": "转化率"})
        alert.unlink()
        alert = self.run_cron()
        self.assertEqual(alert.course_id, course)

    def test_kpi_mode(self):
        self.company.hrcr_decline_mode = "kpi"
        for months_ago in (3, 2, 1):
            appraisal = self.make_confirmed(self.emp, months_ago, 100)
            # total stays high, the watched KPI 招商额 misses its target
            appraisal.line_ids.filtered("watch_decline").sudo().actual = 95
        self.assertTrue(all(a.total_score > 90 for a in self.env["hr.kpi.appraisal"].search(
            [("employee_id", "=", self.emp.id)])))
        alert = self.run_cron()
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.mode, "kpi")

    def test_drafts_do_not_count_and_manager_reads_alert(self):
        for months_ago in (3, 2, 1):
            self.make_confirmed(self.emp, months_ago, 50).sudo().write({"state": "review"})
        self.assertFalse(self.run_cron())
        self.env["hr.kpi.appraisal"].search([("employee_id", "=", self.emp.id)]).sudo().write({"state": "confirmed"})
        alert = self.run_cron()
        self.assertEqual(self.Alert.with_user(self.user_manager).search([]), alert)
        # the manager (read-only on alerts) marks their to-do done
        todo = alert.activity_ids.filtered(lambda a: a.user_id == self.user_manager)
        todo.with_user(self.user_manager).action_feedback(feedback="Talked with him; training booked.")
        self.assertEqual(alert.activity_ids.user_id, self.user_hr)
        self.assertFalse(self.Alert.with_user(self.user_other_manager).search([]))
        self.assertFalse(self.Alert.with_user(self.user_emp).search([]))

    def _employees_with_streaks(self, count, tag):
        employees = self.env["hr.employee"].create([
            {"name": "%s %s" % (tag, i), "parent_id": self.emp_manager.id, "job_id": self.job.id}
            for i in range(count)])
        for employee in employees:
            for months_ago in (3, 2, 1):
                self.make_confirmed(employee, months_ago, 40)
        return employees

    def test_cron_query_count_independent_of_volume(self):
        first = self._employees_with_streaks(5, "A")
        self.env.flush_all()
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        self.Alert._cron_detect_decline()
        self.env.flush_all()
        queries_for_5 = self.cr.sql_log_count - count0
        self.assertEqual(self.Alert.search_count([("employee_id", "in", first.ids)]), 5)
        # same shape again with ten times the employees: no more queries
        self.Alert.search([]).unlink()
        more = self._employees_with_streaks(45, "B")
        self.env.invalidate_all()
        with self.assertQueryCount(queries_for_5):
            self.Alert._cron_detect_decline()
        self.assertEqual(self.Alert.search_count([("employee_id", "in", (first | more).ids)]), 50)
        self.assertEqual(self.Alert.search_count([("state", "=", "active")]), 50)
