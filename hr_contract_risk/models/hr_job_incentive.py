"""Incentive recommendation: the promotion path of a job position (its next position)."""

from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_next_job_id = fields.Many2one(
        "hr.job", string="Next position (promotion path)", domain="[('id', '!=', id)]",
        help="The position an employee in this job is promoted to: suggested as the promotion path of the "
        "incentive levers.")
