from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests.common import TransactionCase, new_test_user

HR_GROUPS = "hr.group_hr_user,hr_contract.group_hr_contract_manager"


class SeveranceCommon(TransactionCase):
    """Company with accounts 6602/2211, Shanghai and Beijing regional parameters, a
    department with an analytic account, employee Wang Wei (hired 2021-07-01, contract
    ending 2024-06-30) and users: HR officer, finance, department manager, employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True, mail_notrack=False))
        cls.company = cls.env.company
        cls.company.write({"city": "Shanghai", "country_id": cls.env.ref("base.cn").id})
        Account = cls.env["account.account"]
        cls.expense = Account.create({
            "name": "管理费用-辞退福利", "code": "660299", "account_type": "expense",
            "company_ids": [cls.company.id],
        })
        cls.payable = Account.create({
            "name": "应付职工薪酬", "code": "221199", "account_type": "liability_current", "reconcile": True,
            "company_ids": [cls.company.id],
        })
        cls.journal = cls.env["account.journal"].create({
            "name": "Severance MISC", "code": "SEVT", "type": "general", "company_id": cls.company.id,
        })
        cls.company.hrcr_severance_journal_id = cls.journal
        plan = cls.env["account.analytic.plan"].create({"name": "Departments"})
        cls.analytic = cls.env["account.analytic.account"].create({
            "name": "Sales dept", "plan_id": plan.id, "company_id": cls.company.id})
        Region = cls.env["hr.labour.region"]
        cls.region_sh_2023 = Region.create({
            "company_id": cls.company.id, "city": "上海", "city_aliases": "Shanghai, 上海市", "year": 2023,
            "average_monthly_wage": 10000, "minimum_wage": 2500, "source_url": "https://rsj.sh.gov.cn/",
        })
        cls.region_sh_2024 = Region.create({
            "company_id": cls.company.id, "city": "上海", "city_aliases": "Shanghai", "year": 2024,
            "average_monthly_wage": 11000, "minimum_wage": 2600,
        })
        cls.region_bj_2023 = Region.create({
            "company_id": cls.company.id, "city": "北京", "city_aliases": "Beijing", "year": 2023,
            "average_monthly_wage": 9000, "minimum_wage": 2400,
        })
        cls.hr_user = new_test_user(cls.env, "sev_hr", groups=HR_GROUPS, company_id=cls.company.id)
        cls.finance_user = new_test_user(
            cls.env, "sev_finance", groups="base.group_user,account.group_account_invoice", company_id=cls.company.id)
        cls.manager_user = new_test_user(cls.env, "sev_manager", groups="base.group_user", company_id=cls.company.id)
        cls.employee_user = new_test_user(cls.env, "sev_employee", groups="base.group_user", company_id=cls.company.id)
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create({"name": "Zhang Min", "user_id": cls.manager_user.id, "company_id": cls.company.id})
        cls.department = cls.env["hr.department"].create({
            "name": "招商部", "company_id": cls.company.id, "manager_id": cls.manager.id,
            "hrcr_analytic_account_id": cls.analytic.id,
        })
        cls.employee = Employee.create({
            "name": "Wang Wei", "company_id": cls.company.id, "department_id": cls.department.id,
            "parent_id": cls.manager.id, "user_id": cls.employee_user.id,
        })
        cls.contract = cls.env["hr.contract"].create({
            "name": "Wang Wei 2021", "employee_id": cls.employee.id, "date_start": date(2021, 7, 1),
            "date_end": date(2024, 6, 30), "wage": 9000, "state": "open", "company_id": cls.company.id,
        })

    @classmethod
    def _wage_lines(cls, employee, last_month, amounts, overtime=None):
        """Monthly lines ending with ``last_month`` (first of month), oldest first."""
        overtime = overtime or {}
        n = len(amounts)
        return cls.env["hr.wage.history"].create([
            {
                "employee_id": employee.id,
                "month": last_month - relativedelta(months=n - 1 - i),
                "amount": amount,
                "overtime_amount": overtime.get(i, 0.0),
            }
            for i, amount in enumerate(amounts)
        ])

    def _wizard_form(self, user=None, **ctx):
        from odoo.tests import Form

        context = {"default_employee_id": self.employee.id, "default_contract_id": self.contract.id}
        context.update({f"default_{k}": v for k, v in ctx.items()})
        env = self.env(user=user or self.hr_user)
        return Form(env["hr.severance.wizard"].with_context(**context))

    def _wizard(self, user=None, **vals):
        """Wizard created directly (no form), prefilled by the computes."""
        values = {"employee_id": self.employee.id, "contract_id": self.contract.id}
        values.update(vals)
        return self.env(user=user or self.hr_user)["hr.severance.wizard"].create(values)

    def _counts(self):
        return (
            self.env["hr.severance"].search_count([]),
            self.env["account.move"].search_count([("journal_id", "=", self.journal.id)]),
        )
