"""KPI appraisals: the competencies rated in 360 feedback."""

from odoo import fields, models


class HrKpiCompetency(models.Model):
    _name = "hr.kpi.competency"
    _description = "360 Feedback Competency"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the competency between companies.")
