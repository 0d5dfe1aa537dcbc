"""eLearning bridge: what an eLearning course answers, for the training recommendation (issue 12)."""

from odoo import fields, models

from odoo.addons.hr_contract_risk.engine import appraisal as ap
from odoo.addons.hr_contract_risk.engine import training as tr


class SlideChannel(models.Model):
    _inherit = "slide.channel"

    hrcr_kpi_keywords = fields.Char(
        string="KPIs / Skills Addressed",
        help="Comma-separated KPI names or keywords (e.g. 招商额, 客户转化率): the training recommendation suggests "
        "the course for a weak KPI whose name contains one of them (LCL Art. 40(2): training before incompetence "
        "counts).")
    hrcr_competency_ids = fields.Many2many(
        "hr.kpi.competency", "slide_channel_hrcr_competency_rel", "channel_id", "competency_id",
        string="360 Competencies Addressed",
        help="The training recommendation suggests the course for a low 360 rating of these competencies.")
    hrcr_skill_ids = fields.Many2many(
        "hr.skill", "slide_channel_hrcr_skill_rel", "channel_id", "skill_id", string="Skills Taught",
        help="The training recommendation suggests the course for a gap in these skills against the job.")

    def _hrcr_courses(self):
        """The courses as ``engine.training.Course`` (key: ``("slide.channel", id)``), like
        ``hr.training.course._hrcr_courses``."""
        return [tr.Course(("slide.channel", c.id), c.name, tuple(ap.parse_keywords(c.hrcr_kpi_keywords)),
                          frozenset(c.hrcr_competency_ids.ids), frozenset(c.hrcr_skill_ids.ids)) for c in self]
