"""Attrition risk governance: the PIPL Art. 44 opt-out, drift of the weekly retrain, fairness-gap settings."""

from types import SimpleNamespace

import numpy as np
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from . import test_attrition
from .test_attrition import AttritionCase


@tagged("post_install", "-at_install")
class TestAttritionOptOut(AttritionCase):
    """PIPL Art. 44: an employee's data can be excluded from training and scoring (HR managers, logged)."""

    def test_excluded_employee_gets_no_score(self):
        Score = self.env["hr.attrition.score"]
        Score._recompute(companies=self.company, force=True)
        self.assertTrue(self._score(self.employee))
        self.employee.with_user(self.hr_manager).hrcr_attrition_excluded = True
        self.assertFalse(self._score(self.employee), "the existing score is removed at once")
        Score._recompute(companies=self.company, force=True)
        self.assertFalse(self._score(self.employee), "the recompute skips excluded employees")
        self.assertTrue(self._score(self.manager), "the others are still scored")
        self.env.invalidate_all()
        emp = self.employee.with_user(self.hr_user)
        self.assertFalse(emp.attrition_score_id)
        self.assertFalse(emp.attrition_band)
        with self.assertRaises(UserError):
            Score.with_user(self.hr_user)._what_if(self.employee)
        # a score left over (e.g. written by an older version) is removed by the next recompute
        Score.create({"employee_id": self.employee.id, "company_id": self.company.id, "risk": 50.0})
        Score._recompute(companies=self.company)
        self.assertFalse(self._score(self.employee))
        # back in: scored again
        self.employee.with_user(self.hr_manager).hrcr_attrition_excluded = False
        Score._recompute(companies=self.company, force=True)
        self.assertTrue(self._score(self.employee))

    def test_excluded_employee_is_not_in_the_training_set(self):
        Model = self.env["hr.attrition.model"]
        dataset = Model._training_dataset(self.company, self.today)
        self.assertIn(self.employee.id, set(dataset.employee_ids))
        self.employee.with_user(self.hr_manager).hrcr_attrition_excluded = True
        dataset = Model._training_dataset(self.company, self.today)
        self.assertNotIn(self.employee.id, set(dataset.employee_ids))
        self.assertIn(self.manager.id, set(dataset.employee_ids))

    def test_excluded_leavers_do_not_count_as_departures(self):
        resigned = self.env.ref("hr.departure_resigned")
        leaver = self.env["hr.employee"].create({"name": "李娜", "company_id": self.company.id})
        leaver.write({"active": False, "departure_reason_id": resigned.id,
                      "departure_date": self.today - relativedelta(months=2)})
        Data = self.env["hr.attrition.data"]
        before = Data._departure_count(self.company)
        leaver.hrcr_attrition_excluded = True
        self.assertEqual(Data._departure_count(self.company), before - 1)
        self.assertNotIn(leaver.id, Data._scorable_employee_ids(self.company, archived=True))

    def test_only_hr_managers_change_the_flag(self):
        with self.assertRaises(AccessError):
            self.employee.with_user(self.hr_user).write({"hrcr_attrition_excluded": True})
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.hr_user).create(
                {"name": "赵强", "company_id": self.company.id, "hrcr_attrition_excluded": True})
        # the model-layer check holds even where field groups are bypassed
        with self.assertRaises(AccessError):
            self.employee.with_user(self.hr_user)._hrcr_check_attrition_opt_out_rights()
        self.assertFalse(self.employee.hrcr_attrition_excluded)
        self.employee.with_user(self.hr_manager).write({"hrcr_attrition_excluded": True})
        self.assertTrue(self.employee.hrcr_attrition_excluded)

    def test_change_is_logged_in_the_chatter(self):
        # records created in the running transaction are not tracked: close it as a commit would
        self.env.flush_all()
        self.cr.flush()
        self.employee.with_user(self.hr_manager).write({"hrcr_attrition_excluded": True})
        self.env.flush_all()
        self.cr.flush()  # mail tracking values are written at pre-commit
        field = self.env["ir.model.fields"]._get("hr.employee", "hrcr_attrition_excluded")
        values = self.env["mail.tracking.value"].sudo().search([
            ("field_id", "=", field.id), ("mail_message_id.model", "=", "hr.employee"),
            ("mail_message_id.res_id", "=", self.employee.id)])
        self.assertEqual(len(values), 1)
        self.assertEqual(values.mail_message_id.author_id, self.hr_manager.partner_id)
        self.assertTrue(values.new_value_integer)


@tagged("post_install", "-at_install")
class TestAttritionDrift(AttritionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        test_attrition.TestAttritionTraining._training_history.__func__(cls)

    def test_runs_are_stored_and_a_lower_auc_flags_drift(self):
        Model, Run = self.env["hr.attrition.model"], self.env["hr.attrition.model.run"]
        card = Model._retrain_company(self.company_t)
        run = Run.search([("company_id", "=", self.company_t.id)])
        self.assertEqual(len(run), 1)
        self.assertEqual(run.model_id, card)
        self.assertEqual((run.holdout_auc, run.n_rows, run.n_positives, run.algorithm),
                         (card.holdout_auc, card.n_rows, card.n_positives, card.algorithm))
        self.assertAlmostEqual(run.holdout_brier, card.holdout_brier)
        self.assertFalse(run.drift_flagged, "the first run has nothing to drift from")
        self.assertFalse(card.drift_flagged)
        # the same history retrained gives about the same AUC: as if the previous run had been 0.2 better
        run.holdout_auc = card.holdout_auc + 0.2
        second = Model._retrain_company(self.company_t)
        runs = Run.search([("company_id", "=", self.company_t.id)])
        self.assertEqual(len(runs), 2)
        latest = runs[0]
        self.assertEqual(latest.model_id, second)
        self.assertTrue(latest.drift_flagged)
        self.assertAlmostEqual(latest.auc_drop, run.holdout_auc - second.holdout_auc, places=5)
        self.assertGreater(latest.auc_drop, 0.05)
        self.assertAlmostEqual(latest.max_auc_drop, 0.05)
        # the current card (kept) and the new one both show the run history and the warning
        self.env.invalidate_all()
        self.assertTrue(card.is_current)
        self.assertEqual(card.run_ids, runs)
        self.assertTrue(card.drift_flagged)
        self.assertIn("fell", card.drift_message)
        self.assertTrue(second.drift_flagged)
        # a third run at the same AUC: no drop, no flag; a stricter bound is a company setting
        third = Model._retrain_company(self.company_t)
        self.assertFalse(Run.search([("model_id", "=", third.id)]).drift_flagged)
        self.env.invalidate_all()
        self.assertFalse(card.drift_flagged)
        self.assertFalse(card.drift_message)

    def test_run_access(self):
        run = self.env["hr.attrition.model.run"].create({
            "company_id": self.company.id, "algorithm": "logistic_regression", "holdout_auc": 0.8})
        other = self.env["hr.attrition.model.run"].create({
            "company_id": self.company_b.id, "algorithm": "logistic_regression", "holdout_auc": 0.8})
        Run = self.env["hr.attrition.model.run"]
        # HR officers read, nothing else
        self.assertEqual(Run.with_user(self.hr_user).search([("id", "in", (run | other).ids)]), run)
        self.assertEqual(run.with_user(self.hr_user).holdout_auc, 0.8)
        with self.assertRaises(AccessError):
            run.with_user(self.hr_user).write({"holdout_auc": 0.9})
        with self.assertRaises(AccessError):
            Run.with_user(self.hr_user).create({"company_id": self.company.id, "algorithm": "random_forest"})
        with self.assertRaises(AccessError):
            run.with_user(self.hr_user).unlink()
        # HR managers manage their companies' runs
        run.with_user(self.hr_manager).write({"holdout_auc": 0.7})
        self.assertEqual(Run.with_user(self.hr_manager).search([("id", "in", (run | other).ids)]), run)
        with self.assertRaises(AccessError):
            other.with_user(self.hr_manager).read(["holdout_auc"])
        # employees and department managers: no access at all
        for user in (self.emp_user, self.manager_user):
            with self.assertRaises(AccessError):
                Run.with_user(user).search([])
        run.with_user(self.hr_manager).unlink()
        self.assertFalse(run.exists())


@tagged("post_install", "-at_install")
class TestAttritionMonitoringSettings(AttritionCase):
    def test_bounds_are_validated(self):
        for fname in ("hrcr_attrition_max_auc_drop", "hrcr_attrition_max_auc_gap",
                      "hrcr_attrition_max_calibration_gap"):
            self.assertAlmostEqual(self.company[fname], 0.05)
            for bad in (0.0, 1.0, -0.2, 1.5):
                with self.assertRaises(ValidationError, msg="%s=%s" % (fname, bad)) as err, \
                        self.env.cr.savepoint():
                    self.company.write({fname: bad})
                self.assertIn("between 0 and 1", str(err.exception))
            self.company.write({fname: 0.1})
            self.assertAlmostEqual(self.company[fname], 0.1)
        settings = self.env["res.config.settings"].create({"hrcr_attrition_max_auc_gap": 0.2})
        settings.execute()
        self.assertAlmostEqual(self.company.hrcr_attrition_max_auc_gap, 0.2)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["res.config.settings"].create({"hrcr_attrition_max_calibration_gap": 2.0}).execute()

    def test_fairness_audit_uses_the_company_gap_settings(self):
        Employee = self.env["hr.employee"]
        emps = Employee.create([{"name": "G%s" % i, "company_id": self.company.id,
                                 "gender": "male" if i % 2 else "female",
                                 "birthday": self.today - relativedelta(years=25 + i % 30)} for i in range(120)])
        rng = np.random.default_rng(0)
        y = np.array([i % 3 == 0 for i in range(120)], dtype=int)
        # women's scores follow the label closely, men's barely: an AUC gap of about 0.3
        noise = np.where(np.arange(120) % 2, 0.9, 0.2)
        proba = np.clip(0.3 * y + rng.normal(0.3, 0.1, 120) * noise + 0.1, 0.01, 0.99)
        dataset = SimpleNamespace(employee_ids=emps.ids, months=[self.today] * 120, y=y.tolist())
        mask = np.ones(120, dtype=bool)
        Model = self.env["hr.attrition.model"]
        self.company.write({"hrcr_attrition_max_auc_gap": 0.9, "hrcr_attrition_max_calibration_gap": 0.9})
        gender = Model._fairness_audit(dataset, mask, proba, 0.5, company=self.company)[0]
        self.assertNotIn("auc_gap", gender.flags)
        self.assertNotIn("calibration_gap", gender.flags)
        self.assertGreater(gender.auc_gap, 0.01)
        self.company.write({"hrcr_attrition_max_auc_gap": 0.01, "hrcr_attrition_max_calibration_gap": 0.001})
        gender = Model._fairness_audit(dataset, mask, proba, 0.5, company=self.company)[0]
        self.assertIn("auc_gap", gender.flags)
        self.assertIn("calibration_gap", gender.flags)
