"""KPI appraisals: the training courses a decline alert suggests."""

from odoo import fields, models

from ..engine import appraisal as ap


class HrTrainingCourse(models.Model):
    _name = "hr.training.course"
    _description = "Training Course"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the course between companies.")
    kpi_keywords = fields.Char(
        string="KPIs / Skills Addressed",
        help="Comma-separated KPI names or keywords (e.g. 招商额, 客户转化率). A decline alert suggests the "
        "course whose keyword matches the weakest KPI best (the longest keyword contained in the KPI name).")
    description = fields.Text(translate=True)
    duration_hours = fields.Float(string="Duration (hours)")
    provider = fields.Char()

    def _hrcr_catalog(self):
        """(id, name, keywords) tuples for the engine's ``suggest_course``."""
        return [(c.id, c.name, ap.parse_keywords(c.kpi_keywords)) for c in self]
