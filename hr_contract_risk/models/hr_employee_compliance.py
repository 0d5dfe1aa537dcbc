"""Contract compliance: the employee's double-wage exposure and the daily unsigned-contract alerts.

LCL 10, 21, 82; Reg 6, 7; the probation-ending alerts run with them."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..engine import contract_compliance as cc
from .hrcr_batch import CronBatches

HR = "hr.group_hr_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_unsigned = fields.Boolean(
        string="No Signed Contract", compute="_compute_hrcr_double_wage", search="_search_hrcr_unsigned",
        groups=HR,
    )
    hrcr_double_wage_exposure = fields.Monetary(
        string="Double-Wage Exposure", compute="_compute_hrcr_double_wage", groups=HR,
        currency_field="hrcr_company_currency_id",
        help="LCL 82 / Reg 6: one extra monthly wage per month without a written contract, from month 2 to "
        "month 12 after hire; partial months pro rata by calendar days.",
    )
    hrcr_deemed_open_ended = fields.Boolean(
        string="Deemed Open-Ended", compute="_compute_hrcr_double_wage", groups=HR,
        help="Reg 7 / LCL 14 para. 3: no written contract at the first anniversary of hire.",
    )
    hrcr_company_currency_id = fields.Many2one(related="company_id.currency_id", string="Company Currency")

    @api.depends_context("company")
    def _compute_hrcr_double_wage(self):
        today = fields.Date.context_today(self)
        facts = self._hrcr_contract_facts()
        for employee in self:
            hire, signed, wage = facts.get(employee.id, (None, None, 0.0))
            if not hire:
                employee.hrcr_unsigned = False
                employee.hrcr_double_wage_exposure = 0.0
                employee.hrcr_deemed_open_ended = False
                continue
            exposure = cc.double_wage_exposure(hire, wage, today, signed)
            employee.hrcr_unsigned = not signed
            employee.hrcr_double_wage_exposure = float(exposure.amount)
            employee.hrcr_deemed_open_ended = exposure.deemed_open_ended

    def _search_hrcr_unsigned(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the unsigned-contract flag."))
        contracts = self.env["hr.contract"].sudo()._read_group(
            [("state", "!=", "cancel")], ["employee_id"], ["hrcr_signing_date:max"])
        unsigned = [emp.id for emp, signed in contracts if not signed]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", unsigned)]

    @api.model
    def _cron_hrcr_unsigned_contract_alerts(self, batch_size=500):
        """Daily, batched, idempotent: to-dos at day 15/25 after hire, escalation at day 30 (LCL 10, 82),
        then the probation-ending alerts (LCL 21). Returns the number of to-dos created."""
        today = fields.Date.context_today(self)
        employees = self.sudo().search([("hrcr_unsigned", "=", True)])
        # resumable: the alerts already sent are skipped by the next call
        run = CronBatches(self.env, total=len(employees), resumable=True, name="Unsigned-contract alerts")
        created = 0
        for batch in run.batches(employees, batch_size):
            created += batch._hrcr_unsigned_alert_batch(today)
        if run.stopped:
            return created
        return created + self._hrcr_probation_ending_alerts(today)

    def _hrcr_unsigned_alert_batch(self, today):
        """The unsigned-contract to-dos and alert rows of these employees: a constant number of queries."""
        Alert = self.env["hr.contract.unsigned.alert"].sudo()
        employees = self
        facts = employees._hrcr_contract_facts()
        responsible = {
            row["employee_id"][0]: row["hr_responsible_id"] and row["hr_responsible_id"][0]
            for row in self.env["hr.contract"].sudo().search_read(
                [("employee_id", "in", employees.ids), ("state", "!=", "cancel")],
                ["employee_id", "hr_responsible_id"], order="date_start asc")
        }
        sent = {(a.employee_id.id, a.stage_days) for a in Alert.search(
            [("employee_id", "in", employees.ids), ("kind", "!=", "probation")])}
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("hr.employee")
        alert_vals, activity_vals = [], []
        for employee in employees:
            hire, signed, wage = facts[employee.id]
            if today >= cc.deemed_open_ended_date(hire):
                # Reg 7: already deemed open-ended, the Art. 82 window has closed; the list shows it,
                # a to-do per legacy employee would drown the new hires (e.g. right after installation).
                continue
            company = employee.company_id
            stages, escalate = cc.unsigned_alert_due(
                hire, today, cc.parse_days(company.hrcr_unsigned_alert_days, "days"),
                company.hrcr_unsigned_escalation_day, bool(signed))
            due = [s for s in stages if (employee.id, s) not in sent]
            if escalate and (employee.id, company.hrcr_unsigned_escalation_day) not in sent:
                due.append(company.hrcr_unsigned_escalation_day)
            due = sorted(set(due))
            if not due:
                continue
            stage = max(due)  # catch-up: only the most urgent fires, the others are recorded as covered
            is_escalation = escalate and stage == company.hrcr_unsigned_escalation_day
            exposure = cc.double_wage_exposure(hire, wage, today, None)
            user_id = responsible.get(employee.id) or self.env.ref("base.user_admin").id
            first_day = cc.double_wage_window(hire)[0]
            summary = (self.env._("Escalation: no signed contract %(days)s days after hire", days=stage)
                       if is_escalation else
                       self.env._("No signed contract %(days)s days after hire", days=stage))
            note = self.env._(
                "Sign the written contract before %(date)s: from then double wages are owed (LCL 10, 82; Reg 6). "
                "Exposure so far: %(amount)s.", date=first_day, amount=exposure.amount)
            activity_vals.append({
                "res_model_id": model_id, "res_id": employee.id, "user_id": user_id,
                "activity_type_id": todo.id if todo else False, "summary": summary, "note": note,
                "date_deadline": max(today, first_day - timedelta(days=1)),
            })
            alert_vals.append([{"employee_id": employee.id, "company_id": company.id, "stage_days": s,
                                "kind": "escalation" if is_escalation and s == stage else "stage",
                                "fired_on": today, "user_id": user_id, "covered": s != stage, "reference_date": hire}
                               for s in due])
        activities = self.env["mail.activity"].sudo().create(activity_vals)
        rows = []
        for activity, vals_list in zip(activities, alert_vals):
            for vals in vals_list:
                rows.append(dict(vals, activity_id=activity.id if not vals["covered"] else False))
        Alert.create(rows)
        return len(activities)

    @api.model
    def _hrcr_probation_ending_alerts(self, today):
        """One to-do per contract and probation end date, N days before it ends (default 15):
        confirm, or end the contract on an LCL 21 ground (Art. 39, 40(1)(2), with reasons)."""
        Alert = self.env["hr.contract.unsigned.alert"].sudo()
        contracts = self.env["hr.contract"].sudo().search([
            ("state", "=", "open"), ("trial_date_end", ">=", today),
            ("trial_date_end", "<=", today + timedelta(days=366)),
        ])
        contracts = contracts.filtered(
            lambda c: (c.trial_date_end - today).days <= c.company_id.hrcr_probation_alert_days)
        if not contracts:
            return 0
        sent = {(a.contract_id.id, a.reference_date) for a in Alert.search(
            [("kind", "=", "probation"), ("contract_id", "in", contracts.ids)])}
        contracts = contracts.filtered(lambda c: (c.id, c.trial_date_end) not in sent)
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("hr.contract")
        admin = self.env.ref("base.user_admin").id
        activities = self.env["mail.activity"].sudo().create([{
            "res_model_id": model_id, "res_id": c.id, "user_id": c.hr_responsible_id.id or admin,
            "activity_type_id": todo.id if todo else False, "date_deadline": c.trial_date_end,
            "summary": self.env._("Probation ends %(date)s", date=c.trial_date_end),
            "note": self.env._(
                "Confirm the employee, or end the contract before the probation ends on a ground of LCL 21 "
                "(Art. 39, or Art. 40(1)(2)), stating the reason in writing."),
        } for c in contracts])
        Alert.create([{
            "employee_id": c.employee_id.id, "company_id": c.company_id.id, "contract_id": c.id,
            "kind": "probation", "stage_days": (c.trial_date_end - today).days, "reference_date": c.trial_date_end,
            "fired_on": today, "user_id": a.user_id.id, "activity_id": a.id,
        } for c, a in zip(contracts, activities)])
        return len(activities)

    def _hrcr_contract_facts(self):
        """{employee id: (hire date, signing date or None, monthly wage)} in one query."""
        contracts = self.env["hr.contract"].sudo().search_read(
            [("employee_id", "in", self.ids), ("state", "!=", "cancel")],
            ["employee_id", "date_start", "hrcr_signing_date", "wage"], order="date_start asc",
        )
        facts = {}
        for row in contracts:
            emp = row["employee_id"][0]
            hire, signed, wage = facts.get(emp, (row["date_start"], None, 0.0))
            signed = signed or row["hrcr_signing_date"] or None
            facts[emp] = (hire, signed, row["wage"])  # latest contract's wage
        return facts
