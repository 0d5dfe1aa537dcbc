"""KPI appraisals: one KPI of a template."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrKpiTemplateLine(models.Model):
    _name = "hr.kpi.template.line"
    _description = "KPI Template Line"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("hr.kpi.template", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="KPI", required=True)
    unit = fields.Char(help="e.g. 万元, %, cases")
    target = fields.Float(aggregator=None, required=True, default=100.0)
    weight = fields.Float(string="Weight (%)", required=True, help="The weights of a template sum to 100.")
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")], required=True, default="higher")
    cap = fields.Float(
        aggregator=None,
        string="Cap (%)", required=True, default=lambda self: self.env.company.hrcr_kpi_cap or 120.0,
        help="Completion is actual/target (higher is better) or target/actual (lower is better), capped here.")
    watch_decline = fields.Boolean(
        string="Watch for Decline",
        help="With the decline criterion 'A watched KPI below its target', a period counts as below when this KPI "
        "misses its target.")
    description = fields.Text()

    @api.constrains("target", "weight", "cap")
    def _check_values(self):
        for line in self:
            if line.target < 0:
                raise ValidationError(_("KPI %(name)s: the target must not be negative.", name=line.name))
            if line.weight < 0:
                raise ValidationError(_("KPI %(name)s: the weight must not be negative.", name=line.name))
            if line.cap < 100:
                raise ValidationError(_("KPI %(name)s: the cap must be at least 100 %%.", name=line.name))
