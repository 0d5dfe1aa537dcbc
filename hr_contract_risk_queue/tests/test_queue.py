"""With queue_job, the daily runs enqueue one job per company and batch; the jobs do exactly
what the cron did, and a run started twice enqueues and creates nothing twice."""
from odoo import Command
from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.hr_contract_risk.tests.test_expiry import TODAY, ExpiryCase
from odoo.addons.queue_job.job import Job


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQueueBridge(ExpiryCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Second Entity"})
        cls.company_b.write({"hrcr_expiry_stages": "60,30,7", "hrcr_expiry_notify_manager": False})
        cls.officer_b = new_test_user(
            cls.env, login="hrcr_officer_b", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager",
            company_id=cls.company_b.id, company_ids=[Command.set(cls.company_b.ids)])
        # company A: 5 contracts with a stage due (7, 30, 60 days) and 2 already overdue; B: 3 due
        cls.contracts_a = cls.make_contracts([5, 25, 50, 6, 28])
        cls.overdue_a = cls.make_contracts([-3, -10])
        cls.contracts_b = cls.make_contracts([4, 20, 55], company=cls.company_b, responsible=cls.officer_b)
        cls.everything = cls.contracts_a | cls.overdue_a | cls.contracts_b

    def jobs(self, method):
        return self.env["queue.job"].search([("method_name", "=", method), ("state", "=", "pending")])

    def perform(self, jobs):
        for record in jobs:
            job = Job.load(self.env, record.uuid)
            job.perform()
            record.state = "done"

    def test_expiry_one_job_per_company_and_batch_and_no_duplicates(self):
        Alert = self.Alert.with_context(queue_job__no_delay=False)
        created = Alert._hrcr_run_expiry_alerts(batch_size=2)
        self.assertEqual(created, 0, "the cron only enqueues")
        self.assertFalse(self.alerts(self.everything), "nothing is created before the jobs run")
        jobs = self.jobs("_hrcr_job_expiry_batch")
        # stage alerts: A has 5 (3 batches of 2), B has 3 (2 batches); escalations: A's 2 (1 batch)
        self.assertEqual(len(jobs), 6)
        self.assertEqual(set(jobs.mapped("channel")), {"root.hr_contract_risk"})
        for record in jobs:
            kind, ids, _day = record.args
            companies = self.env["hr.contract"].browse(ids).company_id
            self.assertEqual(len(companies), 1, "a job never mixes companies")
            self.assertLessEqual(len(ids), 2)
        # a second cron thread starting the same run before the jobs ran enqueues nothing more
        Alert._hrcr_run_expiry_alerts(batch_size=2)
        self.assertEqual(len(self.jobs("_hrcr_job_expiry_batch")), 6)

        self.perform(jobs)
        queued = self.alerts(self.everything)
        self.assertEqual(len(queued.filtered(lambda a: a.contract_id in self.contracts_a | self.contracts_b)), 8)
        self.assertTrue(queued.filtered(lambda a: a.contract_id in self.overdue_a))
        activities = self.activities(self.everything)
        # the same jobs run again (a retry after a lost acknowledgement) create nothing
        self.perform(jobs)
        self.assertEqual(self.alerts(self.everything), queued)
        self.assertEqual(self.activities(self.everything), activities)
        # and the run of the same day finds nothing left to enqueue
        Alert._hrcr_run_expiry_alerts(batch_size=2)
        self.assertFalse(self.jobs("_hrcr_job_expiry_batch") - jobs)

    def test_jobs_do_what_the_cron_does(self):
        """Same alerts, stages and activities as the plain run (queue_job__no_delay: inline)."""
        with self.env.cr.savepoint() as sp:
            self.Alert.with_context(queue_job__no_delay=True)._hrcr_run_expiry_alerts()
            inline = sorted((a.contract_id.id, a.stage_days, a.kind) for a in self.alerts(self.everything))
            sp.rollback()
        self.assertTrue(inline)
        self.Alert._hrcr_run_expiry_alerts()
        self.perform(self.jobs("_hrcr_job_expiry_batch"))
        queued = sorted((a.contract_id.id, a.stage_days, a.kind) for a in self.alerts(self.everything))
        self.assertEqual(queued, inline)

    def test_risk_decline_forecast_enqueue(self):
        employees = self.everything.employee_id
        self.env["hr.attrition.score"]._cron_attrition_recompute()
        jobs = self.jobs("_hrcr_job_recompute_batch")
        self.assertTrue(jobs)
        self.assertEqual({r.args[0] for r in jobs} >= {self.company.id, self.company_b.id}, True)
        self.env["hr.attrition.score"]._cron_attrition_recompute()
        self.assertEqual(self.jobs("_hrcr_job_recompute_batch"), jobs, "no duplicate job")
        self.perform(jobs)
        scores = self.env["hr.attrition.score"].search([("employee_id", "in", employees.ids)])
        self.assertEqual(scores.employee_id, employees)
        self.perform(jobs)
        self.assertEqual(self.env["hr.attrition.score"].search([("employee_id", "in", employees.ids)]), scores)

        self.env["hr.kpi.decline.alert"]._cron_detect_decline()  # no confirmed appraisal: no job
        self.assertFalse(self.jobs("_hrcr_job_detect_batch"))
        self.env["hr.kpi.forecast"]._cron_forecast_recompute()
        self.env["hr.kpi.forecast"]._cron_forecast_recompute()
        self.assertEqual(len(self.jobs("_hrcr_job_forecast")), 1)
