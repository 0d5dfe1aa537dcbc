from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common_severance import SeveranceCommon
from .test_integrity import IntegrityMixin

TODAY = date(2025, 3, 3)
DEPARTURE = date(2025, 1, 31)  # restriction from 1 Feb 2025; Shanghai 2024 minimum wage 2,600


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestNonCompete(IntegrityMixin, SeveranceCommon):
    """Non-compete (LCL 23, 24; SPC Interpretation (I) Arts. 36-39) in Odoo, at a pinned date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_manager = new_test_user(
            cls.env, "nc_manager", groups="hr.group_hr_manager,hr_contract.group_hr_contract_manager",
            company_id=cls.company.id)
        cls.company.hrcr_nc_accounting = "monthly"
        cls._seq = 0

    def make(self, wage=10000, departure=DEPARTURE, category="senior_manager", months=12, agreed=0.0):
        type(self)._seq += 1
        employee = self.env["hr.employee"].create({"name": f"NC Leaver {self._seq}", "company_id": self.company.id})
        contract = self.env["hr.contract"].create({
            "name": f"NC Contract {self._seq}", "employee_id": employee.id, "company_id": self.company.id,
            "date_start": date(2020, 2, 1), "date_end": departure, "wage": 9000, "state": "close",
            "hr_responsible_id": self.hr_user.id, "hrcr_nc_category": category,
            "hrcr_nc_duration_months": months, "hrcr_nc_compensation": agreed,
        })
        self._wage_lines(employee, date(departure.year, departure.month, 1), [wage] * 12)
        employee.departure_date = departure
        return contract

    def start(self, contract, user=None):
        contract.with_user(user or self.hr_user).action_hrcr_start_non_compete()
        return contract.hrcr_non_compete_ids

    def assertRefused(self, exception, fragment, func, *args, **kwargs):
        with self.assertRaises(exception) as cm:  # Odoo's assertRaises rolls back to a savepoint
            func(*args, **kwargs)
        self.assertIn(fragment, str(cm.exception))

    # ------------------------------------------------------------ schedule and compensation (Art. 36)

    def test_schedule_default_compensation_entries_and_activity(self):
        nc = self.start(self.make(wage=10000))
        self.assertEqual(nc.compensation_source, "default")
        self.assertEqual(nc.average_wage_12m, 10000)
        self.assertEqual(nc.monthly_compensation, 3000)  # 30 % of the 12-month average (Interp. Art. 36)
        self.assertEqual((nc.restriction_start, nc.restriction_end), (date(2025, 2, 1), date(2026, 1, 31)))
        lines = nc.line_ids.sorted("sequence")
        self.assertEqual(len(lines), 12)
        self.assertEqual((lines[0].period_start, lines[0].period_end), (date(2025, 2, 1), date(2025, 2, 28)))
        self.assertEqual(nc.total_amount, 36000)
        # one draft entry per month, severance journal and accounts
        self.assertEqual(len(lines.move_id), 12)
        self.assertEqual(set(lines.move_id.mapped("state")), {"draft"})
        self.assertEqual(lines.move_id.journal_id, self.journal)
        self.assertEqual(set(lines.move_id.line_ids.account_id.ids), {self.expense.id, self.payable.id})
        # the enforce-or-waive to-do goes to the HR responsible
        self.assertEqual(nc.decision_activity_id.user_id, self.hr_user)
        self.assertIn("Art. 39", nc.decision_activity_id.note)
        # a second start is refused
        self.assertRefused(UserError, "already started", nc.contract_id.with_user(self.hr_user)
                           .action_hrcr_start_non_compete)

    def test_agreed_compensation_and_floor(self):
        nc = self.start(self.make(wage=10000, agreed=5000))
        self.assertEqual((nc.compensation_source, nc.monthly_compensation), ("agreed", 5000))
        # agreed below the local minimum wage: refused, nothing written
        contract = self.make(wage=10000, agreed=2000)
        count = self.env["hr.non.compete"].search_count([])
        self.assertRefused(UserError, "2600", contract.with_user(self.hr_user).action_hrcr_start_non_compete)
        self.assertEqual(self.env["hr.non.compete"].search_count([]), count)

    def test_minimum_wage_floor(self):
        nc = self.start(self.make(wage=8000))  # 30 % = 2,400 < 2,600
        self.assertEqual(nc.monthly_compensation, 2600)
        self.assertEqual(nc.minimum_wage, 2600)

    def test_accrual_mode_one_entry(self):
        self.company.hrcr_nc_accounting = "accrual"
        nc = self.start(self.make(wage=10000, months=6))
        self.assertEqual(len(nc.line_ids.move_id), 1)
        self.assertEqual(nc.accrual_move_id, nc.line_ids.move_id)
        self.assertEqual(nc.accrual_move_id.amount_total, 18000)

    def test_start_needs_departure_date(self):
        contract = self.make()
        contract.employee_id.departure_date = False
        self.assertRefused(UserError, "departure date", contract.with_user(self.hr_user).action_hrcr_start_non_compete)

    def test_severance_confirmation_starts_the_non_compete(self):
        self.contract.write({"hrcr_nc_category": "senior_technical", "hrcr_nc_duration_months": 6})
        wiz = self._wizard(termination_ground="mutual_employer")  # ends 2024-06-30; Shanghai 2023 minimum 2,500
        wiz.action_confirm()
        nc = self.contract.hrcr_non_compete_ids
        self.assertEqual(len(nc), 1)
        self.assertEqual((nc.departure_date, nc.restriction_start), (date(2024, 6, 30), date(2024, 7, 1)))
        self.assertEqual(nc.monthly_compensation, 2700)  # no wage history: 30 % of the contract wage 9,000
        self.assertEqual(len(nc.line_ids), 6)
        self.assertIn("Non-compete started", wiz.severance_id.message_ids.mapped("body")[0])

    # ------------------------------------------------------------ clause bounds (LCL 24)

    def test_duration_over_24_months_refused(self):
        contract = self.make()
        self.assertRefused(ValidationError, "1 to 24 months (LCL 24)", contract.with_user(self.hr_user).write,
                           {"hrcr_nc_duration_months": 25})
        self.assertEqual(contract.hrcr_nc_duration_months, 12)
        self.assertRefused(ValidationError, "LCL 24", contract.write,
                           {"hrcr_nc_category": False, "hrcr_nc_duration_months": 6})

    # ------------------------------------------------------------ waiver (Art. 39) and freezing

    def test_waiver_during_term_costs_three_months_and_freezes(self):
        nc = self.start(self.make(wage=10000))
        self.assertRefused(AccessError, "HR manager", nc.with_user(self.hr_user).action_waive)
        nc.with_user(self.hr_manager).action_waive()
        self.assertEqual(nc.state, "waived")
        self.assertEqual(nc.waiver_cost, 9000)
        waiver = nc.line_ids.filtered(lambda line: line.kind == "waiver")
        self.assertEqual((waiver.amount, waiver.move_id.state), (9000, "draft"))
        # February and March (started before the waiver) are still owed; April onwards cancelled
        cancelled = nc.line_ids.filtered(lambda line: line.state == "cancelled")
        self.assertEqual(len(cancelled), 10)
        self.assertFalse(cancelled.move_id)
        self.assertEqual(nc.total_amount, 6000 + 9000)
        self.assertFalse(nc.decision_activity_id.exists())
        # frozen: clause fields and the responsible refused for every user, the note stays writable
        self.assertRefused(UserError, "frozen", nc.with_user(self.hr_manager).write, {"user_id": self.hr_manager.id})
        self.assertRefused(UserError, "frozen", nc.with_user(self.hr_manager).write, {"monthly_compensation": 1})
        self.assertRefused(UserError, "already waived", nc.with_user(self.hr_manager).action_waive)
        nc.with_user(self.hr_user).write({"note": "Released by letter."})
        self.assertEqual(nc.monthly_compensation, 3000)

    def test_waiver_before_restriction_is_free(self):
        nc = self.start(self.make(wage=10000, departure=date(2025, 3, 10)))
        nc.with_user(self.hr_manager).action_waive()
        self.assertEqual(nc.waiver_cost, 0)
        self.assertEqual(set(nc.line_ids.mapped("state")), {"cancelled"})
        self.assertEqual(nc.total_amount, 0)

    def test_running_obligation_workflow_fields_refused(self):
        nc = self.start(self.make())
        self.assertRefused(UserError, "buttons", nc.with_user(self.hr_user).write, {"state": "closed"})
        self.assertRefused(UserError, "Mark as Paid", nc.line_ids[0].with_user(self.hr_manager).write,
                           {"state": "paid"})
        nc.with_user(self.hr_user).write({"user_id": self.hr_manager.id})
        self.assertEqual(nc.user_id, self.hr_manager)

    def test_close_cancels_future_months_and_unlink_rules(self):
        nc = self.start(self.make(wage=10000))
        self.assertRefused(AccessError, "HR officers", nc.with_user(self.finance_user).action_close)
        nc.with_user(self.hr_user).action_close()
        self.assertEqual(nc.state, "closed")
        self.assertEqual(len(nc.line_ids.filtered(lambda line: line.state == "cancelled")), 10)  # April onwards
        self.assertRefused(UserError, "frozen", nc.with_user(self.hr_user).write, {"user_id": self.hr_manager.id})
        # accrual mode: a draft reversal for the months no longer owed
        self.company.hrcr_nc_accounting = "accrual"
        accrued = self.start(self.make(wage=10000, months=6))
        accrued.with_user(self.hr_user).action_close()
        self.assertEqual(accrued.reversal_move_id.amount_total, 4 * 3000)
        # HR manager deletes an obligation without posted entries (its drafts go too), never one with a posted entry
        other = self.start(self.make(wage=10000))
        moves = other.line_ids.move_id
        other.line_ids[0].move_id.action_post()
        self.assertRefused(UserError, "posted", other.with_user(self.hr_manager).unlink)
        other.line_ids[0].move_id.button_draft()
        other.with_user(self.hr_manager).unlink()
        self.assertFalse(moves.exists())
        with self.assertRaises(AccessError):
            nc.with_user(self.hr_user).unlink()
        self.assertRefused(UserError, "stays on file", nc.with_user(self.hr_manager).unlink)  # closed: frozen

    # ------------------------------------------------------------ Art. 38 alert

    def test_art38_alert_once(self):
        nc = self.start(self.make(wage=10000))  # nothing paid: the employee may end it from 1 May 2025
        Obligation = self.env["hr.non.compete"]
        self.assertEqual(Obligation._cron_hrcr_non_compete_art38(), 0)  # 3 Mar: before the alert date
        with freeze_time(date(2025, 4, 20)):
            self.assertEqual(Obligation._cron_hrcr_non_compete_art38(), 1)
            self.assertEqual(Obligation._cron_hrcr_non_compete_art38(), 0)
        self.assertEqual(nc.art38_alerted_exit_date, date(2025, 5, 1))
        alerts = nc.activity_ids.filtered(lambda a: "may end it" in (a.summary or ""))
        self.assertEqual(len(alerts), 1)
        self.assertEqual(alerts.user_id, self.hr_user)
        self.assertIn("Art. 38", alerts.note)

    # ------------------------------------------------------------ finance and access

    def test_finance_marks_paid_only_posted_lines(self):
        nc = self.start(self.make(wage=10000))
        line = nc.line_ids.sorted("sequence")[0]
        self.assertRefused(UserError, "posted", line.with_user(self.finance_user).action_mark_paid)
        self.assertEqual(line.state, "draft")
        line.move_id.with_user(self.finance_user).action_post()
        self.assertEqual(line.state, "posted")
        line.with_user(self.finance_user).action_mark_paid()
        self.assertEqual(line.state, "paid")
        self.assertEqual(nc.paid_amount, 3000)
        # finance reads, never writes
        self.assertEqual(nc.with_user(self.finance_user).monthly_compensation, 3000)
        with self.assertRaises(AccessError):
            nc.with_user(self.finance_user).write({"note": "x"})

    def test_finance_opens_the_views(self):
        """Finance reads what the list and form show (no access to contracts or journal-entry fields it lacks)."""
        nc = self.start(self.make())
        Obligation = self.env["hr.non.compete"].with_user(self.finance_user)
        for view_type in ("list", "form"):
            views = Obligation.get_views([(False, view_type)])
            fields_shown = views["models"]["hr.non.compete"]["fields"]
            spec = {name: ({"fields": {"display_name": {}}} if Obligation._fields[name].type == "many2one" else {})
                    for name in fields_shown if Obligation._fields[name].type not in ("one2many", "many2many")}
            self.assertTrue(Obligation.browse(nc.id).web_read(spec))
        self.assertNotIn('name="contract_id"', Obligation.get_views([(False, "form")])["views"]["form"]["arch"])
        lines = self.env["hr.non.compete.line"].with_user(self.finance_user).browse(nc.line_ids.ids)
        self.assertTrue(lines.web_read({"move_id": {"fields": {"display_name": {}}}, "amount": {}, "state": {}}))

    def test_access_per_role(self):
        nc = self.start(self.make())
        # employees: nothing
        for model in ("hr.non.compete", "hr.non.compete.line"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.employee_user).search([])
        with self.assertRaises(AccessError):
            nc.contract_id.with_user(self.employee_user).read(["hrcr_nc_category"])
        with self.assertRaises(AccessError):
            self.start(self.make(), user=self.employee_user)
        # HR officer: reads and writes, cannot create by hand
        self.assertEqual(self.env["hr.non.compete"].with_user(self.hr_user).search([("id", "=", nc.id)]), nc)
        with self.assertRaises(AccessError):
            self.env["hr.non.compete"].with_user(self.hr_user).create({
                "employee_id": nc.employee_id.id, "contract_id": nc.contract_id.id, "company_id": self.company.id})
        # HR manager: create is still only through the contract
        self.assertRefused(UserError, "Start non-compete", self.env["hr.non.compete"].with_user(self.hr_manager).create,
                           {"employee_id": nc.employee_id.id, "contract_id": nc.contract_id.id,
                            "company_id": self.company.id})
        # multi-company: another company's obligation is invisible
        other = self.env["res.company"].create({"name": "NC Other Co"})
        employee = self.env["hr.employee"].create({"name": "NC Other", "company_id": other.id})
        contract = self.env["hr.contract"].create({
            "name": "NC Other", "employee_id": employee.id, "company_id": other.id, "date_start": date(2020, 1, 1),
            "wage": 5000})
        foreign = self.env["hr.non.compete"].sudo().create({
            "employee_id": employee.id, "contract_id": contract.id, "company_id": other.id,
            "line_ids": [Command.create({"period_start": TODAY, "period_end": TODAY, "amount": 1})]})
        self.assertFalse(self.env["hr.non.compete"].with_user(self.hr_user).search([("id", "=", foreign.id)]))
        self.assertFalse(self.env["hr.non.compete.line"].with_user(self.finance_user).search(
            [("id", "in", foreign.line_ids.ids)]))

    # ------------------------------------------------------------ the generated walk (tests/test_integrity.py)

    def _users(self):
        return self.hr_user | self.hr_manager | self.finance_user | self.manager_user | self.employee_user

    def test_generated_walk_waived_and_closed(self):
        """A waived and a closed obligation and their payments: every stored field but the note, as every role
        under client contexts, refused and unchanged; their buttons change nothing."""
        waived = self.start(self.make(wage=10000))
        waived.with_user(self.hr_manager).action_waive()
        closed = self.start(self.make(wage=10000))
        closed.with_user(self.hr_user).action_close()
        for nc in (waived, closed):
            fields_ = {n for n, f in nc._fields.items() if f.store} - {"note"}  # the note stays writable
            self.assertWalkFrozen(nc, self._users(), only=fields_)
            self.assertActionsKeepFrozen(nc, self._users())
            self.assertWalkFrozen(nc.line_ids[0], self._users())
