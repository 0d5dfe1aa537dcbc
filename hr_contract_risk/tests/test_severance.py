import io
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_severance import SeveranceCommon

# 12 months 2023-07 .. 2024-06 averaging exactly 12,000 (commissions make W differ from the 9,000 base)
AMOUNTS = [10000, 14000, 11000, 13000, 12000, 12000, 9000, 15000, 12500, 11500, 12000, 12000]
OVERTIME = {3: 1200}  # September's 13,000 includes 1,200 of overtime


@tagged("post_install", "-at_install")
class TestSeveranceWizard(SeveranceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lines = cls._wage_lines(cls.employee, date(2024, 6, 1), AMOUNTS, OVERTIME)

    def test_prefill_from_wage_history_and_region(self):
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertEqual(form.hire_date, date(2021, 7, 1))
        self.assertEqual(form.termination_date, date(2024, 6, 30), "defaults to the contract end")
        expected_w = sum(AMOUNTS) / len(AMOUNTS)
        self.assertAlmostEqual(form.average_monthly_wage, expected_w, places=2)
        self.assertNotEqual(form.average_monthly_wage, self.contract.wage)
        self.assertEqual(form.wage_source, "history")
        self.assertEqual(form.wage_months, 12)
        self.assertAlmostEqual(form.leave_wage, (sum(AMOUNTS) - 1200) / 12, places=2)
        self.assertAlmostEqual(form.previous_month_wage, AMOUNTS[-2], places=2, msg="May is the month before June")
        # termination in 2024 -> the 2023 average (LCL 47 ¶2 "previous year"), company city Shanghai
        self.assertEqual(form.region_id, self.region_sh_2023)
        self.assertEqual(form.local_average_wage, 10000)
        self.assertEqual(form.local_minimum_wage, 2500)
        self.assertEqual(form.compensation_months, 3)
        self.assertAlmostEqual(form.compensation_amount, 3 * expected_w, places=2)
        # untaken leave: 3 years' service -> 5 days; 182 days of leap-year 2024 -> 2.49 -> 2 days
        self.assertEqual(form.untaken_leave_days, 2)
        self.assertAlmostEqual(form.leave_pay_amount, round(2 * form.leave_wage * 2 / 21.75, 2), places=2)
        self.assertAlmostEqual(
            form.total_amount, form.compensation_amount + form.leave_pay_amount, places=2)
        self.assertIn("LCL Art. 46(5)", form.breakdown_html)
        self.assertIn("12 monthly wage lines", form.wage_info)

    def test_prefill_contract_wage_without_history(self):
        self.lines.unlink()
        form = self._wizard_form(termination_ground="mutual_employer")
        self.assertEqual(form.average_monthly_wage, 9000)
        self.assertEqual(form.wage_source, "contract")
        self.assertIn("contract wage", form.wage_info)
        self.assertIn("contract wage", form.breakdown_html)
        self.assertEqual(form.compensation_amount, 27000)

    def test_context_defaults_are_kept(self):
        form = self._wizard_form(termination_ground="layoff", termination_date=date(2024, 3, 31))
        self.assertEqual(form.termination_date, date(2024, 3, 31))
        self.assertEqual(form.termination_ground, "layoff")
        self.assertEqual(form.contract_id, self.contract)
        # 2021-07-01 .. 2024-03-31 = 2y 9m -> 3
        self.assertEqual(form.compensation_months, 3)

    def test_region_from_work_location(self):
        address = self.env["res.partner"].create({"name": "Beijing office", "city": "北京市"})
        location = self.env["hr.work.location"].create({
            "name": "BJ", "address_id": address.id, "company_id": self.company.id})
        self.employee.work_location_id = location
        form = self._wizard_form(termination_ground="mutual_employer")
        self.assertEqual(form.work_city, "北京市")
        self.assertEqual(form.region_id, self.region_bj_2023)
        self.assertEqual(form.local_average_wage, 9000)

    def test_region_year_rule_setting(self):
        self.company.hrcr_region_year_rule = "published"
        form = self._wizard_form(termination_ground="mutual_employer", termination_date=date(2025, 3, 31))
        self.assertEqual(form.region_id, self.region_sh_2023, "before July the 2023 figure still applies")
        self.company.hrcr_region_year_rule = "latest_available"
        form = self._wizard_form(termination_ground="mutual_employer", termination_date=date(2026, 3, 31))
        self.assertEqual(form.region_id, self.region_sh_2024)
        self.assertTrue(form.region_fallback)
        self.assertIn("latest configured year", form.breakdown_html)

    def test_minimum_wage_from_date(self):
        self.region_sh_2024.write({"minimum_wage": 2690, "minimum_wage_from": date(2024, 7, 1)})
        before = self._wizard_form(termination_ground="mutual_employer", termination_date=date(2024, 6, 30))
        self.assertEqual(before.local_minimum_wage, 2500)
        after = self._wizard_form(termination_ground="mutual_employer", termination_date=date(2025, 1, 31))
        self.assertEqual(after.region_id, self.region_sh_2024)
        self.assertEqual(after.local_minimum_wage, 2690)

    def test_each_ground_amount(self):
        # 3 years, W = 12,000, A = 10,000: N = 3
        expected = {
            "mutual_employer": 36000, "mutual_employee": 0, "resignation": 0, "employer_fault_resignation": 36000,
            "dismissal_cause": 0, "no_fault_dismissal": 36000, "layoff": 36000, "expiry_not_renewed": 36000,
            "expiry_worse_terms_declined": 36000, "expiry_employee_declined": 0, "task_completed": 36000,
            "retirement": 0, "death": 0, "employer_closure": 36000, "unlawful": 72000,
        }
        grounds = [key for key, _label in self.env["hr.severance.wizard"]._fields["termination_ground"].selection]
        self.assertEqual(set(grounds), set(expected))
        for ground in grounds:
            with self.subTest(ground=ground):
                wiz = self._wizard(termination_ground=ground, notice_given="yes", no_fault_reason="incompetence",
                                   leave_days_taken=5)
                self.assertEqual(wiz.compensation_amount, expected[ground])
                self.assertEqual(wiz.notice_pay_amount, 0)
                self.assertEqual(wiz.total_amount, expected[ground])
        n_plus_1 = self._wizard(termination_ground="no_fault_dismissal", notice_given="no",
                                no_fault_reason="objective_change", leave_days_taken=5)
        self.assertEqual(n_plus_1.notice_pay_amount, AMOUNTS[-2])
        self.assertEqual(n_plus_1.total_amount, 36000 + AMOUNTS[-2])
        self.assertIn("Reg", n_plus_1.breakdown_html)

    def test_cap_and_floor_warnings(self):
        high = self._wizard(termination_ground="layoff", average_monthly_wage=40000, wage_override_reason="test",
                            leave_days_taken=5)
        self.assertEqual(high.compensation_amount, 90000)  # 3 x 3A
        self.assertIn("3A", high.breakdown_html)
        low = self._wizard(termination_ground="layoff", average_monthly_wage=2000, wage_override_reason="test",
                           leave_days_taken=5)
        self.assertEqual(low.compensation_amount, 7500)  # 3 x minimum wage
        self.assertIn("minimum wage", low.breakdown_html)

    def test_wage_change_requires_reason(self):
        wiz = self._wizard(termination_ground="mutual_employer", average_monthly_wage=15000)
        self.assertTrue(wiz.wage_changed)
        before = self._counts()
        with self.assertRaisesRegex(UserError, "Reason for Changing W"):
            wiz.action_confirm()
        self.assertEqual(self._counts(), before)
        wiz.wage_override_reason = "Commission of May paid late"
        wiz.action_confirm()
        self.assertEqual(wiz.severance_id.wage_override_reason, "Commission of May paid late")
        self.assertEqual(wiz.severance_id.average_monthly_wage, 15000)


@tagged("post_install", "-at_install")
class TestSeveranceBadInput(SeveranceCommon):
    def _assert_refused(self, wiz, pattern):
        before = self._counts()
        with self.assertRaisesRegex(UserError, pattern):
            wiz.action_confirm()
        self.assertEqual(self._counts(), before, "nothing created")
        self.assertFalse(wiz.severance_id)

    def test_termination_before_hire(self):
        wiz = self._wizard(termination_ground="mutual_employer", termination_date=date(2021, 6, 30))
        self.assertIn("before the hire date", wiz.breakdown_html)
        self._assert_refused(wiz, "before the hire date")

    def test_wage_zero_or_negative(self):
        for wage in (0, -100):
            with self.subTest(wage=wage):
                wiz = self._wizard(termination_ground="mutual_employer", average_monthly_wage=wage,
                                   wage_override_reason="test")
                self._assert_refused(wiz, "greater than zero")

    def test_missing_region(self):
        wiz = self._wizard(termination_ground="mutual_employer", termination_date=date(2023, 6, 30))
        self.assertFalse(wiz.region_id)
        self.assertIn("2022", wiz.region_message)
        self._assert_refused(wiz, "No regional parameters for Shanghai, average-wage year 2022")

    def test_missing_region_not_needed_for_zero_grounds(self):
        wiz = self._wizard(termination_ground="resignation", termination_date=date(2023, 6, 30), leave_days_taken=5)
        wiz.action_confirm()
        self.assertEqual(wiz.severance_id.state, "confirmed")
        self.assertFalse(wiz.severance_id.move_id, "nothing to pay: no entry")

    def test_n_plus_1_without_notice_info(self):
        wiz = self._wizard(termination_ground="no_fault_dismissal", no_fault_reason="incompetence")
        self._assert_refused(wiz, "30 days' written notice")

    def test_confirm_twice(self):
        wiz = self._wizard(termination_ground="mutual_employer")
        wiz.action_confirm()
        severance = wiz.severance_id
        before = self._counts()
        with self.assertRaisesRegex(UserError, "already confirmed"):
            wiz.action_confirm()
        with self.assertRaisesRegex(UserError, "already confirmed"):
            severance.action_confirm()
        other = self._wizard(termination_ground="mutual_employer")
        with self.assertRaisesRegex(UserError, "already exists"):
            other.action_confirm()
        self.assertEqual(self._counts(), before)

    def test_confirmed_severance_is_frozen(self):
        wiz = self._wizard(termination_ground="mutual_employer")
        wiz.action_confirm()
        with self.assertRaises(UserError):
            wiz.severance_id.with_user(self.hr_user).average_monthly_wage = 1

    def test_wage_history_constraints(self):
        History = self.env["hr.wage.history"]
        line = History.create({"employee_id": self.employee.id, "month": "2024-01-17", "amount": 100})
        self.assertEqual(line.month, date(2024, 1, 1), "month normalized to the 1st")
        with self.assertRaises(ValidationError):
            History.create({"employee_id": self.employee.id, "month": "2024-02-01", "amount": -1})
        with self.assertRaises(ValidationError):
            History.create({"employee_id": self.employee.id, "month": "2024-02-01", "amount": 10,
                            "overtime_amount": 20})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            History.create({"employee_id": self.employee.id, "month": "2024-01-31", "amount": 100})

    def test_region_constraints(self):
        with self.assertRaises(ValidationError):
            self.env["hr.labour.region"].create({"city": "X", "year": 2024, "average_monthly_wage": 0,
                                                 "minimum_wage": 10})
        with self.assertRaises(ValidationError):
            self.env["hr.labour.region"].create({"city": "X", "year": 2024, "average_monthly_wage": 10,
                                                 "minimum_wage": 10, "source_url": "ftp://x"})


@tagged("post_install", "-at_install")
class TestSeveranceWageImport(SeveranceCommon):
    def test_standard_import(self):
        History = self.env["hr.wage.history"].with_user(self.hr_user)
        result = History.load(
            ["employee_id", "month", "amount", "overtime_amount"],
            [["Wang Wei", "2024-01-15", "12000", "0"], ["Wang Wei", "2024-02-01", "13500", "800"]],
        )
        self.assertFalse(result["messages"], result["messages"])
        lines = History.browse(result["ids"])
        self.assertEqual(lines.mapped("month"), [date(2024, 1, 1), date(2024, 2, 1)])
        self.assertEqual(lines.mapped("has_overtime"), [False, True])
        self.assertEqual(lines.company_id, self.company)


@tagged("post_install", "-at_install")
class TestSeveranceAccounting(SeveranceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._wage_lines(cls.employee, date(2024, 6, 1), AMOUNTS, OVERTIME)

    def _confirm(self, ground="expiry_not_renewed", **vals):
        vals.setdefault("leave_days_taken", 5)
        wiz = self._wizard(termination_ground=ground, **vals)
        action = wiz.action_confirm()
        self.assertEqual(action["res_model"], "hr.severance")
        return wiz.severance_id

    def test_record_and_balanced_draft_entry(self):
        severance = self._confirm(untaken_leave_days=3, leave_days_taken=0)
        self.assertEqual(severance.state, "confirmed")
        self.assertTrue(severance.name.startswith("SEV/"))
        self.assertEqual(severance.create_uid, self.hr_user)
        move = severance.move_id
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, "draft")
        self.assertEqual(move.move_type, "entry")
        self.assertEqual(move.journal_id, self.journal)
        self.assertEqual(move.partner_id, self.employee.work_contact_id)
        debit = move.line_ids.filtered(lambda line: line.debit)
        credit = move.line_ids.filtered(lambda line: line.credit)
        self.assertEqual(debit.account_id, self.expense, "default: the 6602 account")
        self.assertEqual(credit.account_id, self.payable, "default: the 2211 account")
        self.assertEqual(len(debit), 2, "compensation and leave pay")
        self.assertAlmostEqual(sum(debit.mapped("debit")), severance.total_amount, places=2)
        self.assertAlmostEqual(credit.credit, severance.total_amount, places=2)
        self.assertAlmostEqual(sum(move.line_ids.mapped("balance")), 0.0, places=2)
        self.assertEqual(set(move.line_ids.partner_id.ids), {self.employee.work_contact_id.id})
        for line in debit:
            self.assertEqual(line.analytic_distribution, {str(self.analytic.id): 100.0})
        self.assertFalse(credit.analytic_distribution)
        self.assertEqual(severance.total_amount, 36000 + severance.leave_pay_amount)
        self.assertTrue(severance.leave_pay_amount > 0)
        # the statement was generated and attached
        self.assertTrue(severance.statement_attachment_id)
        self.assertIn(b"Wang Wei", severance.statement_attachment_id.raw)

    def test_settings_choose_accounts(self):
        other_expense = self.env["account.account"].create({
            "name": "Other", "code": "660999", "account_type": "expense", "company_ids": [self.company.id]})
        self.company.hrcr_severance_expense_account_id = other_expense
        severance = self._confirm()
        self.assertEqual(severance.move_id.line_ids.filtered("debit").account_id, other_expense)

    def test_missing_accounting_setup(self):
        self.company.hrcr_severance_journal_id = False
        self.env["account.journal"].search([("type", "=", "general"), ("company_id", "=", self.company.id)]).write(
            {"type": "sale"})
        before = self._counts()
        with self.assertRaisesRegex(UserError, "miscellaneous journal"):
            self._confirm()
        self.assertEqual(self.env["hr.severance"].search_count([]), before[0])

    def test_posting_as_accounting_user(self):
        severance = self._confirm()
        with self.assertRaises(AccessError):
            severance.move_id.with_user(self.hr_user).action_post()
        severance.move_id.with_user(self.finance_user).action_post()
        self.assertEqual(severance.move_id.state, "posted")
        self.assertEqual(severance.state, "posted")
        severance.move_id.with_user(self.finance_user).button_draft()
        self.assertEqual(severance.state, "confirmed")
        severance.move_id.with_user(self.finance_user).action_post()
        severance.with_user(self.hr_user).action_mark_paid()
        self.assertEqual(severance.state, "paid")
        with self.assertRaises(UserError):
            severance.with_user(self.hr_user).action_cancel()

    def test_cancel_draft_entry(self):
        severance = self._confirm()
        self.env.invalidate_all()  # as in a new request: nothing of the entry in the cache
        severance.with_user(self.hr_user).action_cancel()
        self.assertEqual(severance.state, "cancelled")
        self.assertEqual(severance.move_id.state, "cancel")
        # a new computation is possible once the old one is cancelled
        again = self._confirm()
        self.assertEqual(again.state, "confirmed")

    def test_cancel_posted_entry_reverses(self):
        severance = self._confirm()
        severance.move_id.with_user(self.finance_user).action_post()
        with self.assertRaisesRegex(UserError, "accounting user"):
            severance.with_user(self.hr_user).action_cancel()
        severance.with_user(self.finance_user).action_cancel()
        self.assertEqual(severance.state, "cancelled")
        reversal = severance.reversal_move_id
        self.assertEqual(reversal.reversed_entry_id, severance.move_id)
        self.assertEqual(reversal.state, "posted")
        payable_lines = (severance.move_id | reversal).line_ids.filtered(lambda line: line.account_id == self.payable)
        self.assertTrue(all(payable_lines.mapped("reconciled")))

    def test_statement_renders_in_the_employee_language(self):
        severance = self._confirm()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hr_contract_risk.action_report_severance_statement", severance.ids)[0].decode()
        self.assertIn("Severance Statement", html)
        self.assertIn("Wang Wei", html)
        self.assertIn("LCL Art. 44(1)", html)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["hr_contract_risk"], ["zh_CN"], overwrite=True)
        self.employee.work_contact_id.lang = "zh_CN"
        html_zh = self.env["ir.actions.report"]._render_qweb_html(
            "hr_contract_risk.action_report_severance_statement", severance.ids)[0].decode()
        self.assertIn("经济补偿金计算单", html_zh)
        self.assertIn("劳动合同法》第44(1)条", html_zh)
        self.assertNotIn("Severance Statement", html_zh)

    def test_register_xlsx(self):
        import openpyxl

        first = self._confirm()
        second_employee = self.env["hr.employee"].create({"name": "Li Na", "company_id": self.company.id})
        self.env["hr.contract"].create({
            "name": "Li Na", "employee_id": second_employee.id, "date_start": date(2005, 7, 1),
            "date_end": date(2024, 3, 31), "wage": 8000, "state": "open"})
        wiz = self.env["hr.severance.wizard"].with_user(self.hr_user).create({
            "employee_id": second_employee.id, "termination_ground": "layoff", "leave_days_taken": 5})
        wiz.action_confirm()
        second = wiz.severance_id
        outside = self._wizard(termination_ground="mutual_employer", termination_date=date(2023, 12, 31),
                               local_average_wage=10000, local_minimum_wage=2500, leave_days_taken=5)
        outside.action_confirm()
        export = self.env["hr.severance.register.wizard"].with_user(self.hr_user).create({
            "date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31)})
        action = export.action_export()
        self.assertIn(f"/web/content/{export.attachment_id.id}", action["url"])
        book = openpyxl.load_workbook(io.BytesIO(export.attachment_id.raw))
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[2]
        data = {row[0]: dict(zip(header, row)) for row in rows[3:]}
        self.assertEqual(set(data), {first.name, second.name})
        self.assertEqual(data[first.name]["Employee"], "Wang Wei")
        self.assertAlmostEqual(data[first.name]["Total"], first.total_amount, places=2)
        self.assertAlmostEqual(data[second.name]["Compensation"], second.compensation_amount, places=2)
        self.assertEqual(data[second.name]["N Before 2008"], 3)  # 2005-07 .. 2007-12: 2y 6m -> 3
        self.assertTrue(data[first.name]["Articles"])
        segments = list(book.worksheets[1].iter_rows(values_only=True))[3:]
        self.assertEqual(len([s for s in segments if s[0] == second.name]), 2)


@tagged("post_install", "-at_install")
class TestSeveranceAccess(SeveranceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        wiz = cls.env["hr.severance.wizard"].with_user(cls.hr_user).create({
            "employee_id": cls.employee.id, "termination_ground": "mutual_employer", "leave_days_taken": 5})
        wiz.action_confirm()
        cls.severance = wiz.severance_id

    def test_hr_officer_creates_and_confirms(self):
        self.assertEqual(self.severance.create_uid, self.hr_user)
        self.assertEqual(self.severance.state, "confirmed")
        self.assertTrue(self.severance.with_user(self.hr_user).breakdown_html)

    def test_manager_and_employee_see_nothing(self):
        self.env.invalidate_all()
        for user in (self.manager_user, self.employee_user):
            with self.subTest(user=user.login):
                for model in ("hr.severance", "hr.wage.history", "hr.labour.region", "hr.severance.wizard",
                              "hr.severance.register.wizard"):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.severance.with_user(user).read(["total_amount"])
                with self.assertRaises(AccessError):
                    self.env["hr.severance.wizard"].with_user(user).create({
                        "employee_id": self.employee.id, "termination_ground": "resignation"})
                with self.assertRaises(AccessError):
                    self.env["hr.wage.history"].with_user(user).create({
                        "employee_id": self.employee.id, "month": "2024-01-01", "amount": 1})

    def test_finance_reads_and_posts_but_does_not_create(self):
        self.env.invalidate_all()  # no value cached by the HR officer's session
        severance = self.severance.with_user(self.finance_user)
        self.assertEqual(severance.total_amount, self.severance.total_amount)
        self.assertTrue(severance.breakdown_html)
        with self.assertRaises(AccessError):
            self.env["hr.severance.wizard"].with_user(self.finance_user).create({
                "employee_id": self.employee.id, "termination_ground": "resignation"})
        with self.assertRaises(AccessError):
            self.env["hr.wage.history"].with_user(self.finance_user).search([])

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Beijing Branch"})
        employee = self.env["hr.employee"].create({"name": "Other", "company_id": other.id})
        foreign = self.env["hr.severance"].create({
            "company_id": other.id, "employee_id": employee.id, "hire_date": date(2020, 1, 1),
            "termination_date": date(2024, 1, 1), "termination_ground": "resignation", "average_monthly_wage": 5000,
        })
        self.assertNotIn(foreign, self.env["hr.severance"].with_user(self.hr_user).search([]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.hr_user).read(["total_amount"])
        region = self.env["hr.labour.region"].create({
            "company_id": other.id, "city": "北京", "year": 2023, "average_monthly_wage": 1, "minimum_wage": 1})
        self.assertNotIn(region, self.env["hr.labour.region"].with_user(self.hr_user).search([]))


@tagged("post_install", "-at_install")
class TestSeveranceForm(SeveranceCommon):
    def test_form_flow_notice_fields(self):
        self._wage_lines(self.employee, date(2024, 6, 1), AMOUNTS)
        form = self._wizard_form(termination_ground="no_fault_dismissal")
        form.no_fault_reason = "incompetence"
        form.notice_given = "no"
        form.leave_days_taken = 5
        self.assertEqual(form.notice_pay_amount, AMOUNTS[-2])
        wiz = form.save()
        wiz.action_confirm()
        severance = wiz.severance_id
        self.assertEqual(severance.notice_pay_amount, AMOUNTS[-2])
        self.assertEqual(severance.total_amount, 36000 + AMOUNTS[-2])
        self.assertEqual(len(severance.move_id.line_ids), 3)
        with Form(severance.with_user(self.hr_user)) as sev_form:
            self.assertEqual(sev_form.state, "confirmed")
