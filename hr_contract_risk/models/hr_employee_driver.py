"""Incentive recommendation: the employee's stated drivers (what they said motivates them)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import bounds, incentives
from .hrcr_bounds import bounds_error

DRIVER_SELECTION = [(key, incentives.DRIVER_LABELS[key]) for key in incentives.DRIVERS]


class HrEmployeeDriver(models.Model):
    """A driver the employee stated in a talk log or a stay interview; several allowed, each dated.

    HR officers read and edit them, HR managers also delete them, a manager reads and records them for
    their team (never their own), the employee sees none. Used to suggest incentive levers
    (``hr.incentive.wizard``): suggestions, not decisions (PIPL Art. 24). No protected attribute here.
    """

    _name = "hr.employee.driver"
    _description = "Stated Driver"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["employee_id", "driver"]
    # a manager reads and creates drivers of the team, never writes them: applying a lever schedules an
    # activity on the driver, which needs only read access to it
    _mail_post_access = "read"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade",
                                  domain="[('company_id', '=', company_id)]")
    company_id = fields.Many2one("res.company", compute="_compute_company", store=True, readonly=False,
                                 precompute=True, required=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Department")
    driver = fields.Selection(DRIVER_SELECTION, required=True, index=True,
                              help="What the employee said motivates them (their own words in the note).")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True,
                       help="When the employee stated it.")
    talk_log_id = fields.Many2one("hr.talk.log", string="Source", index=True, ondelete="set null",
                                  domain="[('employee_id', '=', employee_id)]",
                                  help="The talk log or stay interview in which the employee stated it.")
    note = fields.Text(help="The employee's own words, as recorded.")
    recorded_by_id = fields.Many2one("res.users", string="Recorded by", default=lambda self: self.env.user,
                                     readonly=True)

    @api.depends("employee_id")
    def _compute_company(self):
        for rec in self:
            rec.company_id = rec.employee_id.company_id or rec.company_id or self.env.company

    @api.depends("employee_id", "driver")
    def _compute_display_name(self):
        labels = dict(self._fields["driver"]._description_selection(self.env))
        for rec in self:
            rec.display_name = "%s: %s" % (rec.employee_id.name or "", labels.get(rec.driver, ""))

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        label = self._fields["date"]._description_string(self.env)
        for rec in self:
            try:
                bounds.check_date("date", rec.date, today, label)
            except bounds.BoundsError as err:
                raise bounds_error(self.env, err) from None

    @api.constrains("talk_log_id", "employee_id")
    def _check_talk_log(self):
        # sudo: the talk log may be out of the recorder's reach; only its employee is compared
        for rec in self.filtered("talk_log_id"):
            if rec.talk_log_id.sudo().employee_id != rec.employee_id:
                raise ValidationError(self.env._(
                    "The source talk log %(log)s is about another employee than %(employee)s.",
                    log=rec.talk_log_id.sudo().display_name, employee=rec.employee_id.name))

    def action_open_incentives(self):
        self.ensure_one()
        return self.employee_id.action_hrcr_incentives()

    @api.model
    def _hrcr_stated(self, employee):
        """The employee's stated drivers the current user may read, as engine StatedDriver items."""
        recs = self.search([("employee_id", "=", employee.id)])
        return recs, [incentives.StatedDriver(r.driver, r.date, r.talk_log_id.name or None) for r in recs]
