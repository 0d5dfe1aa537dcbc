"""Training recommendation: the skills a job position expects, with their level (``hr_skills``)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrJobSkillRequirement(models.Model):
    """An expected skill of a job position and its level; an employee below it has a skill gap.

    (``hr_recruitment_skills`` adds expected skills without a level, and needs the Recruitment app.)
    """

    _name = "hr.job.skill.requirement"
    _description = "Expected Skill of a Job Position"
    _order = "job_id, skill_type_id, skill_id"

    job_id = fields.Many2one("hr.job", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    skill_type_id = fields.Many2one("hr.skill.type", required=True, ondelete="cascade")
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade",
                               domain="[('skill_type_id', '=', skill_type_id)]")
    skill_level_id = fields.Many2one("hr.skill.level", string="Expected Level", required=True, ondelete="cascade",
                                     domain="[('skill_type_id', '=', skill_type_id)]")
    level_progress = fields.Integer(related="skill_level_id.level_progress", string="Expected Progress (%)")

    _sql_constraints = [
        ("job_skill_unique", "unique(job_id, skill_id)", "A job position expects each skill once."),
    ]

    @api.constrains("skill_id", "skill_level_id", "skill_type_id")
    def _check_skill_type(self):
        for rec in self:
            if rec.skill_id.skill_type_id != rec.skill_type_id or rec.skill_level_id.skill_type_id != rec.skill_type_id:
                raise ValidationError(self.env._(
                    "The skill %(skill)s and the level %(level)s must both be of the skill type %(type)s.",
                    skill=rec.skill_id.name, level=rec.skill_level_id.name, type=rec.skill_type_id.name))

    @api.model
    def _hrcr_expected(self, job_ids):
        """{job id: [(skill id, skill name, expected progress %)]}: one read."""
        out = {}
        for row in self.search_read([("job_id", "in", list(job_ids))], ["job_id", "skill_id", "level_progress"]):
            out.setdefault(row["job_id"][0], []).append(
                (row["skill_id"][0], row["skill_id"][1], float(row["level_progress"] or 0)))
        return out
