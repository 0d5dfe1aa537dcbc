"""Incentive recommendation (issue 12): stated drivers, suggested levers with their cost, the what-if risk
after a raise (HR only), "Apply" scheduling one to-do and changing no wage; access as each real user."""

import math

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestIncentives(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Driver = cls.env["hr.employee.driver"]
        cls.Wizard = cls.env["hr.incentive.wizard"]
        cls.contract = cls.make_contract(cls.emp, cls.today - relativedelta(years=1), False, state="open",
                                         wage=10000, hr_responsible_id=cls.user_hr.id)
        cls.next_job = cls.env["hr.job"].create({"name": "招商经理"})
        cls.talk = cls.env["hr.talk.log"].create({
            "name": "Stay interview", "employee_id": cls.emp.id, "kind": "stay_interview",
            "content": "What keeps you here?"})
        cls.driver = cls.Driver.create({"employee_id": cls.emp.id, "driver": "career_growth",
                                        "date": cls.today, "talk_log_id": cls.talk.id,
                                        "note": "I want to lead a team."})
        cls.other_driver = cls.Driver.create({"employee_id": cls.emp_other.id, "driver": "pay",
                                              "date": cls.today})

    def wizard(self, user, employee=None, **vals):
        return self.Wizard.with_user(user).create(dict({"employee_id": (employee or self.emp).id}, **vals))

    # ------------------------------------------------------------------ drivers
    def test_drivers_as_hr_and_as_the_manager_for_their_team(self):
        mine = self.Driver.with_user(self.user_hr).create({"employee_id": self.emp.id, "driver": "pay",
                                                           "date": self.today})
        self.assertEqual(self.emp.with_user(self.user_hr).hrcr_driver_ids, self.driver | mine)
        mine.with_user(self.user_hr).note = "said twice"
        # the manager reads and records the team's drivers...
        by_mgr = self.Driver.with_user(self.user_manager).create({
            "employee_id": self.emp.id, "driver": "recognition", "date": self.today, "talk_log_id": self.talk.id})
        self.assertEqual(set(self.Driver.with_user(self.user_manager).search([]).ids),
                         {self.driver.id, mine.id, by_mgr.id})
        # ... but not another team's, and edits nothing
        with self.assertRaises(AccessError):
            self.Driver.with_user(self.user_manager).create({"employee_id": self.emp_other.id, "driver": "pay",
                                                             "date": self.today})
        with self.assertRaises(AccessError):
            self.other_driver.with_user(self.user_manager).read(["driver"])
        with self.assertRaises(AccessError):
            by_mgr.with_user(self.user_manager).write({"note": "x"})
        # several drivers with dates and sources; HR officers do not delete, HR managers do
        with self.assertRaises(AccessError):
            mine.with_user(self.user_hr).unlink()
        mine.with_user(self.user_hr_manager).unlink()

    def test_the_employee_sees_no_driver_and_no_lever(self):
        self.assertFalse(self.Driver.with_user(self.user_emp).search([]))
        with self.assertRaises(AccessError):
            self.driver.with_user(self.user_emp).read(["driver"])
        with self.assertRaises(AccessError):
            self.Driver.with_user(self.user_emp).create({"employee_id": self.emp.id, "driver": "pay",
                                                         "date": self.today})
        with self.assertRaises(AccessError):
            self.wizard(self.user_emp)
        with self.assertRaises(AccessError):
            self.emp.with_user(self.user_emp).action_hrcr_incentives()
        # the manager's own drivers are out of their reach too (recorded by their own manager or HR)
        own = self.Driver.create({"employee_id": self.emp_manager.id, "driver": "pay", "date": self.today})
        self.assertNotIn(own, self.Driver.with_user(self.user_manager).search([]))
        with self.assertRaises(AccessError):
            self.wizard(self.user_manager, self.emp_manager)
        # another manager reaches neither
        with self.assertRaises(AccessError):
            self.wizard(self.user_other_manager)

    def test_source_talk_log_of_the_same_employee(self):
        with self.assertRaises(ValidationError):
            self.Driver.create({"employee_id": self.emp_peer.id, "driver": "pay", "date": self.today,
                                "talk_log_id": self.talk.id})

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        emp = self.env["hr.employee"].create({"name": "Elsewhere", "company_id": other.id})
        row = self.Driver.create({"employee_id": emp.id, "driver": "learning", "date": self.today})
        self.assertEqual(row.company_id, other)
        self.assertNotIn(row, self.Driver.with_user(self.user_hr).search([]))

    # ------------------------------------------------------------------ levers
    def test_lever_costs_and_the_raise_risk_after_from_the_what_if(self):
        self.Driver.create({"employee_id": self.emp.id, "driver": "pay", "date": self.today})
        wizard = self.wizard(self.user_hr, raise_pct=10.0, next_job_id=self.next_job.id, training_budget=3000)
        lines = {(line.driver, line.kind): line for line in wizard.line_ids}
        raise_ = lines[("pay", "raise")]
        self.assertEqual(raise_.rank, 1)
        self.assertAlmostEqual(raise_.yearly_cost, 10000 * 12 * 0.10)
        self.assertEqual(raise_.cost_basis, "wage_only")
        self.assertAlmostEqual(lines[("pay", "bonus")].yearly_cost, 10000)  # one month's wage by default
        self.assertAlmostEqual(lines[("career_growth", "training_budget")].yearly_cost, 3000)
        promotion = lines[("career_growth", "promotion")]
        self.assertEqual(promotion.rank, 1)
        self.assertIn("招商经理", promotion.text)
        expected = self.env["hr.attrition.score"].with_user(self.user_hr)._what_if(self.emp, wage_change_pct=10.0)
        self.assertTrue(raise_.has_risk)
        self.assertAlmostEqual(raise_.risk_after, expected["new"]["risk"], places=1)
        self.assertAlmostEqual(wizard.current_risk, expected["current"]["risk"], places=1)
        self.assertFalse(lines[("pay", "bonus")].has_risk)
        # 13 months of pay
        wizard.write({"months_per_year": 13.0})
        wizard.action_update()
        raise_ = wizard.line_ids.filtered(lambda line: line.kind == "raise" and line.driver == "pay")
        self.assertAlmostEqual(raise_.yearly_cost, 10000 * 13 * 0.10)

    def test_the_manager_sees_no_wage_derived_cost_and_no_risk(self):
        wizard = self.wizard(self.user_manager, raise_pct=5.0, next_job_id=self.next_job.id)
        self.assertTrue(wizard.line_ids)
        promotion = wizard.line_ids.filtered(lambda line: line.kind == "promotion")
        # the manager may not see the wage: a raise's cost (wage x months x %) would reveal it
        self.assertEqual((promotion.yearly_cost, promotion.cost_basis), (0.0, "hr_only"))
        self.assertIn("ask HR", promotion.text)
        self.assertNotIn("6,000", " ".join(wizard.line_ids.mapped("text")))
        as_hr = self.wizard(self.user_hr, raise_pct=5.0, next_job_id=self.next_job.id)
        self.assertAlmostEqual(as_hr.line_ids.filtered(lambda line: line.kind == "promotion").yearly_cost, 6000)
        with self.assertRaises(AccessError):
            promotion.with_user(self.user_manager).read(["risk_after"])
        with self.assertRaises(AccessError):
            wizard.with_user(self.user_manager).read(["current_risk"])
        action = self.driver.with_user(self.user_manager).action_open_incentives()
        self.assertEqual(action["res_model"], "hr.incentive.wizard")

    def test_apply_creates_exactly_one_activity_and_changes_no_wage(self):
        for user in (self.user_hr, self.user_manager):
            with self.subTest(user=user.login):
                wizard = self.wizard(user, raise_pct=8.0)
                line = wizard.line_ids.filtered(lambda line: line.kind == "raise")
                Activity = self.env["mail.activity"]
                before = Activity.search_count([])
                line.with_user(user).action_apply()
                self.assertEqual(Activity.search_count([]), before + 1)
                activity = line.activity_id
                self.assertEqual((activity.res_model, activity.res_id), ("hr.employee.driver", self.driver.id))
                self.assertEqual(activity.user_id, self.user_hr)  # the contract's HR responsible
                self.assertEqual(activity.create_uid, user)
                self.assertIn("8 %", activity.note)
                if user == self.user_hr:
                    self.assertIn("9,600.00", activity.note)  # 10,000 x 12 x 8 %
                else:  # the manager never sees a cost derived from the wage
                    self.assertNotIn("9,600", activity.note)
                    self.assertIn("for HR to work out from the wage", activity.note)
                self.assertIn("PIPL Art. 24", activity.note)
                with self.assertRaises(UserError):
                    line.with_user(user).action_apply()
                self.assertEqual(Activity.search_count([]), before + 1)
                self.contract.invalidate_recordset()
                self.assertEqual(self.contract.wage, 10000)
                self.assertEqual(len(self.emp.contract_ids), 1)
        # the employee cannot see the to-do on their driver
        self.assertFalse(self.env["mail.activity"].with_user(self.user_emp).search(
            [("res_model", "=", "hr.employee.driver")]))

    def test_bounds_refused_naming_the_field_and_the_bound(self):
        count = self.Wizard.search_count([])
        for vals, needles in (({"raise_pct": 60.0}, ("Raise (%)", "50")),
                              ({"raise_pct": math.nan}, ("Raise (%)", "50")),
                              ({"raise_pct": -1.0}, ("Raise (%)", "0")),
                              ({"bonus_amount": 20_000_000.0}, ("Bonus amount", "10,000,000")),
                              ({"training_budget": -5.0}, ("Training budget", "10,000,000")),
                              ({"months_per_year": 0.0}, ("Months of pay a year", "24"))):
            with self.subTest(vals=vals):
                with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
                    self.wizard(self.user_hr, **vals)
                for needle in needles:
                    self.assertIn(needle, str(ctx.exception))
        self.assertEqual(self.Wizard.search_count([]), count)

    def test_bound_message_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.user_hr.lang = "zh_CN"
        with self.assertRaises(ValidationError) as ctx:
            self.Wizard.with_user(self.user_hr).with_context(lang="zh_CN").create(
                {"employee_id": self.emp.id, "raise_pct": 60.0})
        # the field's label comes in the user's language; the bound is named
        label = self.Wizard.with_context(lang="zh_CN")._fields["raise_pct"]._description_string(
            self.env(context={"lang": "zh_CN"}))
        self.assertIn(label, str(ctx.exception))
        self.assertIn("50", str(ctx.exception))

    def test_opted_out_employee_gets_costs_but_no_risk(self):
        self.emp.sudo().hrcr_attrition_excluded = True
        wizard = self.wizard(self.user_hr, raise_pct=5.0)
        raise_ = wizard.line_ids.filtered(lambda line: line.kind == "raise")
        self.assertAlmostEqual(raise_.yearly_cost, 6000)
        self.assertFalse(raise_.has_risk)
        self.assertIn("PIPL Art. 44", wizard.risk_note)

    def test_views_load_for_hr_and_the_manager(self):
        form = self.env["hr.employee"].with_user(self.user_hr).get_views([(False, "form")])
        arch = form["views"]["form"]["arch"]
        self.assertIn("hrcr_driver_ids", arch)
        self.assertIn("action_hrcr_incentives", arch)
        for user in (self.user_hr, self.user_manager):
            with self.subTest(user=user.login):
                views = self.Wizard.with_user(user).get_views([(False, "form")])
                self.assertIn("action_apply", views["views"]["form"]["arch"])
                self.assertEqual("risk_after" in views["views"]["form"]["arch"], user == self.user_hr)
                self.Driver.with_user(user).get_views([(False, "list"), (False, "form"), (False, "search")])
        action = self.env["ir.actions.act_window"].with_user(self.user_manager)._for_xml_id(
            "hr_contract_risk.action_hr_employee_driver")
        self.assertEqual(action["res_model"], "hr.employee.driver")

    def test_drivers_recorded_in_the_stay_interview(self):
        talk = self.env["hr.talk.log"].with_user(self.user_manager).create({
            "name": "Stay interview 2", "employee_id": self.emp.id, "kind": "stay_interview",
            "content": "What would make you stay?",
            "hrcr_driver_ids": [Command.create({"employee_id": self.emp.id, "driver": "flexibility",
                                                "date": self.today}),
                                Command.create({"employee_id": self.emp.id, "driver": "learning",
                                                "date": self.today})]})
        self.assertEqual(set(talk.hrcr_driver_ids.mapped("driver")), {"flexibility", "learning"})
        self.assertEqual(talk.hrcr_driver_ids.talk_log_id, talk)
        wizard = self.wizard(self.user_manager)
        self.assertIn("flexibility", wizard.line_ids.mapped("kind"))
        self.assertEqual(set(wizard.line_ids.mapped("driver")), {"career_growth", "flexibility", "learning"})
        self.env["hr.talk.log"].with_user(self.user_manager).get_views([(False, "form")])

    def test_demo_wang_wei_career_growth_shows_the_promotion_path(self):
        driver = self.env.ref("hr_contract_risk.demo_driver_wang_wei_career", raise_if_not_found=False)
        if not driver:
            self.skipTest("installed without demo data")
        wang = driver.employee_id
        wizard = self.Wizard.create({"employee_id": wang.id, "raise_pct": 10.0})
        self.assertEqual(wizard.next_job_id, self.env.ref("hr_contract_risk.demo_job_sales_manager"))
        first = wizard.line_ids.filtered(lambda line: line.driver == "career_growth").sorted("rank")[0]
        self.assertEqual(first.kind, "promotion")
        self.assertIn("招商经理", first.text)
        self.assertTrue(first.has_risk)
        self.assertGreater(first.yearly_cost, 0)
