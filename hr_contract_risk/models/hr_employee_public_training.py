"""Training recommendation: the manager reaches it from the public employee profile of their team."""

from odoo import api, fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"  # pylint: disable=consider-merging-classes-inherited

    hrcr_training_audience = fields.Boolean(string="Can Recommend Training", compute="_compute_hrcr_training_audience")

    @api.depends_context("uid")
    def _compute_hrcr_training_audience(self):
        team = set(self.env["hr.employee"]._hrcr_managed_by(self.env.user).ids)
        for employee in self:
            employee.hrcr_training_audience = employee.id in team

    def action_hrcr_training(self):
        self.ensure_one()
        return self.env["hr.employee"].browse(self.id).action_hrcr_training()
