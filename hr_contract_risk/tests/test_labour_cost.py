from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestLabourCost(AccountTestInvoicingCommon):
    """Labour cost analysis: one department, two employees, a hand calculation.

    The month is the previous calendar month (the report covers the last 36 months); both
    employees are employed the whole month, so the figures do not depend on its length.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        # the report's 36-month grid is anchored on the database clock (an SQL view): take the month from
        # it too, so the test holds when Python's clock differs (faketime, a server in another time zone)
        cls.env.cr.execute("SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date")
        cls.month = cls.env.cr.fetchone()[0]
        cls.region = cls.env["hr.labour.region"].create({
            "company_id": cls.company.id, "city": "上海", "year": 2023,
            "average_monthly_wage": 10000, "minimum_wage": 2500,
            "hrcr_pension_rate": 16, "hrcr_medical_rate": 10, "hrcr_unemployment_rate": 0.5,
            "hrcr_work_injury_rate": 0.2, "hrcr_housing_fund_rate": 7,
        })
        plan = cls.env["account.analytic.plan"].create({"name": "Departments"})
        Analytic = cls.env["account.analytic.account"]
        cls.acc_sales = Analytic.create({"name": "招商部", "plan_id": plan.id, "company_id": cls.company.id})
        cls.acc_other = Analytic.create({"name": "Other", "plan_id": plan.id, "company_id": cls.company.id})
        cls.dept = cls.env["hr.department"].create({
            "name": "招商部", "company_id": cls.company.id, "hrcr_analytic_account_id": cls.acc_sales.id})
        cls.dept_other = cls.env["hr.department"].create({
            "name": "Other", "company_id": cls.company.id, "hrcr_analytic_account_id": cls.acc_other.id})
        start = cls.month - relativedelta(years=1)
        for name, wage in (("低薪", 5000), ("高薪", 40000)):
            emp = cls.env["hr.employee"].create({
                "name": name, "company_id": cls.company.id, "department_id": cls.dept.id})
            cls.env["hr.contract"].create({
                "name": name, "employee_id": emp.id, "company_id": cls.company.id, "department_id": cls.dept.id,
                "wage": wage, "date_start": start, "state": "open"})
        revenue = cls.company_data["default_account_revenue"]
        day = cls.month + relativedelta(days=4)

        def invoice(move_type, amount, distribution, post=True):
            move = cls.env["account.move"].create({
                "move_type": move_type, "partner_id": cls.partner_a.id, "invoice_date": day, "date": day,
                "invoice_line_ids": [Command.create({
                    "name": "service", "quantity": 1, "price_unit": amount, "tax_ids": [Command.clear()],
                    "account_id": revenue.id, "analytic_distribution": distribution})],
            })
            if post:
                move.action_post()
            return move

        invoice("out_invoice", 100000, {str(cls.acc_sales.id): 100})
        invoice("out_invoice", 40000, {str(cls.acc_sales.id): 50, str(cls.acc_other.id): 50})
        invoice("out_refund", 4000, {str(cls.acc_sales.id): 100})
        invoice("out_invoice", 999999, {str(cls.acc_sales.id): 100}, post=False)  # draft: not revenue
        invoice("out_invoice", 7000, {str(cls.acc_other.id): 100})  # another department

        cls.user_hr = new_test_user(cls.env, "lc_hr", groups="base.group_user,hr.group_hr_user",
                                    company_id=cls.company.id, company_ids=[Command.set([cls.company.id])])
        cls.user_fin = new_test_user(cls.env, "lc_fin", groups="base.group_user,account.group_account_invoice",
                                     company_id=cls.company.id, company_ids=[Command.set([cls.company.id])])
        cls.user_emp = new_test_user(cls.env, "lc_emp", groups="base.group_user",
                                     company_id=cls.company.id, company_ids=[Command.set([cls.company.id])])
        cls.other_company = cls.setup_other_company(name="LC other")["company"]
        cls.user_hr_other = new_test_user(
            cls.env, "lc_hr_other", groups="base.group_user,hr.group_hr_user",
            company_id=cls.other_company.id, company_ids=[Command.set([cls.other_company.id])])

    def _row(self, user=None):
        Report = self.env["hr.labour.cost.report"]
        if user:
            Report = Report.with_user(user)
        return Report.search([("department_id", "=", self.dept.id), ("month", "=", self.month)])

    def test_hand_calculation(self):
        # A = 10,000: floor 6,000, ceiling 30,000; rates 16 + 10 + 0.5 + 0.2 = 26.7 % SI, 7 % housing fund
        # 低薪 5,000 -> base 6,000: SI 960 + 600 + 30 + 12 = 1,602; HF 420; cost 7,022
        # 高薪 40,000 -> base 30,000: SI 4,800 + 3,000 + 150 + 60 = 8,010; HF 2,100; cost 50,110
        # revenue 100,000 + 50 % x 40,000 - 4,000 refund = 116,000 (draft and the other department excluded)
        row = self._row()
        self.assertEqual(len(row), 1)
        self.assertEqual(row.headcount, 2)
        self.assertAlmostEqual(row.fte, 2.0)
        self.assertAlmostEqual(row.wage, 45000)
        self.assertAlmostEqual(row.employer_si, 9612)
        self.assertAlmostEqual(row.housing_fund, 2520)
        self.assertAlmostEqual(row.total_cost, 57132)
        self.assertAlmostEqual(row.revenue, 116000)
        self.assertAlmostEqual(row.cost_ratio, 100 * 57132 / 116000)  # 49.25 %
        self.assertAlmostEqual(row.revenue_per_fte, 58000)
        other = self.env["hr.labour.cost.report"].search(
            [("department_id", "=", self.dept_other.id), ("month", "=", self.month)])
        self.assertAlmostEqual(other.revenue, 27000)  # 20,000 + 7,000, no staff
        self.assertFalse(other.revenue_per_fte)  # no FTE: no 人均产出, no division error

    def test_company_without_region_costs_its_wages(self):
        """No hr.labour.region for the company: employer SI and housing fund are 0 and the cost is the wages
        (it used to be NULL, blanking the row)."""
        self.region.active = False
        self.env.flush_all()
        row = self._row()
        self.assertAlmostEqual(row.wage, 45000)
        self.assertEqual((row.employer_si, row.housing_fund), (0.0, 0.0))
        self.assertAlmostEqual(row.total_cost, 45000)

    def test_group_ratio_is_ratio_of_sums(self):
        groups = self.env["hr.labour.cost.report"].read_group(
            [("company_id", "=", self.company.id), ("month", "=", self.month)],
            ["total_cost:sum", "revenue:sum", "cost_ratio", "revenue_per_fte"], [])
        self.assertAlmostEqual(groups[0]["cost_ratio"], 100 * 57132 / (116000 + 27000))
        self.assertAlmostEqual(groups[0]["revenue_per_fte"], (116000 + 27000) / 2)

    def test_company_level_without_analytic_accounts(self):
        (self.dept | self.dept_other).hrcr_analytic_account_id = False
        self.env.flush_all()
        rows = self.env["hr.labour.cost.report"].search(
            [("company_id", "=", self.company.id), ("month", "=", self.month)])
        company_row = rows.filtered(lambda r: r.scope == "company")
        self.assertAlmostEqual(company_row.revenue, 143000)
        self.assertEqual(set(rows.filtered(lambda r: r.scope == "department").mapped("revenue")), {0.0})
        self.assertFalse(any(rows.filtered(lambda r: r.scope == "department").mapped("cost_ratio")))  # no ratio

    def test_access_as_real_users(self):
        self.assertEqual(len(self._row(self.user_hr)), 1)
        self.assertAlmostEqual(self._row(self.user_fin).total_cost, 57132)
        with self.assertRaises(AccessError):
            self._row(self.user_emp)
        self.assertFalse(self._row(self.user_hr_other))  # multi-company rule

    def test_bad_rates_refused(self):
        # assertRaises (not assertRaisesRegex) rolls back to a savepoint, as a refused form save does
        with self.assertRaises(ValidationError) as cm:
            self.region.hrcr_pension_rate = 120
        self.assertIn("Pension employer rate must be between 0 % and 100 % (got 120.0 %)", str(cm.exception))
        self.assertEqual(self.region.hrcr_pension_rate, 16)  # nothing written
        with self.assertRaises(ValidationError) as cm:
            self.region.write({"hrcr_base_floor_pct": 320, "hrcr_base_ceiling_pct": 300})
        self.assertIn("Contribution base floor (320.0 %) must not be above the contribution base ceiling (300.0 %)",
                      str(cm.exception))
        self.assertEqual(self.region.hrcr_base_floor_pct, 60)  # nothing written

    def test_analytic_account_shared_by_two_departments_refused(self):
        with self.assertRaises(ValidationError) as cm:
            self.dept_other.hrcr_analytic_account_id = self.acc_sales
        self.assertIn("Analytic Account: 招商部 is already used by department 招商部", str(cm.exception))
        self.assertEqual(self.dept_other.hrcr_analytic_account_id, self.acc_other)

    # ------------------------------------------------------------------ recruiting and training (Settings accounts)
    def _booked_costs(self):
        """Recruiting and training accounts in Settings, and journal entries on them in the month."""
        Account = self.env["account.account"]
        recruiting = Account.create({"name": "招聘费", "code": "660251", "account_type": "expense",
                                     "company_ids": [(6, 0, [self.company.id])]})
        training = Account.create({"name": "培训费", "code": "660252", "account_type": "expense",
                                   "company_ids": [(6, 0, [self.company.id])]})
        settings = self.env["res.config.settings"].with_company(self.company).create({
            "hrcr_recruiting_account_ids": [(6, 0, [recruiting.id])],
            "hrcr_training_account_ids": [(6, 0, [training.id])],
        })
        settings.execute()
        self.assertEqual(self.company.hrcr_recruiting_account_ids, recruiting)
        counterpart = self.company_data["default_account_assets"]
        day = self.month + relativedelta(days=9)

        def entry(lines, post=True):
            move = self.env["account.move"].create({
                "move_type": "entry", "date": day, "journal_id": self.company_data["default_journal_misc"].id,
                "line_ids": [(0, 0, {"name": "cost", "account_id": account.id, "debit": amount,
                                     "analytic_distribution": distribution}) for account, amount, distribution in lines]
                + [(0, 0, {"name": "paid", "account_id": counterpart.id,
                           "credit": sum(amount for _a, amount, _d in lines)})],
            })
            if post:
                move.action_post()
            return move

        entry([(recruiting, 3000, {str(self.acc_sales.id): 100}),      # headhunter for 招商部
               (recruiting, 800, {str(self.acc_sales.id): 50, str(self.acc_other.id): 50}),
               (training, 1000, False)])                                 # company-wide course: company level
        entry([(training, 5000, {str(self.acc_sales.id): 100})], post=False)  # draft: not a cost
        self.env.flush_all()

    def test_recruiting_and_training_components(self):
        self._booked_costs()
        row = self._row()
        self.assertAlmostEqual(row.recruiting, 3400)  # 3,000 + 50 % x 800
        self.assertAlmostEqual(row.training, 0)
        self.assertAlmostEqual(row.total_cost, 57132 + 3400)
        self.assertAlmostEqual(row.cost_ratio, 100 * 60532 / 116000)
        other = self.env["hr.labour.cost.report"].search(
            [("department_id", "=", self.dept_other.id), ("month", "=", self.month)])
        self.assertAlmostEqual(other.recruiting, 400)
        company_row = self.env["hr.labour.cost.report"].search(
            [("company_id", "=", self.company.id), ("month", "=", self.month), ("scope", "=", "company")])
        self.assertAlmostEqual(company_row.training, 1000)  # no department analytic account: company level
        self.assertAlmostEqual(company_row.recruiting, 0)
        self.assertFalse(company_row.cost_ratio)  # no revenue on that row
        total = self.env["hr.labour.cost.report"].read_group(
            [("company_id", "=", self.company.id), ("month", "=", self.month)],
            ["recruiting:sum", "training:sum", "total_cost:sum", "cost_ratio"], [])[0]
        self.assertAlmostEqual(total["recruiting"] + total["training"], 4800)  # every posted euro once
        self.assertAlmostEqual(total["cost_ratio"], 100 * (57132 + 4800) / 143000)

    def test_cost_account_in_both_lists_refused(self):
        account = self.company_data["default_account_expense"]
        self.company.hrcr_recruiting_account_ids = account
        with self.assertRaises(ValidationError) as cm:
            self.company.hrcr_training_account_ids = account
        self.assertIn("cannot be in both lists", str(cm.exception))
        self.assertFalse(self.company.hrcr_training_account_ids)  # nothing written

    # ------------------------------------------------------------------ pivot reads and XLSX export
    def test_ratios_cost_no_extra_query(self):
        Report = self.env["hr.labour.cost.report"]
        domain = [("company_id", "=", self.company.id)]
        Report.read_group(domain, ["total_cost:sum"], ["month:month"])  # warm the caches
        count = self.env.cr.sql_log_count
        Report.read_group(domain, ["total_cost:sum"], ["month:month"])
        plain = self.env.cr.sql_log_count - count
        count = self.env.cr.sql_log_count
        groups = Report.read_group(domain, ["total_cost:sum", "cost_ratio", "revenue_per_fte"], ["month:month"])
        self.assertEqual(self.env.cr.sql_log_count - count, plain)  # the sums ride in the same query
        self.assertFalse(any(key.startswith("hrcr_sum_") for key in groups[0]))  # helper sums removed

    def test_xlsx_export_totals_equal_pivot(self):
        try:
            import openpyxl
        except ImportError:
            self.skipTest("openpyxl is needed to read the export back")
        import base64
        import io

        self._booked_costs()
        wizard = self.env["hr.labour.cost.export"].with_user(self.user_fin).create(
            {"date_from": self.month, "date_to": self.month + relativedelta(days=27)})
        action = wizard.action_export()
        self.assertIn(str(wizard.attachment_id.id), action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.attachment_id.datas)))
        pivot = self.env["hr.labour.cost.report"].with_user(self.user_fin).read_group(
            [("month", "=", self.month)], ["total_cost:sum", "revenue:sum", "recruiting:sum", "cost_ratio",
                                           "revenue_per_fte"], [])[0]
        for sheet in book.worksheets:
            header_row = next(r for r in sheet.iter_rows(values_only=True) if r and "Labour Cost" in r)
            header = list(header_row)
            total = [r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Total"]
            self.assertEqual(len(total), 1, sheet.title)
            total = total[0]
            self.assertAlmostEqual(total[header.index("Labour Cost")], pivot["total_cost"])
            self.assertAlmostEqual(total[header.index("Labour Cost")], 57132 + 4800)  # hand calculation
            self.assertAlmostEqual(total[header.index("Revenue")], pivot["revenue"])
            self.assertAlmostEqual(total[header.index("Recruiting")], pivot["recruiting"])
            self.assertAlmostEqual(total[header.index("Labour Cost Ratio (%)")], pivot["cost_ratio"])
            self.assertAlmostEqual(total[header.index("Revenue per FTE")], pivot["revenue_per_fte"])
        by_dept = book.worksheets[1]
        header = list(next(r for r in by_dept.iter_rows(values_only=True) if r and "Labour Cost" in r))
        sales = next(r for r in by_dept.iter_rows(values_only=True) if r and r[1] == "招商部")
        self.assertAlmostEqual(sales[header.index("Labour Cost")], 60532)
        self.assertAlmostEqual(sales[header.index("Labour Cost Ratio (%)")], 100 * 60532 / 116000)
        self.assertAlmostEqual(sales[header.index("Revenue per FTE")], 58000)

    def test_export_dates_refused(self):
        with self.assertRaises(ValidationError) as cm:
            self.env["hr.labour.cost.export"].create({"date_from": self.month, "date_to": self.month
                                                      - relativedelta(days=1)})
        self.assertIn("must not be after To", str(cm.exception))


@tagged("post_install", "-at_install")
class TestLabourCostDemo(AccountTestInvoicingCommon):
    """The demo tells the seed case: 招商部's labour cost is about 15 % of its revenue (when demo data is loaded)."""

    def test_demo_sales_department_ratio(self):
        dept = self.env.ref("hr_contract_risk.demo_dept_sales", raise_if_not_found=False)
        if not dept:
            self.skipTest("demo data not loaded")
        # the invoicing test user belongs to the test company only: read the demo company as its own env
        dept = dept.sudo()
        self.env = self.env(su=True, context=dict(self.env.context, allowed_company_ids=[dept.company_id.id]))
        dept = dept.with_env(self.env)
        invoices = self.env["account.move"].search([
            ("company_id", "=", dept.company_id.id), ("move_type", "=", "out_invoice"), ("state", "=", "posted"),
            ("invoice_line_ids.analytic_distribution", "in", [dept.hrcr_analytic_account_id.id])])
        self.assertTrue(invoices, "the demo has posted invoices for 招商部")
        months = sorted({move.invoice_date.replace(day=1) for move in invoices})
        group = self.env["hr.labour.cost.report"].read_group(
            [("department_id", "=", dept.id), ("month", "in", months)],
            ["total_cost:sum", "revenue:sum", "cost_ratio", "revenue_per_fte"], [])[0]
        # revenue = the month's labour cost / 15 %, rounded to the hundred: the ratio is 15 % within rounding
        self.assertAlmostEqual(group["revenue"], sum(invoices.mapped("amount_untaxed")))
        self.assertAlmostEqual(group["cost_ratio"], 100 * group["total_cost"] / group["revenue"])
        self.assertAlmostEqual(group["cost_ratio"], 15.0, delta=0.1)
        self.assertGreater(group["revenue_per_fte"], 0)  # 人均产出 exists: 招商部 has staff
