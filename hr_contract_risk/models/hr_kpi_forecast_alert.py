"""One row per "predicted below target" episode (employee x KPI template x first as-of date).

Same rule as the decline alerts (models/hr_kpi_decline_alert.py): the episode's
identity is the first as-of date whose forecast stayed under the template's
target for the template's number of next periods (``engine.forecast.episode_identity``).
While later forecasts stay below, the forecast cron finds the running alert
and only moves its last date; a forecast back above the target closes it; a
later episode gets a new identity and one new activity.  An employee who keeps
falling short is no longer incompetent "by prediction": LCL 40(2) asks for
training or reassignment first, which is what the activity asks HR and the
manager to plan (or a successor / reserve candidate).
"""

import logging

from odoo import _, api, fields, models

from ..engine import forecast as fc

_logger = logging.getLogger(__name__)


class HrKpiForecastAlert(models.Model):
    _name = "hr.kpi.forecast.alert"
    _description = "Predicted Below Target"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "start_date desc, id desc"
    _mail_post_access = "read"  # managers (read-only) mark their activities done

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    template_id = fields.Many2one("hr.kpi.template", string="KPI Template", required=True, readonly=True,
                                  ondelete="cascade")
    start_date = fields.Date(string="Predicted Since", required=True, readonly=True,
                             help="As-of date of the first forecast of the episode: the episode's identity.")
    last_date = fields.Date(string="Last Forecast Below", readonly=True)
    periods = fields.Integer(string="Periods Below", readonly=True,
                             help="Number of next periods the forecast had to stay under the target.")
    target = fields.Float(readonly=True, digits=(5, 1))
    lowest_point = fields.Float(string="Lowest Forecast", readonly=True, digits=(5, 1))
    highest_high = fields.Float(string="Highest 80 % Bound", readonly=True, digits=(5, 1),
                                help="Highest upper bound of the 80 % band over those periods.")
    state = fields.Selection([("active", "Ongoing"), ("closed", "Back Above Target")], default="active",
                             required=True, index=True, readonly=True, tracking=True)
    closed_date = fields.Date(readonly=True)

    _sql_constraints = [
        ("episode_unique", "unique(employee_id, template_id, start_date)",
         "One alert per predicted below-target episode."),
    ]

    @api.depends("employee_id.name", "template_id.name", "start_date")
    def _compute_name(self):
        for alert in self:
            alert.name = "%s %s %s" % (alert.employee_id.name or "", alert.template_id.name or "",
                                       alert.start_date or "")

    @api.model
    def _hrcr_sync_batch(self, employee_ids, below, as_of):
        """Open, extend or close the episodes of one batch of employees after the forecast at ``as_of``.

        ``below``: {(employee_id, template_id): vals} for the series predicted
        below target, vals holding company_id, department_id, periods, target,
        lowest_point, highest_high.  A fixed number of queries per batch: one
        search of the running episodes (and of those opened at ``as_of``, so a
        re-run the same day reopens rather than duplicates), one write to
        extend, one to close, one create of alerts and one of activities.
        """
        existing = self.search([
            ("employee_id", "in", list(employee_ids)),
            "|", ("state", "=", "active"), ("start_date", "=", as_of)])
        active = {(a.employee_id.id, a.template_id.id): a for a in existing if a.state == "active"}
        # closed the same day by an earlier run: reopened, the unique identity forbids a twin
        reopen = {(a.employee_id.id, a.template_id.id): a for a in existing if a.state == "closed"}
        to_close, to_extend, vals_list = self.browse(), self.browse(), []
        for key in sorted(set(active) | set(below)):
            running = active.get(key)
            identity = fc.episode_identity(running.start_date if running else None, key in below, as_of)
            if identity is None:
                to_close |= running
            elif running:
                to_extend |= running
            elif key in reopen:
                to_extend |= reopen[key]
            else:
                vals_list.append(dict(below[key], employee_id=key[0], template_id=key[1],
                                      start_date=identity, last_date=as_of))
        if to_close:
            to_close.write({"state": "closed", "closed_date": as_of})
        if to_extend:
            to_extend.write({"state": "active", "last_date": as_of, "closed_date": False})
        if not vals_list:
            return self.browse()
        alerts = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                   mail_create_nosubscribe=True).create(vals_list)
        alerts._hrcr_schedule_activities()
        _logger.info("forecast alerts: %s new below-target episode(s)", len(alerts))
        return alerts

    def _hrcr_schedule_activities(self):
        """One to-do for the HR responsible and one for the manager per alert, created in one batch."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.employee_id.fetch(["parent_id", "contract_id", "name"])
        vals = []
        for alert in self:
            employee = alert.employee_id
            hr_user = employee.contract_id.hr_responsible_id or alert.company_id.hrcr_decline_hr_user_id
            for user in (hr_user | employee.parent_id.user_id).sorted("id"):
                localized = alert.with_context(lang=user.lang)  # written in the recipient's language
                vals.append({
                    "res_model_id": model_id, "res_id": alert.id, "activity_type_id": todo.id,
                    "user_id": user.id, "summary": localized._hrcr_alert_summary(),
                    "note": localized._hrcr_alert_note(), "date_deadline": alert.start_date,
                })
        if vals:
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals)

    def _hrcr_alert_summary(self):
        return _("Predicted below target: %(name)s", name=self.employee_id.name)

    def _hrcr_alert_note(self):
        self.ensure_one()
        return _(
            "%(employee)s: the %(template)s forecast of %(start)s stays under the target %(target)s for the "
            "next %(count)s periods (lowest forecast %(low)s, 80 %% band up to %(high)s). Plan a successor / "
            "reserve candidate, or an intervention: LCL Art. 40(2) counts incompetence only after training "
            "or reassignment.",
            employee=self.employee_id.name, template=self.template_id.name, start=self.start_date,
            target="%.1f" % self.target, count=self.periods, low="%.1f" % self.lowest_point,
            high="%.1f" % self.highest_high)
