from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests.common import TransactionCase, new_test_user


class AppraisalCase(TransactionCase):
    """Shared fixture: a small org chart with real users.

    top (user_top) > 张敏 (user_manager) > 王伟 (user_emp), peer (user_peer)
    other manager (user_other_manager) > other employee
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.company = cls.env.company
        cls.company.write({
            "hrcr_kpi_share": 70.0, "hrcr_kpi_cap": 120.0, "hrcr_decline_periods": 3,
            "hrcr_decline_threshold": 60.0, "hrcr_decline_mode": "score",
        })
        cls.today = fields.Date.today()
        cls.job = cls.env["hr.job"].create({"name": "招商主管"})
        cls.user_hr = new_test_user(cls.env, "hrcr_hr", groups="hr.group_hr_user", name="HR Officer")
        cls.user_hr_manager = new_test_user(cls.env, "hrcr_hrm", groups="hr.group_hr_manager", name="HR Manager")
        cls.user_top = new_test_user(cls.env, "hrcr_top", groups="base.group_user", name="Top")
        cls.user_manager = new_test_user(cls.env, "hrcr_mgr", groups="base.group_user", name="张敏")
        cls.user_emp = new_test_user(cls.env, "hrcr_emp", groups="base.group_user", name="王伟")
        cls.user_peer = new_test_user(cls.env, "hrcr_peer", groups="base.group_user", name="李娜")
        cls.user_other_manager = new_test_user(cls.env, "hrcr_mgr2", groups="base.group_user", name="Other Mgr")
        Employee = cls.env["hr.employee"]
        cls.emp_top = Employee.create({"name": "Top", "user_id": cls.user_top.id})
        cls.emp_manager = Employee.create({"name": "张敏", "user_id": cls.user_manager.id, "parent_id": cls.emp_top.id})
        cls.emp = Employee.create({"name": "王伟", "user_id": cls.user_emp.id, "parent_id": cls.emp_manager.id,
                                   "job_id": cls.job.id})
        cls.emp_peer = Employee.create({"name": "李娜", "user_id": cls.user_peer.id,
                                        "parent_id": cls.emp_manager.id, "job_id": cls.job.id})
        cls.emp_other_manager = Employee.create({"name": "Other Mgr", "user_id": cls.user_other_manager.id})
        cls.emp_other = Employee.create({"name": "Other", "parent_id": cls.emp_other_manager.id, "job_id": cls.job.id})
        cls.template = cls.env["hr.kpi.template"].create({
            "name": "招商主管 KPI",
            "job_id": cls.job.id,
            "periodicity": "monthly",
            "line_ids": [
                Command.create({"name": "招商额完成率", "unit": "万元", "target": 100, "weight": 50,
                                "direction": "higher", "cap": 120, "watch_decline": True}),
                Command.create({"name": "客户转化率", "unit": "%", "target": 20, "weight": 30,
                                "direction": "higher", "cap": 120}),
                Command.create({"name": "客户投诉", "unit": "cases", "target": 2, "weight": 20,
                                "direction": "lower", "cap": 120}),
            ],
        })
        cls.course = cls.env["hr.training.course"].create({
            "name": "招商谈判技巧", "kpi_keywords": "招商额, 谈判"})

    # ------------------------------------------------------------------

    @classmethod
    def month(cls, months_ago):
        return (cls.today - relativedelta(months=months_ago)).replace(day=1)

    @classmethod
    def make_confirmed(cls, employee, months_ago, ratio, company=None, ratios=None):
        """A confirmed monthly appraisal whose KPIs complete at ``ratio`` % (or ``ratios[name]``),
        created as superuser: test data."""
        start = cls.month(months_ago)
        template = cls.template
        lines = []
        base_ratio = ratio
        for line in template.line_ids:
            ratio = (ratios or {}).get(line.name, base_ratio)
            if line.direction == "higher":
                actual = line.target * ratio / 100.0
            else:
                actual = line.target * 100.0 / ratio if ratio else 999
            lines.append(Command.create({
                "name": line.name, "target": line.target, "actual": actual, "weight": line.weight,
                "direction": line.direction, "cap": line.cap, "watch_decline": line.watch_decline,
            }))
        vals = {
            "employee_id": employee.id, "template_id": template.id, "date_start": start,
            "date_end": start + relativedelta(months=1, days=-1), "state": "confirmed", "line_ids": lines,
        }
        if company:
            vals["company_id"] = company.id
        return cls.env["hr.kpi.appraisal"].sudo().create(vals)

    @classmethod
    def make_contract(cls, employee, start, end, state="close", **kw):
        vals = {"name": "%s %s" % (employee.name, start), "employee_id": employee.id, "date_start": start,
                "date_end": end, "wage": 10000, "state": state}
        vals.update(kw)
        return cls.env["hr.contract"].create(vals)


def d(*args):
    return date(*args)
