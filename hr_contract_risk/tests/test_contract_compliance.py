from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged

TODAY = date(2025, 6, 2)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestContractCompliance(TransactionCase):
    """Written contract (LCL 10, 82; Reg 6, 7) and probation (LCL 19, 20) in Odoo, at a pinned date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write({"hrcr_probation_policy": "block", "hrcr_unsigned_alert_days": "15,25",
                           "hrcr_unsigned_escalation_day": 30})
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.hr_officer = new_test_user(
            cls.env, login="hrcc_officer", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager", **common)
        cls.hr_manager = new_test_user(
            cls.env, login="hrcc_manager", groups="hr.group_hr_manager,hr_contract.group_hr_contract_manager",
            **common)
        cls.plain = new_test_user(cls.env, login="hrcc_plain", groups="base.group_user", **common)
        cls._seq = 0

    def make(self, hired_days_ago, **extra):
        type(self)._seq += 1
        employee = self.env["hr.employee"].create({"name": f"CC Employee {self._seq}", "company_id": self.company.id})
        vals = {
            "name": f"CC Contract {self._seq}", "employee_id": employee.id, "company_id": self.company.id,
            "date_start": TODAY - timedelta(days=hired_days_ago), "wage": 9000, "state": "open",
            "hr_responsible_id": self.hr_officer.id,
        }
        vals.update(extra)
        return self.env["hr.contract"].create(vals)

    def assertRefused(self, exception, fragment, func, *args, **kwargs):
        with self.assertRaises(exception) as cm:  # Odoo's assertRaises rolls back to a savepoint
            func(*args, **kwargs)
        self.assertIn(fragment, str(cm.exception))

    def alerts(self, employees):
        return self.env["hr.contract.unsigned.alert"].search([("employee_id", "in", employees.ids)])

    # ------------------------------------------------------------ unsigned contract alerts

    def test_alert_stages_idempotent_and_signing_closes(self):
        day10, day15, day26, day40, old = (self.make(d) for d in (10, 15, 26, 40, 400))
        signed = self.make(26, hrcr_signing_date=TODAY - timedelta(days=26))
        employees = (day10 | day15 | day26 | day40 | signed | old).employee_id
        Employee = self.env["hr.employee"]
        Employee._cron_hrcr_unsigned_contract_alerts()
        fired = {(a.employee_id, a.stage_days, a.kind, a.covered) for a in self.alerts(employees)}
        self.assertEqual(fired, {
            (day15.employee_id, 15, "stage", False),
            (day26.employee_id, 15, "stage", True), (day26.employee_id, 25, "stage", False),
            (day40.employee_id, 15, "stage", True), (day40.employee_id, 25, "stage", True),
            (day40.employee_id, 30, "escalation", False),
        })
        # past the first anniversary (deemed open-ended, double wages run out): listed, not alerted
        activities = self.alerts(employees).activity_id
        self.assertEqual(len(activities), 3)
        self.assertEqual(activities.user_id, self.hr_officer)
        self.assertIn("LCL 10, 82", activities[0].note)
        # a second run the same day creates nothing
        self.assertEqual(Employee._cron_hrcr_unsigned_contract_alerts(), 0)
        self.assertEqual(len(self.alerts(employees)), 6)
        # signing closes the open to-do
        activity = self.alerts(day26.employee_id).activity_id
        day26.write({"hrcr_signing_date": TODAY})
        self.assertFalse(activity.exists())
        self.assertFalse(day26.employee_id.hrcr_unsigned)

    def test_double_wage_exposure_and_deemed_open_ended(self):
        # hired 3 Feb 2025; month 2 starts 3 Mar; 3 Mar - 2 Jun (today, inclusive): 3 whole months x 9,000
        contract = self.make((TODAY - date(2025, 2, 3)).days)
        employee = contract.employee_id
        self.assertTrue(employee.hrcr_unsigned)
        self.assertEqual(employee.hrcr_double_wage_exposure, 27000.0)
        self.assertEqual(employee.hrcr_company_currency_id, self.company.currency_id)
        self.assertFalse(employee.hrcr_deemed_open_ended)
        old = self.make(400).employee_id
        self.assertEqual(old.hrcr_double_wage_exposure, 99000.0)  # capped at 11 months (month 2..12)
        self.assertTrue(old.hrcr_deemed_open_ended)
        unsigned = self.env["hr.employee"].search([("hrcr_unsigned", "=", True)])
        self.assertIn(employee, unsigned)
        contract.hrcr_signing_date = TODAY
        self.assertNotIn(employee, self.env["hr.employee"].search([("hrcr_unsigned", "=", True)]))
        # shown on the employee form to HR (LCL 82), not only in the Unsigned contracts list
        arch = self.env["hr.employee"].with_user(self.hr_officer).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="hrcr_double_wage_exposure"', arch)
        self.assertIn('name="hrcr_deemed_open_ended"', arch)

    def test_probation_ending_alert_once_and_rearmed(self):
        self.company.hrcr_probation_alert_days = 15
        ending = self.make(20, hrcr_signing_date=TODAY - timedelta(days=20), trial_date_end=TODAY + timedelta(days=10))
        later = self.make(20, hrcr_signing_date=TODAY - timedelta(days=20), trial_date_end=TODAY + timedelta(days=16))
        Employee = self.env["hr.employee"]
        Employee._cron_hrcr_unsigned_contract_alerts()
        Employee._cron_hrcr_unsigned_contract_alerts()
        Alert = self.env["hr.contract.unsigned.alert"]
        fired = Alert.search([("kind", "=", "probation"), ("contract_id", "in", (ending | later).ids)])
        self.assertEqual(fired.contract_id, ending)
        self.assertEqual(fired.stage_days, 10)
        self.assertIn("LCL 21", fired.activity_id.note)
        self.assertEqual(fired.activity_id.user_id, self.hr_officer)
        ending.trial_date_end = TODAY + timedelta(days=12)  # a new end date fires again
        Employee._cron_hrcr_unsigned_contract_alerts()
        self.assertEqual(Alert.search_count([("kind", "=", "probation"), ("contract_id", "=", ending.id)]), 2)

    # ------------------------------------------------------------ probation on confirmation

    def test_probation_block_and_manager_override(self):
        contract = self.make(0, state="draft", date_end=TODAY + timedelta(days=364),
                             trial_date_end=TODAY + timedelta(days=89))  # 1-year term: max 2 months
        self.assertRefused(UserError, "LCL 19", contract.with_user(self.hr_officer).write, {"state": "open"})
        self.assertEqual(contract.state, "draft")
        # an officer's note does not unlock it, a manager's does, and the chatter keeps it
        with self.assertRaises(UserError):  # AccessError is a UserError
            contract.with_user(self.hr_officer).write({"state": "open", "hrcr_probation_override_note": "x"})
        # the shared override policy: a manager's note needs 20 characters (engine/override.py)
        self.assertRefused(UserError, "at least 20 characters", contract.with_user(self.hr_manager).write,
                           {"state": "open", "hrcr_probation_override_note": "Agreed with legal"})
        contract.with_user(self.hr_manager).write(
            {"state": "open", "hrcr_probation_override_note": "Agreed with legal: 3-month training plan"})
        self.assertEqual(contract.state, "open")
        self.assertTrue(any("Agreed with legal: 3-month" in (m.body or "") for m in contract.message_ids))

    def test_contract_created_running_is_checked_too(self):
        """Creating a contract directly in state 'open' (RPC, import) is a confirmation: the same LCL 19 check,
        and nothing is written when it is blocked."""
        before = self.env["hr.contract"].search_count([])
        self.assertRefused(UserError, "LCL 19", self.make, 0, date_end=TODAY + timedelta(days=364),
                           trial_date_end=TODAY + timedelta(days=89))  # 1-year term: at most 2 months
        self.assertEqual(self.env["hr.contract"].search_count([]), before)
        lawful = self.make(0, date_end=TODAY + timedelta(days=364), trial_date_end=TODAY + timedelta(days=59))
        self.assertEqual(lawful.state, "open")

    def test_task_based_contract_has_no_probation(self):
        """LCL 19 para. 3: a contract until the completion of a task allows no probation at all."""
        contract = self.make(0, state="draft", date_end=False, hrcr_task_based=True,
                             hrcr_task_description="Opening of the Hangzhou franchise office",
                             trial_date_end=TODAY + timedelta(days=29))
        self.assertRefused(UserError, "LCL 19", contract.with_user(self.hr_officer).write, {"state": "open"})
        self.assertEqual(contract.state, "draft")
        contract.write({"trial_date_end": False})
        contract.with_user(self.hr_officer).write({"state": "open"})
        self.assertEqual(contract.state, "open")

    def test_probation_warn_policy_and_wage(self):
        self.company.hrcr_probation_policy = "warn"
        contract = self.make(0, state="draft", date_end=False, trial_date_end=TODAY + timedelta(days=59),
                             hrcr_probation_wage=7000)  # open-ended; 7,000 < 80 % of 9,000
        contract.with_user(self.hr_officer).write({"state": "open"})
        self.assertEqual(contract.state, "open")
        self.assertTrue(any("LCL 20" in (m.body or "") for m in contract.message_ids))

    def test_second_probation_with_same_employer_blocked(self):
        first = self.make(400, date_end=TODAY - timedelta(days=36), trial_date_end=TODAY - timedelta(days=370),
                          state="close")
        second = self.env["hr.contract"].create({
            "name": "Second", "employee_id": first.employee_id.id, "date_start": TODAY - timedelta(days=35),
            "wage": 9000, "trial_date_end": TODAY, "state": "draft", "company_id": self.company.id})
        self.assertRefused(UserError, "only one probation", second.write, {"state": "open"})
        self.assertEqual(second.state, "draft")

    # ------------------------------------------------------------ bad input and access

    def test_bad_input_refused(self):
        contract = self.make(10)
        self.assertRefused(ValidationError, "366", contract.write,
                           {"hrcr_signing_date": contract.date_start - timedelta(days=800)})
        self.assertRefused(ValidationError, "probation end date", contract.write,
                           {"trial_date_end": contract.date_start - timedelta(days=1)})
        self.assertFalse(contract.hrcr_signing_date)
        self.assertFalse(contract.trial_date_end)
        self.assertRefused(ValidationError, "1 to 366", self.company.write, {"hrcr_unsigned_alert_days": "15,abc"})
        self.assertEqual(self.company.hrcr_unsigned_alert_days, "15,25")

    def test_access_hr_only(self):
        contract = self.make(20, hrcr_signing_date=TODAY)
        self.assertEqual(contract.with_user(self.hr_officer).hrcr_signing_date, TODAY)
        self.env["hr.employee"]._cron_hrcr_unsigned_contract_alerts()
        self.assertTrue(self.env["hr.contract.unsigned.alert"].with_user(self.hr_officer).search_count([]) >= 0)
        with self.assertRaises(AccessError):
            contract.with_user(self.plain).read(["hrcr_signing_date"])
        with self.assertRaises(AccessError):
            contract.employee_id.with_user(self.plain).read(["hrcr_double_wage_exposure"])
        with self.assertRaises(AccessError):
            self.env["hr.contract.unsigned.alert"].with_user(self.plain).search([])
        with self.assertRaises(AccessError):
            self.env["hr.contract.unsigned.alert"].with_user(self.hr_officer).create(
                {"employee_id": contract.employee_id.id, "company_id": self.company.id, "fired_on": TODAY})
