import random
from datetime import date, datetime, timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools import mute_logger

from ..engine import attrition_features as af
from ..engine import attrition_model as am


class AttritionCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.today = fields.Date.context_today(cls.env["hr.attrition.score"])
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "HRCR Attrition B"})
        cls.company.write({"hrcr_attrition_band_medium": 30.0, "hrcr_attrition_band_high": 60.0})
        cls.dept = cls.env["hr.department"].create({"name": "招商部", "company_id": cls.company.id})
        cls.hr_user = new_test_user(cls.env, "hrcr_att_hr", groups="base.group_user,hr.group_hr_user",
                                    company_id=cls.company.id, company_ids=[cls.company.id])
        cls.hr_manager = new_test_user(cls.env, "hrcr_att_hrm", groups="base.group_user,hr.group_hr_manager",
                                       company_id=cls.company.id, company_ids=[cls.company.id])
        cls.hr_user_b = new_test_user(cls.env, "hrcr_att_hr_b", groups="base.group_user,hr.group_hr_user",
                                      company_id=cls.company_b.id, company_ids=[cls.company_b.id])
        cls.manager_user = new_test_user(cls.env, "hrcr_att_mgr", groups="base.group_user",
                                         company_id=cls.company.id, company_ids=[cls.company.id])
        cls.emp_user = new_test_user(cls.env, "hrcr_att_emp", groups="base.group_user",
                                     company_id=cls.company.id, company_ids=[cls.company.id])
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create({"name": "张敏", "company_id": cls.company.id, "department_id": cls.dept.id,
                                       "user_id": cls.manager_user.id})
        cls.employee = Employee.create({"name": "王伟", "company_id": cls.company.id, "department_id": cls.dept.id,
                                        "parent_id": cls.manager.id, "user_id": cls.emp_user.id})
        cls._contract(cls.manager, cls.today - relativedelta(years=5), None, hr_responsible=cls.hr_manager)
        # 王伟: first fixed term of 2 years, second ending in 25 days
        first_start = cls.today - relativedelta(years=3, months=8)
        second_start = first_start + relativedelta(years=2)
        cls._contract(cls.employee, first_start, second_start - timedelta(days=1), state="close")
        cls.wang_contract = cls._contract(cls.employee, second_start, cls.today + timedelta(days=25),
                                          hr_responsible=cls.hr_user)
        cls.sick_type = cls.env.ref("hr_holidays.holiday_status_sl")
        cls._leaves(cls.employee, [cls.today - timedelta(days=d) for d in (10, 30, 45)], cls.sick_type)

    @classmethod
    def _contract(cls, employee, start, end, state="open", wage=10000.0, hr_responsible=None):
        return cls.env["hr.contract"].create({
            "name": "%s %s" % (employee.name, start),
            "employee_id": employee.id,
            "company_id": employee.company_id.id,
            "date_start": start,
            "date_end": end,
            "wage": wage,
            "state": state,
            "hr_responsible_id": hr_responsible.id if hr_responsible else False,
        })

    @classmethod
    def _leaves(cls, employee, days, leave_type):
        # A leave on a Saturday or Sunday counts 0 days in the standard 40-hour calendar:
        # move each day back to the working day before it, so the counts hold on any date.
        days = [d - timedelta(days=max(0, d.weekday() - 4)) for d in days]
        cls.env["hr.leave"].with_context(
            leave_fast_create=True, leave_skip_state_check=True, tracking_disable=True,
            mail_activity_automation_skip=True,
        ).create([{
            "employee_id": employee.id,
            "holiday_status_id": leave_type.id,
            "request_date_from": d,
            "request_date_to": d,
            "date_from": datetime.combine(d, datetime.min.time()) + timedelta(hours=1),
            "date_to": datetime.combine(d, datetime.min.time()) + timedelta(hours=10),
            "number_of_days": 1.0,
            "state": "validate",
        } for d in days])

    @classmethod
    def _employees(cls, n, company=None, prefix="Rep", end_in_days=400):
        company = company or cls.company
        employees = cls.env["hr.employee"].create([
            {"name": "%s %s" % (prefix, i), "company_id": company.id} for i in range(n)])
        cls.env["hr.contract"].create([{
            "name": "C %s" % e.name,
            "employee_id": e.id,
            "company_id": company.id,
            "date_start": cls.today - relativedelta(years=2),
            "date_end": cls.today + timedelta(days=end_in_days),
            "wage": 8000.0,
            "state": "open",
        } for e in employees])
        return employees

    def _score(self, employee):
        return self.env["hr.attrition.score"].search([("employee_id", "=", employee.id)])

    def _activities(self, score):
        return self.env["mail.activity"].search([("res_model", "=", "hr.attrition.score"), ("res_id", "=", score.id)])


@tagged("post_install", "-at_install")
class TestAttritionRecompute(AttritionCase):
    def test_recompute_scores_every_employee_in_batches(self):
        reps = self._employees(12)
        progress = []
        orig = type(self.env["ir.cron"])._notify_progress

        def spy(cron, *, done, remaining, deactivate=False):
            progress.append((done, remaining))
            return orig(cron, done=done, remaining=remaining, deactivate=deactivate)

        Score = self.env["hr.attrition.score"]
        with patch.object(type(self.env["ir.cron"]), "_notify_progress", spy):
            done = Score._recompute(companies=self.company, batch_size=5)
        employees = self.env["hr.employee"].search([("company_id", "=", self.company.id)])
        self.assertEqual(done, len(employees))
        self.assertEqual(progress[-1], (len(employees), 0))
        self.assertGreater(len(progress), 2, "one progress notification per batch")
        scores = Score.search([("employee_id", "in", employees.ids)])
        self.assertEqual(scores.employee_id, employees)
        self.assertTrue(all(s.computed_on == self.today and s.band for s in scores))
        self.assertTrue(all(0 <= s.risk <= 100 for s in scores))
        # safe to run twice: nothing pending the same day, forced run rewrites
        self.assertEqual(Score._recompute(companies=self.company, batch_size=5), 0)
        self.assertEqual(Score._recompute(companies=self.company, batch_size=5, force=True), len(employees))
        self.assertEqual(len(Score.search([("employee_id", "in", employees.ids)])), len(employees))
        self.assertTrue(reps)

    def test_batch_scored_by_a_concurrent_run_is_dropped(self):
        """Two recomputes at once (bench/load_bench.py: both cron threads): the second run to insert a score meets
        the first one's row (unique employee). Its batch is dropped, the run goes on, no duplicate, no crash."""
        emps = self._employees(6, prefix="C")
        Score = self.env["hr.attrition.score"]
        ScoreClass = type(Score)
        orig_create = ScoreClass.create
        raced = []

        def create_after_a_concurrent_run(records, vals_list):
            if not raced:  # the other run inserts the first employee's score just before this one
                raced.append(vals_list[0]["employee_id"])
                records.env.cr.execute(
                    "INSERT INTO hr_attrition_score (employee_id, company_id, risk, band, computed_on) "
                    "VALUES (%s, %s, 1.0, 'low', %s)", (raced[0], self.company.id, self.today))
            return orig_create(records, vals_list)

        employees = self.env["hr.employee"].search([("company_id", "=", self.company.id)])
        with patch.object(ScoreClass, "create", create_after_a_concurrent_run), mute_logger("odoo.sql_db"):
            Score._recompute(companies=self.company, batch_size=3, force=True)
        self.env.invalidate_all()
        scores = Score.search([("employee_id", "in", employees.ids)])
        self.assertEqual(len(scores), len(set(scores.employee_id.ids)), "one score per employee")
        # (in one test transaction the "other run's" row rolls back with the batch; in production it was committed)
        self.assertNotIn(raced[0], scores.employee_id.ids)
        self.assertLess(len(scores), len(employees), "the raced batch was dropped, not half-written")
        # the next run scores what the dropped batch left
        Score._recompute(companies=self.company, batch_size=3)
        self.assertEqual(Score.search([("employee_id", "in", employees.ids)]).employee_id, employees)
        self.assertTrue(emps)

    def test_cron_entry_point(self):
        self.env.ref("hr_contract_risk.ir_cron_attrition_recompute").method_direct_trigger()
        self.assertTrue(self._score(self.employee))
        self.env.ref("hr_contract_risk.ir_cron_attrition_retrain").method_direct_trigger()
        self.assertTrue(self.env["hr.attrition.model"]._current(self.company))

    def test_batch_query_count_does_not_grow(self):
        Score = self.env["hr.attrition.score"]
        self.company.hrcr_attrition_band_high = 100.0  # no alert in this measurement
        ctx = Score._scoring_context(self.company, self.today)
        warm, five, forty = self._employees(3, prefix="W"), self._employees(5, prefix="F"), self._employees(40)
        for emps in (five, forty):
            self._leaves(emps[0], [self.today - timedelta(days=3)], self.sick_type)
        Score._recompute_batch(ctx, warm.ids)
        self.env.invalidate_all()

        before = self.cr.sql_log_count
        Score._recompute_batch(ctx, five.ids)
        created_5 = self.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(created_5):
            Score._recompute_batch(ctx, forty.ids)
        self.env.invalidate_all()
        # second pass: updates instead of inserts
        before = self.cr.sql_log_count
        Score._recompute_batch(ctx, five.ids)
        updated_5 = self.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(updated_5):
            Score._recompute_batch(ctx, forty.ids)
        self.assertEqual(len(Score.search([("employee_id", "in", forty.ids)])), 40)


@tagged("post_install", "-at_install")
class TestAttritionScores(AttritionCase):
    def test_cold_start_rule_based_is_labelled(self):
        Score = self.env["hr.attrition.score"]
        Score._recompute(companies=self.company)
        card = self.env["hr.attrition.model"]._current(self.company)
        self.assertEqual(card.algorithm, am.RULE_BASED)
        self.assertEqual(card.decision, "rule_based")
        self.assertEqual(card.min_departures, 20)
        self.assertIn("Weighted indicators", card.top_factors)
        score = self._score(self.employee)
        self.assertEqual(score.method, am.RULE_BASED)
        self.assertIn("Rule-based score", score.model_label)
        self.assertIn("not a probability", score.model_label)
        self.assertIn("contract ends in 25 days (raises risk)", score.factors)
        self.assertIn("2 consecutive fixed-term contracts", score.factors)
        self.assertIn("Days to contract end: at risk", score.indicators)
        self.assertIn("Manager changes (6 months): low", score.indicators)
        self.assertEqual(self.employee.with_user(self.hr_user).attrition_model_label, score.model_label)

    def test_band_rise_alerts_hr_once(self):
        Score = self.env["hr.attrition.score"]
        self.company.write({"hrcr_attrition_band_medium": 10.0, "hrcr_attrition_band_high": 40.0})
        Score._recompute(companies=self.company)
        score = self._score(self.employee)
        self.assertEqual(score.band, "high")
        self.assertTrue(score.alerted)
        acts = self._activities(score)
        # the employee's HR responsible and the manager's HR responsible
        self.assertEqual(acts.user_id, self.hr_user | self.hr_manager)
        self.assertIn("王伟", acts[0].summary)
        # repeated runs: no new activity while the band stays high
        Score._recompute(companies=self.company, force=True)
        Score._recompute(companies=self.company, force=True)
        self.assertEqual(len(self._activities(score)), 2)
        # the band falls, then rises again: notified again
        self.company.hrcr_attrition_band_high = 95.0
        Score._recompute(companies=self.company, force=True)
        self.assertNotEqual(score.band, "high")
        self.assertFalse(score.alerted)
        self.assertEqual(len(self._activities(score)), 2)
        self.company.hrcr_attrition_band_high = 40.0
        Score._recompute(companies=self.company, force=True)
        self.assertEqual(len(self._activities(score)), 4)
        # the HR officer can read and close the activity on the score
        act = self._activities(score).filtered(lambda a: a.user_id == self.hr_user)[:1]
        act.with_user(self.hr_user).action_feedback(feedback="Talked with him")
        self.assertFalse(act.exists())

    def test_alert_falls_back_to_configured_user(self):
        self.wang_contract.hr_responsible_id = False
        self.manager.contract_ids.hr_responsible_id = False
        self.company.write({"hrcr_attrition_band_medium": 10.0, "hrcr_attrition_band_high": 40.0,
                            "hrcr_attrition_alert_user_id": self.hr_manager.id})
        self.env["hr.attrition.score"]._recompute(companies=self.company)
        self.assertEqual(self._activities(self._score(self.employee)).user_id, self.hr_manager)

    def test_what_if_changes_risk_and_saves_nothing(self):
        Score = self.env["hr.attrition.score"]
        Score._recompute(companies=self.company)
        score = self._score(self.employee)
        risk, count = score.risk, Score.search_count([])
        action = self.employee.with_user(self.hr_user).action_attrition_what_if()
        wizard = Form(self.env["hr.attrition.whatif"].with_user(self.hr_user).with_context(**action["context"]))
        self.assertAlmostEqual(wizard.current_risk, risk, places=1)
        wizard.open_ended_contract = True
        wizard.wage_change_pct = 10.0
        self.assertLess(wizard.new_risk, wizard.current_risk)
        self.assertNotIn("contract ends", wizard.new_factors or "")
        self.assertEqual(Score.search_count([]), count)
        score.invalidate_recordset()
        self.assertEqual(score.risk, risk)
        with self.assertRaises(AccessError):
            self.env["hr.attrition.score"].with_user(self.emp_user)._what_if(self.employee)

    def test_features_from_change_log_and_leaves(self):
        Score = self.env["hr.attrition.score"]
        other = self.env["hr.employee"].create({"name": "李娜", "company_id": self.company.id})
        # records created in the running transaction are not tracked: close it as a commit would
        self.env.flush_all()
        self.cr.flush()
        self.employee.parent_id = other
        self.wang_contract.wage = 11000.0
        self.env.flush_all()
        self.cr.flush()  # mail tracking values are written at pre-commit
        ctx = Score._scoring_context(self.company, self.today)
        _rows, features, responsible = Score._features_for(ctx, [self.employee.id])
        f = features[self.employee.id]
        self.assertEqual(f["manager_changes_180"], 1.0)
        self.assertEqual(f["days_to_contract_end"], 25.0)
        self.assertEqual(f["fixed_term_count"], 2.0)
        self.assertEqual(f["sick_days_90"], 3.0)
        self.assertEqual(f["sick_requests_90"], 3.0)
        self.assertEqual(f["leave_days_90"], 0.0)
        self.assertAlmostEqual(f["wage_change_12m"], 0.1)
        self.assertEqual(responsible[self.employee.id], self.hr_user.id)

    def test_sick_leave_types_setting_and_heuristic(self):
        Data = self.env["hr.attrition.data"]
        cn = self.env["hr.leave.type"].create({"name": "病假", "requires_allocation": "no"})
        annual = self.env["hr.leave.type"].create({"name": "年假", "requires_allocation": "no"})
        ids = Data._sick_leave_type_ids(self.company)
        self.assertIn(self.sick_type.id, ids)
        self.assertIn(cn.id, ids)
        self.assertNotIn(annual.id, ids)
        self.company.hrcr_attrition_sick_leave_type_ids = annual
        self.assertEqual(Data._sick_leave_type_ids(self.company), {annual.id})

    def test_settings_are_validated(self):
        with self.assertRaises(ValidationError):
            self.company.write({"hrcr_attrition_band_medium": 70.0, "hrcr_attrition_band_high": 60.0})
        with self.assertRaises(ValidationError):
            self.company.write({"hrcr_attrition_min_departures": 1})


@tagged("post_install", "-at_install")
class TestAttritionAccess(AttritionCase):
    RISK_FIELDS = ("attrition_risk", "attrition_band", "attrition_factors", "attrition_computed_on",
                   "attrition_model_label", "attrition_score_id")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["hr.attrition.score"]._recompute(companies=cls.company | cls.company_b)

    def test_employee_and_manager_cannot_read_risk(self):
        for user in (self.emp_user, self.manager_user):
            for fname in self.RISK_FIELDS:
                with self.assertRaises(AccessError, msg=f"{user.login} read {fname}"):
                    self.employee.with_user(user).read([fname])
            fields_get = self.env["hr.employee"].with_user(user).fields_get()
            self.assertFalse(set(self.RISK_FIELDS) & set(fields_get))
            arch = self.env["hr.employee"].with_user(user).get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertNotIn("attrition", arch)
            with self.assertRaises(AccessError):
                self.env["hr.attrition.score"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["hr.attrition.model"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["hr.attrition.score"].with_user(user).action_recompute()
            # the public profile has no risk either
            self.assertFalse(set(self.RISK_FIELDS) & set(self.env["hr.employee.public"]._fields))

    def test_hr_officer_reads_risk_but_not_the_serialized_model(self):
        employee = self.employee.with_user(self.hr_user)
        self.assertTrue(employee.attrition_band)
        self.assertGreater(employee.attrition_risk, 0)
        self.assertIn("fixed-term", employee.attrition_factors)
        arch = self.env["hr.employee"].with_user(self.hr_user).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("attrition_risk", arch)
        score = self._score(self.employee).with_user(self.hr_user)
        self.assertTrue(score.read(["risk", "band", "factors", "model_label"]))
        with self.assertRaises(AccessError):
            score.write({"risk": 1.0})
        with self.assertRaises(AccessError):
            self.env["hr.attrition.model"].with_user(self.hr_user).search([])
        card = self.env["hr.attrition.model"].with_user(self.hr_manager).search([])
        self.assertTrue(card)
        with self.assertRaises(AccessError):
            card.read(["model_data"])

    def test_multi_company_isolation(self):
        emp_b = self._employees(2, company=self.company_b, prefix="B")
        Score = self.env["hr.attrition.score"]
        Score._recompute(companies=self.company_b)
        visible_a = Score.with_user(self.hr_user).search([])
        visible_b = Score.with_user(self.hr_user_b).search([])
        self.assertTrue(visible_a and visible_b)
        self.assertEqual(visible_a.company_id, self.company)
        self.assertEqual(visible_b.company_id, self.company_b)
        self.assertLessEqual(emp_b, visible_b.employee_id)
        cards = self.env["hr.attrition.model"].search([])
        self.assertEqual(set(cards.mapped("company_id.id")) & {self.company.id, self.company_b.id},
                         {self.company.id, self.company_b.id})
        for score in Score.search([("company_id", "in", (self.company | self.company_b).ids)]):
            self.assertEqual(score.sudo().model_id.company_id, score.company_id)
        manager_b = new_test_user(self.env, "hrcr_att_hrm_b", groups="base.group_user,hr.group_hr_manager",
                                  company_id=self.company_b.id, company_ids=[self.company_b.id])
        self.assertEqual(self.env["hr.attrition.model"].with_user(manager_b).search([]).company_id, self.company_b)
        with self.assertRaises(AccessError):
            self._score(self.employee).with_user(self.hr_user_b).read(["risk"])

    def test_protected_attributes_are_never_gathered(self):
        protected_on_employee = {f for f in self.env["hr.employee"]._fields if af.is_protected(f)}
        self.assertTrue({"gender", "birthday", "marital", "children", "country_id"} <= protected_on_employee)
        for model, fnames in af.GATHERED_FIELDS.items():
            if model not in self.env:
                continue
            for fname in fnames:
                self.assertIn(fname, self.env[model]._fields, f"{model}.{fname}")
                self.assertFalse(af.is_protected(fname), f"{model}.{fname}")
        # what the gatherers actually ask for while scoring
        asked = []
        Base = type(self.env["base"])
        orig = Base.search_read

        def spy(records, domain=None, fields=None, *args, **kwargs):
            asked.append((records._name, tuple(fields or ())))
            return orig(records, domain, fields, *args, **kwargs)

        with patch.object(Base, "search_read", spy):
            self.env["hr.attrition.score"]._recompute(companies=self.company, force=True)
        employee_fields = {f for model, fs in asked if model == "hr.employee" for f in fs}
        self.assertTrue(employee_fields)
        self.assertFalse(employee_fields & protected_on_employee)
        self.assertLessEqual(employee_fields, set(af.GATHERED_FIELDS["hr.employee"]))


@tagged("post_install", "-at_install")
class TestAttritionTraining(AttritionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._training_history()

    @classmethod
    def _training_history(cls):
        """A company with 90 employees, 35 of whom resigned after planted sick days."""
        cls.company_t = cls.env["res.company"].create({"name": "HRCR Attrition Training"})
        cls.company_t.hrcr_attrition_min_departures = 10
        resigned = cls.env.ref("hr.departure_resigned")
        rng = random.Random(4)
        staff = cls._employees(90, company=cls.company_t, prefix="T", end_in_days=500)
        cls.env["hr.contract"].search([("employee_id", "in", staff.ids)]).date_start = \
            cls.today - relativedelta(years=4)
        leavers = staff[:35]
        sick_days = []
        for i, emp in enumerate(leavers):
            left = cls.today - timedelta(days=40 + i * 20)
            # planted signal: sick days in the weeks before leaving
            sick_days.append((emp, [left - timedelta(days=d) for d in (12, 25, 40, 55)]))
        for emp in staff[35:]:
            sick_days.append((emp, [cls.today - timedelta(days=rng.randint(30, 900))]))
        for emp, days in sick_days:
            cls._leaves(emp, days, cls.env.ref("hr_holidays.holiday_status_sl"))
        for i, emp in enumerate(leavers):
            emp.write({"active": False, "departure_reason_id": resigned.id,
                       "departure_date": cls.today - timedelta(days=40 + i * 20)})
        cls.staff = staff

    def test_training_on_history_produces_a_model_card(self):
        Model = self.env["hr.attrition.model"]
        card = Model._retrain_company(self.company_t)
        self.assertIn(card.algorithm, (am.LOGISTIC_REGRESSION, am.RANDOM_FOREST))
        self.assertTrue(card.is_current)
        self.assertEqual(card.decision, "first")
        self.assertEqual(card.n_departures, 35)
        self.assertGreater(card.n_rows, 1000)
        self.assertGreater(card.n_positives, 30)
        self.assertGreater(card.holdout_auc, 0.6)
        self.assertTrue(0 <= card.holdout_brier <= 1)
        self.assertLessEqual(card.window_end, self.today - relativedelta(months=6))
        self.assertIn("Sick", card.top_factors)
        # scores now come from the model
        Score = self.env["hr.attrition.score"]
        Score._recompute(companies=self.company_t)
        scores = Score.search([("company_id", "=", self.company_t.id)])
        self.assertEqual(len(scores), 55)
        self.assertEqual(set(scores.mapped("method")), {card.algorithm})
        self.assertTrue(all(0 <= s.risk <= 100 and s.factors for s in scores))
        self.assertIn("trained on", scores[0].model_label)
        # retraining on the same history is not better: the previous model stays current
        again = Model._retrain_company(self.company_t)
        self.assertEqual(again.decision, "kept_previous")
        self.assertFalse(again.is_current)
        self.assertTrue(card.is_current)
        # with months the current model has not seen, both are compared on them
        card.window_end = card.window_end - relativedelta(months=4)
        fourth = Model._retrain_company(self.company_t)
        self.assertIn(fourth.decision, ("better", "kept_previous"))
        self.assertGreater(fourth.previous_auc, 0.0)
        self.assertEqual(fourth.is_current, fourth.decision == "better")
        if fourth.is_current:
            fourth.is_current = False
            card.is_current = True
        # ...unless it is stale
        card.trained_at = fields.Datetime.now() - timedelta(days=200)
        third = Model._retrain_company(self.company_t)
        self.assertEqual(third.decision, "stale")
        self.assertTrue(third.is_current)
        self.assertFalse(card.is_current)

    def test_tampered_model_is_refused(self):
        card = self.env["hr.attrition.model"]._retrain_company(self.company_t)
        self.assertIsNotNone(card._load())
        card.sudo().model_signature = "0" * 64
        with self.assertRaises(UserError):
            card._load()

    def test_retrain_button_for_hr_managers_only(self):
        manager_t = new_test_user(self.env, "hrcr_att_hrm_t", groups="base.group_user,hr.group_hr_manager",
                                  company_id=self.company_t.id, company_ids=[self.company_t.id])
        with self.assertRaises(AccessError):
            self.env["hr.attrition.model"].with_user(self.hr_user).action_retrain()
        self.env["hr.attrition.model"].with_user(manager_t).action_retrain()
        self.assertTrue(self.env["hr.attrition.model"]._current(self.company_t))


@tagged("post_install", "-at_install")
class TestAttritionTour(HttpCase):
    def test_attrition_risk_tour(self):
        employee = self.env["hr.employee"].create({"name": "Tour Risk Employee"})
        self.env["hr.contract"].create({
            "name": "Tour contract", "employee_id": employee.id, "wage": 5000.0, "state": "open",
            "date_start": date.today() - relativedelta(years=3), "date_end": date.today() + timedelta(days=20),
        })
        self.env["hr.attrition.score"]._recompute(companies=self.env.company)
        self.start_tour("/odoo", "hr_contract_risk_attrition_tour", login="admin")
