"""Demo history for the attrition model: a second department with three years of staff.

The demo company's 招商部 story has too few departures for a trained model (the
cold-start threshold is 20 voluntary departures), so the demo adds 客服部, a
customer-service department of about 100 people over 3.5 years with about 50
resignations.  Everything is deterministic (a fixed seed) and dated relative
to today, so every install tells the same story:

* contracts: 2-year fixed-term contracts from the hire date, a raise at each
  renewal, open-ended from the third contract on (LCL Art. 14 ¶2 (3): after two
  consecutive fixed-term contracts the employee may ask for an open-ended one);
* quarterly confirmed appraisals, sick leave and talk-log warnings;
* planted signal, the same one the 招商部 story tells about 王伟: in the months
  before resigning, people take more sick leave, their appraisal scores fall,
  they get a warning, their last renewal brought no raise, and many leave
  when their fixed-term contract ends.  Stayers see the same events, only
  rarely, so the model has to weigh them.

Gender and birthday are filled too (a deterministic mix, unrelated to the
departures): the model never reads them, the fairness audit on the model card
does, after scoring.
"""

import random
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

SEED = 20261202
N_EMPLOYEES = 104
SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
         "超", "秀英", "霞", "平", "刚", "桂英", "华", "玉兰", "婷", "鹏", "晨", "欣", "宇", "浩", "悦", "琳")


def _weekday(day):
    """The day itself, or the next Monday when it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _plan(today, seed=SEED):
    """Plain description of the department's history (no Odoo): one dict per employee."""
    rng = random.Random(seed)
    people = []
    for i in range(N_EMPLOYEES):
        if i < 62:  # the team 3.5 years ago
            hire = today - timedelta(days=rng.randint(44 * 30, 72 * 30))
        else:  # hired since, as people left
            hire = today - timedelta(days=rng.randint(8 * 30, 40 * 30))
        leaves = rng.random() < 0.5 and hire < today - timedelta(days=9 * 30)
        person = {
            "name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7 + i // len(SURNAMES)) % len(GIVEN)],
            "gender": "female" if rng.random() < 0.55 else "male",
            "birthday": today - timedelta(days=rng.randint(22 * 365, 55 * 365)),
            "hire": hire,
            "leaver": leaves,
        }
        # contracts: 2-year fixed terms, then open-ended
        contracts, start, wage, k = [], hire, float(rng.randrange(5500, 9000, 100)), 0
        while start <= today:
            end = None if k >= 2 else start + relativedelta(years=2, days=-1)
            contracts.append({"start": start, "end": end, "wage": wage})
            if end is None:
                break
            start, k = end + timedelta(days=1), k + 1
            wage = round(wage * (1.0 + rng.uniform(0.04, 0.09)), -1)
        person["contracts"] = contracts
        departure = None
        if leaves:
            first = max(hire + timedelta(days=8 * 30), today - timedelta(days=40 * 30))
            last = today - timedelta(days=10)
            fixed_ends = [c["end"] for c in contracts if c["end"] and first <= c["end"] <= last]
            if fixed_ends and rng.random() < 0.45:
                departure = rng.choice(fixed_ends)  # does not renew: leaves at the contract end
            else:
                departure = first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
            person["contracts"] = [c for c in contracts if c["start"] <= departure]
            last_contract = person["contracts"][-1]
            if len(person["contracts"]) > 1 and rng.random() < 0.7:  # the last renewal brought no raise
                last_contract["wage"] = person["contracts"][-2]["wage"]
        person["departure"] = departure
        end_of_service = departure or today

        # sick leave: a background rate for everyone, a burst before resigning
        sick_days = set()
        day = hire + timedelta(days=rng.randint(20, 200))
        while day < end_of_service - timedelta(days=5):
            sick_days.add(_weekday(day))
            day += timedelta(days=rng.randint(150, 420))
        if departure and rng.random() < 0.75:
            for _n in range(rng.randint(2, 3)):
                sick_days.add(_weekday(departure - timedelta(days=rng.randint(12, 120))))
        sick = []
        for day in sorted(sick_days):
            if day >= end_of_service or day < hire:
                continue
            length = 2 if rng.random() < 0.35 and day.weekday() < 4 else 1
            if sick and sick[-1][1] >= day - timedelta(days=1):
                continue  # never overlapping nor adjacent
            sick.append((day, day + timedelta(days=length - 1)))
        person["sick"] = sick

        # quarterly appraisals: a personal level, falling before a resignation
        level = rng.uniform(72, 92)
        appraisals = []
        q = (hire + relativedelta(months=3)).replace(day=1)
        q = q.replace(month=((q.month - 1) // 3) * 3 + 1)
        falling = departure is not None and rng.random() < 0.7
        while q + relativedelta(months=3, days=-1) < end_of_service and q + relativedelta(months=3) <= today:
            q_end = q + relativedelta(months=3, days=-1)
            score = level + rng.uniform(-6, 6)
            if falling:
                months_before = (departure - q_end).days / 30.0
                if months_before < 9:
                    score -= (9 - months_before) * rng.uniform(2.0, 3.5)
            appraisals.append((q, q_end, max(20.0, min(115.0, round(score, 1)))))
            q += relativedelta(months=3)
        person["appraisals"] = appraisals

        # talk-log warnings
        warnings = []
        if departure and rng.random() < 0.5:
            warnings.append(departure - timedelta(days=rng.randint(20, 150)))
        elif rng.random() < 0.12:
            warnings.append(end_of_service - timedelta(days=rng.randint(30, 700)))
        person["warnings"] = [w for w in warnings if hire < w < end_of_service]
        people.append(person)
    return people


class HrAttritionDemo(models.AbstractModel):
    _name = "hr.attrition.demo"
    _description = "Attrition risk: demo history"

    @api.model
    def _hrcr_demo_history(self, company_id, user_id=False):
        """Create the 客服部 history in the company (demo data only); returns the department."""
        company = self.env["res.company"].browse(company_id)
        today = fields.Date.context_today(self)
        plan = _plan(today)
        calendar = company.resource_calendar_id
        dept = self.env["hr.department"].create({"name": "客服部", "company_id": company.id})
        job = self.env["hr.job"].create({"name": "客服专员", "company_id": company.id, "department_id": dept.id})
        manager = self.env["hr.employee"].create({
            "name": "周静", "company_id": company.id, "department_id": dept.id, "job_title": "客服部经理",
            "resource_calendar_id": calendar.id,
        })
        dept.manager_id = manager
        employees = self.env["hr.employee"].create([{
            "name": p["name"], "company_id": company.id, "department_id": dept.id, "job_id": job.id,
            "job_title": "客服专员", "parent_id": manager.id, "resource_calendar_id": calendar.id,
            "gender": p["gender"], "birthday": p["birthday"],
        } for p in plan])

        contract_vals = []
        for p, emp in zip(plan, employees):
            for n, c in enumerate(p["contracts"], start=1):
                current = n == len(p["contracts"]) and not p["departure"]
                contract_vals.append({
                    "name": "客服专员劳动合同（第%s期）- %s" % (n, p["name"]),
                    "employee_id": emp.id, "company_id": company.id, "department_id": dept.id,
                    "job_id": job.id, "date_start": c["start"], "date_end": c["end"], "wage": c["wage"],
                    "hrcr_signing_date": c["start"], "state": "open" if current else "close",
                    "hr_responsible_id": user_id or False,
                })
        self.env["hr.contract"].with_context(tracking_disable=True).create(contract_vals)

        sick_type = self.env.ref("hr_holidays.holiday_status_sl")
        leave_vals = []
        for p, emp in zip(plan, employees):
            for start, end in p["sick"]:
                days = (end - start).days + 1
                leave_vals.append({
                    "employee_id": emp.id, "holiday_status_id": sick_type.id, "private_name": "病假",
                    "request_date_from": start, "request_date_to": end,
                    "date_from": datetime.combine(start, time(1, 0)), "date_to": datetime.combine(end, time(10, 0)),
                    "number_of_days": days, "state": "validate",
                })
        self.env["hr.leave"].with_context(
            leave_fast_create=True, leave_skip_state_check=True, tracking_disable=True,
            mail_create_nolog=True, mail_notrack=True, mail_activity_automation_skip=True,
        ).create(leave_vals)

        template = self.env["hr.kpi.template"].create({
            "name": "客服专员 KPI", "job_id": job.id, "company_id": company.id, "periodicity": "quarterly",
            "line_ids": [fields.Command.create({"sequence": 1, "name": "服务满意度", "unit": "%", "target": 100,
                                                "weight": 100, "direction": "higher", "cap": 120})],
        })
        appraisal_vals = []
        for p, emp in zip(plan, employees):
            for start, end, score in p["appraisals"]:
                appraisal_vals.append({
                    "employee_id": emp.id, "template_id": template.id, "periodicity": "quarterly",
                    "date_start": start, "date_end": end, "state": "confirmed",
                    "confirmed_date": end + timedelta(days=5),
                    "line_ids": [fields.Command.create({"sequence": 1, "name": "服务满意度", "unit": "%",
                                                        "target": 100, "actual": score, "weight": 100,
                                                        "direction": "higher", "cap": 120})],
                })
        self.env["hr.kpi.appraisal"].with_context(tracking_disable=True, mail_create_nolog=True).create(
            appraisal_vals)

        talk_vals = []
        for p, emp in zip(plan, employees):
            for day in p["warnings"]:
                talk_vals.append({
                    "employee_id": emp.id, "name": "书面警告：服务投诉", "kind": "warning", "date": day,
                    "content": "本季度客户投诉超过部门标准，提醒改进服务流程。",
                })
        self.env["hr.talk.log"].with_context(tracking_disable=True, mail_create_nolog=True).create(talk_vals)

        resigned = self.env.ref("hr.departure_resigned")
        by_day = {}
        for p, emp in zip(plan, employees):
            if p["departure"]:
                by_day.setdefault(p["departure"], self.env["hr.employee"])
                by_day[p["departure"]] |= emp
        for day, leavers in sorted(by_day.items()):  # one write per departure date
            leavers.write({"active": False, "departure_date": day, "departure_reason_id": resigned.id})
        return dept
