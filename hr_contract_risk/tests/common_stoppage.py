"""Shared fixtures of the stoppage tests: companies, users as real users, an employee with contracts."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests.common import TransactionCase, new_test_user

from ..engine import social_insurance as si


class StoppageCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["hr.si.stoppage"])
        cls.company = cls.env.company
        cls.company.city = "上海"
        cls.company_b = cls.env["res.company"].create({"name": "HRCR Beijing Co.", "city": "北京市"})

        def user(login, groups, companies=None):
            companies = companies or cls.company
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=companies[0].id,
                company_ids=[Command.set(companies.ids)],
            )

        cls.officer = user("hrcr_si_officer", "hr.group_hr_user")
        cls.hr_manager = user("hrcr_si_manager", "hr.group_hr_manager")
        cls.employee_user = user("hrcr_si_employee", "base.group_user")
        cls.dept_manager_user = user("hrcr_si_dept_manager", "base.group_user")
        cls.officer_b = user("hrcr_si_officer_b", "hr.group_hr_user", cls.company_b)

        # Shanghai codes for every internal reason, shared by all companies (company_id empty)
        cls.Mapping = cls.env["hr.si.city.mapping"]
        cls.mappings = cls.Mapping.create(
            [
                {
                    "city": "上海",
                    "city_aliases": "Shanghai",
                    "stoppage_reason": key,
                    "local_code": "SH-%s" % key,
                    "local_label": "label %s" % key,
                    "company_id": False,
                }
                for key in si.REASONS
            ]
        )
        cls.Employee = cls.env["hr.employee"]
        cls.boss = cls.Employee.create({"name": "Dept Boss", "user_id": cls.dept_manager_user.id})
        cls.job = cls.env["hr.job"].create({"name": "招商主管"})
        cls.employee, cls.contract_1, cls.contract_2 = cls._make_employee("王伟", end=cls.today)

    @classmethod
    def _make_employee(cls, name, end, company=None, years=3, months=8):
        """Employee hired years+months before ``end``: a closed first contract, then an open one ending on ``end``."""
        company = company or cls.company
        hire = end - relativedelta(years=years, months=months) + relativedelta(days=1)
        employee = cls.Employee.create(
            {
                "name": name,
                "company_id": company.id,
                "parent_id": cls.boss.id if company == cls.company else False,
                "job_id": cls.job.id,
                "job_title": "招商主管",
            }
        )
        first_end = hire + relativedelta(years=2, days=-1)
        contract_1 = cls.env["hr.contract"].create(
            {
                "name": "%s 1" % name,
                "employee_id": employee.id,
                "company_id": company.id,
                "job_id": cls.job.id,
                "date_start": hire,
                "date_end": first_end,
                "wage": 10000,
                "state": "close",
            }
        )
        contract_2 = cls.env["hr.contract"].create(
            {
                "name": "%s 2" % name,
                "employee_id": employee.id,
                "company_id": company.id,
                "job_id": cls.job.id,
                "date_start": first_end + relativedelta(days=1),
                "date_end": end,
                "wage": 12000,
                "state": "open",
            }
        )
        return employee, contract_1, contract_2

    def _stoppage_vals(self, employee=None, **overrides):
        employee = employee or self.employee
        vals = {
            "employee_id": employee.id,
            "company_id": employee.company_id.id,
            "hire_date": self.today - relativedelta(years=3, months=8) + relativedelta(days=1),
            "departure_date": self.today,
            "termination_ground": "expiry_not_renewed",
            "stoppage_reason": "expiry_not_renewed",
            "city": employee.company_id.city,
            "local_code": "1",
            "ui_contribution_months": 44,
            "position": "招商主管",
            "contract_date_start": self.today - relativedelta(years=1, months=8),
            "contract_date_end": self.today,
        }
        vals.update(overrides)
        return vals
