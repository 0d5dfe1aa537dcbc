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
