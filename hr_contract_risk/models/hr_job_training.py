"""Training recommendation: the job position's expected skills."""

from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"  # pylint: disable=consider-merging-classes-inherited

    hrcr_skill_requirement_ids = fields.One2many(
        "hr.job.skill.requirement", "job_id", string="Expected Skills (levels)",
        help="The skills this position expects and their level: an employee below them has a skill gap that "
        "the training recommendation answers.")
