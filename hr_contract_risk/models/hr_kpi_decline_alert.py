"""KPI appraisals: performance decline alerts and their daily detection cron."""

import logging

from odoo import Command, _, api, fields, models

from ..engine import appraisal as ap
from .hrcr_batch import CronBatches

_logger = logging.getLogger(__name__)


class HrKpiDeclineAlert(models.Model):
    """One row per decline streak (employee x first period of the streak).

    The streak's identity is its first period: while the streak grows the cron
    finds the same identity and does nothing; a good period closes the alert;
    a later streak has another first period and raises a new alert.
    """

    _name = "hr.kpi.decline.alert"
    _description = "Performance Decline Alert"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "start_date desc, id desc"
    _mail_post_access = "read"  # managers (read-only) mark their alert activities done

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    start_date = fields.Date(string="Streak Start", required=True, readonly=True,
                             help="First period of the streak: the streak's identity.")
    end_date = fields.Date(string="Last Period", readonly=True)
    periods_count = fields.Integer(string="Periods", readonly=True)
    average_score = fields.Float(aggregator="avg", readonly=True, digits=(5, 1))
    weakest_kpi = fields.Char(string="Weakest KPI", readonly=True)
    weakest_completion = fields.Float(aggregator=None, string="Weakest KPI Completion (%)", readonly=True, digits=(6, 1))
    course_id = fields.Many2one("hr.training.course", string="Suggested Training", readonly=True)
    mode = fields.Selection([("score", "Total score"), ("kpi", "Watched KPI")], readonly=True)
    threshold = fields.Float(aggregator=None, readonly=True)
    appraisal_ids = fields.Many2many("hr.kpi.appraisal", string="Appraisals", readonly=True)
    state = fields.Selection([("active", "Ongoing"), ("closed", "Streak Broken")], default="active",
                             required=True, index=True, readonly=True, tracking=True)
    closed_date = fields.Date(readonly=True)

    _sql_constraints = [
        ("streak_unique", "unique(employee_id, start_date)", "One alert per decline streak."),
    ]

    @api.depends("employee_id.name", "start_date")
    def _compute_name(self):
        for alert in self:
            alert.name = "%s %s" % (alert.employee_id.name or "", alert.start_date or "")

    @api.model
    def _cron_detect_decline(self, batch_size=500):
        """Find decline streaks and raise one alert per streak.

        Per batch of employees: one read of their confirmed appraisals, one of
        the lines, one of the existing alerts, one create of alerts and one of
        activities; alerts whose streak ended are closed in one write.  Safe to
        run twice.  Commits per batch outside tests.
        """
        Appraisal = self.env["hr.kpi.appraisal"]
        groups = Appraisal._read_group([("state", "=", "confirmed")], ["company_id", "employee_id"])
        by_company = {}
        for company, employee in groups:
            by_company.setdefault(company, []).append(employee.id)
        run = CronBatches(self.env, total=sum(len(ids) for ids in by_company.values()), name="Decline alerts")
        for company, employee_ids in by_company.items():
            courses = self.env["hr.training.course"].search(
                ["|", ("company_id", "=", False), ("company_id", "=", company.id)])._hrcr_catalog()
            for batch in run.batches(employee_ids, batch_size):
                self._hrcr_detect_batch(company, batch, courses)
        return True

    def _hrcr_detect_batch(self, company, employee_ids, courses):
        settings = company._hrcr_appraisal_settings()
        n, threshold, mode = (settings["decline_periods"], settings["decline_threshold"],
                              settings["decline_mode"])
        periods = self.env["hr.kpi.appraisal"]._hrcr_periods(
            [("state", "=", "confirmed"), ("company_id", "=", company.id), ("employee_id", "in", employee_ids)])
        existing = self.search([("employee_id", "in", employee_ids), ("company_id", "=", company.id)])
        known = {(a.employee_id.id, a.start_date) for a in existing}
        current = {}
        for employee_id, emp_periods in periods.items():
            streak = ap.current_streak(emp_periods, n, threshold, mode)
            if streak:
                current[employee_id] = streak
        # close alerts whose streak is over (a good period, or criteria changed)
        to_close = existing.filtered(lambda a: a.state == "active" and (
            a.employee_id.id not in current or current[a.employee_id.id].identity != a.start_date))
        if to_close:
            to_close.write({"state": "closed", "closed_date": fields.Date.context_today(self)})
        new = {emp_id: s for emp_id, s in current.items() if (emp_id, s.identity) not in known}
        if not new:
            return self.browse()
        employees = self.env["hr.employee"].browse(list(new))
        employees.fetch(["department_id", "parent_id", "contract_id", "name"])
        vals_list = []
        for employee in employees:
            streak = new[employee.id]
            vals_list.append({
                "employee_id": employee.id, "company_id": company.id,
                "department_id": employee.department_id.id,
                "start_date": streak.start, "end_date": streak.end, "periods_count": streak.length,
                "average_score": streak.average or 0.0, "weakest_kpi": streak.weakest_kpi,
                "weakest_completion": streak.weakest_completion or 0.0,
                "course_id": ap.suggest_course(streak.weakest_kpi, courses),
                "mode": mode, "threshold": threshold,
                "appraisal_ids": [Command.set(list(streak.keys))],
            })
        alerts = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                   mail_create_nosubscribe=True).create(vals_list)
        alerts._hrcr_schedule_activities(company)
        _logger.info("decline alerts: %s new streak(s) in %s", len(alerts), company.name)
        return alerts

    def _hrcr_schedule_activities(self, company):
        """One to-do for HR and one for the manager per alert, created in one batch."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals = []
        for alert in self:
            employee = alert.employee_id
            hr_user = employee.contract_id.hr_responsible_id or company.hrcr_decline_hr_user_id
            users = (hr_user | employee.parent_id.user_id).sorted("id")
            for user in users:
                # written in the recipient's language
                localized = alert.with_context(lang=user.lang)
                vals.append({
                    "res_model_id": model_id, "res_id": alert.id, "activity_type_id": todo.id,
                    "user_id": user.id, "note": localized._hrcr_alert_note(),
                    "summary": localized._hrcr_alert_summary(),
                    "date_deadline": fields.Date.context_today(self),
                })
        if vals:
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals)

    def _hrcr_alert_summary(self):
        return _("Performance decline: %(name)s", name=self.employee_id.name)

    def _hrcr_alert_note(self):
        self.ensure_one()
        course = self.course_id.name or _("none in the catalog")
        return _(
            "%(employee)s: %(count)s consecutive confirmed periods below the threshold since %(start)s "
            "(average %(avg)s). Weakest KPI: %(kpi)s (%(completion)s %%). Suggested training: %(course)s. "
            "Talk with the employee, record it in a talk log and offer the training.",
            employee=self.employee_id.name, count=self.periods_count, start=self.start_date,
            avg="%.1f" % self.average_score, kpi=self.weakest_kpi or "-",
            completion="%.0f" % self.weakest_completion, course=course)
