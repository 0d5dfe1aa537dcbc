"""KPI appraisals: one KPI line of an appraisal, its completion and weighted points."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import appraisal as ap


class HrKpiAppraisalLine(models.Model):
    _name = "hr.kpi.appraisal.line"
    _description = "KPI Appraisal Line"
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one("hr.kpi.appraisal", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    state = fields.Selection(related="appraisal_id.state")
    template_line_id = fields.Many2one("hr.kpi.template.line", ondelete="set null")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="KPI", required=True)
    unit = fields.Char()
    target = fields.Float(aggregator=None, required=True)
    actual = fields.Float(aggregator=None)
    weight = fields.Float(string="Weight (%)", required=True)
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")], required=True, default="higher")
    cap = fields.Float(aggregator=None, string="Cap (%)", required=True, default=lambda self: self.env.company.hrcr_kpi_cap or 120.0)
    watch_decline = fields.Boolean(string="Watch for Decline")
    completion = fields.Float(string="Completion (%)", compute="_compute_completion", store=True, digits=(6, 1),
                              aggregator=None,
                              help="actual/target (higher is better) or target/actual (lower is better), capped.")
    weighted_score = fields.Float(string="Weighted Points", compute="_compute_completion", store=True, digits=(6, 1))
    note = fields.Char()

    @api.depends("target", "actual", "direction", "cap", "weight")
    def _compute_completion(self):
        for line in self:
            try:
                completion = ap.line_completion(line.target, line.actual, line.direction, line.cap or 100.0)
            except ValueError:
                completion = 0.0  # negative input is refused by the constraint below
            line.completion = completion
            line.weighted_score = completion * line.weight / 100.0

    @api.constrains("target", "actual", "weight", "cap")
    def _check_values(self):
        for line in self:
            if line.target < 0 or line.actual < 0:
                raise ValidationError(_("KPI %(name)s: target and actual must not be negative.", name=line.name))
            if line.weight < 0:
                raise ValidationError(_("KPI %(name)s: the weight must not be negative.", name=line.name))
            if line.cap < 100:
                raise ValidationError(_("KPI %(name)s: the cap must be at least 100 %%.", name=line.name))

    def _hrcr_check_unlocked(self):
        if self.env.su:
            return
        if any(line.appraisal_id.state == "confirmed" for line in self):
            raise UserError(_("The appraisal is confirmed: its KPI lines can no longer be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._hrcr_check_unlocked()
        return lines

    def write(self, vals):
        self._hrcr_check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unlocked(self):
        self._hrcr_check_unlocked()
