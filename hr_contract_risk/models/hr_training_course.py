"""KPI appraisals and the training recommendation: the addon's own course catalog.

Only for courses that exist nowhere else: with the eLearning app, its courses are offered too
(``hr_contract_risk_slides``).
"""

from odoo import fields, models

from ..engine import appraisal as ap
from ..engine import training as tr


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
    competency_ids = fields.Many2many(
        "hr.kpi.competency", "hr_training_course_competency_rel", "course_id", "competency_id",
        string="360 Competencies Addressed", help="The training recommendation suggests the course for a low 360 "
        "rating of these competencies.")
    skill_ids = fields.Many2many(
        "hr.skill", "hr_training_course_skill_rel", "course_id", "skill_id", string="Skills Taught",
        help="The training recommendation suggests the course for a gap in these skills against the job.")

    def _hrcr_catalog(self):
        """(id, name, keywords) tuples for the engine's ``suggest_course``."""
        return [(c.id, c.name, ap.parse_keywords(c.kpi_keywords)) for c in self]

    def _hrcr_courses(self):
        """The courses as ``engine.training.Course`` (key: ``("hr.training.course", id)``)."""
        return [tr.Course(("hr.training.course", c.id), c.name, tuple(ap.parse_keywords(c.kpi_keywords)),
                          frozenset(c.competency_ids.ids), frozenset(c.skill_ids.ids)) for c in self]
